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
import { CUSTOM_PREFIX, lessonById, loadLessons, registerLesson } from '../lessons/catalog.ts';
import { defaultScenario, START_AT } from '../lab/defaultScenario.ts';
import type { Lab } from '../lab/lab.ts';
import {
  lessonFromScenario,
  loadExtensions,
  parseScenario,
  scenarioYaml,
  type RunControls,
  type Scenario,
  type ShareView,
} from '../../src/index.ts';
import {
  codecNow,
  exportFileName,
  fileBaseName,
  linkProblem,
  loadCodec,
  readPage,
  shareUrl,
  type PageRequest,
  type Problem,
} from './link.ts';
import { prepare } from './prepare.ts';
import { browserStorage, watchBrowserStorage, type KeyValueStore } from './storage.ts';
import {
  canonical,
  decodeWork,
  discardRecovery,
  listRecovery,
  parseJsonSafely,
  recoveryText,
  sameScenario,
  serializeWork,
  setAside,
  WORK_KEY,
  WORK_LIMITS,
  WorkSlot,
  type RecoveryEntry,
  type SaveResult,
  type SavedWork,
} from './work.ts';

export type NoticeAction =
  'backToSaved' | 'keepLink' | 'download' | 'discard' | 'loadOther' | 'keepMine' | 'export' | 'openLink';

export interface Notice {
  tone: 'error' | 'info';
  problem: Problem;
  /** What the user is looking at now and what happened to their saved work (an i18n key). */
  kept: string;
  actions: NoticeAction[];
  /** Why a recovery copy could not be opened, when the title says something else. */
  cause?: Problem;
  /** The storage key Download and Discard act on. */
  recovery?: string;
}

export type Dialog =
  | { kind: 'share'; url: string }
  | { kind: 'confirm'; reason: 'new' | 'import'; fileName?: string; holding: boolean; steps: number }
  | { kind: 'discard'; key: string };

/**
 * Why this tab is not saving: another tab saved later work and the user has not chosen between
 * the two ('conflict'); saved work that could not be opened had no room to be moved aside and
 * must not be saved over ('noRoom'); the last write failed, storage full or blocked
 * ('writeFailed'; autosave keeps trying). The header's "Not saved" shows `notice` again.
 */
export interface NotSaving {
  why: 'conflict' | 'noRoom' | 'writeFailed';
  notice: Notice;
}

export interface ShareState {
  /** Compact chrome for iframes (`?embed=1` or a link's view.embed). */
  embed: boolean;
  /** `&console=1`: the embed shows the console. */
  embedConsole: boolean;
  notice: Notice | null;
  /** A link (or a lesson) is shown while the user's saved work waits in storage; autosave is paused. */
  holding: boolean;
  /** What is shown over the saved work while it waits. */
  heldFor: 'link' | 'lesson';
  dialog: Dialog | null;
  /** localStorage works (false in a sandboxed iframe). */
  storage: boolean;
  /** A file is being dragged over the page. */
  dragging: boolean;
  /** The scenario as last exported, shared or saved by the user's choice (canonical text). */
  kept: string;
  /** The link codec has loaded (links can be built synchronously). */
  codecReady: boolean;
  /** Autosave is stopped or failing, and why; null while the work is being saved. */
  notSaving: NotSaving | null;
}

/** The page around the store; tests pass their own. */
export interface ShareEnv {
  href(): string;
  /** Replace the address without reloading (drops a fragment once it has been handled). */
  replaceUrl(url: string): void;
  storage: KeyValueStore | undefined;
  /** Calls back when another tab changes `storage` (the key, or null for everything). */
  watch?(onChange: (key: string | null) => void): () => void;
  /** Whether the page is inside another page's frame (an embed); not framed when absent. */
  framed?(): boolean;
}

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
  watch: watchBrowserStorage,
  framed: () => {
    try {
      return typeof window !== 'undefined' && window.self !== window.top;
    } catch {
      // A frame of another origin may not read its parent: it is framed.
      return true;
    }
  },
});

let env: ShareEnv = browserEnv();

/** The lab whose work links, files and autosave carry (the page's main one). */
let lab: Lab | undefined;
const theLab = (): Lab => {
  if (!lab) throw new Error('share: no lab (call bootShare(lab) or configureShare)');
  return lab;
};

/** This tab's view of the work key: what it last read or wrote there. */
let slot = new WorkSlot(env.storage);
const initial = readPage(env.href());

export const shareStore = createStore<ShareState>(() => ({
  embed: initial.embed,
  embedConsole: initial.console,
  notice: null,
  holding: false,
  heldFor: 'link',
  dialog: null,
  storage: env.storage !== undefined,
  dragging: false,
  kept: canonical(defaultScenario()),
  codecReady: false,
  notSaving: null,
}));

/** For tests: a different page and storage, and a clean store. */
export function configureShare(next: ShareEnv, withLab?: Lab): void {
  env = next;
  if (withLab) lab = withLab;
  slot = new WorkSlot(env.storage);
  const page = readPage(env.href());
  autosaving = false;
  booted = false;
  lastFragment = '';
  pendingLink = '';
  checkedLesson = null;
  pendingImport = undefined;
  shareStore.setState({
    embed: page.embed,
    embedConsole: page.console,
    notice: null,
    holding: false,
    heldFor: 'link',
    dialog: null,
    storage: env.storage !== undefined,
    dragging: false,
    kept: canonical(defaultScenario()),
    codecReady: codecNow() !== undefined,
    notSaving: null,
  });
}

const set = (patch: Partial<ShareState>) => shareStore.setState(patch);
export const dismissNotice = () => set({ notice: null });
/** Shows a notice from elsewhere in the page (a link's lesson that does not exist). */
export const showNotice = (notice: Notice) => set({ notice });
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
  // A link's own embed flag holds in a frame only: opened as a page, a link is the whole app
  // (with its notice and the way back to saved work), whatever its payload says.
  if (view.embed && env.framed?.()) set({ embed: true });
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
  shown(view);
}

function shown(view: ShareView): void {
  theLab().setPreview('');
  if (theLab().store.getState().lesson.id !== null) exitLesson(theLab());
  applyView(view);
}

/**
 * `apply` for a scenario from outside: replayed in slices, so a long or large one never freezes the
 * page, and the person may cancel (the lab keeps what it showed). False when cancelled.
 */
async function applyInSlices(
  scenario: Scenario,
  at: number,
  view: ShareView,
  built: RunControls,
): Promise<boolean> {
  if ((await theLab().open(scenario, at, built)) === 'cancelled') return false;
  shown(view);
  return true;
}

/** Prepares and applies; a problem when it could not. */
async function tryOpen(scenario: Scenario, at: number, view: ShareView): Promise<Problem | undefined> {
  const prepared = await prepare(scenario);
  if (prepared.problem) return prepared.problem;
  try {
    if (!(await applyInSlices(scenario, at, view, prepared.run)))
      return { key: 'share.problem.openCancelled' };
  } catch (e) {
    // The checks passed but replaying to `at` threw inside the simulator.
    return { key: 'share.problem.replayFailed', detail: e instanceof Error ? e.message : String(e) };
  }
  if (view.lesson) {
    await playLesson(scenario, view.lesson, view.stop ?? 0);
    if (view.present && theLab().store.getState().lesson.id !== null) setPresenting(theLab(), true);
  }
  return undefined;
}

/**
 * Plays lesson `id` from `stop`: the lesson player reloads its own scenario at the stop (an unknown
 * id is ignored). A teacher's lesson (the builder's, `custom-…`) is `scenario` itself: its stops
 * are the lesson. Throws when such a scenario does not make a lesson.
 */
async function playLesson(scenario: Scenario, id: string, stop: number): Promise<void> {
  await loadLessons();
  if (id.startsWith(CUSTOM_PREFIX) && scenario.spec.steps.some((st) => st.stop))
    registerLesson(lessonFromScenario(scenario, id));
  await startLesson(theLab(), id, stop);
}

function stripFragment(): void {
  const url = new URL(env.href());
  if (!url.hash) return;
  url.hash = '';
  env.replaceUrl(url.toString().replace(/#$/, ''));
}

/** The work key as read now: its text, and the work in it or why it cannot be read. */
interface Stored {
  text: string;
  work?: SavedWork;
  problem?: Problem;
}

function readStored(text: string | null): Stored | undefined {
  if (text === null) return undefined;
  const d = decodeWork(text);
  return d.ok ? { text, work: d.work } : { text, problem: d.problem };
}

/** Opens saved work through the checks a link gets; what is wrong when it could not. */
async function restore(stored: Stored): Promise<Problem | undefined> {
  if (!stored.work) return stored.problem ?? { key: 'share.problem.savedUnreadable' };
  return tryOpen(stored.work.scenario, stored.work.at, stored.work.view);
}

// ---------------------------------------------------------------------------------------------
// Work that could not be opened: a recovery copy, never overwritten

const recoveryNotice = (key: string, problem: Problem, kept: string, cause?: Problem): Notice => ({
  tone: 'error',
  problem,
  kept,
  actions: ['download', 'discard'],
  recovery: key,
  ...(cause ? { cause } : {}),
});

/**
 * Saved work (`text`, the work key's content) could not be opened because of `cause`. It moves to
 * a recovery copy so autosave can go on; when there is no room for the copy it stays where it is
 * and autosave stops until the user downloads or discards it. `title` and `kept` are what the
 * notice says (by default: the cause, and that the example is shown).
 */
function keepAside(text: string, cause: Problem, title = cause, kept = 'share.kept.recovery'): void {
  const moved = setAside(env.storage, text, cause, Date.now());
  const withCause = title === cause ? undefined : cause;
  if (moved.ok) {
    set({ notice: recoveryNotice(moved.key, title, kept, withCause) });
    return;
  }
  const notice = recoveryNotice(WORK_KEY, title, 'share.kept.recoveryNoRoom', withCause);
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  set({ notice, notSaving: { why: 'noRoom', notice } });
}

/** The reminder shown at start-up while recovery copies wait for the user. */
function recoveryReminder(entries: RecoveryEntry[]): Notice | null {
  const first = entries[0];
  if (!first) return null;
  return {
    tone: 'info',
    problem: { key: 'share.problem.recoveryWaiting', vars: { n: entries.length } },
    kept: 'share.kept.recoveryWaiting',
    actions: ['download', 'discard'],
    recovery: first.key,
    ...(first.problem ? { cause: first.problem } : {}),
  };
}

/** The saved scenario file exactly as it was stored, as `<name>.saved-work.json`. */
export function recoveryFile(key: string): { name: string; text: string } | undefined {
  const text = recoveryText(env.storage, key);
  if (text === undefined) return undefined;
  let name = '';
  try {
    const raw = parseJsonSafely(text) as { scenario?: { metadata?: { name?: unknown } } } | null;
    const n = raw?.scenario?.metadata?.name;
    if (typeof n === 'string') name = n;
  } catch {
    // Not JSON: the name stays generic.
  }
  return { name: `${fileBaseName(name || 'rollout-lab')}.saved-work.json`, text };
}

export function downloadRecovery(key: string): void {
  const file = recoveryFile(key);
  if (!file) {
    set({
      notice: {
        tone: 'error',
        problem: { key: 'share.problem.savedGone' },
        kept: 'share.kept.current',
        actions: [],
      },
    });
    return;
  }
  saveFile(file.name, file.text, 'application/json');
}

export const requestDiscard = (key: string) => set({ dialog: { kind: 'discard', key } });

/** Deletes a recovery copy (the user confirmed); the next one, if any, is offered. */
export function confirmDiscard(): void {
  const d = shareStore.getState().dialog;
  set({ dialog: null });
  if (d?.kind !== 'discard') return;
  discardRecovery(env.storage, d.key);
  if (d.key === WORK_KEY && shareStore.getState().notSaving?.why === 'noRoom') {
    set({ notSaving: null });
    saveNow();
  }
  set({ notice: recoveryReminder(listRecovery(env.storage)) });
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
  const stored = shareStore.getState().embed ? undefined : readStored(slot.read());
  const linkWaits = page.fragment !== '' && (await lessonBesideLink(page));
  if (linkWaits) waitForLink(page.fragment);
  if (page.fragment && !linkWaits) await openFragment(page.fragment, stored, true);
  else if (stored) {
    const problem = await restore(stored);
    if (problem) keepAside(stored.text, problem);
  }
  if (!shareStore.getState().embed && !shareStore.getState().notice)
    set({ notice: recoveryReminder(listRecovery(env.storage)) });
  startAutosave();
}

/**
 * The address asks for a lesson (`?lesson=…`, which the lesson boot opens) and carries a link as
 * well: the lesson is what the address asks for first, but the link must not be lost unsaid. A
 * lesson this page lacks is not in the way (the lesson boot says so): the link opens.
 */
async function lessonBesideLink(page: PageRequest): Promise<boolean> {
  if (!page.lesson || shareStore.getState().embed) return false;
  await loadLessons();
  return lessonById(page.lesson) !== undefined;
}

/** Drops the lesson's part of the address (`?lesson=…&stop=…`): a reload opens no lesson over what is shown. */
function stripLessonQuery(): void {
  const url = new URL(env.href());
  const before = url.search;
  for (const k of ['lesson', 'stop', 'present', 'handout', 'audience']) url.searchParams.delete(k);
  if (url.search !== before) env.replaceUrl(url.toString());
}

/** The link a lesson's address carried, not opened until the user asks (`openWaitingLink`). */
let pendingLink = '';

function waitForLink(fragment: string): void {
  pendingLink = fragment;
  lastFragment = fragment;
  set({
    notice: {
      tone: 'info',
      problem: { key: 'share.notice.linkBesideLesson' },
      kept: 'share.kept.linkWaiting',
      actions: ['openLink'],
    },
  });
}

/**
 * Opens the link that waited beside a lesson: the lesson's part of the address goes, so a reload
 * shows the link, not the lesson again.
 */
export async function openWaitingLink(): Promise<void> {
  const fragment = pendingLink;
  if (!fragment) return;
  pendingLink = '';
  set({ notice: null });
  stripLessonQuery();
  await openFragment(fragment, readStored(slot.peek()), false);
}

/**
 * Opens a link. `stored` is the work key at this moment: when it holds something the link would
 * replace, it stays in storage untouched (autosave pauses) and the notice offers the way back.
 */
async function openFragment(fragment: string, stored: Stored | undefined, boot: boolean): Promise<void> {
  lastFragment = fragment;
  const embed = shareStore.getState().embed;
  const res = (await loadCodec()).decodeShare(fragment);
  const work = stored?.work;
  const fail = async (problem: Problem) => {
    if (!embed) stripFragment();
    if (boot && stored) {
      const unopened = await restore(stored);
      if (unopened) return keepAside(stored.text, unopened, problem, 'share.kept.recoveryAlso');
      return set({ notice: { tone: 'error', problem, kept: 'share.kept.saved', actions: [] } });
    }
    let kept = boot ? 'share.kept.default' : 'share.kept.current';
    if (!boot && shareStore.getState().holding) kept = 'share.kept.currentSavedWaiting';
    else if (!boot && work) kept = 'share.kept.savedUnchanged';
    set({ notice: { tone: 'error', problem, kept, actions: [] } });
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
    holdSaved('link');
    return;
  }
  // Nothing saved to protect: the link becomes the work, and a reload restores it with any changes.
  set({ holding: false, notice: null, kept: canonical(scenario) });
  // Saved work that cannot be opened is kept aside first, never saved over.
  if (boot && stored?.problem)
    keepAside(stored.text, stored.problem, stored.problem, 'share.kept.recoveryLinkShown');
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
  await openFragment(page.fragment, readStored(slot.peek()), false);
}

/** Leaves the link and shows the saved work again. */
export async function backToSaved(): Promise<void> {
  const stored = readStored(slot.read());
  const problem = stored ? await restore(stored) : undefined;
  set({ holding: false });
  stripFragment();
  stripLessonQuery();
  if (!stored) {
    set({
      notice: {
        tone: 'error',
        problem: { key: 'share.problem.savedGone' },
        kept: 'share.kept.current',
        actions: [],
      },
    });
    return;
  }
  if (problem) {
    // The link stays on screen and becomes the work; the saved work goes to a recovery copy.
    keepAside(stored.text, problem, problem, 'share.kept.recoveryLinkKept');
    return;
  }
  set({ notice: null });
  if (stored.work) set({ kept: canonical(stored.work.scenario) });
}

/** Makes the link the saved work (the user chose to replace it). */
export function keepLink(): void {
  set({ holding: false, notice: null, kept: canonical(theLab().run.scenario()) });
  stripFragment();
  replaceWork();
}

// ---------------------------------------------------------------------------------------------
// Share

/**
 * The moment a link or the saved work keeps: the moment shown, up to the last a link or saved work
 * may hold (played past it, the page shows what it may keep, not an entry it would refuse).
 */
const keptAt = () => Math.min(theLab().run.now(), WORK_LIMITS.at);

/** The link for what the page shows now; undefined until the codec has loaded (`loadCodec`). */
export function currentLink(): string | undefined {
  const codec = codecNow();
  if (!codec) return undefined;
  const run = theLab().run;
  const fragment = codec.encodeShare({ scenario: run.scenario(), at: keptAt(), view: currentView() });
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
  if (!following()) set({ kept: canonical(theLab().run.scenario()) });
}

/** The lab shows a followed cluster (web/follow): sharing or exporting it keeps no work. */
const following = (): boolean => theLab().store.getState().ui.following !== null;

// ---------------------------------------------------------------------------------------------
// Autosave

let autosaving = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const SAVE_DELAY_MS = 500;

const currentWorkText = () =>
  serializeWork({ scenario: theLab().run.scenario(), at: keptAt(), view: currentView() });

/** Writes the work now (false when storage is unavailable, paused or the write failed). */
export function saveNow(): boolean {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const s = shareStore.getState();
  if (!autosaving || s.embed || s.holding || !env.storage) return false;
  // A followed cluster is not the work: the work waits, unchanged, until Disconnect.
  if (following()) return false;
  if (lessonOverWork()) return false;
  if (s.notSaving && s.notSaving.why !== 'writeFailed') return false;
  const text = currentWorkText();
  if (text === slot.base) return true;
  return afterSave(slot.save(text));
}

/** The lesson last checked for work of the user's own under it (`lessonOverWork`). */
let checkedLesson: string | null = null;

/**
 * A lesson was started (a `?lesson=` address, the picker) over saved work of the user's own:
 * that work waits, untouched, as it does under a link, and the notice offers the way back. True
 * when it does. Saved work that is a lesson's state, the example, or the lesson's own scenario
 * has nothing to lose.
 */
function lessonOverWork(): boolean {
  const id = theLab().store.getState().lesson.id;
  if (id === null || id === checkedLesson) {
    checkedLesson = id;
    return false;
  }
  checkedLesson = id;
  const work = readStored(slot.peek())?.work;
  if (!work || work.view.lesson !== undefined || isPristine(work.scenario)) return false;
  if (sameScenario(work.scenario, theLab().run.scenario())) return false;
  holdSaved('lesson');
  return true;
}

/** The saved work waits while a link or a lesson is shown over it: autosave pauses, the notice offers both ways. */
function holdSaved(heldFor: 'link' | 'lesson'): void {
  const [problem, kept] =
    heldFor === 'link'
      ? ['share.notice.linkOpened', 'share.kept.savedWaiting']
      : ['share.notice.lessonOpened', 'share.kept.savedWaitingLesson'];
  set({
    holding: true,
    heldFor,
    notice: { tone: 'info', problem: { key: problem }, kept, actions: ['backToSaved', 'keepLink'] },
  });
}

/** Replaces the work key with this tab's work because the user chose to. */
function replaceWork(): boolean {
  if (!env.storage) return false;
  // An entry this tab cannot open (a newer version's, a damaged one) is kept aside first.
  const there = readStored(slot.peek());
  if (there?.problem) {
    const moved = setAside(env.storage, there.text, there.problem, Date.now());
    if (!moved.ok) {
      keepAside(there.text, there.problem);
      return false;
    }
  }
  return afterSave(slot.replace(currentWorkText()));
}

const conflictNotice = (): Notice => ({
  tone: 'error',
  problem: { key: 'share.problem.otherTab' },
  kept: 'share.kept.otherTab',
  actions: ['loadOther', 'keepMine'],
});

/** Another tab saved later work: stop saving here and ask which to keep. */
function enterConflict(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const notice = conflictNotice();
  set({ notice, notSaving: { why: 'conflict', notice } });
}

function afterSave(r: SaveResult): boolean {
  const s = shareStore.getState();
  if (r.ok) {
    if (s.notSaving) set({ notSaving: null, notice: s.notice === s.notSaving.notice ? null : s.notice });
    return true;
  }
  if (r.reason === 'conflict') {
    enterConflict();
    return false;
  }
  const problem: Problem = {
    key: r.reason === 'quota' ? 'share.problem.storageFull' : 'share.problem.saveFailed',
    detail: r.detail,
  };
  if (s.notSaving?.why === 'writeFailed' && s.notSaving.notice.problem.key === problem.key) return false;
  const notice: Notice = { tone: 'error', problem, kept: 'share.kept.lastSave', actions: ['export'] };
  // A notice that asks for a choice stays up; the header's "Not saved" leads here.
  set({ notSaving: { why: 'writeFailed', notice }, ...(s.notice?.actions.length ? {} : { notice }) });
  return false;
}

/** "Not saved" in the header: shows again why. */
export function showSaveStatus(): void {
  const n = shareStore.getState().notSaving;
  if (n) set({ notice: n.notice });
}

/** Another tab changed storage: if it saved the work, this tab stops saving and asks. */
function onStorageChanged(key: string | null): void {
  if (key !== null && key !== WORK_KEY) return;
  const s = shareStore.getState();
  if (!autosaving || s.embed || s.holding || s.notSaving?.why === 'conflict' || s.notSaving?.why === 'noRoom')
    return;
  if (slot.changedElsewhere()) enterConflict();
}

/** "Load it": shows the work the other tab saved. */
export async function loadOtherTab(): Promise<void> {
  const stored = readStored(slot.peek());
  if (!stored) {
    // The other tab's entry is gone: nothing to choose between.
    set({ notSaving: null, notice: null });
    saveNow();
    return;
  }
  const problem = await restore(stored);
  if (problem) {
    const notice: Notice = {
      tone: 'error',
      problem,
      kept: 'share.kept.otherTabUnopened',
      actions: ['keepMine'],
    };
    set({ notice, notSaving: { why: 'conflict', notice } });
    return;
  }
  slot.base = stored.text;
  set({ notSaving: null, notice: null });
}

/** "Keep mine": this tab's work replaces what the other tab saved. */
export function keepMine(): void {
  set({ notSaving: null, notice: null });
  replaceWork();
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
  if (env.watch) unsubscribers.push(env.watch(onStorageChanged));
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

let pendingImport: { scenario: Scenario; at: number } | undefined;

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

/** A saved-work file (Download on a recovery copy) rather than a scenario: `{"v":…,"scenario":…}`. */
function looksLikeSavedWork(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  try {
    const raw = parseJsonSafely(text);
    return raw !== null && typeof raw === 'object' && 'scenario' in raw && 'v' in raw && !('kind' in raw);
  } catch {
    return false;
  }
}

/**
 * Reads, checks and (after asking when work would be lost) opens a scenario file, or a saved-work
 * file downloaded from a recovery copy (it opens at the moment it was saved).
 */
export async function importFile(file: FileLike): Promise<void> {
  const fail = (problem: Problem) =>
    set({ notice: { tone: 'error', problem, kept: 'share.kept.fileNotOpened', actions: [] } });
  if (file.size > MAX_FILE_BYTES)
    return fail({ key: 'share.problem.fileTooLarge', vars: { size: file.size, max: MAX_FILE_BYTES } });
  let scenario: Scenario;
  let at = START_AT;
  try {
    const text = await file.text();
    await loadExtensions();
    if (looksLikeSavedWork(text)) {
      const d = decodeWork(text);
      if (!d.ok) {
        const key =
          d.problem.key === 'share.problem.savedFuture'
            ? 'share.problem.fileFuture'
            : 'share.problem.fileInvalid';
        return fail({
          key,
          vars: { file: file.name },
          ...(d.problem.detail ? { detail: d.problem.detail } : {}),
        });
      }
      scenario = d.work.scenario;
      at = d.work.at;
    } else scenario = parseScenario(text);
  } catch (e) {
    return fail({
      key: 'share.problem.fileInvalid',
      vars: { file: file.name },
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  const { problem } = await prepare(scenario);
  if (problem) return fail(problem);
  pendingImport = { scenario, at };
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
  try {
    apply(p.scenario, p.at, currentView());
  } catch (e) {
    set({
      notice: {
        tone: 'error',
        problem: { key: 'share.problem.replayFailed', detail: e instanceof Error ? e.message : String(e) },
        kept: 'share.kept.fileNotOpened',
        actions: [],
      },
    });
    return;
  }
  set({ kept: canonical(p.scenario) });
  // A lesson's file (the builder's export: its steps have stops) opens as the lesson, under the id
  // the builder gives it; one that does not make a lesson stays open as the scenario it is.
  if (p.scenario.spec.steps.some((st) => st.stop))
    playLesson(p.scenario, `${CUSTOM_PREFIX}${p.scenario.metadata.name}`, 0).catch(() => {});
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

/** Hands `text` to the browser as a download named `name`. */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadScenario(): Promise<void> {
  const { name, text } = await exportText();
  saveFile(name, text, 'application/yaml');
  if (!following()) set({ kept: canonical(theLab().run.scenario()) });
}
