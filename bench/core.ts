/**
 * `npm run bench`: a complete rolling update (luksa/kubia:v1 → v2, 25%/25%) of 100, 1,000 and
 * 10,000 replicas, with every timing 0 and with the default timings. Each case runs in its own
 * process so its peak memory is its own. Prints wall time, peak RSS and heap, and how much faster
 * than virtual time the simulation ran.
 *
 * Budgets (DESIGN.md §6): 1,000 replicas with instant pods under 0.5 s; 10,000 under 5 s and
 * 500 MiB.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import '../src/k8s/yaml-impl.ts';
import { applyAll } from '../src/cluster/apply.ts';
import { SimCluster } from '../src/cluster/cluster.ts';
import type { Deployment, ReplicaSet } from '../src/k8s/types.ts';
import { parseManifests } from '../src/k8s/yaml.ts';
import { runKubectl } from '../src/kubectl/index.ts';
import { createCluster } from '../src/index.ts';

const zero = { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 };

function manifest(replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: kubia }
  template:
    metadata:
      labels: { app: kubia }
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
`;
}

interface Row {
  replicas: number;
  timing: string;
  wallMs: number;
  /** CPU time of the process over the same span: the figure to trust on a busy machine. */
  cpuMs: number;
  virtualSeconds: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  events: number;
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

function runCase(replicas: number, timing: 'zero' | 'default'): Row {
  // Room for replicas + maxSurge pods at 110 pods a node.
  const nodes = Math.max(3, Math.ceil((replicas * 1.3 + 10) / 110));
  const c = new SimCluster({
    seed: 1,
    nodes,
    cpu: '64',
    memory: '256Gi',
    ...(timing === 'zero' ? { timing: zero } : {}),
  });
  applyAll(c, parseManifests(manifest(replicas)));
  const runUntil = (revision: string) => {
    for (let i = 0; i < 100_000 && !complete(c, replicas, revision); i++) c.advance(1);
    if (!complete(c, replicas, revision)) throw new Error('rollout did not complete');
  };
  runUntil('1');
  let peakHeap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const virtualStart = c.now;
  runKubectl(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
  for (let i = 0; i < 100_000 && !complete(c, replicas, '2'); i++) {
    c.advance(1);
    if (i % 10 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  if (!complete(c, replicas, '2')) throw new Error('rolling update did not complete');
  return {
    replicas,
    timing,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    virtualSeconds: Math.round(c.now - virtualStart),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMiB: Math.round(peakHeap / 2 ** 20),
    events: c.eventList().length,
  };
}

const [, , mode, replicasArg, timingArg] = process.argv;
if (mode === '--case') {
  console.log(JSON.stringify(runCase(Number(replicasArg), timingArg as 'zero' | 'default')));
} else {
  const self = fileURLToPath(import.meta.url);
  const rows: Row[] = [];
  const skipped: string[] = [];
  for (const timing of ['zero', 'default'] as const)
    for (const replicas of [100, 1000, 10000]) {
      // With realistic timings every pod becomes Ready at its own instant and each instant costs a
      // ReplicaSet sync over all its pods: 10,000 replicas take about a quarter of an hour.
      if (timing === 'default' && replicas === 10000 && !process.env['BENCH_FULL']) {
        skipped.push(
          '10000 replicas with default timings: not run (about 15 min of CPU); BENCH_FULL=1 runs it',
        );
        continue;
      }
      const out = execFileSync(
        process.execPath,
        [...process.execArgv, self, '--case', String(replicas), timing],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      rows.push(JSON.parse(out.trim().split('\n').pop()!) as Row);
      const r = rows[rows.length - 1]!;
      console.error(`  ${timing} ${replicas}: ${r.wallMs} ms`);
    }
  const header = [
    'replicas',
    'timing',
    'wall ms',
    'cpu ms',
    'virtual s',
    'x faster than real time',
    'peak RSS MiB',
    'peak heap MiB',
    'events',
  ];
  const lines = rows.map((r) =>
    [
      r.replicas,
      r.timing,
      r.wallMs,
      r.cpuMs,
      r.virtualSeconds,
      r.virtualSeconds ? Math.round((r.virtualSeconds * 1000) / Math.max(1, r.wallMs)) : '-',
      r.peakRssMiB,
      r.peakHeapMiB,
      r.events,
    ].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log('Rolling update v1 → v2 (25%/25%), complete = all replicas updated and available, no old pods');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
  for (const s of skipped) console.log(s);
  snapshotCost();
}

/**
 * What the public snapshot() and restore() cost (they copy or freeze what they share and check
 * their input in full), mid-rollout with default timings: median of 200 calls.
 */
function snapshotCost(): void {
  console.log('\nPublic snapshot() / restore(), mid-rollout (default timings), median of 200 calls');
  console.log('  pods  snapshot ms  restore ms');
  for (const replicas of [100, 1000]) {
    const c = createCluster({
      seed: 1,
      nodes: Math.max(3, Math.ceil((replicas * 1.3 + 10) / 110)),
      cpu: '64',
      memory: '256Gi',
    });
    c.apply(manifest(replicas));
    c.advance(60);
    c.kubectl('set image deployment/kubia nodejs=luksa/kubia:v2');
    c.advance(5);
    const median = (f: () => void) => {
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t = performance.now();
        f();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[100]!;
    };
    const s = c.snapshot();
    const snap = median(() => c.snapshot());
    const restore = median(() => c.restore(s));
    console.log(
      `${String(c.list('pods').length).padStart(6)}  ${snap.toFixed(2).padStart(11)}  ${restore.toFixed(2).padStart(10)}`,
    );
  }
}
