/**
 * Port of pkg/controller/replicaset/replica_set.go and the pod ranking of
 * pkg/controller/controller_utils.go: keep spec.replicas active pods, create missing ones in
 * slow-start batches (at most 500 a sync), delete surplus ones in upstream's order, report status.
 */
import { BudgetError } from '../errors.ts';
import { deepEqual } from '../../k8s/copy.ts';
import { selectorMatches } from '../../k8s/labels.ts';
import { parseTimestamp, timestamp } from '../../k8s/time.ts';
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../../k8s/types.ts';
import type { ControllerContext } from '../context.ts';
import { controllerUid } from '../store.ts';
import { isPodActive, isPodReady, podReadyCondition } from './deployment/util.ts';
import { count } from '../words.ts';

export const COMPONENT = 'replicaset-controller';
/** burstReplicas: the most pods one sync creates or deletes. */
export const BurstReplicas = 500;
const PodDeletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';

export function syncReplicaSet(ctx: ControllerContext, key: string): void {
  const [namespace, name] = key.split('/') as [string, string];
  const rs = ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name);
  if (!rs) return;
  const pods = claimPods(ctx, rs).filter((p) => factsOf(p).active);
  const failure = rs.metadata.deletionTimestamp ? undefined : manageReplicas(ctx, pods, rs);
  // Status from the pods as the sync found them, like upstream's informer cache; the pod events
  // this sync caused bring the RS back for the next status.
  const latest = ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name) ?? rs;
  const status = calculateStatus(latest, pods, ctx.now, failure);
  if (!deepEqual(latest.status, status)) ctx.updateStatus<ReplicaSet>({ ...latest, status });
  const minReady = latest.spec.minReadySeconds ?? 0;
  const replicas = latest.spec.replicas ?? 0;
  if (
    minReady > 0 &&
    (status.readyReplicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) !== replicas
  )
    ctx.enqueueAfter('replicaset', key, minReady);
}

/** The RS's pods: controlled ones whose labels still match, plus adopted orphans. */
function claimPods(ctx: ControllerContext, rs: ReplicaSet): Pod[] {
  const uid = rs.metadata.uid ?? '';
  const out: Pod[] = [];
  for (const p of ctx.store.listControlledBy<Pod>(uid, 'Pod')) {
    if (selects(rs, p)) out.push(p);
    else
      ctx.update<Pod>({
        ...p,
        metadata: {
          ...p.metadata,
          ownerReferences: (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid),
        },
      });
  }
  if (rs.metadata.deletionTimestamp) return out;
  for (const p of ctx.store.listUncontrolled<Pod>('Pod')) {
    if (p.metadata.namespace !== rs.metadata.namespace || !isPodActive(p)) continue;
    if (!selectorMatches(rs.spec.selector, p.metadata.labels)) continue;
    out.push(
      ctx.update<Pod>({
        ...p,
        metadata: {
          ...p.metadata,
          ownerReferences: [
            ...(p.metadata.ownerReferences ?? []),
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: rs.metadata.name,
              uid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
      }),
    );
  }
  return out;
}

/** Creates or deletes pods; returns the failure, if any, for the ReplicaFailure condition. */
function manageReplicas(
  ctx: ControllerContext,
  pods: Pod[],
  rs: ReplicaSet,
): { reason: string; message: string } | undefined {
  const want = rs.spec.replicas ?? 0;
  let diff = pods.length - want;
  if (diff < 0) {
    diff = Math.min(-diff, BurstReplicas);
    // slowStartBatch: 1, 2, 4, … pods at a time; a failed batch stops the rest until a retry.
    let created = 0;
    for (let batch = 1; created < diff; batch *= 2) {
      const n = Math.min(batch, diff - created);
      try {
        for (let i = 0; i < n; i++) {
          createPod(ctx, rs);
          created++;
        }
      } catch (e) {
        // The simulator's own budget is not an API error the controller retries: the command
        // that asked for this work is refused as a whole.
        if (e instanceof BudgetError) throw e;
        const message = `Error creating: ${e instanceof Error ? e.message : String(e)}`;
        ctx.event(rs, 'Warning', 'FailedCreate', message, COMPONENT);
        ctx.enqueueAfter('replicaset', `${rs.metadata.namespace ?? 'default'}/${rs.metadata.name}`, 10);
        return { reason: 'FailedCreate', message: e instanceof Error ? e.message : String(e) };
      }
    }
    ctx.decide({
      controller: COMPONENT,
      object: { kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? 'default', name: rs.metadata.name },
      code: 'replicaset.create',
      message: `ReplicaSet ${rs.metadata.name} wants ${count(want, 'pod')} and has ${pods.length}, so it creates ${diff}.`,
      values: { want, have: pods.length, create: diff },
    });
  } else if (diff > 0) {
    diff = Math.min(diff, BurstReplicas);
    const related = relatedPods(ctx, rs);
    const victims = getPodsToDelete(pods, related, diff, ctx.now);
    for (const p of victims) {
      ctx.delete('Pod', p.metadata.namespace, p.metadata.name);
      ctx.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, COMPONENT);
    }
    ctx.decide({
      controller: COMPONENT,
      object: { kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? 'default', name: rs.metadata.name },
      code: 'replicaset.delete',
      message: `ReplicaSet ${rs.metadata.name} wants ${count(want, 'pod')} and has ${pods.length}, so it deletes ${diff}, not-ready and newest first: ${victims.map((p) => p.metadata.name).join(', ')}.`,
      values: {
        want,
        have: pods.length,
        delete: diff,
        victims: victims.map((p) => p.metadata.name).join(', '),
      },
    });
  }
  return undefined;
}

function createPod(ctx: ControllerContext, rs: ReplicaSet): void {
  const t = rs.spec.template;
  const namespace = rs.metadata.namespace ?? 'default';
  let name = '';
  do name = `${rs.metadata.name}-${ctx.rand.string(5)}`;
  while (ctx.store.get('Pod', namespace, name));
  const metadata: Pod['metadata'] = {
    name,
    generateName: `${rs.metadata.name}-`,
    namespace,
    labels: { ...(t.metadata?.labels ?? {}) },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: rs.metadata.name,
        uid: rs.metadata.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  };
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: JSON.parse(JSON.stringify(t.spec)) as Pod['spec'],
    status: { phase: 'Pending' },
  };
  ctx.create(pod);
  ctx.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, COMPONENT);
}

/** Pods of every ReplicaSet that shares this one's controller (its Deployment's other revisions). */
function relatedPods(ctx: ControllerContext, rs: ReplicaSet): Pod[] {
  const owner = controllerUid(rs);
  if (!owner) return ctx.store.listControlledBy<Pod>(rs.metadata.uid ?? '', 'Pod');
  const out: Pod[] = [];
  for (const sibling of ctx.store.listControlledBy<ReplicaSet>(owner, 'ReplicaSet'))
    out.push(...ctx.store.listControlledBy<Pod>(sibling.metadata.uid ?? '', 'Pod'));
  return out;
}

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** What this controller reads of a pod, computed once per (immutable) pod object. */
interface PodFacts {
  active: boolean;
  ready: boolean;
  /** Virtual seconds of the Ready condition's last transition (NaN when unknown). */
  readySince: number;
  phase: number;
  cost: number;
  restarts: number;
  created: number;
  /** Results of label checks against selector or template-label objects. */
  matches: WeakMap<object, boolean>;
}

const factsCache = new WeakMap<Pod, PodFacts>();

function factsOf(p: Pod): PodFacts {
  let f = factsCache.get(p);
  if (!f) {
    const ready = isPodReady(p);
    f = {
      active: isPodActive(p),
      ready,
      readySince: ready ? parseTimestamp(podReadyCondition(p)?.lastTransitionTime) : Number.NaN,
      phase: phaseOrdinal[p.status?.phase ?? 'Pending'] ?? 0,
      cost: deletionCost(p),
      restarts: maxRestarts(p),
      created: parseTimestamp(p.metadata.creationTimestamp),
      matches: new WeakMap(),
    };
    factsCache.set(p, f);
  }
  return f;
}

/** Does the pod carry every label of `labels` (a selector's matchLabels or a template's labels)? */
function hasLabels(p: Pod, labels: Record<string, string>): boolean {
  const f = factsOf(p);
  let m = f.matches.get(labels);
  if (m === undefined) {
    m = true;
    for (const k in labels) if (p.metadata.labels?.[k] !== labels[k]) m = false;
    f.matches.set(labels, m);
  }
  return m;
}

function selects(rs: ReplicaSet, p: Pod): boolean {
  const sel = rs.spec.selector;
  // matchLabels-only selectors (all the controller writes) use the cached check.
  if (sel.matchLabels && !(sel.matchExpressions && sel.matchExpressions.length))
    return hasLabels(p, sel.matchLabels);
  return selectorMatches(sel, p.metadata.labels);
}

/**
 * getPodsToDelete: all of them when diff covers every pod; otherwise ranked by
 * ActivePodsWithRanks.Less: unscheduled, Pending < Unknown < Running, not ready, lower deletion
 * cost, more pods of the same owner on the node, Ready for less time (log2 buckets), more
 * restarts, newer (log2 buckets).
 */
export function getPodsToDelete(pods: Pod[], related: Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const podsOnNode = new Map<string, number>();
  for (const p of related)
    if (isPodActive(p))
      podsOnNode.set(p.spec.nodeName ?? '', (podsOnNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => (activePodLess(a, b, now) ? -1 : activePodLess(b, a, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}

interface Ranked {
  pod: Pod;
  rank: number;
}

export function activePodLess(a: Ranked, b: Ranked, now: number): boolean {
  const pi = a.pod;
  const pj = b.pod;
  const ni = pi.spec.nodeName ?? '';
  const nj = pj.spec.nodeName ?? '';
  if (ni !== nj && (ni === '' || nj === '')) return ni === '';
  const fi = factsOf(pi);
  const fj = factsOf(pj);
  if (fi.phase !== fj.phase) return fi.phase < fj.phase;
  if (fi.ready !== fj.ready) return !fi.ready;
  if (fi.cost !== fj.cost) return fi.cost < fj.cost;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (fi.ready && fj.ready) {
    const ti = fi.readySince;
    const tj = fj.readySince;
    if (ti !== tj && !(Number.isNaN(ti) && Number.isNaN(tj))) {
      if (Number.isNaN(ti) || Number.isNaN(tj)) return afterOrZero(ti, tj);
      const diff = logarithmicRankDiff(ti, tj, now);
      if (diff === 0) return (pi.metadata.uid ?? '') < (pj.metadata.uid ?? '');
      return diff < 0;
    }
  }
  if (fi.restarts !== fj.restarts) return fi.restarts > fj.restarts;
  if (fi.created !== fj.created) {
    const diff = logarithmicRankDiff(fi.created, fj.created, now);
    if (diff === 0) return (pi.metadata.uid ?? '') < (pj.metadata.uid ?? '');
    return diff < 0;
  }
  return false;
}

/** afterOrZero: a zero (unknown) time counts as the youngest. */
function afterOrZero(t1: number, t2: number): boolean {
  if (Number.isNaN(t1) || Number.isNaN(t2)) return Number.isNaN(t1);
  return t1 > t2;
}

/** floor(log2(age in nanoseconds)) of each, compared: pods in the same bucket are "equally old". */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const d1 = (now - t1) * 1e9;
  const d2 = (now - t2) * 1e9;
  const r1 = d1 > 0 ? Math.floor(Math.log2(d1)) : -1;
  const r2 = d2 > 0 ? Math.floor(Math.log2(d2)) : -1;
  return r1 - r2;
}

function deletionCost(p: Pod): number {
  const v = p.metadata.annotations?.[PodDeletionCostAnnotation];
  if (v === undefined || !/^-?[0-9]+$/.test(v)) return 0;
  return Number(v);
}

function maxRestarts(p: Pod): number {
  let m = 0;
  for (const c of p.status?.containerStatuses ?? []) m = Math.max(m, c.restartCount);
  return m;
}

/** calculateStatus: counts over the active pods the sync saw. */
export function calculateStatus(
  rs: ReplicaSet,
  pods: Pod[],
  now: number,
  failure?: { reason: string; message: string },
): ReplicaSetStatus {
  const templateLabels = rs.spec.template.metadata?.labels ?? {};
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  const minReady = rs.spec.minReadySeconds ?? 0;
  for (const p of pods) {
    if (hasLabels(p, templateLabels)) fullyLabeled++;
    const f = factsOf(p);
    if (f.ready) {
      ready++;
      // IsPodAvailable: Ready for longer than minReadySeconds.
      if (minReady === 0 || f.readySince + minReady < now) available++;
    }
  }
  // apps/v1 ReplicaSetStatus: replicas always, the other counts omitempty.
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  // ReplicaFailure: set when creating or deleting failed (kept while it lasts), removed after a clean sync.
  let conditions = (rs.status?.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure' || failure);
  if (failure && !conditions.some((c) => c.type === 'ReplicaFailure'))
    conditions = [
      ...conditions,
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: timestamp(now),
        reason: failure.reason,
        message: failure.message,
      },
    ];
  if (conditions.length) status.conditions = conditions;
  return status;
}
