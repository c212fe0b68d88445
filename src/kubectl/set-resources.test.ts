/**
 * kubectl set resources in the simulator's own terms: the `-c` wildcard (upstream's
 * TestSelectString), the `--limits`/`--requests` parser, the canonical quantities it sends (each
 * checked against kubectl 1.33's client dry run), and what a new request does to the rollout and
 * the scheduler. What it prints is compared with the real kubectl in
 * src/server/set-resources-compare.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Deployment, Pod } from '../k8s/types.ts';
import { canonicalQuantity } from '../k8s/quantity.ts';
import { parseResourceList } from './commands/set-resources.ts';
import { selectString } from './commands/set-common.ts';
import { withKubia } from './test-fixtures.ts';

describe('selectString (helper_test.go)', () => {
  it.each([
    ['abcd', '*', true],
    ['abcd', 'dcba', false],
    ['abcd', '***d', true],
    ['abcd', '*bcd', true],
    ['abcd', '*bc', false],
    ['abcd', '*cd', true],
    ['abcd', 'a*d', true],
    ['abcd', 'a*cd', true],
    ['abcde', 'a*c*e', false],
    ['sidecar', 's*', true],
    ['sidecar', 's*car*', true],
    ['sidecar', 's*x', false],
  ])('%s matched by %s: %s', (s, spec, want) => {
    expect(selectString(s, spec)).toBe(want);
  });
});

describe('parseResourceList (populateResourceListV1)', () => {
  it.each([
    ['', undefined],
    ['cpu=200m,memory=512Mi', { cpu: '200m', memory: '512Mi' }],
    ['cpu=0.5,memory=1024Mi', { cpu: '500m', memory: '1Gi' }],
    ['cpu=1,cpu=2', { cpu: '2' }],
    ['=1', { '': '1' }],
  ])('%j', (spec, want) => {
    expect(parseResourceList(spec)).toEqual(want);
  });

  it.each([
    ['cpu', 'Invalid argument syntax cpu, expected <resource>=<value>'],
    ['cpu=1=2', 'Invalid argument syntax cpu=1=2, expected <resource>=<value>'],
    [',', 'Invalid argument syntax , expected <resource>=<value>'],
    [
      'cpu=abc',
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    ['cpu=', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['cpu=3e', "unable to parse quantity's suffix"],
  ])('%j is refused', (spec, message) => {
    expect(() => parseResourceList(spec)).toThrow(message);
  });
});

describe('canonicalQuantity (ParseQuantity, then String)', () => {
  it.each([
    // Canonicalized.
    ['0.5', '500m'],
    ['.5', '500m'],
    ['0.1', '100m'],
    ['1.5', '1500m'],
    ['2000m', '2'],
    ['1000M', '1G'],
    ['1.0', '1'],
    ['100.000', '100'],
    ['10.5', '10500m'],
    ['-1.5', '-1500m'],
    ['1.5k', '1500'],
    ['0m', '0'],
    ['00', '0'],
    ['-0', '0'],
    ['1024Mi', '1Gi'],
    ['2048Ki', '2Mi'],
    ['3000Ki', '3000Ki'],
    ['1.5Gi', '1536Mi'],
    ['0.75Mi', '768Ki'],
    ['-2048Ki', '-2Mi'],
    ['0.5Ki', '512'],
    ['1.25Ki', '1280'],
    ['0.9765625Ki', '1k'],
    ['0.001Ki', '1024m'],
    ['0.1Ki', '102400m'],
    ['1.1Mi', '1153433600m'],
    ['0.000001Mi', '1048576u'],
    ['0.5Ei', '512Pi'],
    ['1024Ei', '9223372036854775807'],
    // Rounded up to nano.
    ['0.5n', '1n'],
    ['0.0000000001', '1n'],
    ['1e-12', '1e-9'],
    ['0.000000000001Ki', '2n'],
    // The exponent format stays one.
    ['15e2', '1500'],
    ['12e1', '120'],
    ['0.1e1', '1'],
    // An exponent with no SI suffix loses it, as upstream's suffixer does.
    ['1000E', '1'],
    // Already canonical: kept as written.
    ['+1', '+1'],
    ['012', '012'],
    ['5.', '5.'],
    ['100Mi', '100Mi'],
    ['7Ki', '7Ki'],
    ['1G', '1G'],
    ['1E', '1E'],
    ['1e3', '1e3'],
    ['1E3', '1E3'],
    ['1e+3', '1e+3'],
    ['1e0', '1e0'],
    ['1.5e-2', '1.5e-2'],
    ['100e-3', '100e-3'],
    ['1500u', '1500u'],
    ['1234567890123456789', '1234567890123456789'],
    // Not a quantity: as given.
    ['abc', 'abc'],
  ])('%s is %s', (text, want) => {
    expect(canonicalQuantity(text)).toBe(want);
  });
});

describe('set resources in the cluster', () => {
  it('starts a rollout; a request no node can hold leaves the new pod Pending', () => {
    const c = withKubia();
    const r = c.kubectl('set resources deployment kubia --requests=cpu=100');
    expect(r.stdout).toBe('deployment.apps/kubia resource requirements updated\n');
    c.advance(30);
    const pods = c.sim.store.list<Pod>('Pod', 'default');
    const fresh = pods.filter((p) => p.spec.containers[0]!.resources?.requests?.['cpu'] === '100');
    expect(fresh.length).toBeGreaterThan(0);
    for (const p of fresh) {
      expect(p.status?.phase).toBe('Pending');
      expect(p.spec.nodeName).toBeUndefined();
    }
    // The old pods keep serving while the new one cannot be placed.
    expect(pods.filter((p) => p.status?.phase === 'Running').length).toBeGreaterThan(0);
  });

  it('sends nothing when the quantities already match, in any spelling', () => {
    const c = withKubia();
    c.kubectl('set resources deployment kubia --limits=cpu=500m');
    const before = c.sim.store.get('Deployment', 'default', 'kubia')!.metadata.resourceVersion;
    const r = c.kubectl('set resources deployment kubia --limits=cpu=0.5');
    expect(r).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(c.sim.store.get('Deployment', 'default', 'kubia')!.metadata.resourceVersion).toBe(before);
  });

  it('keeps what it changed when another object fails', () => {
    const c = withKubia();
    c.kubectl('create service clusterip kubia --tcp=80');
    const r = c.kubectl('set resources service/kubia deployment/kubia --limits=cpu=1');
    expect(r).toEqual({
      stdout: 'deployment.apps/kubia resource requirements updated\n',
      stderr: 'error: services/kubia the object is not a pod or does not have a pod template: *v1.Service\n',
      exitCode: 1,
    });
    const d = c.sim.store.get<Deployment>('Deployment', 'default', 'kubia')!;
    expect(d.spec.template.spec.containers[0]!.resources).toEqual({ limits: { cpu: '1' } });
  });
});
