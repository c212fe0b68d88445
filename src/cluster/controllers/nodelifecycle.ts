/**
 * The node lifecycle controller (upstream pkg/controller/nodelifecycle) and the taint eviction
 * controller (pkg/controller/tainteviction), for the faults a teacher injects:
 *
 * - A node whose kubelet stops posting status (`kubectl lab node-down`) is noticed at the first
 *   monitor pass (every 5 s, `--node-monitor-period`) more than 50 s (`--node-monitor-grace-period`,
 *   the default since v1.32) after its last heartbeat: its conditions become Unknown
 *   ("Kubelet stopped posting node status."), it is tainted `node.kubernetes.io/unreachable`
 *   NoExecute and NoSchedule, and its pods are marked not Ready (so they leave the endpoints).
 * - The taint eviction controller deletes each pod on a NoExecute-tainted node once its
 *   toleration runs out: every pod carries `unreachable:NoExecute for 300s` (DefaultTolerationSeconds),
 *   so 300 s after the taint was added. The deleted pods stay Terminating while the node is away
 *   (no kubelet confirms them gone); their ReplicaSet replaces them at once on other nodes.
 * - `spec.unschedulable` (kubectl cordon) is mirrored as the taint
 *   `node.kubernetes.io/unschedulable:NoSchedule` (TaintNodesByCondition).
 * - A kubelet that comes back reports Ready again; the unreachable taints are removed.
 *
 * Worked example: node-2 goes down at t=60 s; 60 + 50 = 110, the next pass after that is at 115 s:
 * NotReady and tainted; its pods are deleted at 115 + 300 = 415 s.
 */
import { timestamp, parseTimestamp } from '../../k8s/time.ts';
import type { NodeObject, Pod, Taint } from '../../k8s/types.ts';
import type { ControllerContext, InformerHandlers } from '../context.ts';
import type { KubeletWorld } from '../kubelet.ts';
import { upsertCondition } from '../kubelet.ts';

/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_SECONDS = 5;
/** --node-monitor-grace-period (50 s since v1.32, 40 s before). */
export const NODE_MONITOR_GRACE_PERIOD_SECONDS = 50;

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

type Toleration = NonNullable<Pod['spec']['tolerations']>[number];

/** Toleration.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The moment a node's kubelet is noticed gone: the first monitor pass past the grace period. */
export function unreachableAt(downSince: number): number {
  const limit = downSince + NODE_MONITOR_GRACE_PERIOD_SECONDS;
  return (Math.floor(limit / NODE_MONITOR_PERIOD_SECONDS + 1e-9) + 1) * NODE_MONITOR_PERIOD_SECONDS;
}

const HEALTHY: Record<string, [string, string]> = {
  MemoryPressure: ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['KubeletReady', 'kubelet is posting ready status'],
};

/** The node with these taints in its spec (no `taints` at all when there are none). */
function withTaints(node: NodeObject, taints: Taint[]): NodeObject {
  const spec: NodeObject['spec'] = { ...node.spec, taints };
  if (!taints.length) delete spec.taints;
  return { ...node, spec };
}

function podsOn(ctx: ControllerContext, node: string): Pod[] {
  return [...ctx.store.values<Pod>('Pod')].filter((p) => p.spec.nodeName === node);
}

const key = (p: Pod) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;

/**
 * The prefix of the key of a pod's scheduled eviction (the taint eviction controller's timed work
 * item, `evict <namespace>/<name> <uid>`) for NoExecute taints it tolerates for a while and that
 * carry no timeAdded (`kubectl taint` sets none): the timer set when the controller first saw them
 * is the work item, so a later sync leaves the earlier deadline alone, until the work is cancelled.
 * Spaces cannot occur in pod names or uids.
 */
const EVICTION = 'evict ';

/** Taint.ToString: `key[=value]:effect`. */
const taintText = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;

export function syncNode(ctx: ControllerContext, world: KubeletWorld, name: string): void {
  if (name.startsWith(EVICTION)) {
    // A scheduled eviction came due: the pod's node decides, this key marks it as due.
    const p = ctx.store.getByKey<Pod>('Pod', name.slice(EVICTION.length).split(' ')[0]!);
    const on = p?.spec.nodeName && ctx.store.get<NodeObject>('Node', undefined, p.spec.nodeName);
    if (on) evictTaintedPods(ctx, on, name);
    return;
  }
  let node = ctx.store.get<NodeObject>('Node', undefined, name);
  if (!node) return;
  const down = world.downNodes.get(name);
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  if (down !== undefined && ready?.status !== 'Unknown') {
    const at = unreachableAt(down);
    if (ctx.now < at) ctx.enqueueAfter('nodelifecycle', name, at - ctx.now);
    else node = markUnreachable(ctx, node, down);
  } else if (down === undefined && ready?.status === 'Unknown') node = markReachable(ctx, world, node);
  node = syncUnschedulableTaint(ctx, node);
  evictTaintedPods(ctx, node);
}

function markUnreachable(ctx: ControllerContext, node: NodeObject, down: number): NodeObject {
  const name = node.metadata.name;
  const now = timestamp(ctx.now);
  const conditions = node.status.conditions.map((c) =>
    c.type in HEALTHY
      ? {
          ...c,
          status: 'Unknown',
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: now,
        }
      : c,
  );
  node = ctx.updateStatus<NodeObject>({ ...node, status: { ...node.status, conditions } });
  const taints = (node.spec.taints ?? []).filter((t) => t.key !== TAINT_UNREACHABLE);
  taints.push(
    { key: TAINT_UNREACHABLE, effect: 'NoExecute', timeAdded: now },
    { key: TAINT_UNREACHABLE, effect: 'NoSchedule', timeAdded: now },
  );
  node = ctx.update(withTaints(node, taints));
  ctx.event(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, 'node-controller');
  // MarkPodsNotReady: the node's pods are no longer Ready (their kubelet cannot say otherwise).
  for (const p of podsOn(ctx, name)) {
    const cond = p.status.conditions?.find((c) => c.type === 'Ready');
    if (!cond || cond.status === 'False') continue;
    ctx.updateStatus<Pod>({
      ...p,
      status: {
        ...p.status,
        conditions: upsertCondition(p.status.conditions, { ...cond, status: 'False' }, ctx.now),
      },
    });
    ctx.event(p, 'Warning', 'NodeNotReady', 'Node is not ready', 'node-controller');
  }
  ctx.decide({
    controller: 'node-lifecycle-controller',
    object: { kind: 'Node', name },
    code: 'node.unreachable',
    message: `Node ${name} has posted no status since ${Number((ctx.now - down).toFixed(3))}s ago (more than the ${NODE_MONITOR_GRACE_PERIOD_SECONDS}s grace period), so it is NotReady: its pods are marked not Ready and leave the endpoints, and it is tainted ${TAINT_UNREACHABLE}:NoExecute. Pods tolerate that taint for 300s, then they are evicted and replaced elsewhere.`,
    values: { grace: NODE_MONITOR_GRACE_PERIOD_SECONDS, tolerationSeconds: 300 },
  });
  return node;
}

function markReachable(ctx: ControllerContext, world: KubeletWorld, node: NodeObject): NodeObject {
  const name = node.metadata.name;
  const now = timestamp(ctx.now);
  const conditions = node.status.conditions.map((c) => {
    const healthy = HEALTHY[c.type];
    return healthy
      ? {
          ...c,
          status: c.type === 'Ready' ? 'True' : 'False',
          reason: healthy[0],
          message: healthy[1],
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        }
      : c;
  });
  node = ctx.updateStatus<NodeObject>({ ...node, status: { ...node.status, conditions } });
  const taints = (node.spec.taints ?? []).filter((t) => t.key !== TAINT_UNREACHABLE);
  node = ctx.update(withTaints(node, taints));
  ctx.event(node, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, 'kubelet', name);
  // The kubelet reports its pods afresh (and finishes deleting those evicted meanwhile).
  for (const p of podsOn(ctx, name)) {
    world.touch?.(key(p));
    const rt = world.pods.get(key(p));
    if (rt) rt.resync = true;
    ctx.enqueue('kubelet', key(p));
  }
  ctx.decide({
    controller: 'node-lifecycle-controller',
    object: { kind: 'Node', name },
    code: 'node.ready',
    message: `Node ${name} posts its status again, so it is Ready and untainted; its kubelet finishes stopping the pods that were evicted meanwhile.`,
    values: {},
  });
  return node;
}

function syncUnschedulableTaint(ctx: ControllerContext, node: NodeObject): NodeObject {
  const has = (node.spec.taints ?? []).some((t) => t.key === TAINT_UNSCHEDULABLE);
  const want = node.spec.unschedulable === true;
  if (has === want) return node;
  const taints = want
    ? [
        ...(node.spec.taints ?? []),
        { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' as const, timeAdded: timestamp(ctx.now) },
      ]
    : (node.spec.taints ?? []).filter((t) => t.key !== TAINT_UNSCHEDULABLE);
  const name = node.metadata.name;
  // The kubelet reports the change of schedulability as a node event.
  const status = want ? 'NodeNotSchedulable' : 'NodeSchedulable';
  ctx.event(node, 'Normal', status, `Node ${name} status is now: ${status}`, 'kubelet', name);
  if (want)
    ctx.decide({
      controller: 'node-lifecycle-controller',
      object: { kind: 'Node', name },
      code: 'node.cordoned',
      message: `Node ${name} is cordoned (spec.unschedulable), so it is tainted ${TAINT_UNSCHEDULABLE}:NoSchedule: the scheduler places no new pod there; the pods already on it keep running until they are evicted (kubectl drain) or deleted.`,
      values: {},
    });
  return ctx.update(withTaints(node, taints));
}

/**
 * The taint eviction controller (processPodOnNode): pods on the node that do not tolerate one of
 * its NoExecute taints are deleted now; those that tolerate them for a while, when that runs out:
 * counted from the taint's timeAdded where it has one (the node lifecycle controller's taints),
 * otherwise from when the controller first saw it (upstream counts from then for every taint),
 * whose timer `due` names once it comes due. When the node has no NoExecute taint left, or the pod
 * tolerates them all for ever, the pod's scheduled eviction is cancelled (CancelWork), so a taint
 * removed and added again counts from when it is seen again: tolerated for 30 s, tainted at 60 s,
 * untainted at 70 s and tainted again at 80 s, the pod goes at 110 s, not 90 s.
 */
function evictTaintedPods(ctx: ControllerContext, node: NodeObject, due?: string): void {
  const taints = (node.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');
  const { name } = node.metadata;
  let wake = Infinity;
  for (const p of podsOn(ctx, name)) {
    if (p.metadata.deletionTimestamp) continue;
    const pod = p.metadata.name;
    const work = `${EVICTION}${key(p)} ${p.metadata.uid ?? ''}`;
    let evictAt = Infinity;
    let forever = true;
    let untolerated: Taint | undefined;
    // The shortest while a taint without timeAdded is tolerated for.
    let untimed = Infinity;
    for (const taint of taints) {
      const matching = (p.spec.tolerations ?? []).filter((t) => tolerates(t, taint));
      if (matching.length === 0) {
        forever = false;
        evictAt = ctx.now;
        untolerated = taint;
        break;
      }
      // getMinTolerationTime: the shortest while (none below 0), or for ever.
      const min = Math.max(0, Math.min(...matching.map((t) => t.tolerationSeconds ?? Infinity)));
      if (min === Infinity) continue;
      forever = false;
      if (taint.timeAdded) evictAt = Math.min(evictAt, parseTimestamp(taint.timeAdded) + min);
      else untimed = Math.min(untimed, min);
    }
    if (forever) {
      // Never: its scheduled eviction, if any, is cancelled (cancelWorkWithEvent).
      if (ctx.cancelWake('nodelifecycle', work)) {
        cancelledEviction(ctx, p);
        ctx.decide({
          controller: 'taint-eviction-controller',
          object: { kind: 'Pod', namespace: p.metadata.namespace ?? 'default', name: pod },
          code: 'pod.taintEvictionCancelled',
          message: `Pod ${pod} no longer waits to be evicted from node ${name}: the NoExecute taint it tolerated for a while is gone, or it tolerates what is left for ever.`,
          values: { node: name },
        });
      }
      continue;
    }
    if (untimed < Infinity && ctx.now + 1e-9 < evictAt) {
      if (work === due) evictAt = ctx.now;
      // An earlier timer for the same work stays (enqueueAfter keeps the earliest).
      else ctx.enqueueAfter('nodelifecycle', work, untimed);
    }
    if (ctx.now + 1e-9 >= evictAt) {
      const ns = p.metadata.namespace ?? 'default';
      // A taint it does not tolerate came: the eviction it was waiting for gives way to this one.
      if (untolerated && ctx.cancelWake('nodelifecycle', work)) cancelledEviction(ctx, p);
      ctx.event(
        p,
        'Normal',
        'TaintManagerEviction',
        `Marking for deletion Pod ${key(p)}`,
        'taint-eviction-controller',
      );
      ctx.updateStatus<Pod>({
        ...p,
        status: {
          ...p.status,
          conditions: upsertCondition(
            p.status.conditions,
            {
              type: 'DisruptionTarget',
              status: 'True',
              reason: 'DeletionByTaintManager',
              message: 'Taint manager: deleting due to NoExecute taint',
            },
            ctx.now,
          ),
        },
      });
      ctx.delete('Pod', ns, pod);
      ctx.decide({
        controller: 'taint-eviction-controller',
        object: { kind: 'Pod', namespace: ns, name: pod },
        code: 'pod.taintEvicted',
        message: untolerated
          ? `Pod ${pod} does not tolerate node ${name}'s taint ${taintText(untolerated)}, so it is evicted at once; its ReplicaSet creates a replacement on a node whose taints it tolerates.`
          : `Pod ${pod} tolerated node ${name}'s NoExecute taint for its tolerationSeconds and is now evicted; its ReplicaSet creates a replacement on a node that is Ready.`,
        values: { node: name, ...(untolerated && { taint: taintText(untolerated) }) },
      });
    } else wake = Math.min(wake, evictAt);
  }
  if (Number.isFinite(wake)) ctx.enqueueAfter('nodelifecycle', name, wake - ctx.now);
}

/** A pod's scheduled eviction was cancelled: the event the taint eviction controller records. */
function cancelledEviction(ctx: ControllerContext, p: Pod): void {
  ctx.event(
    p,
    'Normal',
    'TaintManagerEviction',
    `Cancelling deletion of Pod ${key(p)}`,
    'taint-eviction-controller',
  );
}

/** The node lifecycle controller's informer: every Node write is looked at again. */
export const nodeLifecycleInformers: InformerHandlers = {
  Node: (c, _key, ctx) => {
    if (c.type !== 'deleted') ctx.enqueue('nodelifecycle', c.obj.metadata.name);
  },
};
