/**
 * The simulated world below the controllers: the scheduler binds pods to nodes, the kubelet walks
 * each pod through pulling, starting, readiness and termination in virtual time, and the nodes
 * remember which images they have. All of it lives in `WorldState`, so snapshots capture it.
 */
import { parseQuantity } from '../k8s/quantity.ts';
import { timestamp } from '../k8s/time.ts';
import type { Container, ContainerStatus, NodeObject, Pod, PodCondition } from '../k8s/types.ts';
import type { ControllerContext } from './context.ts';
import { controllerUid } from './store.ts';
import { isPodActive } from './controllers/deployment/util.ts';

export type PodStage =
  | { stage: 'pulling'; until: number }
  | { stage: 'starting'; until: number }
  | { stage: 'running' }
  | { stage: 'terminating'; until: number };

export interface WorldState {
  /** Kubelet progress per pod key (`namespace/name`). */
  pods: Map<string, PodStage>;
  /** Images each node has pulled (node name → images). */
  nodeImages: Map<string, readonly string[]>;
  /** Next pod IP host number per node. */
  nextIp: Map<string, number>;
  /** Pods the scheduler could not place yet. */
  unschedulable: Set<string>;
}

export function newWorldState(): WorldState {
  return { pods: new Map(), nodeImages: new Map(), nextIp: new Map(), unschedulable: new Set() };
}

export function copyWorldState(w: WorldState): WorldState {
  return {
    pods: new Map(w.pods),
    nodeImages: new Map(w.nodeImages),
    nextIp: new Map(w.nextIp),
    unschedulable: new Set(w.unschedulable),
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
  for (const p of ctx.store.list<Pod>('Pod')) {
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
    if (u.pods + 1 > podCap) problems.push('Too many pods');
    if (u.cpu + req.cpu > cpuCap + 1e-9) problems.push('Insufficient cpu');
    if (u.memory + req.memory > memCap) problems.push('Insufficient memory');
    if (problems.length) {
      for (const r of problems) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      continue;
    }
    const share = (u.cpu + req.cpu) / (cpuCap || 1) + (u.memory + req.memory) / (memCap || 1);
    feasible.push({
      node: n,
      score: [owner ? (u.byOwner.get(owner) ?? 0) : 0, share, u.pods, ctx.rand.next()],
    });
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
    setCondition(ctx, pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message });
    return;
  }
  feasible.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) if (a.score[i] !== b.score[i]) return a.score[i]! - b.score[i]!;
    return 0;
  });
  const node = feasible[0]!.node;
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

// ---------------------------------------------------------------------------------------------
// Kubelet

function upsertCondition(list: PodCondition[] | undefined, c: PodCondition, now: number): PodCondition[] {
  const current = (list ?? []).find((x) => x.type === c.type);
  const lastTransitionTime =
    current && current.status === c.status && current.lastTransitionTime
      ? current.lastTransitionTime
      : timestamp(now);
  const next: PodCondition = { ...c, lastProbeTime: null, lastTransitionTime };
  const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
  const merged = [...(list ?? []).filter((x) => x.type !== c.type), next];
  return merged.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
}

function setCondition(ctx: ControllerContext, pod: Pod, c: PodCondition): void {
  const conditions = upsertCondition(pod.status.conditions, c, ctx.now);
  const current = pod.status.conditions?.find((x) => x.type === c.type);
  if (current && current.status === c.status && current.reason === c.reason && current.message === c.message)
    return;
  ctx.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions } });
}

function waitingStatuses(containers: Container[], reason: string): ContainerStatus[] {
  return containers.map((c) => ({
    name: c.name,
    image: c.image,
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason } },
  }));
}

function allocateIp(world: WorldState, nodes: NodeObject[], nodeName: string): string {
  const index =
    Math.max(
      0,
      nodes.findIndex((n) => n.metadata.name === nodeName),
    ) + 1;
  const next = world.nextIp.get(nodeName) ?? 2;
  world.nextIp.set(nodeName, next >= 254 ? 2 : next + 1);
  return `10.244.${index}.${next}`;
}

function nodeIp(nodes: NodeObject[], nodeName: string): string {
  return (
    nodes.find((n) => n.metadata.name === nodeName)?.status.addresses.find((a) => a.type === 'InternalIP')
      ?.address ?? ''
  );
}

/**
 * One kubelet step for a pod: start pulling (or use the cached image), start the containers,
 * report Ready, or finish terminating. Each stage that takes time sets a timer for its end; with
 * every duration 0 the pod goes from bound to Ready within one instant.
 */
export function syncPodOnNode(ctx: ControllerContext, world: WorldState, key: string): void {
  const [namespace, name] = key.split('/') as [string, string];
  let pod = ctx.store.get<Pod>('Pod', namespace, name);
  if (!pod) {
    world.pods.delete(key);
    return;
  }
  let stage = world.pods.get(key);
  const host = pod.spec.nodeName;

  if (pod.metadata.deletionTimestamp) {
    if (!host) {
      ctx.store.remove('Pod', namespace, name);
      world.pods.delete(key);
      return;
    }
    if (stage?.stage !== 'terminating') {
      const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      const seconds = Math.min(ctx.timing.terminationSeconds, grace);
      if (stage?.stage === 'running')
        for (const c of pod.spec.containers)
          ctx.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, 'kubelet', host);
      stage = { stage: 'terminating', until: ctx.now + seconds };
      world.pods.set(key, stage);
      if (seconds > 0) {
        ctx.enqueueAfter('kubelet', key, seconds);
        return;
      }
    }
    if (ctx.now >= stage.until) {
      ctx.store.remove('Pod', namespace, name);
      world.pods.delete(key);
    }
    return;
  }
  if (!host) return;
  const nodes = ctx.store.list<NodeObject>('Node');

  if (!stage) {
    const images = world.nodeImages.get(host) ?? [];
    const missing = pod.spec.containers.filter((c) => !images.includes(c.image));
    pod = ctx.updateStatus<Pod>({
      ...pod,
      status: {
        ...pod.status,
        phase: 'Pending',
        conditions: upsertCondition(
          upsertCondition(pod.status.conditions, { type: 'Initialized', status: 'True' }, ctx.now),
          {
            type: 'Ready',
            status: 'False',
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${pod.spec.containers.map((c) => c.name).join(' ')}]`,
          },
          ctx.now,
        ),
        containerStatuses: waitingStatuses(pod.spec.containers, 'ContainerCreating'),
        hostIP: nodeIp(nodes, host),
        startTime: timestamp(ctx.now),
      },
    });
    if (missing.length) {
      for (const c of missing)
        ctx.event(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, 'kubelet', host);
      stage = { stage: 'pulling', until: ctx.now + ctx.timing.imagePullSeconds };
    } else {
      for (const c of pod.spec.containers)
        ctx.event(
          pod,
          'Normal',
          'Pulled',
          `Container image "${c.image}" already present on machine`,
          'kubelet',
          host,
        );
      stage = { stage: 'starting', until: ctx.now + ctx.timing.containerStartSeconds };
    }
    world.pods.set(key, stage);
    if (stage.until > ctx.now) {
      ctx.enqueueAfter('kubelet', key, stage.until - ctx.now);
      return;
    }
  }
  if (stage.stage === 'pulling' && ctx.now >= stage.until) {
    const images = new Set(world.nodeImages.get(host) ?? []);
    for (const c of pod.spec.containers) {
      if (images.has(c.image)) continue;
      images.add(c.image);
      const took = `${ctx.timing.imagePullSeconds}s`;
      ctx.event(
        pod,
        'Normal',
        'Pulled',
        `Successfully pulled image "${c.image}" in ${took} (${took} including waiting)`,
        'kubelet',
        host,
      );
    }
    world.nodeImages.set(host, [...images].sort());
    stage = { stage: 'starting', until: ctx.now + ctx.timing.containerStartSeconds };
    world.pods.set(key, stage);
    if (stage.until > ctx.now) {
      ctx.enqueueAfter('kubelet', key, stage.until - ctx.now);
      return;
    }
  }
  if (stage.stage === 'starting' && ctx.now >= stage.until) {
    const startedAt = timestamp(ctx.now);
    for (const c of pod.spec.containers) {
      ctx.event(pod, 'Normal', 'Created', `Created container: ${c.name}`, 'kubelet', host);
      ctx.event(pod, 'Normal', 'Started', `Started container ${c.name}`, 'kubelet', host);
    }
    let conditions = upsertCondition(
      pod.status.conditions,
      { type: 'PodReadyToStartContainers', status: 'True' },
      ctx.now,
    );
    conditions = upsertCondition(conditions, { type: 'ContainersReady', status: 'True' }, ctx.now);
    conditions = upsertCondition(conditions, { type: 'Ready', status: 'True' }, ctx.now);
    ctx.updateStatus<Pod>({
      ...pod,
      status: {
        ...pod.status,
        phase: 'Running',
        conditions,
        podIP: pod.status.podIP ?? allocateIp(world, nodes, host),
        containerStatuses: pod.spec.containers.map((c) => ({
          name: c.name,
          image: c.image,
          imageID: `docker.io/${c.image}@sha256:${imageDigest(c.image)}`,
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt } },
        })),
      },
    });
    world.pods.set(key, { stage: 'running' });
  }
}

/** A stable fake digest for an image reference (64 hex characters). */
function imageDigest(image: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < image.length; i++) {
      h ^= image.charCodeAt(i) + round;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
