/**
 * `npx tsx bench/behaviour.ts`: a fingerprint of the simulator's behaviour. It plays a fixed set of
 * generated cases (random kubectl sequences against small clusters with every timing, probes,
 * failing images, resource requests, label changes that release and adopt pods, Service selector
 * changes, traffic, snapshots restored through JSON; large rollouts; Runs seeking back and forth)
 * and prints one hash per case of everything observable after every action: objects in store
 * order, events, decisions, requests, the random generator, timers, kubelet state, kubectl output
 * and Run frames. (Its patches are quoted as a shell would need them: unquoted, kubectl sends
 * `{spec:…}` as it is and the server refuses it.)
 *
 * `npm run bench -- --compare <ref>` runs it on both commits: a speed-up that changes any hash
 * changed behaviour. It uses only what every commit since the Run has (SimCluster, runKubectl,
 * createRun), so it runs unchanged on older checkouts.
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import '../src/k8s/yaml-impl.ts';
import '../src/kubectl/commands/extended.ts';
import { applyAll } from '../src/cluster/apply.ts';
import { SimCluster, type ClusterSnapshot } from '../src/cluster/cluster.ts';
import type { Pod, ReplicaSet } from '../src/k8s/types.ts';
import { parseManifests } from '../src/k8s/yaml.ts';
import { runKubectl } from '../src/kubectl/index.ts';
import { createRun } from '../src/run/run.ts';
import type { Scenario } from '../src/scenario/scenario.ts';

/** A small seeded generator (the cases must be the same on every machine and commit). */
function generator(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Gen = ReturnType<typeof generator>;

/**
 * The recorder's waiting codes (WAITING_CODES in src/cluster/recorder.ts), written here because
 * `--compare` runs this file on commits from before it was exported.
 */
const WAITING = /Blocked$|^recreate\.waitOldPods$|^pod\.neverReady$/;

/**
 * The observable state as one string: objects (in the store's order), events, decisions, timers in
 * firing order, kubelet and traffic state. The snapshot's own layout may change; this view of it
 * must not.
 */
function observable(c: SimCluster): string {
  const s = c.snapshot() as ClusterSnapshot & Record<string, unknown>;
  const timers = [...(s.timers as { at: number; seq: number; target: string; key: string }[])]
    .sort((a, b) => a.at - b.at || a.seq - b.seq)
    .map((t) => [t.at, t.target, t.key]);
  return JSON.stringify({
    now: s.now,
    store: s.store,
    rand: s.rand,
    queues: s.queues,
    timers,
    events: c.eventList(),
    decisions: c.decisions(),
    eventSeq: s.eventSeq,
    pods: [...c.world.pods].sort(([a], [b]) => (a < b ? -1 : 1)),
    nodeImages: [...c.world.nodeImages].sort(([a], [b]) => (a < b ? -1 : 1)),
    nextIp: [...c.world.nextIp].sort(([a], [b]) => (a < b ? -1 : 1)),
    unschedulable: [...c.world.unschedulable],
    recent: c.requests(0, Number.MAX_VALUE),
    series: c.trafficSeries(),
    // What the memory of waiting records holds of them (it kept other codes once, never read).
    lastDecision: s.lastDecision
      .map(([k, m]) => [k, m.filter(([code]) => WAITING.test(code))] as const)
      .filter(([, m]) => m.length > 0),
    next: c.nextWakeUp(),
  });
}

/** BEHAVIOUR_DUMP=file writes every fingerprinted value, to find where two commits part. */
const dump = process.env['BEHAVIOUR_DUMP'];

class Fingerprint {
  private h = createHash('sha256');
  add(label: string, value: string): void {
    this.h.update(label).update('\0').update(value).update('\0');
    if (dump) appendFileSync(dump, `${label}\n${value}\n`);
  }
  digest(): string {
    return this.h.digest('hex').slice(0, 16);
  }
}

// ---------------------------------------------------------------------------------------------
// Small clusters driven by random kubectl sequences

const IMAGES = ['v1', 'v2', 'v3', 'v4', 'v2-crash', 'v2-missing'];

function smallManifests(g: Gen): string {
  const replicas = g.int(12);
  const strategy = g.chance(0.25) ? 'Recreate' : 'RollingUpdate';
  const surge = g.pick([0, 1, 2, '25%', '50%', '0%']);
  let unavailable = g.pick([0, 1, '25%', '50%', '0%']);
  if ((surge === 0 || surge === '0%') && (unavailable === 0 || unavailable === '0%')) unavailable = 1;
  const strategyYaml =
    strategy === 'Recreate'
      ? '  strategy: { type: Recreate }\n'
      : `  strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: ${JSON.stringify(surge)}, maxUnavailable: ${JSON.stringify(unavailable)} } }\n`;
  const cpu = g.pick(['', '', '100m', '250m', '300m', '1']);
  const resources = cpu
    ? `        resources: { requests: { cpu: "${cpu}", memory: "${g.pick(['64Mi', '100M', '1Gi'])}" } }\n`
    : '';
  const probe = g.chance(0.4)
    ? `        readinessProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: ${1 + g.int(4)}, initialDelaySeconds: ${g.int(3)}, failureThreshold: ${1 + g.int(3)} }\n`
    : '';
  const liveness = g.chance(0.15)
    ? `        livenessProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: ${1 + g.int(5)}, failureThreshold: 2 }\n`
    : '';
  const extra = [
    g.chance(0.3) ? `  minReadySeconds: ${1 + g.int(4)}\n` : '',
    g.chance(0.3) ? `  revisionHistoryLimit: ${g.int(3)}\n` : '',
    g.chance(0.3) ? `  progressDeadlineSeconds: ${10 + g.int(30)}\n` : '',
  ].join('');
  const service = `apiVersion: v1
kind: Service
metadata: { name: kubia }
spec: { selector: { app: kubia }, ports: [{ port: 80, targetPort: ${g.chance(0.3) ? 'http' : 8080} }] }
---
apiVersion: v1
kind: Service
metadata: { name: kubia-v1 }
spec: { selector: { app: kubia, tier: web }, ports: [{ port: 80, targetPort: 8080 }] }
`;
  return `${service}---
apiVersion: apps/v1
kind: Deployment
metadata: { name: kubia }
spec:
  replicas: ${replicas}
${strategyYaml}${extra}  selector: { matchLabels: { app: kubia } }
  template:
    metadata: { labels: { app: kubia, tier: web } }
    spec:
      terminationGracePeriodSeconds: ${g.pick([0, 2, 30])}
      containers:
      - name: nodejs
        image: luksa/kubia:v1
        ports: [{ name: http, containerPort: 8080 }]
${resources}${probe}${liveness}`;
}

function barePod(name: string, labels: string): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { ${labels} } }
spec: { containers: [{ name: nodejs, image: luksa/kubia:v4, ports: [{ containerPort: 8080 }] }] }
`;
}

function podNames(c: SimCluster): string[] {
  return c.store.list<Pod>('Pod').map((p) => p.metadata.name);
}

function randomAction(c: SimCluster, g: Gen): [string, string?] {
  const pods = podNames(c);
  const anyPod = () => (pods.length ? g.pick(pods) : 'none');
  switch (g.int(17)) {
    case 0:
    case 1:
    case 2:
      return [`set image deployment/kubia nodejs=luksa/kubia:${g.pick(IMAGES)}`];
    case 3:
      return [`scale deployment/kubia --replicas=${g.int(14)}`];
    case 4:
      return [g.pick(['rollout pause deployment/kubia', 'rollout resume deployment/kubia'])];
    case 5:
      return ['rollout undo deployment/kubia'];
    case 6:
      return [
        `delete pod ${anyPod()}${g.pick(['', ' --grace-period=0 --force', ' --grace-period=1', ' --wait=false'])}`,
      ];
    case 7:
      // Releases the pod from its ReplicaSet (and the Service's endpoints).
      return [`label pod ${anyPod()} app=${g.pick(['other', 'kubia'])} --overwrite`];
    case 8:
      return [
        `label pod ${anyPod()} tier${g.pick(['-', '=batch', '=web'])}${g.chance(0.5) ? ' --overwrite' : ''}`,
      ];
    case 9:
      return [
        `patch service kubia -p '{"spec":{"selector":${g.pick(['{"app":"kubia"}', '{"app":"kubia","tier":"web"}', '{"app":"other"}'])}}}'`,
      ];
    case 10: {
      const rs = c.store.list<ReplicaSet>('ReplicaSet');
      return [`delete rs ${rs.length ? g.pick(rs).metadata.name : 'none'}`];
    }
    case 11:
      return [
        'apply -f -',
        barePod(`bare-${g.int(5)}`, g.pick(['app: kubia', 'app: kubia, tier: web', 'app: other'])),
      ];
    case 12:
      return [
        `scale rs ${g.pick(
          c.store
            .list<ReplicaSet>('ReplicaSet')
            .map((r) => r.metadata.name)
            .concat('none'),
        )} --replicas=${g.int(6)}`,
      ];
    case 13: {
      const rs = c.store.list<ReplicaSet>('ReplicaSet');
      const patch = g.pick([
        '{"spec":{"template":{"metadata":{"labels":{"extra":"x"}}}}}',
        '{"spec":{"minReadySeconds":2}}',
        '{"spec":{"minReadySeconds":0}}',
      ]);
      return [`patch rs ${rs.length ? g.pick(rs).metadata.name : 'none'} --type=merge -p '${patch}'`];
    }
    case 14:
      return [
        `patch deployment kubia --type=merge -p '${g.pick([
          '{"spec":{"template":{"spec":{"containers":[{"name":"nodejs","image":"luksa/kubia:v2","resources":{"requests":{"cpu":"200m"}}}]}}}}',
          '{"spec":{"minReadySeconds":3}}',
          '{"spec":{"template":{"metadata":{"labels":{"app":"kubia","tier":"batch"}}}}}',
        ])}'`,
      ];
    default:
      return [''];
  }
}

function smallCase(seed: number): string {
  const g = generator(seed);
  const zero = g.chance(0.35);
  const timing = zero
    ? { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 }
    : g.chance(0.5)
      ? {}
      : {
          scheduleSeconds: g.pick([0, 0.5, 1]),
          imagePullSeconds: g.pick([0, 1, 3]),
          containerStartSeconds: g.pick([0, 1, 2]),
          terminationSeconds: g.pick([0, 1, 5]),
        };
  const options = {
    seed: seed,
    nodes: 1 + g.int(4),
    cpu: g.pick(['1', '2', '4']),
    memory: g.pick(['2Gi', '8Gi']),
    maxPods: g.pick([4, 8, 110]),
    timing,
    ...(g.chance(0.3)
      ? { apps: { 'luksa/kubia:v4': { startupSeconds: 2, failAfterSeconds: 20, shutdownSeconds: 1 } } }
      : {}),
  };
  let c = new SimCluster(options);
  const f = new Fingerprint();
  try {
    applyAll(c, parseManifests(smallManifests(g)));
  } catch (e) {
    f.add('apply', String(e));
  }
  if (g.chance(0.6)) c.setTraffic('kubia', g.pick([3, 10, 25]));
  f.add('start', observable(c));
  for (let i = 0; i < 40; i++) {
    const [cmd, stdin] = randomAction(c, g);
    if (cmd) {
      const r = runKubectl(c, cmd, stdin);
      f.add(cmd, JSON.stringify(r));
    }
    const seconds = g.pick([0, 0.25, 0.5, 1, 1, 2, 3, 5, 8, 13, 30]);
    c.advance(seconds);
    f.add(`advance ${seconds}`, observable(c));
    if (g.chance(0.1)) {
      const copy = new SimCluster({ ...options, nodes: 0 });
      copy.restore(JSON.parse(JSON.stringify(c.snapshot())) as ClusterSnapshot);
      c = copy;
      f.add('restored', observable(c));
    }
  }
  return f.digest();
}

// ---------------------------------------------------------------------------------------------
// Large rollouts

function bigCase(
  replicas: number,
  timing: 'zero' | 'default',
  rps: number,
  cpu: string,
  nodes = Math.max(3, Math.ceil((replicas * 1.3 + 10) / 110)),
  maxPods = 110,
): string {
  const zero = { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 };
  const c = new SimCluster({
    seed: replicas + rps,
    nodes,
    maxPods,
    cpu: '64',
    memory: '256Gi',
    ...(timing === 'zero' ? { timing: zero } : {}),
  });
  const resources = cpu ? `        resources: { requests: { cpu: "${cpu}" } }\n` : '';
  applyAll(
    c,
    parseManifests(`apiVersion: v1
kind: Service
metadata: { name: kubia }
spec: { selector: { app: kubia }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: apps/v1
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
${resources}`),
  );
  if (rps) c.setTraffic('kubia', rps);
  const f = new Fingerprint();
  const step = (label: string, seconds: number, every: number) => {
    for (let t = 0; t < seconds; t += every) {
      c.advance(every);
      f.add(`${label} ${c.now}`, observable(c));
    }
  };
  step('initial', 40, 10);
  f.add('set image', JSON.stringify(runKubectl(c, 'set image deployment/kubia nodejs=luksa/kubia:v2')));
  step('update', 60, 5);
  f.add(
    'scale',
    JSON.stringify(runKubectl(c, `scale deployment/kubia --replicas=${Math.floor(replicas / 2)}`)),
  );
  f.add('undo', JSON.stringify(runKubectl(c, 'rollout undo deployment/kubia')));
  step('undo', 40, 10);
  f.add('scale', JSON.stringify(runKubectl(c, `scale deployment/kubia --replicas=${replicas}`)));
  f.add('set image', JSON.stringify(runKubectl(c, 'set image deployment/kubia nodejs=luksa/kubia:v3')));
  step('v3', 60, 5);
  return f.digest();
}

// ---------------------------------------------------------------------------------------------
// Runs: frames while seeking back and forth

function runCase(seed: number, replicas: number): string {
  const g = generator(seed);
  const scenario: Scenario = {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: `behaviour-${seed}` },
    spec: {
      seed,
      cluster: { nodes: 4, cpu: '16', memory: '64Gi', maxPods: 250 },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 20 },
      manifests: smallManifests(generator(seed)).replace(/replicas: \d+/, `replicas: ${replicas}`),
      steps: [
        { at: 20, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
        {
          at: 45,
          after: 'kubectl rollout status deployment/kubia',
          run: 'kubectl scale deployment/kubia --replicas=3',
        },
        { at: 70, run: 'kubectl rollout undo deployment/kubia' },
      ],
    },
  };
  const run = createRun(scenario);
  const f = new Fingerprint();
  const frame = () => {
    const { seq: _seq, ...rest } = run.frame() as unknown as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  for (let i = 0; i < 12; i++) {
    const t = Math.round(g.next() * 1200) / 10;
    run.seek(t);
    f.add(`seek ${t}`, frame());
    run.advance(0.5);
    f.add(`advance ${t}`, frame());
  }
  return f.digest();
}

const cases: [string, () => string][] = [];
for (let i = 1; i <= 60; i++) cases.push([`small-${i}`, () => smallCase(i)]);
cases.push(['zero-300', () => bigCase(300, 'zero', 0, '')]);
cases.push(['default-300-traffic', () => bigCase(300, 'default', 40, '')]);
cases.push(['default-120-cpu100m', () => bigCase(120, 'default', 10, '100m')]);
cases.push(['zero-1000', () => bigCase(1000, 'zero', 20, '')]);
// One node of 250 pods: its addresses wrap around, and pods come to share an IP.
cases.push(['wrap-ips', () => bigCase(200, 'default', 20, '', 1, 250)]);
for (let i = 1; i <= 4; i++) cases.push([`run-${i}`, () => runCase(100 + i, i * 12)]);

const only = process.argv[2];
for (const [name, fn] of cases) {
  if (only && !name.startsWith(only)) continue;
  const start = performance.now();
  const digest = fn();
  console.log(`${name.padEnd(24)} ${digest}`);
  console.error(`  ${name}: ${Math.round(performance.now() - start)} ms`);
}
