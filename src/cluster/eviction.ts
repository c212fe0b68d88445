/**
 * The Eviction API (upstream pkg/registry/core/pod/storage/eviction.go): a pod is deleted only if
 * every PodDisruptionBudget that covers it allows one more disruption. What `kubectl drain` calls.
 *
 * In order: a pod that is Succeeded, Failed, Pending or already being deleted goes without asking
 * a budget; more than one budget is an error; a pod that is not Ready goes when its budget is
 * currently met (unhealthyPodEvictionPolicy IfHealthyBudget, the default) or always (AlwaysAllow);
 * otherwise the budget must allow a disruption: it is decremented, the pod is recorded under
 * status.disruptedPods, and the pod is deleted with a DisruptionTarget condition.
 */
import { timestamp } from '../k8s/time.ts';
import type { Pod, PodDisruptionBudget, PodDisruptionBudgetStatus } from '../k8s/types.ts';
import type { ControllerContext } from './context.ts';
import { budgetsForPod, withDisruptionAllowedCondition } from './controllers/disruption.ts';
import { isPodReady } from './controllers/deployment/util.ts';
import { upsertCondition } from './kubelet.ts';

/** MaxDisruptedPodSize: the most evictions a budget holds unconfirmed. */
const MAX_DISRUPTED_POD_SIZE = 2000;

export type EvictionResult =
  | { ok: true }
  | {
      ok: false;
      /** The HTTP status: 404 NotFound, 429 TooManyRequests, 403 Forbidden, 500 InternalError. */
      code: 404 | 429 | 403 | 500;
      reason: 'NotFound' | 'TooManyRequests' | 'Forbidden' | 'InternalError';
      /** The Status message (what kubectl prints). */
      message: string;
      /** The Status cause (DisruptionBudget), for the Why panel. */
      cause?: string;
    };

const tooMany = (message: string, cause?: string): EvictionResult => ({
  ok: false,
  code: 429,
  reason: 'TooManyRequests',
  message,
  ...(cause !== undefined ? { cause } : {}),
});

/** canIgnorePDB: pods that are done, not yet running or already going. */
function canIgnoreBudget(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return (
    phase === 'Succeeded' ||
    phase === 'Failed' ||
    phase === 'Pending' ||
    pod.metadata.deletionTimestamp !== undefined
  );
}

function deleteWithDisruptionTarget(ctx: ControllerContext, pod: Pod, grace: number | undefined): void {
  if (!pod.metadata.deletionTimestamp) {
    const conditions = upsertCondition(
      pod.status.conditions,
      {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'EvictionByEvictionAPI',
        message: 'Eviction API: evicting',
      },
      ctx.now,
    );
    ctx.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions } });
  }
  ctx.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, grace);
}

/** POST pods/NAME/eviction with DeleteOptions{gracePeriodSeconds}. */
export function evictPod(
  ctx: ControllerContext,
  namespace: string,
  name: string,
  gracePeriodSeconds?: number,
): EvictionResult {
  const pod = ctx.store.get<Pod>('Pod', namespace, name);
  if (!pod) return { ok: false, code: 404, reason: 'NotFound', message: `pods "${name}" not found` };
  if (canIgnoreBudget(pod)) {
    deleteWithDisruptionTarget(ctx, pod, gracePeriodSeconds);
    return { ok: true };
  }
  const budgets = budgetsForPod(ctx, pod);
  if (budgets.length > 1)
    return {
      ok: false,
      code: 500,
      reason: 'InternalError',
      message:
        'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    };
  const pdb = budgets[0];
  if (!pdb) {
    deleteWithDisruptionTarget(ctx, pod, gracePeriodSeconds);
    return { ok: true };
  }
  const status = pdb.status;
  if (!isPodReady(pod)) {
    const policy = pdb.spec.unhealthyPodEvictionPolicy ?? 'IfHealthyBudget';
    if (
      policy === 'AlwaysAllow' ||
      (status && status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0)
    ) {
      deleteWithDisruptionTarget(ctx, pod, gracePeriodSeconds);
      return { ok: true };
    }
  }
  const refused = checkAndDecrement(ctx, pod.metadata.name, pdb);
  if (refused) return refused;
  deleteWithDisruptionTarget(ctx, pod, gracePeriodSeconds);
  return { ok: true };
}

function checkAndDecrement(
  ctx: ControllerContext,
  podName: string,
  pdb: PodDisruptionBudget,
): EvictionResult | undefined {
  const status = pdb.status;
  const name = pdb.metadata.name;
  const message = "Cannot evict pod as it would violate the pod's disruption budget.";
  if (!status || (status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0))
    return tooMany(message, `The disruption budget ${name} is still being processed by the server.`);
  if (status.disruptionsAllowed < 0)
    return { ok: false, code: 403, reason: 'Forbidden', message: 'pdb disruptions allowed is negative' };
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE)
    return {
      ok: false,
      code: 403,
      reason: 'Forbidden',
      message: 'DisruptedPods map too big - too many evictions not confirmed by PDB controller',
    };
  if (status.disruptionsAllowed === 0)
    return tooMany(
      message,
      `The disruption budget ${name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`,
    );
  let next: PodDisruptionBudgetStatus = {
    ...status,
    disruptionsAllowed: status.disruptionsAllowed - 1,
    disruptedPods: { ...(status.disruptedPods ?? {}), [podName]: timestamp(ctx.now) },
  };
  if (next.disruptionsAllowed === 0) next = withDisruptionAllowedCondition(next, ctx.now);
  ctx.updateStatus<PodDisruptionBudget>({ ...pdb, status: next });
  return undefined;
}
