/**
 * A Lab: one Run on the page, the Player that plays it in real time, and a vanilla zustand store
 * that adapts both for React in three slices (playback, ui, lesson). Each <Lab> has its own; the
 * Run owns time and state, the store only mirrors what views key on. Actions are methods that
 * call the Run and set the store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createRun,
  extensionsReady,
  isReadOnlyCommand,
  loadExtensions,
  Player,
  prepareCommand,
  type CommandLine,
  type Frame,
  type FrameScheduler,
  type KubectlResult,
  type RunControls,
  type RunStream,
  type Scenario,
} from '../../src/index.ts';

export interface PlaybackSlice {
  t: number;
  playing: boolean;
  speed: number;
  /** Length of the timeline's axis (past the furthest moment played and every step). */
  duration: number;
  /** Bumped on every change of the Run. */
  version: number;
  /** Playing slower than `speed`: the controllers have more to do than frames allow. */
  behind: boolean;
  /** Wall-clock ms of the last frame played. */
  wall: number;
  /** Changes when the recorded history or the steps change (what the timeline keys on). */
  history: number;
  /** Changes when another scenario is loaded. */
  loaded: number;
}

/**
 * A command in the console that is no step (steps are in the Run's frame): one that only looked,
 * or one kubectl refused where it would have replaced later steps.
 */
export interface LogEntry {
  id: number;
  t: number;
  command: string;
  /** A here-document's text given as its standard input (`kubectl diff -f - <<EOF`). */
  stdin?: string;
  /** What it printed, in the order it printed it (each chunk one stream's text). */
  chunks: { stdout?: string; stderr?: string }[];
  /** Still printing as time moves (`rollout status`, `get -w`). */
  streaming?: boolean;
  /**
   * How many steps had run when this was typed: at one moment it comes after them and before a
   * step run later.
   */
  steps: number;
}

/** What a command printed all at once, as a log entry's chunks. */
const printed = (r: KubectlResult): LogEntry['chunks'] => [
  ...(r.stdout ? [{ stdout: r.stdout }] : []),
  ...(r.stderr ? [{ stderr: r.stderr }] : []),
];

/** What the Compare view opens with (web/compare): a preset, a scenario with variants, or a link. */
export interface CompareRequest {
  /** A preset id (`all-three`). */
  preset?: string;
  /** A scenario with `spec.variants` (an imported file). */
  scenario?: Scenario;
  /** The moment to open at. */
  at?: number;
  /** The value of a `?compare=` link (a preset id or an encoded comparison). */
  link?: string;
  /** Opens in presentation mode (from a lesson being presented). */
  presenting?: boolean;
}

export interface UiSlice {
  /** The Compare view is open, with what it opened with; null when closed. */
  compare: CompareRequest | null;
  selectedPod: string | null;
  /** The command(s) a focused or hovered action button would run. */
  preview: string;
  editorOpen: boolean;
  /** The optional Nodes layer of the diagram (capacity, which pods sit where). */
  showNodes: boolean;
  /**
   * Predict mode outside lessons: the timeline never draws past the moment shown (lessons hide
   * what answers an open question whatever this says; web/predict).
   */
  predict: boolean;
  log: LogEntry[];
  /** Replaying a scenario that is being opened, up to the moment it opens at (null otherwise). */
  /**
   * A replay in progress: the moment it opens at (`to`), the moment reached (`at`), and the
   * moment it started from with the wall-clock milliseconds spent since, for an estimate of the
   * rest.
   */
  opening: { to: number; at: number; from: number; spentMs: number } | null;
  /**
   * The lab shows a followed Kubernetes API (web/follow) instead of its own run: nothing that
   * writes can be done, and disconnecting brings the lab's run back as it was.
   */
  following: { url: string; namespace: string } | null;
}

export type Role = 'main' | 'audience';

export interface LessonSlice {
  id: string | null;
  /** Index (into the lesson's stops) of the stop the lesson is at. */
  stop: number;
  /** The stop being played towards, or null when waiting at `stop`. */
  heading: number | null;
  /**
   * The learner's answer per question, keyed by stop index: the choice's index or the number
   * typed; null when presentation mode showed the answer without one (`REVEALED` in
   * web/lessons/store.ts).
   */
  answers: Record<number, number | null>;
  pickerOpen: boolean;
  /** The picker was opened by Present: the lesson picked is presented. */
  pickerPresents: boolean;
  presenting: boolean;
  /** The presentation screen is blanked (`B`). */
  blank: boolean;
  /** An audience window follows a presentation and offers no controls. */
  role: Role;
  loading: boolean;
  /** The lesson's handout is open over the app (web/handout): to print, or to save as Markdown. */
  handout: boolean;
}

export interface LabState {
  playback: PlaybackSlice;
  ui: UiSlice;
  lesson: LessonSlice;
}

export interface LabOptions {
  /** Animation frames (requestAnimationFrame); without, play() does nothing (tests step instead). */
  scheduler?: FrameScheduler | undefined;
  /** Wall-clock ms (performance.now). */
  clock?: () => number;
  /** Deep-freeze frames (development builds). */
  freeze?: boolean;
  /** Show this Run instead of one made from the scenario (a lane of a comparison). */
  run?: RunControls;
  /**
   * Follow this Player instead of owning one: several labs that share a clock (a comparison's
   * lanes) show the same playing state, and their views refresh at the same pace.
   */
  player?: Player;
}

const browserFrames: FrameScheduler | undefined =
  typeof requestAnimationFrame === 'function'
    ? {
        request: (cb) => requestAnimationFrame(cb),
        cancel: (id) => cancelAnimationFrame(id),
      }
    : undefined;

const LOG_LIMIT = 200;

export const initialLesson = (): LessonSlice => ({
  id: null,
  stop: 0,
  heading: null,
  answers: {},
  pickerOpen: false,
  pickerPresents: false,
  presenting: false,
  blank: false,
  role: 'main',
  loading: false,
  handout: false,
});

export class Lab {
  readonly store: StoreApi<LabState>;
  readonly player: Player;
  private current: RunControls;
  private unlisten: () => void = () => {};
  private readonly freeze: boolean;
  /** The Player is this lab's own (not shared with other labs). */
  private readonly ownsPlayer: boolean;
  private readonly unsubscribePlayer: () => void;
  private logId = 0;
  private stream: { run: RunStream; id: number } | null = null;
  private loads = 0;
  /** Playing towards a moment someone waits for (a lesson's next stop). */
  private arrival: { t: number; done: (arrived: boolean) => void } | null = null;
  /**
   * What was typed in the YAML editor and not applied, per object (`Deployment/kubia`): kept when
   * the editor closes or turns to another object, forgotten when another scenario is shown.
   */
  readonly editorDrafts = new Map<string, string>();

  constructor(scenario: Scenario | string, options: LabOptions = {}) {
    this.freeze = options.freeze ?? false;
    this.current = options.run ?? createRun(scenario, { freeze: this.freeze });
    const scheduler = 'scheduler' in options ? options.scheduler : browserFrames;
    this.ownsPlayer = !options.player;
    this.player =
      options.player ??
      new Player(this.current, {
        scheduler,
        clock: options.clock ?? (() => performance.now()),
      });
    this.store = createStore<LabState>(() => ({
      playback: this.playbackOf(),
      ui: {
        compare: null,
        selectedPod: null,
        preview: '',
        editorOpen: false,
        showNodes: false,
        predict: false,
        log: [],
        opening: null,
        following: null,
      },
      lesson: initialLesson(),
    }));
    this.wire();
    this.unsubscribePlayer = this.player.subscribe(() => this.sync());
  }

  /** The Run this lab shows. */
  get run(): RunControls {
    return this.current;
  }

  /** Everything to draw at the current moment. */
  frame(): Frame {
    return this.current.frame();
  }

  private wire(): void {
    this.unlisten();
    this.unlisten = this.current.listen(() => this.sync());
  }

  private playbackOf(): PlaybackSlice {
    const run = this.current;
    const history = run.history();
    return {
      t: run.now(),
      playing: this.player?.playing ?? false,
      speed: this.player?.speed ?? 1,
      duration: history.duration,
      version: (this.store?.getState().playback.version ?? 0) + 1,
      behind: this.player?.behind ?? false,
      wall: this.player?.frameMs ?? 0,
      history: history.version,
      loaded: this.loads,
    };
  }

  private sync(): void {
    this.store.setState({ playback: this.playbackOf() });
    this.followStream();
    const a = this.arrival;
    if (!a) return;
    if (this.current.now() >= a.t - 1e-6) {
      // There (or past it: time was moved some other way too): stop exactly at the moment.
      this.arrival = null;
      this.player.pause();
      if (Math.abs(this.current.now() - a.t) > 1e-6) this.current.seek(a.t);
      a.done(true);
    } else if (!this.player.playing) {
      this.arrival = null;
      a.done(false);
    }
  }

  private setUi(patch: Partial<UiSlice>): void {
    this.store.setState((s) => ({ ui: { ...s.ui, ...patch } }));
  }

  setLesson(patch: Partial<LessonSlice>): void {
    this.store.setState((s) => ({ lesson: { ...s.lesson, ...patch } }));
  }

  /**
   * Replaces the scenario (a lesson, a link, a file) and shows state(t). The Run replays steps
   * with every kubectl command present: callers load the extensions first (`whenReady`).
   */
  load(scenario: Scenario | string, t = 0): void {
    const run = createRun(scenario, { freeze: this.freeze });
    run.seek(t);
    this.openId++;
    this.leaveFollowed();
    this.show(run);
  }

  /** A scenario opened while following replaces the lab's own run: following ends. */
  private leaveFollowed(): void {
    if (!this.ownRun) return;
    this.ownRun = null;
    this.setUi({ following: null });
  }

  private openId = 0;

  /**
   * Opens a scenario at moment `t` without freezing the page: the new Run replays in slices
   * (SLICE_MS) between frames (`ui.opening` tells how far it is) while this lab keeps showing
   * what it showed; then it takes the new Run's place. 'cancelled' when `cancelOpen()` or another
   * open came first. Throws, changing nothing, when the scenario cannot be built. `built` is the
   * scenario's Run when the caller has built it already (to check it) and not moved it since.
   */
  async open(scenario: Scenario | string, t: number, built?: RunControls): Promise<'opened' | 'cancelled'> {
    const id = ++this.openId;
    const run = built ?? createRun(scenario, { freeze: this.freeze });
    const target = Math.max(0, t);
    const from = run.now();
    const startedMs = performance.now();
    let toldMs = Number.NEGATIVE_INFINITY;
    try {
      while (run.now() < target - 1e-6 && this.openHereId !== id) {
        const spentMs = performance.now() - startedMs;
        // How far it is, told at most every TELL_MS: each telling redraws the page.
        if (spentMs - toldMs >= TELL_MS) {
          toldMs = spentMs;
          this.setUi({ opening: { to: target, at: run.now(), from, spentMs } });
        }
        const deadline = performance.now() + SLICE_MS;
        run.play(target - run.now(), () => performance.now() > deadline);
        await yieldToPage();
        if (id !== this.openId) return 'cancelled';
      }
    } finally {
      if (id === this.openId) this.setUi({ opening: null });
    }
    this.leaveFollowed();
    this.show(run);
    return 'opened';
  }

  /** Stops an open that is replaying; the lab keeps what it shows. */
  cancelOpen = (): void => {
    this.openId++;
    this.setUi({ opening: null });
  };

  private openHereId = 0;

  /**
   * Stops a replay where it has got to and opens the scenario there, paused: a link to a moment
   * that takes long to reach still opens, earlier, and plays on from there when asked.
   */
  openHere = (): void => {
    this.openHereId = this.openId;
  };

  private show(run: RunControls): void {
    this.stopStream();
    this.arrival = null;
    this.current = run;
    this.loads++;
    this.editorDrafts.clear();
    if (this.ownsPlayer) this.player.setRun(run);
    this.wire();
    this.setUi({ log: [], selectedPod: null });
    this.sync();
  }

  /** The lab's own run and console while a followed cluster is shown in their place. */
  private ownRun: { run: RunControls; log: LogEntry[]; selectedPod: string | null } | null = null;

  /**
   * Shows a followed cluster's Run (read-only) in place of the lab's own, which is kept as it is
   * (its moment, steps and console) until `unfollow()`.
   */
  follow(run: RunControls, following: { url: string; namespace: string }): void {
    this.openId++;
    this.player.pause();
    if (!this.ownRun) {
      const ui = this.store.getState().ui;
      this.ownRun = { run: this.current, log: ui.log, selectedPod: ui.selectedPod };
    }
    this.show(run);
    this.setUi({ following, editorOpen: false });
  }

  /** Back to the lab's own run, console and selection as they were before following. */
  unfollow(): void {
    const own = this.ownRun;
    if (!own) return;
    this.ownRun = null;
    this.player.pause();
    this.show(own.run);
    this.setUi({ following: null, log: own.log, selectedPod: own.selectedPod });
  }

  // -------------------------------------------------------------------------------------------
  // Time

  play = (): void => this.player.play();
  /**
   * Plays to `t` and stops exactly there; `done(true)` then, `done(false)` when playing stopped
   * before (the learner paused, scrubbed or acted). Without animation frames it goes there at once.
   */
  playTo = (t: number, done: (arrived: boolean) => void): void => {
    this.arrival = null;
    this.player.play(t);
    if (this.player.playing) {
      this.arrival = { t, done };
      return;
    }
    if (Math.abs(this.current.now() - t) > 1e-6) this.current.seek(t);
    done(true);
  };
  pause = (): void => this.player.pause();
  togglePlay = (): void => this.player.toggle();
  setSpeed = (speed: number): void => this.player.setSpeed(speed);
  seek = (t: number): void => {
    this.current.seek(t);
  };
  advance = (seconds: number): void => {
    this.current.advance(seconds);
  };
  stepForward = (): void => {
    this.player.pause();
    this.current.stepForward();
  };
  stepBack = (): void => {
    this.player.pause();
    this.current.stepBack();
  };

  // -------------------------------------------------------------------------------------------
  // Acting: the only way the app changes the cluster

  /** Runs a kubectl command as a step at the current moment (what every button does). */
  runLine = (line: CommandLine): KubectlResult => {
    this.stopStream();
    const r = this.current.run(line.run, line.stdin);
    // Refused where it would have replaced later steps, it is no step: the console shows it as
    // it shows a command that only looked.
    if (r.step === false) {
      this.logEntry(line.run, printed(r), line.stdin);
    }
    return r;
  };

  /** Runs lines in order and stops at the first failure (like `set -e`). */
  runLines = (lines: CommandLine[]): KubectlResult | undefined => {
    let last: KubectlResult | undefined;
    for (const l of lines) {
      last = this.runLine(l);
      if (last.exitCode !== 0) break;
    }
    return last;
  };

  /** `runLines`, once the commands and the YAML library are in (they load after the first paint). */
  runLinesWhenReady = async (lines: CommandLine[]): Promise<KubectlResult | undefined> => {
    if (!extensionsReady()) await loadExtensions();
    return this.runLines(lines);
  };

  /**
   * What the console runs: commands that only look are queries (and may stream); the rest steps.
   * `stdin`: a here-document's text.
   */
  runConsole = async (command: string, stdin?: string): Promise<void> => {
    this.stopStream();
    const trimmed = command.trim();
    if (!trimmed) return;
    // `kubectl` may be left out, or written `k` as so many alias it (kubectl's own reading).
    const full = /^kubectl(?:\s|$)/.test(trimmed)
      ? trimmed
      : `kubectl ${trimmed.replace(/^k(?:\s+|$)/, '')}`.trimEnd();
    // Every command must be present before one becomes a step a replay would run again, and what
    // a command reads that loads only when it runs (explain's schemas) before it runs.
    if (!extensionsReady()) await loadExtensions();
    await prepareCommand(full);
    if (!isReadOnlyCommand(full)) {
      this.runLine(stdin === undefined ? { run: full } : { run: full, stdin });
      return;
    }
    // A look, with what it was given if anything (`diff -f -`, a dry run, `get -f - -w`): printed
    // at once, or as time moves if it watches.
    const id = this.logEntry(full, [], stdin);
    const update = (patch: Partial<LogEntry> | ((e: LogEntry) => Partial<LogEntry>)) =>
      this.setUi({
        log: this.store
          .getState()
          .ui.log.map((e) =>
            e.id === id ? { ...e, ...(typeof patch === 'function' ? patch(e) : patch) } : e,
          ),
      });
    const run = this.current.watch(full, (chunk) => update((e) => ({ chunks: [...e.chunks, chunk] })), stdin);
    if (!run.done) {
      this.stream = { run, id };
      update({ streaming: true });
    }
  };

  /** Adds a command that is no step to the console's log, at this moment; its id. */
  private logEntry(command: string, chunks: LogEntry['chunks'], stdin?: string): number {
    const id = ++this.logId;
    const entry: LogEntry = {
      id,
      t: this.current.now(),
      command,
      ...(stdin !== undefined ? { stdin } : {}),
      chunks,
      // Those that had run: typed at a past moment, it comes before a step typed after it there
      // (which discards the steps recorded later).
      steps: this.current.frame().steps.filter((x) => x.ranAt !== undefined).length,
    };
    this.setUi({ log: [...this.store.getState().ui.log.slice(-(LOG_LIMIT - 1)), entry] });
    return id;
  }

  /** Ends the console's watching command (Ctrl-C, a new command, going back in time). */
  stopStream = (): void => {
    const s = this.stream;
    if (!s) return;
    this.stream = null;
    s.run.stop();
    this.setUi({
      log: this.store.getState().ui.log.map((e) => (e.id === s.id ? { ...e, streaming: false } : e)),
    });
  };

  private followStream(): void {
    if (this.stream?.run.done) this.stopStream();
  }

  /** Read-only kubectl at the current moment. */
  query = (command: string, stdin?: string) => this.current.query(command, stdin);

  /** A query that may need a command the page loads after its first paint (`kubectl diff`). */
  queryWhenReady = async (command: string, stdin?: string) => {
    if (!extensionsReady()) await loadExtensions();
    return this.query(command, stdin);
  };

  // -------------------------------------------------------------------------------------------
  // The view

  selectPod = (name: string | null): void => this.setUi({ selectedPod: name });
  setPreview = (preview: string): void => this.setUi({ preview });
  setEditorOpen = (editorOpen: boolean): void => this.setUi({ editorOpen });
  setShowNodes = (showNodes: boolean): void => this.setUi({ showNodes });
  setPredict = (predict: boolean): void => this.setUi({ predict });
  /** Opens the Compare view (this lab pauses; it is where the view returns to). */
  openCompare = (request: CompareRequest = {}): void => {
    this.pause();
    this.setUi({ compare: request });
  };
  closeCompare = (): void => this.setUi({ compare: null });

  dispose(): void {
    this.stopStream();
    this.unlisten();
    this.unsubscribePlayer();
    if (this.ownsPlayer) this.player.dispose();
  }
}

/**
 * An open replays in slices of SLICE_MS and yields to the page between them: a click on Cancel
 * waits at most that long. It tells its progress every TELL_MS: each telling renders the notice,
 * and the page under it, which a replay of an hour of 1,000 pods would otherwise pay for some 30
 * times a second, a fifth of its time.
 */
const SLICE_MS = 40;
const TELL_MS = 100;

/**
 * Lets the page draw and take input between two slices of a replay. A message, not setTimeout(0):
 * after a few nested timeouts a browser waits at least 4 ms for each, the page idle, and a replay
 * of an hour of 1,000 pods is some 30 slices.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A lab on the given scenario, playing with the browser's animation frames. */
export function createLab(scenario: Scenario | string, options: LabOptions = {}): Lab {
  return new Lab(scenario, options);
}
