/**
 * Reading claims (`expect:` on a step): what is accepted, what is refused and with which message,
 * and how a comparison reads. Evaluating them is src/run/claims.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { toYaml } from '../k8s/yaml.ts';
import {
  claimsText,
  comparisonOf,
  parseClaims,
  parseClaimsText,
  satisfies,
  type Claims,
  type Count,
} from './claims.ts';
import { parseScenario } from './scenario.ts';

describe('counts', () => {
  // [count, values it accepts, values it refuses]
  it.each<[Count, number[], number[]]>([
    [3, [3], [2, 4, 0]],
    ['3', [3], [2.9, 3.1]],
    ['=3', [3], [4]],
    ['==3', [3], [4]],
    ['>0', [0.1, 1, 100], [0, -1]],
    ['> 0', [1], [0]],
    ['>=8', [8, 9], [7]],
    ['<=13', [13, 0], [14]],
    ['<3', [2], [3]],
    ['!=0', [1, -1], [0]],
    ['20..30', [20, 25, 30], [19, 31]],
    ['0.5..1.5', [0.5, 1, 1.5], [0.4, 1.6]],
    [' 2 .. 2 ', [2], [1, 3]],
  ])('%j', (count, yes, no) => {
    for (const v of yes) expect([v, satisfies(v, count)]).toEqual([v, true]);
    for (const v of no) expect([v, satisfies(v, count)]).toEqual([v, false]);
  });

  it.each<unknown>([
    '',
    '>',
    'three',
    '>>3',
    '3..',
    '5..3',
    '1e3',
    Number.NaN,
    Infinity,
    null,
    true,
    [3],
    {},
  ])('%j is not a count', (v) => {
    expect(comparisonOf(v)).toBeUndefined();
  });

  it('refuses long text before any pattern sees it', () => {
    expect(comparisonOf(`${' '.repeat(100_000)}x`)).toBeUndefined();
    expect(comparisonOf(`>${'1'.repeat(50)}`)).toBeUndefined();
  });
});

describe('parseClaims', () => {
  it.each<[string, Claims]>([
    ['the issue’s examples', { trafficShare: { v2: '>0' }, refusedPerSecond: '>0', pods: { v1: 3 } }],
    ['pods by state', { pods: { v3: { running: 1, terminating: 0, total: 1 } } }],
    [
      'ReplicaSets, their count and revisions',
      { replicaSets: { v1: 'absent', v2: 3 }, replicaSetCount: 2, revisions: { v2: 2 } },
    ],
    [
      'a Service',
      {
        services: {
          kubia: {
            selector: 'app=kubia,color=green',
            endpoints: 3,
            notReady: 0,
            endpointsByVersion: { v2: 3 },
          },
        },
      },
    ],
    [
      'a Deployment',
      {
        deployments: {
          kubia: {
            strategy: 'RollingUpdate',
            maxSurge: '25%',
            maxUnavailable: 0,
            minReadySeconds: 10,
            replicas: 10,
            updated: '>0',
            ready: 8,
            available: '>=8',
            paused: false,
            phase: 'stalled',
            conditions: {
              Available: 'True',
              Progressing: { status: 'False', reason: 'ProgressDeadlineExceeded' },
            },
            budget: { pods: 13, max: 13, available: 8, min: 8 },
          },
        },
      },
    ],
    ['CPU and events', { cpu: { requested: 6, allocatable: 6 }, events: { FailedScheduling: '>0' } }],
    [
      'one span of the timeline',
      { timeline: { from: 20, to: 40, refused: '>0', firstRefused: 20, lastRefused: '28..29' } },
    ],
    [
      'several spans',
      {
        timeline: [
          { from: 0, together: ['v1', 'v2'] },
          { from: 30, answered: { v2: '>0' }, errors: 0 },
        ],
      },
    ],
  ])('reads %s as written', (_what, claims) => {
    expect(parseClaims(claims)).toEqual(claims);
  });

  // [what, input, message]
  it.each<[string, unknown, string]>([
    ['not a map', [1], 'expect: Invalid value: [1]: must be a map'],
    [
      'an unknown claim',
      { trafic: {} },
      'expect: Unsupported value: "trafic": supported values: "pods", "replicaSets", "replicaSetCount"',
    ],
    [
      'a count that is not one',
      { trafficShare: { v2: 'some' } },
      'expect.trafficShare.v2: Invalid value: "some": must be a number or a comparison such as ">0"',
    ],
    [
      'an unknown pod state',
      { pods: { v1: { Running: 1 } } },
      'expect.pods.v1: Unsupported value: "Running"',
    ],
    [
      'a prototype key',
      JSON.parse('{"pods": {"__proto__": 1}}'),
      'expect.pods: Invalid value: "__proto__": must be a name',
    ],
    [
      'an unknown phase',
      { deployments: { kubia: { phase: 'done' } } },
      'expect.deployments.kubia.phase: Unsupported value: "done": supported values: "progress", "complete", "paused", "stalled"',
    ],
    [
      'an unknown strategy',
      { deployments: { kubia: { strategy: 'BlueGreen' } } },
      'expect.deployments.kubia.strategy: Unsupported value: "BlueGreen"',
    ],
    [
      'maxSurge that is no int-or-percent',
      { deployments: { kubia: { maxSurge: '1.5' } } },
      'expect.deployments.kubia.maxSurge: Invalid value: "1.5": must be an integer or a percentage',
    ],
    [
      'paused as text',
      { deployments: { kubia: { paused: 'yes' } } },
      'expect.deployments.kubia.paused: Invalid value: "yes"',
    ],
    [
      'an empty selector',
      { services: { kubia: { selector: '' } } },
      'expect.services.kubia.selector: Invalid value: ""',
    ],
    ['a span without its start', { timeline: { refused: 0 } }, 'expect.timeline.from: Required value'],
    [
      'a span that ends before it starts',
      { timeline: { from: 20, to: 10 } },
      'expect.timeline.to: Invalid value: 10: must be after from (20)',
    ],
    [
      'a fractional second',
      { timeline: [{ from: 1.5 }] },
      'expect.timeline[0].from: Invalid value: 1.5: must be a whole second',
    ],
    [
      'one version “together”',
      { timeline: { from: 0, together: ['v1'] } },
      'expect.timeline.together: Invalid value: ["v1"]',
    ],
    ['the absent word for a count', { pods: { v1: 'absent' } }, 'expect.pods.v1: Invalid value: "absent"'],
  ])('refuses %s', (_what, input, message) => {
    expect(() => parseClaims(input)).toThrow(message);
  });
});

describe('expect: in a scenario', () => {
  const scenario = (expectYaml: string) => `apiVersion: rolloutlab/v1
kind: Scenario
metadata: { name: s }
spec:
  steps:
    - at: 5
      run: kubectl get pods
      expect: ${expectYaml}
`;

  it('is read from YAML, kept, and written back', () => {
    const s = parseScenario(scenario('{ trafficShare: { v2: ">0" }, pods: { v1: 3 } }'));
    expect(s.spec.steps[0]!.expect).toEqual({ pods: { v1: 3 }, trafficShare: { v2: '>0' } });
    expect(parseScenario(toYaml(s))).toEqual(s);
  });

  it('is refused with the step’s field path, as a ScenarioError', () => {
    expect(() => parseScenario(scenario('{ pods: { v1: lots } }'))).toThrow(
      'spec.steps[0].expect.pods.v1: Invalid value: "lots"',
    );
    expect(() => parseScenario(scenario('{ pods: { v1: lots } }'))).toThrow(
      expect.objectContaining({ name: 'ScenarioError' }),
    );
  });
});

describe('claims typed as text (the lesson builder)', () => {
  it('reads YAML or JSON, and writes back what it reads', () => {
    const claims = parseClaimsText("pods: { v2: 3 }\ntrafficShare: { v1: '>0' }", 'spec.steps[1].expect');
    expect(claims).toEqual({ pods: { v2: 3 }, trafficShare: { v1: '>0' } });
    expect(parseClaimsText(claimsText(claims!))).toEqual(claims);
    expect(parseClaimsText('{"replicaSetCount": 2}')).toEqual({ replicaSetCount: 2 });
    expect(parseClaimsText('  \n')).toBeUndefined();
  });

  it.each([
    ['pods: [', /^error parsing spec\.steps\[1\]\.expect: error converting YAML to JSON/],
    ["pods: { v2: 'x' }", /^spec\.steps\[1\]\.expect\.pods\.v2: Invalid value: "x"/],
    ['sheep: 3', /spec\.steps\[1\]\.expect/],
    ['a: 1\n---\nb: 2', /must be one map of claims, found 2 documents/],
    // Written as a list, as steps are: refused as the file format refuses it, named by its field.
    [
      '- pods: { v2: 3 }',
      /^spec\.steps\[1\]\.expect: Invalid value: \[\{"pods":\{"v2":3\}\}\]: must be a map$/,
    ],
    [
      '- pods: { v2: 3 }\n- trafficShare: { v1: ">0" }',
      /^spec\.steps\[1\]\.expect: Invalid value: \[\{"pods".*\]: must be a map$/,
    ],
    [
      '- pods\n- replicaSetCount',
      /^spec\.steps\[1\]\.expect: Invalid value: \["pods","replicaSetCount"\]: must be a map$/,
    ],
    ['[1, 2]', /^spec\.steps\[1\]\.expect: Invalid value: \[1,2\]: must be a map$/],
  ])('refuses %j with a message that names the field', (text, message) => {
    expect(() => parseClaimsText(text, 'spec.steps[1].expect')).toThrow(message);
  });
});
