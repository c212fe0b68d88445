/**
 * The EndpointSlice reconciler, with the cases of upstream's reconciler_test.go: how many slices,
 * of what sizes, and which writes (creates, updates, deletes) each reconcile makes. Upstream
 * compares the sizes unordered; so do these.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, KubeObject, Service, SliceEndpoint } from '../../k8s/types.ts';
import { zeroTiming } from '../../test-helpers/builders.ts';
import { SimCluster } from '../cluster.ts';
import { MAX_ENDPOINTS_PER_SLICE, reconcileSlices, SliceTracker, type SlicePort } from './endpointslice.ts';

const NS = 'test';

/** A cluster, a Service without a selector (its own controller leaves it alone), and a write log. */
function setup(labels?: Record<string, string>) {
  const sim = new SimCluster({ seed: 1, timing: zeroTiming });
  const svc = sim.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'foo', namespace: NS, ...(labels ? { labels } : {}) },
    spec: { ports: [{ port: 80, targetPort: 80 }] },
  });
  const log: string[] = [];
  const create = sim.create.bind(sim);
  const update = sim.update.bind(sim);
  sim.create = <T extends KubeObject>(o: T): T => (log.push(`create ${o.kind}`), create(o));
  sim.update = <T extends KubeObject>(o: T): T => (
    log.push(`update ${o.kind} ${o.metadata.name}`),
    update(o)
  );
  const del = sim.delete.bind(sim);
  sim.delete = (kind, ns, name, grace) => (log.push(`delete ${kind} ${name}`), del(kind, ns, name, grace));
  return { sim, svc, log };
}

const PORTS: SlicePort[] = [{ name: '', port: 80, protocol: 'TCP' }];

function endpoint(i: number): SliceEndpoint {
  return {
    addresses: [`10.0.${i >> 8}.${i & 255}`],
    conditions: { ready: true, serving: true, terminating: false },
    targetRef: { kind: 'Pod', name: `pod${i}`, namespace: NS, uid: `uid-${i}` },
  };
}

const range = (from: number, to: number, step = 1) => {
  const out: number[] = [];
  for (let i = from; i < to; i += step) out.push(i);
  return out;
};

/** A slice of the Service already stored, holding endpoint(i) for each i. */
function existingSlice(
  sim: SimCluster,
  svc: Service,
  n: number,
  is: number[],
  o: { ports?: SlicePort[]; owner?: string; addressType?: string } = {},
): EndpointSlice {
  return sim.create<EndpointSlice>({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `foo-${n}`,
      namespace: NS,
      labels: {
        'kubernetes.io/service-name': 'foo',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: 'foo',
          uid: o.owner ?? svc.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType: (o.addressType ?? 'IPv4') as 'IPv4',
    endpoints: is.map(endpoint),
    ports: o.ports ?? PORTS,
  });
}

const slicesOf = (sim: SimCluster) => sim.store.list<EndpointSlice>('EndpointSlice', NS);
const lengths = (sim: SimCluster) => slicesOf(sim).map((s) => s.endpoints?.length ?? 0);
/** A trigger time the slices written carry (the endpoints controller's tracker gives it). */
const TRIGGER = '2025-01-01T00:01:00Z';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const counts = (log: string[]) => ({
  create: log.filter((l) => l.startsWith('create')).length,
  update: log.filter((l) => l.startsWith('update')).length,
  delete: log.filter((l) => l.startsWith('delete')).length,
});

function reconcile(sim: SimCluster, svc: Service, desired: number[], ports = PORTS) {
  const current = sim.store.get<Service>('Service', NS, svc.metadata.name)!;
  reconcileSlices(sim, current, slicesOf(sim), { desired: desired.map(endpoint) }, ports, '');
}

describe('EndpointSlice reconciler (reconciler_test.go)', () => {
  it('250 endpoints and no slice: three creates, 100, 100 and 50 (TestReconcileManyPods)', () => {
    const { sim, svc, log } = setup();
    reconcile(sim, svc, range(0, 250));
    expect(counts(log)).toEqual({ create: 3, update: 0, delete: 0 });
    expect(sorted(lengths(sim))).toEqual([50, 100, 100]);
  });

  it.each([
    // 62 and 61 of 250 already placed: 100 in a new slice, the other 27 into the slice they fill
    // closest to full (1 create + 1 update instead of 2 updates + 1 create).
    { name: 'SomePreexisting', total: 250, want: [61, 89, 100], writes: { create: 1, update: 1, delete: 0 } },
    // 74 and 74 of 300: the 52 left over fit in neither alone, so a second new slice takes them.
    {
      name: 'SomePreexistingWorseAllocation',
      total: 300,
      want: [52, 74, 74, 100],
      writes: { create: 2, update: 0, delete: 0 },
    },
  ])('TestReconcileEndpointSlices$name', ({ total, want, writes }) => {
    const { sim, svc, log } = setup();
    existingSlice(sim, svc, 1, range(1, total - 4, 4));
    existingSlice(sim, svc, 2, range(3, total - 4, 4));
    log.length = 0;
    reconcile(sim, svc, range(0, total));
    expect(counts(log)).toEqual(writes);
    // Creates come before updates.
    if (writes.update) expect(log[0]).toBe('create EndpointSlice');
    expect(sorted(lengths(sim))).toEqual(want);
  });

  it('a new target port rewrites every slice in place, no create or delete (TestReconcileEndpointSlicesUpdating)', () => {
    const { sim, svc, log } = setup();
    reconcile(sim, svc, range(0, 250));
    const names = slicesOf(sim).map((s) => s.metadata.name);
    log.length = 0;
    reconcile(sim, svc, range(0, 250), [{ name: '', port: 81, protocol: 'TCP' }]);
    expect(counts(log)).toEqual({ create: 0, update: 3, delete: 0 });
    expect(slicesOf(sim).map((s) => s.metadata.name)).toEqual(names);
    expect(sorted(lengths(sim))).toEqual([50, 100, 100]);
    expect(slicesOf(sim).every((s) => s.ports?.[0]?.port === 81)).toBe(true);
  });

  it("the Service's labels reach every slice; reserved ones do not (…ServicesLabelsUpdating, …ReservedLabels)", () => {
    const { sim, svc, log } = setup();
    reconcile(sim, svc, range(0, 250));
    log.length = 0;
    sim.update<Service>({
      ...sim.store.get<Service>('Service', NS, 'foo')!,
      metadata: {
        ...sim.store.get<Service>('Service', NS, 'foo')!.metadata,
        labels: { 'kubernetes.io/service-name': 'bad', 'endpointslice.kubernetes.io/managed-by': 'actor' },
      },
    });
    log.length = 0;
    reconcile(sim, svc, range(0, 250));
    expect(log).toEqual([]);
    sim.update<Service>({
      ...sim.store.get<Service>('Service', NS, 'foo')!,
      metadata: { ...sim.store.get<Service>('Service', NS, 'foo')!.metadata, labels: { foo: 'bar' } },
    });
    log.length = 0;
    reconcile(sim, svc, range(0, 250));
    expect(counts(log)).toEqual({ create: 0, update: 3, delete: 0 });
    expect(slicesOf(sim).every((s) => s.metadata.labels?.['foo'] === 'bar')).toBe(true);
    expect(slicesOf(sim).every((s) => s.metadata.generation === 2)).toBe(true);
  });

  it('ten slices of 30 stay as they are, and a port change repacks them into three (TestReconcileEndpointSlicesRecycling)', () => {
    const { sim, svc, log } = setup();
    for (let n = 0; n < 10; n++) existingSlice(sim, svc, n, range(n * 30, n * 30 + 30));
    log.length = 0;
    reconcile(sim, svc, range(0, 300));
    expect(log).toEqual([]);
    reconcile(sim, svc, range(0, 300), [{ name: '', port: 81, protocol: 'TCP' }]);
    expect(counts(log)).toEqual({ create: 0, update: 3, delete: 7 });
    expect(lengths(sim)).toEqual([MAX_ENDPOINTS_PER_SLICE, MAX_ENDPOINTS_PER_SLICE, MAX_ENDPOINTS_PER_SLICE]);
  });

  it('new endpoints go into the fullest slice being written anyway (TestReconcileEndpointSlicesUpdatePacking)', () => {
    const { sim, svc, log } = setup();
    existingSlice(sim, svc, 1, range(0, 80));
    existingSlice(sim, svc, 2, range(100, 120));
    sim.update<Service>({ ...svc, metadata: { ...svc.metadata, labels: { update: 'true' } } });
    log.length = 0;
    reconcile(sim, svc, [...range(0, 80), ...range(100, 120), ...range(200, 215)]);
    expect(counts(log)).toEqual({ create: 0, update: 2, delete: 0 });
    expect(lengths(sim)).toEqual([95, 20]);
  });

  it('slices of the deprecated "IP" address type are replaced (TestReconcileEndpointSlicesReplaceDeprecated)', () => {
    const { sim, svc, log } = setup();
    existingSlice(sim, svc, 1, range(0, 80), { addressType: 'IP' });
    existingSlice(sim, svc, 2, range(100, 150), { addressType: 'IP' });
    log.length = 0;
    reconcile(sim, svc, [...range(0, 80), ...range(100, 150)]);
    expect(counts(log)).toEqual({ create: 2, update: 0, delete: 2 });
    expect(sorted(lengths(sim))).toEqual([30, 100]);
    expect(slicesOf(sim).every((s) => s.addressType === 'IPv4')).toBe(true);
  });

  it.each([
    { name: 'slice owned by Service', owned: true, writes: [] },
    {
      name: 'slice owned by other Service UID',
      owned: false,
      writes: ['create EndpointSlice', 'delete EndpointSlice foo-1'],
    },
  ])('TestReconcileEndpointSlicesRecreation: $name', ({ owned, writes }) => {
    const { sim, svc, log } = setup();
    existingSlice(sim, svc, 1, [1], owned ? {} : { owner: 'different' });
    log.length = 0;
    reconcile(sim, svc, [1]);
    expect(log).toEqual(writes);
    expect(slicesOf(sim)).toHaveLength(1);
  });

  it('removed endpoints leave their slice; an emptied slice is deleted (TestReconcileEndpointSlicesMetrics)', () => {
    const { sim, svc, log } = setup();
    reconcile(sim, svc, range(0, 20));
    reconcile(sim, svc, range(0, 10));
    expect(counts(log)).toEqual({ create: 1, update: 1, delete: 0 });
    expect(lengths(sim)).toEqual([10]);
    // The endpoints that stay keep their places.
    expect(slicesOf(sim)[0]!.endpoints!.map((e) => e.targetRef?.name)).toEqual(
      range(0, 10).map((i) => `pod${i}`),
    );
  });

  it('no endpoint at all: one placeholder slice with no ports, kept as it is (placeholderSliceCompare)', () => {
    const { sim, svc, log } = setup();
    reconcile(sim, svc, []);
    expect(counts(log)).toEqual({ create: 1, update: 0, delete: 0 });
    const [placeholder] = slicesOf(sim);
    expect(placeholder).toMatchObject({ endpoints: null, ports: null });
    log.length = 0;
    reconcile(sim, svc, []);
    expect(log).toEqual([]);
    // Endpoints again: the placeholder is rewritten with them, not deleted and created anew.
    reconcile(sim, svc, range(0, 5));
    expect(log).toEqual([`update EndpointSlice ${placeholder!.metadata.name}`]);
    expect(slicesOf(sim)[0]).toMatchObject({ ports: PORTS });
    // And gone again: the slice becomes the placeholder under its name.
    log.length = 0;
    reconcile(sim, svc, []);
    expect(log).toEqual([`update EndpointSlice ${placeholder!.metadata.name}`]);
    expect(slicesOf(sim)[0]).toMatchObject({ endpoints: null, ports: null });
  });
});

describe('SliceTracker: reconciling only the slices that hold what changed', () => {
  /** A step of churn: pods come, go, or change readiness (by index into the pods present). */
  const stepArb = fc.record({
    add: fc.nat(140),
    remove: fc.array(fc.nat(1000), { maxLength: 60 }),
    flip: fc.array(fc.nat(1000), { maxLength: 30 }),
    terminate: fc.array(fc.nat(1000), { maxLength: 20 }),
  });

  it('writes exactly what the whole reconcile writes, step after step', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 12 }), (steps) => {
        const a = setup();
        const b = setup();
        const tracker = new SliceTracker();
        const current = new Map<string, SliceEndpoint>();
        let next = 0;
        const put = (ep: SliceEndpoint) => {
          const uid = ep.targetRef!.uid!;
          const old = current.get(uid);
          if (old) tracker.left(old);
          current.set(uid, ep);
          tracker.arrived(ep);
        };
        const byAddress = (x: SliceEndpoint, y: SliceEndpoint) =>
          x.addresses[0]! < y.addresses[0]! ? -1 : x.addresses[0]! > y.addresses[0]! ? 1 : 0;
        for (const step of steps) {
          for (let k = 0; k < step.add; k++) put(endpoint(next++));
          const present = () => [...current.values()];
          for (const i of step.remove) {
            const all = present();
            if (!all.length) break;
            const ep = all[i % all.length]!;
            current.delete(ep.targetRef!.uid!);
            tracker.left(ep);
          }
          for (const [list, change] of [
            [step.flip, (c: SliceEndpoint['conditions']) => ({ ...c, ready: !c.ready, serving: !c.ready })],
            [step.terminate, (c: SliceEndpoint['conditions']) => ({ ...c, ready: false, terminating: true })],
          ] as const)
            for (const i of list) {
              const all = present();
              if (!all.length) break;
              const ep = all[i % all.length]!;
              put({ ...ep, conditions: change(ep.conditions) });
            }
          const desired = () => [...current.values()].sort(byAddress);
          const svcA = a.sim.store.get<Service>('Service', NS, 'foo')!;
          tracker.sync(a.sim, svcA, slicesOf(a.sim), desired, current.size, PORTS, TRIGGER);
          const svcB = b.sim.store.get<Service>('Service', NS, 'foo')!;
          reconcileSlices(b.sim, svcB, slicesOf(b.sim), { desired: desired() }, PORTS, TRIGGER);
          expect(a.log).toEqual(b.log);
          expect(JSON.stringify(slicesOf(a.sim))).toBe(JSON.stringify(slicesOf(b.sim)));
          expect(slicesOf(a.sim).every((s) => (s.endpoints ?? []).length <= MAX_ENDPOINTS_PER_SLICE)).toBe(
            true,
          );
          expect(slicesOf(a.sim).reduce((n, s) => n + (s.endpoints ?? []).length, 0)).toBe(current.size);
        }
      }),
      { numRuns: 60 },
    );
  });
});
