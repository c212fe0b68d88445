/**
 * The steps of one RollingUpdate sync against a small SimCluster, ported from kubernetes/kubernetes
 * pkg/controller/deployment/rolling_test.go (TestDeploymentController_reconcileNewReplicaSet,
 * _reconcileOldReplicaSets, _cleanupUnhealthyReplicas, _scaleDownOldReplicaSetsForRollingUpdate) and
 * the worked examples of K8S-SEMANTICS §5.2–§5.4. ReplicaSets are seeded into the store and the
 * controllers never run on their own: each test calls one step and reads the store back.
 */
import { describe, expect, it } from 'vitest';
import type { IntOrString, KubeEvent } from '../../../k8s/types.ts';
import { deployment, newSim, rs, scalingMessages, seed, sizeOf } from '../../../test-helpers/builders.ts';
import {
  cleanupUnhealthyReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  scaleDownOldReplicaSetsForRollingUpdate,
} from './rolling.ts';

/**
 * reconcileNewReplicaSet (§5.1): a new RS larger than replicas shrinks to replicas; otherwise it grows
 * to NewRSNewReplicas. Upstream rows use maxUnavailable 0 and one old RS.
 */
describe('reconcileNewReplicaSet (TestDeploymentController_reconcileNewReplicaSet)', () => {
  it.each<[string, number, IntOrString, number, number, number | undefined]>([
    ['maxSurge 0 and 10 old: should not scale up', 10, 0, 10, 0, undefined],
    ['maxSurge 2 and 10 old: grows by the surge', 10, 2, 10, 0, 2],
    ['maxSurge 2 and 5 old: fills up to 12 in all', 10, 2, 5, 0, 7],
    ['already at replicas + surge: should not scale', 10, 2, 10, 2, undefined],
    ['too large: should scale down to replicas', 10, 2, 2, 11, 10],
  ])('%s', (_name, replicas, surge, oldReplicas, newReplicas, expected) => {
    const sim = newSim();
    const d = deployment('foo', { replicas, maxSurge: surge, maxUnavailable: 0 });
    const [oldRS, newRS] = seed(
      sim,
      rs('foo-old', oldReplicas, { created: 0 }),
      rs('foo-new', newReplicas, { created: 1 }),
    );
    const scaled = reconcileNewReplicaSet(sim, [newRS!, oldRS!], newRS!, d);
    expect(scaled).toBe(expected !== undefined);
    expect(sizeOf(sim, 'foo-new')).toBe(expected ?? newReplicas);
    expect(sizeOf(sim, 'foo-old')).toBe(oldReplicas);
  });

  it('writes desired/max annotations and a "from A to B" event when it scales', () => {
    const sim = newSim();
    const d = deployment('foo', { replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    const [oldRS, newRS] = seed(sim, rs('foo-old', 8), rs('foo-new', 3, { available: 3 }));
    reconcileNewReplicaSet(sim, [oldRS!, newRS!], newRS!, d);
    const stored = sim.store.get<typeof newRS & object>('ReplicaSet', 'default', 'foo-new')!;
    expect(stored.spec.replicas).toBe(5);
    expect(stored.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/desired-replicas': '10',
      'deployment.kubernetes.io/max-replicas': '13',
    });
    expect(scalingMessages(sim.eventList())).toEqual(['Scaled up replica set foo-new from 3 to 5']);
  });
});

/**
 * reconcileOldReplicaSets (§5.2): maxScaledDown = Σspec − minAvailable − new unavailable; unhealthy old
 * pods go first, then available ones down to minAvailable. Upstream rows: maxSurge 0.
 */
describe('reconcileOldReplicaSets (TestDeploymentController_reconcileOldReplicaSets)', () => {
  it.each<[string, number, IntOrString, number, number, number, number, number | undefined]>([
    ['maxUnavailable 0 still removes one (both-zero rule)', 10, 0, 10, 0, 10, 0, 9],
    ['maxUnavailable 2 removes two available', 10, 2, 10, 0, 10, 0, 8],
    ['two unhealthy old pods are cleaned up', 10, 2, 10, 0, 8, 0, 8],
    ['one unhealthy cleaned up and one available scaled down', 10, 2, 10, 0, 9, 0, 8],
    ['unavailable new pods block any further scale down', 10, 2, 8, 2, 8, 0, undefined],
  ])('%s', (_name, replicas, mu, oldReplicas, newReplicas, oldAvailable, newAvailable, expected) => {
    const sim = newSim();
    const d = deployment('foo', { replicas, maxSurge: 0, maxUnavailable: mu });
    const [oldRS, newRS] = seed(
      sim,
      rs('foo-old', oldReplicas, { available: oldAvailable, created: 0 }),
      rs('foo-new', newReplicas, { available: newAvailable, created: 1 }),
    );
    const scaled = reconcileOldReplicaSets(sim, [oldRS!, newRS!], [oldRS!], newRS!, d);
    expect(scaled).toBe(expected !== undefined);
    expect(sizeOf(sim, 'foo-old')).toBe(expected ?? oldReplicas);
  });

  it('no active old replicas: nothing to do', () => {
    const sim = newSim();
    const d = deployment('foo', { replicas: 3 });
    const [newRS] = seed(sim, rs('foo-new', 3));
    expect(reconcileOldReplicaSets(sim, [newRS!], [], newRS!, d)).toBe(false);
  });

  /**
   * §5.4: 10 replicas, maxSurge 3, maxUnavailable 2. A crash-looping new RS at 5 beside old 8 (13 pods)
   * stalls: 13 − 8 − 5 = 0. A node failure making one old pod unavailable changes nothing.
   */
  it('§5.4 crash-looping release stalls at 8 old / 5 new, even after an old pod fails', () => {
    const sim = newSim();
    const d = deployment('kubia', { replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    const [oldRS, newRS] = seed(
      sim,
      rs('kubia-v1', 8, { available: 7 }),
      rs('kubia-v2', 5, { available: 0, created: 1 }),
    );
    expect(reconcileOldReplicaSets(sim, [oldRS!, newRS!], [oldRS!], newRS!, d)).toBe(false);
    expect(sizeOf(sim, 'kubia-v1')).toBe(8);
  });

  /**
   * §5.4 rollback: the old RS is "new" again with 1 unavailable pod → maxScaledDown = 13 − 8 − 1 = 4
   * → four crash-looping pods of the broken RS are cleaned up.
   */
  it('§5.4 rollback: four crash-looping pods are cleaned up (9 pods left)', () => {
    const sim = newSim();
    const d = deployment('kubia', { replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    const [v1, v2] = seed(
      sim,
      rs('kubia-v1', 8, { available: 7 }),
      rs('kubia-v2', 5, { available: 0, created: 1 }),
    );
    expect(reconcileOldReplicaSets(sim, [v2!, v1!], [v2!], v1!, d)).toBe(true);
    expect(sizeOf(sim, 'kubia-v2')).toBe(1);
    expect(scalingMessages(sim.eventList())).toEqual(['Scaled down replica set kubia-v2 from 5 to 1']);
  });

  /**
   * §5.4 new template pushed instead: the third RS exists with 0 replicas, newUnavailable = 0, so
   * maxScaledDown = 13 − 8 − 0 = 5: 1 unhealthy pod of the original RS (oldest first), then 4 of the
   * broken one.
   */
  it('§5.4 roll-over during the stall: 1 unhealthy original pod, then 4 broken ones', () => {
    const sim = newSim();
    const d = deployment('kubia', { replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    const [v1, v2, v3] = seed(
      sim,
      rs('kubia-v1', 8, { available: 7, created: 0 }),
      rs('kubia-v2', 5, { available: 0, created: 1 }),
      rs('kubia-v3', 0, { available: 0, created: 2 }),
    );
    expect(reconcileOldReplicaSets(sim, [v1!, v2!, v3!], [v1!, v2!], v3!, d)).toBe(true);
    expect([sizeOf(sim, 'kubia-v1'), sizeOf(sim, 'kubia-v2')]).toEqual([7, 1]);
  });

  it('§5.2 guard: stale status with more available than spec makes the whole step do nothing', () => {
    const sim = newSim();
    const d = deployment('foo', { replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    const [a, b, n] = seed(
      sim,
      rs('foo-a', 4, { available: 3, created: 0 }),
      rs('foo-b', 3, { available: 5, created: 1 }),
      rs('foo-new', 5, { available: 5, created: 2 }),
    );
    // Upstream errors on foo-b after already shrinking foo-a, and reports "not scaled".
    expect(reconcileOldReplicaSets(sim, [a!, b!, n!], [a!, b!], n!, d)).toBe(false);
    expect(sizeOf(sim, 'foo-b')).toBe(3);
  });
});

/** cleanupUnhealthyReplicas (§5.2 step 3): old RS 10 with 8 available; maxSurge 2, maxUnavailable 2. */
describe('cleanupUnhealthyReplicas (TestDeploymentController_cleanupUnhealthyReplicas)', () => {
  it.each<[string, number, number, number, number]>([
    ['limited by maxCleanupCount 1', 10, 8, 1, 1],
    ['all unhealthy ones when the limit allows', 10, 8, 3, 2],
    ['nothing with a limit of 0', 10, 8, 0, 0],
    ['nothing when every pod is available', 10, 10, 3, 0],
  ])('%s', (_name, oldReplicas, available, maxCleanup, expected) => {
    const sim = newSim();
    const d = deployment('foo', { replicas: 10, maxSurge: 2, maxUnavailable: 2 });
    const [oldRS] = seed(sim, rs('foo-v2', oldReplicas, { available }));
    const result = cleanupUnhealthyReplicas(sim, [oldRS!], d, maxCleanup);
    expect(result?.count).toBe(expected);
    expect(sizeOf(sim, 'foo-v2')).toBe(oldReplicas - expected);
  });

  it('oldest RS first, skipping empty and fully available ones', () => {
    const sim = newSim();
    const d = deployment('foo', { replicas: 10, maxSurge: 2, maxUnavailable: 2 });
    const list = seed(
      sim,
      rs('foo-c', 3, { available: 0, created: 30 }),
      rs('foo-a', 0, { available: 0, created: 10 }),
      rs('foo-b', 2, { available: 2, created: 20 }),
      rs('foo-d', 2, { available: 0, created: 40 }),
    );
    expect(cleanupUnhealthyReplicas(sim, list, d, 4)?.count).toBe(4);
    expect(['foo-a', 'foo-b', 'foo-c', 'foo-d'].map((n) => sizeOf(sim, n))).toEqual([0, 2, 0, 1]);
  });
});

/**
 * scaleDownOldReplicaSetsForRollingUpdate (§5.2 step 4): remove available − minAvailable old
 * replicas, oldest first. Upstream rows: maxSurge 0, the old RS is the only RS.
 */
describe('scaleDownOldReplicaSetsForRollingUpdate (TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate)', () => {
  it.each<[string, number, IntOrString, number, number, number | undefined]>([
    ['maxUnavailable 0 (forced to 1): 10 → 9', 10, 0, 10, 10, 9],
    ['maxUnavailable 2: 10 → 8', 10, 2, 10, 10, 8],
    ['only minAvailable pods available: no scaling', 10, 2, 8, 10, undefined],
    ['no old replicas: no scaling', 10, 2, 10, 0, undefined],
    ['few available pods: no scaling', 10, 2, 1, 10, undefined],
  ])('%s', (_name, replicas, mu, available, oldReplicas, expected) => {
    const sim = newSim();
    const d = deployment('foo', { replicas, maxSurge: 0, maxUnavailable: mu });
    const [oldRS] = seed(sim, rs('foo-v2', oldReplicas, { available }));
    const count = scaleDownOldReplicaSetsForRollingUpdate(sim, [oldRS!], [oldRS!], d);
    expect(count).toBe(expected === undefined ? 0 : oldReplicas - expected);
    expect(sizeOf(sim, 'foo-v2')).toBe(expected ?? oldReplicas);
  });

  it('oldest RS first, each down to at most 0', () => {
    const sim = newSim();
    const d = deployment('foo', { replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    const [a, b, n] = seed(
      sim,
      rs('foo-a', 2, { created: 0 }),
      rs('foo-b', 6, { created: 1 }),
      rs('foo-new', 5, { created: 2 }),
    );
    // available 13, minAvailable 8 → remove 5: foo-a 2 → 0, foo-b 6 → 3
    expect(scaleDownOldReplicaSetsForRollingUpdate(sim, [a!, b!, n!], [b!, a!], d)).toBe(5);
    expect([sizeOf(sim, 'foo-a'), sizeOf(sim, 'foo-b')]).toEqual([0, 3]);
    const messages = scalingMessages(sim.eventList() as KubeEvent[]);
    expect(messages).toEqual([
      'Scaled down replica set foo-a from 2 to 0',
      'Scaled down replica set foo-b from 6 to 3',
    ]);
  });
});
