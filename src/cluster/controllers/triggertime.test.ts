/**
 * The endpoints controllers' last-change trigger time: the tracker with the cases of upstream's
 * trigger_time_tracker_test.go, told of every pod at each sync or only of those that changed
 * (what the controllers tell it between syncs), and the annotation as a cluster writes it on
 * Endpoints and EndpointSlices, through a rollout and across a snapshot.
 */
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, Pod, Service } from '../../k8s/types.ts';
import { parseManifests } from '../../k8s/yaml.ts';
import { runKubectl } from '../../kubectl/index.ts';
import { KUBIA_SERVICE, kubiaYaml } from '../../test-helpers/builders.ts';
import { applyAll } from '../apply.ts';
import { SimCluster } from '../cluster.ts';
import { LAST_CHANGE_TRIGGER_TIME, TriggerTimes } from './triggertime.ts';

const t = (s: number) => `2019-01-01T00:00:0${s}Z`;

const service = (created: number): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'my-service', namespace: 'ns', creationTimestamp: t(created) },
  spec: {},
});

/** A sync: the pods the selector picks, name → their Ready condition's last transition. */
type Sync = { pods: Record<string, number>; expect: number | null } | 'delete service' | { created: number };

const cases: [string, number, Sync[]][] = [
  ['TestNewServiceNoPods', 2, [{ pods: {}, expect: 2 }]],
  // Pods were created before the Service, but the trigger time is the Service's creation.
  ['TestNewServiceExistingPods', 3, [{ pods: { pod1: 0, pod2: 1, pod3: 5 }, expect: 3 }]],
  [
    'TestPodsAdded',
    0,
    [
      { pods: {}, expect: 0 },
      { pods: { pod1: 2, pod2: 1 }, expect: 1 },
    ],
  ],
  [
    'TestPodsUpdated',
    0,
    [
      { pods: { pod1: 1, pod2: 2, pod3: 3 }, expect: 0 },
      { pods: { pod1: 5, pod2: 4, pod3: 3 }, expect: 4 },
    ],
  ],
  [
    'TestPodsUpdatedNoOp',
    0,
    [
      { pods: { pod1: 1, pod2: 2, pod3: 3 }, expect: 0 },
      { pods: { pod1: 1, pod2: 2, pod3: 3 }, expect: null },
    ],
  ],
  [
    'TestPodDeletedThenAdded',
    0,
    [
      { pods: { pod1: 1, pod2: 2 }, expect: 0 },
      { pods: { pod1: 1 }, expect: null },
      { pods: { pod1: 1, pod2: 4 }, expect: 4 },
    ],
  ],
  [
    'TestServiceDeletedThenAdded',
    0,
    [
      { pods: { pod1: 1, pod2: 2 }, expect: 0 },
      'delete service',
      { created: 3 },
      { pods: { pod1: 1, pod2: 2 }, expect: 3 },
    ],
  ],
  // A change of the Service itself (its ports) gives no trigger time.
  [
    'TestServiceUpdatedNoPodChange',
    0,
    [
      { pods: { pod1: 1, pod2: 2 }, expect: 0 },
      { pods: { pod1: 1, pod2: 2 }, expect: null },
    ],
  ],
];

describe('TriggerTimes (trigger_time_tracker_test.go)', () => {
  it.each(cases)('%s, told of every pod', (_name, created, syncs) => {
    const tracker = new TriggerTimes();
    let svc = service(created);
    for (const s of syncs) {
      if (s === 'delete service') tracker.forget('ns/my-service');
      else if ('created' in s) svc = service(s.created);
      else {
        tracker.begin('ns/my-service', true);
        for (const [pod, ready] of Object.entries(s.pods)) tracker.pod(`ns/${pod}`, t(ready));
        expect(tracker.end(svc)).toBe(s.expect === null ? '' : t(s.expect));
      }
    }
  });

  it.each(cases)('%s, told only of the pods that changed since the last sync', (_name, created, syncs) => {
    const tracker = new TriggerTimes();
    let svc = service(created);
    let before: Record<string, number> | undefined;
    for (const s of syncs) {
      if (s === 'delete service') {
        tracker.forget('ns/my-service');
        before = undefined;
      } else if ('created' in s) svc = service(s.created);
      else {
        tracker.begin('ns/my-service', before === undefined);
        for (const pod of new Set([...Object.keys(before ?? {}), ...Object.keys(s.pods)]))
          if (before === undefined || before[pod] !== s.pods[pod])
            tracker.pod(`ns/${pod}`, s.pods[pod] === undefined ? '' : t(s.pods[pod]));
        expect(tracker.end(svc)).toBe(s.expect === null ? '' : t(s.expect));
        before = s.pods;
      }
    }
  });
});

const manifests = `${KUBIA_SERVICE}---\n${kubiaYaml()}`;

function cluster(): SimCluster {
  const c = new SimCluster({ seed: 3, nodes: 3 });
  applyAll(c, parseManifests(manifests));
  return c;
}

const endpoints = (c: SimCluster) => c.store.get<Endpoints>('Endpoints', 'default', 'kubia')!;
const slices = (c: SimCluster) => c.store.list<EndpointSlice>('EndpointSlice', 'default');
const triggerOf = (o: { metadata: { annotations?: Record<string, string> } }) =>
  o.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME];
const readySince = (p: Pod) => p.status.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;

describe('last-change-trigger-time on a cluster', () => {
  it('is the Service’s creation at first, then the earliest Ready change of the pods that changed', () => {
    const c = cluster();
    expect(triggerOf(endpoints(c))).toBe(
      c.store.get<Service>('Service', 'default', 'kubia')!.metadata.creationTimestamp,
    );
    // Every write of the Endpoints object and of the slices carries the time of its trigger: a
    // pod whose Ready condition changed (its IP comes with its first Ready condition).
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const rv = endpoints(c).metadata.resourceVersion;
      c.advance(1);
      const ep = endpoints(c);
      if (ep.metadata.resourceVersion === rv) continue;
      const times = c.store.list<Pod>('Pod', 'default').map(readySince);
      expect(times).toContain(triggerOf(ep));
      seen.add(triggerOf(ep)!);
      for (const s of slices(c)) expect(s.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME]).toBeDefined();
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('is removed when what changed was only a pod leaving (no Ready change)', () => {
    const c = cluster();
    c.advance(60);
    runKubectl(c, 'scale deployment kubia --replicas=2');
    // The pod being deleted leaves the Endpoints object at once, its Ready condition unchanged.
    const ep = endpoints(c);
    expect(ep.subsets?.[0]?.addresses).toHaveLength(2);
    expect(ep.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME]).toBeUndefined();
    const out = runKubectl(c, 'describe endpoints kubia').stdout;
    expect(out).toMatch(/^Annotations: {2}<none>$/m);
  });

  it('shows in kubectl describe as on a cluster', () => {
    const c = cluster();
    c.advance(60);
    const out = runKubectl(c, 'describe endpoints kubia').stdout;
    expect(out).toContain(`Annotations:  ${LAST_CHANGE_TRIGGER_TIME}: ${triggerOf(endpoints(c))}\n`);
    expect(triggerOf(endpoints(c))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('a cluster restored from a snapshot writes what the uninterrupted one writes', () => {
    const a = cluster();
    a.advance(50);
    const b = new SimCluster({ seed: 3, nodes: 3 });
    b.restore(a.snapshot());
    const written = (c: SimCluster) => [triggerOf(endpoints(c)), ...slices(c).map(triggerOf)];
    for (const c of [a, b]) runKubectl(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    for (let i = 0; i < 120; i++) {
      a.advance(1);
      b.advance(1);
      expect(written(b)).toEqual(written(a));
    }
    expect(b.snapshot()).toEqual(a.snapshot());
  });
});

describe('TriggerTimes in a snapshot', () => {
  it('keeps only the pods written since the last sync whose time differs, and loads back the same memory', () => {
    const c = cluster();
    c.advance(2);
    const svc = c.store.get<Service>('Service', 'default', 'kubia')!;
    const keyOf = (p: Pod) => `default/${p.metadata.name}`;
    const tracker = new TriggerTimes();
    tracker.begin('default/kubia', true);
    const before = new Map(c.store.list<Pod>('Pod', 'default').map((p) => [keyOf(p), readySince(p) ?? '']));
    for (const [pod, time] of before) tracker.pod(pod, time);
    tracker.end(svc);
    expect(tracker.save(c.store)).toEqual([['default/kubia', []]]);
    // The pods become ready; the tracker is told only that they were written (no sync).
    c.advance(60);
    const pods = c.store.list<Pod>('Pod', 'default');
    for (const p of pods) tracker.podChanged(keyOf(p), 'default');
    const saved = tracker.save(c.store);
    const differ = pods.filter((p) => readySince(p) !== (before.get(keyOf(p)) || undefined));
    expect(differ.length).toBeGreaterThan(0);
    expect(saved).toEqual([['default/kubia', differ.map((p) => [keyOf(p), before.get(keyOf(p)) || null])]]);
    const loaded = new TriggerTimes();
    loaded.load(c.store, JSON.parse(JSON.stringify(saved)) as typeof saved);
    expect(loaded.save(c.store)).toEqual(saved);
    for (const t of [tracker, loaded]) {
      t.begin('default/kubia', true);
      for (const p of pods) t.pod(keyOf(p), readySince(p)!);
    }
    const expected = differ.map((p) => readySince(p)!).sort()[0];
    expect(loaded.end(svc)).toBe(expected);
    expect(tracker.end(svc)).toBe(expected);
  });

  it('a snapshot made before the tracker takes every Service as synced with its pods as they are', () => {
    const c = cluster();
    c.advance(60);
    const loaded = new TriggerTimes();
    loaded.load(c.store, undefined);
    expect(loaded.save(c.store)).toEqual([['default/kubia', []]]);
  });
});
