/**
 * Field selectors as the API server reads them: fields.ParseSelector's cases (escapes, empty
 * terms, the first operator of a term), each kind's field label conversion and the fields its
 * registry exposes. Ported from apimachinery's selector_test.go and the registries' strategies.
 */
import { describe, expect, it } from 'vitest';
import { fieldSelection, parseFieldSelector, selectableFields } from './fields.ts';
import type { KubeObject } from './types.ts';

describe('parseFieldSelector', () => {
  it.each([
    ['', []],
    [',', []],
    ['a=b', [['a', false, 'b']]],
    ['a==b', [['a', false, 'b']]],
    ['a!=b', [['a', true, 'b']]],
    [
      'b=2,a=1',
      [
        ['a', false, '1'],
        ['b', false, '2'],
      ],
    ],
    ['x=a,', [['x', false, 'a']]],
    ['x=', [['x', false, '']]],
    ['=x', [['', false, 'x']]],
    ['x =a', [['x ', false, 'a']]],
    ['x=a\\,b', [['x', false, 'a,b']]],
    ['x=a\\=b', [['x', false, 'a=b']]],
    ['x=a\\\\b', [['x', false, 'a\\b']]],
  ] as [string, [string, boolean, string][]][])('%j', (text, want) => {
    const r = parseFieldSelector(text);
    expect(r.ok && r.requirements.map((q) => [q.field, q.negate, q.value])).toEqual(want);
  });

  it.each([
    ['a b', "invalid selector: 'a b'; can't understand 'a b'"],
    ['x=1,a', "invalid selector: 'x=1,a'; can't understand 'a'"],
    ['x=a=b', 'invalid field selector: unescaped character in value: 61'],
    ['x!==a', 'invalid field selector: unescaped character in value: 61'],
    ['x=a\\b', 'invalid field selector: invalid escape sequence: \\b'],
    ['x=a\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('%j is refused', (text, error) => {
    expect(parseFieldSelector(text)).toEqual({ ok: false, error });
  });
});

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec: { nodeName: 'node-1', restartPolicy: 'Always', containers: [] },
  status: { phase: 'Running', podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.1' }] },
} as unknown as KubeObject;
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, spec: {} } as KubeObject;
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'kubia', namespace: 'default' },
  spec: { replicas: 3 },
} as unknown as KubeObject;

describe('fieldSelection', () => {
  it.each([
    ['Pod', 'status.phase=Running', pod, true],
    ['Pod', 'status.phase!=Running', pod, false],
    ['Pod', 'spec.host=node-1', pod, true],
    ['Pod', 'spec.hostNetwork=false', pod, true],
    ['Pod', 'status.podIP=10.0.0.1,spec.restartPolicy=Always', pod, true],
    // Registered but not exposed: it reads as "".
    ['Pod', 'status.podIPs=', pod, true],
    ['Node', 'spec.unschedulable=false', node, true],
    ['Deployment', 'metadata.name=kubia,metadata.namespace=default', deployment, true],
  ] as const)('%s %s', (kind, text, o, want) => {
    const s = fieldSelection(kind, text);
    expect(s.ok && s.matches(o)).toBe(want);
  });

  it.each([
    ['Pod', 'spec.replicas=1', 'field label not supported: spec.replicas'],
    ['Node', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['Event', 'count=1', 'field label not supported: count'],
    [
      'Deployment',
      'spec.replicas=3',
      '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    ],
    [
      'ReplicaSet',
      'status.replicas=0',
      '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    ],
    // The sorted terms are converted in order: the first refused is reported.
    ['Pod', 'zz=1,aa=2', 'field label not supported: aa'],
  ])('%s %s is refused', (kind, text, error) => {
    expect(fieldSelection(kind, text)).toEqual({ ok: false, error });
  });
});

describe('selectableFields', () => {
  it('a node has no namespace field, and is schedulable unless it says so', () => {
    expect(selectableFields(node)).toEqual({ 'metadata.name': 'node-1', 'spec.unschedulable': 'false' });
  });

  it("an event's source is its reporting controller when it names no component", () => {
    const event = {
      kind: 'Event',
      metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'p' },
      reportingComponent: 'deployment-controller',
    } as unknown as KubeObject;
    expect(selectableFields(event)['source']).toBe('deployment-controller');
  });
});
