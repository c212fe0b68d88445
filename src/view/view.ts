/**
 * What the diagram draws, derived from the cluster at one moment: Services with their endpoints,
 * Deployments with their ReplicaSet lanes (newest first) and each lane's pods in a visual state of
 * DESIGN.md §5. Pure reads; never writes to the cluster. Which ReplicaSet is new comes from the
 * Deployment controller's own `findNewReplicaSet`, the budget from its `maxSurge`/`maxUnavailable`.
 */
import type { SimCluster } from '../cluster/cluster.ts';
import {
  findNewReplicaSet,
  isPodAvailable,
  isPodReady,
  maxSurge,
  maxUnavailable,
  revision as revisionOf,
} from '../cluster/controllers/deployment/util.ts';
import { serviceEndpoints, type ServiceEndpoints } from '../cluster/controllers/endpoints.ts';
import type {
  Deployment,
  DeploymentCondition,
  IntOrString,
  NodeObject,
  Pod,
  ReplicaSet,
  Service,
} from '../k8s/types.ts';
import { imageTag } from '../cluster/apps.ts';
import { sameItems } from '../k8s/copy.ts';
import { parseTimestamp } from '../k8s/time.ts';
import { parseQuantity } from '../k8s/quantity.ts';
import type { ColourBook } from './colours.ts';

export type PodState =
  'pending' | 'creating' | 'running' | 'ready' | 'available' | 'terminating' | 'failed' | 'completed';

export const STATE_LABEL: Record<PodState, string> = {
  pending: 'Pending',
  creating: 'ContainerCreating',
  running: 'Running, not ready',
  ready: 'Ready, not yet available',
  available: 'Ready',
  terminating: 'Terminating',
  failed: 'Failed',
  completed: 'Completed',
};

/** A stage's progress is shown in this many steps: smooth enough, and few changes to draw. */
const PROGRESS_STEPS = 16;

export interface PodView {
  uid: string;
  name: string;
  image: string;
  /** The image tag (v1, v2, …), the text label that goes with the colour. */
  version: string;
  state: PodState;
  /** kubectl's STATUS column wording where it differs (ErrImagePull, CrashLoopBackOff…). */
  reason: string;
  node: string;
  ip: string;
  /** 0..1 while ContainerCreating or Terminating: how far along that stage is (in 1/16 steps). */
  progress: number;
  restarts: number;
  /** Listed as a ready endpoint of a Service. */
  endpoint: boolean;
  colour: number;
  owner: string;
}

export interface RsView {
  uid: string;
  name: string;
  hash: string;
  revision: number;
  image: string;
  version: string;
  desired: number;
  current: number;
  ready: number;
  available: number;
  colour: number;
  isNew: boolean;
  changeCause: string;
  pods: PodView[];
}

export interface Budget {
  replicas: number;
  maxSurgeRaw: IntOrString;
  maxUnavailableRaw: IntOrString;
  surge: number;
  unavailable: number;
  maxTotal: number;
  minAvailable: number;
  /** Pods the ReplicaSets specify (what the controller counts against maxTotal). */
  specified: number;
  /** Pods that exist, Terminating ones included. */
  existing: number;
  available: number;
}

export interface DeploymentView {
  uid: string;
  name: string;
  selector: string;
  replicas: number;
  strategy: string;
  minReadySeconds: number;
  paused: boolean;
  updated: number;
  ready: number;
  available: number;
  unavailable: number;
  conditions: DeploymentCondition[];
  /** RollingUpdate only. */
  budget: Budget | undefined;
  /** In progress, complete, stalled, paused. */
  phase: Phase;
  lanes: RsView[];
}

export interface ServiceView {
  uid: string;
  name: string;
  selector: string;
  ports: string;
  clusterIP: string;
  /** Pod names that are ready endpoints. */
  endpoints: string[];
  notReady: string[];
}

export interface NodeView {
  name: string;
  ready: boolean;
  /** Cordoned (`spec.unschedulable`): kubectl shows SchedulingDisabled. */
  cordoned: boolean;
  cpu: string;
  memory: string;
  /** Allocatable pods (the kubelet's maxPods). */
  podCapacity: number;
  /** CPU cores and memory bytes the pods on this node request. */
  cpuRequested: number;
  cpuAllocatable: number;
  memoryRequested: number;
  memoryAllocatable: number;
  pods: PodView[];
}

export interface ClusterView {
  t: number;
  nodes: NodeView[];
  services: ServiceView[];
  deployments: DeploymentView[];
  /**
   * ReplicaSets no Deployment owns (made by hand, or left by a Deployment deleted with
   * `--cascade=orphan`), with their pods: they keep their replicas, but nothing rolls them out.
   */
  replicaSets: RsView[];
  /** Pods no ReplicaSet owns (`kubectl run`, a Pod applied on its own). */
  loosePods: PodView[];
}

/** Every pod the diagram draws: in Deployments' lanes, in ReplicaSets' of their own, and loose. */
export const drawnPods = (v: Pick<ClusterView, 'deployments' | 'replicaSets' | 'loosePods'>): PodView[] => [
  ...v.deployments.flatMap((d) => d.lanes.flatMap((l) => l.pods)),
  ...v.replicaSets.flatMap((l) => l.pods),
  ...v.loosePods,
];

/** The tag a pod's version is named by: the image's (`latest` without one), as its answers report it. */
export const tagOf = (image: string): string => imageTag(image);

const selectorText = (m: Record<string, string> | undefined): string =>
  Object.entries(m ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

const FAILED_REASONS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'CrashLoopBackOff',
  'Error',
  'InvalidImageName',
  'CreateContainerConfigError',
]);

/** A pod's stage, and for a stage that moves with time its start and length (virtual seconds). */
interface Stage {
  state: PodState;
  reason: string;
  start: number;
  total: number;
}

function stageOf(
  pod: Pod,
  minReadySeconds: number,
  now: number,
  timing: { imagePullSeconds: number; containerStartSeconds: number; terminationSeconds: number },
): Stage {
  const cs = pod.status?.containerStatuses?.[0];
  const waiting = cs?.state.waiting?.reason ?? '';
  if (pod.metadata.deletionTimestamp) {
    const end = parseTimestamp(pod.metadata.deletionTimestamp);
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 30;
    const total = Math.max(1, Math.min(grace, timing.terminationSeconds));
    return { state: 'terminating', reason: 'Terminating', start: end - grace, total };
  }
  // Its process ended with 0 and is not restarted (restartPolicy Never or OnFailure).
  if (pod.status?.phase === 'Succeeded')
    return { state: 'completed', reason: 'Completed', start: 0, total: 0 };
  if (pod.status?.phase === 'Failed' || FAILED_REASONS.has(waiting) || cs?.state.terminated)
    return {
      state: 'failed',
      reason: waiting || pod.status?.reason || cs?.state.terminated?.reason || 'Error',
      start: 0,
      total: 0,
    };
  if (!pod.spec.nodeName || !cs) return { state: 'pending', reason: 'Pending', start: 0, total: 0 };
  if (waiting) {
    const total = Math.max(1, timing.imagePullSeconds + timing.containerStartSeconds);
    return { state: 'creating', reason: waiting, start: parseTimestamp(pod.status.startTime), total };
  }
  if (!isPodReady(pod)) return { state: 'running', reason: 'Running', start: 0, total: 0 };
  if (!isPodAvailable(pod, minReadySeconds, now))
    return { state: 'ready', reason: 'Running', start: 0, total: 0 };
  return { state: 'available', reason: 'Running', start: 0, total: 0 };
}

/** How far along a stage that moves with time is at `now`, 0..1 (0 for the others). */
const progressAt = (s: Stage, now: number): number =>
  s.total === 0 || Number.isNaN(s.start) ? 0 : Math.min(1, Math.max(0, (now - s.start) / s.total));

export function podState(
  pod: Pod,
  minReadySeconds: number,
  now: number,
  timing: { imagePullSeconds: number; containerStartSeconds: number; terminationSeconds: number },
): { state: PodState; reason: string; progress: number } {
  const s = stageOf(pod, minReadySeconds, now, timing);
  return { state: s.state, reason: s.reason, progress: progressAt(s, now) };
}

const quantised = (progress: number) => Math.round(progress * PROGRESS_STEPS) / PROGRESS_STEPS;

/**
 * The view last made of each pod object. Objects are immutable, so a pod's view changes only
 * with time, and only in known ways: ContainerCreating and Terminating move in 1/16 steps of their
 * stage, a ready pod becomes available `minReadySeconds` after it became ready. Until then the
 * same object gives the same view, and memoised glyphs see the same props: in a rollout of
 * 1,000 pods a frame makes tens of views rather than every pod's. A followed cluster, and a Run
 * scrubbed back, show the same object at earlier moments: an available pod's view holds from the
 * moment it was made (`since`) on.
 */
const made = new WeakMap<Pod, { view: PodView; stage: Stage; minReadySeconds: number; since: number }>();

function stillHolds(
  m: { view: PodView; stage: Stage; since: number },
  pod: Pod,
  minReadySeconds: number,
  now: number,
): boolean {
  switch (m.view.state) {
    case 'creating':
    case 'terminating':
      return quantised(progressAt(m.stage, now)) === m.view.progress;
    case 'ready':
      return !isPodAvailable(pod, minReadySeconds, now);
    case 'available':
      return now >= m.since;
    default:
      return true;
  }
}

function podView(
  pod: Pod,
  minReadySeconds: number,
  c: SimCluster,
  colours: ColourBook,
  endpoints: Set<string>,
): PodView {
  const hit = made.get(pod);
  if (
    hit?.minReadySeconds === minReadySeconds &&
    hit.view.endpoint === endpoints.has(pod.metadata.name) &&
    hit.view.colour === colours.of(hit.view.image) &&
    stillHolds(hit, pod, minReadySeconds, c.now)
  )
    return hit.view;
  const stage = stageOf(pod, minReadySeconds, c.now, c.timing);
  const view = podViewOf(pod, stage, c.now, colours, endpoints);
  made.set(pod, { view, stage, minReadySeconds, since: c.now });
  return view;
}

function podViewOf(pod: Pod, s: Stage, now: number, colours: ColourBook, endpoints: Set<string>): PodView {
  const image = pod.spec.containers[0]?.image ?? '';
  return {
    uid: pod.metadata.uid ?? pod.metadata.name,
    name: pod.metadata.name,
    image,
    version: tagOf(image),
    state: s.state,
    reason: s.reason,
    progress: quantised(progressAt(s, now)),
    node: pod.spec.nodeName ?? '',
    ip: pod.status?.podIP ?? '',
    restarts: pod.status?.containerStatuses?.[0]?.restartCount ?? 0,
    endpoint: endpoints.has(pod.metadata.name),
    colour: colours.of(image),
    owner: pod.metadata.ownerReferences?.find((r) => r.controller)?.name ?? '',
  };
}

const conditionTrue = (d: Deployment, type: string) => d.status?.conditions?.find((x) => x.type === type);

/** Where a rollout stands: an i18n key (`phase.*`), its numbers, and the English sentence. */
export interface Phase {
  key: 'paused' | 'stalled' | 'complete' | 'progress';
  vars: Record<string, number>;
  text: string;
}

function phaseOf(d: Deployment, newRs: ReplicaSet | undefined): Phase {
  const progressing = conditionTrue(d, 'Progressing');
  const replicas = d.spec.replicas ?? 1;
  const updated = d.status?.updatedReplicas ?? 0;
  const available = d.status?.availableReplicas ?? 0;
  const total = d.status?.replicas ?? 0;
  const vars = { updated, replicas, available };
  if (d.spec.paused) return { key: 'paused', vars, text: 'Rollout paused' };
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return { key: 'stalled', vars, text: 'Rollout stalled: progress deadline exceeded' };
  if (newRs && updated === replicas && available === replicas && total === replicas)
    return { key: 'complete', vars, text: 'Rollout complete' };
  return {
    key: 'progress',
    vars,
    text: `Rolling out: ${updated} of ${replicas} updated, ${available} available`,
  };
}

/**
 * What one Run's frames keep from one to the next (Frames share structure, CONVENTIONS §17): each
 * Service, lane, Deployment and node view with the objects it was made from. A view whose inputs
 * are the same objects as last time is the same object again, so memoised components skip it, and
 * a frame in which little changed costs little.
 */
export class ViewCache {
  services = new Map<string, { svc: Service; ep: ServiceEndpoints; view: ServiceView }>();
  ready: { views: ServiceView[]; names: Set<string> } | undefined;
  pods: { version: number; all: Pod[]; byOwner: Map<string, Pod[]>; onNode: Map<string, Pod[]> } | undefined;
  lanes = new Map<string, { rs: ReplicaSet; isNew: boolean; colour: number; view: RsView }>();
  deployments = new Map<string, { d: Deployment; view: DeploymentView }>();
  /** Every pod's view by name, for the nodes' lists: made again when a Deployment's view changes. */
  byName:
    | { deployments: DeploymentView[]; replicaSets: RsView[]; loose: PodView[]; map: Map<string, PodView> }
    | undefined;
  nodes = new Map<string, { node: NodeObject; on: Pod[]; cpu: number; memory: number; view: NodeView }>();
}

const ownerUid = (p: Pod) => p.metadata.ownerReferences?.find((r) => r.controller)?.uid ?? '';

/** The pods in store order, by controller uid and by node (once per version of the pods). */
function podGroups(c: SimCluster, cache: ViewCache | undefined): NonNullable<ViewCache['pods']> {
  const version = c.store.version('Pod');
  if (cache?.pods && cache.pods.version === version) return cache.pods;
  const all = [...c.store.values<Pod>('Pod')];
  const byOwner = new Map<string, Pod[]>();
  const onNode = new Map<string, Pod[]>();
  for (const p of all) {
    const uid = ownerUid(p);
    const list = byOwner.get(uid) ?? [];
    list.push(p);
    byOwner.set(uid, list);
    const node = p.spec.nodeName ?? '';
    const there = onNode.get(node) ?? [];
    there.push(p);
    onNode.set(node, there);
  }
  const groups = { version, all, byOwner, onNode };
  if (cache) cache.pods = groups;
  return groups;
}

const requested = (on: Pod[], key: 'cpu' | 'memory') =>
  on.reduce(
    (sum, p) =>
      sum + p.spec.containers.reduce((a, ct) => a + parseQuantity(ct.resources?.requests?.[key] ?? 0), 0),
    0,
  );

export function clusterView(
  c: SimCluster,
  colours: ColourBook,
  withNodes = true,
  cache?: ViewCache,
): ClusterView {
  const now = c.now;
  const services: ServiceView[] = c.store.sorted<Service>('Service').map((svc) => {
    // What kube-proxy routes to: the Service's EndpointSlices.
    const ep = serviceEndpoints(c.store, svc.metadata.namespace ?? 'default', svc.metadata.name);
    const uid = svc.metadata.uid ?? svc.metadata.name;
    const hit = cache?.services.get(uid);
    if (hit && hit.svc === svc && hit.ep === ep) return hit.view;
    const view: ServiceView = {
      uid,
      name: svc.metadata.name,
      selector: selectorText(svc.spec.selector),
      ports: (svc.spec.ports ?? []).map((p) => `${p.port}→${p.targetPort ?? p.port}`).join(', '),
      clusterIP: svc.spec.clusterIP ?? '',
      endpoints: ep.ready.map((e) => e.name),
      notReady: ep.notReady.map((e) => e.name),
    };
    cache?.services.set(uid, { svc, ep, view });
    return view;
  });
  let ready = cache?.ready && sameItems(cache.ready.views, services) ? cache.ready.names : undefined;
  if (!ready) {
    ready = new Set<string>();
    for (const v of services) for (const n of v.endpoints) ready.add(n);
    if (cache) cache.ready = { views: services, names: ready };
  }

  const allRs = c.store.sorted<ReplicaSet>('ReplicaSet');
  const pods = podGroups(c, cache);
  const usedRs = new Set<string>();

  /** A ReplicaSet's lane, with its pods in the order they were created. */
  const laneView = (rs: ReplicaSet, minReady: number, isNew: boolean): RsView => {
    const rsUid = rs.metadata.uid ?? '';
    usedRs.add(rsUid);
    const image = rs.spec.template.spec.containers[0]?.image ?? '';
    // In the order they were created (the store keeps insertion order, through snapshots too):
    // a new pod joins the end of its lane and the others stay where they are.
    const podViews = (pods.byOwner.get(rsUid) ?? []).map((p) => podView(p, minReady, c, colours, ready));
    const colour = colours.of(image);
    const key = rs.metadata.uid ?? rs.metadata.name;
    const hit = cache?.lanes.get(key);
    if (
      hit &&
      hit.rs === rs &&
      hit.isNew === isNew &&
      hit.colour === colour &&
      sameItems(hit.view.pods, podViews)
    )
      return hit.view;
    const view: RsView = {
      uid: key,
      name: rs.metadata.name,
      hash: rs.metadata.labels?.['pod-template-hash'] ?? '',
      revision: revisionOf(rs) ?? 0,
      image,
      version: tagOf(image),
      desired: rs.spec.replicas ?? 0,
      current: rs.status?.replicas ?? 0,
      ready: rs.status?.readyReplicas ?? 0,
      available: rs.status?.availableReplicas ?? 0,
      colour,
      isNew,
      changeCause: rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '',
      pods: podViews,
    };
    cache?.lanes.set(key, { rs, isNew, colour, view });
    return view;
  };

  const deployments: DeploymentView[] = c.store.sorted<Deployment>('Deployment').map((d) => {
    const uid = d.metadata.uid ?? '';
    const minReady = d.spec.minReadySeconds ?? 0;
    const owned = allRs
      .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid))
      .sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0));
    const newRs = findNewReplicaSet(d, owned);
    const lanes: RsView[] = owned.map((rs) => laneView(rs, minReady, rs === newRs));
    const hit = cache?.deployments.get(uid);
    if (hit && hit.d === d && sameItems(hit.view.lanes, lanes)) return hit.view;
    const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
    const replicas = d.spec.replicas ?? 1;
    let budget: Budget | undefined;
    if (strategy === 'RollingUpdate') {
      const ru = d.spec.strategy?.rollingUpdate ?? {};
      const surge = maxSurge(d);
      const unavailable = maxUnavailable(d);
      budget = {
        replicas,
        maxSurgeRaw: ru.maxSurge ?? '25%',
        maxUnavailableRaw: ru.maxUnavailable ?? '25%',
        surge,
        unavailable,
        maxTotal: replicas + surge,
        minAvailable: replicas - unavailable,
        specified: owned.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0),
        existing: lanes.reduce((n, l) => n + l.pods.length, 0),
        available: lanes.reduce((n, l) => n + l.pods.filter((p) => p.state === 'available').length, 0),
      };
    }
    const view: DeploymentView = {
      uid,
      name: d.metadata.name,
      selector: selectorText(d.spec.selector.matchLabels),
      replicas,
      strategy,
      minReadySeconds: minReady,
      paused: d.spec.paused === true,
      updated: d.status?.updatedReplicas ?? 0,
      ready: d.status?.readyReplicas ?? 0,
      available: d.status?.availableReplicas ?? 0,
      unavailable: d.status?.unavailableReplicas ?? 0,
      conditions: d.status?.conditions ?? [],
      budget,
      phase: phaseOf(d, newRs),
      lanes,
    };
    cache?.deployments.set(uid, { d, view });
    return view;
  });

  // ReplicaSets of their own, by name, each with the minReadySeconds its pods are counted by.
  const replicaSets = allRs
    .filter((rs) => !usedRs.has(rs.metadata.uid ?? ''))
    .map((rs) => laneView(rs, rs.spec.minReadySeconds ?? 0, false));
  // Pods no ReplicaSet owns (or whose owner is gone), by name.
  let anyLoose = false;
  for (const uid of pods.byOwner.keys()) if (uid === '' || !usedRs.has(uid)) anyLoose = true;
  const loosePods = !anyLoose
    ? []
    : pods.all
        .filter((p) => {
          const ref = p.metadata.ownerReferences?.find((r) => r.controller);
          return !ref || !usedRs.has(ref.uid);
        })
        .map((p) => podView(p, 0, c, colours, ready))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const nodeList = withNodes ? c.store.sorted<NodeObject>('Node') : [];
  let byName: Map<string, PodView> | undefined;
  const viewByName = () => {
    if (byName) return byName;
    const hit = cache?.byName;
    if (
      hit &&
      sameItems(hit.deployments, deployments) &&
      sameItems(hit.replicaSets, replicaSets) &&
      sameItems(hit.loose, loosePods)
    ) {
      byName = hit.map;
      return byName;
    }
    byName = new Map<string, PodView>();
    for (const p of drawnPods({ deployments, replicaSets, loosePods })) byName.set(p.name, p);
    if (cache) cache.byName = { deployments, replicaSets, loose: loosePods, map: byName };
    return byName;
  };
  const nodes: NodeView[] = nodeList.map((n) => {
    const on = pods.onNode.get(n.metadata.name) ?? [];
    const hit = cache?.nodes.get(n.metadata.name);
    const names = viewByName();
    const podViews = on.map((p) => names.get(p.metadata.name)).filter((p): p is PodView => p !== undefined);
    if (hit && hit.node === n && hit.on === on && sameItems(hit.view.pods, podViews)) return hit.view;
    const cpu = hit && hit.on === on ? hit.cpu : requested(on, 'cpu');
    const memory = hit && hit.on === on ? hit.memory : requested(on, 'memory');
    const alloc = n.status?.allocatable ?? {};
    const view: NodeView = {
      name: n.metadata.name,
      ready: (n.status?.conditions ?? []).some((x) => x.type === 'Ready' && x.status === 'True'),
      cordoned: n.spec?.unschedulable === true,
      cpu: String(alloc['cpu'] ?? ''),
      memory: String(alloc['memory'] ?? ''),
      podCapacity: parseQuantity(alloc['pods'] ?? 110),
      cpuRequested: cpu,
      cpuAllocatable: parseQuantity(alloc['cpu'] ?? 0),
      memoryRequested: memory,
      memoryAllocatable: parseQuantity(alloc['memory'] ?? 0),
      pods: podViews,
    };
    cache?.nodes.set(n.metadata.name, { node: n, on, cpu, memory, view });
    return view;
  });
  return { t: now, nodes, services, deployments, replicaSets, loosePods };
}

export interface TrafficWindow {
  /** Successful answers per version (image tag). */
  ok: Record<string, number>;
  /** 5xx answers. */
  errors: number;
  /** Refused connections (no ready endpoint). */
  refused: number;
  /** The window's length in seconds (shorter at the start of a run). */
  seconds: number;
}

/** Requests of the last `seconds` up to `now`: the Service header's counter. */
export function trafficWindow(c: SimCluster, now: number, seconds: number): TrafficWindow {
  const from = Math.max(0, now - seconds);
  const ok: Record<string, number> = {};
  let errors = 0;
  let refused = 0;
  for (const r of c.requests(from, now + 1e-9)) {
    if (r.status === 0) refused++;
    else if (r.status >= 500) errors++;
    else if (r.version) ok[r.version] = (ok[r.version] ?? 0) + 1;
  }
  return { ok, errors, refused, seconds: Math.max(1e-9, now - from) };
}
