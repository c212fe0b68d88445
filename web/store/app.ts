/**
 * The app's state: one SimSession (the simulator) and two vanilla zustand stores adapting it for
 * React. Actions are module functions; selectors are module-level constants.
 */
import { createStore } from 'zustand/vanilla';
import type { Deployment, Endpoints, Service } from '../../src/k8s/types.ts';
import type { KubectlResult } from '../../src/kubectl/command.ts';
import type { CommandLine } from '../sim/commands.ts';
import { switchService, scale as scaleCommand } from '../sim/commands.ts';
import { defaultScenario } from '../sim/defaultScenario.ts';
import { SimSession, isReadOnly } from '../sim/session.ts';
import { ColourBook } from '../sim/view.ts';
import { loadDeferred, needsYaml, yamlReady } from '../sim/deferred.ts';
import { startKubectl, type KubectlOutputChunk, type RunningKubectl } from '../../src/kubectl/stream.ts';

const browserFrames =
  typeof requestAnimationFrame === 'function'
    ? {
        request: (cb: (ms: number) => void) => requestAnimationFrame(cb),
        cancel: (id: number) => cancelAnimationFrame(id),
      }
    : undefined;

export const session = new SimSession(defaultScenario(), browserFrames ? { scheduler: browserFrames } : {});
/** The app opens with the Deployment running (its pods came up in the first seconds). */
export const START_AT = 20;
session.seek(START_AT);
export const colours = new ColourBook();

export interface PlaybackState {
  t: number;
  playing: boolean;
  speed: number;
  duration: number;
  /** Bumped on every change of the simulation. */
  version: number;
  /** Playing slower than `speed`: the controllers have more to do than frames allow. */
  behind: boolean;
  /** Changes when a scenario is loaded or its steps change. */
  run: number;
  /** Wall-clock ms of the last frame played. */
  wall: number;
}

const playbackOf = (): PlaybackState => ({
  t: session.now,
  playing: session.playing,
  speed: session.speed,
  duration: session.duration,
  version: session.version,
  behind: session.behind,
  run: session.runVersion,
  wall: session.frameMs,
});

export const playbackStore = createStore<PlaybackState>(playbackOf);

export interface LogEntry {
  id: number;
  t: number;
  command: string;
  stdin?: string;
  stdout: string;
  stderr: string;
  /** Run by the app on the user's behalf (blue/green's later steps). */
  auto?: boolean;
  /** Still printing as time moves (`rollout status`, `get -w`). */
  streaming?: boolean;
}

export interface BlueGreen {
  startedAt: number;
  stage: 'wait-green' | 'wait-endpoints' | 'done';
  blue: string;
  green: string;
  service: string;
}

export type Theme = 'system' | 'light' | 'dark';

export interface UiState {
  selectedPod: string | null;
  theme: Theme;
  log: LogEntry[];
  /** The command(s) a focused/hovered action button would run. */
  preview: string;
  blueGreen: BlueGreen | null;
  editorOpen: boolean;
  /** The optional Nodes layer of the diagram (capacity, which pods sit where). */
  showNodes: boolean;
}

export const uiStore = createStore<UiState>(() => ({
  selectedPod: null,
  theme: 'system',
  log: [],
  preview: '',
  blueGreen: null,
  editorOpen: false,
  showNodes: false,
}));

let logId = 0;
let busy = false;

session.subscribe(() => {
  playbackStore.setState(playbackOf());
  if (!busy) {
    automate();
    followStream();
  }
});

/**
 * A streaming command (`rollout status`, `get -w`) keeps printing into its console entry as time
 * moves (the core's `startKubectl`); a new command, Ctrl-C or going back in time stops it.
 */
let following: { run: RunningKubectl; t: number; id: number } | null = null;

export function stopStream(): void {
  if (!following) return;
  const { run, id } = following;
  following = null;
  run.stop();
  uiStore.setState((s) => ({ log: s.log.map((e) => (e.id === id ? { ...e, streaming: false } : e)) }));
}

function followStream(): void {
  if (following && (following.run.done || session.now < following.t - 1e-6)) stopStream();
  if (following) following.t = session.now;
}

/** What the console runs: read-only commands just look (and may stream); the rest become steps. */
export async function runConsole(command: string): Promise<void> {
  stopStream();
  const trimmed = command.trim();
  if (!trimmed) return;
  const full = /^kubectl\b/.test(trimmed) ? trimmed : `kubectl ${trimmed}`;
  // `apply -f file.yaml` and friends read YAML: make sure the library is in.
  if (!yamlReady()) await loadDeferred();
  if (!isReadOnly(full)) {
    runLine({ run: full });
    return;
  }
  const id = ++logId;
  uiStore.setState((s) => ({
    log: [...s.log.slice(-199), { id, t: session.now, command: full, stdout: '', stderr: '' }],
  }));
  const append = (chunk: KubectlOutputChunk) =>
    uiStore.setState((s) => ({
      log: s.log.map((e) =>
        e.id === id
          ? { ...e, stdout: e.stdout + (chunk.stdout ?? ''), stderr: e.stderr + (chunk.stderr ?? '') }
          : e,
      ),
    }));
  const run = startKubectl(session.live, full, undefined, append);
  if (!run.done) {
    following = { run, t: session.now, id };
    uiStore.setState((s) => ({ log: s.log.map((e) => (e.id === id ? { ...e, streaming: true } : e)) }));
  }
}

// ---------------------------------------------------------------------------------------------
// Actions

export function runLine(line: CommandLine, auto = false): KubectlResult {
  if (!auto) stopStream();
  busy = true;
  let r: KubectlResult;
  try {
    r = session.run(line.run, line.stdin);
  } finally {
    busy = false;
  }
  const entry: LogEntry = {
    id: ++logId,
    t: session.now,
    command: line.run,
    stdout: r.stdout,
    stderr: r.stderr,
  };
  if (line.stdin !== undefined) entry.stdin = line.stdin;
  if (auto) entry.auto = true;
  uiStore.setState((s) => ({ log: [...s.log.slice(-199), entry] }));
  automate();
  return r;
}

/** `runLines`, after loading the YAML library when a line sends YAML on stdin. */
export async function runLinesWhenReady(lines: CommandLine[]): Promise<KubectlResult | undefined> {
  if (!yamlReady() && lines.some((l) => needsYaml(l.stdin))) await loadDeferred();
  return runLines(lines);
}

/** Runs lines in order and stops at the first failure (like `set -e`). */
export function runLines(lines: CommandLine[]): KubectlResult | undefined {
  let last: KubectlResult | undefined;
  for (const l of lines) {
    last = runLine(l);
    if (last.exitCode !== 0) break;
  }
  return last;
}

export const play = () => session.play();
export const pause = () => session.pause();
export const togglePlay = () => (session.playing ? session.pause() : session.play());
export const seek = (t: number) => session.seek(t);
export const stepForward = () => {
  session.pause();
  session.stepForward();
};
export const stepBack = () => {
  session.pause();
  session.stepBack();
};
export const setSpeed = (s: number) => session.setSpeed(s);
export const selectPod = (name: string | null) => uiStore.setState({ selectedPod: name });
export const setPreview = (preview: string) => uiStore.setState({ preview });
export const setTheme = (theme: Theme) => uiStore.setState({ theme });
export const setEditorOpen = (editorOpen: boolean) => uiStore.setState({ editorOpen });
export const setShowNodes = (showNodes: boolean) => uiStore.setState({ showNodes });
export const startBlueGreen = (bg: Omit<BlueGreen, 'stage' | 'startedAt'>) =>
  uiStore.setState({ blueGreen: { ...bg, stage: 'wait-green', startedAt: session.now } });

/** Blue/green's later steps run on their own when their condition holds. */
function automate(): void {
  const bg = uiStore.getState().blueGreen;
  if (!bg || bg.stage === 'done') return;
  if (session.now < bg.startedAt) {
    uiStore.setState({ blueGreen: null });
    return;
  }
  const c = session.live;
  const green = c.store.get<Deployment>('Deployment', 'default', bg.green);
  const svc = c.store.get<Service>('Service', 'default', bg.service);
  if (!green || !svc) return;
  if (bg.stage === 'wait-green') {
    const want = green.spec.replicas ?? 1;
    const st = green.status ?? {};
    if (
      (st.updatedReplicas ?? 0) === want &&
      (st.availableReplicas ?? 0) === want &&
      (st.replicas ?? 0) === want
    ) {
      uiStore.setState({ blueGreen: { ...bg, stage: 'wait-endpoints' } });
      runLine(switchService(svc, green.spec.template.metadata?.labels ?? {}), true);
    }
  } else if (bg.stage === 'wait-endpoints') {
    const ep = c.store.get<Endpoints>('Endpoints', 'default', bg.service);
    const names = (ep?.subsets ?? []).flatMap((s) => s.addresses ?? []).map((a) => a.targetRef?.name ?? '');
    if (names.length > 0 && names.every((n) => n.startsWith(`${bg.green}-`))) {
      uiStore.setState({ blueGreen: { ...bg, stage: 'done' } });
      runLine(scaleCommand(bg.blue, 0), true);
    }
  }
}
