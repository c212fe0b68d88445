/**
 * The simulated control plane: an API store, controllers with work queues, the scheduler and the
 * kubelet, all advanced by virtual time.
 *
 * Tick model: `advance(s)` pops the timers that fall due in order; at each instant the queues run
 * until nothing changes. Priority inside an instant: garbage collection, scheduler, kubelet,
 * ReplicaSets, endpoints, and only then one Deployment sync at a time, so every Deployment sync
 * sees ReplicaSet statuses that reflect what it wrote before (as upstream does once its
 * informers have caught up).
 */
import { deepEqual, deepFreeze } from '../k8s/copy.ts';
import { hashUuid } from '../k8s/hash.ts';
import { mapSelectorMatches, selectorMatches } from '../k8s/labels.ts';
import { podQOS } from '../k8s/qos.ts';
import { Rand, seedRandState, type RandState } from '../k8s/rand.ts';
import { resourceForKind, resolveResource } from '../k8s/resources.ts';
import { timestamp } from '../k8s/time.ts';
import type {
  Deployment,
  KubeEvent,
  KubeObject,
  NodeObject,
  Pod,
  ReplicaSet,
  Service,
} from '../k8s/types.ts';
import {
  defaultTiming,
  type ControllerContext,
  type Decision,
  type QueueName,
  type Timing,
} from './context.ts';
import { syncDeployment } from './controllers/deployment/controller.ts';
import { isPodReady } from './controllers/deployment/util.ts';
import { ServiceMembers, syncEndpoints } from './controllers/endpoints.ts';
import { ReplicaSetPods, syncReplicaSet } from './controllers/replicaset.ts';
import { enqueueBudgets, syncDisruptionBudget } from './controllers/disruption.ts';
import { syncNode } from './controllers/nodelifecycle.ts';
import { ApiError, BudgetError } from './errors.ts';
import { checkSnapshot } from './snapshot.ts';
import { NAMESPACES } from './apply.ts';
import { TimerHeap, type Timer } from './heap.ts';
import { Store, controllerUid, objectKey, type Change, type StoreData } from './store.ts';
import type { AppBehaviour } from './apps.ts';
import { syncPod, type PodRuntime } from './kubelet.ts';
import { joinChunks, SharedList, SharedMemo, SharedRuntimes, SharedSeries } from './snapshot-parts.ts';
import {
  BATCH_SECONDS,
  copyTrafficState,
  runTrafficBatch,
  type RequestRecord,
  type TrafficSecond,
  type TrafficState,
} from './traffic.ts';
import { copyWorldState, newWorldState, NodeUsageCache, scheduleBatch, type WorldState } from './world.ts';

export interface ClusterOptions {
  seed?: number;
  nodes?: number;
  cpu?: string;
  memory?: string;
  /** Pods per node (the kubelet's maxPods, 110 by default). */
  maxPods?: number;
  timing?: Partial<Timing>;
  /** The most pods the simulation holds (20,000); creating more fails like a quota would. */
  maxPodsTotal?: number;
  /** Behaviour of the scenario's own images (start-up, failures, shutdown); see apps.ts. */
  apps?: Record<string, Partial<AppBehaviour>>;
  /**
   * The most pods one command (a kubectl command or `apply`) may create before it is refused and
   * undone (a simulator limit, not Kubernetes'). Defaults to `maxPodsTotal`; the browser uses a
   * smaller budget so that no command can freeze the page.
   */
  maxPodsPerCommand?: number;
}

/** A snapshot for rewind() only, sharing more with earlier ones (see SimCluster.checkpoint()). */
export interface ClusterCheckpoint {
  /** The snapshot, with 0 for every pod's requests served and no per-second traffic. */
  readonly snapshot: ClusterSnapshot;
  /** world.pods' requests served, in order. */
  readonly requests: readonly number[];
  /** world.traffic.series, in chunks. */
  readonly series: readonly (readonly TrafficSecond[])[];
  /** The event log and the decision records, in chunks (the snapshot holds none). */
  readonly events: readonly (readonly KubeEvent[])[];
  readonly decisions: readonly (readonly Decision[])[];
}

/** Everything needed to resume the cluster exactly where it was. Plain data. */
export interface ClusterSnapshot {
  version: 1;
  now: number;
  store: StoreData;
  rand: RandState;
  queues: Record<QueueName, string[]>;
  timers: Timer[];
  timerSeq: number;
  events: KubeEvent[];
  decisions: Decision[];
  eventSeq: number;
  world: {
    pods: [string, PodRuntime][];
    nodeImages: [string, readonly string[]][];
    nextIp: [string, number][];
    /** Nodes whose kubelet is down (absent in snapshots made before node faults existed). */
    downNodes?: [string, number][];
    unschedulable: string[];
    traffic: TrafficState;
    apps: Record<string, Partial<AppBehaviour>>;
  };
  lastDecision: [string, [string, string][]][];
  timing: Timing;
}

const QUEUE_ORDER: QueueName[] = [
  'gc',
  'nodelifecycle',
  'scheduler',
  'kubelet',
  'replicaset',
  'endpoints',
  'disruption',
  'deployment',
  'traffic',
];
function eventKey(
  uid: string,
  type: string,
  reason: string,
  component: string,
  host: string,
  message: string,
): string {
  return `${uid}|${type}|${reason}|${component}|${host}|${message}`;
}

/**
 * Each recorded Event's key (events are frozen and shared by the snapshots that hold them), so a
 * restore indexes an hour of events without building their keys again.
 */
const eventKeys = new WeakMap<KubeEvent, string>();

function keyOfEvent(e: KubeEvent): string {
  let key = eventKeys.get(e);
  if (key === undefined) {
    const o = e.involvedObject;
    key = eventKey(o.uid || o.name, e.type, e.reason, e.source.component, e.source.host ?? '', e.message);
    eventKeys.set(e, key);
  }
  return key;
}

/** How often old events are pruned, in virtual seconds. */
const PRUNE_SECONDS = 60;
/** Event names are `<object>.<hex>` like upstream's `<name>.<unix nanos in hex>`. */
const EVENT_NAME_BASE = 0x181f0a3c9000;
/** Decision codes that say "nothing can happen yet"; repeats of these are recorded once. */
const WAITING_CODES = /Blocked$|^recreate\.waitOldPods$|^pod\.neverReady$/;
/** Kubernetes keeps events for an hour (kube-apiserver --event-ttl). */
const EVENT_TTL_SECONDS = 3600;
/**
 * A guard against controllers that never settle within one instant. A 10,000-replica rolling
 * update takes at most about 120 steps at an instant, so this leaves a wide margin and still
 * ends a runaway loop in well under a second.
 */
export const MAX_STEPS_PER_INSTANT = 10_000;

export class SimCluster implements ControllerContext {
  readonly store = new Store();
  rand: Rand;
  timing: Timing;
  now = 0;
  private queues: Record<QueueName, Set<string>> = {
    gc: new Set(),
    scheduler: new Set(),
    kubelet: new Set(),
    replicaset: new Set(),
    endpoints: new Set(),
    deployment: new Set(),
    traffic: new Set(),
    disruption: new Set(),
    nodelifecycle: new Set(),
  };
  private timers = new TimerHeap();
  private timerSeq = 0;
  /** Earliest pending timer per target+key: a later duplicate adds nothing (like AddAfter). */
  private pendingTimers = new Map<string, number>();
  private eventLog: KubeEvent[] = [];
  /** Where each event key is in the log; built when first needed after a restore or prune. */
  private eventIndexMap: Map<string, number> | undefined = new Map();
  /** At most the oldest lastTimestamp in the event log (undefined: not known). */
  private eventsNotBefore: string | undefined;
  private eventSeq = 0;
  private decisionLog: Decision[] = [];
  private lastDecision = new Map<string, Map<string, string>>();
  /** Bumped when the event log, the decision log or the waiting memory change (for snapshots). */
  private versions = { events: 0, decisions: 0, memo: 0 };
  /** What the last snapshot was made of, shared by the next while unchanged. */
  private readonly shared = {
    events: new SharedList<KubeEvent>(),
    decisions: new SharedList<Decision>(),
    runtimes: new SharedRuntimes(),
    memo: new SharedMemo(),
    checkpointRuntimes: new SharedRuntimes(true),
    series: new SharedSeries<TrafficSecond>(),
    checkpointEvents: new SharedSeries<KubeEvent>(),
    checkpointDecisions: new SharedSeries<Decision>(),
  };
  world: WorldState = newWorldState();
  /** A simulator limit (not Kubernetes'): more pods than this are refused, so no input can hang the page. */
  readonly maxPods: number;
  /** The most pods one command may create (see ClusterOptions.maxPodsPerCommand). */
  readonly maxPodsPerCommand: number;
  /** Pods created since the cluster was made (counts work, never restored). */
  private podsCreated = 0;
  /** While a command runs: the pod count it started at (its budget is checked while settling). */
  private commandStart: number | undefined;
  /** Files `kubectl apply -f NAME` can read: the scenario's manifests, by name. */
  files = new Map<string, string>();
  private listeners = new Set<() => void>();
  /** Watches on single objects (kubectl's `--watch`), called on every write of that object. */
  private watchers = new Set<(c: Change) => void>();
  /** Called with every recorded or repeated Event (the previous version for a repeat). */
  private eventWatchers = new Set<(e: KubeEvent, old: KubeEvent | undefined) => void>();
  /** The informers' caches the controllers read instead of going over every object. */
  private readonly replicaSetPods = new ReplicaSetPods();
  private readonly nodeUsage = new NodeUsageCache();
  private readonly serviceMembers = new ServiceMembers();

  constructor(private readonly options: ClusterOptions = {}) {
    this.rand = new Rand(seedRandState(options.seed ?? 1));
    this.timing = { ...defaultTiming, ...(options.timing ?? {}) };
    this.world = newWorldState(structuredCloneJson(options.apps ?? {}));
    this.watchWorld();
    this.maxPods = options.maxPodsTotal ?? 20_000;
    this.maxPodsPerCommand = options.maxPodsPerCommand ?? this.maxPods;
    this.store.onChange = (c) => this.onChange(c);
    for (const name of NAMESPACES) this.createNamespace(name);
    const nodes = options.nodes ?? 3;
    for (let i = 1; i <= nodes; i++) this.createNode(`node-${i}`, i, options);
  }

  /**
   * The namespaces of a fresh cluster. Their uids are derived from their names, not drawn from the
   * seeded generator, so adding them moved no pod name or uid.
   */
  private createNamespace(name: string): void {
    this.store.put<KubeObject & { spec: object; status: object }>({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        uid: hashUuid(`namespace/${name}`),
        creationTimestamp: timestamp(0),
        labels: { 'kubernetes.io/metadata.name': name },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }

  private createNode(name: string, index: number, options: ClusterOptions): void {
    const capacity = {
      cpu: options.cpu ?? '4',
      memory: options.memory ?? '8Gi',
      pods: String(options.maxPods ?? 110),
      'ephemeral-storage': '100Gi',
    };
    const node: NodeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
        },
      },
      spec: { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`] },
      status: {
        capacity,
        allocatable: { ...capacity },
        // The conditions a healthy kubelet reports.
        conditions: [
          [
            'MemoryPressure',
            'False',
            'KubeletHasSufficientMemory',
            'kubelet has sufficient memory available',
          ],
          ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
          ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
          ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
        ].map(([type, status, reason, message]) => ({
          type: type!,
          status: status!,
          reason: reason!,
          message: message!,
          lastHeartbeatTime: timestamp(0),
          lastTransitionTime: timestamp(0),
        })),
        addresses: [
          { type: 'InternalIP', address: `172.18.0.${index + 1}` },
          { type: 'Hostname', address: name },
        ],
        nodeInfo: {
          kubeletVersion: 'v1.33.1',
          containerRuntimeVersion: 'containerd://2.0.0',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          architecture: 'amd64',
          operatingSystem: 'linux',
        },
      },
    };
    this.create(node);
  }

  // -------------------------------------------------------------------------------------------
  // The simulated API

  create<T extends KubeObject>(obj: T): T {
    if (obj.kind === 'Pod' && this.store.count('Pod') >= this.maxPods)
      throw new ApiError(
        `pods "${obj.metadata.name}" is forbidden: this simulated cluster holds at most ${this.maxPods} pods`,
        'Forbidden',
      );
    const info = resourceForKind(obj.kind);
    const metadata = { ...obj.metadata };
    if (info?.namespaced) metadata.namespace = metadata.namespace ?? 'default';
    else delete metadata.namespace;
    metadata.uid = this.rand.uuid();
    metadata.creationTimestamp = timestamp(this.now);
    if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet' || obj.kind === 'PodDisruptionBudget')
      metadata.generation = 1;
    let out = { ...obj, metadata } as T;
    if (obj.kind === 'Pod') {
      out = admitPod(out as unknown as Pod) as unknown as T;
      this.podsCreated++;
      // Stop at the first pod past the command's budget, before any more work is done for it.
      this.checkBudget(0);
    }
    if (obj.kind === 'Service') out = this.allocateClusterIP(out as unknown as Service) as unknown as T;
    return this.store.put(out);
  }

  private allocateClusterIP(svc: Service): Service {
    svc = this.allocateNodePorts(svc);
    if (svc.spec.clusterIP === 'None' || (svc.spec.clusterIP && svc.spec.clusterIP !== '')) return svc;
    let ip = '';
    const used = new Set(this.store.list<Service>('Service').map((s) => s.spec.clusterIP));
    do ip = `10.96.${this.rand.int(255)}.${1 + this.rand.int(254)}`;
    while (used.has(ip));
    return { ...svc, spec: { ...svc.spec, clusterIP: ip, clusterIPs: [ip] } };
  }

  /** NodePort and LoadBalancer Services get a node port from 30000–32767 for each port without one. */
  allocateNodePorts(svc: Service): Service {
    if (svc.spec.type !== 'NodePort' && svc.spec.type !== 'LoadBalancer') return svc;
    const used = new Set(
      this.store.list<Service>('Service').flatMap((s) => (s.spec.ports ?? []).map((p) => p.nodePort)),
    );
    const ports = (svc.spec.ports ?? []).map((p) => {
      if (p.nodePort) return p;
      let port: number;
      do port = 30000 + this.rand.int(2768);
      while (used.has(port));
      used.add(port);
      return { ...p, nodePort: port };
    });
    return { ...svc, spec: { ...svc.spec, ports } };
  }

  update<T extends KubeObject>(obj: T): T {
    const old = this.store.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!old) return this.create(obj);
    const hasStatusSubresource = obj.kind !== 'Pod' && 'status' in old;
    const withPorts =
      obj.kind === 'Service' ? (this.allocateNodePorts(obj as unknown as Service) as unknown as T) : obj;
    const next = { ...withPorts, metadata: { ...withPorts.metadata } } as T & {
      spec?: unknown;
      status?: unknown;
    };
    if (old.metadata.uid !== undefined) next.metadata.uid = old.metadata.uid;
    if (old.metadata.creationTimestamp !== undefined)
      next.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (hasStatusSubresource) (next as { status?: unknown }).status = (old as { status?: unknown }).status;
    if (old.metadata.generation !== undefined) {
      const specChanged = !deepEqual((old as { spec?: unknown }).spec, next.spec);
      next.metadata.generation = (old.metadata.generation ?? 0) + (specChanged ? 1 : 0);
    }
    if (old.metadata.resourceVersion !== undefined)
      next.metadata.resourceVersion = old.metadata.resourceVersion;
    if (deepEqual(old, next)) return old;
    return this.store.put(next);
  }

  updateStatus<T extends KubeObject>(obj: T): T {
    const old = this.store.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!old) return obj;
    const metadata =
      obj.kind === 'Deployment'
        ? { ...old.metadata, annotations: obj.metadata.annotations ?? {} }
        : old.metadata;
    if (metadata.annotations && Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
    const next = { ...old, metadata, status: (obj as { status?: unknown }).status } as T;
    if (deepEqual(old, next)) return old;
    return this.store.put(next);
  }

  delete(kind: string, namespace: string | undefined, name: string, gracePeriodSeconds?: number): void {
    const obj = this.store.get(kind, namespace, name);
    if (!obj) return;
    if (kind === 'Pod') {
      const pod = obj as Pod;
      const grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      if (
        pod.spec.nodeName &&
        grace > 0 &&
        pod.status?.phase !== 'Succeeded' &&
        pod.status?.phase !== 'Failed'
      ) {
        if (pod.metadata.deletionTimestamp) return;
        this.store.put<Pod>({
          ...pod,
          metadata: {
            ...pod.metadata,
            deletionTimestamp: timestamp(this.now + grace),
            deletionGracePeriodSeconds: grace,
          },
        });
        return;
      }
    }
    this.store.remove(kind, namespace, name);
  }

  event(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    host?: string,
  ): void {
    const namespace = obj.metadata.namespace ?? 'default';
    // The reference as upstream's recorders write it. A namespaced object's is its own; a Node's
    // has no namespace (its events go to `default`): the kubelet's nodeRef carries the node's
    // name as its uid and no apiVersion, the node controller's (RecordNodeStatusChange) the uid.
    const involvedObject: KubeEvent['involvedObject'] =
      obj.metadata.namespace !== undefined
        ? {
            kind: obj.kind,
            namespace,
            name: obj.metadata.name,
            uid: obj.metadata.uid ?? '',
            apiVersion: obj.apiVersion,
            resourceVersion: obj.metadata.resourceVersion ?? '',
          }
        : component === 'kubelet'
          ? { kind: obj.kind, name: obj.metadata.name, uid: obj.metadata.name }
          : {
              apiVersion: obj.apiVersion,
              kind: obj.kind,
              name: obj.metadata.name,
              uid: obj.metadata.uid ?? '',
            };
    // The event correlator: the same event about the same object only bumps count and lastTimestamp.
    const key = eventKey(
      involvedObject.uid || involvedObject.name,
      type,
      reason,
      component,
      host ?? '',
      message,
    );
    const ts = timestamp(this.now);
    const at = this.eventIndex().get(key);
    if (at !== undefined && this.eventLog[at]) {
      const prev = this.eventLog[at]!;
      const next: KubeEvent = deepFreeze({
        ...prev,
        metadata: { ...prev.metadata, resourceVersion: this.store.nextResourceVersion() },
        count: prev.count + 1,
        lastTimestamp: ts,
      });
      this.eventLog[at] = next;
      eventKeys.set(next, key);
      this.versions.events++;
      for (const w of this.eventWatchers) w(next, prev);
      return;
    }
    this.eventSeq++;
    const source: KubeEvent['source'] = { component };
    if (host) source.host = host;
    const eventName = `${obj.metadata.name}.${(EVENT_NAME_BASE + this.eventSeq).toString(16)}`;
    // What client-go's recorder writes (core/v1 Events): reportingComponent and -Instance mirror
    // the source, eventTime stays null. The uid is derived, not drawn from the seeded generator.
    const ev: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: eventName,
        namespace,
        // Events are API objects: each write takes the next resourceVersion, like any other.
        uid: hashUuid(`${namespace}/${eventName}`),
        resourceVersion: this.store.nextResourceVersion(),
        creationTimestamp: ts,
      },
      involvedObject,
      reason,
      message,
      type,
      source,
      firstTimestamp: ts,
      lastTimestamp: ts,
      eventTime: null,
      count: 1,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    this.eventIndex().set(key, this.eventLog.length);
    this.eventLog.push(deepFreeze(ev));
    eventKeys.set(ev, key);
    this.versions.events++;
    for (const w of this.eventWatchers) w(ev, undefined);
  }

  decide(d: Omit<Decision, 't'>): void {
    // A "still waiting" record repeats on every sync while nothing changes: keep it once until
    // the object's controller acts again.
    const objKey = `${d.object.kind}/${d.object.namespace ?? ''}/${d.object.name}`;
    const signature = JSON.stringify(d.values);
    const waiting = WAITING_CODES.test(d.code);
    const seen = this.lastDecision.get(objKey);
    if (waiting && seen?.get(d.code) === signature) return;
    if (!waiting || !seen) this.lastDecision.set(objKey, new Map());
    else this.shared.memo.changed(seen);
    this.lastDecision.get(objKey)!.set(d.code, signature);
    this.versions.memo++;
    this.decisionLog.push(deepFreeze({ t: this.now, ...d }));
    this.versions.decisions++;
  }

  enqueue(queue: QueueName, key: string): void {
    this.queues[queue].add(key);
  }

  enqueueAfter(queue: QueueName, key: string, seconds: number): void {
    if (seconds <= 0) {
      this.enqueue(queue, key);
      return;
    }
    const at = roundTime(this.now + seconds);
    if (at <= this.now) {
      this.enqueue(queue, key);
      return;
    }
    const id = `${queue}\u0000${key}`;
    const pending = this.pendingTimers.get(id);
    if (pending !== undefined && pending <= at && pending > this.now) return;
    this.pendingTimers.set(id, at);
    this.timers.push(Object.freeze({ at, seq: this.timerSeq++, target: queue, key }));
  }

  // -------------------------------------------------------------------------------------------
  // Informers: which queue a change wakes

  /** Calls `fn` with every change from now on, as a watch would; returns the stop function. */
  watch(fn: (c: Change) => void): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  /** Calls `fn` with every Event recorded or repeated from now on; returns the stop function. */
  watchEvents(fn: (e: KubeEvent, old: KubeEvent | undefined) => void): () => void {
    this.eventWatchers.add(fn);
    return () => this.eventWatchers.delete(fn);
  }

  private onChange(c: Change): void {
    for (const w of this.watchers) w(c);
    const ns = c.obj.metadata.namespace ?? 'default';
    const key = objectKey(ns, c.obj.metadata.name);
    switch (c.kind) {
      case 'Deployment':
        this.enqueue('deployment', key);
        if (c.type === 'deleted') this.enqueue('gc', c.obj.metadata.uid ?? '');
        break;
      case 'ReplicaSet':
        if (c.type === 'deleted') this.replicaSetPods.onReplicaSetDeleted(c.obj.metadata.uid);
        this.enqueue('replicaset', key);
        this.enqueueOwnerDeployment(c.obj, c.old);
        if (c.type === 'deleted') this.enqueue('gc', c.obj.metadata.uid ?? '');
        break;
      case 'Pod':
        this.onPodChange(c, key);
        break;
      case 'Service':
        this.enqueue('endpoints', key);
        break;
      case 'Node':
        for (const k of this.world.unschedulable) this.enqueue('scheduler', k);
        if (c.type !== 'deleted') this.enqueue('nodelifecycle', c.obj.metadata.name);
        break;
      case 'PodDisruptionBudget':
        this.enqueue('disruption', key);
        break;
    }
  }

  private enqueueOwnerDeployment(rs: KubeObject, old: KubeObject | undefined): void {
    const ns = rs.metadata.namespace ?? 'default';
    for (const o of [rs, old]) {
      const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
      if (ref) this.enqueue('deployment', objectKey(ns, ref.name));
    }
    if (!controllerUid(rs))
      for (const d of this.store.list<Deployment>('Deployment', ns))
        if (selectorMatches(d.spec.selector, rs.metadata.labels))
          this.enqueue('deployment', objectKey(ns, d.metadata.name));
  }

  private onPodChange(c: Change, key: string): void {
    const pod = c.obj as Pod;
    const old = c.old as Pod | undefined;
    const ns = pod.metadata.namespace ?? 'default';
    this.replicaSetPods.onPodChange(key, old, c.type === 'deleted' ? undefined : pod);
    this.nodeUsage.onPodChange(old, c.type === 'deleted' ? undefined : pod);
    this.serviceMembers.onPodChange(key, ns);
    if (c.type === 'deleted') {
      this.world.pods.delete(key);
      this.world.unschedulable.delete(key);
      for (const k of this.world.unschedulable) this.enqueue('scheduler', k);
    } else {
      if (!pod.spec.nodeName && !pod.metadata.deletionTimestamp && !old) {
        this.enqueueAfter('scheduler', key, this.timing.scheduleSeconds);
      }
      if (
        pod.spec.nodeName &&
        (!old?.spec.nodeName || (pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp))
      )
        this.enqueue('kubelet', key);
      if (!pod.spec.nodeName && pod.metadata.deletionTimestamp) this.enqueue('kubelet', key);
    }
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
    // Most pod writes are the kubelet's progress reports; only some change what a ReplicaSet
    // counts or what a Service routes to (upstream's handlers compare too, and the controllers
    // are level-triggered, so skipping the rest changes nothing but the work done).
    const before = old ?? (c.type === 'deleted' ? pod : undefined);
    const after = c.type === 'deleted' ? undefined : pod;
    const forReplicaSet =
      !before ||
      (after ? factsOf(before).replicaSet !== factsOf(after).replicaSet : !before.metadata.deletionTimestamp);
    const forEndpoints =
      (before ? factsOf(before).endpoints : '') !== (after ? factsOf(after).endpoints : '');
    if (forReplicaSet || c.type === 'deleted') enqueueBudgets(this, pod, old);
    if (ref) {
      if (forReplicaSet) this.enqueue('replicaset', objectKey(ns, ref.name));
      const rs = this.store.get<ReplicaSet>('ReplicaSet', ns, ref.name);
      const minReady = rs?.spec.minReadySeconds ?? 0;
      if (rs && minReady > 0 && old && !isPodReady(old) && isPodReady(pod))
        this.enqueueAfter('replicaset', objectKey(ns, ref.name), minReady + 1);
      if (c.type === 'deleted' && rs) {
        const dref = rs.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
        const d = dref ? this.store.get<Deployment>('Deployment', ns, dref.name) : undefined;
        if (d?.spec.strategy?.type === 'Recreate') this.enqueue('deployment', objectKey(ns, d.metadata.name));
      }
    } else if (c.type !== 'deleted') {
      for (const rs of this.store.list<ReplicaSet>('ReplicaSet', ns))
        if (selectorMatches(rs.spec.selector, pod.metadata.labels))
          this.enqueue('replicaset', objectKey(ns, rs.metadata.name));
    }
    if (!forEndpoints) return;
    for (const svc of this.store.values<Service>('Service')) {
      if ((svc.metadata.namespace ?? 'default') !== ns) continue;
      if (
        mapSelectorMatches(svc.spec.selector, pod.metadata.labels) ||
        (old && mapSelectorMatches(svc.spec.selector, old.metadata.labels))
      )
        this.enqueue('endpoints', objectKey(ns, svc.metadata.name));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Running

  /**
   * Marks the start of a command: from now until `endCommand()`, settling throws BudgetError once
   * the command has created more than `maxPodsPerCommand` pods. The caller undoes the command.
   */
  beginCommand(): void {
    this.commandStart = this.podsCreated;
  }

  endCommand(): void {
    this.commandStart = undefined;
  }

  private checkBudget(steps: number): void {
    if (steps > MAX_STEPS_PER_INSTANT)
      throw new BudgetError(
        `the simulated controllers did not settle within ${MAX_STEPS_PER_INSTANT} steps at t=${this.now}s; this is more work than the simulator does at one instant`,
      );
    if (this.commandStart !== undefined && this.podsCreated - this.commandStart > this.maxPodsPerCommand)
      throw new BudgetError(
        `this command would create more than ${this.maxPodsPerCommand} pods at once, more than this simulated cluster runs in one command`,
      );
  }

  /**
   * Run every queue until nothing changes at the current instant. Throws BudgetError when that
   * takes more steps than MAX_STEPS_PER_INSTANT or the running command's pod budget is spent.
   * While a command runs, a controller's failure propagates (the command is undone); while time
   * moves, the failing sync is dropped and the others go on, so playback never stops.
   */
  settle(): void {
    let steps = 0;
    for (;;) {
      this.checkBudget(++steps);
      const name = QUEUE_ORDER.find((q) => this.queues[q].size > 0);
      if (!name) return;
      try {
        this.step(name);
      } catch (e) {
        if (this.commandStart !== undefined || e instanceof BudgetError) throw e;
        this.faults++;
      }
    }
  }

  /** Syncs a controller failed with while time moved (a fault in the simulator; dropped). */
  faults = 0;

  private step(name: QueueName): void {
    const queue = this.queues[name];
    if (name === 'scheduler' || name === 'kubelet' || name === 'gc' || name === 'traffic') {
      const keys = [...queue];
      queue.clear();
      if (name === 'scheduler') scheduleBatch(this, this.world, keys, this.nodeUsage);
      else if (name === 'kubelet') for (const k of keys) syncPod(this, this.world, k);
      else if (name === 'gc') for (const uid of keys) this.collectGarbage(uid);
      else this.trafficTick();
      return;
    }
    const key = queue.values().next().value as string;
    queue.delete(key);
    if (name === 'replicaset') syncReplicaSet(this, key, this.replicaSetPods);
    else if (name === 'endpoints') syncEndpoints(this, key, this.serviceMembers);
    else if (name === 'disruption') syncDisruptionBudget(this, key);
    else if (name === 'nodelifecycle') syncNode(this, this.world, key);
    else syncDeployment(this, key);
  }

  // -------------------------------------------------------------------------------------------
  // Traffic

  /** Sends `requestsPerSecond` requests to a Service from now on (0 stops them). */
  setTraffic(service: string, requestsPerSecond: number, namespace = 'default'): void {
    const t = this.world.traffic;
    const i = t.sources.findIndex((s) => s.service === service && s.namespace === namespace);
    if (requestsPerSecond <= 0) {
      if (i >= 0) {
        t.sources.splice(i, 1);
        t.carry.splice(i, 1);
      }
      return;
    }
    if (i >= 0) t.sources[i]!.requestsPerSecond = requestsPerSecond;
    else {
      t.sources.push({ service, namespace, requestsPerSecond });
      t.carry.push(0);
    }
    if (t.lastBatchEnd < this.now) t.lastBatchEnd = this.now;
    this.enqueueAfter('traffic', 'clients', BATCH_SECONDS);
  }

  private trafficTick(): void {
    const t = this.world.traffic;
    if (t.sources.length === 0) return;
    runTrafficBatch(this, this.world, t);
    this.enqueueAfter('traffic', 'clients', BATCH_SECONDS);
  }

  /** Requests sent in [from, to) that are still kept (the last RECENT_SECONDS). */
  requests(from: number, to: number): RequestRecord[] {
    return this.world.traffic.recent.filter((r) => r.t >= from && r.t < to);
  }

  /** Per-second request aggregates (successes by version, errors, refused), oldest first. */
  trafficSeries(): readonly TrafficSecond[] {
    return this.world.traffic.series;
  }

  trafficSources(): readonly { service: string; namespace: string; requestsPerSecond: number }[] {
    return this.world.traffic.sources;
  }

  /** The garbage collector: dependents of a deleted owner are deleted too (background cascade). */
  private collectGarbage(uid: string): void {
    if (!uid) return;
    for (const kind of ['ReplicaSet', 'Pod', 'EndpointSlice']) {
      for (const o of this.store.listControlledBy(uid, kind))
        this.delete(kind, o.metadata.namespace, o.metadata.name);
    }
  }

  /** Move virtual time forward, firing timers in order and settling at every instant. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new RangeError(`advance: seconds must be a finite number ≥ 0, got ${seconds}`);
    const target = roundTime(this.now + seconds);
    this.settleInstant();
    for (;;) {
      const next = this.timers.peek();
      // Events are pruned every PRUNE_SECONDS of virtual time, at the same moments in every replay.
      const prune = (Math.floor(this.now / PRUNE_SECONDS) + 1) * PRUNE_SECONDS;
      if (prune <= target && (!next || prune <= next.at)) {
        this.now = prune;
        this.pruneEvents();
        continue;
      }
      if (!next || next.at > target) break;
      this.now = next.at;
      while (this.timers.peek() && this.timers.peek()!.at === this.now) {
        const t = this.timers.pop()!;
        const id = `${t.target}\u0000${t.key}`;
        if (this.pendingTimers.get(id) === t.at) this.pendingTimers.delete(id);
        this.enqueue(t.target as QueueName, t.key);
      }
      this.settleInstant();
    }
    this.now = target;
    this.notify();
  }

  /**
   * Settling while time moves: playback never throws. Work that would not settle within the
   * budget is dropped at this instant (the controllers are level-triggered: the next change or
   * timer wakes them again), so time keeps moving and every replay drops the same work.
   */
  private settleInstant(): void {
    try {
      this.settle();
    } catch (e) {
      if (!(e instanceof BudgetError) || this.commandStart !== undefined) throw e;
      for (const q of QUEUE_ORDER) this.queues[q].clear();
    }
  }

  /** The time of the next timer, if any (for stepping to the next controller action). */
  nextWakeUp(): number | undefined {
    return this.timers.peek()?.at;
  }

  /**
   * Events older than the TTL are dropped (by lastTimestamp, so repeating ones stay), with the
   * decision records of that age. Runs at every whole minute of virtual time, so every replay
   * prunes at the same moments.
   */
  private pruneEvents(): void {
    const cutoff = timestamp(this.now - EVENT_TTL_SECONDS);
    const t = this.now - EVENT_TTL_SECONDS;
    if (this.decisionLog.length && this.decisionLog[0]!.t < t) {
      this.decisionLog = this.decisionLog.filter((d) => d.t >= t);
      this.versions.decisions++;
    }
    // A lower bound of the oldest lastTimestamp stays one as events are recorded (they only get
    // later): with it, a minute with nothing to drop costs no scan of the log.
    if (this.eventsNotBefore === undefined || this.eventsNotBefore < cutoff)
      this.eventsNotBefore = oldestTimestamp(this.eventLog);
    if (this.eventsNotBefore >= cutoff) return;
    this.eventLog = this.eventLog.filter((e) => e.lastTimestamp >= cutoff);
    this.versions.events++;
    this.eventIndexMap = undefined;
    this.eventsNotBefore = undefined;
  }

  private eventIndex(): Map<string, number> {
    if (this.eventIndexMap) return this.eventIndexMap;
    const index = new Map<string, number>();
    const log = this.eventLog;
    for (let i = 0; i < log.length; i++) index.set(keyOfEvent(log[i]!), i);
    this.eventIndexMap = index;
    return index;
  }

  /** Called after every public change; the UI subscribes to redraw. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  getObject<T extends KubeObject>(kind: string, name: string, namespace?: string): T | undefined {
    const info = resolveResource(kind);
    if (!info) return undefined;
    return this.store.get<T>(info.kind, info.namespaced ? (namespace ?? 'default') : undefined, name);
  }

  listObjects<T extends KubeObject>(kind: string, namespace?: string): T[] {
    const info = resolveResource(kind);
    if (!info) return [];
    if (info.kind === 'Event')
      return this.eventLog.filter(
        (e) => namespace === undefined || e.metadata.namespace === namespace,
      ) as unknown as T[];
    return this.store.list<T>(info.kind, info.namespaced ? namespace : undefined);
  }

  eventList(): readonly KubeEvent[] {
    return this.eventLog;
  }

  decisions(): readonly Decision[] {
    return this.decisionLog;
  }

  /** The event log as a frozen list: the same list until an event is recorded or pruned. */
  frozenEvents(): readonly KubeEvent[] {
    return this.shared.events.of(this.eventLog, this.versions.events);
  }

  /** The decision records as a frozen list: the same list until one is recorded or pruned. */
  frozenDecisions(): readonly Decision[] {
    return this.shared.decisions.of(this.decisionLog, this.versions.decisions);
  }

  // -------------------------------------------------------------------------------------------
  // Snapshots

  snapshot(): ClusterSnapshot {
    return this.capture(this.shared.runtimes.of(this.world.pods), copyTrafficState(this.world.traffic));
  }

  /** A snapshot with these kubelet records and traffic; the rest shared with the last one. */
  private capture(
    pods: [string, PodRuntime][],
    traffic: TrafficState,
    logs?: { events: KubeEvent[]; decisions: Decision[] },
  ): ClusterSnapshot {
    return {
      version: 1,
      now: this.now,
      store: this.store.save(),
      rand: [...this.rand.state] as RandState,
      queues: Object.fromEntries(QUEUE_ORDER.map((q) => [q, [...this.queues[q]]])) as Record<
        QueueName,
        string[]
      >,
      timers: [...this.timers.items],
      timerSeq: this.timerSeq,
      // Unchanged parts are the previous snapshot's (snapshot-parts.ts).
      events: logs ? logs.events : this.shared.events.of(this.eventLog, this.versions.events),
      decisions: logs ? logs.decisions : this.shared.decisions.of(this.decisionLog, this.versions.decisions),
      eventSeq: this.eventSeq,
      world: {
        pods,
        nodeImages: [...this.world.nodeImages],
        nextIp: [...this.world.nextIp],
        downNodes: [...this.world.downNodes],
        unschedulable: [...this.world.unschedulable],
        traffic,
        apps: this.world.apps,
      },
      lastDecision: this.shared.memo.of(this.lastDecision, this.versions.memo),
      timing: { ...this.timing },
    };
  }

  /** The kubelet says which runtime records it may change, so snapshots copy only those again. */
  private watchWorld(): void {
    const { runtimes, checkpointRuntimes } = this.shared;
    runtimes.reset();
    checkpointRuntimes.reset();
    this.world.touch = (key) => {
      runtimes.touched(key);
      checkpointRuntimes.touched(key);
    };
  }

  /**
   * What a Run keeps every 10 virtual seconds: a snapshot that shares even more with the previous
   * one than snapshot() does (request counts apart from the kubelet records, which otherwise change
   * with every request served; per-second traffic, events and decisions in chunks, of which an
   * hour's checkpoints share all but the last). Not plain data: rewind() takes it
   * back; snapshot() is what to store or send.
   */
  checkpoint(): ClusterCheckpoint {
    const t = this.world.traffic;
    return {
      snapshot: this.capture(
        this.shared.checkpointRuntimes.of(this.world.pods),
        {
          ...t,
          sources: t.sources.map((x) => ({ ...x })),
          recent: [...t.recent],
          series: [],
          carry: [...t.carry],
        },
        { events: [], decisions: [] },
      ),
      requests: SharedRuntimes.requests(this.world.pods),
      series: this.shared.series.of(t.series, (x) => ({ ...x, ok: { ...x.ok } })),
      events: this.shared.checkpointEvents.of(this.eventLog, (e) => e, this.versions.events),
      decisions: this.shared.checkpointDecisions.of(this.decisionLog, (d) => d, this.versions.decisions),
    };
  }

  /** Puts a checkpoint back (see checkpoint()). */
  rewind(cp: ClusterCheckpoint): void {
    const w = cp.snapshot.world;
    this.load({
      ...cp.snapshot,
      events: joinChunks(cp.events),
      decisions: joinChunks(cp.decisions),
      world: {
        ...w,
        pods: w.pods.map(([key, rt], i) => [key, { ...rt, requests: cp.requests[i]! }]),
        traffic: { ...w.traffic, series: joinChunks(cp.series) },
      },
    });
  }

  /**
   * A separate cluster in exactly this state (same shape, files and options): what a command may
   * run against to show what it would do without touching this one.
   */
  fork(): SimCluster {
    const copy = new SimCluster({ ...this.options, nodes: 0 });
    copy.restore(this.snapshot());
    for (const [name, text] of this.files) copy.files.set(name, text);
    return copy;
  }

  /**
   * Puts a snapshot back. The input is checked in full first (SnapshotError, and nothing
   * changes); its objects are frozen, as stored objects are, so the caller cannot change the
   * cluster through them afterwards.
   */
  restore(s: ClusterSnapshot): void {
    checkSnapshot(s, QUEUE_ORDER);
    for (const [, entries] of s.store.kinds) for (const [, o] of entries) deepFreeze(o);
    for (const e of s.events) deepFreeze(e);
    for (const d of s.decisions) deepFreeze(d);
    this.load(s);
  }

  /** Puts back a snapshot known to be whole and frozen: one of this cluster's own. */
  private load(s: ClusterSnapshot): void {
    const onChange = this.store.onChange;
    this.store.onChange = () => {};
    try {
      this.store.load(s.store);
    } finally {
      this.store.onChange = onChange;
    }
    this.replicaSetPods.reset();
    this.nodeUsage.reset();
    this.serviceMembers.reset();
    this.now = s.now;
    this.rand = new Rand([...s.rand] as RandState);
    for (const q of QUEUE_ORDER) this.queues[q] = new Set(s.queues[q] ?? []);
    this.timers = new TimerHeap();
    this.timers.items = s.timers.map((t) => Object.freeze({ ...t }));
    this.timerSeq = s.timerSeq;
    this.pendingTimers = new Map();
    for (const t of s.timers) {
      const id = `${t.target}\u0000${t.key}`;
      const cur = this.pendingTimers.get(id);
      if (cur === undefined || t.at < cur) this.pendingTimers.set(id, t.at);
    }
    this.eventLog = [...s.events];
    this.shared.events.adopt(s.events, ++this.versions.events);
    this.eventIndexMap = undefined;
    this.eventsNotBefore = undefined;
    this.decisionLog = [...s.decisions];
    this.shared.decisions.adopt(s.decisions, ++this.versions.decisions);
    this.eventSeq = s.eventSeq;
    this.world = copyWorldState({
      pods: new Map(s.world.pods),
      nodeImages: new Map(s.world.nodeImages),
      nextIp: new Map(s.world.nextIp),
      downNodes: new Map(s.world.downNodes ?? []),
      unschedulable: new Set(s.world.unschedulable),
      traffic: copyTrafficState(s.world.traffic),
      apps: s.world.apps,
    });
    this.lastDecision = new Map(s.lastDecision.map(([k, m]) => [k, new Map(m)]));
    this.versions.memo++;
    this.watchWorld();
    // Snapshots made before timing.jitter existed carry no jitter: they used the default.
    this.timing = { ...defaultTiming, ...s.timing };
    this.notify();
  }
}

/** The least lastTimestamp of the events ('\uffff' for none: later than any). */
function oldestTimestamp(log: readonly KubeEvent[]): string {
  let oldest = '\uffff';
  for (const e of log) if (e.lastTimestamp < oldest) oldest = e.lastTimestamp;
  return oldest;
}

const labelText = (p: Pod) => JSON.stringify(p.metadata.labels ?? {});
const readyText = (p: Pod) => {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready');
  return `${c?.status ?? ''}@${c?.lastTransitionTime ?? ''}`;
};

interface PodFacts {
  /**
   * What a ReplicaSet's sync reads of a pod: phase, readiness (and since when), deletion, labels,
   * owner. A terminating pod no longer counts, so its final removal changes nothing for it.
   */
  replicaSet: string;
  /**
   * What the endpoints controller reads of a pod: nothing while it has no IP or is terminating
   * (it is no endpoint then); else IP, node, readiness, phase and labels.
   */
  endpoints: string;
}

/** Per stored pod (objects are immutable): each write compares the new pod's facts to the old's. */
const podFacts = new WeakMap<Pod, PodFacts>();

function factsOf(p: Pod): PodFacts {
  let f = podFacts.get(p);
  if (!f) {
    const labels = labelText(p);
    const ready = readyText(p);
    const owner = p.metadata.ownerReferences?.find((r) => r.controller)?.uid ?? '';
    f = {
      replicaSet: `${p.status?.phase}|${ready}|${p.metadata.deletionTimestamp ?? ''}|${labels}|${owner}`,
      endpoints:
        !p.status?.podIP || p.metadata.deletionTimestamp
          ? ''
          : `${p.status.podIP}|${p.spec.nodeName ?? ''}|${ready}|${p.status.phase}|${labels}`,
    };
    podFacts.set(p, f);
  }
  return f;
}

/**
 * What admission plugins add to every new pod: the default service account, priority 0 and the
 * not-ready/unreachable tolerations of 300 s (ServiceAccount, Priority, DefaultTolerationSeconds),
 * and the QoS class the API server stores in the status.
 */
function admitPod(pod: Pod): Pod {
  const spec = { ...pod.spec };
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.priority ??= 0;
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.tolerations = admittedTolerations(spec.tolerations);
  const withSpec = { ...pod, spec };
  // The pod strategy's PrepareForCreate records the QoS class in the status.
  return { ...withSpec, status: { ...withSpec.status, qosClass: podQOS(withSpec) } };
}

/** A private copy of plain configuration data, so later changes by the caller do not reach in. */
function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

type Tolerations = NonNullable<Pod['spec']['tolerations']>;
/** Admitted tolerations per given list (pods of one template share the list; it never changes). */
const tolerationsAdmitted = new WeakMap<Tolerations, Tolerations>();
const NO_TOLERATIONS: Tolerations = [];

function admittedTolerations(given: Tolerations | undefined): Tolerations {
  const from = given ?? NO_TOLERATIONS;
  let tolerations = tolerationsAdmitted.get(from);
  if (!tolerations) {
    tolerations = [...from];
    for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'])
      if (!tolerations.some((t) => t.key === key))
        tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    tolerationsAdmitted.set(from, tolerations);
  }
  return tolerations;
}

/** Virtual time is kept to microseconds so sums of fractions compare exactly. */
export function roundTime(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}
