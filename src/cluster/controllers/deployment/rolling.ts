/**
 * Port of pkg/controller/deployment/rolling.go. One sync either grows the new ReplicaSet or
 * shrinks old ones, never both, except the sync that creates the new ReplicaSet.
 *
 * Worked example (10 replicas, 25%/25% → surge 3, unavailable 2, pods Ready at once):
 *   sync 1: create new at 3; old 10 → 8        sync 2: new 3 → 5
 *   sync 3: old 8 → 3                          sync 4: new 5 → 10
 *   sync 5: old 3 → 0                          sync 6: complete
 */
import type { Deployment, ReplicaSet } from '../../../k8s/types.ts';
import type { ControllerContext } from '../../context.ts';
import { syncRolloutStatus } from './progress.ts';
import {
  cleanupDeployment,
  COMPONENT,
  getAllReplicaSetsAndSyncRevision,
  scaleReplicaSetAndRecordEvent,
} from './sync.ts';
import * as util from './util.ts';
import { count, isAre } from '../../words.ts';

const { specReplicas } = util;
const ref = (d: Deployment) => ({
  kind: 'Deployment',
  namespace: d.metadata.namespace ?? 'default',
  name: d.metadata.name,
});

export function rolloutRolling(ctx: ControllerContext, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  if (!newRS) return; // a hash collision: the next sync tries again
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(ctx, allRSs, newRS, d)) {
    syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  if (reconcileOldReplicaSets(ctx, allRSs, util.filterActiveReplicaSets(oldRSs), newRS, d)) {
    syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  if (util.deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

/**
 * reconcileNewReplicaSet: shrink a too-large new RS to replicas, or grow it as far as
 * NewRSNewReplicas allows. Returns whether it scaled.
 */
export function reconcileNewReplicaSet(
  ctx: ControllerContext,
  allRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): boolean {
  const replicas = specReplicas(d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) {
    const from = specReplicas(newRS);
    const { scaled } = scaleReplicaSetAndRecordEvent(ctx, newRS, replicas, d);
    if (scaled)
      ctx.decide({
        controller: COMPONENT,
        object: ref(d),
        code: 'rolling.newTooLarge',
        message: `The new ReplicaSet ${newRS.metadata.name} has ${count(from, 'replica')} but the Deployment wants ${replicas}, so it shrinks to ${replicas}.`,
        values: { replicaSet: newRS.metadata.name, from, to: replicas },
      });
    return scaled;
  }
  const newReplicasCount = util.newRSNewReplicas(d, allRSs, newRS);
  const surgeRaw = d.spec.strategy?.rollingUpdate?.maxSurge ?? 0;
  const surge = util.maxSurge(d);
  const current = util.getReplicaCountForReplicaSets(allRSs);
  const maxTotal = replicas + surge;
  const { scaled } = scaleReplicaSetAndRecordEvent(ctx, newRS, newReplicasCount, d);
  ctx.decide({
    controller: COMPONENT,
    object: ref(d),
    code: scaled ? 'rolling.scaleUpNew' : 'rolling.newBlocked',
    message: scaled
      ? `maxSurge ${String(surgeRaw)} of ${replicas} ${roundingNote(surgeRaw, replicas, true)}${surge}, so at most ${count(maxTotal, 'pod')} may be specified; ${current} ${isAre(current)}, so the new ReplicaSet ${newRS.metadata.name} grows from ${specReplicas(newRS)} to ${newReplicasCount}.`
      : `At most ${count(maxTotal, 'pod')} may be specified (replicas ${replicas} + maxSurge ${surge}) and ${current} already ${isAre(current)}, so the new ReplicaSet cannot grow until old pods are removed.`,
    values: {
      replicas,
      maxSurge: String(surgeRaw),
      surge,
      maxTotal,
      current,
      from: specReplicas(newRS),
      to: newReplicasCount,
    },
  });
  return scaled;
}

function roundingNote(raw: string | number, total: number, up: boolean): string {
  if (typeof raw === 'number') return 'is ';
  const exact = (Number.parseInt(raw, 10) * total) / 100;
  if (Number.isInteger(exact)) return 'is ';
  return `is ${Number(exact.toFixed(2))}, rounded ${up ? 'up' : 'down'} to `;
}

/**
 * reconcileOldReplicaSets: how many old pods may go now without dropping below minAvailable,
 * counting unavailable new pods as already missing; unhealthy old pods are removed first.
 */
export function reconcileOldReplicaSets(
  ctx: ControllerContext,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): boolean {
  const oldPodsCount = util.getReplicaCountForReplicaSets(oldRSs);
  if (oldPodsCount === 0) return false;
  const allPodsCount = util.getReplicaCountForReplicaSets(allRSs);
  const maxUnavailable = util.maxUnavailable(d);
  const minAvailable = specReplicas(d) - maxUnavailable;
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailable;
  const unavailRaw = d.spec.strategy?.rollingUpdate?.maxUnavailable ?? 0;
  const values = {
    replicas: specReplicas(d),
    maxUnavailable: String(unavailRaw),
    unavailable: maxUnavailable,
    minAvailable,
    allPods: allPodsCount,
    newUnavailable: newRSUnavailable,
    maxScaledDown,
  };
  if (maxScaledDown <= 0) {
    ctx.decide({
      controller: COMPONENT,
      object: ref(d),
      code: 'rolling.oldBlocked',
      message: `At least ${count(minAvailable, 'pod')} must stay available (replicas ${specReplicas(d)} − maxUnavailable ${maxUnavailable}); of ${count(allPodsCount, 'specified pod')} ${count(newRSUnavailable, 'new one')} ${isAre(newRSUnavailable)} not available yet, so no old pod may be removed.`,
      values,
    });
    return false;
  }
  const cleaned = cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
  if (!cleaned) return false;
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(
    ctx,
    [...cleaned.oldRSs, newRS],
    cleaned.oldRSs,
    d,
  );
  if (scaledDown === undefined) return false;
  const total = cleaned.count + scaledDown;
  const available = util.getAvailableReplicaCountForReplicaSets([...oldRSs, newRS]);
  if (total > 0)
    ctx.decide({
      controller: COMPONENT,
      object: ref(d),
      code: 'rolling.scaleDownOld',
      message: `maxUnavailable ${String(unavailRaw)} of ${specReplicas(d)} ${roundingNote(unavailRaw, specReplicas(d), false)}${maxUnavailable}, so at least ${count(minAvailable, 'pod')} must stay available; ${available} ${isAre(available)}, so old ReplicaSets shrink by ${total}${cleaned.count ? ` (${count(cleaned.count, 'unhealthy pod')} removed first)` : ''}.`,
      values: { ...values, cleanedUp: cleaned.count, scaledDown, total },
    });
  return total > 0;
}

/**
 * cleanupUnhealthyReplicas: oldest first, shrink each old RS by its unavailable pods (these cost
 * no availability), up to maxCleanupCount in all. Returns undefined where upstream errors (an RS
 * reporting more available pods than its spec), which makes the whole step do nothing.
 */
export function cleanupUnhealthyReplicas(
  ctx: ControllerContext,
  oldRSs: ReplicaSet[],
  d: Deployment,
  maxCleanupCount: number,
): { oldRSs: ReplicaSet[]; count: number } | undefined {
  const sorted = [...oldRSs].sort(util.byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    const target = sorted[i]!;
    if (total >= maxCleanupCount) break;
    if (specReplicas(target) === 0) continue;
    const available = target.status?.availableReplicas ?? 0;
    if (specReplicas(target) === available) continue;
    const count = Math.min(maxCleanupCount - total, specReplicas(target) - available);
    const newReplicas = specReplicas(target) - count;
    if (newReplicas > specReplicas(target)) return undefined;
    const { rs } = scaleReplicaSetAndRecordEvent(ctx, target, newReplicas, d);
    total += count;
    sorted[i] = rs;
  }
  return { oldRSs: sorted, count: total };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: remove (available − minAvailable) old replicas,
 * oldest RS first. Returns the number removed, undefined on upstream's error path.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  ctx: ControllerContext,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  d: Deployment,
): number | undefined {
  const minAvailable = specReplicas(d) - util.maxUnavailable(d);
  const availablePodCount = util.getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return 0;
  const sorted = [...oldRSs].sort(util.byCreationTimestamp);
  let total = 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  for (const target of sorted) {
    if (total >= totalScaleDownCount) break;
    if (specReplicas(target) === 0) continue;
    const count = Math.min(specReplicas(target), totalScaleDownCount - total);
    const newReplicas = specReplicas(target) - count;
    if (newReplicas > specReplicas(target)) return undefined;
    scaleReplicaSetAndRecordEvent(ctx, target, newReplicas, d);
    total += count;
  }
  return total;
}
