/**
 * The simulated control plane, composed of its parts (ARCHITECTURE.md, "The cluster's parts"):
 *
 * - the API (`api.ts`): the store, admission, resourceVersions and watches, the only writer;
 * - the controller manager (`manager.ts`): the controllers' queues, timers and informers, run
 *   until an instant comes to rest;
 * - the recorder (`recorder.ts`): Events and decision records.
 *
 * `SimCluster` is what holds them together and what every client sees: the virtual clock, the
 * seeded generator, the simulated machines (`world`: kubelet runtimes, node images, traffic),
 * the controllers' `ControllerContext` (which it hands to the manager), `advance()` and
 * snapshots of the whole.
 */
import { deepFreeze } from '../k8s/copy.ts';
import { Rand, seedRandState, type RandState } from '../k8s/rand.ts';
import { resolveResource } from '../k8s/resources.ts';
import type { KubeEvent, KubeObject, Service } from '../k8s/types.ts';
import { ClusterApi } from './api.ts';
import { NAMESPACES } from './apply.ts';
import { namespaceObject, nodeObject } from './bootstrap.ts';
import {
  defaultTiming,
  type ControllerContext,
  type Decision,
  type QueueName,
  type StoreReader,
  type Timing,
} from './context.ts';
import type { Timer } from './heap.ts';
import type { CorrelatorState } from './correlator.ts';
import type { PodRuntime } from './kubelet.ts';
import { CommandBudget, ControllerManager, QUEUE_ORDER, roundTime } from './manager.ts';
import type { TriggerTimesState } from './controllers/triggertime.ts';
import { PRUNE_SECONDS, Recorder } from './recorder.ts';
import { checkSnapshot } from './snapshot.ts';
import {
  joinChunks,
  packRequests,
  SharedLogs,
  SharedRuntimes,
  SharedSeries,
  unpackRequests,
  type CheckpointLogs,
  type PackedRequests,
} from './snapshot-parts.ts';
import type { Change, StoreData } from './store.ts';
import type { AppBehaviour } from './apps.ts';
import {
  BATCH_SECONDS,
  copyTrafficState,
  type RequestRecord,
  type TrafficSecond,
  type TrafficState,
} from './traffic.ts';
import { copyWorldState, newWorldState, type WorldState } from './world.ts';

export { MAX_STEPS_PER_INSTANT, roundTime } from './manager.ts';

/** The most pods a simulation holds unless told otherwise (ClusterOptions.maxPodsTotal). */
export const MAX_PODS_TOTAL = 20_000;

export interface ClusterOptions {
  seed?: number;
  nodes?: number;
  cpu?: string;
  memory?: string;
  /** Pods per node (the kubelet's maxPods, 110 by default). */
  maxPods?: number;
  timing?: Partial<Timing>;
  /** The most pods the simulation holds (MAX_PODS_TOTAL); creating more fails like a quota would. */
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
  /** world.pods' requests served and app logs, in order (the snapshot's records hold neither). */
  readonly requests: readonly number[];
  readonly logs: CheckpointLogs;
  /** world.traffic.series, in chunks. */
  readonly series: readonly (readonly TrafficSecond[])[];
  /** world.traffic.recent, packed (the snapshot's is empty). */
  readonly recent: PackedRequests;
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
  /** See ManagerState.pendingTimers (absent in most snapshots). */
  pendingTimers?: [string, string, number | null][];
  /**
   * The endpoints controllers' trigger-time tracker: per Service, the pods whose remembered time
   * differs from their Ready condition's (absent in snapshots made before it was simulated).
   */
  triggerTimes?: TriggerTimesState;
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
  /** Each event source's correlator (absent in snapshots made before it was simulated). */
  correlators?: CorrelatorState[];
  timing: Timing;
}

export class SimCluster implements ControllerContext {
  /** The API's store, read-only: every write goes through the API (create/update/updateStatus/delete). */
  readonly store: StoreReader;
  rand: Rand;
  timing: Timing;
  now = 0;
  world: WorldState = newWorldState();
  /** A simulator limit (not Kubernetes'): more pods than this are refused, so no input can hang the page. */
  readonly maxPods: number;
  /** The most pods one command may create (see ClusterOptions.maxPodsPerCommand). */
  readonly maxPodsPerCommand: number;
  /** Files `kubectl apply -f NAME` can read: the scenario's manifests, by name. */
  files = new Map<string, string>();
  /** The API server's core: the store and every write to it. */
  readonly api: ClusterApi;
  /** The controller manager: queues, timers, informers. */
  readonly manager: ControllerManager;
  /** Events and decision records. */
  readonly recorder: Recorder;
  private readonly budget: CommandBudget;
  private listeners = new Set<() => void>();
  /** What the last snapshot was made of, shared by the next while unchanged. */
  private readonly shared = {
    runtimes: new SharedRuntimes(),
    checkpointRuntimes: new SharedRuntimes(true),
    logs: new SharedLogs(),
    series: new SharedSeries<TrafficSecond>(),
  };

  constructor(private readonly options: ClusterOptions = {}) {
    this.rand = new Rand(seedRandState(options.seed ?? 1));
    this.timing = { ...defaultTiming, ...(options.timing ?? {}) };
    this.world = newWorldState(structuredCloneJson(options.apps ?? {}));
    this.watchWorld();
    this.maxPods = options.maxPodsTotal ?? MAX_PODS_TOTAL;
    this.maxPodsPerCommand = options.maxPodsPerCommand ?? this.maxPods;
    this.budget = new CommandBudget(this.maxPodsPerCommand, this);
    this.manager = new ControllerManager(this, () => this.world, this.budget);
    this.api = new ClusterApi(this, this.maxPods, this.budget, (c) => {
      if (c.type === 'deleted') this.recorder.forget(c.obj);
      this.manager.onChange(c);
    });
    this.store = this.api.store;
    this.recorder = new Recorder(() => this.api.nextResourceVersion());
    for (const name of NAMESPACES) this.api.seed(namespaceObject(name));
    const nodes = options.nodes ?? 3;
    for (let i = 1; i <= nodes; i++) this.create(nodeObject(`node-${i}`, i, options));
  }

  // -------------------------------------------------------------------------------------------
  // The controllers' context: writes go to the API, records to the recorder, wake-ups to the
  // controller manager.

  create<T extends KubeObject>(obj: T): T {
    return this.api.create(obj);
  }

  /** NodePort and LoadBalancer Services get a node port from 30000–32767 for each port without one. */
  allocateNodePorts(svc: Service): Service {
    return this.api.allocateNodePorts(svc);
  }

  update<T extends KubeObject>(obj: T): T {
    return this.api.update(obj);
  }

  updateStatus<T extends KubeObject>(obj: T): T {
    return this.api.updateStatus(obj);
  }

  /** `orphan`: the objects it owns stay, without their owner reference to it. */
  delete(
    kind: string,
    namespace: string | undefined,
    name: string,
    gracePeriodSeconds?: number,
    orphan = false,
  ): void {
    this.api.delete(kind, namespace, name, gracePeriodSeconds, orphan);
  }

  event(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    host?: string,
    fieldPath?: string,
  ): void {
    this.recorder.event(this.now, obj, type, reason, message, component, host, fieldPath);
  }

  decide(d: Omit<Decision, 't'>): void {
    this.recorder.decide(this.now, d);
  }

  enqueue(queue: QueueName, key: string): void {
    this.manager.enqueue(queue, key);
  }

  enqueueAfter(queue: QueueName, key: string, seconds: number): void {
    this.manager.enqueueAfter(queue, key, seconds);
  }

  cancelWake(queue: QueueName, key: string): boolean {
    return this.manager.cancelWake(queue, key);
  }

  /** Calls `fn` with every change from now on, as a watch would; returns the stop function. */
  watch(fn: (c: Change) => void): () => void {
    return this.api.watch(fn);
  }

  /** Calls `fn` with every Event recorded or repeated from now on; returns the stop function. */
  watchEvents(fn: (e: KubeEvent, old: KubeEvent | undefined) => void): () => void {
    return this.recorder.watchEvents(fn);
  }

  // -------------------------------------------------------------------------------------------
  // Running

  /**
   * Marks the start of a command: from now until `endCommand()`, settling throws BudgetError once
   * the command has created more than `maxPodsPerCommand` pods. The caller undoes the command.
   */
  beginCommand(): void {
    this.budget.begin();
  }

  endCommand(): void {
    this.budget.end();
  }

  /** Runs the controllers until nothing changes at the current instant (see ControllerManager.settle). */
  settle(): void {
    this.manager.settle();
  }

  /** Syncs a controller failed with while time moved (a fault in the simulator; dropped). */
  get faults(): number {
    return this.manager.faults;
  }

  /**
   * Move virtual time forward, firing timers in order and settling at every instant. With
   * `outOfTime`, stops at the first instant after which it says so, short of the target.
   */
  advance(seconds: number, outOfTime?: () => boolean): void {
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new RangeError(`advance: seconds must be a finite number ≥ 0, got ${seconds}`);
    const target = roundTime(this.now + seconds);
    this.manager.settleInstant();
    let stopped = false;
    for (;;) {
      const next = this.manager.nextWakeUp();
      // Events are pruned every PRUNE_SECONDS of virtual time, at the same moments in every replay.
      const prune = (Math.floor(this.now / PRUNE_SECONDS) + 1) * PRUNE_SECONDS;
      if (prune <= target && (next === undefined || prune <= next)) {
        this.now = prune;
        this.recorder.prune(this.now);
        continue;
      }
      if (next === undefined || next > target) break;
      this.now = next;
      this.manager.fireTimers(this.now);
      this.manager.settleInstant();
      if (outOfTime?.()) {
        stopped = true;
        break;
      }
    }
    if (!stopped) this.now = target;
    this.notify();
  }

  /** The time of the next timer, if any (for stepping to the next controller action). */
  nextWakeUp(): number | undefined {
    return this.manager.nextWakeUp();
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
      return this.recorder
        .eventList()
        .filter((e) => namespace === undefined || e.metadata.namespace === namespace) as unknown as T[];
    return this.store.list<T>(info.kind, info.namespaced ? namespace : undefined);
  }

  eventList(): readonly KubeEvent[] {
    return this.recorder.eventList();
  }

  decisions(): readonly Decision[] {
    return this.recorder.decisions();
  }

  /** The event log as a frozen list: the same list until an event is recorded or pruned. */
  frozenEvents(): readonly KubeEvent[] {
    return this.recorder.frozenEvents();
  }

  /** The decision records as a frozen list: the same list until one is recorded or pruned. */
  frozenDecisions(): readonly Decision[] {
    return this.recorder.frozenDecisions();
  }

  // -------------------------------------------------------------------------------------------
  // Snapshots

  snapshot(): ClusterSnapshot {
    return this.capture(this.shared.runtimes.of(this.world.pods), copyTrafficState(this.world.traffic));
  }

  /**
   * A snapshot used once and dropped: a command's undo point, a fork's start. It shares what the
   * last snapshot made, but what it makes is not kept for the next one to share (that would keep,
   * say, every pod a rollout deletes after the command, until the next snapshot).
   */
  transientSnapshot(): ClusterSnapshot {
    return this.capture(
      this.shared.runtimes.of(this.world.pods, false),
      copyTrafficState(this.world.traffic),
      undefined,
      false,
    );
  }

  /** A snapshot with these kubelet records and traffic; the rest shared with the last one. */
  private capture(
    pods: [string, PodRuntime][],
    traffic: TrafficState,
    logs?: { events: KubeEvent[]; decisions: Decision[] },
    remember = true,
  ): ClusterSnapshot {
    const recorded = this.recorder.save(!logs, remember);
    const managed = this.manager.save();
    return {
      version: 1,
      now: this.now,
      store: this.api.store.save(remember),
      rand: [...this.rand.state] as RandState,
      queues: managed.queues,
      timers: managed.timers,
      timerSeq: managed.timerSeq,
      ...(managed.pendingTimers ? { pendingTimers: managed.pendingTimers } : {}),
      triggerTimes: managed.triggerTimes,
      // Unchanged parts are the previous snapshot's (snapshot-parts.ts).
      events: logs ? logs.events : recorded.events,
      decisions: logs ? logs.decisions : recorded.decisions,
      eventSeq: recorded.eventSeq,
      world: {
        pods,
        nodeImages: [...this.world.nodeImages],
        nextIp: [...this.world.nextIp],
        downNodes: [...this.world.downNodes],
        unschedulable: [...this.world.unschedulable],
        traffic,
        apps: this.world.apps,
      },
      lastDecision: recorded.lastDecision,
      correlators: recorded.correlators ?? [],
      timing: { ...this.timing },
    };
  }

  /** The kubelet says which runtime records it may change, so snapshots copy only those again. */
  private watchWorld(): void {
    const { runtimes, checkpointRuntimes } = this.shared;
    runtimes.reset();
    checkpointRuntimes.reset();
    this.world.touch = (key, served) => {
      runtimes.touched(key);
      if (!served) checkpointRuntimes.touched(key);
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
          recent: [],
          series: [],
          carry: [...t.carry],
        },
        { events: [], decisions: [] },
      ),
      requests: SharedRuntimes.requests(this.world.pods),
      logs: this.shared.logs.of(this.world.pods),
      series: this.shared.series.of(t.series, (x) => ({ ...x, ok: { ...x.ok } })),
      recent: packRequests(t.recent),
      ...this.recorder.checkpointLogs(),
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
        pods: w.pods.map(([key, rt], i) => [
          key,
          SharedRuntimes.served(rt, cp.requests[i]!, SharedLogs.at(cp.logs, i)),
        ]),
        traffic: { ...w.traffic, recent: unpackRequests(cp.recent), series: joinChunks(cp.series) },
      },
    });
  }

  /**
   * A separate cluster in exactly this state (same shape, files and options): what a command may
   * run against to show what it would do without touching this one.
   */
  fork(): SimCluster {
    const copy = new SimCluster({ ...this.options, nodes: 0 });
    copy.restore(this.transientSnapshot());
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
    for (const c of s.correlators ?? []) deepFreeze(c);
    this.load(s);
  }

  /** Puts back a snapshot known to be whole and frozen: one of this cluster's own. */
  private load(s: ClusterSnapshot): void {
    this.api.load(s.store);
    this.now = s.now;
    this.rand = new Rand([...s.rand] as RandState);
    this.manager.load(s);
    this.recorder.load(s);
    this.world = copyWorldState({
      pods: new Map(s.world.pods),
      nodeImages: new Map(s.world.nodeImages),
      nextIp: new Map(s.world.nextIp),
      downNodes: new Map(s.world.downNodes ?? []),
      unschedulable: new Set(s.world.unschedulable),
      traffic: copyTrafficState(s.world.traffic),
      apps: s.world.apps,
    });
    this.watchWorld();
    // Snapshots made before timing.jitter existed carry no jitter: they used the default.
    this.timing = { ...defaultTiming, ...s.timing };
    this.notify();
  }
}

/** A private copy of plain configuration data, so later changes by the caller do not reach in. */
function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
