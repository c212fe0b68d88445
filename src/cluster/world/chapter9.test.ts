/**
 * Whole-chapter transcripts (Kubernetes in Action, ch. 9): the kubia Deployment behind the kubia
 * Service, 10 requests/s from clients, realistic default timings (seeded jitter). Each run is
 * committed as a golden event log under `__golden__/` — one line per event
 * (`LASTSEEN TYPE REASON OBJECT MESSAGE`, LASTSEEN as virtual m:ss) followed by per-10-second
 * traffic aggregates — so a behaviour change shows up as a readable diff. The assertions state
 * what the lesson teaches; the goldens show everything else.
 */
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../k8s/time.ts';
import type { Deployment, Endpoints, KubeEvent, Pod } from '../../k8s/types.ts';
import { parseManifests } from '../../k8s/yaml.ts';
import { runKubectl } from '../../kubectl/index.ts';
import { applyAll } from '../apply.ts';
import { SimCluster } from '../cluster.ts';
import { isPodReady } from '../controllers/deployment/util.ts';
import { trafficTable, type RequestRecord } from '../traffic.ts';

const SERVICE = (selector: Record<string, string>) => `apiVersion: v1
kind: Service
metadata: { name: kubia }
spec:
  selector: ${JSON.stringify(selector)}
  ports: [{ port: 80, targetPort: 8080 }]
`;

function deploymentYaml(o: {
  name?: string;
  image: string;
  labels?: Record<string, string>;
  strategy?: string;
  minReadySeconds?: number;
  readinessProbe?: boolean;
}): string {
  const labels = JSON.stringify(o.labels ?? { app: 'kubia' });
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${o.name ?? 'kubia'} }
spec:
  replicas: 3
${o.minReadySeconds ? `  minReadySeconds: ${o.minReadySeconds}\n` : ''}${o.strategy ?? ''}  selector: { matchLabels: ${labels} }
  template:
    metadata: { name: kubia, labels: ${labels} }
    spec:
      containers:
      - image: ${o.image}
        name: nodejs
${o.readinessProbe ? '        readinessProbe:\n          periodSeconds: 1\n          httpGet: { path: /, port: 8080 }\n' : ''}`;
}

const RECREATE = '  strategy: { type: Recreate }\n';
/** The book's v3 rollout: one pod at a time, never below 3 available. */
const ONE_AT_A_TIME =
  '  strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }\n';

/** A cluster with bookkeeping: every request, every pod's Ready history and the pod count peak. */
class Lesson {
  readonly sim = new SimCluster({ seed: 9 });
  readonly requests: RequestRecord[] = [];
  /** Ready intervals per pod name: [from, to). */
  readonly readySince = new Map<string, number>();
  readonly readyIntervals = new Map<string, [number, number][]>();
  /** Times at which the kubia Endpoints lost/gained addresses: [t, ready pod names]. */
  readonly endpoints: [number, string[]][] = [];
  peakPods = 0;

  constructor(manifests: string) {
    this.sim.watch((c) => {
      if (c.kind === 'Pod') {
        const name = c.obj.metadata.name;
        const ready = c.type !== 'deleted' && isPodReady(c.obj as Pod);
        const since = this.readySince.get(name);
        if (ready && since === undefined) this.readySince.set(name, this.sim.now);
        if (!ready && since !== undefined) {
          this.readySince.delete(name);
          const list = this.readyIntervals.get(name) ?? [];
          list.push([since, this.sim.now]);
          this.readyIntervals.set(name, list);
        }
        this.peakPods = Math.max(this.peakPods, this.sim.store.count('Pod'));
      }
      if (c.kind === 'Endpoints' && c.obj.metadata.name === 'kubia') {
        const ep = c.obj as Endpoints;
        const names = (ep.subsets ?? []).flatMap((s) =>
          (s.addresses ?? []).map((a) => a.targetRef?.name ?? ''),
        );
        this.endpoints.push([this.sim.now, names.sort()]);
      }
    });
    applyAll(this.sim, parseManifests(manifests));
  }

  /** Run to virtual time `t`, collecting every request on the way (`recent` keeps only 30 s). */
  until(t: number): this {
    while (this.sim.now < t) {
      const from = this.sim.now;
      this.sim.advance(Math.min(10, t - from));
      this.requests.push(...this.sim.requests(from, this.sim.now));
    }
    return this;
  }

  kubectl(command: string): string {
    const r = runKubectl(this.sim, command);
    expect(r.stderr.replace(/^Warning: .*\n/, '')).toBe('');
    expect(r.exitCode).toBe(0);
    return r.stdout;
  }

  /** Whether pod `name` was Ready at time `t` (Ready condition True over [from, to)). */
  wasReady(name: string, t: number): boolean {
    const since = this.readySince.get(name);
    if (since !== undefined && t >= since) return true;
    return (this.readyIntervals.get(name) ?? []).some(([a, b]) => t >= a && t < b);
  }

  firstReady(filter: (pod: string) => boolean): number {
    const times = [...this.readySince, ...[...this.readyIntervals].map(([n, l]) => [n, l[0]![0]] as const)]
      .filter(([n]) => filter(n))
      .map(([, t]) => t);
    return Math.min(...times);
  }

  deployment(name = 'kubia'): Deployment {
    return this.sim.store.get<Deployment>('Deployment', 'default', name)!;
  }

  /** The golden transcript: events, then traffic per 10 s. */
  transcript(): string {
    const mmss = (t: number) => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;
    const events = [...this.sim.eventList()].sort(
      (a, b) => parseTimestamp(a.firstTimestamp) - parseTimestamp(b.firstTimestamp),
    );
    const line = (e: KubeEvent) => {
      const last = parseTimestamp(e.lastTimestamp);
      const first = parseTimestamp(e.firstTimestamp);
      const seen = e.count > 1 ? `${mmss(last)} (x${e.count} since ${mmss(first)})` : mmss(last);
      const obj = `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
      return [seen.padEnd(22), e.type.padEnd(8), e.reason.padEnd(18), obj.padEnd(30), e.message].join(' ');
    };
    const out = [
      ['LASTSEEN'.padEnd(22), 'TYPE'.padEnd(8), 'REASON'.padEnd(18), 'OBJECT'.padEnd(30), 'MESSAGE'].join(
        ' ',
      ),
      ...events.map(line),
      '',
      ...trafficTable('TRAFFIC (per 10 s)', this.requests),
    ];
    return out.join('\n') + '\n';
  }
}

const versionOf = (pod: string, l: Lesson) => l.requests.find((r) => r.pod === pod)?.version;
const refused = (l: Lesson) => l.requests.filter((r) => r.status === 0);
const errors = (l: Lesson) => l.requests.filter((r) => r.status >= 500);

/** Every routed request went to a pod that was Ready at that instant. */
function expectRoutedOnlyToReadyPods(l: Lesson) {
  const bad = l.requests.filter((r) => r.pod !== null && !l.wasReady(r.pod, r.t));
  expect(bad).toEqual([]);
}

describe('Kubernetes in Action ch. 9 with 10 requests/s', () => {
  it('Recreate: requests are refused from the last old pod leaving until the first new pod is Ready', async () => {
    const l = new Lesson(
      SERVICE({ app: 'kubia' }) + '---\n' + deploymentYaml({ image: 'luksa/kubia:v1', strategy: RECREATE }),
    );
    l.until(30);
    l.sim.setTraffic('kubia', 10);
    l.until(60);
    l.kubectl('set image deployment/kubia nodejs=luksa/kubia:v2');
    l.until(150);

    const lastOldLeft = l.endpoints.find(([t, names]) => t >= 60 && names.length === 0)![0];
    const firstNewReady = l.firstReady((p) => l.readySince.has(p) && !l.readyIntervals.has(p));
    expect(lastOldLeft).toBe(60);
    expect(firstNewReady).toBeGreaterThan(70);
    const r = refused(l);
    expect(r.length).toBeGreaterThan(0);
    expect(Math.min(...r.map((x) => x.t))).toBeGreaterThanOrEqual(lastOldLeft);
    expect(Math.max(...r.map((x) => x.t))).toBeLessThan(firstNewReady);
    expect(Math.abs(r.length - 10 * (firstNewReady - lastOldLeft))).toBeLessThanOrEqual(3);
    // Never two versions at once: no v1 answer after the switch began, no v2 answer before.
    expect(l.requests.filter((x) => x.version === 'v1' && x.t >= 60)).toEqual([]);
    expect(errors(l)).toEqual([]);
    expectRoutedOnlyToReadyPods(l);
    await expect(l.transcript()).toMatchFileSnapshot('./__golden__/recreate.txt');
  });

  it('RollingUpdate: both versions answer during the rollout and no request is refused', async () => {
    const l = new Lesson(SERVICE({ app: 'kubia' }) + '---\n' + deploymentYaml({ image: 'luksa/kubia:v1' }));
    l.until(30);
    l.sim.setTraffic('kubia', 10);
    l.until(60);
    l.kubectl('set image deployment/kubia nodejs=luksa/kubia:v2');
    l.until(150);

    expect(refused(l)).toEqual([]);
    expect(errors(l)).toEqual([]);
    const mixed = l.sim.trafficSeries().filter((s) => (s.ok['v1'] ?? 0) > 0 && (s.ok['v2'] ?? 0) > 0);
    expect(mixed.length).toBeGreaterThan(5);
    expect(l.requests.filter((x) => x.t >= 120).every((x) => x.version === 'v2')).toBe(true);
    expect(l.kubectl('rollout status deployment/kubia')).toBe('deployment "kubia" successfully rolled out\n');
    expectRoutedOnlyToReadyPods(l);
    await expect(l.transcript()).toMatchFileSnapshot('./__golden__/rolling-update.txt');
  });

  it('blue/green: a second Deployment, a selector switch, no refused request, twice the pods at the peak', async () => {
    const blue = { app: 'kubia', color: 'blue' };
    const green = { app: 'kubia', color: 'green' };
    const l = new Lesson(
      SERVICE(blue) + '---\n' + deploymentYaml({ name: 'kubia-blue', image: 'luksa/kubia:v1', labels: blue }),
    );
    l.until(30);
    l.sim.setTraffic('kubia', 10);
    l.until(60);
    applyAll(
      l.sim,
      parseManifests(deploymentYaml({ name: 'kubia-green', image: 'luksa/kubia:v2', labels: green })),
    );
    // Wait until the green Deployment is fully available, as `kubectl rollout status` would.
    while ((l.deployment('kubia-green').status.availableReplicas ?? 0) < 3) l.until(l.sim.now + 1);
    const switchedAt = l.sim.now;
    l.kubectl(`patch service kubia -p '{"spec":{"selector":{"app":"kubia","color":"green"}}}'`);
    l.until(switchedAt + 20);
    l.kubectl('delete deployment kubia-blue --wait=false');
    l.until(150);

    expect(refused(l)).toEqual([]);
    expect(errors(l)).toEqual([]);
    expect(l.peakPods).toBe(6);
    // The switch moves traffic at once: v1 before, v2 from the next request batch on.
    expect(l.requests.filter((x) => x.t < switchedAt).every((x) => x.version === 'v1')).toBe(true);
    expect(l.requests.filter((x) => x.t >= switchedAt + 0.25).every((x) => x.version === 'v2')).toBe(true);
    expect(l.sim.store.count('Pod')).toBe(3);
    expectRoutedOnlyToReadyPods(l);
    await expect(l.transcript()).toMatchFileSnapshot('./__golden__/blue-green.txt');
  });

  it('v3 with a readiness probe stalls with the v2 pods still serving; `rollout undo` recovers', async () => {
    const v2 = deploymentYaml({ image: 'luksa/kubia:v2', strategy: ONE_AT_A_TIME, minReadySeconds: 10 });
    const l = new Lesson(SERVICE({ app: 'kubia' }) + '---\n' + v2);
    l.until(30);
    l.sim.setTraffic('kubia', 10);
    l.until(60);
    applyAll(
      l.sim,
      parseManifests(
        deploymentYaml({
          image: 'luksa/kubia:v3',
          strategy: ONE_AT_A_TIME,
          minReadySeconds: 10,
          readinessProbe: true,
        }),
      ),
    );
    l.until(120);

    // Stalled: one v3 pod, never available; all three v2 pods still there and serving.
    const d = l.deployment();
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 3 });
    expect(d.status.unavailableReplicas).toBe(1);
    const v3Pods = l.sim.store
      .list<Pod>('Pod')
      .filter((p) => p.spec.containers[0]!.image === 'luksa/kubia:v3');
    expect(v3Pods).toHaveLength(1);
    expect(isPodReady(v3Pods[0]!)).toBe(false);
    const stalled = l.requests.filter((x) => x.t >= 100 && x.t < 120);
    expect(stalled.every((x) => x.version === 'v2' && x.status === 200)).toBe(true);
    // Before its probe failed 3 times, the v3 pod answered some clients with 500.
    expect(errors(l).every((x) => versionOf(x.pod!, l) === 'v3')).toBe(true);
    expect(refused(l)).toEqual([]);

    l.kubectl('rollout undo deployment/kubia');
    l.until(180);
    expect(l.deployment().status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(l.requests.filter((x) => x.t >= 121).every((x) => x.version === 'v2' && x.status === 200)).toBe(
      true,
    );
    expectRoutedOnlyToReadyPods(l);
    await expect(l.transcript()).toMatchFileSnapshot('./__golden__/v3-readiness-undo.txt');
  });
});
