/**
 * Port of pkg/controller/deployment/recreate.go: scale every old ReplicaSet to 0, wait until no
 * old pod exists at all (terminating ones count), then create the new ReplicaSet at full size.
 */
import type { Deployment, Pod, ReplicaSet } from '../../../k8s/types.ts';
import type { ControllerContext } from '../../context.ts';
import { syncRolloutStatus } from './progress.ts';
import {
  cleanupDeployment,
  COMPONENT,
  getAllReplicaSetsAndSyncRevision,
  scaleReplicaSetAndRecordEvent,
} from './sync.ts';
import * as util from './util.ts';

const ref = (d: Deployment) => ({
  kind: 'Deployment',
  namespace: d.metadata.namespace ?? 'default',
  name: d.metadata.name,
});

export function rolloutRecreate(
  ctx: ControllerContext,
  d: Deployment,
  rsList: ReplicaSet[],
  podMap: Map<string, Pod[]>,
): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  const activeOldRSs = util.filterActiveReplicaSets(oldRSs);

  if (scaleDownOldReplicaSetsForRecreate(ctx, activeOldRSs, d)) {
    ctx.decide({
      controller: COMPONENT,
      object: ref(d),
      code: 'recreate.scaleDownOld',
      message: `Strategy Recreate: every old ReplicaSet is scaled to 0 first (${activeOldRSs.map((r) => r.metadata.name).join(', ')}); new pods start only when all old pods are gone.`,
      values: { oldReplicaSets: activeOldRSs.length },
    });
    syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  const running = oldPodsRunning(newRS, oldRSs, podMap);
  if (running > 0) {
    ctx.decide({
      controller: COMPONENT,
      object: ref(d),
      code: 'recreate.waitOldPods',
      message: `Strategy Recreate: ${running} old pod${running === 1 ? ' is' : 's are'} still running or terminating, so the new ReplicaSet waits.`,
      values: { oldPods: running },
    });
    syncRolloutStatus(ctx, allRSs, newRS, d);
    return;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true));
    allRSs = [...oldRSs, newRS];
    if (!newRS) return;
  }
  scaleReplicaSetAndRecordEvent(ctx, newRS, util.specReplicas(d), d);
  if (util.deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d);
  syncRolloutStatus(ctx, allRSs, newRS, d);
}

function scaleDownOldReplicaSetsForRecreate(
  ctx: ControllerContext,
  oldRSs: ReplicaSet[],
  d: Deployment,
): boolean {
  let scaled = false;
  for (const rs of oldRSs) {
    if (util.specReplicas(rs) === 0) continue;
    if (scaleReplicaSetAndRecordEvent(ctx, rs, 0, d).scaled) scaled = true;
  }
  return scaled;
}

/**
 * oldPodsRunning: old RS status still counts pods, or any pod of an old RS is not Succeeded or
 * Failed (terminating pods and Unknown ones count). Returns how many (0 = none).
 */
export function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
  podMap: Map<string, Pod[]>,
): number {
  let n = util.getActualReplicaCountForReplicaSets(oldRSs);
  let pods = 0;
  for (const [uid, list] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const p of list) if (p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded') pods++;
  }
  n = Math.max(n, pods);
  return n;
}
