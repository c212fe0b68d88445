/**
 * Port of pkg/controller/deployment/sync.go: finding/creating the new ReplicaSet, revisions,
 * proportional scaling, history cleanup and status.
 */
import { deepEqual } from '../../../k8s/copy.ts';
import { computeHash } from '../../../k8s/hash.ts';
import { omitZeroMinReadySeconds } from '../../../k8s/defaults.ts';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../../k8s/types.ts';
import type { ControllerContext } from '../../context.ts';
import * as util from './util.ts';
import { count, isAre } from '../../words.ts';

const { specReplicas } = util;
export const COMPONENT = 'deployment-controller';

export interface RSPair {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

const ref = (d: Deployment) => ({
  kind: 'Deployment',
  namespace: d.metadata.namespace ?? 'default',
  name: d.metadata.name,
});

/** Write the working copy's status (and annotations, as UpdateStatus does upstream). */
export function writeStatus(ctx: ControllerContext, d: Deployment): void {
  ctx.updateStatus(d);
}

/**
 * getAllReplicaSetsAndSyncRevision: the new RS (created when asked and missing) with its revision
 * synced, and every old RS.
 */
export function getAllReplicaSetsAndSyncRevision(
  ctx: ControllerContext,
  d: Deployment,
  rsList: ReplicaSet[],
  createIfNotExisted: boolean,
): RSPair {
  const [, allOldRSs] = util.findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(ctx, d, rsList, allOldRSs, createIfNotExisted);
  return { newRS, oldRSs: allOldRSs };
}

/**
 * getNewReplicaSet: returns the RS whose template matches the deployment's. An existing one gets
 * the deployment's annotations, revision max(old)+1 when it is behind (a rollback), and
 * minReadySeconds; a missing one is created (when asked) at NewRSNewReplicas, named
 * `<deployment>-<pod-template-hash>`.
 */
export function getNewReplicaSet(
  ctx: ControllerContext,
  d: Deployment,
  rsList: ReplicaSet[],
  oldRSs: ReplicaSet[],
  createIfNotExisted: boolean,
): ReplicaSet | undefined {
  const existing = util.findNewReplicaSet(d, rsList);
  const newRevision = util.maxRevision(oldRSs) + 1;
  if (existing) {
    // Re-read: an earlier step of this sync may have written it already (upstream: a conflict and a retry).
    const current =
      ctx.store.get<ReplicaSet>('ReplicaSet', existing.metadata.namespace, existing.metadata.name) ??
      existing;
    const annotations = { ...(current.metadata.annotations ?? {}) };
    const hadRevision = current.metadata.annotations?.[util.RevisionAnnotation];
    const annotationsUpdated = util.setNewReplicaSetAnnotations(d, annotations, newRevision, true);
    const minReadySecondsNeedsUpdate = (current.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadySecondsNeedsUpdate) {
      const updated = ctx.update<ReplicaSet>({
        ...current,
        metadata: { ...current.metadata, annotations },
        spec: omitZeroMinReadySeconds({ ...current.spec, minReadySeconds: d.spec.minReadySeconds ?? 0 }),
      });
      const rev = annotations[util.RevisionAnnotation];
      if (hadRevision !== undefined && rev !== hadRevision)
        ctx.decide({
          controller: COMPONENT,
          object: ref(d),
          code: 'revision.reuse',
          message: `The template matches ReplicaSet ${current.metadata.name} (revision ${hadRevision}), so it becomes the new ReplicaSet again with revision ${rev}; no new ReplicaSet is created.`,
          values: { replicaSet: current.metadata.name, oldRevision: hadRevision, newRevision: rev ?? '' },
        });
      return updated;
    }
    let needsUpdate = setDeploymentRevision(d, current.metadata.annotations?.[util.RevisionAnnotation] ?? '');
    if (util.hasProgressDeadline(d) && !util.getDeploymentCondition(d.status, 'Progressing')) {
      const c = util.newDeploymentCondition(
        'Progressing',
        'True',
        util.FoundNewRSReason,
        `Found new replica set "${current.metadata.name}"`,
        ctx.now,
      );
      d.status = { ...d.status, conditions: util.setDeploymentCondition(d.status?.conditions, c) };
      needsUpdate = true;
    }
    if (needsUpdate) writeStatus(ctx, d);
    return current;
  }
  if (!createIfNotExisted) return undefined;

  // The new ReplicaSet does not exist: create one.
  const template = JSON.parse(JSON.stringify(d.spec.template)) as Deployment['spec']['template'];
  const hash = computeHash(template, d.status?.collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [util.DefaultDeploymentUniqueLabelKey]: hash };
  template.metadata = { ...(template.metadata ?? {}), labels };
  const selector = {
    ...d.spec.selector,
    matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [util.DefaultDeploymentUniqueLabelKey]: hash },
  };
  const name = `${d.metadata.name}-${hash}`;
  const draft: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace ?? 'default',
      labels: { ...labels },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: d.metadata.name,
          uid: d.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: omitZeroMinReadySeconds({
      replicas: 0,
      minReadySeconds: d.spec.minReadySeconds ?? 0,
      selector,
      template,
    }),
    status: { replicas: 0 },
  };
  const newReplicasCount = util.newRSNewReplicas(d, [...oldRSs, draft], draft);
  draft.spec.replicas = newReplicasCount;
  const annotations: Record<string, string> = {};
  util.setNewReplicaSetAnnotations(d, annotations, newRevision, false);
  draft.metadata.annotations = annotations;

  const clash = ctx.store.get<ReplicaSet>('ReplicaSet', draft.metadata.namespace, name);
  if (clash) {
    const owner = clash.metadata.ownerReferences?.find((r) => r.controller);
    if (owner?.uid === d.metadata.uid && util.equalIgnoreHash(d.spec.template, clash.spec.template))
      return clash;
    // A hash collision: bump collisionCount and let the next sync try another name.
    d.status = { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 };
    writeStatus(ctx, d);
    ctx.enqueue('deployment', `${d.metadata.namespace ?? 'default'}/${d.metadata.name}`);
    return undefined;
  }
  const created = ctx.create(draft);
  const surge = d.spec.strategy?.rollingUpdate?.maxSurge;
  ctx.decide({
    controller: COMPONENT,
    object: ref(d),
    code: 'deployment.newReplicaSet',
    message:
      d.spec.strategy?.type === 'Recreate'
        ? `The pod template changed and no old pods are left, so ReplicaSet ${name} (revision ${newRevision}) is created at the full ${count(newReplicasCount, 'replica')}.`
        : `The pod template changed, so ReplicaSet ${name} (revision ${newRevision}) is created with ${count(newReplicasCount, 'replica')}: maxSurge ${String(surge)} of ${specReplicas(d)} allows ${count(specReplicas(d) + util.maxSurge(d), 'pod')} in all and ${util.getReplicaCountForReplicaSets(oldRSs)} exist.`,
    values: {
      replicaSet: name,
      revision: newRevision,
      replicas: newReplicasCount,
      strategy: d.spec.strategy?.type ?? 'RollingUpdate',
      maxSurge: String(surge ?? 0),
      desired: specReplicas(d),
      maxTotal: specReplicas(d) + util.maxSurge(d),
      existing: util.getReplicaCountForReplicaSets(oldRSs),
    },
  });
  if (newReplicasCount > 0)
    ctx.event(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${name} to ${newReplicasCount}`,
      COMPONENT,
    );

  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  if (util.hasProgressDeadline(d)) {
    const c = util.newDeploymentCondition(
      'Progressing',
      'True',
      util.NewRSNewReason,
      `Created new replica set "${name}"`,
      ctx.now,
    );
    d.status = { ...d.status, conditions: util.setDeploymentCondition(d.status?.conditions, c) };
    needsUpdate = true;
  }
  if (needsUpdate) writeStatus(ctx, d);
  return created;
}

function setDeploymentRevision(d: Deployment, rev: string): boolean {
  if (d.metadata.annotations?.[util.RevisionAnnotation] === rev) return false;
  d.metadata = {
    ...d.metadata,
    annotations: { ...(d.metadata.annotations ?? {}), [util.RevisionAnnotation]: rev },
  };
  return true;
}

/**
 * scaleReplicaSet: set an RS's size and its desired/max-replicas annotations; records
 * "Scaled up/down replica set X from A to B" when the size changed.
 */
export function scaleReplicaSet(
  ctx: ControllerContext,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
  scalingOperation: 'up' | 'down' | '',
): { scaled: boolean; rs: ReplicaSet } {
  const current = ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name) ?? rs;
  const sizeNeedsUpdate = specReplicas(current) !== newScale;
  const desired = specReplicas(d);
  const max = desired + util.maxSurge(d);
  const annotationsNeedUpdate = util.replicasAnnotationsNeedUpdate(current, desired, max);
  if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs: current };
  const oldScale = specReplicas(current);
  const annotations = { ...(current.metadata.annotations ?? {}) };
  util.setReplicasAnnotations(annotations, desired, max);
  const updated = ctx.update<ReplicaSet>({
    ...current,
    metadata: { ...current.metadata, annotations },
    spec: { ...current.spec, replicas: newScale },
  });
  if (sizeNeedsUpdate) {
    ctx.event(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${scalingOperation} replica set ${current.metadata.name} from ${oldScale} to ${newScale}`,
      COMPONENT,
    );
  }
  return { scaled: sizeNeedsUpdate, rs: updated };
}

export function scaleReplicaSetAndRecordEvent(
  ctx: ControllerContext,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): { scaled: boolean; rs: ReplicaSet } {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(ctx, rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
}

/**
 * scale: a replicas change. One active RS takes all; a saturated new RS retires the old ones;
 * otherwise a rolling deployment spreads the difference proportionally (largest RS first, the
 * leftover to the first).
 *
 *   5 → 10 with new 2 / old 3 (max-replicas 5): old +3, new +2 → 4 / 6
 */
export function scale(
  ctx: ControllerContext,
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): void {
  const activeOrLatest = util.findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === specReplicas(d)) return;
    const from = specReplicas(activeOrLatest);
    scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, specReplicas(d), d);
    ctx.decide({
      controller: COMPONENT,
      object: ref(d),
      code: 'scale.single',
      message: `spec.replicas is now ${specReplicas(d)}; only ReplicaSet ${activeOrLatest.metadata.name} has pods, so it goes from ${from} to ${specReplicas(d)}.`,
      values: { replicaSet: activeOrLatest.metadata.name, from, to: specReplicas(d) },
    });
    return;
  }
  if (util.isSaturated(d, newRS)) {
    for (const old of util.filterActiveReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(ctx, old, 0, d);
    return;
  }
  if (!util.isRollingUpdate(d)) return;
  const allRSs = util.filterActiveReplicaSets([...oldRSs, newRS]);
  const allRSsReplicas = util.getReplicaCountForReplicaSets(allRSs);
  const allowedSize = specReplicas(d) > 0 ? specReplicas(d) + util.maxSurge(d) : 0;
  const toAdd = allowedSize - allRSsReplicas;
  let op: 'up' | 'down' | '' = '';
  if (toAdd > 0) {
    allRSs.sort(util.bySizeNewer);
    op = 'up';
  } else if (toAdd < 0) {
    allRSs.sort(util.bySizeOlder);
    op = 'down';
  }
  let added = 0;
  const nameToSize = new Map<string, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const proportion = util.getProportion(rs, d, toAdd, added);
      nameToSize.set(rs.metadata.name, specReplicas(rs) + proportion);
      added += proportion;
    } else {
      nameToSize.set(rs.metadata.name, specReplicas(rs));
    }
  }
  const sizes: string[] = [];
  allRSs.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) {
      const leftover = toAdd - added;
      nameToSize.set(rs.metadata.name, Math.max(0, nameToSize.get(rs.metadata.name)! + leftover));
    }
    const size = nameToSize.get(rs.metadata.name)!;
    sizes.push(`${rs.metadata.name} ${specReplicas(rs)}→${size}`);
    scaleReplicaSet(ctx, rs, size, d, op);
  });
  if (toAdd !== 0)
    ctx.decide({
      controller: COMPONENT,
      object: ref(d),
      code: 'scale.proportional',
      message: `spec.replicas changed mid-rollout: at most ${count(allowedSize, 'pod')} (replicas ${specReplicas(d)} + maxSurge ${util.maxSurge(d)}) and ${allRSsReplicas} ${isAre(allRSsReplicas)} specified, so ${Math.abs(toAdd)} ${isAre(Math.abs(toAdd))} ${toAdd > 0 ? 'added' : 'removed'} in proportion to each ReplicaSet's size: ${sizes.join(', ')}.`,
      values: {
        allowed: allowedSize,
        current: allRSsReplicas,
        toAdd,
        replicas: specReplicas(d),
        surge: util.maxSurge(d),
        sizes: sizes.join(', '),
      },
    });
}

/**
 * isScalingEvent: some active RS was sized for a different spec.replicas (its desired-replicas
 * annotation disagrees).
 */
export function isScalingEvent(ctx: ControllerContext, d: Deployment, rsList: ReplicaSet[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  for (const rs of util.filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = util.getDesiredReplicasAnnotation(rs);
    if (desired === undefined) continue;
    if (desired !== specReplicas(d)) return true;
  }
  return false;
}

/** sync: used when paused or scaling: scale, clean history when paused, write plain status. */
export function sync(ctx: ControllerContext, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  scale(ctx, d, newRS, oldRSs);
  if (d.spec.paused) cleanupDeployment(ctx, oldRSs, d);
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/**
 * cleanupDeployment: delete the oldest empty old ReplicaSets beyond revisionHistoryLimit. Looks at
 * the first `count − limit` candidates only; non-empty ones are skipped, not replaced.
 */
export function cleanupDeployment(ctx: ControllerContext, oldRSs: ReplicaSet[], d: Deployment): void {
  if (!util.hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const limit = d.spec.revisionHistoryLimit ?? 0;
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(util.byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i]!;
    if (
      (rs.status?.replicas ?? 0) !== 0 ||
      specReplicas(rs) !== 0 ||
      (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
      rs.metadata.deletionTimestamp
    )
      continue;
    ctx.decide({
      controller: COMPONENT,
      object: ref(d),
      code: 'cleanup.delete',
      message: `revisionHistoryLimit is ${limit} and ${count(cleanable.length, 'old ReplicaSet')} ${isAre(cleanable.length)} kept, so the oldest empty one, ${rs.metadata.name} (revision ${util.revision(rs) ?? '?'}), is deleted.`,
      values: { replicaSet: rs.metadata.name, limit, old: cleanable.length },
    });
    ctx.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  }
}

/** Drop zero counts, as apps/v1 DeploymentStatus marks every count `omitempty`. */
function compactStatus(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.replicas) out.replicas = s.replicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.unavailableReplicas) out.unavailableReplicas = s.unavailableReplicas;
  if (s.conditions && s.conditions.length) out.conditions = s.conditions;
  if (s.collisionCount !== undefined) out.collisionCount = s.collisionCount;
  return out;
}

/**
 * calculateStatus: counts from the ReplicaSets as seen at the start of the sync;
 * unavailableReplicas uses their specs; Available per MaxUnavailable.
 */
export function calculateStatus(
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  now: number,
): DeploymentStatus {
  const available = util.getAvailableReplicaCountForReplicaSets(allRSs);
  const total = util.getReplicaCountForReplicaSets(allRSs);
  const unavailable = Math.max(0, total - available);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: util.getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: util.getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: util.getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    conditions: [...(d.status?.conditions ?? [])],
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  const c =
    available >= specReplicas(d) - util.maxUnavailable(d)
      ? util.newDeploymentCondition(
          'Available',
          'True',
          util.MinimumReplicasAvailable,
          'Deployment has minimum availability.',
          now,
        )
      : util.newDeploymentCondition(
          'Available',
          'False',
          util.MinimumReplicasUnavailable,
          'Deployment does not have minimum availability.',
          now,
        );
  status.conditions = util.setDeploymentCondition(status.conditions, c);
  return compactStatus(status);
}

export function syncDeploymentStatus(
  ctx: ControllerContext,
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): void {
  const newStatus = calculateStatus(allRSs, newRS, d, ctx.now);
  if (deepEqual(d.status ?? {}, newStatus)) return;
  d.status = newStatus;
  writeStatus(ctx, d);
}

/**
 * checkPausedConditions: with a progress deadline, Progressing=Unknown DeploymentPaused while
 * paused and DeploymentResumed on resume (which restarts the deadline clock). Leaves a
 * ProgressDeadlineExceeded condition alone.
 */
export function checkPausedConditions(ctx: ControllerContext, d: Deployment): void {
  if (!util.hasProgressDeadline(d)) return;
  const cond = util.getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === util.TimedOutReason) return;
  const pausedCondExists = cond?.reason === util.PausedDeployReason;
  let c;
  if (d.spec.paused && !pausedCondExists)
    c = util.newDeploymentCondition(
      'Progressing',
      'Unknown',
      util.PausedDeployReason,
      'Deployment is paused',
      ctx.now,
    );
  else if (!d.spec.paused && pausedCondExists)
    c = util.newDeploymentCondition(
      'Progressing',
      'Unknown',
      util.ResumedDeployReason,
      'Deployment is resumed',
      ctx.now,
    );
  if (!c) return;
  d.status = { ...d.status, conditions: util.setDeploymentCondition(d.status?.conditions, c) };
  writeStatus(ctx, d);
}
