/**
 * The measurements behind `npm run bench`, one per process: `tsx bench/cases.ts <case>` prints one
 * JSON line. `bench/core.ts` bundles this file with the simulator into one JavaScript module, runs
 * each case several times, alternating with another commit under `--compare`, and prints the
 * table. This file uses only what every commit since the Run has (SimCluster, applyAll,
 * runKubectl, createRun), so the same file measures an older checkout.
 *
 * Times are wall-clock milliseconds and, beside them, the CPU time of the process over the same
 * span: on a machine that others load too, the CPU time is the figure to trust.
 */
import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import '../src/k8s/yaml-impl.ts';
import { applyAll } from '../src/cluster/apply.ts';
import { SimCluster } from '../src/cluster/cluster.ts';
import type { Deployment, ReplicaSet } from '../src/k8s/types.ts';
import { parseManifests } from '../src/k8s/yaml.ts';
import { runKubectl } from '../src/kubectl/index.ts';
import { createRun } from '../src/run/run.ts';
import { createCluster } from '../src/index.ts';
import type { Scenario } from '../src/scenario/scenario.ts';

export interface Measure {
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds of this process over the same span. */
  cpu: number;
  /** Anything else the case reports (peak memory, counts). */
  extra?: Record<string, number>;
}

const zero = { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 };

/**
 * `BENCH_PROFILE=<file>` writes a CPU profile of the measured spans only (not the set-up), for
 * DevTools or any `.cpuprofile` reader; `BENCH_ALLOC=<file>` a sampling profile of what they
 * allocate, collected or not (a `.heapprofile`: where the garbage collector's work comes from).
 */
const profileTo = process.env['BENCH_PROFILE'];
const profiler = profileTo ? new inspector.Session() : undefined;
profiler?.connect();
profiler?.post('Profiler.enable');
const allocTo = process.env['BENCH_ALLOC'];
/** `BENCH_ALLOC_LIVE=1`: only what is still alive at the end of the span (what holds memory). */
const allocLive = process.env['BENCH_ALLOC_LIVE'] === '1';
const allocs = allocTo ? new inspector.Session() : undefined;
allocs?.connect();

function timed<T>(fn: () => T): { value: T; ms: number; cpu: number } {
  profiler?.post('Profiler.start');
  allocs?.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: !allocLive,
    includeObjectsCollectedByMinorGC: !allocLive,
  });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  profiler?.post('Profiler.stop', (err, r) => {
    if (!err && profileTo) writeFileSync(profileTo, JSON.stringify(r.profile));
  });
  allocs?.post('HeapProfiler.stopSampling', (err, r) => {
    if (!err && allocTo) writeFileSync(allocTo, JSON.stringify(r.profile));
  });
  return { value, ms, cpu: (c.user + c.system) / 1000 };
}

function deploymentYaml(replicas: number, service: boolean): string {
  const svc = service
    ? `apiVersion: v1
kind: Service
metadata: { name: kubia }
spec: { selector: { app: kubia }, ports: [{ port: 80, targetPort: 8080 }] }
---
`
    : '';
  return `${svc}apiVersion: apps/v1
kind: Deployment
metadata: { name: kubia }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: kubia } }
  template:
    metadata: { labels: { app: kubia } }
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
        ports: [{ containerPort: 8080 }]
`;
}

/** Complete: every replica updated and available, no old replica left, only the new pods exist. */
function complete(c: SimCluster, replicas: number, revision: string): boolean {
  const d = c.store.get<Deployment>('Deployment', 'default', 'kubia');
  const s = d?.status ?? {};
  if (s.updatedReplicas !== replicas || s.availableReplicas !== replicas || s.replicas !== replicas)
    return false;
  if (d?.metadata.annotations?.['deployment.kubernetes.io/revision'] !== revision) return false;
  const old = c.store
    .list<ReplicaSet>('ReplicaSet', 'default')
    .filter((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] !== revision);
  return old.every((r) => (r.spec.replicas ?? 0) === 0) && c.store.count('Pod') === replicas;
}

/** Room for replicas + maxSurge pods (and some terminating) at 110 pods a node. */
const nodesFor = (replicas: number) => Math.max(3, Math.ceil((replicas * 1.3 + 10) / 110));

function rolledOut(replicas: number, timing: 'zero' | 'default', service = false): SimCluster {
  const c = new SimCluster({
    seed: 1,
    nodes: nodesFor(replicas),
    cpu: '64',
    memory: '256Gi',
    ...(timing === 'zero' ? { timing: zero } : {}),
  });
  applyAll(c, parseManifests(deploymentYaml(replicas, service)));
  for (let i = 0; i < 100_000 && !complete(c, replicas, '1'); i++) c.advance(1);
  if (!complete(c, replicas, '1')) throw new Error('initial rollout did not complete');
  return c;
}

/**
 * A complete rolling update (luksa/kubia:v1 → v2, 25%/25%) from `set image` until every replica
 * is updated and available and no old pod is left. Peak heap is sampled every 10 virtual seconds.
 * With `again`, a second one (v2 → v3) in the same process after it is reported as `againMs`: the
 * same work with the engine warmed up (compiled code, a grown young generation), which the first
 * pays for too.
 */
function rollingUpdate(replicas: number, timing: 'zero' | 'default', again = false): Measure {
  const c = rolledOut(replicas, timing);
  let peakHeap = process.memoryUsage().heapUsed;
  const start = c.now;
  const t = timed(() => {
    runKubectl(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    for (let i = 0; i < 100_000 && !complete(c, replicas, '2'); i++) {
      c.advance(1);
      if (i % 10 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  });
  if (!complete(c, replicas, '2')) throw new Error('rolling update did not complete');
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const second = again
    ? timed(() => {
        runKubectl(c, 'set image deployment/kubia nodejs=luksa/kubia:v3');
        for (let i = 0; i < 100_000 && !complete(c, replicas, '3'); i++) c.advance(1);
      })
    : undefined;
  if (second && !complete(c, replicas, '3')) throw new Error('second rolling update did not complete');
  // What the finished rollout keeps: the heap after a full collection (the bench runs cases with
  // --expose-gc). Peak RSS moves by tens of MiB with the collector's own timing, which hides a
  // leak of that size; this does not.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const liveHeap = gc ? process.memoryUsage().heapUsed : NaN;
  return {
    ms: t.ms,
    cpu: t.cpu,
    extra: {
      virtualSeconds: c.now - start,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      peakHeapMiB: peakHeap / 2 ** 20,
      liveHeapMiB: liveHeap / 2 ** 20,
      events: c.eventList().length,
      ...(second ? { againMs: second.ms, againCpu: second.cpu } : {}),
    },
  };
}

/**
 * One instant of virtual time during a 1,000-replica rolling update with default timings, a
 * Service and 20 requests/s: each instant at which a controller acts is timed on its own. Reports
 * the median instant as `ms`, with p95 and the slowest.
 */
function instants(replicas: number): Measure {
  const c = rolledOut(replicas, 'default', true);
  c.setTraffic('kubia', 20);
  c.advance(5);
  runKubectl(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 100_000 && !complete(c, replicas, '2'); i++) {
    const next = c.nextWakeUp();
    if (next === undefined) break;
    const t = timed(() => c.advance(Math.max(0, next - c.now)));
    walls.push(t.ms);
    cpus.push(t.cpu);
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const at = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  return {
    ms: at(walls, 0.5),
    cpu: at(cpus, 0.5),
    extra: { p95: at(walls, 0.95), max: walls[walls.length - 1]!, instants: walls.length },
  };
}

/**
 * The Run rows' scenario: 1,000 replicas behind a Service under 20 requests/s for an hour (6 nodes
 * of 250 pods, as the frame bench has); with `rollouts`, a rolling update at 0:30 and a rollback at
 * 30:00, each replacing every pod.
 */
export function hourScenario(replicas = 1000, rollouts = true): Scenario {
  return {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: `bench-hour-${replicas}` },
    spec: {
      seed: 7,
      cluster: {
        nodes: Math.max(3, Math.ceil((replicas * 1.4) / 250)),
        cpu: '16',
        memory: '64Gi',
        maxPods: 250,
      },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 20 },
      manifests: deploymentYaml(replicas, true),
      steps: rollouts
        ? [
            { at: 30, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
            { at: 1800, run: 'kubectl rollout undo deployment/kubia' },
          ]
        : [],
    },
  };
}

const HOUR = 3600;

/**
 * Open the hour's scenario cold, from the scenario, at its last moment, as the page opens a link
 * (web/lab/lab.ts `open`): played in slices of 24 ms toward the moment, then the first frame.
 */
function runOpen(rollouts: boolean): Measure {
  const t = timed(() => {
    const run = createRun(hourScenario(1000, rollouts));
    while (run.now() < HOUR - 1e-6) {
      const deadline = performance.now() + 24;
      run.play(HOUR - run.now(), () => performance.now() > deadline);
    }
    return run.frame();
  });
  return { ms: t.ms, cpu: t.cpu, extra: { pods: t.value.objects.pods.length } };
}

/** After the open, 20 seeks to random moments (seeded), each to its frame: median, and the max. */
function runSeek(): Measure {
  const run = createRun(hourScenario());
  run.seek(HOUR);
  run.frame();
  let s = 12345;
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 20; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const to = Math.round((s / 2 ** 32) * HOUR * 10) / 10;
    const t = timed(() => {
      run.seek(to);
      return run.frame();
    });
    walls.push(t.ms);
    cpus.push(t.cpu);
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { ms: walls[10]!, cpu: cpus[10]!, extra: { max: walls[walls.length - 1]! } };
}

/**
 * Playback in Node: the hour's scenario advanced a second at a time with a frame each second (as
 * the screen would take one), heap used after a full GC at one minute and at the hour.
 */
function runMemory(): Measure {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  const run = createRun(hourScenario());
  const heapAt = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const t = timed(() => {
    let minute = 0;
    for (let s = 1; s <= HOUR; s++) {
      run.advance(1);
      run.frame();
      if (s === 60) minute = heapAt();
    }
    return minute;
  });
  const hour = heapAt();
  return { ms: hour / t.value, cpu: 0, extra: { minuteMiB: t.value, hourMiB: hour, playMs: t.ms } };
}

/**
 * What the public snapshot() and restore() cost (they copy or freeze what they share and check
 * their input in full), 1,000 pods mid-rollout with default timings: median of 200 calls each.
 */
function snapshotCost(): Measure {
  const replicas = 1000;
  const c = createCluster({ seed: 1, nodes: nodesFor(replicas), cpu: '64', memory: '256Gi' });
  c.apply(deploymentYaml(replicas, false));
  c.advance(60);
  c.kubectl('set image deployment/kubia nodejs=luksa/kubia:v2');
  c.advance(5);
  const median = (f: () => void) => {
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = timed(f);
      walls.push(t.ms);
      cpus.push(t.cpu);
    }
    walls.sort((a, b) => a - b);
    cpus.sort((a, b) => a - b);
    return { ms: walls[100]!, cpu: cpus[100]! };
  };
  const s = c.snapshot();
  const snap = median(() => c.snapshot());
  const restore = median(() => c.restore(s));
  return { ms: snap.ms, cpu: snap.cpu, extra: { restoreMs: restore.ms, pods: c.list('pods').length } };
}

export const CASES: Record<string, () => Measure> = {
  'update-zero-1000': () => rollingUpdate(1000, 'zero', true),
  'update-zero-10000': () => rollingUpdate(10000, 'zero'),
  'update-default-1000': () => rollingUpdate(1000, 'default'),
  'update-default-10000': () => rollingUpdate(10000, 'default'),
  'instant-1000': () => instants(1000),
  'run-open': () => runOpen(true),
  'run-open-steady': () => runOpen(false),
  'run-seek': runSeek,
  'run-memory': runMemory,
  snapshot: snapshotCost,
};

const name = process.argv[2];
// Run as a program: this file under tsx, or bench/core.ts's bundle of it (cases.mjs).
if (name && /cases\.m?[jt]s$/.test(process.argv[1] ?? '')) {
  // Any size: update-zero-3000, update-default-2000 (the table's rows are 1,000 and 10,000).
  const sized = /^update-(zero|default)-(\d+)$/.exec(name);
  const c = CASES[name] ?? (sized ? () => rollingUpdate(Number(sized[2]), sized[1] as 'zero') : undefined);
  if (!c) throw new Error(`unknown case ${name}; cases: ${Object.keys(CASES).join(', ')}`);
  console.log(JSON.stringify(c()));
}
