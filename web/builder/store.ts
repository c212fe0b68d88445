/**
 * The lesson builder's state and actions: the draft (kept in this browser as it changes), the stop
 * being edited, and what playing, sharing or exporting it found wrong. A draft plays as a lesson
 * of its own (`custom-<name>`, web/lessons/catalog.ts) through the ordinary lesson player, so
 * preview, play, present and the share link are the lesson features themselves.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import {
  checkScenarioClaims,
  lessonFromScenario,
  loadExtensions,
  scenarioYaml,
  type Scenario,
} from '../../src/index.ts';
import type { Vars } from '../i18n/index.ts';
import type { Lab } from '../lab/lab.ts';
import { setBuilderOpen } from './open.ts';
import { CUSTOM_PREFIX, lessonById, loadLessons, registerLesson } from '../lessons/catalog.ts';
import { setPresenting, startLesson } from '../lessons/store.ts';
import { exportFileName, loadCodec } from '../share/link.ts';
import { prepare } from '../share/prepare.ts';
import { openShareDialog, saveFile } from '../share/store.ts';
import { browserStorage, readItem, tryWrite, type KeyValueStore } from '../share/storage.ts';
import { formatTime } from '../ui/hooks.ts';
import {
  captureStop,
  claimsReport,
  deleteStop,
  draftFromLesson,
  draftFromShown,
  draftToScenario,
  moveStop,
  readDraft,
  stopIndexes,
  updateStop,
  type Draft,
  type DraftProblem,
  type DraftStep,
} from './draft.ts';
import '../i18n/features.ts';

/** Where the draft is kept between visits. */
export const DRAFT_KEY = 'rollout-lab.lesson-draft';

export interface BuilderMessage {
  tone: 'info' | 'error';
  key: string;
  vars?: Vars;
  detail?: string;
}

export interface BuilderState {
  draft: Draft | null;
  /** The stop whose form is open (an index among the stops). */
  selected: number;
  /** What the last play, share or export found wrong, by stop. */
  problems: DraftProblem[];
  message: BuilderMessage | null;
  /** The draft could not be kept in this browser (storage missing or full). */
  unsaved: boolean;
}

let storage: KeyValueStore | undefined = browserStorage();

export const builderStore = createStore<BuilderState>(() => ({
  draft: null,
  selected: 0,
  problems: [],
  message: null,
  unsaved: false,
}));

export const useBuilder = <T>(selector: (s: BuilderState) => T): T => useStore(builderStore, selector);

const set = (patch: Partial<BuilderState>) => builderStore.setState(patch);

/** For tests: another storage and a closed builder. */
export function configureBuilder(next: KeyValueStore | undefined): void {
  storage = next;
  setBuilderOpen(false);
  set({ draft: null, selected: 0, problems: [], message: null, unsaved: false });
}

/** Keeps the draft in this browser on every change (one small JSON write). */
builderStore.subscribe((s, prev) => {
  if (s.draft === prev.draft || s.draft === null) return;
  const ok = tryWrite(storage, DRAFT_KEY, JSON.stringify(s.draft)).ok;
  if (ok === s.unsaved) set({ unsaved: !ok });
});

/** The lesson id a draft plays under. */
export const draftLessonId = (d: Draft) => `${CUSTOM_PREFIX}${d.name}`;

/** Opens the builder on the kept draft, or a new one on the scenario shown. */
export async function openBuilder(lab: Lab): Promise<void> {
  await loadExtensions();
  const draft =
    builderStore.getState().draft ??
    readDraft(readItem(storage, DRAFT_KEY)) ??
    draftFromShown(lab.run.scenario());
  lab.setLesson({ pickerOpen: false });
  set({ draft, message: null });
  setBuilderOpen(true);
}

export const closeBuilder = () => setBuilderOpen(false);

function change(draft: Draft, patch: Partial<BuilderState> = {}): void {
  // A change answers the problems found before: they are checked again on the next play or share.
  set({ draft, problems: [], message: null, ...patch });
}

/**
 * Starts over: the scenario shown (its stops when it is a lesson, such as an imported file, else
 * none yet), or a built-in lesson as a template.
 */
export async function startDraft(lab: Lab, template: string | null): Promise<void> {
  await Promise.all([loadExtensions(), loadLessons()]);
  const lesson = template ? lessonById(template) : undefined;
  const draft = lesson
    ? { ...draftFromLesson(lesson), name: `my-${lesson.id}` }
    : draftFromShown(lab.run.scenario());
  change(draft, { selected: 0 });
  // A template opens at its first stop, ready to be changed.
  if (lesson) await play(lab, 0);
}

/** "Add stop" at the moment shown, with the steps that led to it. */
export function addStop(lab: Lab): void {
  const d = builderStore.getState().draft;
  if (!d) return;
  lab.pause();
  // A command that failed and changed nothing (a typo, a missing object) is no step of the lesson.
  const undone = new Set(
    lab.run
      .frame()
      .steps.filter((s) => s.undone)
      .map((s) => s.index),
  );
  const { draft, stop } = captureStop(d, lab.run.scenario(), lab.run.now(), undone);
  // A stop at this moment already: its form opens, and says so, so that its words are not taken
  // for a new stop's and typed over.
  const again = stopIndexes(draft).length === stopIndexes(d).length;
  const at = draft.steps[stopIndexes(draft)[stop]!]!.at;
  change(draft, {
    selected: stop,
    ...(again
      ? { message: { tone: 'info', key: 'builder.stopExists', vars: { n: stop + 1, time: formatTime(at) } } }
      : {}),
  });
}

export const selectStop = (k: number) => set({ selected: k });

export function editStop(k: number, patch: Parameters<typeof updateStop>[2]): void {
  const d = builderStore.getState().draft;
  if (d) change(updateStop(d, k, patch));
}

export function editDraft(patch: Partial<Pick<Draft, 'title' | 'summary' | 'name'>>): void {
  const d = builderStore.getState().draft;
  if (d) change({ ...d, ...patch });
}

export function moveDraftStop(k: number, by: -1 | 1): void {
  const d = builderStore.getState().draft;
  if (d) change(moveStop(d, k, by), { selected: k + by });
}

export function deleteDraftStop(k: number): void {
  const d = builderStore.getState().draft;
  if (d) change(deleteStop(d, k), { selected: Math.max(0, k - 1) });
}

/** The draft as a checked scenario; the problems are shown when it is not one. */
async function checked(): Promise<{ draft: Draft; scenario: Scenario } | undefined> {
  const draft = builderStore.getState().draft;
  if (!draft) return undefined;
  await loadExtensions();
  const r = draftToScenario(draft);
  if (!r.ok) {
    const first = r.problems[0]!;
    set({
      problems: r.problems,
      message: { tone: 'error', key: 'builder.problem', vars: { n: r.problems.length } },
      ...(first.stop >= 0 ? { selected: first.stop } : {}),
    });
    return undefined;
  }
  const { problem } = await prepare(r.scenario);
  if (problem) {
    set({
      message: { tone: 'error', key: problem.key, ...(problem.detail ? { detail: problem.detail } : {}) },
    });
    return undefined;
  }
  set({ problems: [], message: null });
  return { draft, scenario: r.scenario };
}

/** Plays the draft as a lesson from stop `k` (Preview shows one stop, Play starts at the first). */
export async function play(lab: Lab, k: number): Promise<boolean> {
  const ok = await checked();
  if (!ok) return false;
  const id = draftLessonId(ok.draft);
  registerLesson(lessonFromScenario(ok.scenario, id));
  await startLesson(lab, id, k);
  set({ selected: k });
  return true;
}

/** Play: the lesson from its first stop, as a learner sees it (the builder closes; it keeps the draft). */
export async function playLesson(lab: Lab): Promise<void> {
  if (await play(lab, 0)) closeBuilder();
}

export async function present(lab: Lab): Promise<void> {
  if (await play(lab, 0)) {
    closeBuilder();
    setPresenting(lab, true);
  }
}

/**
 * Check claims: plays the draft as the lesson tests do and checks each stop's `expect:` against
 * what the screen shows at that stop. The failures are shown at their stops, the first one opened.
 */
export async function checkDraftClaims(): Promise<void> {
  const ok = await checked();
  if (!ok) return;
  set({ message: { tone: 'info', key: 'builder.checking' } });
  // Let "Checking…" paint before the scenario plays.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { checked: n, problems } = claimsReport(ok.draft, checkScenarioClaims(ok.scenario), formatTime);
  if (problems.length) {
    const first = problems[0]!.stop;
    set({
      problems,
      message: { tone: 'error', key: 'builder.claimsFail', vars: { n: problems.length, total: n } },
      ...(first >= 0 ? { selected: first } : {}),
    });
  } else set({ message: { tone: 'info', key: n ? 'builder.claimsHold' : 'builder.noClaims', vars: { n } } });
}

/** The draft as a Scenario file. */
export async function exportDraft(): Promise<void> {
  const ok = await checked();
  if (!ok) return;
  saveFile(exportFileName(ok.scenario.metadata.name), scenarioYaml(ok.scenario), 'application/yaml');
  set({
    message: {
      tone: 'info',
      key: 'builder.exported',
      vars: { file: exportFileName(ok.scenario.metadata.name) },
    },
  });
}

/**
 * Shares the draft: it opens as the lesson at its first stop and the share dialog gives its link
 * (compressed). A lesson too large for a link is exported as a file instead, and says so.
 */
export async function shareDraft(lab: Lab): Promise<void> {
  const ok = await checked();
  if (!ok) return;
  const codec = await loadCodec();
  const fragment = codec.encodeShare({
    scenario: ok.scenario,
    at: 0,
    view: { lesson: draftLessonId(ok.draft), stop: 0 },
  });
  if (fragment.length > codec.SHARE_LIMITS.encodedChars) {
    saveFile(exportFileName(ok.scenario.metadata.name), scenarioYaml(ok.scenario), 'application/yaml');
    set({
      message: {
        tone: 'info',
        key: 'builder.tooLong',
        vars: { n: fragment.length, max: codec.SHARE_LIMITS.encodedChars },
      },
    });
    return;
  }
  if (await play(lab, 0)) await openShareDialog();
}

/** The steps of stop `k` as the builder lists them: the commands since the previous stop. */
export function stepsUpTo(d: Draft, stopIndex: number, previous: number): DraftStep[] {
  return d.steps.slice(previous + 1, stopIndex + 1);
}
