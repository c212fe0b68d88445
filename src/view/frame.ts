/**
 * A Frame: everything the screen draws at one moment of a Run, as immutable plain data. The
 * objects as the API server holds them, the diagram's model (which ReplicaSet is new, the rolling
 * update's budget with its numbers, each pod's visual state), the traffic of the last seconds,
 * events, the controllers' decisions, the scenario's steps with what they printed, and the
 * recorded history for the timeline: only up to the furthest moment anyone has played to.
 *
 * Frames share structure: objects are immutable values of the store, and a pod whose state
 * cannot have changed keeps the same view object from one frame to the next, so memoised views
 * skip it.
 */
import type { Decision, Timing } from '../cluster/context.ts';
import type { RequestRecord, TrafficSecond } from '../cluster/traffic.ts';
import type { Deployment, Endpoints, KubeEvent, NodeObject, Pod, ReplicaSet, Service } from '../k8s/types.ts';
import type { Localized } from '../scenario/scenario.ts';
import type { ClusterView, TrafficWindow } from './view.ts';

export type { Sample } from '../run/recording.ts';
import type { OutputChunk, Sample } from '../run/recording.ts';

/** The objects of the cluster at this moment, as `kubectl get -o json` would show them. */
export interface FrameObjects {
  readonly deployments: readonly Deployment[];
  readonly replicaSets: readonly ReplicaSet[];
  readonly pods: readonly Pod[];
  readonly services: readonly Service[];
  readonly endpoints: readonly Endpoints[];
  readonly nodes: readonly NodeObject[];
}

export type StepStatus =
  /** Its time has not come. */
  | 'pending'
  /** Its time has come, its condition (`after`) does not hold yet. */
  | 'waiting'
  /** It ran and is still watching (`rollout status`). */
  | 'running'
  /** It ran and finished. */
  | 'done';

/** A step of the scenario as of this moment. */
export interface StepView {
  readonly index: number;
  readonly at: number;
  readonly after?: string;
  readonly run: string;
  readonly stdin?: string;
  readonly say?: Localized;
  readonly stop?: boolean;
  readonly status: StepStatus;
  /**
   * While it waits (`status` 'waiting'): what its condition's command prints at this moment, run
   * without watching (a rollout's progress; an error such as a resource not found or an unknown
   * command, which says why it has not held).
   */
  readonly condition?: { readonly stdout: string; readonly stderr: string };
  /** When it ran, once it has. */
  readonly ranAt?: number;
  /** What it printed up to this moment. */
  readonly stdout: string;
  readonly stderr: string;
  /** Once it finished. */
  readonly exitCode?: number;
  /**
   * It failed and was undone: it changed nothing. (A command that fails is undone; one that
   * watches and then fails, such as a drain past its timeout, keeps what it did, and so does an
   * apply that some documents went through.)
   */
  readonly undone?: true;
  /** Its output piece by piece, with the moment each was printed (up to this moment). */
  readonly chunks: readonly OutputChunk[];
}

/** What the timeline draws: recorded up to `until`, the furthest moment anyone has played to. */
export interface History {
  /** The furthest moment played to; nothing later is recorded or drawn. */
  readonly until: number;
  /** The length the timeline's axis covers (past `until` and every step). */
  readonly duration: number;
  /** One sample per second up to `until`. */
  readonly samples: readonly Sample[];
  /** Requests per second up to `until`. */
  readonly traffic: readonly TrafficSecond[];
  /** The steps that ran up to `until`, when they ran (the timeline's markers). */
  readonly steps: readonly { readonly at: number; readonly run: string }[];
  /** Changes whenever the recorded history does. */
  readonly version: number;
}

export interface FrameTraffic {
  /** The Service header's counter: answers per version, errors and refusals over the last 10 s. */
  readonly window: TrafficWindow;
  /** Every request of the last seconds (the animated dots), oldest first. */
  readonly recent: readonly RequestRecord[];
  /** The simulated clients: which Services they call, how often. */
  readonly sources: readonly { service: string; namespace: string; requestsPerSecond: number }[];
}

export interface Frame {
  /** The moment shown (virtual seconds). */
  readonly t: number;
  /**
   * The cluster's clock at that moment, in the seconds its timestamps are read in
   * (`parseTimestamp`), when it is not `t`: a followed cluster's `t` counts from connecting.
   */
  readonly clock?: number;
  /** Changes with every new frame of this Run. */
  readonly seq: number;
  /** The scenario's name and title. */
  readonly name: string;
  readonly title?: Localized;
  readonly timing: Readonly<Timing>;
  readonly objects: FrameObjects;
  /** The diagram's model: Services, Deployments with their lanes and pods, nodes. */
  readonly view: ClusterView;
  readonly traffic: FrameTraffic;
  /** core/v1 Events, oldest first. */
  readonly events: readonly KubeEvent[];
  /** The controllers' explained decisions, oldest first. */
  readonly decisions: readonly Decision[];
  readonly steps: readonly StepView[];
  readonly history: History;
  /** The moment the simulation next has something to do, or a step is due (for stepping). */
  readonly nextAction?: number;
  /** Colour index per image, in the order the images appeared in this Run. */
  readonly colours: Readonly<Record<string, number>>;
}

/** Freezes a value and everything reachable from it that is not frozen yet. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}
