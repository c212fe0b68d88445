/**
 * Links, embeds, files and autosave: the share store and its actions.
 *
 * The rules: opening a link or a file never overwrites the user's saved work without asking; a bad
 * link or file leaves the page working and says what is wrong and what was kept; nothing from a
 * link runs until it has been decoded, checked and applied to a throwaway cluster (prepare.ts).
 */
import { createStore } from 'zustand/vanilla';
import { langStore, type Lang } from '../i18n/index.ts';
import { exitLesson, isExploring, setPresenting, startLesson } from '../lessons/store.ts';
import { loadLessons } from '../lessons/catalog.ts';
import { defaultScenario, START_AT } from '../lab/defaultScenario.ts';
import type { Lab } from '../lab/lab.ts';
import { loadExtensions, parseScenario, type Scenario, type ShareView } from '../../src/index.ts';
import {
  codecNow,
  exportFileName,
  linkProblem,
  loadCodec,
  readPage,
  shareUrl,
  type Problem,
} from './link.ts';
import { prepare } from './prepare.ts';
import { browserStorage, type KeyValueStore } from './storage.ts';
import {
  canonical,
  readWork,
  sameScenario,
  serializeWork,
  setAsideUnreadable,
  writeWork,
  type SavedWork,
} from './work.ts';
import { scenarioYaml } from './yamlExport.ts';

export type NoticeAction = 'backToSaved' | 'keepLink';

export interface Notice {
  tone: 'error' | 'info';
  problem: Problem;
  /** What the user is looking at now and what happened to their saved work (an i18n key). */
  kept: string;
  actions: NoticeAction[];
}

export type Dialog =
  | { kind: 'share'; url: string }
  | { kind: 'confirm'; reason: 'new' | 'import'; fileName?: string; holding: boolean; steps: number };

export interface ShareState {
  /** Compact chrome for iframes (`?embed=1` or a link's view.embed). */
  embed: boolean;
  /** `&console=1`: the embed shows the console. */
  embedConsole: boolean;
  notice: Notice | null;
  /** A link is shown while the user's saved work waits in storage; autosave is paused. */
  holding: boolean;
  dialog: Dialog | null;
  /** localStorage works (false in a sandboxed iframe). */
  storage: boolean;
  /** A file is being dragged over the page. */
  dragging: boolean;
  /** The scenario as last exported, shared or saved by the user's choice (canonical text). */
  kept: string;
  /** The link codec has loaded (links can be built synchronously). */
  codecReady: boolean;
}

/** The page around the store; tests pass their own. */
export interface ShareEnv {
  href(): string;
  /** Replace the address without reloading (drops a fragment once it has been handled). */
  replaceUrl(url: string): void;
  storage: KeyValueStore | undefined;
}

/** The lab whose work links, files and autosave carry (the page's main one). */
let lab: Lab | undefined;
const theLab = (): Lab => {
  if (!lab) throw new Error('share: no lab (call bootShare(lab) or configureShare)');
  return lab;
};

const browserEnv = (): ShareEnv => ({
  href: () => (typeof location === 'undefined' ? 'http://localhost/' : location.href),
  replaceUrl: (url) => {
    try {
      history.replaceState(history.state, '', url);
    } catch {
      // An opaque-origin iframe may refuse; the fragment just stays in its address.
    }
  },
  storage: browserStorage(),
});

let env: ShareEnv = browserEnv();
const initial = readPage(env.href());

export const shareStore = createStore<ShareState>(() => ({
  embed: initial.embed,
  embedConsole: initial.console,
  notice: null,
  holding: false,
  dialog: null,
  storage: env.storage !== undefined,
  dragging: false,
  kept: canonical(defaultScenario()),
  codecReady: false,
}));

/** For tests: a different page and storage, and a clean store. */
export function configureShare(next: ShareEnv, withLab?: Lab): void {
  env = next;
  if (withLab) lab = withLab;
  const page = readPage(env.href());
  autosaving = false;
  booted = false;
  lastFragment = '';
  lastWritten = '';
  pendingImport = undefined;
  shareStore.setState({
    embed: page.embed,
    embedConsole: page.console,
    notice: null,
    holding: false,
    dialog: null,
    storage: env.storage !== undefined,
    dragging: false,
    kept: canonical(defaultScenario()),
    codecReady: codecNow() !== undefined,
  });
}

const set = (patch: Partial<ShareState>) => shareStore.setState(patch);
export const dismissNotice = () => set({ notice: null });
export const closeDialog = () => set({ dialog: null });
export const setDragging = (dragging: boolean) => set({ dragging });

// ---------------------------------------------------------------------------------------------
// The view a link carries

export function currentView(): ShareView {
  const ui = theLab().store.getState().ui;
  const panels: string[] = [];
  if (ui.editorOpen) panels.push('editor');
  if (ui.showNodes) panels.push('nodes');
  if (shareStore.getState().embed && shareStore.getState().embedConsole) panels.push('console');
  const view: ShareView = { lang: langStore.getState().lang };
  if (panels.length) view.panels = panels;
  // A lesson waiting at a stop reopens there; once the learner explores, the scenario says it all.
  const lesson = theLab().store.getState().lesson;
  if (lesson.id !== null && !isExploring(theLab(), lesson)) {
    view.lesson = lesson.id;
    view.stop = lesson.stop;
    if (lesson.presenting) view.present = true;
  }
  return view;
}

function applyView(view: ShareView): void {
  const panels = view.panels ?? [];
  theLab().setEditorOpen(panels.includes('editor'));
  theLab().setShowNodes(panels.includes('nodes'));
  if (view.embed) set({ embed: true });
  if (shareStore.getState().embed && panels.includes('console')) set({ embedConsole: true });
  if (view.lang === 'en' || view.lang === 'ko') {
    // For this page only: a link does not change the user's language preference.
    const lang: Lang = view.lang;
    langStore.setState({ lang });
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}

// ---------------------------------------------------------------------------------------------
// Replacing the scenario

const isPristine = (s: Scenario) => sameScenario(s, defaultScenario());

/** Shows `scenario` at `at`, paused, with `view`; the previous scenario stays if the core throws. */
function apply(scenario: Scenario, at: number, view: ShareView): void {
  // All or nothing: the lab keeps its Run when the new one cannot be built.
  theLab().load(scenario, at);
  theLab().setPreview('');
  if (theLab().store.getState().lesson.id !== null) exitLesson(theLab());
  applyView(view);
}

/** Prepares and applies; a problem when it could not. */
async function tryOpen(scenario: Scenario, at: number, view: ShareView): Promise<Problem | undefined> {
  const problem = await prepare(scenario);
  if (problem) return problem;
  try {
    apply(scenario, at, view);
  } catch (e) {
    return { key: 'share.problem.rejected', detail: e instanceof Error ? e.message : String(e) };
  }
  if (view.lesson) {
    // The lesson player reloads its own scenario at the stop (an unknown lesson id is ignored).
    await loadLessons();
    await startLesson(theLab(), view.lesson, view.stop ?? 0);
    if (view.present && theLab().store.getState().lesson.id !== null) setPresenting(theLab(), true);
  }
  return undefined;
}

function stripFragment(): void {
  const url = new URL(env.href());
  if (!url.hash) return;
  url.hash = '';
  env.replaceUrl(url.toString().replace(/#$/, ''));
}

const savedWork = (): SavedWork | undefined => {
  const r = readWork(env.storage);
  return r?.ok ? r.work : undefined;
};

/** Opens saved work; on failure the example stays and the notice says why. */
async function restore(work: SavedWork): Promise<Problem | undefined> {
  return tryOpen(work.scenario, work.at, work.view);
}

// ---------------------------------------------------------------------------------------------
// Start-up and links

let booted = false;
let lastFragment = '';

/** Decides what the page shows first: a link, the saved work or the example. Call once. */
export async function bootShare(forLab: Lab): Promise<void> {
  if (booted) return;
  booted = true;
  lab = forLab;
  const page = readPage(env.href());
  // An embed shows "Open in Rollout Lab", which needs the codec at once.
  if (page.fragment || shareStore.getState().embed) {
    await loadCodec();
    set({ codecReady: true });
  }
  const stored = shareStore.getState().embed ? undefined : readWork(env.storage);
  if (stored && !stored.ok) {
    setAsideUnreadable(env.storage);
    set({
      notice: {
        tone: 'error',
        problem: { key: 'share.problem.savedUnreadable', detail: stored.error },
        kept: 'share.kept.savedAside',
        actions: [],
      },
    });
  }
  const work = stored?.ok ? stored.work : undefined;
  if (page.fragment) await openFragment(page.fragment, work, true);
  else if (work) {
    const problem = await restore(work);
    if (problem) set({ notice: { tone: 'error', problem, kept: 'share.kept.savedUnopened', actions: [] } });
  }
  startAutosave();
}

/**
 * Opens a link. `work` is the saved work at this moment: when it holds something the link would
 * replace, it stays in storage untouched (autosave pauses) and the notice offers the way back.
 */
async function openFragment(fragment: string, work: SavedWork | undefined, boot: boolean): Promise<void> {
  lastFragment = fragment;
  const embed = shareStore.getState().embed;
  const res = (await loadCodec()).decodeShare(fragment);
  const fail = async (problem: Problem) => {
    let kept = boot ? 'share.kept.default' : 'share.kept.current';
    if (boot && work) kept = (await restore(work)) ? 'share.kept.savedUnopened' : 'share.kept.saved';
    else if (!boot && shareStore.getState().holding) kept = 'share.kept.currentSavedWaiting';
    else if (!boot && work) kept = 'share.kept.savedUnchanged';
    set({ notice: { tone: 'error', problem, kept, actions: [] } });
    if (!embed) stripFragment();
  };
  if (!res.ok) return fail(linkProblem(res.error));
  const { scenario, at, view = {} } = res.payload;
  const problem = await tryOpen(scenario, at, view);
  if (problem) return fail(problem);
  if (shareStore.getState().embed) {
    set({ notice: null, holding: false });
    return;
  }
  const wasHolding = shareStore.getState().holding;
  if (wasHolding || (work && !isPristine(work.scenario) && !sameScenario(work.scenario, scenario))) {
    set({
      holding: true,
      notice: {
        tone: 'info',
        problem: { key: 'share.notice.linkOpened' },
        kept: 'share.kept.savedWaiting',
        actions: ['backToSaved', 'keepLink'],
      },
    });
    return;
  }
  // Nothing saved to protect: the link becomes the work, and a reload restores it with any changes.
  set({ holding: false, notice: null, kept: canonical(scenario) });
  if (env.storage) {
    stripFragment();
    saveNow();
  }
}

/** The address bar got a new link while the page was open. */
export async function onHashChange(): Promise<void> {
  const page = readPage(env.href());
  if (!page.fragment || page.fragment === lastFragment) return;
  if (!shareStore.getState().holding) saveNow();
  await openFragment(page.fragment, savedWork(), false);
}

/** Leaves the link and shows the saved work again. */
export async function backToSaved(): Promise<void> {
  const work = savedWork();
  const problem = work ? await restore(work) : { key: 'share.problem.savedGone' };
  set({ holding: false });
  stripFragment();
  set({
    notice: problem ? { tone: 'error', problem, kept: 'share.kept.current', actions: [] } : null,
  });
  if (!problem && work) set({ kept: canonical(work.scenario) });
}

/** Makes the link the saved work (the user chose to replace it). */
export function keepLink(): void {
  set({ holding: false, notice: null, kept: canonical(theLab().run.scenario()) });
  stripFragment();
  saveNow();
}

// ---------------------------------------------------------------------------------------------
// Share

/** The link for what the page shows now; undefined until the codec has loaded (`loadCodec`). */
export function currentLink(): string | undefined {
  const codec = codecNow();
  if (!codec) return undefined;
  const run = theLab().run;
  const fragment = codec.encodeShare({ scenario: run.scenario(), at: run.now(), view: currentView() });
  return shareUrl(env.href(), fragment);
}

export async function openShareDialog(): Promise<void> {
  theLab().pause();
  await loadCodec();
  set({ codecReady: true });
  const url = currentLink();
  if (url) set({ dialog: { kind: 'share', url } });
}

/** The link was copied or selected: the scenario is no longer "unsaved". */
export function markShared(): void {
  set({ kept: canonical(theLab().run.scenario()) });
}

// ---------------------------------------------------------------------------------------------
// Autosave

let autosaving = false;
let lastWritten = '';
let timer: ReturnType<typeof setTimeout> | undefined;
const SAVE_DELAY_MS = 500;

/** Writes the work now (false when storage is unavailable, paused or the write failed). */
export function saveNow(): boolean {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const s = shareStore.getState();
  if (!autosaving || s.embed || s.holding || !env.storage) return false;
  const run = theLab().run;
  const text = serializeWork({ scenario: run.scenario(), at: run.now(), view: currentView() });
  if (text === lastWritten) return true;
  if (!writeWork(env.storage, text)) return false;
  lastWritten = text;
  return true;
}

/** At most one write per SAVE_DELAY_MS while playing, and one shortly after the last change. */
function scheduleSave(): void {
  if (!autosaving || timer !== undefined) return;
  timer = setTimeout(() => {
    timer = undefined;
    saveNow();
  }, SAVE_DELAY_MS);
}

let unsubscribers: (() => void)[] = [];

export function startAutosave(): void {
  if (autosaving) return;
  autosaving = true;
  unsubscribers = [theLab().store.subscribe(scheduleSave), langStore.subscribe(scheduleSave)];
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', saveNow);
    unsubscribers.push(() => window.removeEventListener('pagehide', saveNow));
  }
  saveNow();
}

export function stopAutosave(): void {
  saveNow();
  autosaving = false;
  for (const u of unsubscribers) u();
  unsubscribers = [];
  booted = false;
}

// ---------------------------------------------------------------------------------------------
// New, import, export

/** Work that would be lost: not the example, not exported or shared as it is now. */
function unsaved(): boolean {
  const s = shareStore.getState();
  if (s.holding) return true;
  const scenario = theLab().run.scenario();
  return !isPristine(scenario) && canonical(scenario) !== s.kept;
}

let pendingImport: { scenario: Scenario } | undefined;

export function requestNew(): void {
  if (!unsaved()) return startNew();
  set({
    dialog: {
      kind: 'confirm',
      reason: 'new',
      holding: shareStore.getState().holding,
      steps: theLab().run.scenario().spec.steps.length,
    },
  });
}

export function startNew(): void {
  set({ dialog: null, holding: false, notice: null });
  stripFragment();
  const s = parseScenario(defaultScenario());
  apply(s, START_AT, currentView());
  set({ kept: canonical(s) });
  saveNow();
}

/** Largest scenario file read (bytes). */
export const MAX_FILE_BYTES = 1_000_000;

export interface FileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** Reads, checks and (after asking when work would be lost) opens a scenario file. */
export async function importFile(file: FileLike): Promise<void> {
  const fail = (problem: Problem) =>
    set({ notice: { tone: 'error', problem, kept: 'share.kept.fileNotOpened', actions: [] } });
  if (file.size > MAX_FILE_BYTES)
    return fail({ key: 'share.problem.fileTooLarge', vars: { size: file.size, max: MAX_FILE_BYTES } });
  let scenario: Scenario;
  try {
    const text = await file.text();
    await loadExtensions();
    scenario = parseScenario(text);
  } catch (e) {
    return fail({
      key: 'share.problem.fileInvalid',
      vars: { file: file.name },
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  const problem = await prepare(scenario);
  if (problem) return fail(problem);
  pendingImport = { scenario };
  if (!unsaved()) return confirmImport();
  set({
    dialog: {
      kind: 'confirm',
      reason: 'import',
      fileName: file.name,
      holding: shareStore.getState().holding,
      steps: theLab().run.scenario().spec.steps.length,
    },
  });
}

export function confirmImport(): void {
  const p = pendingImport;
  pendingImport = undefined;
  set({ dialog: null });
  if (!p) return;
  set({ holding: false, notice: null });
  stripFragment();
  apply(p.scenario, START_AT, currentView());
  set({ kept: canonical(p.scenario) });
  saveNow();
}

/** "Export first": the file downloads, then the new or imported scenario opens. */
export async function exportThenConfirm(): Promise<void> {
  const d = shareStore.getState().dialog;
  await downloadScenario();
  if (d?.kind === 'confirm' && d.reason === 'import') confirmImport();
  else startNew();
}

export function cancelDialog(): void {
  pendingImport = undefined;
  set({ dialog: null });
}

/** The scenario as YAML and its file name. */
export async function exportText(): Promise<{ name: string; text: string }> {
  await loadExtensions();
  const scenario = theLab().run.scenario();
  return { name: exportFileName(scenario.metadata.name), text: scenarioYaml(scenario) };
}

export async function downloadScenario(): Promise<void> {
  const { name, text } = await exportText();
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  set({ kept: canonical(theLab().run.scenario()) });
}
