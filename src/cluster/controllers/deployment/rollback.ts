/**
 * Port of pkg/controller/deployment/rollback.go: the legacy, controller-side rollback requested by
 * the `deprecated.deployment.rollback.to` annotation (written by the old extensions/v1beta1
 * rollbackTo field). `kubectl rollout undo` patches the template instead (see kubectl/rollout).
 */
import type { Deployment, ReplicaSet } from '../../../k8s/types.ts';
import type { ControllerContext } from '../../context.ts';
import { COMPONENT, getAllReplicaSetsAndSyncRevision } from './sync.ts';
import * as util from './util.ts';

export function rollback(ctx: ControllerContext, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  const allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
  let target = Number(d.metadata.annotations?.[util.RollbackToAnnotation] ?? '0');
  if (!Number.isFinite(target) || target < 0) target = 0;
  if (target === 0) {
    target = util.lastRevision(allRSs);
    if (target === 0) {
      ctx.event(
        d,
        'Warning',
        'DeploymentRollbackRevisionNotFound',
        'Unable to find last revision.',
        COMPONENT,
      );
      return clearRollbackTo(ctx, d);
    }
  }
  for (const rs of allRSs) {
    if (util.revision(rs) !== target) continue;
    if (util.equalIgnoreHash(d.spec.template, rs.spec.template)) {
      ctx.event(
        d,
        'Warning',
        'DeploymentRollbackTemplateUnchanged',
        `The rollback revision contains the same template as current deployment "${d.metadata.name}"`,
        COMPONENT,
      );
      return clearRollbackTo(ctx, d);
    }
    const template = JSON.parse(JSON.stringify(rs.spec.template)) as ReplicaSet['spec']['template'];
    const labels = { ...(template.metadata?.labels ?? {}) };
    delete labels[util.DefaultDeploymentUniqueLabelKey];
    template.metadata = { ...(template.metadata ?? {}), labels };
    const annotations: Record<string, string> = { ...(d.metadata.annotations ?? {}) };
    for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
      if (!util.skipCopyAnnotation(k)) annotations[k] = v;
    delete annotations[util.RollbackToAnnotation];
    ctx.event(
      d,
      'Normal',
      'DeploymentRollback',
      `Rolled back deployment "${d.metadata.name}" to revision ${target}`,
      COMPONENT,
    );
    ctx.update<Deployment>({ ...d, metadata: { ...d.metadata, annotations }, spec: { ...d.spec, template } });
    return;
  }
  ctx.event(
    d,
    'Warning',
    'DeploymentRollbackRevisionNotFound',
    'Unable to find the revision to rollback to.',
    COMPONENT,
  );
  clearRollbackTo(ctx, d);
}

function clearRollbackTo(ctx: ControllerContext, d: Deployment): void {
  const annotations = { ...(d.metadata.annotations ?? {}) };
  delete annotations[util.RollbackToAnnotation];
  ctx.update<Deployment>({ ...d, metadata: { ...d.metadata, annotations } });
}
