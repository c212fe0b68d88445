/**
 * Claims checked against Frames, through the public API. The scenario has every duration 0, so
 * its numbers follow from its manifests alone: 4 replicas of 500m CPU on 2 nodes of 2 CPUs, 10
 * requests a second, RollingUpdate with the default 25%/25% (of 4: maxSurge rounds up to 1,
 * maxUnavailable down to 1, so at most 5 pods and at least 3 available).
 *
 * - 0:10 `set image` v2: the whole rollout happens in that instant; v1 answered every request
 *   before, v2 every one after.
 * - 0:20 `set image` v9-missing (an image that cannot be pulled): one old pod may go (min 3 of
 *   4) and the new ReplicaSet may have 5 − 3 = 2 pods, which fail; there it stays.
 */
import { describe, expect, it } from 'vitest';
import {
  checkClaims,
  checkScenarioClaims,
  counterReading,
  createRun,
  describeFailure,
  type Claims,
  type Frame,
  type Scenario,
  type TrafficSecond,
  type TrafficWindow,
} from '../index.ts';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: kubia }
spec:
  replicas: 4
  selector: { matchLabels: { app: kubia } }
  template:
    metadata: { labels: { app: kubia } }
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
        resources: { requests: { cpu: 500m } }
`;
const service = `apiVersion: v1
kind: Service
metadata: { name: kubia }
spec: { selector: { app: kubia }, ports: [{ port: 80, targetPort: 8080 }] }
`;

function scenario(steps: Scenario['spec']['steps'] = []): Scenario {
  return {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: 'claims' },
    spec: {
      seed: 3,
      cluster: { nodes: 2, cpu: '2', memory: '8Gi' },
      timing: { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 },
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: `${deployment}---\n${service}`,
      steps: [
        { at: 10, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
        { at: 20, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v9-missing' },
        ...steps,
      ],
    },
  };
}

const run = createRun(scenario(), { freeze: true });
const frames = new Map<number, Frame>();
const frameAt = (t: number): Frame => {
  if (!frames.has(t)) {
    run.seek(t);
    frames.set(t, run.frame());
  }
  return frames.get(t)!;
};

describe('checkClaims on a Run', () => {
  // [what, moment, claims, what the screen shows (one entry per claim), whether they hold]
  it.each<[string, number, Claims, string[], boolean]>([
    ['a version’s pods, Terminating ones aside', 25, { pods: { v2: 3 } }, ['3'], true],
    ['a wrong count of pods', 25, { pods: { v2: 4 } }, ['3'], false],
    ['pods by state', 25, { pods: { 'v9-missing': { failed: 2, available: 0 } } }, ['2', '0'], true],
    ['every pod of a version', 25, { pods: { v2: { total: 3 } } }, ['3'], true],
    ['a version with no pods has 0', 25, { pods: { v1: 0 } }, ['0'], true],
    ['more than', 25, { pods: { v2: '>0' } }, ['3'], true],
    ['fewer than', 25, { pods: { v2: '<3' } }, ['3'], false],
    ['a range, ends included', 25, { pods: { v2: '3..4' } }, ['3'], true],
    ['not equal', 25, { pods: { v2: '!=3' } }, ['3'], false],
    ['a ReplicaSet’s desired replicas', 25, { replicaSets: { v2: 3, 'v9-missing': 2 } }, ['3', '2'], true],
    ['an old ReplicaSet kept at 0', 25, { replicaSets: { v1: 0 } }, ['0'], true],
    ['a ReplicaSet said to be gone that is there', 25, { replicaSets: { v1: 'absent' } }, ['0'], false],
    ['a ReplicaSet that never existed', 25, { replicaSets: { v7: 'absent' } }, ['absent'], true],
    ['a count for a ReplicaSet that does not exist', 25, { replicaSets: { v7: 0 } }, ['absent'], false],
    ['how many ReplicaSets', 25, { replicaSetCount: 3 }, ['3'], true],
    ['revision numbers', 25, { revisions: { v1: 1, v2: 2, 'v9-missing': 3 } }, ['1', '2', '3'], true],
    ['the revision of a version with no ReplicaSet', 25, { revisions: { v7: 1 } }, ['absent'], false],
    ['the counter’s share, half and half', 15, { trafficShare: { v1: 50, v2: 50 } }, ['50', '50'], true],
    ['the counter’s share, wrong', 15, { trafficShare: { v2: '>50' } }, ['50'], false],
    ['a version gone from the counter has 0%', 25, { trafficShare: { v1: 0, v2: 100 } }, ['0', '100'], true],
    ['answers per second', 15, { answersPerSecond: { v1: 5, v2: 5 } }, ['5', '5'], true],
    ['no errors, no refusals', 25, { errorsPerSecond: 0, refusedPerSecond: 0 }, ['0', '0'], true],
    ['refusals said where there are none', 25, { refusedPerSecond: '>0' }, ['0'], false],
    [
      'the Service: selector, endpoints, not ready, endpoints per version',
      25,
      {
        services: {
          kubia: { selector: 'app=kubia', endpoints: 3, notReady: 2, endpointsByVersion: { v2: 3 } },
        },
      },
      ['app=kubia', '3', '2', '3'],
      true,
    ],
    [
      'a wrong selector',
      25,
      { services: { kubia: { selector: 'app=kubia,color=blue' } } },
      ['app=kubia'],
      false,
    ],
    ['a Service that does not exist', 25, { services: { web: { endpoints: 0 } } }, ['absent'], false],
    [
      'the Deployment’s spec as written, defaults included',
      25,
      {
        deployments: {
          kubia: { strategy: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%', replicas: 4 },
        },
      },
      ['RollingUpdate', '25%', '25%', '4'],
      true,
    ],
    [
      'maxSurge as resolved is not as written',
      25,
      { deployments: { kubia: { maxSurge: 1 } } },
      ['25%'],
      false,
    ],
    [
      'a rollout in progress',
      25,
      { deployments: { kubia: { phase: 'progress', paused: false } } },
      ['false', 'progress'],
      true,
    ],
    [
      'a rollout said complete that is not',
      25,
      { deployments: { kubia: { phase: 'complete' } } },
      ['progress'],
      false,
    ],
    [
      'a complete rollout',
      15,
      { deployments: { kubia: { phase: 'complete', updated: 4, available: 4 } } },
      ['4', '4', 'complete'],
      true,
    ],
    [
      'conditions by status and reason',
      25,
      {
        deployments: {
          kubia: {
            conditions: { Available: 'True', Progressing: { status: 'True', reason: 'ReplicaSetUpdated' } },
          },
        },
      },
      ['True MinimumReplicasAvailable', 'True ReplicaSetUpdated'],
      true,
    ],
    [
      'a condition with the wrong reason',
      25,
      { deployments: { kubia: { conditions: { Progressing: { reason: 'ProgressDeadlineExceeded' } } } } },
      ['True ReplicaSetUpdated'],
      false,
    ],
    [
      'the budget gauge: 5 of at most 5 pods, 3 of at least 3 available',
      25,
      { deployments: { kubia: { budget: { pods: 5, max: 5, available: 3, min: 3 } } } },
      ['5', '5', '3', '3'],
      true,
    ],
    ['a Deployment that does not exist', 25, { deployments: { web: { replicas: 1 } } }, ['absent'], false],
    [
      'CPU: 5 pods of 500m on 2 nodes of 2',
      25,
      { cpu: { requested: 2.5, allocatable: 4 } },
      ['2.5', '4'],
      true,
    ],
    [
      'events by reason',
      25,
      { events: { Failed: '>0', FailedScheduling: 0 } },
      [expect.any(String), '0'],
      true,
    ],
    [
      'answers per version over a span of the timeline',
      25,
      { timeline: { from: 0, to: 10, answered: { v1: 100, v2: 0 } } },
      ['100', '0'],
      true,
    ],
    [
      'a span up to the moment',
      25,
      { timeline: { from: 10, answered: { v2: 150 }, refused: 0 } },
      ['0', '150'],
      true,
    ],
    [
      'versions never answering in the same second',
      25,
      { timeline: { from: 0, together: ['v1', 'v2'] } },
      ['never at once'],
      false,
    ],
    [
      'the edge of a red gap that is not there',
      25,
      { timeline: { from: 0, firstRefused: 0 } },
      ['none refused'],
      false,
    ],
    [
      'a span past what was recorded',
      25,
      { timeline: { from: 0, to: 30, refused: 0 } },
      ['recorded up to 25'],
      false,
    ],
  ])('%s', (_what, t, claims, shown, holds) => {
    const results = checkClaims(frameAt(t), claims, t);
    expect(results.map((r) => r.actual)).toEqual(shown);
    expect(results.map((r) => r.ok)).toEqual(shown.map(() => holds));
  });

  it('names each claim by its path and says what the screen shows instead', () => {
    const [r] = checkClaims(frameAt(25), { trafficShare: { v2: '<50' } });
    expect(r).toEqual({ path: 'expect.trafficShare.v2', expected: '<50', actual: '100', ok: false });
    expect(describeFailure(r!)).toBe('expect.trafficShare.v2: claims <50, the screen shows 100');
  });
});

describe('the Service counter', () => {
  // The numbers the Service box prints: rates at one decimal, shares in whole percent.
  it.each<[string, TrafficWindow, ReturnType<typeof counterReading>]>([
    [
      'Recreate three seconds in: old answers still in the window',
      { ok: { v1: 70 }, errors: 0, refused: 30, seconds: 10 },
      { versions: [{ version: 'v1', perSecond: 7, percent: 100 }], errorsPerSecond: 0, refusedPerSecond: 3 },
    ],
    [
      'two to one rounds to 67 and 33',
      { ok: { v2: 1, v1: 2 }, errors: 0, refused: 0, seconds: 10 },
      {
        versions: [
          { version: 'v1', perSecond: 0.2, percent: 67 },
          { version: 'v2', perSecond: 0.1, percent: 33 },
        ],
        errorsPerSecond: 0,
        refusedPerSecond: 0,
      },
    ],
    [
      'the first seconds of a run: a shorter window',
      { ok: { v1: 10 }, errors: 3, refused: 0, seconds: 4 },
      {
        versions: [{ version: 'v1', perSecond: 2.5, percent: 100 }],
        errorsPerSecond: 0.8,
        refusedPerSecond: 0,
      },
    ],
    [
      'no answers at all',
      { ok: {}, errors: 0, refused: 100, seconds: 10 },
      { versions: [], errorsPerSecond: 0, refusedPerSecond: 10 },
    ],
  ])('%s', (_what, window, reading) => {
    expect(counterReading(window)).toEqual(reading);
  });

  const withWindow = (window: TrafficWindow): Frame => {
    const f = frameAt(15);
    return { ...f, traffic: { ...f.traffic, window } };
  };

  it.each<[string, TrafficWindow, Claims, string[], boolean]>([
    [
      '“every request is refused now” while old answers are still counted',
      { ok: { v1: 70 }, errors: 0, refused: 30, seconds: 10 },
      { trafficShare: { v1: 0 }, refusedPerSecond: '>0' },
      ['100', '3'],
      false,
    ],
    [
      'a rate the counter rounds to 0.0 is 0',
      { ok: { v1: 100 }, errors: 0, refused: 0, seconds: 10 },
      { errorsPerSecond: 0, answersPerSecond: { v1: 10 } },
      ['10', '0'],
      true,
    ],
    [
      'shares as the counter rounds them',
      { ok: { v1: 2, v2: 1 }, errors: 0, refused: 0, seconds: 10 },
      { trafficShare: { v1: 67, v2: 33 } },
      ['67', '33'],
      true,
    ],
  ])('%s', (_what, window, claims, shown, holds) => {
    const results = checkClaims(withWindow(window), claims);
    expect(results.map((r) => r.actual)).toEqual(shown);
    expect(results.every((r) => r.ok)).toBe(holds);
  });
});

describe('timeline claims', () => {
  // A Recreate-like history: v1 answers until 0:20, nothing until 0:29, v2 after, mixed at 0:29.
  const seconds: TrafficSecond[] = Array.from({ length: 40 }, (_, t) => ({
    t,
    ok: t < 20 ? { v1: 10 } : t === 29 ? { v1: 1, v2: 4 } : t > 29 ? { v2: 10 } : {},
    errors: t === 35 ? 2 : 0,
    refused: t >= 20 && t < 29 ? 10 : t === 29 ? 5 : 0,
  }));
  const f = frameAt(25);
  const frame: Frame = { ...f, t: 40, history: { ...f.history, until: 40, traffic: seconds } };

  it.each<[string, Claims, string[], boolean]>([
    [
      'the red gap’s edges and width',
      { timeline: { from: 15, firstRefused: 20, lastRefused: 29, refusedSeconds: 10 } },
      ['20', '29', '10'],
      true,
    ],
    [
      'refusals and errors in a span',
      { timeline: { from: 20, to: 30, refused: 95, errors: 0 } },
      ['95', '0'],
      true,
    ],
    ['a span after the gap', { timeline: { from: 30, refused: 0, errors: 2 } }, ['0', '2'], true],
    ['two versions at once', { timeline: { from: 0, together: ['v1', 'v2'] } }, ['1 s with all'], true],
    [
      'several spans',
      {
        timeline: [
          { from: 0, to: 20, refused: 0 },
          { from: 20, to: 29, answered: { v1: '>0' } },
        ],
      },
      ['0', '0'],
      false,
    ],
  ])('%s', (_what, claims, shown, holds) => {
    const results = checkClaims(frame, claims, 40);
    expect(results.map((r) => r.actual)).toEqual(shown);
    expect(results.every((r) => r.ok)).toBe(holds);
  });
});

describe('checkScenarioClaims', () => {
  it('checks each step’s claims at the moment it ran, `after:` steps included', () => {
    // Images take 5 s to pull here (on a node that has not pulled them yet), so the rollout to
    // v3 started at 0:22 ends some seconds later.
    const s = scenario([
      { at: 21, run: 'kubectl get pods', expect: { pods: { v2: 3, 'v9-missing': { total: 2 } } } },
      {
        at: 22,
        run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v3',
        expect: { revisions: { v3: 4 } },
      },
      {
        at: 22,
        after: 'kubectl rollout status deployment/kubia',
        run: 'kubectl get pods',
        expect: { pods: { v3: 4, v2: 0 }, deployments: { kubia: { phase: 'complete' } } },
      },
    ]);
    s.spec.timing = { ...s.spec.timing, imagePullSeconds: 5 };
    const checked = checkScenarioClaims(s);
    expect(checked.flatMap((c) => c.results.filter((r) => !r.ok).map(describeFailure))).toEqual([]);
    expect(checked.map((c) => c.index)).toEqual([2, 3, 4]);
    const done = checked[2]!.at!;
    expect(done).toBeGreaterThan(22);
    // The moment it ran is the first at which the rollout is complete.
    const r = createRun(s);
    r.seek(done - 0.01);
    expect(r.frame().view.deployments[0]!.phase.key).toBe('progress');
    expect(r.query('kubectl rollout status deployment/kubia').watching).toBe(true);
  });

  it('fails a wrong claim, and a step that never runs', () => {
    const s = scenario([
      { at: 21, run: 'kubectl get pods', expect: { pods: { v2: 4 } } },
      {
        at: 22,
        after: 'kubectl get deployment nothing-here',
        run: 'kubectl get pods',
        expect: { pods: { v2: 3 } },
      },
    ]);
    const failures = checkScenarioClaims(s).flatMap((c) =>
      c.results.filter((r) => !r.ok).map(describeFailure),
    );
    expect(failures).toEqual([
      'expect.pods.v2: claims 4, the screen shows 3',
      'spec.steps[3]: claims the step runs, the screen shows it never ran',
    ]);
  });
});
