/**
 * The kubelet's and scheduler's lifecycle paths, one pod at a time, asserted as the API shows them
 * (phase, conditions with lastTransitionTime, containerStatuses) and as kubelet events with their
 * virtual times. Timings are jittered ±20 % (seeded), so times under default timings are ranges;
 * all-zero timing makes them exact.
 */
import { describe, expect, it } from 'vitest';
import { timestamp } from '../../k8s/time.ts';
import type {
  ContainerStatus,
  EndpointSlice,
  Endpoints,
  NodeObject,
  Pod,
  PodCondition,
} from '../../k8s/types.ts';
import { parseManifests } from '../../k8s/yaml.ts';
import { runKubectl } from '../../kubectl/index.ts';
import { KUBIA_SERVICE, zeroTiming } from '../../test-helpers/builders.ts';
import { applyAll } from '../apply.ts';
import type { AppBehaviour } from '../apps.ts';
import { SimCluster, type ClusterOptions } from '../cluster.ts';

interface Logged {
  t: number;
  type: string;
  reason: string;
  object: string;
  message: string;
}

/** A cluster whose every Event is also logged with the exact virtual time it was recorded at. */
function world(options: ClusterOptions = {}): { sim: SimCluster; log: Logged[] } {
  const sim = new SimCluster({ seed: 7, ...options });
  const log: Logged[] = [];
  const record = sim.event.bind(sim);
  sim.event = (obj, type, reason, message, component, host) => {
    log.push({ t: sim.now, type, reason, object: `${obj.kind.toLowerCase()}/${obj.metadata.name}`, message });
    record(obj, type, reason, message, component, host);
  };
  return { sim, log };
}

function podYaml(
  name: string,
  image: string,
  o: { probes?: string; cpu?: string; grace?: number } = {},
): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: kubia } }
spec:
${o.grace !== undefined ? `  terminationGracePeriodSeconds: ${o.grace}\n` : ''}  containers:
  - name: nodejs
    image: ${image}
    ports: [{ containerPort: 8080 }]
${o.cpu ? `    resources: { requests: { cpu: "${o.cpu}" } }\n` : ''}${o.probes ?? ''}`;
}

function addPod(sim: SimCluster, name: string, image: string, o: Parameters<typeof podYaml>[2] = {}) {
  applyAll(sim, parseManifests(podYaml(name, image, o)));
}

const getPod = (sim: SimCluster, name: string) => sim.store.get<Pod>('Pod', 'default', name);
const main = (p: Pod | undefined): ContainerStatus | undefined => p?.status.containerStatuses?.[0];
const cond = (p: Pod | undefined, type: string): PodCondition | undefined =>
  p?.status.conditions?.find((c) => c.type === type);
/** kubectl get pods' STATUS column. */
const statusColumn = (sim: SimCluster, name: string) =>
  runKubectl(sim, `get pod ${name} --no-headers`).stdout.trim().split(/\s+/)[2];
const podEvents = (log: Logged[], name: string) => log.filter((e) => e.object === `pod/${name}`);
const reasons = (log: Logged[]) => log.map((e) => e.reason);
const timeOf = (log: Logged[], reason: string, nth = 0) => log.filter((e) => e.reason === reason)[nth]?.t;
const endpointAddresses = (sim: SimCluster) =>
  (sim.store.get<Endpoints>('Endpoints', 'default', 'kubia')?.subsets ?? []).flatMap((s) =>
    (s.addresses ?? []).map((a) => a.targetRef?.name),
  );

/** Advance to exactly virtual time `t`. */
function advanceTo(sim: SimCluster, t: number): void {
  if (t > sim.now) sim.advance(t - sim.now);
}

describe('normal start', () => {
  it.each([
    { scenario: 'image not on the node: Pulling, Pulled after ~5 s, Started after ~2 s more', cached: false },
    { scenario: 'image already on the node: Pulled "already present", Started after ~2 s', cached: true },
  ])('$scenario', ({ cached }) => {
    const { sim, log } = world({ nodes: 1 });
    if (cached) {
      addPod(sim, 'warm', 'luksa/kubia:v1');
      sim.advance(30);
    }
    const t0 = sim.now;
    addPod(sim, 'p', 'luksa/kubia:v1');
    sim.advance(0.5);
    // Created, not yet bound: Pending with no containers (scheduleSeconds 1 — not jittered).
    expect(getPod(sim, 'p')?.status.phase).toBe('Pending');
    expect(getPod(sim, 'p')?.spec.nodeName).toBeUndefined();
    sim.advance(0.6);
    const bound = getPod(sim, 'p')!;
    expect(bound.spec.nodeName).toBe('node-1');
    expect(bound.status.phase).toBe('Pending');
    expect(main(bound)).toMatchObject({
      ready: false,
      restartCount: 0,
      state: { waiting: { reason: 'ContainerCreating' } },
    });
    expect(cond(bound, 'PodScheduled')).toMatchObject({
      status: 'True',
      lastTransitionTime: timestamp(t0 + 1),
    });
    expect(cond(bound, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(statusColumn(sim, 'p')).toBe('ContainerCreating');
    sim.advance(20);

    const ev = podEvents(log, 'p');
    expect(reasons(ev)).toEqual(
      cached
        ? ['Scheduled', 'Pulled', 'Created', 'Started']
        : ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'],
    );
    expect(ev[0]).toMatchObject({ t: t0 + 1, message: 'Successfully assigned default/p to node-1' });
    const pulled = timeOf(ev, 'Pulled')!;
    const started = timeOf(ev, 'Started')!;
    if (cached) {
      expect(ev[1]).toMatchObject({
        t: t0 + 1,
        message: 'Container image "luksa/kubia:v1" already present on machine',
      });
    } else {
      expect(ev[1]).toMatchObject({ t: t0 + 1, message: 'Pulling image "luksa/kubia:v1"' });
      expect(pulled - (t0 + 1)).toBeGreaterThanOrEqual(4);
      expect(pulled - (t0 + 1)).toBeLessThanOrEqual(6);
      expect(ev[2]!.message).toMatch(
        /^Successfully pulled image "luksa\/kubia:v1" in (\d+(\.\d+)?)s \(\1s including waiting\)\. Image size: \d+ bytes\.$/,
      );
    }
    expect(started - pulled).toBeGreaterThanOrEqual(1.6);
    expect(started - pulled).toBeLessThanOrEqual(2.4);
    expect(timeOf(ev, 'Created')).toBe(started);

    const p = getPod(sim, 'p')!;
    expect(p.status.phase).toBe('Running');
    expect(p.status.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(p.status.hostIP).toBe('172.18.0.2');
    expect(p.status.podIPs).toEqual([{ ip: p.status.podIP }]);
    expect(p.status.hostIPs).toEqual([{ ip: '172.18.0.2' }]);
    expect(main(p)).toMatchObject({
      containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
      name: 'nodejs',
      // containerd reports the image with its registry once the container exists.
      image: 'docker.io/luksa/kubia:v1',
      imageID: expect.stringMatching(/^docker\.io\/luksa\/kubia@sha256:[0-9a-f]{64}$/),
      lastState: {},
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: timestamp(started) } },
    });
    for (const type of ['Ready', 'ContainersReady'])
      expect(cond(p, type)).toMatchObject({ status: 'True', lastTransitionTime: timestamp(started) });
    expect(cond(p, 'Initialized')).toMatchObject({ status: 'True', lastTransitionTime: timestamp(t0 + 1) });
  });

  it('a slow pull keeps the pod ContainerCreating, out of the endpoints, for the whole pull', () => {
    const { sim, log } = world({ timing: { imagePullSeconds: 60 } });
    applyAll(sim, parseManifests(KUBIA_SERVICE));
    addPod(sim, 'p', 'luksa/kubia:v1');
    sim.advance(45);
    expect(statusColumn(sim, 'p')).toBe('ContainerCreating');
    expect(getPod(sim, 'p')?.status.phase).toBe('Pending');
    expect(endpointAddresses(sim)).toEqual([]);
    sim.advance(60);
    const pulled = timeOf(log, 'Pulled')!;
    expect(pulled - 1).toBeGreaterThanOrEqual(48);
    expect(pulled - 1).toBeLessThanOrEqual(72);
    expect(endpointAddresses(sim)).toEqual(['p']);
  });
});

describe('crash loop (`-crash`: exits with code 1 a second after each start), all-zero timing', () => {
  /**
   * Upstream kuberuntime doBackOff: the first restart is immediate, then the back-off is 10 s
   * doubling to 300 s. Each row: the nth exit, when it happens, when the container is started
   * again, and the back-off shown in the CrashLoopBackOff message.
   */
  it.each([
    { exit: 1, exitedAt: 1, restartedAt: 1, backoff: 0 },
    { exit: 2, exitedAt: 2, restartedAt: 12, backoff: 10 },
    { exit: 3, exitedAt: 13, restartedAt: 33, backoff: 20 },
    { exit: 4, exitedAt: 34, restartedAt: 74, backoff: 40 },
    { exit: 5, exitedAt: 75, restartedAt: 155, backoff: 80 },
    { exit: 6, exitedAt: 156, restartedAt: 316, backoff: 160 },
    { exit: 7, exitedAt: 317, restartedAt: 617, backoff: 300 },
    { exit: 8, exitedAt: 618, restartedAt: 918, backoff: 300 },
  ])('exit $exit at $exitedAt s: back-off $backoff s, started again at $restartedAt s', (row) => {
    const { sim, log } = world({ timing: zeroTiming });
    addPod(sim, 'p', 'luksa/kubia:v1-crash');
    const starts = () => log.filter((e) => e.reason === 'Started').map((e) => e.t);
    advanceTo(sim, row.exitedAt);
    expect(starts().length).toBe(row.backoff === 0 ? row.exit + 1 : row.exit);
    const p = getPod(sim, 'p')!;
    expect(main(p)?.lastState?.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
      finishedAt: timestamp(row.exitedAt),
    });
    if (row.backoff > 0) {
      // In back-off: restartCount is the restarts done so far, not Ready, phase still Running.
      expect(p.status.phase).toBe('Running');
      expect(main(p)).toMatchObject({
        ready: false,
        restartCount: row.exit - 1,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${row.backoff}s restarting failed container=nodejs pod=p_default(${p.metadata.uid})`,
          },
        },
      });
      expect(cond(p, 'Ready')).toMatchObject({
        status: 'False',
        lastTransitionTime: timestamp(row.exitedAt),
      });
      expect(statusColumn(sim, 'p')).toBe('CrashLoopBackOff');
      expect(log.filter((e) => e.reason === 'BackOff').map((e) => e.t)).toContain(row.exitedAt);
      // In back-off the status keeps the id of the container that exited.
      expect(main(p)?.containerID).toBe(main(p)?.lastState?.terminated?.containerID);
    }
    advanceTo(sim, row.restartedAt);
    expect(starts().at(-1)).toBe(row.restartedAt);
    const restarted = main(getPod(sim, 'p'));
    expect(restarted).toMatchObject({
      ready: true,
      restartCount: row.exit,
      state: { running: {} },
    });
    // A new container run, a new id; lastState names the one that exited.
    expect(restarted?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(restarted?.lastState?.terminated?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(restarted?.containerID).not.toBe(restarted?.lastState?.terminated?.containerID);
  });

  it('the BackOff event message and the decision record explain the wait', () => {
    const { sim, log } = world({ timing: zeroTiming });
    addPod(sim, 'p', 'luksa/kubia:v1-crash');
    sim.advance(40);
    const uid = getPod(sim, 'p')!.metadata.uid;
    expect(log.filter((e) => e.reason === 'BackOff')).toEqual([
      expect.objectContaining({
        t: 2,
        type: 'Warning',
        message: `Back-off restarting failed container nodejs in pod p_default(${uid})`,
      }),
      expect.objectContaining({ t: 13 }),
      expect.objectContaining({ t: 34 }),
    ]);
    expect(
      sim
        .decisions()
        .filter((d) => d.code === 'pod.crashLoop')
        .map((d) => [d.t, d.values['backoff']]),
    ).toEqual([
      [2, 10],
      [13, 20],
      [34, 40],
    ]);
  });
});

describe('missing image (`-missing`), all-zero timing', () => {
  it('ErrImagePull, then ImagePullBackOff a second later; retries after 10, 20, 40, 80 s…', () => {
    const { sim, log } = world({ timing: zeroTiming });
    addPod(sim, 'p', 'luksa/kubia:v1-missing');
    const seen: [number, string][] = [];
    for (let t = 0.5; t <= 160; t += 0.5) {
      advanceTo(sim, t);
      const s = statusColumn(sim, 'p')!;
      if (seen.at(-1)?.[1] !== s) seen.push([t, s]);
    }
    expect(seen).toEqual([
      [0.5, 'ErrImagePull'],
      [1, 'ImagePullBackOff'],
      [10, 'ErrImagePull'],
      [11, 'ImagePullBackOff'],
      [30, 'ErrImagePull'],
      [31, 'ImagePullBackOff'],
      [70, 'ErrImagePull'],
      [71, 'ImagePullBackOff'],
      [150, 'ErrImagePull'],
      [151, 'ImagePullBackOff'],
    ]);
    const ref = 'docker.io/luksa/kubia:v1-missing';
    expect(log.filter((e) => e.t <= 1).map((e) => [e.t, e.type, e.reason, e.message])).toEqual([
      [0, 'Normal', 'Scheduled', expect.stringMatching(/^Successfully assigned default\/p to node-[123]$/)],
      [0, 'Normal', 'Pulling', 'Pulling image "luksa/kubia:v1-missing"'],
      [
        0,
        'Warning',
        'Failed',
        `Failed to pull image "luksa/kubia:v1-missing": rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
      ],
      [0, 'Warning', 'Failed', 'Error: ErrImagePull'],
      [1, 'Normal', 'BackOff', 'Back-off pulling image "luksa/kubia:v1-missing"'],
      [1, 'Warning', 'Failed', 'Error: ImagePullBackOff'],
    ]);
    expect(log.filter((e) => e.reason === 'Pulling').map((e) => e.t)).toEqual([0, 10, 30, 70, 150]);
    const p = getPod(sim, 'p')!;
    expect(p.status.phase).toBe('Pending');
    expect(main(p)).toMatchObject({
      ready: false,
      started: false,
      restartCount: 0,
      imageID: '',
      state: {
        waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "luksa/kubia:v1-missing"' },
      },
    });
  });
});

describe('probes against the simulated apps, all-zero timing', () => {
  const readiness = (threshold: number) =>
    `    readinessProbe:\n      httpGet: { path: /, port: 8080 }\n      periodSeconds: 1\n      failureThreshold: ${threshold}\n`;

  /** v3 answers 500 from its 5th request: probes at 0,1,2,3 pass, 4,5,6… fail. */
  it.each([
    { failureThreshold: 1, notReadyAt: 4, failed: 'failed 1 time' },
    { failureThreshold: 3, notReadyAt: 6, failed: 'failed 3 times' },
    { failureThreshold: 5, notReadyAt: 8, failed: 'failed 5 times' },
  ])(
    'v3 with a readiness probe every second and failureThreshold $failureThreshold: not Ready at $notReadyAt s',
    ({ failureThreshold, notReadyAt, failed }) => {
      const { sim, log } = world({ timing: zeroTiming });
      applyAll(sim, parseManifests(KUBIA_SERVICE));
      addPod(sim, 'p', 'luksa/kubia:v3', { probes: readiness(failureThreshold) });
      sim.advance(0.5);
      expect(main(getPod(sim, 'p'))?.ready).toBe(true);
      expect(endpointAddresses(sim)).toEqual(['p']);
      advanceTo(sim, notReadyAt - 0.5);
      expect(cond(getPod(sim, 'p'), 'Ready')?.status).toBe('True');
      advanceTo(sim, notReadyAt);
      const p = getPod(sim, 'p')!;
      expect(cond(p, 'Ready')).toMatchObject({
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [nodejs]',
        lastTransitionTime: timestamp(notReadyAt),
      });
      expect(main(p)).toMatchObject({ ready: false, restartCount: 0, state: { running: {} } });
      expect(statusColumn(sim, 'p')).toBe('Running');
      expect(endpointAddresses(sim)).toEqual([]);
      const unhealthy = log.filter((e) => e.reason === 'Unhealthy');
      expect(unhealthy[0]).toMatchObject({
        t: 4,
        type: 'Warning',
        message: 'Readiness probe failed: HTTP probe failed with statuscode: 500',
      });
      expect(unhealthy.map((e) => e.t)).toEqual(Array.from({ length: notReadyAt - 3 }, (_, i) => 4 + i));
      expect(sim.decisions().find((d) => d.code === 'pod.readinessFailed')).toMatchObject({
        t: notReadyAt,
        message: expect.stringContaining(`${failed} in a row (HTTP probe failed with statuscode: 500)`),
      });
    },
  );

  it('a failing liveness probe restarts the container at once, then with CrashLoopBackOff', () => {
    const { sim, log } = world({ timing: zeroTiming });
    addPod(sim, 'p', 'luksa/kubia:v3', {
      probes: '    livenessProbe:\n      httpGet: { path: /, port: 8080 }\n      periodSeconds: 1\n',
    });
    sim.advance(6);
    expect(log.filter((e) => e.reason === 'Unhealthy').map((e) => [e.t, e.message])).toEqual([
      [4, 'Liveness probe failed: HTTP probe failed with statuscode: 500'],
      [5, 'Liveness probe failed: HTTP probe failed with statuscode: 500'],
      [6, 'Liveness probe failed: HTTP probe failed with statuscode: 500'],
    ]);
    expect(
      log.filter((e) => e.t === 6 && e.reason !== 'Unhealthy').map((e) => [e.reason, e.message]),
    ).toEqual([
      ['Killing', 'Container nodejs failed liveness probe, will be restarted'],
      ['Pulled', 'Container image "luksa/kubia:v3" already present on machine'],
      ['Created', 'Created container: nodejs'],
      ['Started', 'Started container nodejs'],
    ]);
    expect(main(getPod(sim, 'p'))).toMatchObject({
      restartCount: 1,
      ready: true,
      state: { running: { startedAt: timestamp(6) } },
      lastState: { terminated: { exitCode: 137, startedAt: timestamp(0), finishedAt: timestamp(6) } },
    });
    // The restarted container fails again after 4 requests: killed at 12, back-off 10 s.
    sim.advance(6);
    expect(statusColumn(sim, 'p')).toBe('CrashLoopBackOff');
    expect(main(getPod(sim, 'p'))?.restartCount).toBe(1);
    sim.advance(10);
    expect(timeOf(log, 'Started', 2)).toBe(22);
    expect(main(getPod(sim, 'p'))?.restartCount).toBe(2);
  });
});

describe('termination', () => {
  it('graceful: Killing, Terminating for the shutdown time (~5 s), out of the endpoints at once, still ready', () => {
    const { sim, log } = world();
    applyAll(sim, parseManifests(KUBIA_SERVICE));
    addPod(sim, 'p', 'luksa/kubia:v1');
    sim.advance(30);
    expect(endpointAddresses(sim)).toEqual(['p']);
    sim.delete('Pod', 'default', 'p');
    expect(endpointAddresses(sim)).toEqual(['p']);
    sim.advance(0);
    expect(endpointAddresses(sim)).toEqual([]);
    expect(statusColumn(sim, 'p')).toBe('Terminating');
    expect(log.at(-1)).toMatchObject({ t: 30, reason: 'Killing', message: 'Stopping container nodejs' });
    const p = getPod(sim, 'p')!;
    expect(p.metadata).toMatchObject({ deletionGracePeriodSeconds: 30, deletionTimestamp: timestamp(60) });
    // The container runs until it stops and its readiness stays what the probe said: the pod is
    // 1/1 Terminating and Ready, and its slice endpoint serving but not ready (podToEndpoint).
    expect(main(p)).toMatchObject({ ready: true, state: { running: {} } });
    expect(p.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(runKubectl(sim, 'get pod p --no-headers').stdout).toMatch(/^p\s+1\/1\s+Terminating\s/);
    const slice = sim.store.list<EndpointSlice>('EndpointSlice')[0]!;
    expect(slice.endpoints?.map((e) => e.conditions)).toEqual([
      { ready: false, serving: true, terminating: true },
    ]);
    sim.advance(3.9);
    expect(getPod(sim, 'p')).toBeDefined();
    sim.advance(2.2);
    expect(getPod(sim, 'p')).toBeUndefined();
  });

  it.each([
    {
      scenario: 'an app that needs 60 s to stop is killed at the grace period (10 s)',
      grace: 10,
      goneAt: 10,
    },
    { scenario: 'grace 0 via ctx.delete(…, 0): gone at once', grace: 0, goneAt: 0 },
  ])('$scenario', ({ grace, goneAt }) => {
    const apps: Record<string, Partial<AppBehaviour>> = { 'example/slow:1': { shutdownSeconds: 60 } };
    const { sim } = world({ timing: zeroTiming, apps });
    applyAll(sim, parseManifests(KUBIA_SERVICE));
    addPod(sim, 'p', 'example/slow:1', { grace: 30 });
    sim.advance(1);
    expect(endpointAddresses(sim)).toEqual(['p']);
    const t0 = sim.now;
    sim.delete('Pod', 'default', 'p', grace);
    sim.advance(0);
    expect(endpointAddresses(sim)).toEqual([]);
    if (goneAt > 0) {
      sim.advance(goneAt - 0.001);
      expect(getPod(sim, 'p')?.metadata.deletionGracePeriodSeconds).toBe(grace);
      sim.advance(0.001);
    }
    expect(getPod(sim, 'p')).toBeUndefined();
    expect(sim.now - t0).toBe(goneAt);
  });
});

describe('the status written before the final delete', () => {
  /** The last version of pod `name` the store held before it was deleted, and when it was written. */
  function lastBeforeDelete(sim: SimCluster, name: string) {
    const seen: { t: number; pod: Pod; type: string; row: string }[] = [];
    sim.watch((c) => {
      if (c.kind === 'Pod' && c.obj.metadata.name === name) {
        // What kubectl get printed at that moment (a watch prints the deleted object as it was).
        const row = c.type === 'deleted' ? '' : runKubectl(sim, `get pod ${name} --no-headers`).stdout.trim();
        seen.push({ t: sim.now, pod: c.obj as Pod, type: c.type, row });
      }
    });
    return seen;
  }

  it.each([
    {
      scenario: 'an app that stops on SIGTERM exits 0: Completed, phase Succeeded',
      shutdownSeconds: 4,
      why: "Pod p is Terminating: it left the Service's endpoints at once, and its app takes 4s to shut down (within terminationGracePeriodSeconds 10).",
      exitCode: 0,
      reason: 'Completed',
      phase: 'Succeeded',
      ready: { status: 'False', reason: 'PodCompleted' },
      column: /^p\s+0\/1\s+Completed\s/,
    },
    {
      scenario: 'an app still running when the grace period ends is killed: 137 Error, phase Failed',
      shutdownSeconds: 60,
      why: "Pod p is Terminating: it left the Service's endpoints at once; its app does not shut down within terminationGracePeriodSeconds (10), so it is killed after 10s.",
      exitCode: 137,
      reason: 'Error',
      phase: 'Failed',
      // generate.go's reason for a Failed pod (since 1.27), no message.
      ready: { status: 'False', reason: 'PodFailed' },
      column: /^p\s+0\/1\s+Error\s/,
    },
  ])('$scenario', ({ shutdownSeconds, why, exitCode, reason, phase, ready, column }) => {
    const apps: Record<string, Partial<AppBehaviour>> = { 'example/app:1': { shutdownSeconds } };
    const { sim } = world({ timing: zeroTiming, apps });
    addPod(sim, 'p', 'example/app:1', { grace: 10 });
    sim.advance(5);
    const running = main(getPod(sim, 'p'))!;
    const seen = lastBeforeDelete(sim, 'p');
    sim.delete('Pod', 'default', 'p');
    sim.advance(30);
    // The delete (deletionTimestamp), the final status, the final delete.
    expect(seen.map((s) => s.type)).toEqual(['updated', 'updated', 'deleted']);
    const [, last, gone] = seen;
    const stoppedAt = 5 + Math.min(shutdownSeconds, 10);
    expect(last!.t).toBe(stoppedAt);
    expect(gone!.t).toBe(stoppedAt);
    const pod = last!.pod;
    expect(pod.status.phase).toBe(phase);
    expect(main(pod)).toMatchObject({
      ready: false,
      started: false,
      restartCount: 0,
      containerID: running.containerID,
      state: {
        terminated: {
          containerID: running.containerID,
          exitCode,
          reason,
          startedAt: running.state.running?.startedAt,
          finishedAt: timestamp(stoppedAt),
        },
      },
    });
    expect(pod.status.conditions?.map((c) => [c.type, c.status, c.reason ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', ''],
      ['Initialized', 'True', phase === 'Succeeded' ? 'PodCompleted' : ''],
      ['Ready', 'False', ready.reason],
      ['ContainersReady', 'False', ready.reason],
      ['PodScheduled', 'True', ''],
    ]);
    expect(cond(pod, 'Ready')).toEqual({
      type: 'Ready',
      ...ready,
      lastProbeTime: null,
      lastTransitionTime: timestamp(stoppedAt),
    });
    // kubectl prints the terminal phase, not Terminating (printPod's IsPodPhaseTerminal).
    expect(last!.row).toMatch(column);
    // The kubelet's reason says how long the app takes, and whether the grace period cut it short.
    expect(
      sim
        .decisions()
        .filter((d) => d.code === 'pod.terminating')
        .map((d) => d.message),
    ).toEqual([why]);
  });

  it.each([
    {
      scenario: 'a crash-looping pod has no container to stop: its last run is the final state',
      image: 'example/app:v1-crash',
      waiting: 'CrashLoopBackOff',
      final: (before: ContainerStatus) => before.lastState?.terminated,
      row: /^p\s+0\/1\s+Error\s+1 \(\d+s ago\)\s/,
    },
    {
      scenario: 'a pod whose image cannot be pulled never ran: ContainerStatusUnknown',
      image: 'example/app:v1-missing',
      waiting: 'ImagePullBackOff',
      final: () => ({
        exitCode: 137,
        reason: 'ContainerStatusUnknown',
        message: 'The container could not be located when the pod was terminated',
      }),
      row: /^p\s+0\/1\s+ContainerStatusUnknown\s+0\s/,
    },
  ])('$scenario; no Killing, phase Failed, gone at once', ({ image, waiting, final, row }) => {
    const { sim, log } = world({ timing: zeroTiming });
    addPod(sim, 'p', image);
    sim.advance(3);
    expect(statusColumn(sim, 'p')).toBe(waiting);
    const expected = final(main(getPod(sim, 'p'))!);
    expect(expected?.exitCode).toBeGreaterThan(0);
    const seen = lastBeforeDelete(sim, 'p');
    const t0 = sim.now;
    sim.delete('Pod', 'default', 'p');
    sim.advance(0);
    expect(podEvents(log, 'p').filter((e) => e.t >= t0)).toEqual([]);
    expect(sim.decisions().filter((d) => d.code === 'pod.terminating')).toMatchObject([
      {
        message: `Pod p is deleted while its container is not running (${waiting}): there is nothing to stop, so it is gone at once.`,
        values: { seconds: 0, grace: 30, waiting },
      },
    ]);
    expect(seen.map((s) => [s.type, s.t])).toEqual([
      ['updated', t0],
      ['updated', t0],
      ['deleted', t0],
    ]);
    const pod = seen[1]!.pod;
    expect(pod.status.phase).toBe('Failed');
    expect(main(pod)).toMatchObject({ ready: false, state: { terminated: expected } });
    expect(cond(pod, 'PodReadyToStartContainers')?.status).toBe('False');
    expect(seen[1]!.row).toMatch(row);
  });
});

describe('scheduling', () => {
  const FAILED = '0/3 nodes are available: 3 Insufficient cpu.';

  it('a pod larger than any node stays Pending with FailedScheduling, and is placed when a large node joins', () => {
    const { sim, log } = world({ timing: zeroTiming });
    addPod(sim, 'big', 'luksa/kubia:v1', { cpu: '5' });
    sim.advance(10);
    const p = getPod(sim, 'big')!;
    expect(p.status.phase).toBe('Pending');
    expect(p.spec.nodeName).toBeUndefined();
    expect(cond(p, 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message: FAILED,
    });
    expect(log).toEqual([
      expect.objectContaining({
        t: 0,
        type: 'Warning',
        reason: 'FailedScheduling',
        message: `${FAILED} preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.`,
      }),
    ]);
    const node1 = sim.store.get<NodeObject>('Node', undefined, 'node-1')!;
    const capacity = { ...node1.status.capacity, cpu: '8' };
    sim.create<NodeObject>({
      ...node1,
      metadata: { name: 'node-4', labels: { 'kubernetes.io/hostname': 'node-4' } },
      status: { ...node1.status, capacity, allocatable: capacity },
    });
    sim.advance(1);
    expect(getPod(sim, 'big')?.spec.nodeName).toBe('node-4');
    expect(cond(getPod(sim, 'big'), 'PodScheduled')).toMatchObject({
      status: 'True',
      lastTransitionTime: timestamp(10),
    });
    expect(log.map((e) => [e.t, e.reason])).toContainEqual([10, 'Scheduled']);
  });

  it('a fourth 3-CPU pod waits for room and is scheduled once a pod is gone', () => {
    const { sim, log } = world({ timing: zeroTiming });
    for (const n of ['a', 'b', 'c', 'd']) addPod(sim, n, 'luksa/kubia:v1', { cpu: '3' });
    sim.advance(5);
    const placed = ['a', 'b', 'c', 'd'].filter((n) => getPod(sim, n)?.spec.nodeName);
    expect(new Set(placed.map((n) => getPod(sim, n)!.spec.nodeName)).size).toBe(3);
    const waiting = ['a', 'b', 'c', 'd'].find((n) => !placed.includes(n))!;
    expect(log.filter((e) => e.reason === 'FailedScheduling').map((e) => e.object)).toEqual([
      `pod/${waiting}`,
    ]);
    const freed = getPod(sim, placed[0]!)!.spec.nodeName;
    sim.delete('Pod', 'default', placed[0]!);
    sim.advance(1);
    expect(getPod(sim, waiting)?.spec.nodeName).toBe(freed);
    expect(getPod(sim, waiting)?.status.phase).toBe('Running');
  });

  it('waiting pods are tried again, oldest first, when a placed pod gives up its room, not when a waiting one leaves', () => {
    const { sim, log } = world({ timing: zeroTiming });
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const n of names) addPod(sim, n, 'luksa/kubia:v1', { cpu: '3' });
    sim.advance(5);
    const placed = names.filter((n) => getPod(sim, n)?.spec.nodeName);
    const waiting = names.filter((n) => !placed.includes(n));
    expect(placed).toHaveLength(3);
    const failed = () => log.filter((e) => e.reason === 'FailedScheduling').map((e) => e.object);
    expect(failed()).toEqual(waiting.map((n) => `pod/${n}`));
    const versions = () => waiting.map((n) => getPod(sim, n)?.metadata.resourceVersion);

    // A waiting pod leaving frees nothing: the others are not written again.
    const before = versions().slice(1);
    sim.delete('Pod', 'default', waiting[0]!);
    sim.advance(1);
    expect(versions().slice(1)).toEqual(before);

    // A placed pod leaving: the oldest waiting pod takes its node, the other keeps waiting, and
    // neither records FailedScheduling again.
    const freed = getPod(sim, placed[0]!)!.spec.nodeName;
    sim.delete('Pod', 'default', placed[0]!);
    sim.advance(1);
    expect(getPod(sim, waiting[1]!)?.spec.nodeName).toBe(freed);
    expect(getPod(sim, waiting[2]!)?.spec.nodeName).toBeUndefined();
    expect(cond(getPod(sim, waiting[2]!), 'PodScheduled')).toMatchObject({
      reason: 'Unschedulable',
      message: FAILED,
    });
    expect(failed()).toHaveLength(3);
  });
});

describe('timing', () => {
  const transcript = (seed: number, timing?: ClusterOptions['timing']) => {
    const { sim, log } = world({ seed, ...(timing ? { timing } : {}) });
    for (const n of ['a', 'b', 'c']) addPod(sim, n, 'luksa/kubia:v1');
    sim.advance(30);
    sim.delete('Pod', 'default', 'a');
    sim.advance(30);
    return log.map((e) => `${e.t} ${e.reason} ${e.object}`);
  };

  it('seeded jitter is deterministic: the same seed gives the same times, another seed others', () => {
    expect(transcript(7)).toEqual(transcript(7));
    expect(transcript(7)).not.toEqual(transcript(8));
  });

  it('all-zero timing stays exact: Ready when created, gone when deleted', () => {
    const { sim, log } = world({ timing: zeroTiming });
    applyAll(sim, parseManifests(KUBIA_SERVICE));
    addPod(sim, 'p', 'luksa/kubia:v1');
    sim.advance(0);
    expect(log.map((e) => [e.t, e.reason])).toEqual([
      [0, 'Scheduled'],
      [0, 'Pulling'],
      [0, 'Pulled'],
      [0, 'Created'],
      [0, 'Started'],
    ]);
    expect(cond(getPod(sim, 'p'), 'Ready')).toMatchObject({
      status: 'True',
      lastTransitionTime: timestamp(0),
    });
    expect(endpointAddresses(sim)).toEqual(['p']);
    expect(log[2]!.message).toContain('in 0s (0s including waiting)');
    sim.delete('Pod', 'default', 'p');
    sim.advance(0);
    expect(getPod(sim, 'p')).toBeUndefined();
    expect(endpointAddresses(sim)).toEqual([]);
  });
});

describe("a container's process ends (command, args and restartPolicy), all-zero timing", () => {
  /** A pod labelled app=kubia running `image` with the container fields and pod spec lines given. */
  function commandPod(name: string, image: string, container: string, spec = ''): string {
    return `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: kubia } }
spec:
${spec}  containers:
  - name: main
    image: ${image}
${container}`;
  }
  const add = (sim: SimCluster, yaml: string) => applyAll(sim, parseManifests(yaml));

  it.each([
    {
      scenario: 'restartPolicy Never, `date`: Completed, Succeeded, never restarted',
      policy: 'Never',
      container: '    args: [date]\n',
      endsAt: 0,
      phase: 'Succeeded',
      status: 'Completed',
      exit: { exitCode: 0, reason: 'Completed' },
      readyReason: 'PodCompleted',
    },
    {
      scenario: 'restartPolicy Never, `sh -c "sleep 5; exit 3"`: serves 5 s, then Error, Failed',
      policy: 'Never',
      container: '    command: [sh, -c, "sleep 5; exit 3"]\n',
      endsAt: 5,
      phase: 'Failed',
      status: 'Error',
      exit: { exitCode: 3, reason: 'Error' },
      readyReason: 'PodFailed',
    },
    {
      scenario: 'restartPolicy OnFailure, `sleep 3` (exit 0): Completed, not restarted',
      policy: 'OnFailure',
      container: '    command: [sleep, "3"]\n',
      endsAt: 3,
      phase: 'Succeeded',
      status: 'Completed',
      exit: { exitCode: 0, reason: 'Completed' },
      readyReason: 'PodCompleted',
    },
  ])('$scenario', ({ policy, container, endsAt, phase, status, exit, readyReason }) => {
    const { sim, log } = world({ timing: zeroTiming });
    add(sim, KUBIA_SERVICE);
    add(sim, commandPod('p', 'busybox:1.36', container, `  restartPolicy: ${policy}\n`));
    sim.advance(0);
    if (endsAt > 0) {
      // Running and Ready (no probe) until its process ends: an endpoint meanwhile.
      expect(getPod(sim, 'p')?.status.phase).toBe('Running');
      expect(endpointAddresses(sim)).toEqual(['p']);
      sim.advance(endsAt - 0.001);
      expect(statusColumn(sim, 'p')).toBe('Running');
      sim.advance(0.001);
    }
    const p = getPod(sim, 'p')!;
    expect(p.status.phase).toBe(phase);
    expect(statusColumn(sim, 'p')).toBe(status);
    expect(runKubectl(sim, 'get pod p --no-headers').stdout).toMatch(/^p\s+0\/1\s+\S+\s+0\s/);
    expect(main(p)).toMatchObject({
      ready: false,
      started: false,
      restartCount: 0,
      lastState: {},
      state: {
        terminated: {
          ...exit,
          startedAt: timestamp(0),
          finishedAt: timestamp(endsAt),
          containerID: main(p)!.containerID,
        },
      },
    });
    // generate.go's conditions for a terminal phase; the sandbox is stopped.
    expect(p.status.conditions?.map((c) => [c.type, c.status, c.reason ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', ''],
      ['Initialized', 'True', phase === 'Succeeded' ? 'PodCompleted' : ''],
      ['Ready', 'False', readyReason],
      ['ContainersReady', 'False', readyReason],
      ['PodScheduled', 'True', ''],
    ]);
    expect(cond(p, 'Ready')?.message).toBeUndefined();
    expect(endpointAddresses(sim)).toEqual([]);
    // Nothing restarts it, and it stays until deleted.
    sim.advance(600);
    expect(getPod(sim, 'p')).toEqual(p);
    expect(reasons(podEvents(log, 'p'))).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(sim.decisions().at(-1)).toMatchObject({
      code: 'pod.exited',
      values: { exitCode: exit.exitCode, policy, phase },
    });
    // Deleted, it goes at once (its container stopped already), with nothing to kill.
    sim.delete('Pod', 'default', 'p');
    sim.advance(0);
    expect(getPod(sim, 'p')).toBeUndefined();
    expect(reasons(podEvents(log, 'p'))).not.toContain('Killing');
  });

  it.each([
    {
      scenario: 'restartPolicy Always, busybox -- date',
      spec: '',
      container: '    args: [date]\n',
      exitCode: 0,
      reason: 'Completed',
    },
    {
      scenario: 'a shell image without a command (its shell has no stdin)',
      spec: '',
      container: '',
      exitCode: 0,
      reason: 'Completed',
    },
    {
      scenario: 'restartPolicy OnFailure, `sleep 1 && false`',
      spec: '  restartPolicy: OnFailure\n',
      container: '    command: [sh, -c, "sleep 1 && false"]\n',
      exitCode: 1,
      reason: 'Error',
    },
  ])(
    '$scenario: restarted, then CrashLoopBackOff with the exit it made',
    ({ spec, container, exitCode, reason }) => {
      const { sim } = world({ timing: zeroTiming });
      add(sim, commandPod('p', 'busybox', container, spec));
      sim.advance(30);
      const p = getPod(sim, 'p')!;
      expect(p.status.phase).toBe('Running');
      expect(statusColumn(sim, 'p')).toBe('CrashLoopBackOff');
      expect(main(p)).toMatchObject({
        ready: false,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode, reason } },
      });
      expect(main(p)!.restartCount).toBeGreaterThanOrEqual(2);
    },
  );

  it.each([
    {
      scenario: 'a loop',
      image: 'busybox',
      container: '    command: [sh, -c, "while true; do date; sleep 5; done"]\n',
    },
    { scenario: 'sleep infinity', image: 'busybox', container: '    args: [sleep, infinity]\n' },
    { scenario: 'a shell with stdin open', image: 'busybox', container: '    stdin: true\n' },
    {
      scenario: 'nginx given arguments for its own entrypoint',
      image: 'nginx',
      container: '    args: [date]\n',
    },
  ])('$scenario runs on', ({ image, container }) => {
    const { sim } = world({ timing: zeroTiming });
    add(sim, commandPod('p', image, container, '  restartPolicy: Never\n'));
    sim.advance(600);
    expect(statusColumn(sim, 'p')).toBe('Running');
    expect(main(getPod(sim, 'p'))).toMatchObject({ ready: true, restartCount: 0, state: { running: {} } });
  });

  it('restartPolicy Never and a failing liveness probe: killed once, the pod Failed', () => {
    const { sim } = world({ timing: zeroTiming });
    add(
      sim,
      commandPod(
        'p',
        'busybox',
        '    command: [sleep, "3600"]\n    livenessProbe: { exec: { command: ["false"] }, periodSeconds: 10 }\n',
        '  restartPolicy: Never\n',
      ),
    );
    sim.advance(60);
    const p = getPod(sim, 'p')!;
    expect(p.status.phase).toBe('Failed');
    expect(main(p)).toMatchObject({
      restartCount: 0,
      state: { terminated: { exitCode: 137, reason: 'Error' } },
    });
    expect(statusColumn(sim, 'p')).toBe('Error');
  });
});

describe('imagePullPolicy: Always pulls at every start, IfNotPresent once per node (no jitter)', () => {
  const timing = { scheduleSeconds: 0, imagePullSeconds: 5, containerStartSeconds: 2, jitter: 0 };

  it.each([
    {
      scenario: 'an image without a tag (Always): the second pod pulls again, in a fifth of a pull',
      image: 'nginx',
      second: ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'],
      pulled: 'Successfully pulled image "nginx" in 1s (1s including waiting).',
      startedAfter: 3,
    },
    {
      scenario: 'a tagged image (IfNotPresent): the second pod finds it present',
      image: 'nginx:1.27',
      second: ['Scheduled', 'Pulled', 'Created', 'Started'],
      pulled: 'Container image "nginx:1.27" already present on machine',
      startedAfter: 2,
    },
  ])('$scenario', ({ image, second, pulled, startedAfter }) => {
    const { sim, log } = world({ nodes: 1, timing });
    addPod(sim, 'first', image);
    sim.advance(30);
    expect(getPod(sim, 'first')?.spec.containers[0]?.imagePullPolicy).toBe(
      image.includes(':') ? 'IfNotPresent' : 'Always',
    );
    addPod(sim, 'p', image);
    sim.advance(30);
    const ev = podEvents(log, 'p');
    expect(reasons(ev)).toEqual(second);
    expect(ev.find((e) => e.reason === 'Pulled')?.message).toContain(pulled);
    expect(timeOf(ev, 'Started')! - timeOf(ev, 'Scheduled')!).toBe(startedAfter);
  });

  it('a crash loop with Always pulls before each restart; the status shows the back-off meanwhile', () => {
    const { sim, log } = world({ nodes: 1, timing });
    applyAll(
      sim,
      parseManifests(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
  - name: main
    image: busybox
    args: [date]
`),
    );
    sim.advance(7);
    // Pulled at 5, started at 7 and exited at once; the first restart pulls at once.
    expect(reasons(podEvents(log, 'p'))).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
      'Pulling',
    ]);
    expect(statusColumn(sim, 'p')).toBe('Completed');
    sim.advance(1);
    expect(
      podEvents(log, 'p')
        .slice(6)
        .map((e) => [e.t, e.reason]),
    ).toEqual([
      [8, 'Pulled'],
      [8, 'Created'],
      [8, 'Started'],
      [8, 'BackOff'],
    ]);
    sim.advance(10);
    // Back-off 10 s, then a pull of a second before the next start.
    expect(
      podEvents(log, 'p')
        .slice(10)
        .map((e) => [e.t, e.reason]),
    ).toEqual([[18, 'Pulling']]);
    expect(statusColumn(sim, 'p')).toBe('CrashLoopBackOff');
    sim.advance(1);
    expect(main(getPod(sim, 'p'))?.restartCount).toBe(2);
  });
});

describe('imagePullPolicy Never', () => {
  const timing = { scheduleSeconds: 0, imagePullSeconds: 5, containerStartSeconds: 2, jitter: 0 };
  const neverPod = (name: string, image: string) =>
    parseManifests(`apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  containers:
  - name: main
    image: ${image}
    imagePullPolicy: Never
`);

  it('an image the node lacks: ErrImageNeverPull, retried every 10 s, started once another pod brought it', () => {
    const { sim, log } = world({ nodes: 1, timing });
    applyAll(sim, neverPod('p', 'nginx:1.27'));
    sim.advance(0);
    const p = getPod(sim, 'p')!;
    expect(p.status.phase).toBe('Pending');
    expect(main(p)?.state).toEqual({
      waiting: {
        reason: 'ErrImageNeverPull',
        message: 'Container image "nginx:1.27" is not present with pull policy of Never',
      },
    });
    expect(statusColumn(sim, 'p')).toBe('ErrImageNeverPull');
    expect(podEvents(log, 'p').map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Normal', 'Scheduled', 'Successfully assigned default/p to node-1'],
      [
        'Warning',
        'ErrImageNeverPull',
        'Container image "nginx:1.27" is not present with pull policy of Never',
      ],
      ['Warning', 'Failed', 'Error: ErrImageNeverPull'],
    ]);
    expect(sim.decisions().at(-1)).toMatchObject({ code: 'pod.neverPull', values: { image: 'nginx:1.27' } });
    sim.advance(25);
    expect(
      podEvents(log, 'p')
        .filter((e) => e.reason === 'ErrImageNeverPull')
        .map((e) => e.t),
    ).toEqual([0, 10, 20]);
    // Another pod pulls the image onto the node (at 30, after p's sync of that instant): p's next
    // sync finds it and starts the container.
    addPod(sim, 'puller', 'nginx:1.27');
    sim.advance(20);
    expect(timeOf(podEvents(log, 'puller'), 'Pulled')).toBe(30);
    const ev = podEvents(log, 'p');
    expect(ev.slice(-3).map((e) => [e.t, e.reason, e.message])).toEqual([
      [40, 'Pulled', 'Container image "nginx:1.27" already present on machine'],
      [42, 'Created', 'Created container: main'],
      [42, 'Started', 'Started container main'],
    ]);
    expect(statusColumn(sim, 'p')).toBe('Running');
  });

  it('an image the node has: started without a pull', () => {
    const { sim, log } = world({ nodes: 1, timing });
    addPod(sim, 'puller', 'nginx:1.27');
    sim.advance(10);
    applyAll(sim, neverPod('p', 'nginx:1.27'));
    sim.advance(5);
    expect(reasons(podEvents(log, 'p'))).toEqual(['Scheduled', 'Pulled', 'Created', 'Started']);
  });
});
