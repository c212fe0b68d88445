/**
 * What a controller may do: read the store, write through the simulated API (which stamps uids,
 * generations and timestamps like the API server), record Events and decision records, and ask
 * to be woken up later. Controllers never read a clock or a global random generator, and never
 * hold the writable store: every write goes through the API (`create`, `update`, `updateStatus`,
 * `delete`), so admission, resourceVersions and watches see it. ESLint keeps `Store` out of the
 * controllers' imports (eslint.config.js).
 */
import type { Rand } from '../k8s/rand.ts';
import type { KubeObject } from '../k8s/types.ts';
import type { Change, Store } from './store.ts';
import type { WorldState } from './world.ts';

/** The store as an informer's cache is: everything a controller may read, nothing it may write. */
export type StoreReader = Pick<
  Store,
  | 'get'
  | 'getByKey'
  | 'list'
  | 'sorted'
  | 'values'
  | 'count'
  | 'listControlledBy'
  | 'listUncontrolled'
  | 'position'
  | 'version'
> & { readonly resourceVersion: number };

/** Seconds of virtual time each stage of a pod's life takes (DESIGN.md §3). */
export interface Timing {
  /** Pod created → bound to a node. */
  scheduleSeconds: number;
  /** Pulling an image a node does not have yet. */
  imagePullSeconds: number;
  /** Image present → container running. */
  containerStartSeconds: number;
  /** How long a deleted pod stays Terminating (capped by terminationGracePeriodSeconds). */
  terminationSeconds: number;
  /**
   * How much each pod's pull, start and shutdown vary, as a fraction of the configured duration:
   * 0.2 spreads them seeded over ±20 %; 0 gives every pod exactly the configured durations
   * ("textbook timing"). The generator is drawn either way, so the pods created before the
   * first timed stage ends keep their names whatever the jitter. Optional, so code that builds a
   * Timing without it keeps compiling; the cluster fills in 0.2.
   */
  jitter?: number;
}

export const defaultTiming: Timing = {
  scheduleSeconds: 1,
  imagePullSeconds: 5,
  containerStartSeconds: 2,
  terminationSeconds: 5,
  jitter: 0.2,
};

/**
 * A structured explanation of one controller action, with its numbers, so the UI can say why
 * and not only what. `code` names the rule (for translations); `values` carries its inputs.
 */
export interface Decision {
  /** Virtual time in seconds. */
  t: number;
  controller: string;
  object: { kind: string; namespace?: string; name: string };
  code: string;
  /** One English sentence with the numbers (the explain layer renders other languages). */
  message: string;
  values: Record<string, number | string | boolean>;
}

export type QueueName =
  | 'deployment'
  | 'replicaset'
  | 'endpoints'
  | 'scheduler'
  | 'kubelet'
  | 'gc'
  | 'traffic'
  | 'disruption'
  | 'nodelifecycle';

export interface ControllerContext {
  readonly now: number;
  readonly store: StoreReader;
  readonly rand: Rand;
  readonly timing: Timing;
  /** Create an object: assigns uid, creationTimestamp, generation (1) and resourceVersion. */
  create<T extends KubeObject>(obj: T): T;
  /** Write spec/metadata; bumps metadata.generation when the spec changed. Keeps the stored status. */
  update<T extends KubeObject>(obj: T): T;
  /** Write the status subresource (and, like the API server's status strategy, annotations). */
  updateStatus<T extends KubeObject>(obj: T): T;
  /** Delete: pods on a node get a grace period, everything else goes at once (dependents via GC). */
  delete(kind: string, namespace: string | undefined, name: string, gracePeriodSeconds?: number): void;
  /**
   * Record a core/v1 Event about `obj`; `fieldPath` names the part of it the event is about (the
   * kubelet's container events: `spec.containers{nodejs}`, see containerFieldPath).
   */
  event(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    host?: string,
    fieldPath?: string,
  ): void;
  decide(d: Omit<Decision, 't'>): void;
  enqueue(queue: QueueName, key: string): void;
  /** Wakes the key's controller `seconds` from now, unless an earlier wake for it waits already. */
  enqueueAfter(queue: QueueName, key: string, seconds: number): void;
  /**
   * Forgets the wake asked for the key, if it has not come (a work queue's CancelWork); says
   * whether there was one.
   */
  cancelWake(queue: QueueName, key: string): boolean;
}

/**
 * A controller's informer handlers: what a change of an object of each kind wakes (upstream's
 * `AddFunc`/`UpdateFunc`/`DeleteFunc` of the controller's shared informers). The controller
 * manager calls every controller's handler for a kind, in its fixed controller order, after the
 * API has stored the change; a handler only keeps its controller's caches and enqueues keys.
 * `key` is the object's `namespace/name` (the namespace defaulting to `default`); `world` is the
 * simulated machines' state (the kubelet's and the scheduler's own records).
 */
export type InformerHandler = (c: Change, key: string, ctx: ControllerContext, world: WorldState) => void;
export type InformerHandlers = Readonly<Partial<Record<string, InformerHandler>>>;
