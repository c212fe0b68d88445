/**
 * `npx tsx bench/world.ts`: a 1,000-replica rolling update (luksa/kubia:v1 → v2, 25%/25%) with the
 * default, realistic timings (pull, start, termination, seeded jitter) while clients send 100
 * requests/s through the kubia Service. Prints wall time, peak heap and RSS, how much faster than
 * virtual time the simulation ran, and what the clients saw.
 *
 * 12 nodes × 110 pods leave room for 1,000 pods plus the 250 of maxSurge.
 */
import '../src/eager.ts';
import { SimCluster } from '../src/cluster/cluster.ts';
import { applyAll } from '../src/cluster/apply.ts';
import type { Deployment } from '../src/k8s/types.ts';
import { parseManifests } from '../src/k8s/yaml.ts';
import { runKubectl } from '../src/kubectl/index.ts';

const REPLICAS = Number(process.argv[2] ?? 1000);
const RPS = 100;

const manifests = `apiVersion: v1
kind: Service
metadata: { name: kubia }
spec: { selector: { app: kubia }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: kubia }
spec:
  replicas: ${REPLICAS}
  selector: { matchLabels: { app: kubia } }
  template:
    metadata: { labels: { app: kubia } }
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
`;

const MiB = 1024 * 1024;
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};

function complete(sim: SimCluster, revision: string): boolean {
  const d = sim.store.get<Deployment>('Deployment', 'default', 'kubia')!;
  const s = d.status;
  return (
    d.metadata.annotations?.['deployment.kubernetes.io/revision'] === revision &&
    s.updatedReplicas === REPLICAS &&
    s.availableReplicas === REPLICAS &&
    s.replicas === REPLICAS &&
    sim.store.count('Pod') === REPLICAS
  );
}

function runUntil(sim: SimCluster, revision: string, limit: number): void {
  while (!complete(sim, revision)) {
    if (sim.now > limit) throw new Error(`not complete at t=${sim.now}`);
    sim.advance(1);
    sample();
    if (Math.round(sim.now) % 30 === 0) {
      const d = sim.store.get<Deployment>('Deployment', 'default', 'kubia')!.status;
      process.stderr.write(
        `t=${sim.now.toFixed(0)} updated=${d.updatedReplicas ?? 0} available=${d.availableReplicas ?? 0} pods=${sim.store.count('Pod')}\n`,
      );
    }
  }
}

const sim = new SimCluster({ seed: 1, nodes: 12, cpu: '64', memory: '256Gi' });
const setupStart = performance.now();
applyAll(sim, parseManifests(manifests));
runUntil(sim, '1', 3600);
const setupMs = performance.now() - setupStart;
sim.setTraffic('kubia', RPS);
sim.advance(10);

const t0 = performance.now();
const v0 = sim.now;
let refused = 0;
let errors = 0;
const answered: Record<string, number> = {};
const seriesFrom = sim.trafficSeries().length;
runKubectl(sim, 'set image deployment/kubia nodejs=luksa/kubia:v2');
runUntil(sim, '2', v0 + 3600);
const wallMs = performance.now() - t0;
const virtual = sim.now - v0;
for (const s of sim.trafficSeries().slice(seriesFrom)) {
  refused += s.refused;
  errors += s.errors;
  for (const [v, n] of Object.entries(s.ok)) answered[v] = (answered[v] ?? 0) + n;
}

const rows: [string, string][] = [
  ['replicas', String(REPLICAS)],
  ['nodes', '12 × 110 pods'],
  ['timing', 'default (jittered)'],
  ['requests/s', String(RPS)],
  ['initial rollout (wall)', `${(setupMs / 1000).toFixed(2)} s`],
  ['rolling update (virtual)', `${virtual.toFixed(0)} s`],
  ['rolling update (wall)', `${(wallMs / 1000).toFixed(2)} s`],
  [
    'faster than virtual time',
    `${(virtual / (wallMs / 1000)).toFixed(virtual / (wallMs / 1000) < 10 ? 2 : 0)}×`,
  ],
  ['peak heap', `${(peakHeap / MiB).toFixed(0)} MiB`],
  ['peak RSS', `${(peakRss / MiB).toFixed(0)} MiB`],
  ['events kept', String(sim.eventList().length)],
  [
    'requests answered',
    Object.entries(answered)
      .map(([v, n]) => `${v}=${n}`)
      .join(' '),
  ],
  ['5xx / refused', `${errors} / ${refused}`],
];
const w = Math.max(...rows.map(([k]) => k.length));
console.log(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n'));
