/**
 * The Run, through the public API only (src/index.ts), as the app and code outside this repository
 * use it: exact seeks, lazy recording, read-only queries, steps that replace the future, and
 * `after:` steps that fire at the instant their condition starts to hold, whatever the playback path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, createRun, parseScenario, type Frame, type Scenario } from '../index.ts';

const kubia = (
  image: string,
  { name = 'kubia', replicas = 3, labels = 'app: kubia' } = {},
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      ${labels.replace(/, /g, '\n      ')}
  template:
    metadata:
      labels:
        ${labels.replace(/, /g, '\n        ')}
    spec:
      containers:
      - name: nodejs
        image: ${image}
        ports:
        - containerPort: 8080
`;

const service = (selector: string) => `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector:
    ${selector.replace(/, /g, '\n    ')}
  ports:
  - port: 80
    targetPort: 8080
`;

function scenario(
  steps: Scenario['spec']['steps'],
  manifests = `${kubia('luksa/kubia:v1')}---\n${service('app: kubia')}`,
): Scenario {
  return {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: 'run-test' },
    spec: {
      seed: 7,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests,
      steps,
    },
  };
}

const rolling = scenario([
  { at: 30, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
  { at: 70, run: 'kubectl scale deployment/kubia --replicas=5' },
]);

/** A frame without what may differ between two Runs of the same scenario (their change counters). */
const comparable = (f: Frame) => ({ ...f, seq: 0, history: { ...f.history, version: 0 } });

describe('createRun', () => {
  it('opens at t=0 with the manifests applied and nothing recorded ahead', () => {
    const run = createRun(rolling);
    expect(run.now()).toBe(0);
    const f = run.frame();
    expect(f.objects.deployments.map((d) => d.metadata.name)).toEqual(['kubia']);
    expect(f.history.until).toBe(0);
    expect(f.history.samples.map((s) => s.t)).toEqual([0]);
    expect(f.steps.map((s) => s.status)).toEqual(['pending', 'pending']);
  });

  it('records only as far as anyone has played: the timeline never holds the future', () => {
    const run = createRun(rolling, { freeze: true });
    run.seek(45);
    expect(run.frame().history.until).toBe(45);
    expect(run.frame().history.samples.at(-1)!.t).toBe(45);
    run.seek(10);
    expect(run.frame().history.until).toBe(45);
    expect(run.frame().history.traffic.every((s) => s.t + 1 <= 45)).toBe(true);
    run.advance(5);
    expect(run.frame().history.until).toBe(45);
  });

  it('seeks to a moment exactly as playing there does (any mix of advance steps)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 12, noNaN: true }), { minLength: 1, maxLength: 25 }),
        (sizes) => {
          const played = createRun(rolling, { freeze: true });
          for (const s of sizes) played.advance(Math.round(s * 1000) / 1000);
          const t = played.now();
          const direct = createRun(rolling, { freeze: true });
          direct.seek(t);
          expect(comparable(direct.frame())).toEqual(comparable(played.frame()));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives the same frame after scrubbing back and forth as going straight there', () => {
    const run = createRun(rolling);
    for (const t of [60, 12, 95, 33.3, 80.25, 41]) run.seek(t);
    // The history runs to the furthest moment either has been at.
    const direct = createRun(rolling);
    direct.seek(95);
    direct.seek(41);
    expect(comparable(run.frame())).toEqual(comparable(direct.frame()));
  });

  it('checkpoints placed by the work done seek exactly as those every ten seconds', () => {
    // 20 writes: a rollout of a few pods takes a checkpoint at nearly every second of it.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }), (ts) => {
        const dense = createRun(rolling, { checkpointWrites: 20, freeze: true });
        const grid = createRun(rolling, { freeze: true });
        dense.seek(100);
        grid.seek(100);
        for (const t of ts) {
          dense.seek(t / 10);
          grid.seek(t / 10);
          expect(comparable(dense.frame())).toEqual(comparable(grid.frame()));
        }
      }),
      { numRuns: 10 },
    );
  });

  it('steps between checkpoints (each then has one at its instant) seek as going straight there', () => {
    const offGrid = scenario([
      { at: 23.4, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
      { at: 37.25, run: 'kubectl rollout undo deployment/kubia' },
      { at: 51.9, run: 'kubectl scale deployment/kubia --replicas=5' },
    ]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 200, max: 700 }), { minLength: 1, maxLength: 6 }), (ts) => {
        const run = createRun(offGrid, { freeze: true });
        run.seek(120);
        for (const t of ts) run.seek(t / 10);
        const direct = createRun(offGrid, { freeze: true });
        direct.seek(120);
        direct.seek(ts[ts.length - 1]! / 10);
        expect(comparable(run.frame())).toEqual(comparable(direct.frame()));
      }),
      { numRuns: 10 },
    );
  });

  it('pods have served the same requests after scrubbing back and forth as going straight there', () => {
    // Checkpoints keep the requests each pod served and its app log apart from the kubelet's
    // records: both must be back after a seek, where a frame does not show them.
    const served = (run: ReturnType<typeof createRun>) =>
      run.frame().objects.pods.map((p) => run.query(`kubectl logs ${p.metadata.name}`).stdout);
    const run = createRun(rolling);
    for (const t of [95, 12, 57.3, 80.25, 64]) run.seek(t);
    const direct = createRun(rolling);
    direct.seek(64);
    const logs = served(direct);
    expect(logs.filter((l) => l.includes('Received request')).length).toBeGreaterThan(2);
    expect(served(run)).toEqual(logs);
  });

  it('query never changes the moment or the state, even for a command that writes', () => {
    const run = createRun(rolling);
    run.seek(40);
    const before = comparable(run.frame());
    for (const cmd of [
      'kubectl get pods',
      'kubectl rollout status deployment/kubia',
      'kubectl get pods -w',
      'kubectl scale deployment/kubia --replicas=9',
      'kubectl delete deployment kubia',
      'kubectl set image deployment/kubia nodejs=luksa/kubia:v3',
    ])
      run.query(cmd);
    expect(run.now()).toBe(40);
    expect(comparable(run.frame())).toEqual(before);
    run.seek(120);
    const untouched = createRun(rolling);
    untouched.seek(120);
    expect(comparable(run.frame())).toEqual(comparable(untouched.frame()));
  });

  it('query of a write prints what it would print; a watch prints what it has now', () => {
    const run = createRun(rolling);
    run.seek(40);
    expect(run.query('kubectl scale deployment/kubia --replicas=9')).toMatchObject({
      stdout: 'deployment.apps/kubia scaled\n',
      exitCode: 0,
      watching: false,
    });
    const status = run.query('kubectl rollout status deployment/kubia');
    expect(status.watching).toBe(true);
    expect(status.stdout).toMatch(/^Waiting for deployment "kubia" rollout to finish: /);
    expect(run.now()).toBe(40);
  });

  it('run() at a past moment discards the steps after it and what was recorded after it', () => {
    const run = createRun(rolling);
    run.seek(100);
    expect(run.frame().steps.map((s) => s.status)).toEqual(['done', 'done']);
    run.seek(50);
    run.run('kubectl rollout pause deployment/kubia');
    expect(run.scenario().spec.steps.map((s) => [s.at, s.run])).toEqual([
      [30, 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2'],
      [50, 'kubectl rollout pause deployment/kubia'],
    ]);
    expect(run.frame().history.until).toBe(50);
    run.seek(100);
    expect(run.frame().objects.deployments[0]!.spec.replicas).toBe(3);
    expect(run.frame().objects.deployments[0]!.spec.paused).toBe(true);
    // The same scenario from scratch gives the same moment.
    const replay = createRun(run.scenario());
    replay.seek(100);
    expect(comparable(replay.frame())).toEqual(comparable(run.frame()));
  });

  it('a watching step prints as time moves and never moves the clock', () => {
    const run = createRun(
      scenario([
        { at: 30, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
        { at: 31, run: 'kubectl rollout status deployment/kubia' },
      ]),
    );
    run.seek(31);
    expect(run.now()).toBe(31);
    let step = run.frame().steps[1]!;
    expect(step.status).toBe('running');
    expect(step.stdout).toBe(
      'Waiting for deployment "kubia" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    );
    run.seek(31.5);
    expect(run.now()).toBe(31.5);
    run.seek(200);
    step = run.frame().steps[1]!;
    expect(step.status).toBe('done');
    expect(step.exitCode).toBe(0);
    expect(step.stdout).toMatch(/deployment "kubia" successfully rolled out\n$/);
    // Scrubbing back shows only what had been printed by then, and going forward again the same.
    run.seek(40);
    expect(run.frame().steps[1]!.status).toBe('running');
    run.seek(200);
    expect(run.frame().steps[1]!.stdout).toBe(step.stdout);
  });

  it('a watching step is watched again when the checkpoint gone back to is at its own instant', () => {
    // At 40 (on the checkpoint grid) and at 33 (a step's instant has a checkpoint of its own), a
    // checkpoint is taken after the step began watching: it cannot restore the watch.
    for (const at of [33, 40]) {
      const s = scenario([
        { at: 30, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
        { at, run: 'kubectl rollout status deployment/kubia' },
      ]);
      const run = createRun(s);
      run.seek(at + 15);
      run.seek(at + 2);
      run.seek(200);
      const direct = createRun(s);
      direct.seek(200);
      expect(run.frame().steps[1]).toEqual(direct.frame().steps[1]);
      expect(run.frame().steps[1]!.status).toBe('done');
    }
  });

  it('a watching step lost by going back is watched again before the recording goes further', () => {
    const s = scenario([
      { at: 30, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
      { at: 31, run: 'kubectl rollout status deployment/kubia' },
    ]);
    const run = createRun(s);
    run.seek(45);
    run.seek(42); // from the checkpoint at 40: the stream of the step at 31 is gone
    run.seek(200);
    const direct = createRun(s);
    direct.seek(200);
    expect(run.frame().steps[1]).toEqual(direct.frame().steps[1]);
  });

  it('frames share unchanged objects and are frozen when asked', () => {
    const run = createRun(rolling, { freeze: true });
    run.seek(20);
    const a = run.frame();
    run.advance(0.01);
    const b = run.frame();
    expect(b.objects.deployments[0]).toBe(a.objects.deployments[0]);
    expect(Object.isFrozen(b.view.deployments[0]!.lanes[0]!.pods[0])).toBe(true);
    expect(() => {
      (b.objects.deployments[0]!.spec as { replicas: number }).replicas = 9;
    }).toThrow();
  });

  it('notifies subscribers with the new frame after every change', () => {
    const run = createRun(rolling);
    const seen: number[] = [];
    const stop = run.subscribe((f) => seen.push(f.t));
    run.seek(10);
    run.advance(2.5);
    run.run('kubectl get pods');
    stop();
    run.advance(1);
    expect(seen).toEqual([10, 12.5, 12.5]);
  });
});

// ---------------------------------------------------------------------------------------------
// `after:` steps: blue/green as scenario data

const blueGreen = (steps: Scenario['spec']['steps']) =>
  scenario(
    steps,
    `${kubia('luksa/kubia:v1', { name: 'kubia', labels: 'app: kubia, color: blue' })}---\n${service('app: kubia, color: blue')}`,
  );

const SWITCH = `kubectl patch service kubia -p '{"spec":{"selector":{"app":"kubia","color":"green"}}}'`;
const GREEN = kubia('luksa/kubia:v2', { name: 'kubia-green', labels: 'app: kubia, color: green' });
const bgSteps: Scenario['spec']['steps'] = [
  { at: 20, run: 'kubectl apply -f -', stdin: GREEN },
  { at: 20, after: 'kubectl rollout status deployment/kubia-green', run: SWITCH },
  { at: 20, run: 'kubectl scale deployment/kubia --replicas=0' },
];

type GreenStatus = {
  observedGeneration?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  readyReplicas?: number;
  replicas?: number;
};

/** `rollout status`'s completion: updated = available = total = desired, the generation seen. */
const rolledOut = (d: { metadata: { generation: number }; spec: { replicas: number } }, s: GreenStatus) =>
  s.observedGeneration === d.metadata.generation &&
  s.updatedReplicas === d.spec.replicas &&
  s.availableReplicas === d.spec.replicas &&
  s.replicas === d.spec.replicas;

/**
 * The first instant green's Deployment holds `holds` (by default, its rollout completes), found
 * without the Run: a plain cluster stepped from one controller wake-up to the next, reading the
 * Deployment's status.
 */
function greenCompletes(holds = rolledOut): number {
  const c = createCluster({ seed: 7, nodes: 3, cpu: '4', memory: '8Gi' });
  c.apply(
    `${kubia('luksa/kubia:v1', { name: 'kubia', labels: 'app: kubia, color: blue' })}---\n${service('app: kubia, color: blue')}`,
  );
  c.setTraffic('kubia', 10);
  c.advance(20);
  c.kubectl('kubectl apply -f -', GREEN);
  for (let i = 0; i < 10_000; i++) {
    const d = c.get('deployment', 'kubia-green') as {
      metadata: { generation: number };
      spec: { replicas: number };
      status?: GreenStatus;
    };
    if (holds(d, d.status ?? {})) return c.now();
    const next = c.nextWakeUp();
    if (next === undefined) break;
    c.advance(next - c.now());
  }
  throw new Error('green never completed');
}

describe('after: steps', () => {
  const expected = greenCompletes();

  it.each([
    ['one seek far ahead', (r: ReturnType<typeof createRun>) => r.seek(300)],
    [
      'advancing 0.1 s at a time',
      (r: ReturnType<typeof createRun>) => {
        for (let i = 0; i < 3000; i++) r.advance(0.1);
      },
    ],
    [
      'playing with a tiny frame budget',
      (r: ReturnType<typeof createRun>) => {
        while (r.now() < 300) r.play(300 - r.now(), () => true);
      },
    ],
    [
      'scrubbing back and forth',
      (r: ReturnType<typeof createRun>) => {
        for (const t of [25, 21, 60, 22, 150, 23.5, 300]) r.seek(t);
      },
    ],
    [
      'stepping',
      (r: ReturnType<typeof createRun>) => {
        while (r.now() < 300 && r.frame().nextAction !== undefined) r.stepForward();
        r.seek(300);
      },
    ],
  ])('the Service switch fires the instant green completes: %s', (_name, drive) => {
    const run = createRun(blueGreen(bgSteps));
    drive(run);
    const steps = run.frame().steps;
    expect(expected).toBeGreaterThan(20);
    expect(steps[1]!.ranAt).toBe(expected);
    expect(steps[1]!.stdout).toBe('service/kubia patched\n');
    // The step after it waits for it, then runs at the same instant.
    expect(steps[2]!.ranAt).toBe(expected);
    expect(run.frame().view.services[0]!.selector).toBe('app=kubia,color=green');
  });

  it('an after: kubectl wait fires the instant its jsonpath holds (the first green pod ready)', () => {
    const firstReady = greenCompletes((_d, s) => s.readyReplicas === 1);
    expect(firstReady).toBeGreaterThan(20);
    expect(firstReady).toBeLessThan(expected);
    const run = createRun(
      blueGreen([
        bgSteps[0]!,
        {
          at: 20,
          after: 'kubectl wait --for=jsonpath={.status.readyReplicas}=1 deploy/kubia-green',
          run: SWITCH,
        },
      ]),
    );
    run.seek(300);
    expect(run.frame().steps[1]!.ranAt).toBe(firstReady);
  });

  it('waits visibly: a step whose condition does not hold yet is "waiting"', () => {
    const run = createRun(blueGreen(bgSteps));
    run.seek(21);
    expect(run.frame().steps.map((s) => s.status)).toEqual(['done', 'waiting', 'pending']);
    expect(run.frame().view.services[0]!.selector).toBe('app=kubia,color=blue');
  });

  it("says what a waiting step's condition prints at the moment shown, as a query there does", () => {
    const run = createRun(blueGreen(bgSteps));
    for (const t of [20, 21, 25]) {
      run.seek(t);
      const [, waiting, next] = run.frame().steps;
      const now = run.query('kubectl rollout status deployment/kubia-green');
      expect(now.stdout).toMatch(/^Waiting for deployment "kubia-green" rollout to finish: /);
      expect(waiting!.condition).toEqual({ stdout: now.stdout, stderr: '' });
      // Only the step being waited for: the one after it waits for it, not for a condition.
      expect(next!.condition).toBeUndefined();
    }
    run.seek(expected + 1);
    expect(run.frame().steps.map((s) => s.condition)).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    [
      'kubectl rollout staus deployment/kubia-green',
      `error: unknown command "staus deployment/kubia-green"\nSee 'kubectl rollout -h' for help and examples\n`,
    ],
    [
      'kubectl get deploy kubia-gren',
      'Error from server (NotFound): deployments.apps "kubia-gren" not found\n',
    ],
    ['rm -rf /', 'error: unknown command "rm" for "kubectl"\n\nDid you mean this?\n\trun\n\tcp\n'],
  ])('a condition that fails says why the step waits: %s', (after, stderr) => {
    const run = createRun(blueGreen([bgSteps[0]!, { at: 20, after, run: SWITCH }]));
    run.seek(300);
    const step = run.frame().steps[1]!;
    expect(step.status).toBe('waiting');
    expect(step.condition).toEqual({ stdout: '', stderr });
  });

  it('a link replays it exactly: the scenario with the after: step from scratch', () => {
    const run = createRun(blueGreen(bgSteps));
    run.seek(300);
    const replay = createRun(run.scenario());
    replay.seek(300);
    expect(comparable(replay.frame())).toEqual(comparable(run.frame()));
  });

  it('scrubbing back before the switch and running another command replaces the rest', () => {
    const run = createRun(blueGreen(bgSteps));
    run.seek(300);
    run.seek(expected - 1);
    run.run('kubectl scale deployment/kubia-green --replicas=1');
    run.seek(300);
    expect(run.scenario().spec.steps.map((s) => s.run)).toEqual([
      'kubectl apply -f -',
      'kubectl scale deployment/kubia-green --replicas=1',
    ]);
    expect(run.frame().view.services[0]!.selector).toBe('app=kubia,color=blue');
  });
});

describe('a step that applies some documents and fails on others', () => {
  const GOOD = kubia('luksa/kubia:v2', { name: 'kubia-green', labels: 'app: kubia, color: green' });
  const BAD = kubia('luksa/kubia:v2', { name: 'kubia-bad', replicas: 3 }).replace(
    'replicas: 3',
    'replicas: three',
  );

  it('keeps what kubectl applied, exits 1, and a link replays the same state', () => {
    const run = createRun(scenario([]));
    run.seek(10);
    const r = run.run('kubectl apply -f -', `${GOOD}---\n${BAD}`);
    // What kubectl 1.33 prints against a cluster for the same documents.
    expect(r).toEqual({
      stdout: 'deployment.apps/kubia-green created\n',
      stderr:
        'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n',
      exitCode: 1,
    });
    run.seek(60);
    const names = (q: ReturnType<typeof run.query>) => q.stdout;
    expect(names(run.query('kubectl get deployments -o name'))).toBe(
      'deployment.apps/kubia\ndeployment.apps/kubia-green\n',
    );
    expect(run.frame().steps.map((s) => [s.exitCode, s.undone])).toEqual([[1, undefined]]);
    // All refused: nothing was written, so the step is undone.
    expect(run.run('kubectl apply -f -', BAD).exitCode).toBe(1);
    expect(run.frame().steps.map((s) => s.undone)).toEqual([undefined, true]);
    run.seek(60);
    const replay = createRun(run.scenario());
    replay.seek(60);
    expect(comparable(replay.frame())).toEqual(comparable(run.frame()));
    // Scrubbing back over the step and forward again reproduces it too.
    run.seek(5);
    run.seek(60);
    expect(comparable(run.frame())).toEqual(comparable(replay.frame()));
  });
});

describe('a step given several objects, one of them missing', () => {
  it('keeps what kubectl changed, as a cluster does, and a link replays it', () => {
    const run = createRun(scenario([]));
    run.seek(10);
    // What kubectl 1.33 prints for the same commands against a cluster (partial-compare.test.ts).
    expect(run.run('kubectl scale deployment kubia nosuch --replicas=5')).toEqual({
      stdout: 'deployment.apps/kubia scaled\n',
      stderr: 'Error from server (NotFound): deployments.apps "nosuch" not found\n',
      exitCode: 1,
    });
    expect(run.run('kubectl label deployment nosuch kubia tier=web').exitCode).toBe(1);
    run.seek(60);
    expect(
      run.query("kubectl get deployment kubia -o 'jsonpath={.spec.replicas} {.metadata.labels.tier}'").stdout,
    ).toBe('5 web');
    expect(run.frame().objects.pods.filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(5);
    expect(run.frame().steps.map((s) => [s.exitCode, s.undone])).toEqual([
      [1, undefined],
      [1, undefined],
    ]);
    const replay = createRun(run.scenario());
    replay.seek(60);
    expect(comparable(replay.frame())).toEqual(comparable(run.frame()));
  });
});

describe('a step that fails', () => {
  const budget = `${kubia('luksa/kubia:v1', { replicas: 1 })}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: kubia
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: kubia
`;

  it('is kept with its error, and marked undone when it changed nothing', () => {
    const run = createRun(scenario([]));
    run.advance(10);
    expect(run.run('kubectl frobnicate').exitCode).toBe(1);
    expect(run.run('kubectl delete deployment nothing-here').exitCode).toBe(1);
    expect(run.run('kubectl scale deployment/kubia --replicas=4').exitCode).toBe(0);
    const steps = run.frame().steps;
    // A link replays the console as it was: the failed commands stay steps, with their errors.
    expect(steps.map((s) => [s.run, s.exitCode, s.undone])).toEqual([
      ['kubectl frobnicate', 1, true],
      ['kubectl delete deployment nothing-here', 1, true],
      ['kubectl scale deployment/kubia --replicas=4', 0, undefined],
    ]);
    expect(steps[1]!.stderr).toContain('NotFound');
  });

  it('discards nothing at a past moment: the steps it would replace stand, and it is no step', () => {
    const update = 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2';
    const run = createRun(scenario([{ at: 20, run: update }]));
    run.seek(60);
    const ahead = comparable(run.frame());
    run.seek(10);
    const back = run.frame();
    for (const line of [
      'kubectl sclae deployment kubia',
      'kubectl scale deployment/kubia --replicas=-4',
      'kubectl delete deployment nothing-here',
    ]) {
      const r = run.run(line);
      expect(r).toMatchObject({ exitCode: 1, step: false });
      expect(r.stderr).not.toBe('');
    }
    expect(run.now()).toBe(10);
    expect(run.scenario().spec.steps.map((st) => st.run)).toEqual([update]);
    // What was recorded ahead stays: the timeline still shows the update up to 60.
    expect(comparable(run.frame())).toEqual(comparable(back));
    run.seek(60);
    expect(comparable(run.frame())).toEqual(ahead);
    // A command that does something starts a new future there, as any step does.
    run.seek(10);
    const r = run.run('kubectl scale deployment/kubia --replicas=4');
    expect(r.exitCode).toBe(0);
    expect(r.step).toBeUndefined();
    expect(run.scenario().spec.steps.map((st) => st.run)).toEqual([
      'kubectl scale deployment/kubia --replicas=4',
    ]);
  });

  it('is refused, and no step, when the scenario it would make could not be opened again', () => {
    const run = createRun(scenario([]));
    run.advance(10);
    const before = run.scenario();
    const long = `kubectl annotate deployment kubia note=${'z'.repeat(10_001)}`;
    const big = `${kubia('luksa/kubia:v2')}# ${'x'.repeat(900_000)}\n`;
    for (const [line, stdin, why] of [
      [long, undefined, `Too long: ${long.length} characters: must have at most 10000`],
      ['kubectl apply -f -', big, 'Too long: its manifests and steps would hold'],
    ] as const) {
      const r = run.run(line, stdin);
      expect(r).toMatchObject({ stdout: '', exitCode: 1, step: false });
      expect(r.stderr).toContain(`error: this command cannot be kept as a step of the scenario: ${why}`);
    }
    expect(run.scenario()).toEqual(before);
    expect(run.query('kubectl get deployment kubia -o jsonpath={.metadata.annotations.note}').stdout).toBe(
      '',
    );
    // Within the limits, the same commands are steps, and the scenario opens again.
    expect(run.run('kubectl annotate deployment kubia note=z').exitCode).toBe(0);
    expect(() => parseScenario(JSON.stringify(run.scenario()))).not.toThrow();
  });

  it('is refused once the scenario holds as many steps as one may', () => {
    const steps = Array.from({ length: 2000 }, (_, i) => ({
      at: i / 100,
      run: 'kubectl get deployment kubia',
    }));
    const run = createRun(scenario(steps));
    run.seek(30);
    expect(run.run('kubectl scale deployment kubia --replicas=2')).toMatchObject({
      exitCode: 1,
      step: false,
      stderr:
        'error: this command cannot be kept as a step of the scenario: Too many steps: must have at most 2000\n',
    });
    // From an earlier moment, fewer steps stay: it is one of them.
    run.seek(5);
    expect(run.run('kubectl scale deployment kubia --replicas=2').exitCode).toBe(0);
    expect(run.scenario().spec.steps).toHaveLength(502);
  });

  it('is not undone when it watched and failed later: a drain past its timeout keeps the cordon', () => {
    // One node, so the drain has the only pod to evict, and the budget holds it there.
    const s = scenario([], budget);
    const run = createRun({ ...s, spec: { ...s.spec, cluster: { ...s.spec.cluster, nodes: 1 } } });
    run.advance(10);
    expect(run.run('kubectl drain node-1 --timeout=10s').exitCode).toBe(0);
    run.advance(15);
    const [drain] = run.frame().steps;
    expect(drain).toMatchObject({ exitCode: 1, status: 'done' });
    expect(drain!.undone).toBeUndefined();
    expect(run.query('kubectl get node node-1').stdout).toContain('SchedulingDisabled');
  });
});

describe('watch (the console)', () => {
  it('hands on what a command printed in the order it printed it, one stream per chunk', () => {
    const run = createRun(rolling);
    run.seek(20);
    const chunks: { stdout?: string; stderr?: string }[] = [];
    const stream = run.watch('kubectl get pods -w --sort-by=.metadata.name', (c) => chunks.push(c));
    expect(stream.done).toBe(false);
    run.seek(40);
    stream.stop();
    // As kubectl prints it to a terminal: the warning, the table, then a row per change.
    expect(chunks[0]).toEqual({
      stderr: 'warning: --watch requested, --sort-by will be ignored for watch events received\n',
    });
    expect(chunks[1]!.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\n/);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(Object.keys(c)).toHaveLength(1);
    expect(chunks.slice(2).every((c) => c.stdout !== undefined)).toBe(true);
  });

  it('a missing name after the table, as kubectl prints it', () => {
    const run = createRun(rolling);
    run.seek(20);
    const pod = run.frame().objects.pods[0]!.metadata.name;
    const chunks: { stdout?: string; stderr?: string }[] = [];
    run.watch(`kubectl get endpoints,pods ${pod}`, (c) => chunks.push(c));
    expect(chunks.map((c) => (c.stdout !== undefined ? 'stdout' : 'stderr'))).toEqual([
      'stderr',
      'stdout',
      'stderr',
    ]);
    expect(chunks[0]!.stderr).toMatch(/^Warning: v1 Endpoints is deprecated/);
    expect(chunks[2]!.stderr).toMatch(/^Error from server \(NotFound\): endpoints "kubia-/);
  });
});
