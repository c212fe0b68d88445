/**
 * Port of pkg/controller/deployment/deployment_controller.go syncDeployment: one level-triggered
 * reconcile of one Deployment key. Which step runs is decided in upstream's order: selecting all,
 * deletion, paused, legacy rollback, scaling event, then the strategy.
 */
import { selectorIsEmpty, selectorMatches } from '../../../k8s/labels.ts';
import type { Deployment, Pod, ReplicaSet } from '../../../k8s/types.ts';
import type { ControllerContext, InformerHandlers } from '../../context.ts';
import { controllerUid, objectKey } from '../../store.ts';
import { rolloutRecreate } from './recreate.ts';
import { rollback } from './rollback.ts';
import { rolloutRolling } from './rolling.ts';
import {
  checkPausedConditions,
  COMPONENT,
  isScalingEvent,
  sync,
  syncDeploymentStatus,
  writeStatus,
  getAllReplicaSetsAndSyncRevision,
} from './sync.ts';
import { RollbackToAnnotation } from './util.ts';

export function syncDeployment(ctx: ControllerContext, key: string): void {
  const [namespace, name] = key.split('/') as [string, string];
  const stored = ctx.store.get<Deployment>('Deployment', namespace, name);
  if (!stored) return;
  // A working copy, as upstream's DeepCopy, of the parts a sync sets (it sets metadata and status
  // as wholes and changes nothing below them in place: those stay the stored, frozen objects). The
  // pod template stays the stored one, so its canonical form, which every sync compares with each
  // ReplicaSet's, is computed once per template, not once per sync.
  const d: Deployment = { ...stored, metadata: { ...stored.metadata }, spec: { ...stored.spec } };

  if (selectorIsEmpty(d.spec.selector)) {
    ctx.event(
      d,
      'Warning',
      'SelectingAll',
      'This deployment is selecting all pods. A non-empty selector is required.',
      COMPONENT,
    );
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      d.status = { ...d.status, observedGeneration: d.metadata.generation ?? 0 };
      writeStatus(ctx, d);
    }
    return;
  }
  const rsList = getReplicaSetsForDeployment(ctx, d);
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
    syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
    return;
  }
  checkPausedConditions(ctx, d);
  if (d.spec.paused) {
    sync(ctx, d, rsList);
    return;
  }
  if (d.metadata.annotations?.[RollbackToAnnotation] !== undefined) {
    rollback(ctx, d, rsList);
    return;
  }
  if (isScalingEvent(ctx, d, rsList)) {
    sync(ctx, d, rsList);
    return;
  }
  if (d.spec.strategy?.type === 'Recreate')
    rolloutRecreate(ctx, d, rsList, getPodMapForDeployment(ctx, rsList));
  else rolloutRolling(ctx, d, rsList);
}

/**
 * getReplicaSetsForDeployment: the ReplicaSets this Deployment controls, adopting matching orphans
 * and releasing owned ones whose labels stopped matching (ControllerRefManager).
 */
export function getReplicaSetsForDeployment(ctx: ControllerContext, d: Deployment): ReplicaSet[] {
  const uid = d.metadata.uid ?? '';
  const out: ReplicaSet[] = [];
  for (const rs of ctx.store.listControlledBy<ReplicaSet>(uid, 'ReplicaSet')) {
    if (selectorMatches(d.spec.selector, rs.metadata.labels)) out.push(rs);
    else
      ctx.update<ReplicaSet>({
        ...rs,
        metadata: {
          ...rs.metadata,
          ownerReferences: (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid),
        },
      });
  }
  if (!d.metadata.deletionTimestamp) {
    for (const rs of ctx.store.listUncontrolled<ReplicaSet>('ReplicaSet')) {
      if (rs.metadata.namespace !== d.metadata.namespace || rs.metadata.deletionTimestamp) continue;
      if (!selectorMatches(d.spec.selector, rs.metadata.labels)) continue;
      const adopted = ctx.update<ReplicaSet>({
        ...rs,
        metadata: {
          ...rs.metadata,
          ownerReferences: [
            ...(rs.metadata.ownerReferences ?? []),
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: d.metadata.name,
              uid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
      });
      out.push(adopted);
    }
  }
  return out;
}

/** getPodMapForDeployment: RS uid → its pods, terminating and finished ones included. */
export function getPodMapForDeployment(ctx: ControllerContext, rsList: ReplicaSet[]): Map<string, Pod[]> {
  const map = new Map<string, Pod[]>();
  for (const rs of rsList) {
    const uid = rs.metadata.uid ?? '';
    map.set(uid, ctx.store.listControlledBy<Pod>(uid, 'Pod'));
  }
  return map;
}

/**
 * The Deployment controller's informers (upstream's addDeployment, updateReplicaSet, deletePod…):
 * a Deployment's own changes; a change of a ReplicaSet it controls, controlled before, or could
 * adopt; and a deleted pod of a Recreate Deployment, which waits for its old pods to be gone.
 */
export const deploymentInformers: InformerHandlers = {
  Deployment: (_c, key, ctx) => ctx.enqueue('deployment', key),
  ReplicaSet: (c, _key, ctx) => {
    const rs = c.obj;
    const ns = rs.metadata.namespace ?? 'default';
    for (const o of [rs, c.old]) {
      const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
      if (ref) ctx.enqueue('deployment', objectKey(ns, ref.name));
    }
    if (!controllerUid(rs))
      for (const d of ctx.store.list<Deployment>('Deployment', ns))
        if (selectorMatches(d.spec.selector, rs.metadata.labels))
          ctx.enqueue('deployment', objectKey(ns, d.metadata.name));
  },
  Pod: (c, _key, ctx) => {
    if (c.type !== 'deleted') return;
    const pod = c.obj as Pod;
    const ns = pod.metadata.namespace ?? 'default';
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
    const rs = ref && ctx.store.get<ReplicaSet>('ReplicaSet', ns, ref.name);
    const dref = rs && rs.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
    const d = dref ? ctx.store.get<Deployment>('Deployment', ns, dref.name) : undefined;
    if (d?.spec.strategy?.type === 'Recreate') ctx.enqueue('deployment', objectKey(ns, d.metadata.name));
  },
};
