/**
 * A followed cluster as a Run: what the watches of one namespace delivered, recorded as it came,
 * drawn by the same diagram and timeline as a simulated run, scrubbed like one, and read with the
 * same read-only kubectl. It only ever looks: `run()` refuses every command that would write.
 *
 * Time is seconds since connecting, and whoever feeds the run says what time it is (`receive`):
 * the core never reads a clock. The screen follows the live edge until someone goes back in time
 * (seek, step back); playing or seeking forward to the edge follows it again.
 *
 * Underneath is a mirror: a `SimCluster` with no nodes and nothing to do, whose store is set to the
 * watched objects at the moment shown (with their own resourceVersions). No controller, scheduler
 * or kubelet runs on it; `clusterView`, `describe`, `get` and `rollout status` read it as they read
 * a simulated cluster. The recording is a log of every change with a checkpoint of all objects
 * every few hundred changes, so a seek copies the nearest checkpoint and replays the rest.
 */
import { SimCluster, type ClusterSnapshot } from '../cluster/cluster.ts';
import { objectKey, type Change } from '../cluster/store.ts';
import type { RequestRecord } from '../cluster/traffic.ts';
import { parseTimestamp } from '../k8s/time.ts';
import type {
  Deployment,
  Endpoints,
  KubeObject,
  NodeObject,
  Pod,
  ReplicaSet,
  Service,
} from '../k8s/types.ts';
import type { KubectlResult } from '../kubectl/command.ts';
import { completeLine } from '../kubectl/commands/registry.ts';
import { startConsoleWatch, type ConsoleWatch } from '../run/console-watch.ts';
import { isReadOnlyCommand, queryKubectl, type QueryResult } from '../kubectl/query.ts';
import { revision } from '../cluster/controllers/deployment/util.ts';
import { sampleFrom, type Sample } from '../run/recording.ts';
import type { OutputPiece, RunControls, RunStream } from '../run/run.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { ColourBook } from '../view/colours.ts';
import { deepFreeze, type Frame, type History, type StepView } from '../view/frame.ts';
import { clusterView, trafficWindow } from '../view/view.ts';
import { Reconstruction } from './reconstruct.ts';
import { FOLLOWED_KINDS } from './resources.ts';
import { MirrorState, diffList, materialize, newestStamp, normalize, type LogEntry } from './state.ts';

const EPS = 1e-6;

/** What a watch delivered: one change, or a fresh list that replaces everything known of a kind. */
export type FollowEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; kind: string; object: unknown }
  | { type: 'SYNC'; kind: string; items: readonly unknown[] };

/** Events that arrived together, at `t` seconds since connecting. */
export interface Received {
  t: number;
  events: readonly FollowEvent[];
  /** The API server's clock when it answered (its HTTP `Date` header), when known. */
  date?: string;
}

export interface FollowRunOptions {
  /** The namespace followed (kubectl commands typed in the console default to it). */
  namespace: string;
  /** Deep-freeze every frame (development builds, tests). */
  freeze?: boolean;
  /** Changes between two checkpoints of every object (256). */
  checkpointChanges?: number;
}

export interface FollowRun extends RunControls {
  readonly namespace: string;
  /**
   * What arrived since the last call (each batch at its own moment, in order), and that it is now
   * `now` seconds since connecting: the live edge moves there. Listeners hear of it once.
   */
  receive(now: number, batches?: readonly Received[]): void;
  /** The furthest moment received. */
  edge(): number;
  /** True while the screen shows the live edge (not a moment scrubbed back to). */
  live(): boolean;
  /** Every change recorded, oldest first. */
  changes(): readonly LogEntry[];
}

/** What `run()` answers: a followed cluster is only looked at. */
export function readOnlyMessage(namespace: string): string {
  return `error: this lab follows namespace "${namespace}" read-only and never writes to the cluster; run the command with your own kubectl to change it\n`;
}

interface Checkpoint {
  t: number;
  /** Entries of the log applied to `state`. */
  index: number;
  state: MirrorState;
}

interface Shown {
  t: number;
  /** Entries of the log applied. */
  cursor: number;
  state: MirrorState;
}

/** `kubectl get pods` in a followed namespace means that namespace, as a kubeconfig context would. */
function inNamespace(line: string, namespace: string): string {
  if (namespace === 'default') return line;
  if (/(^|\s)(-n|--namespace|-A|--all-namespaces)(?=[\s=]|$)/.test(line) || /(^|\s)-n\S/.test(line))
    return line;
  const m = /^(\s*kubectl)(\s|$)/.exec(line);
  return m
    ? `${m[1]} --namespace=${namespace}${line.slice(m[1]!.length)}`
    : `--namespace=${namespace} ${line}`;
}

export function createFollowRun(options: FollowRunOptions): FollowRun {
  return new FollowRunImpl(options);
}

class FollowRunImpl implements FollowRun {
  readonly namespace: string;
  private readonly freeze: boolean;
  private readonly checkpointChanges: number;
  private readonly log: LogEntry[] = [];
  /** Every object as of the live edge. */
  private readonly front = new MirrorState();
  private edgeT = 0;
  /** The moment shown when it is not the live edge. */
  private shown: Shown | null = null;
  private readonly checkpoints: Checkpoint[] = [{ t: 0, index: 0, state: new MirrorState() }];
  private readonly samples: Sample[] = [];
  private nextSample = 0;
  /** The server's clock minus seconds since connecting, from the moment each estimate was made. */
  private readonly clockBase: { t: number; base: number }[] = [];
  private readonly listed = new Set<string>();
  private readonly refused: { at: number; run: string; stdin?: string; stderr: string }[] = [];
  private readonly colours = new ColourBook();
  private readonly reconstruction: Reconstruction;
  private readonly mirror = new SimCluster({ nodes: 0 });
  private readonly empty: ClusterSnapshot;
  /** What the mirror holds: the state object and its version. */
  private materialized: [MirrorState | null, number, number] = [null, -1, Number.NaN];
  private stateVersion = 0;
  private streams: ConsoleWatch[] = [];
  private readonly listeners = new Set<(f: Frame) => void>();
  private readonly changeListeners = new Set<() => void>();
  private cached: Frame | undefined;
  private historyCache: History | undefined;
  private historyVersion = 0;
  private seq = 0;
  private scenarioCache: [number, Scenario] | undefined;

  constructor(options: FollowRunOptions) {
    this.namespace = options.namespace;
    this.freeze = options.freeze ?? false;
    this.checkpointChanges = Math.max(1, options.checkpointChanges ?? 256);
    this.reconstruction = new Reconstruction(options.namespace);
    this.empty = this.mirror.snapshot();
  }

  // -------------------------------------------------------------------------------------------
  // Receiving

  receive(now: number, batches: readonly Received[] = []): void {
    if (!Number.isFinite(now)) throw new RangeError(`receive: now must be a finite number, got ${now}`);
    const wasLive = this.shown === null;
    const from = this.log.length;
    for (const b of batches) {
      const t = Math.max(
        this.edgeT,
        Number.isFinite(b.t) ? Math.min(b.t, Math.max(now, this.edgeT)) : this.edgeT,
      );
      this.recordSamples(t, false);
      this.estimateClock(t, b);
      for (const e of this.entriesOf(t, b.events)) {
        this.log.push(e);
        this.front.apply(e);
        this.reconstruction.add(e);
      }
      this.edgeT = t;
      this.maybeCheckpoint(t);
    }
    this.edgeT = Math.max(this.edgeT, now);
    this.recordSamples(this.edgeT, true);
    this.historyVersion++;
    if (wasLive) {
      this.stateVersion++;
      this.feedStreams(from, this.log.length);
    }
    this.changed();
  }

  /** The log entries a batch makes, objects read as this simulator stores them. */
  private entriesOf(t: number, events: readonly FollowEvent[]): LogEntry[] {
    const out: LogEntry[] = [];
    // Changes within the batch see each other: a second event about an object follows the first.
    const pending = new Map<string, Map<string, KubeObject | null>>();
    const current = (kind: string, key: string) => {
      const p = pending.get(kind)?.get(key);
      return p === null ? undefined : (p ?? this.front.get(kind, key));
    };
    const push = (e: LogEntry) => {
      out.push(e);
      let p = pending.get(e.kind);
      if (!p) pending.set(e.kind, (p = new Map()));
      p.set(objectKey(e.obj.metadata.namespace, e.obj.metadata.name), e.type === 'DELETED' ? null : e.obj);
    };
    for (const ev of events) {
      if (!FOLLOWED_KINDS.has(ev.kind)) continue;
      if (ev.type === 'SYNC') {
        const items = ev.items.map((i) => normalize(ev.kind, i)).filter((o): o is KubeObject => !!o);
        const initial = !this.listed.has(ev.kind);
        this.listed.add(ev.kind);
        const before = new Map(this.front.objects.get(ev.kind) ?? []);
        for (const [key, o] of pending.get(ev.kind) ?? []) {
          if (o) before.set(key, o);
          else before.delete(key);
        }
        const diff = diffList(before, items);
        // Older ReplicaSets first, so versions get their colours in the order they were made.
        if (ev.kind === 'ReplicaSet' || ev.kind === 'Pod') diff.sort((a, b) => age(a.obj) - age(b.obj));
        for (const d of diff)
          push({
            t,
            kind: ev.kind,
            type: d.type,
            obj: d.obj,
            ...(d.old ? { old: d.old } : {}),
            ...(initial ? { initial } : {}),
          });
        continue;
      }
      const obj = normalize(ev.kind, ev.object);
      if (!obj) continue;
      const old = current(ev.kind, objectKey(obj.metadata.namespace, obj.metadata.name));
      if (ev.type === 'DELETED') {
        if (old) push({ t, kind: ev.kind, type: 'DELETED', obj, old });
        continue;
      }
      if (
        old &&
        old.metadata.resourceVersion === obj.metadata.resourceVersion &&
        old.metadata.uid === obj.metadata.uid
      )
        continue;
      push({ t, kind: ev.kind, type: old ? 'MODIFIED' : 'ADDED', obj, ...(old ? { old } : {}) });
    }
    for (const e of out)
      if (e.type === 'ADDED' && (e.kind === 'ReplicaSet' || e.kind === 'Pod'))
        this.colours.of(imageOf(e.obj));
    return out;
  }

  /**
   * What time the server's clock shows: its Date header, or the newest moment its objects carry,
   * whichever is later; the estimate only ever moves forward.
   */
  private estimateClock(t: number, b: Received): void {
    let best = b.date !== undefined ? parseTimestamp(b.date) : Number.NaN;
    for (const ev of b.events)
      for (const o of ev.type === 'SYNC' ? ev.items : [ev.object]) {
        const s = newestStamp(o);
        if (!(s <= best)) best = s;
      }
    if (!Number.isFinite(best)) return;
    const base = best - t;
    const last = this.clockBase[this.clockBase.length - 1];
    if (last && base <= last.base + EPS) return;
    if (last && Math.abs(last.t - t) < EPS) last.base = base;
    else this.clockBase.push({ t, base });
  }

  /** The server's clock at `t` seconds since connecting (virtual seconds of its timestamps). */
  private clockAt(t: number): number {
    let base = this.clockBase[0]?.base ?? 0;
    for (const c of this.clockBase) {
      if (c.t > t + EPS) break;
      base = c.base;
    }
    return base + t;
  }

  /** Timeline samples for every whole second before `t` (and at `t`, with `inclusive`). */
  private recordSamples(t: number, inclusive: boolean): void {
    while (inclusive ? this.nextSample <= t + EPS : this.nextSample < t - EPS) {
      const s = this.nextSample++;
      this.samples[s] = sampleFrom(
        s,
        this.front.list('ReplicaSet') as ReplicaSet[],
        this.front.list('Deployment') as Deployment[],
        this.front.list('Pod') as Pod[],
        this.front.objects.get('Pod')?.size ?? 0,
        this.front.list('Node') as NodeObject[],
      );
    }
  }

  private maybeCheckpoint(t: number): void {
    const last = this.checkpoints[this.checkpoints.length - 1]!;
    const since = this.log.length - last.index;
    if (since >= this.checkpointChanges || (since > 0 && t - last.t >= 60))
      this.checkpoints.push({ t, index: this.log.length, state: this.front.copy() });
  }

  // -------------------------------------------------------------------------------------------
  // Moving

  now(): number {
    return this.shown ? this.shown.t : this.edgeT;
  }

  edge(): number {
    return this.edgeT;
  }

  live(): boolean {
    return this.shown === null;
  }

  changes(): readonly LogEntry[] {
    return this.log;
  }

  seek(t: number): void {
    if (!Number.isFinite(t)) throw new RangeError(`seek: t must be a finite number, got ${t}`);
    this.moveTo(t);
    this.changed();
  }

  private moveTo(target: number): void {
    const t = Math.min(this.edgeT, Math.max(0, target));
    const here = this.shown;
    const cursor = here ? here.cursor : this.log.length;
    if (t >= this.edgeT - EPS) {
      if (!here) return;
      this.shown = null;
      this.stateVersion++;
      this.feedStreams(cursor, this.log.length);
      return;
    }
    if (here && t >= here.t - EPS) {
      // Forward through the recording.
      let i = here.cursor;
      while (i < this.log.length && this.log[i]!.t <= t + EPS) here.state.apply(this.log[i++]!);
      here.t = t;
      here.cursor = i;
      this.stateVersion++;
      this.feedStreams(cursor, i);
      return;
    }
    // Back: from the nearest checkpoint.
    this.stopStreams();
    let k = this.checkpoints.length - 1;
    while (k > 0 && this.checkpoints[k]!.t > t + EPS) k--;
    const cp = this.checkpoints[k]!;
    const state = cp.state.copy();
    let i = cp.index;
    while (i < this.log.length && this.log[i]!.t <= t + EPS) state.apply(this.log[i++]!);
    this.shown = { t, cursor: i, state };
    this.stateVersion++;
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new RangeError(`advance: seconds must be a finite number ≥ 0, got ${seconds}`);
    this.seek(this.now() + seconds);
  }

  /** At the live edge time moves with the wall clock (the feed moves it): playing takes nothing. */
  play(seconds: number, _outOfTime: () => boolean): number {
    if (this.shown && seconds > 0) this.seek(this.shown.t + seconds);
    return Math.max(0, seconds);
  }

  stepForward(): void {
    const now = this.now();
    const next = this.log.find((e) => e.t > now + EPS);
    this.seek(next ? next.t : this.edgeT);
  }

  stepBack(): void {
    const now = this.now();
    let prev = 0;
    for (const e of this.log) {
      if (e.t >= now - EPS) break;
      prev = e.t;
    }
    this.seek(prev);
  }

  // -------------------------------------------------------------------------------------------
  // Looking

  private state(): MirrorState {
    return this.shown ? this.shown.state : this.front;
  }

  /** The mirror, holding the objects of the moment shown. */
  private cluster(): SimCluster {
    const state = this.state();
    const clock = this.clockAt(this.now());
    const [s, v, c] = this.materialized;
    if (s !== state || v !== this.stateVersion || c !== clock) {
      materialize(this.mirror, state, clock, this.empty);
      this.materialized = [state, this.stateVersion, clock];
    }
    return this.mirror;
  }

  run(commandLine: string, stdin?: string): KubectlResult {
    const line = String(commandLine);
    if (isReadOnlyCommand(line)) {
      const r = this.query(line, stdin);
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    }
    const stderr = readOnlyMessage(this.namespace);
    this.refused.push({ at: this.now(), run: line, ...(stdin !== undefined ? { stdin } : {}), stderr });
    this.changed();
    return { stdout: '', stderr, exitCode: 1 };
  }

  query(commandLine: string, stdin?: string): QueryResult {
    return queryKubectl(this.cluster(), inNamespace(String(commandLine), this.namespace), stdin);
  }

  watch(commandLine: string, onOutput: (chunk: OutputPiece) => void, stdin?: string): RunStream {
    return startConsoleWatch(
      this.cluster(),
      inNamespace(String(commandLine), this.namespace),
      onOutput,
      (w) => this.streams.push(w),
      (w) => (this.streams = this.streams.filter((s) => s !== w)),
      stdin,
    );
  }

  /** Console watches see the changes of a move forward, then the new moment. */
  private feedStreams(from: number, to: number): void {
    if (!this.streams.length) return;
    const c = this.cluster();
    for (let i = from; i < to; i++) {
      const e = this.log[i]!;
      const change: Change = {
        type: e.type === 'ADDED' ? 'added' : e.type === 'MODIFIED' ? 'updated' : 'deleted',
        kind: e.kind,
        old: e.old,
        obj: e.obj,
      };
      for (const s of this.streams) if (!s.session.done) s.session.onChange(change);
    }
    for (const s of [...this.streams]) {
      const session = s.session;
      if (!session.done) session.onTick?.();
      if (!session.done && c.now >= session.deadline - EPS) session.expire(false);
      s.flush();
      if (!session.done) continue;
      this.streams = this.streams.filter((x) => x !== s);
      s.ended(session.exitCode);
    }
  }

  /** Going back in time ends console watches (exit 130, as Ctrl-C). */
  private stopStreams(): void {
    for (const s of this.streams) s.ended(130);
    this.streams = [];
  }

  complete(commandLine: string): string[] {
    return completeLine(this.cluster(), commandLine);
  }

  recentRequests(_seconds: number): readonly RequestRecord[] {
    return [];
  }

  scenario(): Scenario {
    const v = this.reconstruction.version;
    if (this.scenarioCache?.[0] !== v) this.scenarioCache = [v, this.reconstruction.scenario()];
    return structuredCopy(this.scenarioCache[1]);
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
    for (const l of [...this.changeListeners]) l();
    if (this.listeners.size === 0) return;
    const f = this.frame();
    for (const l of [...this.listeners]) l(f);
  }

  // -------------------------------------------------------------------------------------------
  // Frames

  frame(): Frame {
    if (this.cached) return this.cached;
    const c = this.cluster();
    const t = this.now();
    const next = this.shown ? this.log[this.shown.cursor]?.t : undefined;
    const frame: Frame = {
      t,
      clock: c.now,
      seq: ++this.seq,
      name: `followed-${this.namespace}`,
      title: { en: `Namespace ${this.namespace}`, ko: `네임스페이스 ${this.namespace}` },
      timing: { ...c.timing },
      objects: {
        deployments: c.store.list<Deployment>('Deployment'),
        replicaSets: c.store.list<ReplicaSet>('ReplicaSet'),
        pods: c.store.list<Pod>('Pod'),
        services: c.store.list<Service>('Service'),
        endpoints: c.store.list<Endpoints>('Endpoints'),
        nodes: [],
      },
      view: clusterView(c, this.colours, true),
      traffic: { window: trafficWindow(c, c.now, 10), recent: [], sources: [] },
      events: [...c.eventList()],
      decisions: [],
      steps: this.stepViews(t),
      history: this.history(),
      colours: Object.fromEntries(this.colours.entries()),
      ...(next !== undefined ? { nextAction: next } : {}),
    };
    this.cached = this.freeze ? deepFreeze(frame) : frame;
    return this.cached;
  }

  /** Commands refused so far (the console shows them like any command that failed). */
  private stepViews(now: number): StepView[] {
    return this.refused
      .filter((r) => r.at <= now + EPS)
      .map((r, index) => ({
        index,
        at: r.at,
        run: r.run,
        ...(r.stdin !== undefined ? { stdin: r.stdin } : {}),
        status: 'done' as const,
        stdout: '',
        stderr: r.stderr,
        chunks: [{ t: r.at, stderr: r.stderr }],
        ranAt: r.at,
        exitCode: 1,
      }));
  }

  history(): History {
    if (this.historyCache?.version === this.historyVersion) return this.historyCache;
    const steps = this.reconstruction.markers();
    const lastStep = steps.length ? steps[steps.length - 1]!.at : 0;
    const end = Math.max(180, lastStep + 60, this.edgeT + 30);
    this.historyCache = {
      until: this.edgeT,
      duration: Math.ceil(end / 30) * 30,
      samples: this.samples.filter((s) => s !== undefined),
      traffic: [],
      steps,
      version: this.historyVersion,
    };
    return this.historyCache;
  }
}

function imageOf(o: KubeObject): string {
  if (o.kind === 'Pod') return (o as Pod).spec.containers[0]?.image ?? '';
  return (o as ReplicaSet).spec.template.spec.containers[0]?.image ?? '';
}

/** When an object was made, for ordering a list: its revision first for ReplicaSets. */
function age(o: KubeObject): number {
  const r = o.kind === 'ReplicaSet' ? (revision(o as ReplicaSet) ?? 0) : 0;
  const c = parseTimestamp(o.metadata.creationTimestamp);
  return r * 1e12 + (Number.isFinite(c) ? c : 0);
}

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
