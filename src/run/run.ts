/**
 * The Run: one scenario's time, owned by the core. The screen, links, lessons and the CLI play a
 * Run; nothing else moves its clock.
 *
 * - state(t) is a pure function of (scenario, t). `seek(t)` shows it exactly, from the nearest
 *   checkpoint; `advance(s)` plays forward. Either way the Run records as it goes: checkpoints,
 *   one timeline sample per second, requests per second, step output. Nothing is computed ahead:
 *   seeking forward simulates up to the target only, and the recorded history (what the timeline
 *   draws) ends at the furthest moment anyone has played to.
 * - Steps run in order. A step runs at its `at`, or with `after:` at the first instant (not
 *   before its `at`) at which that kubectl command, run without watching, exits 0.
 * - `run(cmd)` adds a step at the current moment and discards every step that had not run yet:
 *   acting from the past starts a new future. `query(cmd)` only looks.
 * - A watching command (`rollout status`, `get -w`, `delete` waiting for its pods) never moves
 *   the clock: it prints as time moves, whoever moves it.
 */
import { roundTime, type SimCluster } from '../cluster/cluster.ts';
import { deepCopy } from '../k8s/copy.ts';
import type { Change } from '../cluster/store.ts';
import type { RequestRecord } from '../cluster/traffic.ts';
import type { KubectlResult, WatchSession } from '../kubectl/command.ts';
import { executeKubectl, waitsForCommands } from '../kubectl/index.ts';
import { completeLine } from '../kubectl/commands/registry.ts';
import { startConsoleWatch } from './console-watch.ts';
import { yamlLibrary } from '../k8s/yaml.ts';
import { needsYaml } from '../extensions.ts';
import { queryKubectl, type QueryResult } from '../kubectl/query.ts';
import type { Deployment, Endpoints, NodeObject, Pod, ReplicaSet, Service } from '../k8s/types.ts';
import { clusterForScenario } from '../scenario/run.ts';
import { LIMITS, parseScenario, type Scenario, type ScenarioStep } from '../scenario/scenario.ts';
import { ColourBook } from '../view/colours.ts';
import { deepFreeze, type Frame, type History, type StepView } from '../view/frame.ts';
import { clusterView, trafficWindow, ViewCache } from '../view/view.ts';
import {
  after,
  EPS,
  Recording,
  sampleOf,
  type OutputChunk,
  type Position,
  type StepRecord,
} from './recording.ts';

/** Seconds a step forward looks ahead for a change before it stops (see stepForward). */
const STEP_HORIZON = 10;

export interface RunOptions {
  /** Seconds between checkpoints (10): a seek replays at most this much. */
  checkpointEvery?: number;
  /**
   * Writes to the store after which the next sample is a checkpoint too (500): where much
   * happens, a seek replays at most about this much work rather than `checkpointEvery` seconds.
   * (500, not 2,000: a seek into a 100-pod rollout replays about 30 ms instead of 75; the busy
   * stretches' extra checkpoints share what did not change and leave an hour's memory as it was.)
   */
  checkpointWrites?: number;
  /**
   * Checkpoints further back than this many seconds (60) are thinned to one every
   * `sparseCheckpointEvery` seconds (60), except where about `checkpointWrites` writes were made
   * since the last kept: a long run's memory grows with what happened, not with its length.
   * (60, not 30: opening the hour of 1,000 pods from a link makes 60 checkpoints fewer, some 50 ms;
   * a seek into a quiet stretch of 100 pods under 20 requests/s replays up to about 8 ms instead of
   * 4. Not 120, which saves no more there and replays up to 15.)
   */
  denseSeconds?: number;
  sparseCheckpointEvery?: number;
  /** Seconds between timeline samples (1). */
  sampleEvery?: number;
  /** Deep-freeze every frame, so accidental mutation throws (development builds, tests). */
  freeze?: boolean;
}

/** Output of a watching command, delivered as time moves. */
export interface OutputPiece {
  stdout?: string;
  stderr?: string;
}

/** A watching command started from the console. */
export interface RunStream {
  /** True once the command finished, was stopped, or time went back. */
  readonly done: boolean;
  readonly exitCode?: number | undefined;
  /** Ends it, like Ctrl-C. */
  stop(): void;
}

export interface Run {
  /** The moment shown (virtual seconds). */
  now(): number;
  /** Shows state(t), for any t ≥ 0, past or future; simulates ahead only as far as t. */
  seek(t: number): void;
  /** Plays forward by `seconds`, recording as it goes. */
  advance(seconds: number): void;
  /**
   * Runs a kubectl command as a step at the current moment. Steps that had not run by now are
   * discarded (acting from the past starts a new future). A command kubectl refuses (it fails and
   * is undone: it changed nothing) discards nothing: where there are steps it would replace, it is
   * no step, and its result says `step: false`; a failed command is a step otherwise, so a link
   * replays the console with its error.
   */
  run(commandLine: string, stdin?: string): KubectlResult & { step?: false };
  /**
   * Read-only kubectl at the current moment: never changes state or time. A watching command
   * returns what it has printed by now (`watching` is then true).
   */
  query(commandLine: string, stdin?: string): QueryResult;
  /** Everything the screen draws at the current moment, as immutable plain data. */
  frame(): Frame;
  /** The scenario with every step it holds: what links and files carry. */
  scenario(): Scenario;
  /** Called with the new frame after every change; returns the unsubscribe function. */
  subscribe(listener: (f: Frame) => void): () => void;
}

/** The Run's other doors, for the app and the tools around it. */
export interface RunControls extends Run {
  /**
   * Plays forward by up to `seconds`, one controller instant at a time, stopping early once
   * `outOfTime()` says so (a frame's budget is spent); an instant is never split. Returns the
   * seconds actually played.
   */
  play(seconds: number, outOfTime: () => boolean): number;
  /** Forward to the next moment at which something visibly changes, or 10 s on if none comes sooner. */
  stepForward(): void;
  /** Back to the previous moment at which something changed or a step ran. */
  stepBack(): void;
  /**
   * A watching command started at the current moment (the console's `rollout status`, `get -w`):
   * its output arrives through `onOutput` as time moves, in the order it was printed, each chunk
   * one stream's text; going back in time or running a step ends it. `stdin` is its input
   * (`get -f - -w`).
   */
  watch(commandLine: string, onOutput: (chunk: OutputPiece) => void, stdin?: string): RunStream;
  /** Tab completions for a command line at the current moment. */
  complete(commandLine: string): string[];
  /** The recorded history the timeline draws (the same as `frame().history`, without a frame). */
  history(): History;
  /**
   * The requests of the last `seconds` up to now (what `frame().traffic.recent` holds), without a
   * frame: for the request dots, drawn on every animation frame.
   */
  recentRequests(seconds: number): readonly RequestRecord[];
  /**
   * Called after every change, without a frame: for views that pull `frame()` at their own pace
   * (a diagram redrawn ten times a second while playing need not have a frame built sixty times).
   */
  listen(listener: () => void): () => void;
}

interface ActiveStream {
  session: WatchSession;
  /** The step it belongs to; a console watch has none. */
  step?: number;
  /** A console watch: hands on what it printed since the last change. */
  flush?: () => void;
  /** A console watch: it ended (on its own, or because time went back). */
  ended?: (exitCode: number) => void;
}

export function createRun(scenario: string | Scenario, options: RunOptions = {}): RunControls {
  return new RunImpl(parseScenario(scenario), options);
}

class RunImpl implements RunControls {
  private readonly data: Scenario;
  private readonly steps: ScenarioStep[];
  private live: SimCluster;
  /** Index of the first step that has not run. */
  private next = 0;
  /** Checkpoints due before this moment are made only where thinning keeps them (moveTo). */
  private passBefore = Number.NEGATIVE_INFINITY;
  private readonly rec: Recording;
  private readonly colours = new ColourBook();
  /** The views of the last frame, kept while their objects do not change. */
  private readonly views = new ViewCache();
  private streams: ActiveStream[] = [];
  private readonly listeners = new Set<(f: Frame) => void>();
  private readonly changeListeners = new Set<() => void>();
  private cached: Frame | undefined;
  private historyCache: History | undefined;
  private seq = 0;
  private readonly freeze: boolean;
  /**
   * Last evaluation of a waiting step's condition: step index, store version, events, whether it
   * holds, and what the command printed.
   */
  private condition: [number, number, number, boolean, QueryResult] | undefined;

  constructor(
    scenario: Scenario,
    options: RunOptions & { complete?: (c: SimCluster, line: string) => string[] },
  ) {
    this.data = deepCopy(scenario);
    this.steps = this.data.spec.steps;
    this.freeze = options.freeze ?? false;
    this.rec = new Recording(
      options.checkpointEvery ?? 10,
      options.sampleEvery ?? 1,
      options.checkpointWrites ?? 500,
      options.denseSeconds ?? 60,
      options.sparseCheckpointEvery ?? 60,
    );
    this.live = this.fresh();
    this.runDue();
    this.recordInstant(true);
  }

  /** A cluster at the start: the scenario's shape, manifests and traffic, wired to this Run. */
  private fresh(): SimCluster {
    const c = clusterForScenario(this.data);
    this.next = 0;
    c.watch((change) => this.onChange(change));
    for (const rs of c.store.list<ReplicaSet>('ReplicaSet'))
      this.colours.of(rs.spec.template.spec.containers[0]?.image ?? '');
    for (const p of c.store.list<Pod>('Pod')) this.colours.of(p.spec.containers[0]?.image ?? '');
    return c;
  }

  private position(): Position {
    return { t: this.live.now, steps: this.next };
  }

  /** True while the live cluster is past everything recorded: what happens now is new. */
  private recording(): boolean {
    return after(this.position(), this.rec.front);
  }

  private onChange(c: Change): void {
    for (const s of [...this.streams]) if (!s.session.done) s.session.onChange(c);
    if (!this.recording()) return;
    this.rec.noteChange(this.live.now);
    // Colours go to images in the order they first appear in the run.
    if (c.type === 'added' && c.kind === 'ReplicaSet')
      this.colours.of((c.obj as ReplicaSet).spec.template.spec.containers[0]?.image ?? '');
    else if (c.type === 'added' && c.kind === 'Pod')
      this.colours.of((c.obj as Pod).spec.containers[0]?.image ?? '');
  }

  // -------------------------------------------------------------------------------------------
  // Steps

  /** Whether step `i`'s condition holds at this instant (evaluated again only after a change). */
  private conditionHolds(i: number, command: string): boolean {
    return this.conditionNow(i, command)[3];
  }

  /** Step `i`'s condition evaluated at this instant (again only after a change). */
  private conditionNow(i: number, command: string): NonNullable<RunImpl['condition']> {
    const version = this.live.store.resourceVersion;
    const events = this.live.eventList().length;
    const c = this.condition;
    if (c && c[0] === i && c[1] === version && c[2] === events) return c;
    const r = queryKubectl(this.live, command);
    const holds = !r.watching && r.exitCode === 0;
    return (this.condition = [i, version, events, holds, r]);
  }

  /** The next step's time has come, and it waits for its condition. */
  private waiting(): boolean {
    const s = this.steps[this.next];
    return !!s && s.at <= this.live.now + EPS && s.after !== undefined;
  }

  /** Runs the steps due at this instant, in order, up to one whose time or condition has not come. */
  private runDue(): void {
    for (;;) {
      const s = this.steps[this.next];
      if (!s || s.at > this.live.now + EPS) return;
      if (s.after !== undefined && !this.conditionHolds(this.next, s.after)) return;
      this.execute(this.next);
      this.next++;
    }
  }

  /**
   * Runs step `i` now. The first time, what it prints is recorded; on a replay it runs again (the
   * cluster must change the same way) and its record stays. A watching command goes on as a
   * stream: what it prints later is recorded the first time time passes it.
   */
  private execute(i: number): KubectlResult {
    const step = this.steps[i]!;
    const t = this.live.now;
    const existing = this.rec.steps.get(i);
    const record: StepRecord = existing ?? { at: t, chunks: [], watching: false };
    const out: string[] = [];
    const err: string[] = [];
    let later = false;
    const print = (piece: OutputPiece) => {
      if (!later) {
        if (piece.stdout) out.push(piece.stdout);
        if (piece.stderr) err.push(piece.stderr);
      } else if (this.recording()) {
        record.chunks.push({ t: this.live.now, ...piece });
        this.rec.version++;
      }
    };
    const exec = executeKubectl(this.live, step.run, step.stdin, {
      out: (s) => s && print({ stdout: s }),
      err: (s) => s && print({ stderr: s }),
    });
    this.streams = this.streams.filter((s) => s.step !== i);
    let exitCode: number | undefined = exec.exitCode;
    if (exec.session) {
      const session = exec.session;
      session.onTick?.();
      if (session.done) exitCode = session.exitCode;
      else {
        exitCode = undefined;
        this.streams.push({ session, step: i });
      }
    }
    later = true;
    const stdout = out.join('');
    const stderr = err.join('');
    if (!existing) {
      record.watching = exec.session !== undefined;
      if (exec.kept) record.kept = true;
      if (stdout || stderr)
        record.chunks.push({ t, ...(stdout ? { stdout } : {}), ...(stderr ? { stderr } : {}) });
      if (exitCode !== undefined) {
        record.exitCode = exitCode;
        record.doneAt = t;
      }
      this.rec.steps.set(i, record);
      this.rec.noteChange(t);
      this.rec.version++;
    }
    return { stdout, stderr, exitCode: exitCode ?? 0 };
  }

  /** Time moved: streams see it, finish, or give up at their deadline. */
  private tickStreams(): void {
    for (const s of [...this.streams]) {
      const session = s.session;
      if (!session.done) session.onTick?.();
      if (!session.done && this.live.now >= session.deadline - EPS) session.expire(false);
      if (!session.done) continue;
      this.streams = this.streams.filter((x) => x !== s);
      if (s.step !== undefined) {
        const r = this.rec.steps.get(s.step);
        if (r && r.exitCode === undefined && this.recording()) {
          r.exitCode = session.exitCode;
          r.doneAt = this.live.now;
          this.rec.version++;
        }
      } else s.ended?.(session.exitCode);
    }
  }

  /** Console watches end when time goes back or a step changes the future (exit 130, as Ctrl-C). */
  private stopConsoleStreams(): void {
    for (const s of this.streams) if (s.step === undefined) s.ended?.(130);
    this.streams = this.streams.filter((s) => s.step !== undefined);
  }

  // -------------------------------------------------------------------------------------------
  // Recording and moving

  /** After an instant is complete (timers fired, controllers settled, due steps run). */
  private recordInstant(force = false): void {
    const p = this.position();
    if (!force && !after(p, this.rec.front)) return;
    const t = this.live.now;
    const { checkpointEvery, sampleEvery, checkpointWrites } = this.rec;
    const s = t / sampleEvery;
    const sample = Math.abs(s - Math.round(s)) < EPS;
    if (sample) {
      this.rec.samples[Math.round(s)] = sampleOf(this.live);
      this.rec.recordTraffic(this.live.trafficSeries(), t);
    }
    const k = t / checkpointEvery;
    const onGrid = Math.abs(k - Math.round(k)) < EPS;
    const last = this.rec.lastDue;
    // A step ran since the last checkpoint: one at its instant, where people scrub most (just
    // after what they did), so that a seek there need not run the step and its instant again.
    const stepRan = last !== undefined && last.next !== this.next;
    if (onGrid || sample || stepRan) {
      const writes = this.live.store.resourceVersion;
      // Again at the same instant (a step ran): the later state replaces the earlier.
      const again = last !== undefined && Math.abs(last.t - t) < EPS;
      if (again || onGrid || stepRan || !last || writes - last.writes >= checkpointWrites)
        this.rec.offer({ t, next: this.next, writes }, this.passBefore, () => this.live.checkpoint());
    }
    this.rec.front = p;
    this.rec.version++;
  }

  /** The moment to stop at next on the way to `target`. */
  private nextStop(target: number): number {
    const now = this.live.now;
    let t = target;
    const step = this.steps[this.next];
    if (step && step.at > now + EPS) t = Math.min(t, step.at);
    if (this.waiting()) {
      const wake = this.live.nextWakeUp();
      if (wake !== undefined && wake > now + EPS) t = Math.min(t, wake);
    }
    for (const s of this.streams) if (s.session.deadline > now + EPS) t = Math.min(t, s.session.deadline);
    for (const s of this.streams) {
      const wake = s.session.wakeAt;
      if (wake !== undefined && wake > now + EPS) t = Math.min(t, wake);
    }
    if (now + EPS >= this.rec.until) {
      // Ahead of the recording: stop at every sample and checkpoint boundary to record it.
      const { sampleEvery, checkpointEvery } = this.rec;
      t = Math.min(t, (Math.floor(now / sampleEvery + EPS) + 1) * sampleEvery);
      t = Math.min(t, (Math.floor(now / checkpointEvery + EPS) + 1) * checkpointEvery);
    } else t = Math.min(t, this.rec.until);
    return roundTime(t);
  }

  /**
   * Moves the live cluster forward to `target`, running steps and recording as it goes. With
   * `outOfTime`, it stops after the first instant at which that says so (the cluster asks it after
   * each instant it settles).
   */
  private moveTo(target: number, outOfTime?: () => boolean): void {
    target = roundTime(target);
    this.runDue();
    // On the way to `target` (a move cut short by `outOfTime` is taken up again toward it, as a
    // link opens in slices): checkpoints that thinning will drop by then are not made.
    this.passBefore = target - this.rec.denseSeconds;
    while (this.live.now < target - EPS) {
      if (this.live.now + EPS >= this.rec.until) this.reviveStreams();
      const t = this.nextStop(target);
      if (t > this.live.now) this.live.advance(roundTime(t - this.live.now), outOfTime);
      this.runDue();
      this.tickStreams();
      this.recordInstant();
      if (outOfTime?.()) break;
    }
  }

  /**
   * A step still watching whose session was lost when time went back past its start must watch
   * again before the recording goes further: replaying from a checkpoint before it started
   * recreates it exactly.
   */
  private reviveStreams(): void {
    let from = Number.POSITIVE_INFINITY;
    for (const [i, r] of this.rec.steps)
      if (i < this.next && r.watching && r.exitCode === undefined && !this.streams.some((s) => s.step === i))
        from = Math.min(from, r.at);
    if (!Number.isFinite(from)) return;
    const now = this.live.now;
    // Strictly before: a checkpoint at the step's own instant was taken after it began watching.
    this.restoreAtOrBefore(Math.max(0, from - 2 * EPS));
    this.moveTo(now);
  }

  private restoreAtOrBefore(t: number): void {
    const cp = this.rec.checkpointAtOrBefore(t);
    this.stopConsoleStreams();
    this.streams = [];
    this.condition = undefined;
    if (!cp) {
      this.live = this.fresh();
      this.runDue();
      return;
    }
    this.live.rewind(cp.snapshot);
    this.next = cp.next;
  }

  // -------------------------------------------------------------------------------------------
  // The public doors

  get cluster(): SimCluster {
    return this.live;
  }

  results(): { step: ScenarioStep; result: KubectlResult }[] {
    return this.stepViews()
      .filter((v) => v.ranAt !== undefined)
      .map((v) => ({
        step: deepCopy(this.steps[v.index]!),
        result: { stdout: v.stdout, stderr: v.stderr, exitCode: v.exitCode ?? 0 },
      }));
  }

  now(): number {
    return this.live.now;
  }

  seek(t: number): void {
    if (!Number.isFinite(t)) throw new RangeError(`seek: t must be a finite number, got ${t}`);
    const target = roundTime(Math.max(0, t));
    const now = this.live.now;
    const cp = this.rec.checkpointAtOrBefore(target);
    // Back, or forward past a recorded checkpoint: start from the nearest checkpoint.
    if (target < now - EPS || (cp && cp.t > now + EPS)) this.restoreAtOrBefore(target);
    this.moveTo(target);
    this.changed();
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new RangeError(`advance: seconds must be a finite number ≥ 0, got ${seconds}`);
    this.moveTo(this.live.now + seconds);
    this.changed();
  }

  play(seconds: number, outOfTime: () => boolean): number {
    const from = this.live.now;
    if (seconds > 0) this.moveTo(from + seconds, outOfTime);
    this.changed();
    return this.live.now - from;
  }

  run(commandLine: string, stdin?: string): KubectlResult & { step?: false } {
    if (notReady(String(commandLine), stdin)) {
      // Not a step: replayed later, with everything loaded, it would do something else.
      const word = String(commandLine)
        .replace(/^\s*kubectl\s+/, '')
        .split(/\s+/)[0];
      return {
        stdout: '',
        stderr: `error: "kubectl ${word}" is still loading in this page; try again in a moment\n`,
        exitCode: 1,
        step: false,
      };
    }
    const tooMuch = this.beyondLimits(String(commandLine), stdin);
    if (tooMuch) return { stdout: '', stderr: tooMuch, exitCode: 1, step: false };
    this.stopConsoleStreams();
    const future = this.steps.slice(this.next);
    const recorded = future.length > 0 ? this.rec.keep() : undefined;
    // Steps that had not run by now belong to the future this step replaces.
    this.steps.length = this.next;
    const step: ScenarioStep = { at: this.live.now, run: String(commandLine) };
    if (stdin !== undefined) step.stdin = stdin;
    this.steps.push(step);
    this.condition = undefined;
    this.rec.truncate(this.position());
    const result = this.execute(this.next);
    const record = this.rec.steps.get(this.next);
    if (recorded && result.exitCode !== 0 && !record?.kept && !record?.watching) {
      // kubectl refused it and it was undone: the cluster is as it was, so the steps it would
      // have replaced stand (a mistyped command in the past must not cost them), and it is no step.
      this.steps.length = this.next;
      this.steps.push(...future);
      recorded.back();
      this.changed();
      return { ...result, step: false };
    }
    this.next++;
    this.tickStreams();
    this.recordInstant(true);
    this.changed();
    return result;
  }

  /**
   * Why a command cannot become a step (undefined when it can): the scenario it would make must
   * open again as a file, a link or saved work, whose reader refuses what is past its limits.
   */
  private beyondLimits(run: string, stdin: string | undefined): string | undefined {
    const why = (detail: string) =>
      `error: this command cannot be kept as a step of the scenario: ${detail}\n`;
    if (run.length > LIMITS.commandChars)
      return why(`Too long: ${run.length} characters: must have at most ${LIMITS.commandChars}`);
    if (this.next >= LIMITS.steps) return why(`Too many steps: must have at most ${LIMITS.steps}`);
    // As JSON writes them, escapes and all.
    const size = (text: string | undefined) => (text === undefined ? 0 : JSON.stringify(text).length);
    let chars = size(this.data.spec.manifests) + size(run) + size(stdin);
    for (let i = 0; i < this.next; i++) chars += size(this.steps[i]!.run) + size(this.steps[i]!.stdin);
    if (chars > LIMITS.scenarioChars)
      return why(
        `Too long: its manifests and steps would hold ${chars} characters: must have at most ${LIMITS.scenarioChars}`,
      );
    return undefined;
  }

  query(commandLine: string, stdin?: string): QueryResult {
    return queryKubectl(this.live, String(commandLine), stdin);
  }

  watch(commandLine: string, onOutput: (chunk: OutputPiece) => void, stdin?: string): RunStream {
    return startConsoleWatch(
      this.live,
      String(commandLine),
      onOutput,
      (w) => this.streams.push(w),
      (w) => (this.streams = this.streams.filter((s) => s !== w)),
      stdin,
    );
  }

  complete(commandLine: string): string[] {
    return completeLine(this.live, commandLine);
  }

  recentRequests(seconds: number): readonly RequestRecord[] {
    const now = this.live.now;
    return this.live.requests(Math.max(0, now - seconds), now + 1e-9);
  }

  stepForward(): void {
    const mark = () =>
      `${this.live.store.resourceVersion}/${this.live.eventList().length}/${this.live.decisions().length}/${this.next}`;
    const before = mark();
    // A settled cluster still wakes (the clients' requests, probes) without changing: a step
    // looks STEP_HORIZON ahead at most and stops there, instead of leaping minutes of nothing
    // (and stretching the timeline over them).
    const until = roundTime(this.live.now + STEP_HORIZON);
    for (let i = 0; i < 500; i++) {
      const t = this.nextAction();
      if (t === undefined) break;
      if (t > until + EPS) {
        this.moveTo(until);
        break;
      }
      this.moveTo(t);
      if (mark() !== before) break;
    }
    this.changed();
  }

  stepBack(): void {
    const now = this.live.now;
    let prev = 0;
    for (const c of this.rec.changes) if (c < now - EPS) prev = c;
    this.seek(prev);
  }

  /** The next moment a controller, the scheduler or the kubelet acts, or a step is due. */
  private nextAction(): number | undefined {
    const now = this.live.now;
    const wake = this.live.nextWakeUp();
    const step = this.steps[this.next];
    const due = step && step.at > now + EPS ? step.at : undefined;
    const candidates = [wake, due].filter((x): x is number => x !== undefined && x > now + EPS);
    return candidates.length ? Math.min(...candidates) : undefined;
  }

  scenario(): Scenario {
    return deepCopy(this.data);
  }

  subscribe(listener: (f: Frame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  listen(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    this.cached = undefined;
    for (const s of this.streams) s.flush?.();
    for (const l of [...this.changeListeners]) l();
    if (this.listeners.size === 0) return;
    const f = this.frame();
    for (const l of [...this.listeners]) l(f);
  }

  // -------------------------------------------------------------------------------------------
  // Frames

  frame(): Frame {
    if (this.cached) return this.cached;
    const c = this.live;
    const now = c.now;
    const nextAction = this.nextAction();
    const frame: Frame = {
      t: now,
      seq: ++this.seq,
      name: this.data.metadata.name,
      ...(this.data.metadata.title ? { title: this.data.metadata.title } : {}),
      timing: { ...c.timing },
      // Lists and views that did not change are the previous frame's (structural sharing).
      objects: {
        deployments: c.store.sorted<Deployment>('Deployment'),
        replicaSets: c.store.sorted<ReplicaSet>('ReplicaSet'),
        pods: c.store.sorted<Pod>('Pod'),
        services: c.store.sorted<Service>('Service'),
        endpoints: c.store.sorted<Endpoints>('Endpoints'),
        nodes: c.store.sorted<NodeObject>('Node'),
      },
      view: clusterView(c, this.colours, true, this.views),
      traffic: {
        window: trafficWindow(c, now, 10),
        recent: c.requests(Math.max(0, now - 8), now + 1e-9),
        sources: c.trafficSources().map((s) => ({ ...s })),
      },
      events: c.frozenEvents(),
      decisions: c.frozenDecisions(),
      steps: this.stepViews(),
      history: this.history(),
      colours: Object.fromEntries(this.colours.entries()),
      ...(nextAction !== undefined ? { nextAction } : {}),
    };
    this.cached = this.freeze ? deepFreeze(frame) : frame;
    return this.cached;
  }

  history(): History {
    const rec = this.rec;
    if (this.historyCache?.version === rec.version) return this.historyCache;
    const lastStep = this.steps.length ? this.steps[this.steps.length - 1]!.at : 0;
    const end = Math.max(180, lastStep + 60, rec.until + 30);
    this.historyCache = {
      until: rec.until,
      duration: Math.ceil(end / 30) * 30,
      samples: rec.samples.filter((s) => s !== undefined),
      traffic: [...rec.traffic],
      steps: [...rec.steps]
        .filter(([i]) => i < this.steps.length)
        .sort(([a], [b]) => a - b)
        .map(([i, r]) => ({ at: r.at, run: this.steps[i]!.run })),
      version: rec.version,
    };
    return this.historyCache;
  }

  /** What a waiting step's condition prints at this moment, as a person running it would see. */
  private conditionOutput(i: number, command: string): { stdout: string; stderr: string } {
    const r = this.conditionNow(i, command)[4];
    return { stdout: r.stdout, stderr: r.stderr };
  }

  private stepViews(): StepView[] {
    const now = this.live.now;
    return this.steps.map((s, index) => {
      const r = index < this.next ? this.rec.steps.get(index) : undefined;
      const chunks: OutputChunk[] = r ? r.chunks.filter((c) => c.t <= now + EPS) : [];
      const finished = r !== undefined && r.doneAt !== undefined && r.doneAt <= now + EPS;
      const status = r
        ? finished || !r.watching
          ? 'done'
          : 'running'
        : s.at <= now + EPS && s.after !== undefined
          ? 'waiting'
          : 'pending';
      return {
        index,
        at: s.at,
        run: s.run,
        status,
        stdout: chunks.map((c) => c.stdout ?? '').join(''),
        stderr: chunks.map((c) => c.stderr ?? '').join(''),
        chunks,
        ...(s.after !== undefined ? { after: s.after } : {}),
        ...(status === 'waiting' && index === this.next
          ? { condition: this.conditionOutput(index, s.after!) }
          : {}),
        ...(s.stdin !== undefined ? { stdin: s.stdin } : {}),
        ...(s.say !== undefined ? { say: s.say } : {}),
        ...(s.stop ? { stop: true } : {}),
        ...(r ? { ranAt: r.at } : {}),
        ...(finished && r.exitCode !== undefined ? { exitCode: r.exitCode } : {}),
        ...(r?.exitCode && !r.watching && !r.kept ? { undone: true as const } : {}),
      };
    });
  }
}

/** A line that needs a command or the YAML library that has not loaded yet. */
function notReady(commandLine: string, stdin?: string): boolean {
  return waitsForCommands(commandLine) || (yamlLibrary() === undefined && needsYaml(stdin));
}

/** The live cluster of a Run (for the public API's wrappers; the app never touches it). */
export function liveCluster(run: Run): SimCluster {
  if (!(run instanceof RunImpl)) throw new TypeError('not a Run of this simulator');
  return run.cluster;
}

/** The steps that have run by the Run's current moment, with what each printed. */
export function stepResults(run: Run): { step: ScenarioStep; result: KubectlResult }[] {
  if (!(run instanceof RunImpl)) throw new TypeError('not a Run of this simulator');
  return run.results();
}
