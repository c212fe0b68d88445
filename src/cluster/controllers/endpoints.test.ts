/**
 * The endpoints controller's Endpoints object, with cases ported from upstream's
 * endpoints_controller_test.go (TestSyncServiceOverCapacity) and the address order of
 * pkg/api/v1/endpoints (LessEndpointAddress): addresses sorted as text, at most a thousand of
 * them, ready ones kept first, and an annotation saying the list was cut.
 */
import { describe, expect, it } from 'vitest';
import type { Endpoints } from '../../k8s/types.ts';
import { parseManifests } from '../../k8s/yaml.ts';
import { runKubectl } from '../../kubectl/index.ts';
import { KUBIA_SERVICE, zeroTiming } from '../../test-helpers/builders.ts';
import { applyAll } from '../apply.ts';
import { SimCluster } from '../cluster.ts';
import { MAX_CAPACITY, OVER_CAPACITY, serviceEndpoints } from './endpoints.ts';

/**
 * A Deployment of `replicas` pods behind the Service; `ready: false` gives them a readiness probe
 * that always fails (`false`), so they run and never become Ready.
 */
function deployment(name: string, replicas: number, ready: boolean): string {
  const probe = ready
    ? ''
    : `        readinessProbe:
          exec: { command: ["false"] }
          periodSeconds: 1
`;
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: kubia, set: ${name} } }
  template:
    metadata: { labels: { app: kubia, set: ${name} } }
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
        ports: [{ containerPort: 8080 }]
${probe}`;
}

function cluster(nodes: number): SimCluster {
  return new SimCluster({ seed: 1, nodes, cpu: '64', memory: '256Gi', timing: zeroTiming });
}

const endpointsOf = (sim: SimCluster) => sim.store.get<Endpoints>('Endpoints', 'default', 'kubia');

function counts(sim: SimCluster) {
  const ep = endpointsOf(sim);
  const subsets = ep?.subsets ?? [];
  return {
    ready: subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0),
    notReady: subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0),
    annotation: ep?.metadata.annotations?.[OVER_CAPACITY],
  };
}

describe('Endpoints past maxCapacity (TestSyncServiceOverCapacity)', () => {
  it.each([
    { name: 'empty', ready: 0, notReady: 0, want: { ready: 0, notReady: 0, annotation: undefined } },
    {
      name: 'annotation added past capacity, < than maxCapacity of Ready Addresses',
      ready: MAX_CAPACITY - 3,
      notReady: 4,
      want: { ready: MAX_CAPACITY - 3, notReady: 3, annotation: 'truncated' },
    },
    {
      name: 'annotation added past capacity, maxCapacity of Ready Addresses',
      ready: MAX_CAPACITY,
      notReady: 10,
      want: { ready: MAX_CAPACITY, notReady: 0, annotation: 'truncated' },
    },
    {
      name: 'below capacity',
      ready: MAX_CAPACITY - 1,
      notReady: 0,
      want: { ready: MAX_CAPACITY - 1, notReady: 0, annotation: undefined },
    },
    {
      name: 'at capacity',
      ready: MAX_CAPACITY,
      notReady: 0,
      want: { ready: MAX_CAPACITY, notReady: 0, annotation: undefined },
    },
    {
      name: 'one past capacity',
      ready: MAX_CAPACITY + 1,
      notReady: 0,
      want: { ready: MAX_CAPACITY, notReady: 0, annotation: 'truncated' },
    },
  ])('$name: $ready ready and $notReady not ready pods', ({ ready, notReady, want }) => {
    const sim = cluster(12);
    applyAll(sim, parseManifests(KUBIA_SERVICE));
    if (ready) applyAll(sim, parseManifests(deployment('up', ready, true)));
    if (notReady) applyAll(sim, parseManifests(deployment('down', notReady, false)));
    sim.advance(5);
    expect(counts(sim)).toEqual(want);
    // kube-proxy routes by the slices, which hold every pod.
    const routed = serviceEndpoints(sim.store, 'default', 'kubia');
    expect([routed.ready.length, routed.notReady.length]).toEqual([ready, notReady]);
  });

  it('keeps the first thousand ready addresses in order, and drops the annotation once back at capacity', () => {
    const sim = cluster(12);
    applyAll(sim, parseManifests(KUBIA_SERVICE + '---\n' + deployment('up', MAX_CAPACITY + 5, true)));
    sim.advance(5);
    const all = serviceEndpoints(sim.store, 'default', 'kubia').ready.map((e) => e.ip);
    const kept = endpointsOf(sim)!.subsets![0]!.addresses!.map((a) => a.ip);
    expect(kept).toEqual(all.slice(0, MAX_CAPACITY));
    expect(counts(sim).annotation).toBe('truncated');

    runKubectl(sim, `scale deployment up --replicas=${MAX_CAPACITY}`);
    sim.advance(5);
    expect(counts(sim)).toEqual({ ready: MAX_CAPACITY, notReady: 0, annotation: undefined });
    expect(endpointsOf(sim)!.metadata.annotations).toBeUndefined();
  });
});

describe('address order (LessEndpointAddress: the IP as text, then the uid)', () => {
  it('lists 10.244.1.10 before 10.244.1.2, in Endpoints and in what kube-proxy routes to', () => {
    const sim = cluster(1);
    applyAll(sim, parseManifests(KUBIA_SERVICE + '---\n' + deployment('up', 11, true)));
    sim.advance(5);
    const want = [10, 11, 12, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `10.244.1.${n}`);
    expect(endpointsOf(sim)!.subsets![0]!.addresses!.map((a) => a.ip)).toEqual(want);
    expect(serviceEndpoints(sim.store, 'default', 'kubia').ready.map((e) => e.ip)).toEqual(want);
    // kubectl shows the first three of the stored order.
    expect(runKubectl(sim, 'get endpoints kubia --no-headers').stdout).toContain(
      '10.244.1.10:8080,10.244.1.11:8080,10.244.1.12:8080 + 8 more...',
    );
  });
});

describe('a Service that selects other pods (blue/green’s switch)', () => {
  it('records why its endpoints changed all at once, once, and nothing for other Service changes', () => {
    const sim = cluster(2);
    applyAll(
      sim,
      parseManifests(
        KUBIA_SERVICE + '---\n' + deployment('blue', 3, true) + '---\n' + deployment('green', 3, true),
      ),
    );
    sim.advance(5);
    const reselected = () => sim.decisions().filter((d) => d.code === 'endpoints.reselected');
    runKubectl(sim, 'label service kubia tier=web');
    expect(reselected()).toEqual([]);
    runKubectl(sim, `patch service kubia -p '{"spec":{"selector":{"app":"kubia","set":"green"}}}'`);
    expect(reselected()).toHaveLength(1);
    expect(reselected()[0]).toMatchObject({
      controller: 'endpoint-controller',
      object: { kind: 'Service', name: 'kubia' },
      values: { selector: 'app=kubia,set=green', previous: 'app=kubia', ready: 3, notReady: 0 },
      message:
        'Service kubia now selects app=kubia,set=green instead of app=kubia: its endpoints are the pods that selector picks, 3 ready, and requests go to the ready ones only.',
    });
    sim.advance(5);
    expect(reselected()).toHaveLength(1);
  });
});

describe('the Endpoints object’s labels (TestSyncEndpointsItemsPreexistingLabelsChange)', () => {
  it('are the Service’s and the controller’s, written again when the Service’s change', () => {
    const sim = cluster(1);
    applyAll(sim, parseManifests(KUBIA_SERVICE + '---\n' + deployment('up', 2, true)));
    sim.advance(5);
    const labels = () => endpointsOf(sim)!.metadata.labels;
    expect(labels()).toEqual({ 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    const rv = endpointsOf(sim)!.metadata.resourceVersion;
    runKubectl(sim, 'label service kubia tier=web');
    expect(labels()).toEqual({ tier: 'web', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    expect(endpointsOf(sim)!.metadata.resourceVersion).not.toBe(rv);
    // Nothing changed since: no write.
    const after = endpointsOf(sim)!.metadata.resourceVersion;
    runKubectl(sim, 'annotate service kubia note=x');
    expect(endpointsOf(sim)!.metadata.resourceVersion).toBe(after);
    runKubectl(sim, 'label service kubia tier-');
    expect(labels()).toEqual({ 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
  });
});
