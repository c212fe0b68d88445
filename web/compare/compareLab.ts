/**
 * The Compare view's lab: one Comparison (the core moves its lanes on one clock), one Player that
 * plays it in real time, a Lab per lane that follows the same Player (so each lane's Diagram is the
 * app's own, inside a <LabProvider>), and a small zustand store the view keys on. Like a Lab, it
 * owns nothing global: the view makes one and disposes it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createComparison,
  Player,
  type Comparison,
  type FrameScheduler,
  type LaneUpdate,
  type Localized,
  type Scenario,
} from '../../src/index.ts';
import { Lab } from '../lab/lab.ts';

const EPS = 1e-6;

/**
 * Where a comparison opens and plays again from: a second before its updates begin. The start-up
 * before them is the same in every lane, so the lanes open settled and a class sees each one
 * change from the same picture; the timeline still holds the start-up, shaded.
 */
const opening = (c: Comparison): number => Math.max(0, c.start() - 1);

export interface CompareState {
  /** The moment every lane shows. */
  t: number;
  /** Where the comparison ends (the scrubber's end). */
  end: number;
  /** Where the updates begin. */
  start: number;
  playing: boolean;
  speed: number;
  behind: boolean;
  /** Wall-clock ms of the last frame played. */
  wall: number;
  /** Bumped on every move of the comparison. */
  version: number;
  /** Bumped when another comparison is loaded. */
  loaded: number;
  /** Changes when any lane's recorded history does (what the timeline keys on). */
  history: string;
  lanes: { name: string; title?: Localized }[];
  name: string;
  title: Localized | undefined;
  /** The preset on screen, if it is one. */
  preset: string | null;
  /** The lanes as the form builds them, when the comparison came from the form or a preset. */
  updates: LaneUpdate[] | null;
  presenting: boolean;
}

export interface CompareLabOptions {
  scheduler?: FrameScheduler | undefined;
  clock?: () => number;
  freeze?: boolean;
}

const browserFrames: FrameScheduler | undefined =
  typeof requestAnimationFrame === 'function'
    ? { request: (cb) => requestAnimationFrame(cb), cancel: (id) => cancelAnimationFrame(id) }
    : undefined;

export interface LoadOptions {
  /** The moment to show first; the comparison's opening when not given. */
  t?: number | undefined;
  preset?: string | null;
  updates?: LaneUpdate[] | null;
}

export class CompareLab {
  readonly store: StoreApi<CompareState>;
  readonly player: Player;
  private current: Comparison;
  private lanes: Lab[] = [];
  private readonly freeze: boolean;
  private unlisten: () => void = () => {};
  private loads = 0;

  constructor(scenario: Scenario, options: CompareLabOptions & LoadOptions = {}) {
    this.freeze = options.freeze ?? false;
    this.current = createComparison(scenario, { freeze: this.freeze });
    const scheduler = 'scheduler' in options ? options.scheduler : browserFrames;
    this.player = new Player(this.current, { scheduler, clock: options.clock ?? (() => performance.now()) });
    this.store = createStore<CompareState>(() => this.stateOf(options));
    this.attach(options.t ?? opening(this.current));
    this.player.subscribe(() => this.sync());
  }

  /** The comparison on screen. */
  get comparison(): Comparison {
    return this.current;
  }

  /** One Lab per lane, in lane order: what each lane's views draw and act on. */
  get labs(): readonly Lab[] {
    return this.lanes;
  }

  private stateOf(o: LoadOptions = {}): CompareState {
    const c = this.current;
    const s = c.scenario();
    const prev = this.store?.getState();
    return {
      t: c.now(),
      end: c.end(),
      start: c.start(),
      playing: this.player.playing,
      speed: this.player.speed,
      behind: this.player.behind,
      wall: this.player.frameMs,
      version: (prev?.version ?? 0) + 1,
      loaded: this.loads,
      history: this.historyKey(),
      lanes: c.lanes.map((l) => (l.title ? { name: l.name, title: l.title } : { name: l.name })),
      name: s.metadata.name,
      title: s.metadata.title,
      preset: o.preset !== undefined ? o.preset : (prev?.preset ?? null),
      updates: o.updates !== undefined ? o.updates : (prev?.updates ?? null),
      presenting: prev?.presenting ?? false,
    };
  }

  /** Lane labs for the current comparison, following the shared Player; then shows state(t). */
  private attach(t: number): void {
    for (const l of this.lanes) l.dispose();
    this.lanes = this.current.lanes.map(
      (lane) => new Lab(lane.run.scenario(), { run: lane.run, player: this.player, freeze: this.freeze }),
    );
    this.unlisten();
    this.unlisten = this.current.listen(() => this.sync());
    if (t > 0) this.current.seek(t);
    this.sync();
  }

  private historyKey(): string {
    return `${this.loads}:${this.current.lanes.map((l) => l.run.history().version).join(',')}`;
  }

  private sync(): void {
    const p = this.player;
    this.store.setState((s) => ({
      history: this.historyKey(),
      t: this.current.now(),
      playing: p.playing,
      speed: p.speed,
      behind: p.behind,
      wall: p.frameMs,
      version: s.version + 1,
    }));
  }

  /** Shows another comparison (a preset, the form's lanes, a link, a file) at `t`, or at its opening. */
  load(scenario: Scenario, o: LoadOptions = {}): void {
    const next = createComparison(scenario, { freeze: this.freeze });
    this.player.pause();
    this.current = next;
    this.loads++;
    this.player.setRun(next);
    this.store.setState(this.stateOf({ preset: o.preset ?? null, updates: o.updates ?? null }));
    this.attach(o.t ?? opening(next));
  }

  // -------------------------------------------------------------------------------------------
  // Time: every lane moves together

  /** Plays to the end (from the opening again once there). */
  play = (): void => {
    if (this.current.now() >= this.current.end() - EPS) this.current.seek(opening(this.current));
    this.player.play(this.current.end());
  };
  pause = (): void => this.player.pause();
  togglePlay = (): void => (this.player.playing ? this.pause() : this.play());
  setSpeed = (speed: number): void => this.player.setSpeed(speed);
  seek = (t: number): void => this.current.seek(Math.min(Math.max(0, t), this.current.end()));
  advance = (seconds: number): void => this.current.advance(seconds);
  stepForward = (): void => {
    this.player.pause();
    this.current.stepForward();
  };
  stepBack = (): void => {
    this.player.pause();
    this.current.stepBack();
  };

  setPresenting = (presenting: boolean): void => this.store.setState({ presenting });

  dispose(): void {
    this.unlisten();
    for (const l of this.lanes) l.dispose();
    this.player.dispose();
  }
}
