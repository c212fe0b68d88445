/**
 * The disruption controller (upstream pkg/controller/disruption): keeps each PodDisruptionBudget's
 * status, which the Eviction API (../eviction.ts) reads to decide whether a pod may go.
 *
 *   expectedPods   minAvailable as a number: the pods the selector matches; otherwise the scale of
 *                  their controllers (a Deployment's replicas, else a ReplicaSet's)
 *   desiredHealthy minAvailable (a percentage of expectedPods, rounded up), or
 *                  expectedPods − maxUnavailable (a percentage rounded up), at least 0
 *   currentHealthy matching pods that are Ready, not being deleted and not just evicted
 *   disruptionsAllowed = max(0, currentHealthy − desiredHealthy), 0 when nothing is expected
 *
 * Worked example: minAvailable 2 over 3 Ready pods → desired 2, current 3, 1 disruption allowed;
 * once one is evicted it counts as disrupted (and then terminating), so 0 until its replacement
 * is Ready. That is why `kubectl drain` moves such a Deployment one pod at a time.
 */
import { getScaledValueFromIntOrPercent } from '../../k8s/intstr.ts';
import { selectorIsEmpty, selectorMatches } from '../../k8s/labels.ts';
import { parseTimestamp, timestamp } from '../../k8s/time.ts';
import type {
  Deployment,
  Pod,
  PodDisruptionBudget,
  PodDisruptionBudgetStatus,
  ReplicaSet,
} from '../../k8s/types.ts';
import type { ControllerContext, InformerHandlers } from '../context.ts';
import { podCountChanged } from './podfacts.ts';
import { isPodReady } from './deployment/util.ts';

/** How long an evicted pod counts as disrupted before the controller expects it deleted (DeletionTimeout). */
export const DELETION_TIMEOUT_SECONDS = 120;

/** The pods a budget covers: same namespace, selected by a non-empty selector. */
export function podsForBudget(ctx: ControllerContext, pdb: PodDisruptionBudget): Pod[] {
  if (selectorIsEmpty(pdb.spec.selector)) return [];
  const ns = pdb.metadata.namespace ?? 'default';
  return ctx.store.list<Pod>('Pod', ns).filter((p) => selectorMatches(pdb.spec.selector, p.metadata.labels));
}

/** The budgets that cover a pod (upstream's getPodDisruptionBudgets of the eviction REST). */
export function budgetsForPod(ctx: ControllerContext, pod: Pod): PodDisruptionBudget[] {
  if (!pod.metadata.labels) return [];
  return ctx.store
    .list<PodDisruptionBudget>('PodDisruptionBudget', pod.metadata.namespace ?? 'default')
    .filter(
      (b) => !selectorIsEmpty(b.spec.selector) && selectorMatches(b.spec.selector, pod.metadata.labels),
    );
}

/**
 * getExpectedScale: the summed scale of the controllers of the pods (each once): a Deployment's
 * replicas for pods of its ReplicaSets, else the ReplicaSet's. Pods without a controller add
 * nothing.
 */
function expectedScale(ctx: ControllerContext, pods: Pod[]): number {
  const scales = new Map<string, number>();
  for (const p of pods) {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.kind !== 'ReplicaSet') continue;
    const rs = ctx.store.get<ReplicaSet>('ReplicaSet', p.metadata.namespace ?? 'default', ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) continue;
    const dref = rs.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
    const d = dref
      ? ctx.store.get<Deployment>('Deployment', rs.metadata.namespace ?? 'default', dref.name)
      : undefined;
    if (d && d.metadata.uid === dref?.uid) scales.set(d.metadata.uid ?? '', d.spec.replicas ?? 1);
    else scales.set(rs.metadata.uid ?? '', rs.spec.replicas ?? 1);
  }
  let sum = 0;
  for (const v of scales.values()) sum += v;
  return sum;
}

/** getExpectedPodCount: [expectedCount, desiredHealthy]. */
export function expectedPodCount(
  ctx: ControllerContext,
  pdb: PodDisruptionBudget,
  pods: Pod[],
): { expected: number; desired: number } {
  const { minAvailable, maxUnavailable } = pdb.spec;
  if (maxUnavailable !== undefined) {
    const expected = expectedScale(ctx, pods);
    const max = getScaledValueFromIntOrPercent(maxUnavailable, expected, true);
    return { expected, desired: Math.max(0, expected - max) };
  }
  if (typeof minAvailable === 'number') return { expected: pods.length, desired: minAvailable };
  if (typeof minAvailable === 'string') {
    const expected = expectedScale(ctx, pods);
    return { expected, desired: getScaledValueFromIntOrPercent(minAvailable, expected, true) };
  }
  return { expected: 0, desired: 0 };
}

/**
 * buildDisruptedPodMap: the evicted pods still counted as disrupted: not yet being deleted and
 * evicted less than DeletionTimeout ago. Also the earliest moment one of them expires.
 */
function disruptedPodMap(
  pods: Pod[],
  pdb: PodDisruptionBudget,
  now: number,
): { map: Record<string, string>; recheck: number | undefined } {
  const map: Record<string, string> = {};
  let recheck: number | undefined;
  const disrupted = pdb.status?.disruptedPods ?? {};
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    const at = disrupted[p.metadata.name];
    if (at === undefined) continue;
    const expected = parseTimestamp(at) + DELETION_TIMEOUT_SECONDS;
    if (expected < now) continue;
    map[p.metadata.name] = at;
    if (recheck === undefined || expected < recheck) recheck = expected;
  }
  return { map, recheck };
}

/** countHealthyPods: Ready, not being deleted, not counted as disrupted. */
export function countHealthyPods(pods: Pod[], disrupted: Record<string, string>, now: number): number {
  let n = 0;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    const at = disrupted[p.metadata.name];
    if (at !== undefined && parseTimestamp(at) + DELETION_TIMEOUT_SECONDS > now) continue;
    if (isPodReady(p)) n++;
  }
  return n;
}

/** UpdateDisruptionAllowedCondition: DisruptionAllowed True (SufficientPods) or False (InsufficientPods). */
export function withDisruptionAllowedCondition(
  status: PodDisruptionBudgetStatus,
  now: number,
): PodDisruptionBudgetStatus {
  const ok = status.disruptionsAllowed > 0;
  const cur = status.conditions?.find((c) => c.type === 'DisruptionAllowed');
  const statusText = ok ? 'True' : 'False';
  const condition = {
    type: 'DisruptionAllowed',
    status: statusText,
    ...(status.observedGeneration !== undefined ? { observedGeneration: status.observedGeneration } : {}),
    lastTransitionTime:
      cur && cur.status === statusText && cur.lastTransitionTime ? cur.lastTransitionTime : timestamp(now),
    reason: ok ? 'SufficientPods' : 'InsufficientPods',
    message: '',
  };
  return {
    ...status,
    conditions: [...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed'), condition],
  };
}

export function syncDisruptionBudget(ctx: ControllerContext, key: string): void {
  const [namespace, name] = key.split('/') as [string, string];
  const pdb = ctx.store.get<PodDisruptionBudget>('PodDisruptionBudget', namespace, name);
  if (!pdb) return;
  const pods = podsForBudget(ctx, pdb);
  if (pods.length === 0) ctx.event(pdb, 'Normal', 'NoPods', 'No matching pods found', 'controllermanager');
  const { expected, desired } = expectedPodCount(ctx, pdb, pods);
  const { map, recheck } = disruptedPodMap(pods, pdb, ctx.now);
  const current = countHealthyPods(pods, map, ctx.now);
  let allowed = current - desired;
  if (expected <= 0 || allowed <= 0) allowed = 0;
  const status: PodDisruptionBudgetStatus = {
    ...(pdb.metadata.generation !== undefined ? { observedGeneration: pdb.metadata.generation } : {}),
    ...(Object.keys(map).length ? { disruptedPods: map } : {}),
    disruptionsAllowed: allowed,
    currentHealthy: current,
    desiredHealthy: desired,
    expectedPods: expected,
    ...(pdb.status?.conditions ? { conditions: pdb.status.conditions } : {}),
  };
  const before = pdb.status;
  const next = withDisruptionAllowedCondition(status, ctx.now);
  ctx.updateStatus<PodDisruptionBudget>({ ...pdb, status: next });
  if (before?.disruptionsAllowed !== allowed)
    ctx.decide({
      controller: 'disruption-controller',
      object: { kind: 'PodDisruptionBudget', namespace, name },
      code: allowed > 0 ? 'pdb.allowed' : 'pdb.blocked',
      message:
        allowed > 0
          ? `PodDisruptionBudget ${name}: ${current} of ${expected} pods are healthy and ${desired} must stay, so ${allowed} may be evicted now.`
          : `PodDisruptionBudget ${name}: ${current} of ${expected} pods are healthy and ${desired} must stay, so no pod may be evicted until another one is Ready.`,
      values: { current, desired, expected, allowed },
    });
  if (recheck !== undefined) ctx.enqueueAfter('disruption', key, recheck - ctx.now);
}

/** The informer's pod handler: a pod change wakes the budgets that cover it (before or after). */
export function enqueueBudgets(ctx: ControllerContext, pod: Pod, old: Pod | undefined): void {
  const ns = pod.metadata.namespace ?? 'default';
  if (ctx.store.count('PodDisruptionBudget') === 0) return;
  for (const b of ctx.store.list<PodDisruptionBudget>('PodDisruptionBudget', ns))
    if (
      !selectorIsEmpty(b.spec.selector) &&
      (selectorMatches(b.spec.selector, pod.metadata.labels) ||
        (old !== undefined && selectorMatches(b.spec.selector, old.metadata.labels)))
    )
      ctx.enqueue('disruption', `${ns}/${b.metadata.name}`);
}

/** The disruption controller's informers: a budget's own changes, and its pods' (as it counts them). */
export const disruptionInformers: InformerHandlers = {
  Pod: (c, _key, ctx) => {
    if (ctx.store.count('PodDisruptionBudget') === 0) return;
    if (c.type === 'deleted' || podCountChanged(c))
      enqueueBudgets(ctx, c.obj as Pod, c.old as Pod | undefined);
  },
  PodDisruptionBudget: (_c, key, ctx) => ctx.enqueue('disruption', key),
};
