/**
 * Comparisons through the public API: the "All three strategies" preset measured against numbers
 * found without the comparison (a plain cluster stepped instant by instant, and the controller
 * arithmetic), one traffic source, one clock after any mix of play, step and seek, and the
 * measurement rules on a hand-made history.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparisonOf,
  comparisonPreset,
  comparisonTable,
  createCluster,
  createComparison,
  createRun,
  kubiaStart,
  laneScenario,
  measureLane,
  parseScenario,
  tableText,
  type Frame,
  type History,
  type Scenario,
} from '../index.ts';

const EPS = 1e-6;

// ---------------------------------------------------------------------------------------------
// Expectations found without the comparison

interface Observed {
  /** Most pods at any instant that were neither Terminating nor finished. */
  peakPods: number;
  /** Failed (5xx) and refused requests from the update on. */
  failed: number;
  refused: number;
  /** Requests per whole second (all outcomes), from 0 on. */
  perSecond: number[];
}

type PodLike = { metadata: { deletionTimestamp?: string }; status?: { phase?: string } };
type DeploymentLike = {
  metadata: { generation?: number };
  spec: { replicas?: number };
  status?: {
    observedGeneration?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    replicas?: number;
  };
};

/**
 * Plays one lane's scenario on a plain cluster: the start, then each step at its time (an `after:`
 * step once green's Deployment reports complete), moving from one controller wake-up to the next
 * and counting pods at every instant.
 */
function observe(s: Scenario, until: number, from: number): Observed {
  const c = createCluster({
    seed: s.spec.seed,
    nodes: s.spec.cluster.nodes,
    cpu: s.spec.cluster.cpu,
    memory: s.spec.cluster.memory,
    timing: s.spec.timing,
  });
  c.apply(s.spec.manifests);
  c.setTraffic(s.spec.traffic!.service, s.spec.traffic!.requestsPerSecond);
  let peakPods = 0;
  const count = () => {
    if (c.now() < from - EPS) return;
    const pods = (c.list('pod') as PodLike[]).filter(
      (p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    ).length;
    peakPods = Math.max(peakPods, pods);
  };
  const rolledOut = (name: string) => {
    const d = c.get('deployment', name) as DeploymentLike | undefined;
    const st = d?.status ?? {};
    const want = d?.spec.replicas ?? 1;
    return (
      !!d &&
      (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
      st.updatedReplicas === want &&
      st.availableReplicas === want &&
      (st.replicas ?? 0) === want
    );
  };
  const stepTo = (t: number) => {
    while (c.now() < t - EPS) {
      const wake = c.nextWakeUp();
      const next = wake !== undefined && wake > c.now() + EPS ? Math.min(wake, t) : t;
      c.advance(next - c.now());
      count();
    }
  };
  for (const step of s.spec.steps) {
    stepTo(step.at);
    if (step.after) {
      const name = /deployment\/(\S+)/.exec(step.after)![1]!;
      while (!rolledOut(name) && c.now() < until) stepTo(c.nextWakeUp() ?? until);
    }
    expect(c.kubectl(step.run, step.stdin).exitCode).toBe(0);
    count();
  }
  stepTo(until);
  const series = c.trafficSeries();
  const perSecond: number[] = [];
  let failed = 0;
  let refused = 0;
  for (const p of series) {
    if (p.t + 1 > until + EPS) continue;
    perSecond[p.t] = Object.values(p.ok).reduce((a, b) => a + b, 0) + p.errors + p.refused;
    if (p.t >= from) {
      failed += p.errors;
      refused += p.refused;
    }
  }
  return { peakPods, failed, refused, perSecond };
}

/** Replicas and the RollingUpdate arithmetic of the start's Deployment, read from its manifest. */
function startNumbers(s: Scenario): { replicas: number; surge: number } {
  const replicas = Number(/replicas: (\d+)/.exec(s.spec.manifests)![1]);
  // No strategy in the manifest: the defaults, maxSurge 25% rounded up.
  expect(s.spec.manifests).not.toMatch(/maxSurge/);
  return { replicas, surge: Math.ceil(replicas * 0.25) };
}

describe('the "All three strategies" preset on kubia', () => {
  const scenario = comparisonPreset('all-three')!;
  const c = createComparison(scenario);
  c.seek(c.end());
  const byName = Object.fromEntries(c.lanes.map((l, i) => [l.name, c.metrics()[i]!]));
  const observed = Object.fromEntries(
    scenario.spec.variants!.map((v, i) => [v.name, observe(laneScenario(scenario, i), c.end(), c.start())]),
  );
  const { replicas, surge } = startNumbers(scenario);

  it('is kubia with 3 replicas, default timings and 10 requests/s', () => {
    expect(replicas).toBe(3);
    expect(scenario.spec.timing).toEqual({});
    expect(scenario.spec.traffic).toEqual({ service: 'kubia', requestsPerSecond: 10 });
    expect(c.lanes.map((l) => l.name)).toEqual(['recreate', 'rolling-25pct-25pct', 'blue-green']);
  });

  it('Recreate fails or refuses requests; rolling update and blue/green none', () => {
    const lost = (n: string) => byName[n]!.failed + byName[n]!.refused;
    expect(lost('recreate')).toBeGreaterThan(0);
    expect(lost('recreate')).toBe(observed['recreate']!.failed + observed['recreate']!.refused);
    expect(byName['recreate']!.errorSeconds).toBeGreaterThan(0);
    for (const n of ['rolling-25pct-25pct', 'blue-green']) {
      expect(lost(n)).toBe(0);
      expect(observed[n]!.failed + observed[n]!.refused).toBe(0);
      expect(byName[n]!.errorSeconds).toBe(0);
    }
  });

  it('peak pods not Terminating: Recreate replicas, rolling replicas + maxSurge, blue/green twice replicas', () => {
    const expected: Record<string, number> = {
      recreate: replicas,
      'rolling-25pct-25pct': replicas + surge,
      'blue-green': 2 * replicas,
    };
    expect(expected).toEqual({ recreate: 3, 'rolling-25pct-25pct': 4, 'blue-green': 6 });
    for (const [name, n] of Object.entries(expected)) {
      expect(byName[name]!.peakPods?.total).toBe(n);
      expect(observed[name]!.peakPods).toBe(n);
    }
    expect(byName['blue-green']!.peakPods?.versions).toEqual({ v1: replicas, v2: replicas });
  });

  it('every update completes; only rolling update and the switch moment mix versions', () => {
    for (const m of Object.values(byName)) expect(m.completeSeconds).toBeGreaterThan(0);
    expect(byName['recreate']!.mixedSeconds).toBe(0);
    expect(byName['rolling-25pct-25pct']!.mixedSeconds).toBeGreaterThan(byName['blue-green']!.mixedSeconds);
    // Blue/green requests twice the CPU of one set (500m per pod).
    expect(byName['blue-green']!.peakCpu?.cores).toBe(2 * replicas * 0.5);
  });

  it('one traffic source: every lane gets the same requests in every second', () => {
    const first = observed['recreate']!.perSecond;
    expect(first.length).toBe(c.end());
    for (const o of Object.values(observed)) expect(o.perSecond).toEqual(first);
    const fromRuns = c.lanes.map((l) =>
      l.run
        .history()
        .traffic.map((p) => Object.values(p.ok).reduce((a, b) => a + b, 0) + p.errors + p.refused),
    );
    for (const r of fromRuns) expect(r).toEqual(first);
  });

  it('the lanes are the same run until the first step that differs', () => {
    const fresh = createComparison(scenario);
    fresh.seek(c.start() - 0.5);
    const same = (f: Frame) => JSON.stringify([f.objects, f.traffic.recent, f.events]);
    const frames = fresh.lanes.map((l) => same(l.run.frame()));
    for (const f of frames) expect(f).toBe(frames[0]);
  });

  it('prints the same table in the CLI as the app shows', () => {
    const text = tableText(comparisonTable(c.lanes, c.metrics(), 'en'), false);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Measured\s+Recreate\s+Rolling update 25%\/25%\s+Blue\/green$/);
    const row = (label: string) =>
      lines
        .find((l) => l.startsWith(label))!
        .slice(label.length)
        .trim()
        .split(/\s{3,}/);
    expect(row('Peak pods (not Terminating)')).toEqual(['3 (3 v2)', '4 (3 v1 + 1 v2)', '6 (3 v1 + 3 v2)']);
    expect(row('Failed + refused requests')).toEqual([
      String(byName['recreate']!.refused + byName['recreate']!.failed),
      '0',
      '0',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// One clock

const small = (): Scenario => {
  const s = comparisonPreset('recreate-vs-rolling')!;
  s.spec.until = 50;
  return s;
};

type Op =
  | { kind: 'play'; seconds: number; instants: number }
  | { kind: 'seek'; t: number }
  | { kind: 'advance'; seconds: number }
  | { kind: 'forward' }
  | { kind: 'back' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('play' as const),
    seconds: fc.double({ min: 0, max: 8, noNaN: true }),
    instants: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('seek' as const), t: fc.double({ min: 0, max: 50, noNaN: true }) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.double({ min: 0, max: 6, noNaN: true }) }),
  fc.constant({ kind: 'forward' as const }),
  fc.constant({ kind: 'back' as const }),
);

const comparable = (f: Frame) => ({
  ...f,
  seq: 0,
  history: { ...f.history, version: 0, until: 0, duration: 0 },
});

describe('one clock', () => {
  it('lanes stay at the same moment after any mix of play, step and seek', () => {
    const s = small();
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
        const c = createComparison(s);
        for (const o of ops) {
          const before = c.now();
          if (o.kind === 'play') {
            let budget = o.instants;
            // Playback asks in whole milliseconds; the bound is what was asked.
            const asked = Math.round(o.seconds * 1000) / 1000;
            const played = c.play(asked, () => --budget <= 0);
            expect(played).toBeCloseTo(c.now() - before, 9);
            expect(c.now()).toBeLessThanOrEqual(before + asked + EPS);
          } else if (o.kind === 'seek') c.seek(o.t);
          else if (o.kind === 'advance') c.advance(o.seconds);
          else if (o.kind === 'forward') c.stepForward();
          else c.stepBack();
          for (const l of c.lanes) expect(l.run.now()).toBe(c.now());
        }
        // And each lane shows exactly what its scenario alone shows at that moment.
        const t = c.now();
        c.lanes.forEach((l, i) => {
          const alone = createRun(laneScenario(s, i));
          alone.seek(t);
          expect(comparable(l.run.frame()).objects).toEqual(comparable(alone.frame()).objects);
          expect(l.run.frame().traffic.recent).toEqual(alone.frame().traffic.recent);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('measures the same at a moment however it got there (a share link opens there fresh)', () => {
    const s = small();
    const played = createComparison(s);
    played.seek(50);
    played.seek(31);
    const fresh = createComparison(s);
    fresh.seek(31);
    expect(played.metrics()).toEqual(fresh.metrics());
  });

  it('steps forward to the earliest change in any lane, and back', () => {
    const c = createComparison(small());
    c.seek(20);
    c.stepForward();
    const t = c.now();
    expect(t).toBeGreaterThan(20);
    // No lane alone changes visibly between 20 and t.
    for (const [i] of c.lanes.entries()) {
      const alone = createRun(laneScenario(small(), i));
      alone.seek(20);
      alone.stepForward();
      expect(alone.now()).toBeGreaterThanOrEqual(t - EPS);
    }
    c.stepBack();
    expect(c.now()).toBeLessThan(t);
  });
});

// ---------------------------------------------------------------------------------------------
// The format

const base = (variants: string) => `apiVersion: rolloutlab/v1
kind: Scenario
metadata: { name: cmp }
spec:
  traffic: { service: kubia, requestsPerSecond: 10 }
  manifests: ""
  steps:
    - { at: 5, run: kubectl get pods }
${variants}`;

const two = `  variants:
    - name: a
      title: { en: A, ko: 가 }
      steps: [{ at: 20, run: kubectl get pods }]
    - name: b
      steps: [{ at: 20, run: kubectl get deployments }]
`;

describe('spec.variants', () => {
  it('reads variants and a lane is the common steps then its own', () => {
    const s = parseScenario(base(two));
    expect(s.spec.variants?.map((v) => [v.name, v.title, v.steps.map((x) => x.run)])).toEqual([
      ['a', { en: 'A', ko: '가' }, ['kubectl get pods']],
      ['b', undefined, ['kubectl get deployments']],
    ]);
    const lane = laneScenario(s, 1);
    expect(lane.metadata.name).toBe('cmp-b');
    expect(lane.spec.variants).toBeUndefined();
    expect(lane.spec.steps.map((x) => [x.at, x.run])).toEqual([
      [5, 'kubectl get pods'],
      [20, 'kubectl get deployments'],
    ]);
  });

  it.each([
    ['one variant', two.replace(/ {4}- name: b\n.*\n/, ''), '2 to 4 variants'],
    ['five variants', `  variants:\n${'    - { name: x, steps: [] }\n'.repeat(5)}`, '2 to 4 variants'],
    ['not a list', '  variants: { a: 1 }\n', 'spec.variants: must be a list'],
    ['a duplicate name', two.replace('name: b', 'name: a'), 'spec.variants[1].name: Duplicate value: "a"'],
    ['a name with capitals', two.replace('name: b', 'name: B'), 'spec.variants[1].name: Invalid value: "B"'],
    ['no name', two.replace('name: b', 'title: b'), 'spec.variants[1].name: Required value'],
    [
      'a step before the common ones',
      two.replace('at: 20, run: kubectl get deployments', 'at: 4, run: x'),
      'spec.variants[1].steps[0].at: Invalid value: 4',
    ],
    [
      'steps out of order',
      two.replace(
        'steps: [{ at: 20, run: kubectl get pods }]',
        'steps: [{ at: 20, run: a }, { at: 10, run: b }]',
      ),
      'spec.variants[0].steps[1].at: Invalid value: 10: steps must be in time order',
    ],
    [
      'a step without a command',
      two.replace('run: kubectl get deployments', 'run: ""'),
      'spec.variants[1].steps[0].run: Required value',
    ],
  ])('refuses %s', (_name, variants, message) => {
    expect(() => parseScenario(base(variants))).toThrow(message);
  });

  it('reads spec.until and refuses one out of range', () => {
    expect(parseScenario(base(`  until: 90\n${two}`)).spec.until).toBe(90);
    expect(() => parseScenario(base('  until: 0\n'))).toThrow('spec.until: Invalid value: 0');
  });

  it('a comparison needs variants', () => {
    expect(() => createComparison(base(''))).toThrow('spec.variants: Required value');
  });

  it('every preset survives a round trip through its file', async () => {
    const { scenarioYaml } = await import('../index.ts');
    for (const id of ['recreate-vs-rolling', 'surge-vs-unavailable', 'all-three', 'broken-v3']) {
      const s = comparisonPreset(id)!;
      expect(parseScenario(scenarioYaml(s))).toEqual(s);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The measurement rules, on a history made by hand

const sample = (
  t: number,
  versions: Record<string, number>,
  extra: Partial<History['samples'][number]> = {},
) => ({
  t,
  rs: {},
  images: {},
  available: 0,
  desired: 3,
  pods: Object.values(versions).reduce((a, b) => a + b, 0),
  versions,
  terminating: 0,
  cpuRequested: 0,
  cpuAllocatable: 6,
  rolledOut: false,
  ...extra,
});

const second = (t: number, ok: Record<string, number>, errors = 0, refused = 0) => ({
  t,
  ok,
  errors,
  refused,
});

describe('measureLane', () => {
  const history: History = {
    until: 14,
    duration: 180,
    samples: [
      sample(9, { v1: 9 }, { rolledOut: true, cpuRequested: 4.5 }), // before the window: ignored
      sample(10, { v1: 3 }, { cpuRequested: 1.5 }), // the update has just been asked for
      sample(11, { v1: 3, v2: 1 }, { cpuRequested: 2 }),
      sample(12, { v1: 2, v2: 2 }, { cpuRequested: 2.5, terminating: 1 }),
      sample(13, { v2: 3 }, { rolledOut: true, cpuRequested: 2 }),
      sample(14, { v2: 4 }, { rolledOut: true, cpuRequested: 2 }),
    ],
    traffic: [
      second(9, {}, 0, 10), // before the window
      second(10, { v1: 10 }),
      second(11, { v1: 8, v2: 1 }, 1),
      second(12, { v1: 0, v2: 9 }, 0, 1),
      second(13, { v2: 10 }),
    ],
    steps: [
      { at: 0, run: 'kubectl apply -f -' },
      { at: 10, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
    ],
    version: 1,
  };

  it.each([
    // until, peak pods (total at), completed at, error seconds, failed, refused, mixed seconds
    [10.5, [3, 10], undefined, 0, 0, 0, 0],
    [12, [4, 11], undefined, 1, 1, 0, 1],
    [13, [4, 11], 13, 2, 1, 1, 1],
    [14, [4, 11], 13, 2, 1, 1, 1],
  ])('up to %s', (until, [peak, peakAt], completedAt, errorSeconds, failed, refused, mixed) => {
    const m = measureLane(history, 2, 10, until);
    expect([m.peakPods?.total, m.peakPods?.at]).toEqual([peak, peakAt]);
    expect(m.completedAt).toBe(completedAt);
    expect(m.completeSeconds).toBe(completedAt === undefined ? undefined : completedAt - 10);
    expect([m.errorSeconds, m.failed, m.refused, m.mixedSeconds]).toEqual([
      errorSeconds,
      failed,
      refused,
      mixed,
    ]);
  });

  it('the CPU peak counts Terminating pods; completion waits for the last step', () => {
    const m = measureLane(history, 2, 10, 14);
    expect(m.peakCpu).toEqual({
      cores: 2.5,
      at: 12,
      allocatable: 6,
      versions: { v1: 2, v2: 2 },
      terminating: 1,
    });
    expect(m.mixedVersions).toEqual(['v1', 'v2']);
    // A third step not run yet: not complete, whatever the Deployments say.
    const waiting = measureLane(history, 3, 10, 14);
    expect(waiting.stepsDoneAt).toBeUndefined();
    expect(waiting.completedAt).toBeUndefined();
  });
});

describe('comparisonOf', () => {
  it('refuses RollingUpdate numbers the API server refuses, with its message', () => {
    expect(() =>
      comparisonOf(kubiaStart(), [
        { strategy: 'recreate' },
        { strategy: 'rolling', maxSurge: '0', maxUnavailable: '0' },
      ]),
    ).toThrow(
      'The Deployment "kubia" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    );
  });

  it('names lanes after their updates, twice the same one apart', () => {
    const s = comparisonOf(kubiaStart(), [
      { strategy: 'rolling', maxSurge: '50%', maxUnavailable: '0', minReadySeconds: 5, broken: true },
      { strategy: 'blue-green' },
      { strategy: 'blue-green' },
    ]);
    expect(s.spec.variants!.map((v) => [v.name, v.title?.en])).toEqual([
      ['rolling-50pct-0-5s-v3', 'Rolling update 50%/0, minReadySeconds 5 · broken v3'],
      ['blue-green', 'Blue/green'],
      ['blue-green-2', 'Blue/green'],
    ]);
    expect(s.spec.variants![1]!.steps.map((x) => [x.after, x.run.split(' ').slice(0, 3).join(' ')])).toEqual([
      [undefined, 'kubectl apply -f'],
      ['kubectl rollout status deployment/kubia-green', 'kubectl patch service'],
      [undefined, 'kubectl scale deployment/kubia'],
    ]);
  });
});
