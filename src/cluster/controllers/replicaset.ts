/**
 * Port of pkg/controller/replicaset/replica_set.go and the pod ranking of
 * pkg/controller/controller_utils.go: keep spec.replicas active pods, create missing ones in
 * slow-start batches (at most 500 a sync), delete surplus ones in upstream's order, report status.
 */
import { BudgetError } from '../errors.ts';
import { deepCopy, deepEqual, deepFreeze } from '../../k8s/copy.ts';
import { selectorMatches } from '../../k8s/labels.ts';
import { parseTimestamp, timestamp } from '../../k8s/time.ts';
import type { LabelSelector, Pod, ReplicaSet, ReplicaSetStatus } from '../../k8s/types.ts';
import type { ControllerContext, InformerHandlers, StoreReader } from '../context.ts';
import { podCountChanged } from './podfacts.ts';
import { controllerUid, objectKey } from '../store.ts';
import { timSort } from '../../k8s/timsort.ts';
import { isPodActive, isPodReady, podReadyCondition } from './deployment/util.ts';
import { count } from '../words.ts';

export const COMPONENT = 'replicaset-controller';
/** burstReplicas: the most pods one sync creates or deletes. */
export const BurstReplicas = 500;
const PodDeletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';

export function syncReplicaSet(ctx: ControllerContext, key: string, counts?: ReplicaSetPods): void {
  const [namespace, name] = key.split('/') as [string, string];
  const rs = ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name);
  if (!rs) return;
  // With the informer's counts, the pods themselves are listed only when some must be deleted.
  const seen = counts ? claimCounted(ctx, rs, counts) : countPods(ctx, rs, claimPods(ctx, rs));
  const failure = rs.metadata.deletionTimestamp ? undefined : manageReplicas(ctx, seen, rs);
  // Status from the pods as the sync found them, like upstream's informer cache; the pod events
  // this sync caused bring the RS back for the next status.
  const latest = ctx.store.get<ReplicaSet>('ReplicaSet', namespace, name) ?? rs;
  const status = statusFromCounts(latest, seen.count(latest, ctx.now), ctx.now, failure);
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

/** What a sync knows of its ReplicaSet's active pods after claiming them. */
interface SeenPods {
  /** How many there are. */
  readonly size: number;
  /**
   * The `diff` pods getPodsToDelete picks among them (fewer than there are), ranked in the order
   * the sync claimed them, against the active pods per node of its Deployment's ReplicaSets.
   */
  victims(diff: number, now: number): Pod[];
  /** calculateStatus's counts, for this ReplicaSet's template labels and minReadySeconds. */
  count(rs: ReplicaSet, now: number): PodCounts;
}

/** The counts of a ReplicaSet's status. */
export interface PodCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/** The active pods as a list: the full recount over every pod (what the informer's counts equal). */
function countPods(ctx: ControllerContext, rs: ReplicaSet, claimed: Pod[]): SeenPods {
  const pods = claimed.filter((p) => factsOf(p).active);
  return {
    size: pods.length,
    victims: (diff, now) => podsToDelete(pods, activeOnNode(relatedPods(ctx, rs)), diff, now),
    count: (latest, now) => recount(latest, pods, now),
  };
}

/**
 * Claims through the informer's counts: the owned pods are walked only when some no longer match
 * (to release them) and listed only when some must be deleted; the counts are read as the sync
 * found them, after claiming and before creating or deleting.
 */
function claimCounted(ctx: ControllerContext, rs: ReplicaSet, counts: ReplicaSetPods): SeenPods {
  const entry = counts.entry(ctx.store, rs);
  if (entry.mismatched > 0) claimPods(ctx, rs);
  else adoptOrphans(ctx, rs, []);
  counts.catchUp(ctx.store, entry);
  return new CountedPods(ctx, rs, counts, entry, entry.counts(ctx.now));
}

/** The pods a sync claimed through the informer's counts (the entry changes only as it catches up). */
class CountedPods implements SeenPods {
  constructor(
    private readonly ctx: ControllerContext,
    private readonly rs: ReplicaSet,
    private readonly counts: ReplicaSetPods,
    private readonly entry: Entry,
    private readonly found: PodCounts,
  ) {}

  get size(): number {
    return this.found.replicas;
  }

  /** In the order the claim leaves them: the entry's table keeps the owner index's order. */
  victims(diff: number, now: number): Pod[] {
    return firstToDelete(this.entry.table, () => this.counts.podsOnNode(this.ctx.store, this.rs), diff, now);
  }

  /**
   * The counts are for the ReplicaSet the sync started with; should the ReplicaSet have changed
   * what they depend on by the time its status is written, count the claimed pods again.
   */
  count(latest: ReplicaSet, now: number): PodCounts {
    if (sameBasis(this.entry.basis, latest)) return this.found;
    const claimed: Pod[] = [];
    for (const slot of this.entry.pods.values())
      if (selects(this.rs, slot.pod) && factsOf(slot.pod).active) claimed.push(slot.pod);
    return recount(latest, claimed, now);
  }
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
  adoptOrphans(ctx, rs, out);
  return out;
}

/** Adopts the active orphans this ReplicaSet's selector matches, appending them to `out`. */
function adoptOrphans(ctx: ControllerContext, rs: ReplicaSet, out: Pod[]): void {
  if (rs.metadata.deletionTimestamp) return;
  const uid = rs.metadata.uid ?? '';
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
}

/** Creates or deletes pods; returns the failure, if any, for the ReplicaFailure condition. */
function manageReplicas(
  ctx: ControllerContext,
  pods: SeenPods,
  rs: ReplicaSet,
): { reason: string; message: string } | undefined {
  const want = rs.spec.replicas ?? 0;
  let diff = pods.size - want;
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
      message: `ReplicaSet ${rs.metadata.name} wants ${count(want, 'pod')} and has ${pods.size}, so it creates ${diff}.`,
      values: { want, have: pods.size, create: diff },
    });
  } else if (diff > 0) {
    diff = Math.min(diff, BurstReplicas);
    const victims = pods.victims(diff, ctx.now);
    for (const p of victims) {
      ctx.delete('Pod', p.metadata.namespace, p.metadata.name);
      ctx.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, COMPONENT);
    }
    ctx.decide({
      controller: COMPONENT,
      object: { kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? 'default', name: rs.metadata.name },
      code: 'replicaset.delete',
      message: `ReplicaSet ${rs.metadata.name} wants ${count(want, 'pod')} and has ${pods.size}, so it deletes ${diff}, not-ready and newest first: ${victims.map((p) => p.metadata.name).join(', ')}.`,
      values: {
        want,
        have: pods.size,
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
    spec: podSpecOf(t.spec),
    status: { phase: 'Pending' },
  };
  ctx.create(pod);
  ctx.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, COMPONENT);
}

/**
 * The pod spec a template gives: its deep copy, made once per (immutable) template and shared by
 * the pods created from it, which never change it in place (a write makes a new object).
 */
const podSpecs = new WeakMap<ReplicaSet['spec']['template']['spec'], Pod['spec']>();

function podSpecOf(template: ReplicaSet['spec']['template']['spec']): Pod['spec'] {
  let spec = podSpecs.get(template);
  if (!spec) {
    spec = deepFreeze(deepCopy(template) as Pod['spec']);
    podSpecs.set(template, spec);
  }
  return spec;
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
  /** The uid's first eight hex digits as a number, NaN when it does not start with them. */
  uidHead: number;
  uid: string;
  node: string;
  /** Less's first three rules as one number: unscheduled (0) or not, phase, Ready. */
  group: number;
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
      uidHead: /^[0-9a-f]{8}/.test(p.metadata.uid ?? '') ? parseInt(p.metadata.uid!.slice(0, 8), 16) : NaN,
      uid: p.metadata.uid ?? '',
      node: p.spec.nodeName ?? '',
      group: 0,
      matches: new WeakMap(),
    };
    f.group = (f.node === '' ? 0 : 6) + f.phase * 2 + (f.ready ? 1 : 0);
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
  return podsToDelete(pods, activeOnNode(related), diff, now);
}

/** How many of `pods` are active on each node ('' for none). */
function activeOnNode(pods: Pod[]): Map<string, number> {
  const podsOnNode = new Map<string, number>();
  for (const p of pods)
    if (isPodActive(p))
      podsOnNode.set(p.spec.nodeName ?? '', (podsOnNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  return podsOnNode;
}

function podsToDelete(pods: Pod[], podsOnNode: Map<string, number>, diff: number, now: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const table = new RankTable();
  for (const p of pods) table.add(p, factsOf(p));
  return firstToDelete(table, () => podsOnNode, diff, now);
}

/**
 * The first `diff` pods of `table` in deletion order: all of them, in the table's order, when
 * `diff` covers every pod (getPodsToDelete sorts only when some stay); else ranked against the
 * active pods per node (asked for only then).
 */
function firstToDelete(
  table: RankTable,
  podsOnNode: () => Map<string, number>,
  diff: number,
  now: number,
): Pod[] {
  let order = table.slots();
  if (diff < order.length) order = rankOrder(table, order, podsOnNode(), now);
  const out: Pod[] = [];
  for (let i = 0; i < diff && i < order.length; i++) out.push(table.pods[order[i]!]!);
  return out;
}

/** Node names as small numbers, for a ranking to index its pods-per-node counts by. */
const nodeIds = new Map<string, number>();

function nodeId(name: string): number {
  let id = nodeIds.get(name);
  if (id === undefined) nodeIds.set(name, (id = nodeIds.size));
  return id;
}

/**
 * What a ranking compares of each pod that does not change while the pod does not (its facts),
 * by slot: a ReplicaSet's entry keeps one for the pods it counts, a slot per pod version in the
 * order of the owner index (a pod written again moves to a new slot at the end, as it moves to
 * the end of the index). A scale-down of one pod among thousands, repeated as a rollout goes,
 * then reads these instead of going over every pod's facts again.
 */
class RankTable {
  readonly group: number[] = [];
  readonly cost: number[] = [];
  readonly readySince: number[] = [];
  readonly restarts: number[] = [];
  readonly created: number[] = [];
  /** The uid's first eight hex digits as a number (NaN for other uids): most uid comparisons. */
  readonly uidHead: number[] = [];
  readonly node: number[] = [];
  readonly uids: string[] = [];
  /** The pod of each slot, undefined once it left. */
  readonly pods: (Pod | undefined)[] = [];
  /** How many slots are in use. */
  size = 0;
  /** Slots in use whose pod has a deletion cost other than 0. */
  costed = 0;

  add(p: Pod, f: PodFacts): number {
    this.group.push(f.group);
    this.cost.push(f.cost);
    if (f.cost !== 0) this.costed++;
    this.readySince.push(f.readySince);
    this.restarts.push(f.restarts);
    this.created.push(f.created);
    this.uidHead.push(f.uidHead);
    this.node.push(nodeId(f.node));
    this.uids.push(f.uid);
    this.size++;
    return this.pods.push(p) - 1;
  }

  remove(i: number): void {
    this.size--;
    if (this.cost[i] !== 0) this.costed--;
    this.pods[i] = undefined;
    this.uids[i] = '';
  }

  /** The slots in use, ascending: the pods in the owner index's order. */
  slots(): number[] {
    const out: number[] = [];
    const pods = this.pods;
    for (let i = 0; i < pods.length; i++) if (pods[i] !== undefined) out.push(i);
    return out;
  }

  /** Whether many slots are free (see Entry.compact). */
  sparse(): boolean {
    return this.pods.length > 2 * this.size + 16;
  }
}

/**
 * `order` (slots of `table`, in the order the pods were listed) sorted by ActivePodsWithRanks.Less:
 * deletion order first. `order` is sorted in place.
 *
 * The keys that depend on the moment (the rank on the node and the two age buckets) are computed
 * once per slot into arrays, and `compare(i, j)` is `activePodLess(i, j) ? -1 : activePodLess(j,
 * i) ? 1 : 0` in one pass (each rule of Less is antisymmetric, so it decides both directions at
 * once). The sort asks the questions Array.prototype.sort asks (timSort): Less is not a strict
 * weak ordering (see timsort.ts), so both matter for which pods go.
 */
function rankOrder(
  table: RankTable,
  order: number[],
  podsOnNode: Map<string, number>,
  now: number,
): number[] {
  // The arrays are shared by every ranking (one at a time): a scale-down of thousands of pods,
  // repeated as a rollout goes, would otherwise allocate and zero them each time.
  const s =
    scratch.length >= table.pods.length
      ? scratch
      : (scratch = new RankingArrays(Math.max(table.pods.length, 2 * scratch.length)));
  for (const name of podsOnNode.keys()) nodeId(name);
  if (s.rank.length < nodeIds.size) s.rank = new Int32Array(Math.max(2 * nodeIds.size, 64));
  const rank = s.rank;
  rank.fill(0);
  for (const [name, n] of podsOnNode) rank[nodeId(name)] = n;
  const { head, readyBucket, createdBucket } = s;
  const { group, cost, readySince, created, node } = table;
  const costPlace = table.costed > 0 ? costPlaces(order.map((i) => cost[i]!)) : undefined;
  // Timestamps have whole seconds, and pods listed together mostly share them: a bucket is
  // computed again only when the time differs from the last one's.
  let readyT = Number.NaN;
  let readyB = logarithmicBucket(readyT, now);
  let createdT = Number.NaN;
  let createdB = readyB;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    // Less's first five rules as one number: unscheduled, phase and Ready (the group), then the
    // deletion cost's place among the costs present, then the pods on the node, most first.
    const place = costPlace ? (costPlace.get(cost[i]!) ?? 0) : 0;
    head[i] = (group[i]! * PLACES + place) * PLACES + (PLACES - 1 - rank[node[i]!]!);
    const r = readySince[i]!;
    if (!Object.is(r, readyT)) {
      readyT = r;
      readyB = logarithmicBucket(r, now);
    }
    readyBucket[i] = readyB;
    const c = created[i]!;
    if (!Object.is(c, createdT)) {
      createdT = c;
      createdB = logarithmicBucket(c, now);
    }
    createdBucket[i] = createdB;
  }
  const { restarts, uidHead, uids } = table;
  const uidOrder = (i: number, j: number): number => {
    const hi = uidHead[i]!;
    const hj = uidHead[j]!;
    // Eight lowercase hex digits order as the numbers they spell.
    if (hi !== hj && !Number.isNaN(hi) && !Number.isNaN(hj)) return hi < hj ? -1 : 1;
    const a = uids[i]!;
    const b = uids[j]!;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  return timSort(order, (i, j) => {
    const hi = head[i]!;
    const hj = head[j]!;
    if (hi !== hj) return hi < hj ? -1 : 1;
    if ((group[i]! & 1) === 1) {
      // Both Ready: Ready for less time first, by log2 buckets, then uid.
      const ti = readySince[i]!;
      const tj = readySince[j]!;
      if (ti !== tj && !(Number.isNaN(ti) && Number.isNaN(tj))) {
        if (Number.isNaN(ti) || Number.isNaN(tj)) return Number.isNaN(ti) ? -1 : 1;
        const d = readyBucket[i]! - readyBucket[j]!;
        if (d === 0) return uidOrder(i, j);
        return d < 0 ? -1 : 1;
      }
    }
    const si = restarts[i]!;
    const sj = restarts[j]!;
    if (si !== sj) return si > sj ? -1 : 1;
    if (created[i] !== created[j]) {
      const d = createdBucket[i]! - createdBucket[j]!;
      if (d === 0) return uidOrder(i, j);
      return d < 0 ? -1 : 1;
    }
    return 0;
  });
}

/** The keys of a ranking that depend on the moment, by slot, and the pods per node by node id. */
class RankingArrays {
  readonly head: Float64Array;
  readonly readyBucket: Int32Array;
  readonly createdBucket: Int32Array;
  rank = new Int32Array(64);

  constructor(readonly length: number) {
    this.head = new Float64Array(length);
    this.readyBucket = new Int32Array(length);
    this.createdBucket = new Int32Array(length);
  }
}

let scratch = new RankingArrays(64);

/** A Ranking's head packs three numbers below this (pods per node and distinct costs are fewer). */
const PLACES = 2 ** 20;

/** Each deletion cost's place among `all`, lowest first; undefined when all are 0. */
function costPlaces(all: readonly number[]): Map<number, number> | undefined {
  let costs: Set<number> | undefined;
  for (const c of all) if (c !== 0) (costs ??= new Set([0])).add(c);
  if (!costs) return undefined;
  return new Map([...costs].sort((a, b) => a - b).map((c, i) => [c, i]));
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
  return logarithmicBucket(t1, now) - logarithmicBucket(t2, now);
}

/** floor(log2(age in nanoseconds)), −1 for no age (or an unknown time). */
function logarithmicBucket(t: number, now: number): number {
  const d = (now - t) * 1e9;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
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
  return statusFromCounts(rs, recount(rs, pods, now), now, failure);
}

/** The status counts over a list of active pods, one by one. */
export function recount(rs: ReplicaSet, pods: Pod[], now: number): PodCounts {
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
  return { replicas: pods.length, fullyLabeled, ready, available };
}

function statusFromCounts(
  rs: ReplicaSet,
  counts: PodCounts,
  now: number,
  failure?: { reason: string; message: string },
): ReplicaSetStatus {
  const { fullyLabeled, ready, available } = counts;
  // apps/v1 ReplicaSetStatus: replicas always, the other counts omitempty.
  const status: ReplicaSetStatus = { replicas: counts.replicas };
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

// ---------------------------------------------------------------------------------------------
// The informer's counts

/** What the counts of one ReplicaSet depend on besides its pods. */
interface Basis {
  rs: ReplicaSet;
  selector: LabelSelector;
  templateLabels: Record<string, string>;
  minReady: number;
}

function basisOf(rs: ReplicaSet): Basis {
  return {
    rs,
    selector: rs.spec.selector,
    templateLabels: rs.spec.template.metadata?.labels ?? {},
    minReady: rs.spec.minReadySeconds ?? 0,
  };
}

function sameBasis(b: Basis, rs: ReplicaSet): boolean {
  if (b.rs === rs) return true;
  const labels = rs.spec.template.metadata?.labels ?? {};
  return (
    b.minReady === (rs.spec.minReadySeconds ?? 0) &&
    (b.selector === rs.spec.selector || deepEqual(b.selector, rs.spec.selector)) &&
    (b.templateLabels === labels || deepEqual(b.templateLabels, labels))
  );
}

/** The pods one ReplicaSet controls, counted as `recount` counts the active ones that match. */
/** A controlled pod as counted, and whether it counts (active and matching). */
interface Slot {
  pod: Pod;
  counted: boolean;
  /** Its slot in the entry's table while counted. */
  index: number;
}

class Entry {
  /**
   * The pods the ReplicaSet controls by store key, in the order of the store's owner index (the
   * last written last): a deletion ranks them in that order.
   */
  readonly pods = new Map<string, Slot>();
  /** Keys of pods written since they were counted, the last written last. */
  readonly dirty = new Set<string>();
  /** The instant at which many waiting pods were last recounted (see onPodChange). */
  caughtUpAt = Number.NEGATIVE_INFINITY;
  /** Active pods per node among all it controls, matching or not (ranking's related pods). */
  readonly activeOnNode = new Map<string, number>();
  replicas = 0;
  fullyLabeled = 0;
  ready = 0;
  /** Controlled pods whose labels no longer match the selector: a claim releases them. */
  mismatched = 0;
  /** With minReadySeconds: when each counted Ready pod became Ready, ascending (NaN left out). */
  readonly readySince: number[] = [];
  /** What a scale-down ranks of the counted pods, in the order of `pods`. */
  table = new RankTable();

  constructor(public basis: Basis) {}

  /** Puts a pod in (at the end of `pods`, as the owner index has it) and counts it. */
  insert(key: string, p: Pod): void {
    const counted = this.add(p, 1);
    this.pods.set(key, { pod: p, counted, index: counted ? this.table.add(p, factsOf(p)) : -1 });
  }

  /** Takes a pod out and counts it out. */
  remove(key: string, slot: Slot): void {
    this.add(slot.pod, -1);
    this.pods.delete(key);
    if (slot.counted) this.table.remove(slot.index);
  }

  /** A table with the free slots left behind by pods gone (the same order: `pods`'s). */
  compact(): void {
    if (!this.table.sparse()) return;
    const table = new RankTable();
    for (const slot of this.pods.values())
      if (slot.counted) slot.index = table.add(slot.pod, factsOf(slot.pod));
    this.table = table;
  }

  /** Counts a pod in (1) or out (−1); returns whether it counts. */
  add(p: Pod, sign: 1 | -1): boolean {
    const b = this.basis;
    const f = factsOf(p);
    if (f.active) {
      const node = p.spec.nodeName ?? '';
      const n = (this.activeOnNode.get(node) ?? 0) + sign;
      if (n === 0) this.activeOnNode.delete(node);
      else this.activeOnNode.set(node, n);
    }
    if (!selects(b.rs, p)) {
      this.mismatched += sign;
      return false;
    }
    if (!f.active) return false;
    this.replicas += sign;
    if (hasLabels(p, b.templateLabels)) this.fullyLabeled += sign;
    if (!f.ready) return true;
    this.ready += sign;
    if (b.minReady === 0 || Number.isNaN(f.readySince)) return true;
    const list = this.readySince;
    const i = lowerBound(list, f.readySince);
    if (sign > 0) list.splice(i, 0, f.readySince);
    else list.splice(i, 1);
    return true;
  }

  counts(now: number): PodCounts {
    const minReady = this.basis.minReady;
    let available = this.ready;
    if (minReady > 0) {
      // Ready pods whose readySince + minReady < now: a prefix of the ascending list (the sum is
      // monotonic in readySince, so the same floating-point test as recount's decides the cut).
      const list = this.readySince;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]! + minReady < now) lo = mid + 1;
        else hi = mid;
      }
      available = lo;
    }
    return { replicas: this.replicas, fullyLabeled: this.fullyLabeled, ready: this.ready, available };
  }
}

function lowerBound(list: number[], v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The informer's view of each ReplicaSet's pods (upstream's shared informer cache and the
 * expectations it feeds): per ReplicaSet uid, how many active pods match, how many carry the
 * template's labels, how many are Ready and since when. Kept up to date from pod changes; a sync
 * reads the counts instead of going over every pod, and the status it writes is the one `recount`
 * gives over the same pods.
 */
/** The most pods an entry leaves to recount on the next sync (see onPodChange). */
const MAX_DIRTY = 256;

export class ReplicaSetPods {
  private entries = new Map<string, Entry>();

  /**
   * A pod was written or deleted (at virtual time `now`): the ReplicaSets that control it (before
   * and after) recount it. Until then the entry keeps the pod as counted, so once many are
   * waiting they are recounted (what the next sync would do first: counts are sums, and the order
   * is that of the last writes either way), at most once an instant, or a ReplicaSet that does
   * not sync again keeps thousands of old pods.
   */
  onPodChange(
    store: StoreReader,
    now: number,
    key: string,
    old: Pod | undefined,
    pod: Pod | undefined,
  ): void {
    for (const p of [old, pod]) {
      const uid = p && controllerUid(p);
      const e = uid !== undefined ? this.entries.get(uid) : undefined;
      if (e) {
        e.dirty.delete(key);
        e.dirty.add(key);
        if (e.dirty.size > MAX_DIRTY && e.caughtUpAt < now) {
          e.caughtUpAt = now;
          this.catchUp(store, e);
        }
      }
    }
  }

  /** A ReplicaSet was deleted: its counts go. */
  onReplicaSetDeleted(uid: string | undefined): void {
    if (uid !== undefined) this.entries.delete(uid);
  }

  /** Forget everything (after a restore): each ReplicaSet is counted afresh on its next sync. */
  reset(): void {
    this.entries = new Map();
  }

  /** The up-to-date entry of a ReplicaSet, counted afresh when what it depends on changed. */
  entry(store: StoreReader, rs: ReplicaSet): Entry {
    const uid = rs.metadata.uid ?? '';
    let e = this.entries.get(uid);
    if (e && !sameBasis(e.basis, rs)) e = undefined;
    if (!e) {
      e = new Entry(basisOf(rs));
      for (const p of store.listControlledBy<Pod>(uid, 'Pod'))
        e.insert(objectKey(p.metadata.namespace, p.metadata.name), p);
      this.entries.set(uid, e);
      return e;
    }
    this.catchUp(store, e);
    return e;
  }

  /** Recounts the pods that changed since they were counted. */
  catchUp(store: StoreReader, e: Entry): void {
    if (e.dirty.size === 0) return;
    const uid = e.basis.rs.metadata.uid ?? '';
    // In the order they were last written, each to the end, as the owner index moves them.
    for (const key of e.dirty) {
      const before = e.pods.get(key);
      const now = store.getByKey<Pod>('Pod', key);
      const after = now && controllerUid(now) === uid ? now : undefined;
      if (before) e.remove(key, before);
      if (after) e.insert(key, after);
    }
    e.dirty.clear();
    e.compact();
  }

  /** Active pods per node among the pods of the ReplicaSet's Deployment's ReplicaSets. */
  podsOnNode(store: StoreReader, rs: ReplicaSet): Map<string, number> {
    const owner = controllerUid(rs);
    const siblings = owner ? store.listControlledBy<ReplicaSet>(owner, 'ReplicaSet') : [rs];
    if (siblings.length === 1) return this.entry(store, siblings[0]!).activeOnNode;
    const sum = new Map<string, number>();
    for (const sibling of siblings)
      for (const [node, n] of this.entry(store, sibling).activeOnNode)
        sum.set(node, (sum.get(node) ?? 0) + n);
    return sum;
  }

  /** The counts as `recount` would give them now, for a ReplicaSet synced before (tests compare). */
  peek(store: StoreReader, rs: ReplicaSet, now: number): PodCounts {
    const e = this.entry(store, rs);
    return e.counts(now);
  }
}

/**
 * The ReplicaSet controller's informers: a ReplicaSet's own changes; a change of a pod it
 * controls that changes what it counts (and, with minReadySeconds, the moment a newly ready pod
 * becomes available); an orphan pod its selector matches (to adopt it).
 */
export function replicaSetInformers(pods: ReplicaSetPods): InformerHandlers {
  return {
    ReplicaSet: (c, key, ctx) => {
      if (c.type === 'deleted') pods.onReplicaSetDeleted(c.obj.metadata.uid);
      ctx.enqueue('replicaset', key);
    },
    Pod: (c, key, ctx) => {
      const pod = c.obj as Pod;
      const old = c.old as Pod | undefined;
      const ns = pod.metadata.namespace ?? 'default';
      pods.onPodChange(ctx.store, ctx.now, key, old, c.type === 'deleted' ? undefined : pod);
      const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
      if (ref) {
        if (podCountChanged(c)) ctx.enqueue('replicaset', objectKey(ns, ref.name));
        const rs = ctx.store.get<ReplicaSet>('ReplicaSet', ns, ref.name);
        const minReady = rs?.spec.minReadySeconds ?? 0;
        if (rs && minReady > 0 && old && !isPodReady(old) && isPodReady(pod))
          ctx.enqueueAfter('replicaset', objectKey(ns, ref.name), minReady + 1);
      } else if (c.type !== 'deleted') {
        for (const rs of ctx.store.list<ReplicaSet>('ReplicaSet', ns))
          if (selectorMatches(rs.spec.selector, pod.metadata.labels))
            ctx.enqueue('replicaset', objectKey(ns, rs.metadata.name));
      }
    },
  };
}
