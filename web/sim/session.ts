/**
 * A simulation session: one Scenario (inputs only), the live SimCluster the UI shows, and a
 * recorder cluster that runs ahead to produce checkpoints, timeline samples and the moments at
 * which anything changed. Framework-free; the UI subscribes and redraws.
 *
 * Time model: state(t) is a pure function of (scenario, t). A step at time `at` has run in
 * state(t) when `at ≤ t`. A checkpoint at T holds state(T); `seek(t)` restores the newest
 * checkpoint ≤ t and replays forward, so any moment of a 10-minute run is at most
 * `checkpointEvery` seconds of simulation away (well under a millisecond for the kubia scenario).
 */
import { clusterForScenario } from '../../src/scenario/run.ts';
import { runKubectl } from '../../src/kubectl/index.ts';
import type { SimCluster, ClusterSnapshot } from '../../src/cluster/cluster.ts';
import { roundTime } from '../../src/cluster/cluster.ts';
import type { KubectlResult } from '../../src/kubectl/command.ts';
import type { Scenario, ScenarioStep } from '../../src/scenario/scenario.ts';
import type { Deployment, Pod, ReplicaSet } from '../../src/k8s/types.ts';

/** One point of the timeline: replicas per ReplicaSet and pods per state, at virtual second `t`. */
export interface Sample {
  t: number;
  /** Pods per ReplicaSet name (status.replicas, i.e. pods that exist, Terminating excluded). */
  rs: Record<string, number>;
  /** Image per ReplicaSet name, so the timeline can colour it like the diagram. */
  images: Record<string, string>;
  /** Available pods summed over all Deployments. */
  available: number;
  /** Desired replicas summed over all Deployments. */
  desired: number;
  /** Pods that exist (including Terminating). */
  pods: number;
}

import type { TrafficSecond } from '../../src/cluster/traffic.ts';
export type {
  RequestRecord as SimRequest,
  TrafficSecond as TrafficPoint,
} from '../../src/cluster/traffic.ts';

export interface StepRecord {
  step: ScenarioStep;
  /** The output when the step ran live (steps replayed from a scenario have none until run). */
  result?: KubectlResult;
}

export interface Scheduler {
  request(cb: (ms: number) => void): number;
  cancel(id: number): void;
}

export interface SessionOptions {
  /** Seconds between checkpoints (10). */
  checkpointEvery?: number;
  /** Seconds between timeline samples (1). */
  sampleEvery?: number;
  /** How far past the last step the run extends (150 s). */
  tail?: number;
  /** The frame scheduler for play (requestAnimationFrame in the browser). */
  scheduler?: Scheduler;
  /** Wall-clock milliseconds, for the per-frame simulation budget (performance.now). */
  clock?: () => number;
}

/**
 * Milliseconds of a frame that playing may spend simulating. When the controllers have more to
 * do than that (a thousand pods changing at once), playback falls behind the chosen speed for a
 * moment instead of the page freezing; an instant is never split.
 */
export const FRAME_BUDGET_MS = 8;

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
const EPS = 1e-6;

function advanceWithSteps(
  cluster: SimCluster,
  steps: readonly ScenarioStep[],
  to: number,
  onStep?: (i: number, r: KubectlResult) => void,
): void {
  const from = cluster.now;
  steps.forEach((step, i) => {
    if (step.at <= from || step.at > to) return;
    if (step.at > cluster.now) cluster.advance(step.at - cluster.now);
    const r = runKubectl(cluster, step.run, step.stdin);
    onStep?.(i, r);
  });
  if (to > cluster.now) cluster.advance(roundTime(to - cluster.now));
}

export class SimSession {
  scenario: Scenario;
  /** The cluster the UI shows; always state(live.now). */
  live: SimCluster;
  private recorder: SimCluster;
  /** checkpoints[k] = state(k × checkpointEvery). */
  private checkpoints: ClusterSnapshot[] = [];
  samples: Sample[] = [];
  /** Sorted virtual times at which the recorder saw an object change. */
  private changeTimes: number[] = [];
  private stepResults = new Map<ScenarioStep, KubectlResult>();
  private readonly checkpointEvery: number;
  private readonly sampleEvery: number;
  private readonly tail: number;
  private scheduler: Scheduler | undefined;
  private readonly clock: () => number;
  private frame: number | undefined;
  private lastFrameMs: number | undefined;
  /**
   * Playing, and a frame in the last second ran out of its simulation budget: playback is behind
   * the chosen speed. (A second, so the hint does not flicker.)
   */
  get behind(): boolean {
    return this.playing && this.lastShortFrame !== undefined && this.clock() - this.lastShortFrame < 1000;
  }

  /** The wall-clock time (ms) of the last frame played, for views that refresh at a wall rate. */
  get frameMs(): number {
    return this.lastFrameMs ?? 0;
  }
  private listeners = new Set<() => void>();
  /** The furthest moment the user has been at in this timeline. */
  private furthest = 0;
  playing = false;
  speed = 1;
  private lastShortFrame: number | undefined;
  /** Changes whenever anything visible changes (for useSyncExternalStore). */
  version = 0;
  /** Changes when the run itself changes (a step added, a scenario loaded): what the timeline keys on. */
  runVersion = 0;

  constructor(scenario: Scenario, options: SessionOptions = {}) {
    this.checkpointEvery = options.checkpointEvery ?? 10;
    this.sampleEvery = options.sampleEvery ?? 1;
    this.tail = options.tail ?? 150;
    this.scheduler = options.scheduler;
    this.clock = options.clock ?? (() => performance.now());
    this.scenario = structuredClone(scenario);
    this.scenario.spec.steps.sort((a, b) => a.at - b.at);
    this.live = this.fresh();
    this.recorder = this.live;
    this.startRecorder();
  }

  /**
   * Replaces the scenario (a lesson, a shared link, the benchmark's big Deployment) and shows
   * state(t). Listeners stay subscribed; a scenario with YAML needs `loadDeferred()` first.
   */
  load(scenario: Scenario, t = 0): void {
    this.pause();
    this.scenario = structuredClone(scenario);
    this.scenario.spec.steps.sort((a, b) => a.at - b.at);
    this.stepResults = new Map();
    this.furthest = 0;
    this.live = this.fresh();
    this.startRecorder();
    this.runVersion++;
    this.seek(t);
  }

  private startRecorder(): void {
    this.recorder = this.fresh();
    this.recorder.watch(() => this.noteChange(this.recorder.now));
    this.checkpoints = [this.recorder.snapshot()];
    this.samples = [sampleOf(this.recorder)];
    this.changeTimes = [0];
  }

  /** A cluster at state(0): manifests applied and steps at t = 0 run. */
  private fresh(): SimCluster {
    const c = clusterForScenario(this.scenario);
    for (const step of this.scenario.spec.steps) {
      if (step.at > 0) break;
      const r = runKubectl(c, step.run, step.stdin);
      if (!this.stepResults.has(step)) this.stepResults.set(step, r);
    }
    return c;
  }

  private noteChange(t: number): void {
    const last = this.changeTimes[this.changeTimes.length - 1];
    if (last === undefined || t > last + EPS) this.changeTimes.push(t);
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  get now(): number {
    return this.live.now;
  }

  get steps(): readonly ScenarioStep[] {
    return this.scenario.spec.steps;
  }

  resultOf(step: ScenarioStep): KubectlResult | undefined {
    return this.stepResults.get(step);
  }

  /** Length of the run the slider covers: past the last step by `tail`, and past where the user went. */
  get duration(): number {
    const lastStep = this.steps.length ? this.steps[this.steps.length - 1]!.at : 0;
    const end = Math.max(180, lastStep + this.tail, this.furthest + 30);
    return Math.ceil(end / 30) * 30;
  }

  /** Requests per second over the whole computed run (the recorder runs ahead of the live view). */
  trafficSeries(): readonly TrafficSecond[] {
    return this.recorder.trafficSeries();
  }

  /** Moments (virtual seconds) at which objects changed, up to what the recorder has computed. */
  get changes(): readonly number[] {
    return this.changeTimes;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  // -------------------------------------------------------------------------------------------
  // The recorder: checkpoints and samples ahead of the live cluster

  /** Simulates ahead with the recorder until `until` (rounded up to a sample boundary). */
  ensureComputed(until: number): void {
    const target = Math.ceil(until / this.sampleEvery) * this.sampleEvery;
    while (this.recorder.now < target - EPS) {
      const next = roundTime((Math.floor(this.recorder.now / this.sampleEvery + EPS) + 1) * this.sampleEvery);
      advanceWithSteps(this.recorder, this.steps, next);
      const i = Math.round(next / this.sampleEvery);
      this.samples[i] = sampleOf(this.recorder);
      const ratio = next / this.checkpointEvery;
      if (Math.abs(ratio - Math.round(ratio)) < EPS)
        this.checkpoints[Math.round(ratio)] = this.recorder.snapshot();
    }
  }

  /** Forget everything computed for moments ≥ t (the steps from t on changed). */
  private invalidateFrom(t: number): void {
    // Checkpoint T holds state(T), which includes steps at T: keep only those strictly before t.
    let k = Math.min(Math.ceil(t / this.checkpointEvery - EPS) - 1, this.checkpoints.length - 1);
    while (k >= 0 && !this.checkpoints[k]) k--;
    if (k < 0) {
      this.startRecorder();
      return;
    }
    this.checkpoints.length = k + 1;
    const cp = this.checkpoints[k]!;
    this.recorder.restore(cp);
    this.samples.length = Math.round(cp.now / this.sampleEvery) + 1;
    while (this.changeTimes.length && this.changeTimes[this.changeTimes.length - 1]! > cp.now + EPS)
      this.changeTimes.pop();
  }

  private checkpointAtOrBefore(t: number): ClusterSnapshot {
    this.ensureComputed(t);
    let k = Math.min(Math.floor(t / this.checkpointEvery + EPS), this.checkpoints.length - 1);
    while (k > 0 && !this.checkpoints[k]) k--;
    return this.checkpoints[k]!;
  }

  // -------------------------------------------------------------------------------------------
  // Moving in time

  /** Shows state(t): replays forward from here when that is short, else from a checkpoint. */
  seek(t: number): void {
    const target = roundTime(Math.max(0, t));
    const now = this.live.now;
    if (target < now - EPS || target - now > this.checkpointEvery) {
      const cp = this.checkpointAtOrBefore(target);
      if (!(cp.now <= now + EPS && now <= target + EPS)) this.live.restore(cp);
    }
    advanceWithSteps(this.live, this.steps, target);
    this.afterMove();
  }

  /**
   * Plays `seconds` forward one controller instant at a time, stopping early once this frame's
   * FRAME_BUDGET_MS is spent (the next frame goes on from there).
   */
  private playForward(seconds: number): void {
    if (seconds <= 0) return;
    const target = roundTime(this.live.now + seconds);
    const deadline = this.clock() + FRAME_BUDGET_MS;
    while (this.live.now < target - EPS) {
      const wake = this.live.nextWakeUp();
      const next = wake !== undefined && wake > this.live.now + EPS && wake < target ? wake : target;
      advanceWithSteps(this.live, this.steps, next);
      if (this.clock() > deadline) break;
    }
    if (this.live.now < target - EPS) this.lastShortFrame = this.clock();
    this.afterMove();
  }

  /** Moves forward by `seconds` of virtual time (the test hook). */
  advance(seconds: number): void {
    if (seconds <= 0) return;
    advanceWithSteps(this.live, this.steps, roundTime(this.live.now + seconds));
    this.afterMove();
  }

  private afterMove(): void {
    this.furthest = Math.max(this.furthest, this.live.now);
    this.ensureComputed(Math.max(this.live.now, this.duration));
    this.emit();
  }

  /** The next moment a controller, the scheduler or the kubelet acts, or a step runs. */
  nextActionTime(): number | undefined {
    const now = this.live.now;
    const wake = this.live.nextWakeUp();
    const step = this.steps.find((s) => s.at > now + EPS)?.at;
    const candidates = [wake, step].filter((x): x is number => x !== undefined && x > now + EPS);
    return candidates.length ? Math.min(...candidates) : undefined;
  }

  /** Forward to the next moment at which something visibly changes (skipping idle wake-ups). */
  stepForward(): void {
    const mark = () =>
      `${this.live.store.resourceVersion}/${this.live.eventList().length}/${this.live.decisions().length}`;
    const before = mark();
    for (let i = 0; i < 500; i++) {
      const t = this.nextActionTime();
      if (t === undefined) break;
      advanceWithSteps(this.live, this.steps, t);
      if (mark() !== before) break;
    }
    this.afterMove();
  }

  /** Back to the previous moment at which something changed (or a step ran). */
  stepBack(): void {
    const now = this.live.now;
    this.ensureComputed(now);
    let prev = 0;
    for (const c of this.changeTimes) if (c < now - EPS) prev = c;
    for (const s of this.steps) if (s.at < now - EPS && s.at > prev) prev = s.at;
    this.seek(prev);
  }

  // -------------------------------------------------------------------------------------------
  // Playing

  play(): void {
    if (this.playing || !this.scheduler) return;
    this.playing = true;
    this.lastFrameMs = undefined;
    this.frame = this.scheduler.request(this.tick);
    this.emit();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.lastShortFrame = undefined;
    if (this.frame !== undefined) this.scheduler?.cancel(this.frame);
    this.frame = undefined;
    this.emit();
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(16, Math.max(0.25, speed));
    this.emit();
  }

  private tick = (ms: number): void => {
    if (!this.playing) return;
    if (this.lastFrameMs !== undefined) {
      // A hidden tab or a long frame never jumps more than a quarter second of wall time.
      const wall = Math.min(0.25, Math.max(0, (ms - this.lastFrameMs) / 1000));
      this.playForward(wall * this.speed);
    }
    this.lastFrameMs = ms;
    if (this.playing) this.frame = this.scheduler?.request(this.tick);
  };

  // -------------------------------------------------------------------------------------------
  // Acting: the only way the UI changes the cluster

  /**
   * Runs a kubectl command at the current moment and appends it to the scenario as a step;
   * steps after this moment are discarded (acting from the past starts a new future).
   */
  run(command: string, stdin?: string): KubectlResult {
    const t = this.live.now;
    const kept = this.steps.filter((s) => s.at <= t + EPS);
    const step: ScenarioStep = { at: t, run: command };
    if (stdin !== undefined) step.stdin = stdin;
    this.scenario.spec.steps = [...kept, step];
    this.furthest = t;
    this.invalidateFrom(t);
    const result = runKubectl(this.live, command, stdin);
    this.stepResults.set(step, result);
    this.runVersion++;
    this.afterMove();
    return result;
  }

  /**
   * Runs a read-only command (get, describe, rollout status/history, --help) against the live
   * cluster without recording a step, so looking never discards the future.
   */
  query(command: string): KubectlResult {
    return runKubectl(this.live, command);
  }

  /** Stops playing and forgets listeners. */
  dispose(): void {
    this.pause();
    this.listeners.clear();
  }
}

function sampleOf(c: SimCluster): Sample {
  const rs: Record<string, number> = {};
  const images: Record<string, string> = {};
  for (const r of c.store.list<ReplicaSet>('ReplicaSet')) {
    rs[r.metadata.name] = r.status?.replicas ?? 0;
    images[r.metadata.name] = r.spec.template.spec.containers[0]?.image ?? '';
  }
  let available = 0;
  let desired = 0;
  for (const d of c.store.list<Deployment>('Deployment')) {
    available += d.status?.availableReplicas ?? 0;
    desired += d.spec.replicas ?? 1;
  }
  return { t: c.now, rs, images, available, desired, pods: c.store.list<Pod>('Pod').length };
}

const READ_ONLY =
  /^(kubectl\s+)?(get|describe|explain|version|api-resources|api-versions|cluster-info|top|events|logs|config|rollout\s+(status|history))\b/;

/** Commands that only read (so they need not become steps of the scenario). */
export function isReadOnly(command: string): boolean {
  const c = command.trim();
  return READ_ONLY.test(c) || /(^|\s)(--help|-h)(\s|$)/.test(c) || /^(kubectl)?\s*$/.test(c);
}
