/**
 * The simulated world below the controllers: the scheduler binds pods to nodes (here), the
 * kubelet runs them (kubelet.ts) and clients send traffic (traffic.ts). All of their state lives in
 * `WorldState`, so snapshots capture it.
 */
import { parseQuantity } from '../k8s/quantity.ts';
import type { NodeObject, Pod, PodCondition } from '../k8s/types.ts';
import type { AppBehaviour } from './apps.ts';
import { hasCondition, setPodCondition, upsertCondition, type KubeletWorld } from './kubelet.ts';
import { copyTrafficState, newTrafficState, type TrafficState } from './traffic.ts';
import type { ControllerContext, InformerHandlers } from './context.ts';
import { controllerUid } from './store.ts';
import { isPodActive } from './controllers/deployment/util.ts';
import { TAINT_UNSCHEDULABLE, tolerates } from './controllers/nodelifecycle.ts';

export interface WorldState extends KubeletWorld {
  /** Pods the scheduler could not place yet. */
  unschedulable: Set<string>;
  traffic: TrafficState;
}

export function newWorldState(apps: Record<string, Partial<AppBehaviour>> = {}): WorldState {
  return {
    pods: new Map(),
    nodeImages: new Map(),
    nextIp: new Map(),
    apps,
    downNodes: new Map(),
    unschedulable: new Set(),
    traffic: newTrafficState(),
  };
}

/** A deep copy: the kubelet mutates its per-pod runtime records in place. */
export function copyWorldState(w: WorldState): WorldState {
  return {
    pods: new Map(
      [...w.pods].map(([k, v]) => [k, { ...v, ...(v.lastState ? { lastState: { ...v.lastState } } : {}) }]),
    ),
    nodeImages: new Map(w.nodeImages),
    nextIp: new Map(w.nextIp),
    apps: w.apps,
    downNodes: new Map(w.downNodes),
    unschedulable: new Set(w.unschedulable),
    traffic: copyTrafficState(w.traffic),
  };
}

// ---------------------------------------------------------------------------------------------
// Scheduler

/** A pod's requests, per (frozen) containers list: the pods of one template share theirs, bound or not. */
const requestsBySpec = new WeakMap<Pod['spec']['containers'], { cpu: number; memory: number }>();

function podRequests(p: Pod): { cpu: number; memory: number } {
  let r = requestsBySpec.get(p.spec.containers);
  if (!r) {
    let cpu = 0;
    let memory = 0;
    for (const c of p.spec.containers) {
      cpu += parseQuantity(c.resources?.requests?.cpu) || 0;
      memory += parseQuantity(c.resources?.requests?.memory) || 0;
    }
    r = { cpu, memory };
    requestsBySpec.set(p.spec.containers, r);
  }
  return r;
}

interface NodeUsage {
  cpu: number;
  memory: number;
  pods: number;
  /** Active pods per controller uid: replicas of one owner are spread across nodes. */
  byOwner: Map<string, number>;
}

function nodeUsage(ctx: ControllerContext, nodes: NodeObject[]): Map<string, NodeUsage> {
  const usage = new Map<string, NodeUsage>();
  for (const n of nodes) usage.set(n.metadata.name, { cpu: 0, memory: 0, pods: 0, byOwner: new Map() });
  for (const p of ctx.store.values<Pod>('Pod')) {
    const u = holdsRoom(p) ? usage.get(p.spec.nodeName!) : undefined;
    if (!u) continue;
    const r = podRequests(p);
    u.cpu += r.cpu;
    u.memory += r.memory;
    u.pods++;
    const owner = controllerUid(p);
    if (owner && isPodActive(p)) u.byOwner.set(owner, (u.byOwner.get(owner) ?? 0) + 1);
  }
  return usage;
}

/**
 * Requests whose sums are exact in floating point whatever the order they are added in: multiples
 * of 2^-20 cores below 4096 cores, whole bytes below 128 GiB (20,000 of them still sum exactly).
 * Sums of other values (`100m` is 0.1) depend on the order of the additions.
 */
function exactRequests(r: { cpu: number; memory: number }): boolean {
  return (
    Number.isInteger(r.cpu * 2 ** 20) &&
    Math.abs(r.cpu) < 2 ** 12 &&
    Number.isInteger(r.memory) &&
    Math.abs(r.memory) < 2 ** 37
  );
}

/**
 * The scheduler's cache (upstream's scheduler cache of node info): what the pods on each node
 * request, kept up to date from pod changes, so a batch does not go over every pod. It gives
 * exactly what `nodeUsage` counts; while some pod's requests are not exact binary fractions the
 * sums would depend on the order of the additions, and each batch counts over every pod instead.
 */
export class NodeUsageCache {
  private usage = new Map<string, NodeUsage>();
  /**
   * Some pod counted since the last recount had requests that are not exact: the sums may carry
   * rounding, even after that pod is gone, so the next batch counts afresh.
   */
  private inexact = false;
  /** False until counted from the store (after a restore, at the next batch). */
  private valid = false;
  /** The pods waiting for a node, as the scheduler last left them. */
  readonly waiting = new WaitingPods();

  onPodChange(old: Pod | undefined, pod: Pod | undefined): void {
    if (!this.valid) return;
    if (old) this.count(old, -1);
    if (pod) this.count(pod, 1);
  }

  reset(): void {
    this.valid = false;
    this.waiting.clear();
  }

  private count(p: Pod, sign: 1 | -1): void {
    if (!holdsRoom(p)) return;
    const node = p.spec.nodeName!;
    const r = podRequests(p);
    if (!exactRequests(r)) this.inexact = true;
    let u = this.usage.get(node);
    if (!u) {
      u = { cpu: 0, memory: 0, pods: 0, byOwner: new Map() };
      cacheRecords.add(u);
      this.usage.set(node, u);
    }
    u.cpu += sign * r.cpu;
    u.memory += sign * r.memory;
    u.pods += sign;
    const owner = controllerUid(p);
    if (owner && isPodActive(p)) {
      const n = (u.byOwner.get(owner) ?? 0) + sign;
      if (n === 0) u.byOwner.delete(owner);
      else u.byOwner.set(owner, n);
    }
  }

  /** A batch's own copy of the nodes' usage, as `nodeUsage` would count it now. */
  usageOf(ctx: ControllerContext, nodes: NodeObject[]): Map<string, NodeUsage> {
    if (!this.valid || this.inexact) {
      this.usage = new Map();
      this.inexact = false;
      for (const p of ctx.store.values<Pod>('Pod')) this.count(p, 1);
      this.valid = true;
    }
    if (this.inexact) return nodeUsage(ctx, nodes);
    // The cache's own records, copied only for a node the batch places a pod on (ownUsage): the
    // others are read, and no pod of theirs changes while the batch runs.
    const out = new Map<string, NodeUsage>();
    for (const n of nodes) out.set(n.metadata.name, this.usage.get(n.metadata.name) ?? NO_USAGE);
    return out;
  }
}

/** Records a NodeUsageCache keeps (and changes as pods change): a batch copies one before counting in it. */
const cacheRecords = new WeakSet<NodeUsage>();
const NO_USAGE: NodeUsage = { cpu: 0, memory: 0, pods: 0, byOwner: new Map() };
cacheRecords.add(NO_USAGE);

/** A batch's record of `node`, its own to change. */
function ownUsage(usage: Map<string, NodeUsage>, node: string): NodeUsage {
  let u = usage.get(node)!;
  if (cacheRecords.has(u)) {
    u = { cpu: u.cpu, memory: u.memory, pods: u.pods, byOwner: new Map(u.byOwner) };
    usage.set(node, u);
  }
  return u;
}

/** A node's allocatable resources, parsed once per (immutable) node object. */
const allocatableOf = new WeakMap<NodeObject, { cpu: number; memory: number; pods: number }>();

function allocatable(n: NodeObject): { cpu: number; memory: number; pods: number } {
  let a = allocatableOf.get(n);
  if (!a) {
    a = {
      cpu: parseQuantity(n.status.allocatable.cpu),
      memory: parseQuantity(n.status.allocatable.memory),
      pods: parseQuantity(n.status.allocatable.pods ?? '110'),
    };
    allocatableOf.set(n, a);
  }
  return a;
}

/**
 * NodeUnschedulable, then TaintToleration: a cordoned node takes no pod that does not tolerate
 * `node.kubernetes.io/unschedulable:NoSchedule`; a NoSchedule or NoExecute taint the pod does not
 * tolerate keeps it off. Returns the scheduler's reason, or undefined when the node is open.
 */
export function nodeBlocked(n: NodeObject, pod: Pod): string | undefined {
  if (!n.spec.unschedulable && !n.spec.taints?.length) return undefined;
  const tolerations = pod.spec.tolerations ?? [];
  if (
    n.spec.unschedulable &&
    !tolerations.some((t) => tolerates(t, { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' }))
  )
    return 'node(s) were unschedulable';
  for (const taint of n.spec.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule') continue;
    if (!tolerations.some((t) => tolerates(t, taint)))
      return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  return undefined;
}

/**
 * TaintToleration's score: how many of the node's PreferNoSchedule taints the pod does not
 * tolerate (with its tolerations of that effect or of any), fewer being better.
 */
function intolerablePreferNoSchedule(n: NodeObject, pod: Pod): number {
  let count = 0;
  for (const taint of n.spec.taints ?? []) {
    if (taint.effect !== 'PreferNoSchedule') continue;
    const tolerations = pod.spec.tolerations ?? [];
    if (!tolerations.some((t) => (!t.effect || t.effect === 'PreferNoSchedule') && tolerates(t, taint)))
      count++;
  }
  return count;
}

/**
 * The scheduler queue's stand-in for every pod waiting for a node: room may have appeared, so
 * each is tried again, in the order they started waiting, at the place in the queue where this
 * stands (as if each had been queued there, a key already queued staying where it is).
 */
export const RETRY_WAITING = '\u0000waiting';

/**
 * Places each pending pod on the feasible node with the fewest pods of the same owner, then the
 * lowest requested share, ties broken by the seeded generator (the default scheduler spreads
 * replicas across nodes and prefers the least allocated one). Records Scheduled or
 * FailedScheduling. Node usage is counted once per batch and kept up to date as pods are placed.
 */
export function scheduleBatch(
  ctx: ControllerContext,
  world: WorldState,
  keys: string[],
  cache: NodeUsageCache,
): void {
  const nodes = ctx.store.list<NodeObject>('Node');
  const waiting = cache.waiting;
  let usage: Map<string, NodeUsage> | undefined;
  // Why pods of given requests fit on no node, until a pod is placed (pending pods are retried
  // whenever room may have appeared, a whole ReplicaSet's worth at a time).
  const fitsNowhere = new Map<string, FitsNowhere>();

  const stopWaiting = (key: string) => {
    world.unschedulable.delete(key);
    waiting.left(key);
  };
  const handle = (key: string) => {
    const pod = ctx.store.getByKey<Pod>('Pod', key);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      stopWaiting(key);
      return;
    }
    const was = world.unschedulable.has(key);
    // Most retries find what the last one found: a pod already waiting, whose requests fit
    // nowhere in this batch, with that very message on its condition, changes nothing. The
    // cache knows it of the very pod object it last saw waiting so, without looking again.
    if (fitsNowhere.size && was) {
      const seen = waiting.get(key);
      if (seen?.pod === pod && fitsNowhere.get(seen.fit)?.message === seen.message) return;
      const fit = fitKey(pod);
      const failed = fitsNowhere.get(fit);
      if (failed && hasCondition(pod, unschedulable(failed.message))) {
        waiting.set(key, { pod, fit, message: failed.message });
        return;
      }
    }
    usage ??= cache.usageOf(ctx, nodes);
    const left = schedulePod(ctx, was, pod, nodes, usage, fitsNowhere);
    if (!left) stopWaiting(key);
    else {
      if (!was) {
        world.unschedulable.add(key);
        waiting.entered(key);
      }
      waiting.set(key, left);
    }
  };

  const before = new Set<string>();
  let retried: number | undefined;
  for (const key of keys) {
    if (key === RETRY_WAITING) {
      retried = waiting.stamp();
      for (const k of world.unschedulable) {
        // Once every waiting pod would find what it found (the usual case once the room that
        // appeared is taken), the rest of them changes nothing.
        if (waiting.allFound(world.unschedulable.size, fitsNowhere)) break;
        if (!before.has(k)) handle(k);
      }
    } else if (retried === undefined) {
      before.add(key);
      handle(key);
    } else if (!world.unschedulable.has(key) || !waiting.waitedBefore(key, retried)) handle(key);
  }
}

/** The PodScheduled condition of a pod that fits on no node. */
function unschedulable(message: string): PodCondition {
  return { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message };
}

/**
 * The nodes a pod with these requests fits on that score best, in the nodes' order; counts why
 * the others do not fit. A node's score is the PreferNoSchedule taints the pod does not tolerate
 * there (TaintToleration, the heaviest score plugin), the pod's owner's pods there, then the share
 * of cpu and memory it would use, then its pods (lower is better, in that order). One pass keeps
 * only the best so far: a rollout of thousands of pods over a hundred nodes scores every node for
 * each.
 */
function bestNodes(
  pod: Pod,
  nodes: NodeObject[],
  usage: Map<string, NodeUsage>,
  req: { cpu: number; memory: number },
  owner: string | undefined,
  reasons: Map<string, number>,
): NodeObject[] {
  let best: NodeObject[] = [];
  let bestPrefer = 0;
  let bestSpread = 0;
  let bestShare = 0;
  let bestPods = 0;
  const count = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  for (const n of nodes) {
    const u = usage.get(n.metadata.name)!;
    const cap = allocatable(n);
    // The filter plugins in upstream's order; the first that fails a node names the reason.
    const blocked = nodeBlocked(n, pod);
    if (blocked) {
      count(blocked);
      continue;
    }
    const tooMany = u.pods + 1 > cap.pods;
    const noCpu = u.cpu + req.cpu > cap.cpu + 1e-9;
    const noMemory = u.memory + req.memory > cap.memory;
    if (tooMany || noCpu || noMemory) {
      if (tooMany) count('Too many pods');
      if (noCpu) count('Insufficient cpu');
      if (noMemory) count('Insufficient memory');
      continue;
    }
    const prefer = n.spec.taints?.length ? intolerablePreferNoSchedule(n, pod) : 0;
    const spread = owner ? (u.byOwner.get(owner) ?? 0) : 0;
    const share = (u.cpu + req.cpu) / (cap.cpu || 1) + (u.memory + req.memory) / (cap.memory || 1);
    const pods = u.pods;
    // The first score that differs decides.
    const d =
      best.length === 0
        ? -1
        : prefer !== bestPrefer
          ? prefer - bestPrefer
          : spread !== bestSpread
            ? spread - bestSpread
            : share !== bestShare
              ? share - bestShare
              : pods - bestPods;
    if (d < 0) {
      best = [n];
      bestPrefer = prefer;
      bestSpread = spread;
      bestShare = share;
      bestPods = pods;
    } else if (d === 0) best.push(n);
  }
  return best;
}

/** A pod the scheduler left waiting, as stored then: while it is that object, it waits so. */
interface WaitingPod {
  pod: Pod;
  fit: string;
  message: string;
}

/**
 * The pods waiting for a node (the world's `unschedulable`), each as the scheduler last left it,
 * counted by fit key and message, so a retry can tell that every one of them would find what it
 * found without going over them; and when each started waiting. Emptied on restore: pods without
 * an entry are looked at one by one.
 */
class WaitingPods {
  private entries = new Map<string, WaitingPod>();
  private byFit = new Map<string, Map<string, number>>();
  private totals = new Map<string, number>();
  private since = new Map<string, number>();
  private seq = 0;

  get(key: string): WaitingPod | undefined {
    return this.entries.get(key);
  }

  set(key: string, w: WaitingPod): void {
    this.delete(key);
    this.entries.set(key, w);
    let messages = this.byFit.get(w.fit);
    if (!messages) this.byFit.set(w.fit, (messages = new Map()));
    messages.set(w.message, (messages.get(w.message) ?? 0) + 1);
    this.totals.set(w.fit, (this.totals.get(w.fit) ?? 0) + 1);
  }

  /** Forget what the pod was left as (it changed, or no longer waits). */
  delete(key: string): void {
    const w = this.entries.get(key);
    if (!w) return;
    this.entries.delete(key);
    const messages = this.byFit.get(w.fit)!;
    const n = messages.get(w.message)! - 1;
    if (n === 0) messages.delete(w.message);
    else messages.set(w.message, n);
    const total = this.totals.get(w.fit)! - 1;
    if (total === 0) {
      this.totals.delete(w.fit);
      this.byFit.delete(w.fit);
    } else this.totals.set(w.fit, total);
  }

  entered(key: string): void {
    this.since.set(key, this.seq++);
  }

  left(key: string): void {
    this.delete(key);
    this.since.delete(key);
  }

  /** A moment to compare when pods started waiting with. */
  stamp(): number {
    return this.seq;
  }

  /** Whether the pod was waiting already at `stamp` (any pod waiting since before a restore was). */
  waitedBefore(key: string, stamp: number): boolean {
    return (this.since.get(key) ?? -1) < stamp;
  }

  /**
   * Whether each of the `waiting` pods has an entry, whose fit key fits nowhere in this batch with
   * the very message the pod shows.
   */
  allFound(waiting: number, fitsNowhere: Map<string, FitsNowhere>): boolean {
    if (this.entries.size !== waiting) return false;
    for (const [fit, total] of this.totals) {
      const failed = fitsNowhere.get(fit);
      if (!failed || this.byFit.get(fit)!.get(failed.message) !== total) return false;
    }
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.byFit.clear();
    this.totals.clear();
    this.since.clear();
  }
}

/** Why pods of one fit key fit on no node: the reasons, and the PodScheduled message. */
interface FitsNowhere {
  detail: string;
  message: string;
  /** The nodes preemption cannot help on (a filter failed UnschedulableAndUnresolvable). */
  unresolvable: number;
}

/**
 * The preemption part of FailedScheduling: nodes a cordon or an untolerated taint keeps the pod
 * off cannot be helped by preempting anything; on the others (short of room) no pod of a lower
 * priority runs to preempt. Sorted as FitError sorts its reasons.
 */
function preemptionMessage(nodes: number, unresolvable: number): string {
  const reasons: string[] = [];
  if (unresolvable) reasons.push(`${unresolvable} Preemption is not helpful for scheduling`);
  if (nodes > unresolvable)
    reasons.push(`${nodes - unresolvable} No preemption victims found for incoming pod`);
  return `preemption: 0/${nodes} nodes are available: ${reasons.sort().join(', ')}.`;
}

const fitKeys = new WeakMap<Pod['spec'], string>();

/**
 * What decides where a pod fits: its requests, and its tolerations (taints and cordons turn pods
 * away by them), once per (immutable) spec: pending pods are tried again whenever room may have
 * appeared.
 */
function fitKey(pod: Pod): string {
  let key = fitKeys.get(pod.spec);
  if (key === undefined) {
    const req = podRequests(pod);
    key = `${req.cpu}/${req.memory}/${JSON.stringify(pod.spec.tolerations ?? [])}`;
    fitKeys.set(pod.spec, key);
  }
  return key;
}

/**
 * Places one pod, or leaves it waiting: what it was left as (FailedScheduling is recorded the first
 * time, when it was not `waiting` already). Whether it waits is the batch's to keep.
 */
function schedulePod(
  ctx: ControllerContext,
  waiting: boolean,
  pod: Pod,
  nodes: NodeObject[],
  usage: Map<string, NodeUsage>,
  fitsNowhere: Map<string, FitsNowhere>,
): WaitingPod | undefined {
  const { namespace = 'default', name } = pod.metadata;
  const req = podRequests(pod);
  const owner = controllerUid(pod);
  const requests = fitKey(pod);
  let best: NodeObject[] = [];
  let failed = fitsNowhere.get(requests);
  if (failed === undefined) {
    const reasons = new Map<string, number>();
    best = bestNodes(pod, nodes, usage, req, owner, reasons);
    if (best.length === 0) {
      const detail = [...reasons]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([r, n]) => `${n} ${r}`)
        .join(', ');
      failed = {
        detail,
        message: `0/${nodes.length} nodes are available: ${detail || 'no nodes available to schedule pods'}.`,
        unresolvable: nodes.filter((n) => nodeBlocked(n, pod) !== undefined).length,
      };
      fitsNowhere.set(requests, failed);
    }
  }
  if (failed !== undefined) {
    const { detail, message, unresolvable } = failed;
    if (!waiting) {
      ctx.event(
        pod,
        'Warning',
        'FailedScheduling',
        `${message} ${preemptionMessage(nodes.length, unresolvable)}`,
        'default-scheduler',
      );
      ctx.decide({
        controller: 'default-scheduler',
        object: { kind: 'Pod', namespace, name },
        code: 'schedule.failed',
        message: `Pod ${name} fits on no node (${detail}); it stays Pending until room appears.`,
        values: { nodes: nodes.length, cpu: req.cpu, memory: req.memory },
      });
    }
    const stored = setPodCondition(ctx, pod, unschedulable(message));
    return { pod: stored, fit: requests, message };
  }
  // A seeded draw picks among the best-scoring nodes.
  const node = best[best.length === 1 ? 0 : ctx.rand.int(best.length)]!;
  fitsNowhere.clear();
  const u = ownUsage(usage, node.metadata.name);
  u.cpu += req.cpu;
  u.memory += req.memory;
  u.pods++;
  if (owner) u.byOwner.set(owner, (u.byOwner.get(owner) ?? 0) + 1);
  const conditions = upsertCondition(
    pod.status.conditions,
    { type: 'PodScheduled', status: 'True' },
    ctx.now,
  );
  ctx.update<Pod>({
    ...pod,
    spec: { ...pod.spec, nodeName: node.metadata.name },
    status: { ...pod.status, conditions },
  });
  ctx.event(
    pod,
    'Normal',
    'Scheduled',
    `Successfully assigned ${namespace}/${name} to ${node.metadata.name}`,
    'default-scheduler',
  );
  return undefined;
}

/** Whether a pod takes room on a node: bound, and not finished (what NodeUsage counts). */
function holdsRoom(p: Pod | undefined): boolean {
  return !!p?.spec.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

/**
 * The scheduler's informers: a new unbound pod is scheduled after `timing.scheduleSeconds`; a pod
 * that gives up room on its node (deleted or finished, upstream's AssignedPodDelete and
 * AssignedPodUpdate) or a Node changing may make room, so every pod waiting for a node is tried
 * again. A pending pod that leaves frees nothing: retrying the others would find what it found.
 */
export function schedulerInformers(usage: NodeUsageCache): InformerHandlers {
  return {
    Pod: (c, key, ctx, world) => {
      const pod = c.obj as Pod;
      const old = c.old as Pod | undefined;
      const after = c.type === 'deleted' ? undefined : pod;
      usage.onPodChange(old, after);
      if (c.type === 'deleted') {
        world.unschedulable.delete(key);
        usage.waiting.left(key);
      } else if (usage.waiting.get(key)?.pod !== pod) usage.waiting.delete(key);
      if (holdsRoom(c.type === 'deleted' ? pod : old) && !holdsRoom(after)) {
        if (world.unschedulable.size) ctx.enqueue('scheduler', RETRY_WAITING);
      } else if (c.type === 'added' && !pod.spec.nodeName && !pod.metadata.deletionTimestamp)
        ctx.enqueueAfter('scheduler', key, ctx.timing.scheduleSeconds);
    },
    Node: (_c, _key, ctx, world) => {
      if (world.unschedulable.size) ctx.enqueue('scheduler', RETRY_WAITING);
    },
  };
}
