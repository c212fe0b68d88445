/**
 * Following `npm run serve`'s server over HTTP through a rollout: at every second the followed run
 * draws the diagram the simulator draws of its own cluster, its Events are the cluster's, and
 * nothing but GET ever reached the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster/cluster.ts';
import type { Pod, ReplicaSet } from '../k8s/types.ts';
import { runKubectl } from '../kubectl/index.ts';
import { KUBIA_SVC, KUBIA_V1 } from '../server/fixtures.ts';
import { startServer, type RunningServer } from '../server/server.ts';
import { drawn, nodeTransport, recordingProxy, type RecordingProxy } from '../test-helpers/follow.ts';
import { ColourBook } from '../view/colours.ts';
import { clusterView } from '../view/view.ts';
import { followNamespace, type Follower, type FollowState, type Transport } from './client.ts';
import { createFollowRun, readOnlyMessage, type FollowRun } from './run.ts';
import { FOLLOWED_RESOURCES } from './resources.ts';

/** Polls until `ok()` (the watches deliver asynchronously); the caller then asserts. */
async function eventually(ok: () => boolean, millis = 10_000): Promise<void> {
  const end = Date.now() + millis;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe('following the served cluster', () => {
  let cluster: SimCluster;
  let book: ColourBook;
  let server: RunningServer;
  let proxy: RecordingProxy;
  let transport: ReturnType<typeof nodeTransport>;
  let run: FollowRun;
  let follower: Follower;
  const states = new Map<string, FollowState>();

  beforeAll(async () => {
    cluster = new SimCluster({ seed: 7 });
    // The simulator's own colours: one per image in the order they appear, as a Run gives them.
    book = new ColourBook();
    cluster.watch((c) => {
      if (c.type !== 'added') return;
      if (c.kind === 'ReplicaSet') book.of((c.obj as ReplicaSet).spec.template.spec.containers[0]!.image);
      if (c.kind === 'Pod') book.of((c.obj as Pod).spec.containers[0]!.image);
    });
    runKubectl(cluster, 'apply -f -', KUBIA_V1);
    runKubectl(cluster, 'apply -f -', KUBIA_SVC);
    cluster.advance(30);
    server = await startServer({ cluster, speed: 0 });
    proxy = await recordingProxy(server.url);
    transport = nodeTransport(proxy.url);
    run = createFollowRun({ namespace: 'default', freeze: true });
    // Connected at the cluster's t=30: the run's t is seconds since then.
    const since = () => cluster.now - 30;
    follower = followNamespace(transport, 'default', {
      events: (events, date) => run.receive(since(), [{ t: since(), events, ...(date ? { date } : {}) }]),
      status: (s) => states.set(s.kind, s.state),
    });
    await eventually(() => FOLLOWED_RESOURCES.every((r) => r.insteadOf || states.get(r.kind) === 'watching'));
  });
  afterAll(async () => {
    follower?.stop();
    await follower?.done;
    transport?.close();
    await proxy?.close();
    await server?.close();
  });

  const simulated = () => drawn(clusterView(cluster, book, true));
  const followed = () => drawn(run.frame().view);

  it('draws what the simulator draws, second by second through a rollout and a rollback', async () => {
    expect([...states.values()].every((s) => s === 'watching')).toBe(true);
    expect(followed()).toEqual(simulated());
    const script: Record<number, string> = {
      5: 'set image deployment/kubia nodejs=luksa/kubia:v2',
      70: 'rollout undo deployment/kubia',
      100: 'scale deployment/kubia --replicas=5',
    };
    let compared = 0;
    for (let s = 1; s <= 130; s++) {
      server.advance(1);
      const line = script[s];
      if (line) expect(runKubectl(cluster, line).exitCode).toBe(0);
      await eventually(() => {
        run.receive(cluster.now - 30);
        return JSON.stringify(followed()) === JSON.stringify(simulated());
      }, 5_000);
      expect(followed(), `t=${cluster.now}`).toEqual(simulated());
      compared++;
    }
    expect(compared).toBe(130);
    // The rollout really happened: both versions were drawn on the way.
    const images = new Set(run.history().samples.flatMap((x) => Object.values(x.images)));
    expect(images).toEqual(new Set(['luksa/kubia:v1', 'luksa/kubia:v2']));
  }, 120_000);

  it('has the cluster’s Events, and scrubbing back shows the v2 rollout again', async () => {
    const names = (list: readonly { metadata: { name: string }; count: number }[]) =>
      list.map((e) => `${e.metadata.name}×${e.count}`).sort();
    // Events come in one-second watches two seconds apart: the last may be on its way.
    await eventually(() => {
      run.receive(cluster.now - 30);
      return JSON.stringify(names(run.frame().events)) === JSON.stringify(names(cluster.eventList()));
    }, 5_000);
    expect(names(run.frame().events)).toEqual(names(cluster.eventList()));
    run.seek(20);
    const lanes = run.frame().view.deployments[0]!.lanes;
    expect(lanes.find((l) => l.isNew)?.version).toBe('v2');
    expect(run.live()).toBe(false);
    run.seek(run.edge());
    expect(run.live()).toBe(true);
  });

  it('reads the mirror with kubectl, refuses to write, and only ever sent GET', () => {
    const get = run.query('kubectl get deployment kubia');
    expect(get.stdout).toBe(runKubectl(cluster, 'get deployment kubia').stdout);
    expect(run.run('kubectl scale deployment/kubia --replicas=1')).toEqual({
      stdout: '',
      stderr: readOnlyMessage('default'),
      exitCode: 1,
    });
    expect(cluster.store.get('Deployment', 'default', 'kubia')).toMatchObject({ spec: { replicas: 5 } });
    expect(proxy.requests.length).toBeGreaterThan(FOLLOWED_RESOURCES.length);
    expect(proxy.requests.filter((r) => !r.startsWith('GET '))).toEqual([]);
  });

  it('holds five watches open (a page has six connections to an HTTP/1.1 server): Endpoints are made from the slices, Events watched in spells', () => {
    const watches = proxy.requests.filter((r) => r.includes('watch=1'));
    const held = new Set(
      watches.filter((r) => !r.includes('timeoutSeconds=1&') && !r.endsWith('timeoutSeconds=1')),
    );
    expect(new Set([...held].map((r) => r.split('?')[0])).size).toBeLessThanOrEqual(5);
    const spells = watches.filter((r) => r.includes('/events?'));
    expect(spells.length).toBeGreaterThan(0);
    for (const r of spells) expect(r).toMatch(/timeoutSeconds=1$/);
    expect(proxy.requests.filter((r) => /\/endpoints(\?|$)/.test(r))).toEqual([]);
    expect(run.query('kubectl get endpoints kubia').stdout).toBe(
      runKubectl(cluster, 'get endpoints kubia').stdout,
    );
  });
});

/**
 * The served kubia at t=30, followed through `wrap` of a transport to it; `stop` ends the follower
 * and closes the server.
 */
async function followServed(wrap: (t: Transport) => Transport = (t) => t) {
  const cluster = new SimCluster({ seed: 7 });
  runKubectl(cluster, 'apply -f -', KUBIA_V1);
  runKubectl(cluster, 'apply -f -', KUBIA_SVC);
  cluster.advance(30);
  const server = await startServer({ cluster, speed: 0 });
  const transport = nodeTransport(server.url);
  const states = new Map<string, FollowState>();
  const follower = followNamespace(wrap(transport), 'default', {
    events: () => {},
    status: (s) => states.set(s.kind, s.state),
  });
  const stop = async () => {
    follower.stop();
    await follower.done;
    transport.close();
    await server.close();
  };
  return { states, stop };
}

describe('following a server that does not serve EndpointSlices', () => {
  it('follows the Endpoints instead', async () => {
    const paths: string[] = [];
    const body = JSON.stringify({
      kind: 'Status',
      code: 404,
      message: 'the server could not find the requested resource',
    });
    const { states, stop } = await followServed((transport) => ({
      ...transport,
      get: (path: string) => {
        paths.push(path);
        if (!path.includes('/endpointslices')) return transport.get(path);
        let sent = false;
        return Promise.resolve({
          status: 404,
          read: async () => (sent ? undefined : ((sent = true), body)),
          cancel: () => {},
        });
      },
    }));
    await eventually(() => states.get('Endpoints') === 'watching');
    await stop();
    expect(states.get('EndpointSlice')).toBe('unavailable');
    expect(states.get('Endpoints')).toBe('watching');
    expect(paths.some((p) => p.startsWith('/api/v1/namespaces/default/endpoints?watch=1'))).toBe(true);
  });

  it('stops at once when stopped while the slices are still followed', async () => {
    const { states, stop } = await followServed();
    await eventually(() => states.get('EndpointSlice') === 'watching');
    await stop();
    expect(states.has('Endpoints')).toBe(false);
  });
});
