/**
 * Rollout Lab's simulator: the public API (DESIGN.md §3). Code outside this repository drives the
 * simulated control plane through these names; extend them, never rename them.
 *
 * ```ts
 * const c = createCluster({ seed: 7, timing: { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 } });
 * c.apply(kubiaDeploymentYaml);
 * c.kubectl('set image deployment/kubia nodejs=luksa/kubia:v2');
 * c.advance(10);
 * c.kubectl('rollout history deployment/kubia').stdout;
 * ```
 */
// YAML and every kubectl command: at once in Node; after the first paint in the browser.
import '#simulator-extensions';
import { applyAll } from './cluster/apply.ts';
import { SimCluster, type ClusterOptions, type ClusterSnapshot } from './cluster/cluster.ts';
import type { Decision, Timing } from './cluster/context.ts';
import type { RequestRecord, TrafficSecond } from './cluster/traffic.ts';
import { ApiError as ApiErrorClass, BudgetError as BudgetErrorClass } from './cluster/errors.ts';
import { deepCopy, deepFreeze } from './k8s/copy.ts';
import type { KubeObject } from './k8s/types.ts';
import { ValidationError as ValidationErrorClass } from './k8s/validation.ts';
import { ManifestError as ManifestErrorClass, parseManifests } from './k8s/yaml.ts';
import type { KubectlResult } from './kubectl/command.ts';
import { runKubectl } from './kubectl/index.ts';
import type { StepResult } from './scenario/run.ts';
import type { Scenario } from './scenario/scenario.ts';
import { createRun, liveCluster, stepResults } from './run/run.ts';

export type {
  ClusterSnapshot,
  Decision,
  KubectlResult,
  RequestRecord,
  Scenario,
  StepResult,
  Timing,
  TrafficSecond,
};
export type * from './k8s/types.ts';
export { defaultTiming } from './cluster/context.ts';
export { MAX_PODS_TOTAL } from './cluster/cluster.ts';
export { ValidationError, formatFieldError, type FieldError } from './k8s/validation.ts';
export { ManifestError } from './k8s/yaml.ts';
export { ApiError } from './cluster/apply.ts';
export { BudgetError, SnapshotError } from './cluster/errors.ts';
export { ScenarioError, parseScenario } from './scenario/scenario.ts';
export type { ChoiceQuestion, NumberAnswer, NumberQuestion, ScenarioQuestion } from './scenario/scenario.ts';
/** Questions answered with a number: which kind a question is, and whether an answer is right. */
export { answerIsRight, isNumberQuestion, numberIsRight } from './scenario/scenario.ts';
export type { Localized, ScenarioStep, ScenarioVariant } from './scenario/scenario.ts';

export interface Cluster {
  /** Create or update objects like `kubectl apply`: YAML (multi-document), JSON, or objects. Throws
   * ValidationError (invalid object), ManifestError (unreadable YAML), ApiError (refused by the
   * API server, e.g. a wrong type: `Deployment in version "v1" cannot be handled as a Deployment:
   * …`; also a fault in the simulator, reason InternalError) or BudgetError (more work at once
   * than the simulator does), and then changes nothing. */
  apply(manifests: string | object | object[]): void;
  /** Run a kubectl command line (with or without the leading `kubectl`). Never throws. */
  kubectl(commandLine: string, stdin?: string): KubectlResult;
  /** Move virtual time forward; controllers, scheduler and kubelet act at their moments. */
  advance(seconds: number): void;
  /** Virtual seconds since the start. */
  now(): number;
  /** One object in its Kubernetes shape (a copy), by kind in any kubectl form. */
  get(kind: string, name: string, namespace?: string): object | undefined;
  /** Objects of a kind (copies), in one namespace or, when omitted, all. */
  list(kind: string, namespace?: string): object[];
  /** core/v1 Events, oldest first. */
  events(): object[];
  /** The controllers' explained decisions (what they did and why, with the numbers), oldest first. */
  decisions(): Decision[];
  /** Simulated clients: `requestsPerSecond` requests to a Service from now on (0 stops them). */
  setTraffic(service: string, requestsPerSecond: number, namespace?: string): void;
  /** Requests sent in [from, to) among the last 30 s kept: time, pod, version, status (0 = refused), latency. */
  requests(from: number, to: number): RequestRecord[];
  /** Per-second request counts: successes by version, 5xx errors, refused connections (two hours kept). */
  trafficSeries(): TrafficSecond[];
  /** When the simulation next has something to do (virtual seconds), if anything. */
  nextWakeUp(): number | undefined;
  /** Everything needed to resume exactly here: plain, deep-frozen data that shares nothing changeable with the cluster. */
  snapshot(): ClusterSnapshot;
  /** Resumes a snapshot; throws SnapshotError (and changes nothing) when `s` is not one. */
  restore(s: ClusterSnapshot): void;
}

/** Wraps the simulator so callers only ever see copies. */
class PublicCluster implements Cluster {
  constructor(readonly sim: SimCluster) {}

  apply(manifests: string | object | object[]): void {
    const before = this.sim.transientSnapshot();
    try {
      const objects =
        typeof manifests === 'string'
          ? parseManifests(manifests)
          : (Array.isArray(manifests) ? manifests : [manifests]).map((o) => plainObject(o));
      this.sim.beginCommand();
      applyAll(this.sim, objects);
    } catch (e) {
      this.sim.endCommand();
      this.sim.restore(before);
      if (
        e instanceof ValidationErrorClass ||
        e instanceof ManifestErrorClass ||
        e instanceof ApiErrorClass ||
        e instanceof BudgetErrorClass
      )
        throw e;
      throw new ApiErrorClass(
        `internal error in the simulator: ${e instanceof Error ? e.message : String(e)}`,
        'InternalError',
      );
    } finally {
      this.sim.endCommand();
    }
  }

  kubectl(commandLine: string, stdin?: string): KubectlResult {
    return runKubectl(this.sim, String(commandLine), stdin);
  }

  advance(seconds: number): void {
    this.sim.advance(seconds);
  }

  now(): number {
    return this.sim.now;
  }

  get(kind: string, name: string, namespace?: string): object | undefined {
    const o = this.sim.getObject<KubeObject>(kind, name, namespace);
    return o && deepCopy(o);
  }

  list(kind: string, namespace?: string): object[] {
    return this.sim.listObjects<KubeObject>(kind, namespace).map((o) => deepCopy(o));
  }

  events(): object[] {
    return this.sim.eventList().map((e) => deepCopy(e));
  }

  decisions(): Decision[] {
    return this.sim.decisions().map((d) => deepCopy(d));
  }

  setTraffic(service: string, requestsPerSecond: number, namespace?: string): void {
    this.sim.setTraffic(service, requestsPerSecond, namespace);
  }

  requests(from: number, to: number): RequestRecord[] {
    return this.sim.requests(from, to).map((r) => ({ ...r }));
  }

  trafficSeries(): TrafficSecond[] {
    return this.sim.trafficSeries().map((s) => ({ ...s, ok: { ...s.ok } }));
  }

  nextWakeUp(): number | undefined {
    return this.sim.nextWakeUp();
  }

  snapshot(): ClusterSnapshot {
    // Everything in a snapshot is a fresh copy except what it shares with the cluster, which is
    // frozen: stored objects, events, decisions and timers are frozen when they are made; the
    // request records and app behaviours are frozen here.
    const s = this.sim.snapshot();
    for (const r of s.world.traffic.recent) Object.freeze(r);
    deepFreeze(s.world.apps);
    return s;
  }

  restore(s: ClusterSnapshot): void {
    this.sim.restore(s);
  }
}

/** An object given to `apply`: a private JSON copy, so nothing the caller holds is stored. */
function plainObject(o: unknown): Record<string, unknown> {
  if (o === null || typeof o !== 'object' || Array.isArray(o))
    throw new ManifestErrorClass(
      `error: error validating data: invalid object: expected a map, got ${JSON.stringify(o) ?? String(o)}`,
    );
  try {
    return deepCopy(o) as Record<string, unknown>;
  } catch (e) {
    // Cycles, BigInts: not JSON, so not an object the API server could receive.
    throw new ManifestErrorClass(
      `error: error validating data: invalid object: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/**
 * A new simulated cluster: `nodes` nodes (3) of `cpu` (4) and `memory` (8Gi), seeded randomness
 * (`seed`, 1) and realistic pod timings unless `timing` overrides them.
 */
export function createCluster(options: ClusterOptions = {}): Cluster {
  return new PublicCluster(new SimCluster(options));
}

/**
 * Runs a scenario (YAML/JSON text or object) up to `untilSeconds` of virtual time, as a Run plays
 * it (steps in order, `after:` conditions, watching steps that print as time moves), and hands back
 * the cluster at that moment with each step's output.
 */
export function runScenario(
  scenario: string | Scenario,
  untilSeconds: number,
): Cluster & { steps: StepResult[] } {
  const run = createRun(scenario);
  run.seek(untilSeconds);
  return Object.assign(new PublicCluster(liveCluster(run).fork()), { steps: stepResults(run) });
}

// ---------------------------------------------------------------------------------------------
// The Run: a scenario's time, owned by the core (DESIGN.md §3). The app, links and lessons play it.

export {
  createRun,
  type Run,
  type RunControls,
  type RunOptions,
  type RunStream,
  type OutputPiece,
} from './run/run.ts';
export type {
  Frame,
  FrameObjects,
  FrameTraffic,
  History,
  Sample,
  StepStatus,
  StepView,
} from './view/frame.ts';
export type {
  Budget,
  ClusterView,
  DeploymentView,
  NodeView,
  Phase,
  PodState,
  PodView,
  RsView,
  ServiceView,
  TrafficWindow,
} from './view/view.ts';
export { drawnPods, STATE_LABEL, tagOf } from './view/view.ts';
export { PALETTE } from './view/colours.ts';
export { isReadOnlyCommand, type QueryResult } from './kubectl/query.ts';
export { extensionsReady, loadExtensions, needsYaml } from './extensions.ts';
export { prepareCommand } from './kubectl/index.ts';
export {
  FRAME_BUDGET_MS,
  Player,
  SPEEDS,
  type FrameScheduler,
  type Playable,
  type PlayerOptions,
} from './run/player.ts';
/** The kubectl command lines behind the app's buttons (rolling update, Recreate, blue/green, …). */
export * as actions from './run/actions.ts';
// Faults a teacher injects (`kubectl lab`, `kubectl drain`) and the upstream numbers they follow.
export { FaultError, killContainer, setNodeDown, setUnhealthy } from './cluster/faults.ts';
export { evictPod, type EvictionResult } from './cluster/eviction.ts';
export {
  NODE_MONITOR_GRACE_PERIOD_SECONDS,
  NODE_MONITOR_PERIOD_SECONDS,
  unreachableAt,
} from './cluster/controllers/nodelifecycle.ts';
export { DELETION_TIMEOUT_SECONDS } from './cluster/controllers/disruption.ts';
export { DELETE_POLL_SECONDS, EVICT_RETRY_SECONDS } from './kubectl/status.ts';
/** Claims a step makes about the screen (`expect:`), checked against a Frame. */
export {
  checkClaims,
  checkScenarioClaims,
  counterReading,
  describeFailure,
  type ClaimResult,
  type CounterReading,
  type StepClaimsResult,
} from './run/claims.ts';
export { claimsText, parseClaims, parseClaimsText } from './scenario/claims.ts';
export type {
  Claims,
  ConditionClaim,
  Count,
  DeploymentClaims,
  PodStateCounts,
  RolloutPhase,
  ServiceClaims,
  TimelineClaims,
} from './scenario/claims.ts';
export type {
  BlueGreenState,
  BrokenStrategy,
  CommandLine,
  GreenOptions,
  RollingOptions,
  StrategySettings,
} from './run/actions.ts';

// ---------------------------------------------------------------------------------------------
// What the app shows around a Run: explanations, times, lessons and share links (the last two
// load on demand).

export {
  controllerName,
  explainLoaded,
  loadExplanations,
  resolvedPhrase,
  type ExplainLang,
} from './explain/index.ts';
export { explain } from './explain/complete.ts';
/** Korean particles after a value (v2가, v3이, 3으로, 2로): the UI's `{v, particle, 이}`. */
export { particle, withParticle, type Particle } from './explain/korean.ts';
export { humanDuration, parseTimestamp } from './k8s/time.ts';
export type {
  Lesson,
  LessonChoiceQuestion,
  LessonNumberQuestion,
  LessonQuestion,
  LessonStep,
  RevealElement,
  Text,
} from './scenario/lessons/types.ts';
export {
  lessonFromScenario,
  lessonScenario,
  REVEAL_ELEMENTS,
  stepsOf,
  stopIndices,
} from './scenario/lessons/types.ts';
/** Predict mode: what to hide at a lesson's stop while its question is open. */
export { hiddenElements } from './scenario/lessons/predict.ts';
export type { DecodeResult, SharePayload, ShareView } from './scenario/share.ts';
export { scenarioYaml } from './scenario/file.ts';
// The live class's wire protocol (`npm run classroom`): what the app sends and reads.
export type {
  ClientMessage,
  ErrorCode as ClassErrorCode,
  Moment as ClassMoment,
  ServerMessage,
  Tally as ClassTally,
} from './classroom/protocol.ts';
export { CODE_LENGTH, MAX_NAME, normalizeCode } from './classroom/protocol.ts';

/** The built-in lessons (their narration is a fair part of the app: loaded when asked for). */
export async function loadLessons(): Promise<readonly import('./scenario/lessons/types.ts').Lesson[]> {
  return (await import('./scenario/lessons/index.ts')).LESSONS;
}

/** The share-link codec, with its compression library (most visits carry no link). */
export function loadShareCodec(): Promise<typeof import('./scenario/share.ts')> {
  return import('./scenario/share.ts');
}

// ---------------------------------------------------------------------------------------------
// Following a Kubernetes API: the same diagrams on a real cluster, read-only (loaded on demand).

export type { FollowEvent, FollowRun, FollowRunOptions, Received } from './follow/run.ts';
export type {
  FollowOptions,
  FollowSink,
  FollowState,
  FollowStatus,
  Follower,
  Transport,
  TransportResponse,
} from './follow/client.ts';
export type { FollowedResource } from './follow/resources.ts';
export type { LogEntry as FollowedChange } from './follow/state.ts';

/**
 * The follow module: `followNamespace(transport, namespace, sink)` lists and watches one
 * namespace through a transport that can only GET; `createFollowRun({ namespace })` is a Run of
 * what arrives (`receive(now, batches)`), whose `scenario()` is reconstructed from it.
 */
export function loadFollow(): Promise<typeof import('./follow/index.ts')> {
  return import('./follow/index.ts');
}

// ---------------------------------------------------------------------------------------------
// Upstream helpers, under their upstream names (pkg/controller/deployment/util, controller_utils).
// Signatures take and return plain Kubernetes objects; `now` is virtual seconds.

export {
  /** resolveFenceposts(maxSurge, maxUnavailable, desired) → [surge, unavailable] */
  resolveFenceposts,
  /** maxSurge(deployment) → number */
  maxSurge,
  /** maxUnavailable(deployment) → number */
  maxUnavailable,
  /** minAvailable(deployment) → number */
  minAvailable,
  /** newRSNewReplicas(deployment, allRSs, newRS) → number */
  newRSNewReplicas,
  /** getReplicaSetFraction(rs, deployment) → number */
  getReplicaSetFraction,
  /** getProportion(rs, deployment, toAdd, added) → number */
  getProportion,
  /** isSaturated(deployment, rs) → boolean */
  isSaturated,
  /** deploymentComplete(deployment, newStatus) → boolean */
  deploymentComplete,
  /** deploymentProgressing(deployment, newStatus) → boolean */
  deploymentProgressing,
  /** deploymentTimedOut(deployment, newStatus, now) → boolean */
  deploymentTimedOut,
  /** findNewReplicaSet(deployment, rsList) → rs | undefined */
  findNewReplicaSet,
  /** findOldReplicaSets(deployment, rsList) → [activeOld, allOld] */
  findOldReplicaSets,
  /** findActiveOrLatest(newRS, oldRSs) → rs | undefined */
  findActiveOrLatest,
  /** equalIgnoreHash(templateA, templateB) → boolean */
  equalIgnoreHash,
  /** maxRevision(rsList) / lastRevision(rsList) → number */
  maxRevision,
  lastRevision,
  /** revision(obj) → number | undefined */
  revision,
  /** setNewReplicaSetAnnotations(deployment, annotations, newRevision, exists) → changed */
  setNewReplicaSetAnnotations,
  /** getReplicaCountForReplicaSets / getActualReplicaCountForReplicaSets / getAvailableReplicaCountForReplicaSets(rsList) → number */
  getReplicaCountForReplicaSets,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  /** isPodAvailable(pod, minReadySeconds, now) / isPodReady(pod) → boolean */
  isPodAvailable,
  isPodReady,
  /** setDeploymentCondition(conditions, condition) → conditions */
  setDeploymentCondition,
  getDeploymentCondition,
} from './cluster/controllers/deployment/util.ts';
/** getPodsToDelete(pods, relatedPods, diff, now) → the pods a ReplicaSet deletes first */
export { getPodsToDelete } from './cluster/controllers/replicaset.ts';
/** calculateStatus(allRSs, newRS, deployment, now) → DeploymentStatus */
export { calculateStatus } from './cluster/controllers/deployment/sync.ts';
/** getScaledValueFromIntOrPercent(value, total, roundUp) → number */
export { getScaledValueFromIntOrPercent } from './k8s/intstr.ts';
/** computeHash(podTemplate, collisionCount?) → pod-template-hash */
export { computeHash } from './k8s/hash.ts';
export { setDefaults } from './k8s/defaults.ts';
export { validate } from './k8s/validation.ts';
export { deploymentRolloutStatus } from './kubectl/status.ts';

// ---------------------------------------------------------------------------------------------
// Comparisons: one scenario played several ways side by side (`spec.variants`), one clock.

export {
  createComparison,
  laneScenario,
  DEFAULT_COMPARISON_SECONDS,
  type Comparison,
  type ComparisonLane,
} from './compare/comparison.ts';
export { measureLane, type LaneMetrics, type PeakCpu, type PeakPods } from './compare/metrics.ts';
export {
  comparisonTable,
  tableText,
  clock as comparisonClock,
  METRIC_KEYS,
  type ComparisonTable,
  type MetricKey,
  type TableCell,
  type TableLang,
} from './compare/table.ts';
export {
  COMPARISON_PRESETS,
  comparisonOf,
  comparisonPreset,
  comparisonPresetById,
  kubiaStart,
  laneLabel,
  updateSteps,
  PRESET_SECONDS,
  UPDATE_AT,
  type Bilingual,
  type ComparisonPreset,
  type LaneUpdate,
} from './compare/presets.ts';
