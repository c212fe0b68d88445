/**
 * The fault paths with upstream's numbers, at textbook timing (jitter 0: schedule 1 s, pull 5 s,
 * start 2 s, shutdown 5 s):
 *
 * - kill: kuberuntime's back-off — the first restart at once, then 10 s doubling to 300 s;
 * - drain with a PodDisruptionBudget: the Eviction API lets one pod go per disruption allowed,
 *   kubectl retries a refused eviction 5 s later;
 * - node down: Unknown at the first 5 s monitor pass more than 50 s after the last heartbeat,
 *   pods evicted 300 s after the unreachable taint (DefaultTolerationSeconds);
 * - unhealthy: readiness fails failureThreshold times in a row, then the pod is not Ready.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index.ts';
import type { Deployment, NodeObject, Pod } from '../k8s/types.ts';
import { parseTimestamp } from '../k8s/time.ts';
import type { SimCluster } from './cluster.ts';
import { unreachableAt } from './controllers/nodelifecycle.ts';
import { isPodReady } from './controllers/deployment/util.ts';

type Lab = Cluster & { sim: SimCluster };

function lab(nodes: number): Lab {
  return createCluster({ nodes, timing: { jitter: 0 } }) as Lab;
}

function ok(c: Lab, line: string): string {
  const r = c.kubectl(line);
  expect(r.stderr, line).toBe('');
  expect(r.exitCode, line).toBe(0);
  return r.stdout;
}

const pods = (c: Lab) => c.sim.store.list<Pod>('Pod', 'default');
const live = (c: Lab) => pods(c).filter((p) => !p.metadata.deletionTimestamp);

/** Advances in steps of `dt` until `done` holds; returns the time it first held. */
function until(c: Lab, done: () => boolean, limit = 1000, dt = 0.5): number {
  for (let t = 0; t <= limit; t += dt) {
    if (done()) return c.sim.now;
    c.sim.advance(dt);
  }
  throw new Error(`not reached within ${limit}s`);
}

describe('kill: CrashLoopBackOff with back-off 10 s doubling to 5 min', () => {
  // [kill number, seconds in CrashLoopBackOff before the restart]
  const cases: [number, number][] = [
    [1, 0],
    [2, 10],
    [3, 20],
    [4, 40],
    [5, 80],
    [6, 160],
    [7, 300],
    [8, 300],
  ];
  it('restarts at once the first time, then after 10, 20, 40 … 300 s', () => {
    const c = lab(1);
    ok(c, 'create deployment kubia --image=luksa/kubia:v1');
    c.sim.advance(30);
    const name = pods(c)[0]!.metadata.name;
    const restarts = () => pods(c)[0]!.status.containerStatuses?.[0]?.restartCount ?? 0;
    for (const [n, wait] of cases) {
      const killedAt = c.sim.now;
      expect(ok(c, `lab kill ${name}`)).toBe(`pod/${name} container killed (simulated)\n`);
      if (wait > 0)
        expect(c.kubectl(`get pod ${name} --no-headers`).stdout).toMatch(/0\/1 +CrashLoopBackOff/);
      const restartedAt = until(c, () => restarts() === n, 400, 1);
      expect([n, restartedAt - killedAt]).toEqual([n, wait]);
      expect(pods(c)[0]!.status.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(137);
      c.sim.advance(1);
    }
  });

  it('refuses a pod without a running container, as one line', () => {
    const c = lab(1);
    ok(c, 'create deployment kubia --image=luksa/kubia:v1');
    const name = pods(c)[0]!.metadata.name;
    expect(c.kubectl(`lab kill ${name}`)).toEqual({
      stdout: '',
      stderr: `error: pod ${name} has no running container\n`,
      exitCode: 1,
    });
    expect(c.kubectl('lab kill nope').stderr).toBe('error: pods "nope" not found\n');
  });
});

describe('drain honours PodDisruptionBudgets through the Eviction API', () => {
  /**
   * 3 replicas on node-1 (node-2 cordoned while they are created), then node-2 opened and
   * node-1 drained. [budget flags, the moments evictions are accepted (seconds after the drain),
   * the fewest Ready pods during the drain, refused evictions].
   */
  const cases: [string, number[], number, number][] = [
    // One disruption allowed at a time: the next pod goes when the replacement is Ready
    // (scheduled 1 s, pulled 5 s, started 2 s = 8 s; the image is then cached: 3 s), at the
    // first 5 s retry after that.
    ['--min-available=2', [0, 10, 15], 2, 5],
    ['--max-unavailable=1', [0, 10, 15], 2, 5],
    ['--min-available=66%', [0, 10, 15], 2, 5],
    ['--min-available=1', [0, 0, 10], 1, 2],
    ['--max-unavailable=2', [0, 0, 10], 1, 2],
    ['--min-available=0', [0, 0, 0], 0, 0],
    ['', [0, 0, 0], 0, 0],
  ];
  it.each(cases)(
    'pdb %s: evictions at %j, at least %i Ready, %i refused',
    (flags, times, minReady, refused) => {
      const c = lab(2);
      ok(c, 'cordon node-2');
      ok(c, 'create deployment kubia --image=luksa/kubia:v1 --replicas=3');
      c.sim.advance(30);
      expect(new Set(pods(c).map((p) => p.spec.nodeName))).toEqual(new Set(['node-1']));
      ok(c, 'uncordon node-2');
      if (flags) ok(c, `create pdb kubia --selector=app=kubia ${flags}`);
      const start = c.sim.now;
      const evictedAt: number[] = [];
      let fewest = Infinity;
      const stop = c.sim.watch((ch) => {
        const p = ch.obj as Pod;
        const o = ch.old as Pod | undefined;
        if (ch.kind === 'Pod' && p.metadata.deletionTimestamp && o && !o.metadata.deletionTimestamp)
          evictedAt.push(c.sim.now - start);
      });
      const r = c.kubectl('drain node-1');
      stop();
      // The fewest Ready pods at any recorded moment: replay the pods' Ready transitions.
      const readyTimes = pods(c).map((p) =>
        parseTimestamp(p.status.conditions?.find((x) => x.type === 'Ready')?.lastTransitionTime),
      );
      expect(readyTimes.every((t) => Number.isFinite(t))).toBe(true);
      for (const at of evictedAt) {
        const readyThen = readyTimes.filter((t) => t <= start + at).length;
        const stillUp = 3 - evictedAt.filter((x) => x <= at).length;
        fewest = Math.min(fewest, stillUp + readyThen);
      }
      expect(evictedAt).toEqual(times);
      expect(fewest).toBe(minReady);
      expect(r.exitCode).toBe(0);
      const refusals = r.stderr.split('\n').filter((l) => l.includes('(will retry after 5s)'));
      expect(refusals.length).toBe(refused);
      for (const l of refusals)
        expect(l).toMatch(
          /^error when evicting pods\/"kubia-[a-z0-9]+-[a-z0-9]{5}" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.$/,
        );
      expect(r.stdout.split('\n')[0]).toBe('node/node-1 cordoned');
      expect(r.stdout.endsWith('node/node-1 drained\n')).toBe(true);
      expect(r.stdout.split('\n').filter((l) => / evicted$/.test(l)).length).toBe(3);
      c.sim.advance(10);
      expect(live(c).every((p) => p.spec.nodeName === 'node-2' && isPodReady(p))).toBe(true);
    },
  );

  it('keeps a budget status as the disruption controller computes it', () => {
    const c = lab(3);
    ok(c, 'create deployment kubia --image=luksa/kubia:v1 --replicas=3');
    c.sim.advance(30);
    // [flags, expectedPods, desiredHealthy, disruptionsAllowed]
    const rows: [string, number, number, number][] = [
      ['--min-available=2', 3, 2, 1],
      ['--min-available=50%', 3, 2, 1],
      ['--max-unavailable=1', 3, 2, 1],
      ['--max-unavailable=34%', 3, 1, 2],
      ['--min-available=5', 3, 5, 0],
    ];
    for (const [flags, expected, desired, allowed] of rows) {
      ok(c, `create pdb b --selector=app=kubia ${flags}`);
      const b = c.sim.store.get<{ status: Record<string, number> } & Deployment>(
        'PodDisruptionBudget',
        'default',
        'b',
      )!;
      expect([
        flags,
        b.status['expectedPods'],
        b.status['currentHealthy'],
        b.status['desiredHealthy'],
        b.status['disruptionsAllowed'],
      ]).toEqual([flags, expected, 3, desired, allowed]);
      ok(c, 'delete pdb b');
    }
  });
});

describe('a node whose kubelet stops', () => {
  // [the moment it stops, NotReady at, pods evicted at]
  const cases: [number, number, number][] = [
    [60, 115, 415],
    [62, 115, 415],
    [65, 120, 420],
    [100.5, 155, 455],
  ];
  it.each(cases)(
    'stopped at %ss: NotReady at %ss, its pods evicted at %ss and replaced',
    (down, notReady, evicted) => {
      const c = lab(2);
      ok(c, 'create deployment kubia --image=luksa/kubia:v1 --replicas=2');
      c.sim.advance(down);
      const onNode2 = () => live(c).filter((p) => p.spec.nodeName === 'node-2');
      expect(onNode2().length).toBe(1);
      const victim = onNode2()[0]!.metadata.name;
      ok(c, 'lab node-down node-2');
      const node = () => c.sim.store.get<NodeObject>('Node', undefined, 'node-2')!;
      const ready = () => node().status.conditions.find((x) => x.type === 'Ready')!.status;
      expect(until(c, () => ready() === 'Unknown', 200, 0.5)).toBe(notReady);
      expect(unreachableAt(down)).toBe(notReady);
      expect(node().spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
        'node.kubernetes.io/unreachable:NoExecute',
        'node.kubernetes.io/unreachable:NoSchedule',
      ]);
      // Marked not Ready at once, so it leaves the endpoints; still Running as far as anyone knows.
      expect(isPodReady(c.sim.store.get<Pod>('Pod', 'default', victim)!)).toBe(false);
      const gone = () =>
        c.sim.store.get<Pod>('Pod', 'default', victim)?.metadata.deletionTimestamp !== undefined;
      expect(until(c, gone, 400, 0.5)).toBe(evicted);
      // Terminating for good (no kubelet confirms it), replaced on node-1.
      c.sim.advance(30);
      expect(c.kubectl(`get pod ${victim} --no-headers`).stdout).toMatch(/Terminating/);
      expect(live(c).filter((p) => p.spec.nodeName === 'node-1' && isPodReady(p)).length).toBe(2);
      // The kubelet comes back: Ready, untainted, the evicted pod finally goes.
      ok(c, 'lab node-up node-2');
      c.sim.advance(10);
      expect(ready()).toBe('True');
      expect(node().spec.taints).toBeUndefined();
      expect(c.sim.store.get<Pod>('Pod', 'default', victim)).toBeUndefined();
    },
  );
});

describe('unhealthy: readiness fails failureThreshold times, then the pod is not Ready', () => {
  // [periodSeconds, failureThreshold, seconds from the fault until not Ready]
  const cases: [number, number, number][] = [
    [1, 3, 3],
    [1, 1, 1],
    [5, 3, 15],
    [10, 2, 20],
  ];
  it.each(cases)('period %is, threshold %i: not Ready after %is', (period, threshold, after) => {
    const c = lab(1);
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 1
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
        readinessProbe:
          periodSeconds: ${period}
          failureThreshold: ${threshold}
          httpGet:
            path: /
            port: 8080
`;
    c.sim.files.set('k.yaml', manifest);
    ok(c, 'apply -f k.yaml');
    // Scheduled at 1 s, pulled by 6 s, started at 8 s; probes at 8 s + k·period.
    c.sim.advance(8 + 10 * period);
    const pod = () => pods(c)[0]!;
    expect(isPodReady(pod())).toBe(true);
    const faultAt = c.sim.now;
    expect(ok(c, 'lab unhealthy deployment/kubia')).toBe(
      `pod/${pod().metadata.name} app unhealthy from now on (simulated)\n`,
    );
    expect(until(c, () => !isPodReady(pod()), 100, 0.5) - faultAt).toBe(after);
    const unhealthy = c.kubectl('get events --field-selector reason=Unhealthy --no-headers').stdout;
    expect(unhealthy).toContain('Readiness probe failed: HTTP probe failed with statuscode: 500');
    // Healthy again: Ready at the next successful probe.
    const healedAt = c.sim.now;
    ok(c, 'lab healthy deployment/kubia');
    expect(until(c, () => isPodReady(pod()), 100, 0.5) - healedAt).toBe(period);
  });
});
