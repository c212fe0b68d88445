/**
 * The simulated world below the controllers: the scheduler binds pods to nodes (here), the
 * kubelet runs them (kubelet.ts) and clients send traffic (traffic.ts). All of their state lives in
 * `WorldState`, so snapshots capture it.
 */
import { parseQuantity } from '../k8s/quantity.ts';
import type { NodeObject, Pod } from '../k8s/types.ts';
import type { AppBehaviour } from './apps.ts';
import { setPodCondition, upsertCondition, type KubeletWorld } from './kubelet.ts';
import { copyTrafficState, newTrafficState, type TrafficState } from './traffic.ts';
import type { ControllerContext } from './context.ts';
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

function podRequests(p: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of p.spec.containers) {
    cpu += parseQuantity(c.resources?.requests?.cpu) || 0;
    memory += parseQuantity(c.resources?.requests?.memory) || 0;
  }
  return { cpu, memory };
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
    const u = p.spec.nodeName ? usage.get(p.spec.nodeName) : undefined;
    if (!u || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
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
 * Places each pending pod on the feasible node with the fewest pods of the same owner, then the
 * lowest requested share, ties broken by the seeded generator (the default scheduler spreads
 * replicas across nodes and prefers the least allocated one). Records Scheduled or
 * FailedScheduling. Node usage is counted once per batch and kept up to date as pods are placed.
 */
/**
 * NodeUnschedulable, then TaintToleration: a cordoned node takes no pod that does not tolerate
 * `node.kubernetes.io/unschedulable:NoSchedule`; a NoSchedule or NoExecute taint the pod does not
 * tolerate keeps it off. Returns the scheduler's reason, or undefined when the node is open.
 */
export function nodeBlocked(n: NodeObject, pod: Pod): string | undefined {
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

export function scheduleBatch(ctx: ControllerContext, world: WorldState, keys: string[]): void {
  const nodes = ctx.store.list<NodeObject>('Node');
  let usage: Map<string, NodeUsage> | undefined;
  for (const key of keys) {
    const [namespace, name] = key.split('/') as [string, string];
    const pod = ctx.store.get<Pod>('Pod', namespace, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      world.unschedulable.delete(key);
      continue;
    }
    usage ??= nodeUsage(ctx, nodes);
    schedulePod(ctx, world, key, pod, nodes, usage);
  }
}

function schedulePod(
  ctx: ControllerContext,
  world: WorldState,
  key: string,
  pod: Pod,
  nodes: NodeObject[],
  usage: Map<string, NodeUsage>,
): void {
  const { namespace = 'default', name } = pod.metadata;
  const req = podRequests(pod);
  const owner = controllerUid(pod);
  const reasons = new Map<string, number>();
  const feasible: { node: NodeObject; score: number[] }[] = [];
  for (const n of nodes) {
    const u = usage.get(n.metadata.name)!;
    const cpuCap = parseQuantity(n.status.allocatable.cpu);
    const memCap = parseQuantity(n.status.allocatable.memory);
    const podCap = parseQuantity(n.status.allocatable.pods ?? '110');
    const problems: string[] = [];
    // The filter plugins in upstream's order; the first that fails a node names the reason.
    const blocked = nodeBlocked(n, pod);
    if (blocked) {
      reasons.set(blocked, (reasons.get(blocked) ?? 0) + 1);
      continue;
    }
    if (u.pods + 1 > podCap) problems.push('Too many pods');
    if (u.cpu + req.cpu > cpuCap + 1e-9) problems.push('Insufficient cpu');
    if (u.memory + req.memory > memCap) problems.push('Insufficient memory');
    if (problems.length) {
      for (const r of problems) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      continue;
    }
    const share = (u.cpu + req.cpu) / (cpuCap || 1) + (u.memory + req.memory) / (memCap || 1);
    feasible.push({ node: n, score: [owner ? (u.byOwner.get(owner) ?? 0) : 0, share, u.pods] });
  }
  if (feasible.length === 0) {
    const detail = [...reasons]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([r, n]) => `${n} ${r}`)
      .join(', ');
    const message = `0/${nodes.length} nodes are available: ${detail || 'no nodes available to schedule pods'}.`;
    if (!world.unschedulable.has(key)) {
      ctx.event(
        pod,
        'Warning',
        'FailedScheduling',
        `${message} preemption: 0/${nodes.length} nodes are available: ${nodes.length} No preemption victims found for incoming pod.`,
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
    world.unschedulable.add(key);
    setPodCondition(ctx, pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message });
    return;
  }
  // The best-scoring nodes; a seeded draw picks among equals.
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };
  let best = [feasible[0]!];
  for (const f of feasible.slice(1)) {
    const d = cmp(f.score, best[0]!.score);
    if (d < 0) best = [f];
    else if (d === 0) best.push(f);
  }
  const node = best[best.length === 1 ? 0 : ctx.rand.int(best.length)]!.node;
  const u = usage.get(node.metadata.name)!;
  u.cpu += req.cpu;
  u.memory += req.memory;
  u.pods++;
  if (owner) u.byOwner.set(owner, (u.byOwner.get(owner) ?? 0) + 1);
  world.unschedulable.delete(key);
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
}
