/**
 * The ReplicaSet controller (K8S-SEMANTICS §9): which pods a surplus deletes first, ported from
 * kubernetes/kubernetes pkg/controller/controller_utils_test.go (TestSortingActivePodsWithRanks,
 * PodDeletionCost, LogarithmicScaleDown cases), and burstReplicas / slow start from
 * pkg/controller/replicaset/replica_set.go.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../k8s/types.ts';
import { newSim, pod, rs, seed } from '../../test-helpers/builders.ts';
import { BurstReplicas, activePodLess, getPodsToDelete, syncReplicaSet } from './replicaset.ts';

const NOW = 10_000;

/**
 * ActivePodsWithRanks.Less, each row "a goes before b":
 * unscheduled < scheduled; Pending < Unknown < Running; not Ready < Ready; lower deletion cost;
 * higher rank (doubled-up); Ready for less time (log2 buckets, then UID); more restarts; newer.
 */
describe('pod deletion ranking (TestSortingActivePodsWithRanks, §9.3)', () => {
  const p = (name: string, o: Parameters<typeof pod>[0] = {}) =>
    pod({ name, created: 0, readySince: 0, ...o });
  it.each<[string, Pod, number, Pod, number]>([
    [
      'unscheduled before scheduled',
      p('a', { node: '', phase: 'Pending', ready: false }),
      0,
      p('b', { phase: 'Pending', ready: false }),
      0,
    ],
    [
      'Pending before Unknown',
      p('a', { phase: 'Pending', ready: false }),
      0,
      p('b', { phase: 'Unknown', ready: false }),
      0,
    ],
    [
      'Unknown before Running',
      p('a', { phase: 'Unknown', ready: false }),
      0,
      p('b', { phase: 'Running', ready: false }),
      0,
    ],
    ['not Ready before Ready', p('a', { ready: false }), 0, p('b'), 0],
    ['lower deletion cost first', p('a', { deletionCost: -1 }), 0, p('b'), 0],
    [
      'deletion cost beats readiness order among Ready pods',
      p('a', { deletionCost: 1, readySince: 9000 }),
      0,
      p('b', { deletionCost: 2 }),
      0,
    ],
    ['doubled-up (higher rank) first', p('a'), 2, p('b'), 1],
    [
      'Ready for less time first (different log2 buckets)',
      p('a', { readySince: NOW - 10 }),
      0,
      p('b', { readySince: NOW - 1000 }),
      0,
    ],
    [
      'same log2 bucket: the smaller UID first, later rules not consulted',
      p('a', { uid: 'uid-1', readySince: NOW - 1000, restarts: 0 }),
      0,
      p('b', { uid: 'uid-2', readySince: NOW - 1001, restarts: 5 }),
      0,
    ],
    ['identical Ready times: more restarts first', p('a', { restarts: 3 }), 0, p('b', { restarts: 1 }), 0],
    [
      'then the newer pod first',
      p('a', { created: NOW - 10, readySince: 0 }),
      0,
      p('b', { created: NOW - 1000, readySince: 0 }),
      0,
    ],
  ])('%s', (_name, a, rankA, b, rankB) => {
    expect(activePodLess({ pod: a, rank: rankA }, { pod: b, rank: rankB }, NOW)).toBe(true);
    expect(activePodLess({ pod: b, rank: rankB }, { pod: a, rank: rankA }, NOW)).toBe(false);
  });

  it('equal pods are not less than each other', () => {
    const a = p('a');
    expect(activePodLess({ pod: a, rank: 0 }, { pod: a, rank: 0 }, NOW)).toBe(false);
  });

  it('getPodsToDelete: the not-ready, unscheduled and youngest go first', () => {
    const pods = [
      p('ready-old', { readySince: 0 }),
      p('ready-young', { readySince: NOW - 5 }),
      p('not-ready', { ready: false }),
      p('unscheduled', { node: '', phase: 'Pending', ready: false }),
    ];
    const names = (n: number) => getPodsToDelete(pods, pods, n, NOW).map((x) => x.metadata.name);
    expect(names(1)).toEqual(['unscheduled']);
    expect(names(2)).toEqual(['unscheduled', 'not-ready']);
    expect(names(3)).toEqual(['unscheduled', 'not-ready', 'ready-young']);
    expect(names(4)).toHaveLength(4);
  });

  it('getPodsToDelete ranks by pods of the same owner on the node (doubled-up first)', () => {
    const pods = [
      p('alone', { node: 'node-1' }),
      p('twin-1', { node: 'node-2' }),
      p('twin-2', { node: 'node-2' }),
    ];
    const victim = getPodsToDelete(pods, pods, 1, NOW)[0]!.metadata.name;
    expect(victim.startsWith('twin')).toBe(true);
  });
});

/**
 * The ranking sorts as `Array.prototype.sort` with Less (both ways) would, also where Less is not a
 * strict weak ordering: pods Ready or created at the same second among others in the same log2
 * bucket. Values are drawn from a few of each so that such ties are common.
 */
describe('getPodsToDelete against a sort with activePodLess', () => {
  const pods = fc
    .array(
      fc.record({
        node: fc.constantFrom('', 'node-1', 'node-2', 'node-3'),
        phase: fc.constantFrom('Pending', 'Unknown', 'Running', 'Running', 'Running'),
        ready: fc.boolean(),
        // No annotation (NaN here) most often.
        deletionCost: fc.constantFrom(NaN, NaN, NaN, -5, 0, 3, 2147483647),
        readySince: fc.constantFrom(NOW - 1, NOW - 2, NOW - 3, NOW - 600, NOW - 601, NOW - 900, NOW),
        created: fc.constantFrom(NOW - 700, NOW - 701, NOW - 1000, NOW - 5000, NOW - 5001, 0),
        restarts: fc.constantFrom(0, 0, 0, 1, 2),
        uid: fc.oneof(
          fc.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}$/),
          fc.constantFrom('uid-a', 'Uid-b', 'zz'),
        ),
      }),
      { minLength: 1, maxLength: 120 },
    )
    .map((rows) =>
      rows.map(({ deletionCost, ...o }, i) =>
        pod({
          ...o,
          ...(Number.isNaN(deletionCost) ? {} : { deletionCost }),
          name: `p${i}`,
          uid: `${o.uid}-${i}`,
          ready: o.ready && o.phase === 'Running',
        }),
      ),
    );

  it('the first n are those the sort puts first', () => {
    fc.assert(
      fc.property(pods, fc.nat(), (list, n) => {
        const diff = 1 + (n % (list.length + 1));
        const onNode = new Map<string, number>();
        for (const x of list) onNode.set(x.spec.nodeName ?? '', (onNode.get(x.spec.nodeName ?? '') ?? 0) + 1);
        const ranked = list.map((x) => ({ pod: x, rank: onNode.get(x.spec.nodeName ?? '') ?? 0 }));
        const less = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
          activePodLess(a, b, NOW) ? -1 : activePodLess(b, a, NOW) ? 1 : 0;
        // Upstream ranks only when some pods stay: all of them go in the order they were listed.
        const expected = (diff < list.length ? [...ranked].sort(less) : ranked).slice(0, diff);
        const got = getPodsToDelete(list, list, diff, NOW);
        expect(got.map((x) => x.metadata.name)).toEqual(expected.map((x) => x.pod.metadata.name));
      }),
      { numRuns: 300 },
    );
  });
});

describe('ReplicaSet sync: burstReplicas and slow start (§9.2)', () => {
  it(`creates at most ${BurstReplicas} pods in one sync, the rest on the next`, () => {
    const sim = newSim();
    seed(sim, rs('big', 600, { statusReplicas: 0, available: 0 }));
    syncReplicaSet(sim, 'default/big');
    expect(sim.store.count('Pod')).toBe(500);
    syncReplicaSet(sim, 'default/big');
    expect(sim.store.count('Pod')).toBe(600);
  });

  it('without errors every missing pod is created in one sync (batches 1, 2, 4, … all succeed)', () => {
    const sim = newSim();
    seed(sim, rs('small', 7, { statusReplicas: 0, available: 0 }));
    syncReplicaSet(sim, 'default/small');
    expect(sim.store.count('Pod')).toBe(7);
    const created = sim.eventList().filter((e) => e.reason === 'SuccessfulCreate');
    expect(created).toHaveLength(7);
    expect(created[0]?.message).toMatch(/^Created pod: small-[a-z0-9]{5}$/);
  });

  it(`deletes at most ${BurstReplicas} pods in one sync`, () => {
    const sim = newSim();
    const [big] = seed(sim, rs('big', 600, { statusReplicas: 0, available: 0 }));
    syncReplicaSet(sim, 'default/big');
    syncReplicaSet(sim, 'default/big');
    expect(sim.store.count('Pod')).toBe(600);
    sim.api.seed({
      ...sim.store.get<typeof big & object>('ReplicaSet', 'default', 'big')!,
      spec: { ...big!.spec, replicas: 0 },
    });
    syncReplicaSet(sim, 'default/big');
    expect(sim.store.count('Pod')).toBe(100);
    // Its 600 creations spent the recorder's burst of 25 events about it (9 of them, then one
    // combined event counting 16), so none of the 500 deletions is written (client-go's spam filter).
    const written = sim.eventList().filter((e) => e.involvedObject.name === 'big');
    expect(written.map((e) => [e.reason, e.count])).toEqual([
      ...Array.from({ length: 9 }, () => ['SuccessfulCreate', 1]),
      ['SuccessfulCreate', 16],
    ]);
    expect(
      sim
        .decisions()
        .filter((d) => d.code === 'replicaset.delete')
        .map((d) => d.values['delete']),
    ).toEqual([500]);
  });

  it('status counts only active pods: terminating and finished ones are invisible', () => {
    const sim = newSim();
    const [owner] = seed(sim, rs('foo', 2, { statusReplicas: 0, available: 0 }));
    seed(
      sim,
      pod({ name: 'foo-a', owner: owner!, labels: owner!.spec.template.metadata!.labels! }),
      pod({
        name: 'foo-b',
        owner: owner!,
        labels: owner!.spec.template.metadata!.labels!,
        terminating: true,
      }),
      pod({
        name: 'foo-c',
        owner: owner!,
        labels: owner!.spec.template.metadata!.labels!,
        phase: 'Succeeded',
        ready: false,
      }),
    );
    syncReplicaSet(sim, 'default/foo');
    // One active pod, so one more is created; status is computed from the pods the sync saw.
    const stored = sim.store.get<typeof owner & object>('ReplicaSet', 'default', 'foo')!;
    expect(stored.status).toMatchObject({ replicas: 1, readyReplicas: 1, availableReplicas: 1 });
    expect(sim.store.count('Pod')).toBe(4);
  });
});
