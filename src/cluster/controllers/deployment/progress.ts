/**
 * Port of pkg/controller/deployment/progress.go: the Progressing condition and the re-check timer
 * for the progress deadline.
 */
import { deepEqual } from '../../../k8s/copy.ts';
import { parseTimestamp } from '../../../k8s/time.ts';
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from '../../../k8s/types.ts';
import type { ControllerContext } from '../../context.ts';
import { calculateStatus, COMPONENT, writeStatus } from './sync.ts';
import * as util from './util.ts';

export function syncRolloutStatus(
  ctx: ControllerContext,
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): void {
  const newStatus: DeploymentStatus = calculateStatus(allRSs, newRS, d, ctx.now);
  if (!util.hasProgressDeadline(d))
    newStatus.conditions = util.removeDeploymentCondition(newStatus.conditions, 'Progressing');
  const currentCond = util.getDeploymentCondition(d.status, 'Progressing');
  const isCompleteDeployment =
    (newStatus.replicas ?? 0) === (newStatus.updatedReplicas ?? 0) &&
    currentCond?.reason === util.NewRSAvailableReason;
  if (util.hasProgressDeadline(d) && !isCompleteDeployment) {
    const rsName = newRS?.metadata.name;
    if (util.deploymentComplete(d, newStatus)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has successfully progressed.`
        : `Deployment "${d.metadata.name}" has successfully progressed.`;
      const c = util.newDeploymentCondition('Progressing', 'True', util.NewRSAvailableReason, msg, ctx.now);
      newStatus.conditions = util.setDeploymentCondition(newStatus.conditions, c);
    } else if (util.deploymentProgressing(d, newStatus)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" is progressing.`
        : `Deployment "${d.metadata.name}" is progressing.`;
      let c: DeploymentCondition = util.newDeploymentCondition(
        'Progressing',
        'True',
        util.ReplicaSetUpdatedReason,
        msg,
        ctx.now,
      );
      let conditions = newStatus.conditions;
      if (currentCond) {
        if (currentCond.status === 'True' && currentCond.lastTransitionTime !== undefined)
          c = { ...c, lastTransitionTime: currentCond.lastTransitionTime };
        conditions = util.removeDeploymentCondition(conditions, 'Progressing');
      }
      newStatus.conditions = util.setDeploymentCondition(conditions, c);
    } else if (util.deploymentTimedOut(d, newStatus, ctx.now)) {
      const msg = rsName
        ? `ReplicaSet "${rsName}" has timed out progressing.`
        : `Deployment "${d.metadata.name}" has timed out progressing.`;
      const c = util.newDeploymentCondition('Progressing', 'False', util.TimedOutReason, msg, ctx.now);
      if (currentCond?.reason !== util.TimedOutReason)
        ctx.decide({
          controller: COMPONENT,
          object: { kind: 'Deployment', namespace: d.metadata.namespace ?? 'default', name: d.metadata.name },
          code: 'progress.deadlineExceeded',
          message: `No progress for more than progressDeadlineSeconds (${d.spec.progressDeadlineSeconds}s) since ${currentCond?.lastUpdateTime ?? 'the rollout started'}: Progressing becomes False (ProgressDeadlineExceeded). The controller does not roll back by itself; it keeps trying.`,
          values: { progressDeadlineSeconds: d.spec.progressDeadlineSeconds ?? 0 },
        });
      newStatus.conditions = util.setDeploymentCondition(newStatus.conditions, c);
    }
  }
  const failure = getReplicaFailure(allRSs, newRS);
  if (failure) newStatus.conditions = util.setDeploymentCondition(newStatus.conditions, failure);
  else newStatus.conditions = util.removeDeploymentCondition(newStatus.conditions, 'ReplicaFailure');
  if (newStatus.conditions && newStatus.conditions.length === 0) delete newStatus.conditions;

  if (deepEqual(d.status ?? {}, newStatus)) {
    requeueStuckDeployment(ctx, d, newStatus);
    return;
  }
  d.status = newStatus;
  writeStatus(ctx, d);
}

/** The new RS's ReplicaFailure condition, else any RS's, as a Deployment condition. */
function getReplicaFailure(
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): DeploymentCondition | undefined {
  const pick = (rs: ReplicaSet | undefined) =>
    rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const c = pick(newRS) ?? allRSs.map(pick).find((x) => x !== undefined);
  if (!c) return undefined;
  const out: DeploymentCondition = { type: 'ReplicaFailure', status: c.status };
  if (c.lastTransitionTime) {
    out.lastUpdateTime = c.lastTransitionTime;
    out.lastTransitionTime = c.lastTransitionTime;
  }
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}

/**
 * requeueStuckDeployment: with no progress, look again when the deadline would pass:
 * lastUpdateTime + progressDeadlineSeconds − now (+1 s), or in a second when that is under 1 s.
 *
 *   last progress 00:00, deadline 600 s, now 03:00 → re-check in 7 min (+1 s)
 */
export function requeueStuckDeployment(
  ctx: ControllerContext,
  d: Deployment,
  newStatus: DeploymentStatus,
): number {
  const currentCond = util.getDeploymentCondition(d.status, 'Progressing');
  if (!util.hasProgressDeadline(d) || !currentCond) return -1;
  if (util.deploymentComplete(d, newStatus) || currentCond.reason === util.TimedOutReason) return -1;
  const after = parseTimestamp(currentCond.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 0) - ctx.now;
  const key = `${d.metadata.namespace ?? 'default'}/${d.metadata.name}`;
  if (after < 1) {
    ctx.enqueueAfter('deployment', key, 1);
    return 0;
  }
  ctx.enqueueAfter('deployment', key, after + 1);
  return after;
}
