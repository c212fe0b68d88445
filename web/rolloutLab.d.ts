/** The test hook e2e specs use to drive virtual time instead of sleeping. */
import type { LaneMetrics, Scenario } from '../src/index.ts';

export interface RolloutLabState {
  t: number;
  playing: boolean;
  duration: number;
  /** The furthest moment played to: the timeline draws nothing later. */
  until: number;
  steps: { at: number; run: string; status: string }[];
  services: { name: string; selector: string; endpoints: string[] }[];
  deployments: {
    name: string;
    replicas: number;
    strategy: string;
    paused: boolean;
    updated: number;
    ready: number;
    available: number;
    phase: string;
    replicaSets: { name: string; revision: number; image: string; replicas: number }[];
  }[];
  pods: { name: string; version: string; state: string }[];
  /** Entries in the console: steps that ran by now and commands typed that only looked. */
  log: number;
  /** Requests over the last 10 virtual seconds: answers per version, 5xx errors, refused. */
  traffic: { ok: Record<string, number>; errors: number; refused: number };
}

export interface RolloutLabHook {
  /** Show state(t). */
  seek(t: number): void;
  /** Move virtual time forward by `seconds`. */
  advance(seconds: number): void;
  /** Run a kubectl command as a step at the current moment (what the buttons do). */
  run(command: string, stdin?: string): { stdout: string; stderr: string; exitCode: number };
  /** Type a command into the console (read-only commands do not become steps). */
  console(command: string): Promise<void>;
  /** Replace the scenario (benchmarks, lessons) and show state(t). */
  load(scenario: Scenario, t?: number): void;
  /** Play or pause at a speed (benchmarks). */
  play(speed?: number): void;
  pause(): void;
  /** Playing moves no time by itself from now on (or again, with false): the spec moves it. */
  hold(on?: boolean): void;
  state(): RolloutLabState;
}

/** What the Compare view shows: the shared moment and each lane, measured. */
export interface RolloutCompareState {
  t: number;
  /** Where the updates begin and where the comparison ends. */
  start: number;
  end: number;
  playing: boolean;
  /** The preset on screen, or null (the form's lanes, a file, a link). */
  preset: string | null;
  lanes: {
    name: string;
    /** The lane's own clock: always the comparison's. */
    t: number;
    pods: number;
    deployments: { name: string; available: number; phase: string }[];
    metrics: LaneMetrics;
  }[];
}

/** The Compare view's test hook, present while the view is open. */
export interface RolloutCompareHook {
  /** Shows another comparison (a scenario with `spec.variants`) at moment `t`. */
  load(scenario: Scenario, t?: number): void;
  seek(t: number): void;
  advance(seconds: number): void;
  /** Plays to the end (at a speed). */
  play(speed?: number): void;
  pause(): void;
  /** Playing moves no time by itself from now on (or again, with false): the spec moves it. */
  hold(on?: boolean): void;
  state(): RolloutCompareState;
}

declare global {
  interface Window {
    __rolloutLab?: RolloutLabHook;
    __rolloutCompare?: RolloutCompareHook;
  }
}
