/**
 * Playing a Run in real time: each animation frame moves virtual time by the wall time since the
 * last one, times the speed. Framework-free; the browser hands in requestAnimationFrame and
 * performance.now, tests a fake scheduler and clock.
 *
 * A frame may spend at most FRAME_BUDGET_MS simulating. When the controllers have more to do than
 * that (a thousand pods changing at once), playback falls behind the chosen speed for a moment
 * (`behind`) instead of the page freezing; an instant is never split, so what is shown is always
 * exactly state(t).
 */
import type { RunControls } from './run.ts';

/** What a Player plays: a Run, or Runs that move together (a Comparison). */
export type Playable = Pick<RunControls, 'now' | 'play'>;

export interface FrameScheduler {
  request(cb: (ms: number) => void): number;
  cancel(id: number): void;
}

export interface PlayerOptions {
  /** Animation frames (requestAnimationFrame in the browser); without one, play() does nothing. */
  scheduler?: FrameScheduler | undefined;
  /** Wall-clock milliseconds (performance.now in the browser). */
  clock: () => number;
}

export const FRAME_BUDGET_MS = 8;
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
const EPS = 1e-6;

export class Player {
  playing = false;
  speed = 1;
  /**
   * Playing without moving time: frames come and go, virtual time moves only when someone moves
   * it (end-to-end tests drive time themselves this way, whatever the machine's speed).
   */
  hold = false;
  /** Where playing stops on its own (a lesson's next stop), exactly. */
  private until: number | undefined;
  private frameId: number | undefined;
  private lastFrameMs: number | undefined;
  private lastShortFrame: number | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private run: Playable,
    private readonly options: PlayerOptions,
  ) {}

  /** Plays another Run from now on (a new scenario was loaded); stops playing the old one. */
  setRun(run: Playable): void {
    this.pause();
    this.run = run;
  }

  /** Playing, and a frame in the last second ran out of its simulation budget. */
  get behind(): boolean {
    return (
      this.playing && this.lastShortFrame !== undefined && this.options.clock() - this.lastShortFrame < 1000
    );
  }

  /** The wall-clock time (ms) of the last frame played, for views that refresh at a wall rate. */
  get frameMs(): number {
    return this.lastFrameMs ?? 0;
  }

  /** Called when playing starts or stops, the speed changes, or a frame was played. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Plays from the current moment; with `until`, stops exactly there. */
  play(until?: number): void {
    this.until = until;
    if (until !== undefined && this.run.now() >= until - EPS) {
      this.pause();
      return;
    }
    if (this.playing) return;
    const scheduler = this.options.scheduler;
    if (!scheduler) return;
    this.playing = true;
    this.lastFrameMs = undefined;
    this.frameId = scheduler.request(this.tick);
    this.emit();
  }

  pause(): void {
    this.until = undefined;
    if (!this.playing) return;
    this.playing = false;
    this.lastShortFrame = undefined;
    if (this.frameId !== undefined) this.options.scheduler?.cancel(this.frameId);
    this.frameId = undefined;
    this.emit();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(16, Math.max(0.25, speed));
    this.emit();
  }

  private readonly tick = (ms: number): void => {
    if (!this.playing) return;
    if (this.lastFrameMs !== undefined) {
      // A hidden tab or a long frame never jumps more than a quarter second of wall time.
      const wall = Math.min(0.25, Math.max(0, (ms - this.lastFrameMs) / 1000));
      let seconds = this.hold ? 0 : wall * this.speed;
      if (this.until !== undefined) seconds = Math.min(seconds, this.until - this.run.now());
      const deadline = this.options.clock() + FRAME_BUDGET_MS;
      const played = this.run.play(seconds, () => this.options.clock() > deadline);
      if (played < seconds - EPS) this.lastShortFrame = this.options.clock();
    }
    this.lastFrameMs = ms;
    if (this.until !== undefined && this.run.now() >= this.until - EPS) {
      this.pause();
      return;
    }
    this.frameId = this.options.scheduler?.request(this.tick);
    this.emit();
  };

  dispose(): void {
    this.pause();
    this.listeners.clear();
  }
}
