/**
 * The controller manager: every controller's work queue, the timers that wake them later, the
 * informers that turn the API's changes into queued keys, and the loop that runs the queues until
 * an instant comes to rest.
 *
 * Each controller declares its own informer handlers next to its sync function (`…Informers` in
 * `controllers/*`, `world.ts` for the scheduler, `kubelet.ts`); the manager calls them for every
 * stored change in `CONTROLLERS` order and keeps the caches they fill. Controllers see the cluster
 * through a `ControllerContext` only: reading the store, writing through the API.
 *
 * Priority inside an instant (`QUEUE_ORDER`): garbage collection, node lifecycle, scheduler,
 * kubelet, ReplicaSets, endpoints, disruption budgets, and only then one Deployment sync at a
 * time, so every Deployment sync sees ReplicaSet statuses that reflect what it wrote before (as
 * upstream does once its informers have caught up); traffic last.
 */
import type { ControllerContext, InformerHandler, InformerHandlers, QueueName } from './context.ts';
import { deploymentInformers, syncDeployment } from './controllers/deployment/controller.ts';
import { endpointsInformers, ServiceMembers, syncEndpoints } from './controllers/endpoints.ts';
import type { TriggerTimesState } from './controllers/triggertime.ts';
import { collectGarbage, garbageCollectorInformers } from './controllers/garbagecollector.ts';
import { nodeLifecycleInformers, syncNode } from './controllers/nodelifecycle.ts';
import { ReplicaSetPods, replicaSetInformers, syncReplicaSet } from './controllers/replicaset.ts';
import { BudgetError } from './errors.ts';
import { TimerHeap, type Timer } from './heap.ts';
import { kubeletInformers, syncPod } from './kubelet.ts';
import { objectKey, type Change } from './store.ts';
import { BATCH_SECONDS, runTrafficBatch } from './traffic.ts';
import { NodeUsageCache, scheduleBatch, schedulerInformers, type WorldState } from './world.ts';

/** The disruption controller's informers and sync (controllers/disruption.ts). */
interface DisruptionController {
  informers: InformerHandlers;
  sync: (ctx: ControllerContext, key: string) => void;
}

/**
 * The disruption controller, plugged in with the simulator's extensions (cluster/extended.ts, see
 * src/extensions.ts): no PodDisruptionBudget can exist before they are in, and until one does the
 * controller does nothing.
 */
let disruption: DisruptionController | undefined;

export function useDisruptionController(c: DisruptionController): void {
  disruption = c;
}

/** True once PodDisruptionBudgets are looked after. */
export const disruptionControllerLoaded = (): boolean => disruption !== undefined;

/** Its informers, looked up at each change: a manager made before it came sees it from then on. */
const disruptionInformers: InformerHandlers = {
  Pod: (c, key, ctx, world) => disruption?.informers['Pod']?.(c, key, ctx, world),
  PodDisruptionBudget: (c, key, ctx, world) =>
    disruption?.informers['PodDisruptionBudget']?.(c, key, ctx, world),
};

export const QUEUE_ORDER: QueueName[] = [
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

/**
 * A guard against controllers that never settle within one instant. A 10,000-replica rolling
 * update takes at most about 120 steps at an instant, so this leaves a wide margin and still
 * ends a runaway loop in well under a second.
 */
export const MAX_STEPS_PER_INSTANT = 10_000;

/**
 * The work one instant and one command may do: at most MAX_STEPS_PER_INSTANT controller steps,
 * and, while a command runs, at most `maxPodsPerCommand` pods created (a simulator limit, not
 * Kubernetes'). The API counts pods as it admits them; the manager counts steps.
 */
export class CommandBudget {
  /** Pods created since the cluster was made (counts work, never restored). */
  private podsCreated = 0;
  /** While a command runs: the pod count it started at. */
  private commandStart: number | undefined;

  constructor(
    readonly maxPodsPerCommand: number,
    private readonly clock: { readonly now: number },
  ) {}

  begin(): void {
    this.commandStart = this.podsCreated;
  }

  end(): void {
    this.commandStart = undefined;
  }

  /** Whether a command is running (its failures propagate; playback's are dropped). */
  get commandRunning(): boolean {
    return this.commandStart !== undefined;
  }

  /** A pod was admitted: stop at the first pod past the command's budget, before more work is done for it. */
  podCreated(): void {
    this.podsCreated++;
    this.check(0);
  }

  check(steps: number): void {
    if (steps > MAX_STEPS_PER_INSTANT)
      throw new BudgetError(
        `the simulated controllers did not settle within ${MAX_STEPS_PER_INSTANT} steps at t=${this.clock.now}s; this is more work than the simulator does at one instant`,
      );
    if (this.commandStart !== undefined && this.podsCreated - this.commandStart > this.maxPodsPerCommand)
      throw new BudgetError(
        `this command would create more than ${this.maxPodsPerCommand} pods at once, more than this simulated cluster runs in one command`,
      );
  }
}

/** What a snapshot holds of the manager. */
export interface ManagerState {
  queues: Record<QueueName, string[]>;
  timers: Timer[];
  timerSeq: number;
  /**
   * The timers a later request for the same queue and key is measured against, where that is not
   * the earliest of the key's timers (what `load` assumes): `[queue, key, at]`, or null where no
   * timer is. Absent when there are none (almost always).
   */
  pendingTimers?: [string, string, number | null][];
  /** The endpoints controllers' trigger-time tracker (see TriggerTimes.save). */
  triggerTimes: TriggerTimesState;
}

/** A timer's queue and key as one map key (and back). */
const timerId = (queue: string, key: string): string => `${queue}\u0000${key}`;

function queueAndKey(id: string): [string, string] {
  const i = id.indexOf('\u0000');
  return [id.slice(0, i), id.slice(i + 1)];
}

/** Per queue and key, the earliest of its timers. */
function earliestTimers(timers: readonly Timer[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of timers) {
    const id = timerId(t.target, t.key);
    const cur = out.get(id);
    if (cur === undefined || t.at < cur) out.set(id, t.at);
  }
  return out;
}

export class ControllerManager {
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
  /** The informers' caches the controllers read instead of going over every object. */
  private readonly replicaSetPods = new ReplicaSetPods();
  private readonly nodeUsage = new NodeUsageCache();
  private readonly serviceMembers = new ServiceMembers();
  /** Per kind, every controller's handler, in controller order. */
  private readonly handlers = new Map<string, InformerHandler[]>();
  /** Syncs a controller failed with while time moved (a fault in the simulator; dropped). */
  faults = 0;

  /**
   * `ctx` is what the controllers act through; `world` the current simulated machines (replaced
   * when a snapshot is restored).
   */
  constructor(
    private readonly ctx: ControllerContext,
    private readonly world: () => WorldState,
    private readonly budget: CommandBudget,
  ) {
    // The order the controllers' handlers run in for one change (each queue's keys keep it).
    const controllers: InformerHandlers[] = [
      garbageCollectorInformers,
      schedulerInformers(this.nodeUsage),
      kubeletInformers,
      disruptionInformers,
      replicaSetInformers(this.replicaSetPods),
      deploymentInformers,
      endpointsInformers(this.serviceMembers),
      nodeLifecycleInformers,
    ];
    for (const informers of controllers)
      for (const [kind, handler] of Object.entries(informers)) {
        if (!handler) continue;
        const list = this.handlers.get(kind) ?? [];
        list.push(handler);
        this.handlers.set(kind, list);
      }
  }

  /** The informers: a stored change wakes the controllers that watch its kind. */
  onChange(c: Change): void {
    const list = this.handlers.get(c.kind);
    if (!list) return;
    const key = objectKey(c.obj.metadata.namespace ?? 'default', c.obj.metadata.name);
    const world = this.world();
    for (const h of list) h(c, key, this.ctx, world);
  }

  enqueue(queue: QueueName, key: string): void {
    this.queues[queue].add(key);
  }

  enqueueAfter(queue: QueueName, key: string, seconds: number): void {
    const now = this.ctx.now;
    if (seconds <= 0) {
      this.enqueue(queue, key);
      return;
    }
    const at = roundTime(now + seconds);
    if (at <= now) {
      this.enqueue(queue, key);
      return;
    }
    const id = timerId(queue, key);
    const pending = this.pendingTimers.get(id);
    if (pending !== undefined && pending <= at && pending > now) return;
    this.pendingTimers.set(id, at);
    this.timers.push(Object.freeze({ at, seq: this.timerSeq++, target: queue, key }));
  }

  /** Forgets the key's pending wake (a work queue's CancelWork); whether there was one. */
  cancelWake(queue: QueueName, key: string): boolean {
    if (!this.pendingTimers.delete(timerId(queue, key))) return false;
    this.timers.drop(queue, key);
    return true;
  }

  /** The time of the next timer, if any. */
  nextWakeUp(): number | undefined {
    return this.timers.peek()?.at;
  }

  /** Queues the keys of every timer due at `now` (the clock has just moved there). */
  fireTimers(now: number): void {
    while (this.timers.peek() && this.timers.peek()!.at === now) {
      const t = this.timers.pop()!;
      const id = timerId(t.target, t.key);
      if (this.pendingTimers.get(id) === t.at) this.pendingTimers.delete(id);
      this.enqueue(t.target as QueueName, t.key);
    }
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
      this.budget.check(++steps);
      const name = QUEUE_ORDER.find((q) => this.queues[q].size > 0);
      if (!name) return;
      try {
        this.step(name);
      } catch (e) {
        if (this.budget.commandRunning || e instanceof BudgetError) throw e;
        this.faults++;
      }
    }
  }

  /**
   * Settling while time moves: playback never throws. Work that would not settle within the
   * budget is dropped at this instant (the controllers are level-triggered: the next change or
   * timer wakes them again), so time keeps moving and every replay drops the same work.
   */
  settleInstant(): void {
    try {
      this.settle();
    } catch (e) {
      if (!(e instanceof BudgetError) || this.budget.commandRunning) throw e;
      for (const q of QUEUE_ORDER) this.queues[q].clear();
    }
  }

  private step(name: QueueName): void {
    const queue = this.queues[name];
    const ctx = this.ctx;
    if (name === 'scheduler' || name === 'kubelet' || name === 'gc' || name === 'traffic') {
      const keys = [...queue];
      queue.clear();
      const world = this.world();
      if (name === 'scheduler') scheduleBatch(ctx, world, keys, this.nodeUsage);
      else if (name === 'kubelet') for (const k of keys) syncPod(ctx, world, k);
      else if (name === 'gc') for (const uid of keys) collectGarbage(ctx, uid);
      else trafficTick(ctx, world);
      return;
    }
    const key = queue.values().next().value as string;
    queue.delete(key);
    if (name === 'replicaset') syncReplicaSet(ctx, key, this.replicaSetPods);
    else if (name === 'endpoints') syncEndpoints(ctx, key, this.serviceMembers);
    else if (name === 'disruption') disruption?.sync(ctx, key);
    else if (name === 'nodelifecycle') syncNode(ctx, this.world(), key);
    else syncDeployment(ctx, key);
  }

  save(): ManagerState {
    return {
      queues: Object.fromEntries(QUEUE_ORDER.map((q) => [q, [...this.queues[q]]])) as Record<
        QueueName,
        string[]
      >,
      timers: [...this.timers.items],
      timerSeq: this.timerSeq,
      ...this.savePending(),
      triggerTimes: this.serviceMembers.triggers.save(this.ctx.store),
    };
  }

  /**
   * The request a timer was last set by is what a later one for the same key is measured against
   * (enqueueAfter), and it need not be the earliest timer left: one set earlier may still wait
   * behind it. Those few are saved, so a restored cluster schedules exactly what this one would.
   * (A request still to come always has its timer waiting: timers leave only as they fire.)
   */
  private savePending(): Pick<ManagerState, 'pendingTimers'> {
    const now = this.ctx.now;
    const out: [string, string, number | null][] = [];
    for (const [id, at] of earliestTimers(this.timers.items)) {
      const p = this.pendingTimers.get(id);
      const live = p !== undefined && p > now ? p : null;
      if (live !== at) out.push([...queueAndKey(id), live]);
    }
    return out.length ? { pendingTimers: out } : {};
  }

  /** Puts back saved queues and timers; the informers' caches are rebuilt as they are next read. */
  load(s: Omit<ManagerState, 'triggerTimes'> & { triggerTimes?: TriggerTimesState }): void {
    this.replicaSetPods.reset();
    this.nodeUsage.reset();
    this.serviceMembers.reset();
    this.serviceMembers.triggers.load(this.ctx.store, s.triggerTimes);
    for (const q of QUEUE_ORDER) this.queues[q] = new Set(s.queues[q] ?? []);
    this.timers = new TimerHeap();
    this.timers.items = s.timers.map((t) => Object.freeze({ ...t }));
    this.timerSeq = s.timerSeq;
    this.pendingTimers = earliestTimers(s.timers);
    for (const [queue, key, at] of s.pendingTimers ?? []) {
      const id = timerId(queue, key);
      if (at === null) this.pendingTimers.delete(id);
      else this.pendingTimers.set(id, at);
    }
  }
}

/** The simulated clients: one batch of requests to the Services, then the next batch is due. */
function trafficTick(ctx: ControllerContext, world: WorldState): void {
  const t = world.traffic;
  if (t.sources.length === 0) return;
  runTrafficBatch(ctx, world, t);
  ctx.enqueueAfter('traffic', 'clients', BATCH_SECONDS);
}

/** Virtual time is kept to microseconds so sums of fractions compare exactly. */
export function roundTime(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}
