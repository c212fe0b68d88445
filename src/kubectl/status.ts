/**
 * What kubectl's waiting commands print and how often they poll, apart from the commands (which
 * the browser loads after its first paint): the Run's recording reads a Deployment's rollout
 * status for every frame.
 */
import * as util from '../cluster/controllers/deployment/util.ts';
import type { Deployment } from '../k8s/types.ts';

/** kubectl's EvictErrorRetryDelay. */
export const EVICT_RETRY_SECONDS = 5;
/** waitForDelete's poll interval. */
export const DELETE_POLL_SECONDS = 1;

export interface RolloutStatus {
  message: string;
  done: boolean;
  error?: string;
}

/**
 * DeploymentStatusViewer.Status: the line `kubectl rollout status` prints for a Deployment now.
 */
export function deploymentRolloutStatus(d: Deployment, revision = 0): RolloutStatus {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = d.metadata.annotations?.[util.RevisionAnnotation];
    if (String(revision) !== current)
      return {
        message: '',
        done: false,
        error: `desired revision (${revision}) is different from the running revision (${current ?? ''})`,
      };
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const cond = util.getDeploymentCondition(s, 'Progressing');
    if (cond?.reason === util.TimedOutReason)
      return { message: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
    const replicas = d.spec.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    if (updated < replicas)
      return {
        message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
        done: false,
      };
    if ((s.replicas ?? 0) > updated)
      return {
        message: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`,
        done: false,
      };
    if ((s.availableReplicas ?? 0) < updated)
      return {
        message: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
        done: false,
      };
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: `Waiting for deployment spec update to be observed...\n`, done: false };
}
