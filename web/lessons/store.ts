/**
 * The lesson player: which lesson, which stop, the learner's answers, and presentation state, in
 * a vanilla zustand store with module-level actions. It drives the app's one SimSession: a lesson
 * is loaded as the session's scenario, "Next" plays up to the next stop's moment and pauses there
 * exactly, "Back" seeks. The learner may explore at any stop (scrub, run commands); that changes
 * the session, and "Return to the lesson" reloads the lesson at the stop it waits at.
 */
import { createStore } from 'zustand/vanilla';
import { stopIndices, type Lesson, type LessonStep } from '../../src/scenario/lessons/types.ts';
import { LESSONS, lessonById, loadLessons } from './catalog.ts';
import { session, uiStore } from '../store/app.ts';
import { loadDeferred } from '../sim/deferred.ts';

export type Role = 'main' | 'audience';

export interface LessonState {
  id: string | null;
  /** Index (into the lesson's stops) of the stop the lesson is at. */
  stop: number;
  /** The stop being played towards, or null when waiting at `stop`. */
  heading: number | null;
  /** The learner's choice per question, keyed by stop index. */
  answers: Record<number, number>;
  pickerOpen: boolean;
  presenting: boolean;
  /** The presentation screen is blanked (`B`). */
  blank: boolean;
  /** An audience window follows a presentation and offers no controls. */
  role: Role;
  loading: boolean;
}

export const lessonStore = createStore<LessonState>(() => ({
  id: null,
  stop: 0,
  heading: null,
  answers: {},
  pickerOpen: false,
  presenting: false,
  blank: false,
  role: 'main',
  loading: false,
}));

/** Playback speed while a lesson plays between stops (pods need ~8 virtual seconds to start). */
export const LESSON_SPEED = 2;
const EPS = 1e-6;

export const currentLesson = (s: LessonState = lessonStore.getState()): Lesson | undefined =>
  s.id === null ? undefined : lessonById(s.id);

/** The stops of a lesson as steps, in order. */
export function stopsOf(lesson: Lesson): LessonStep[] {
  return stopIndices(lesson).map((i) => lesson.scenario.spec.steps[i]!);
}

/** The steps that ran since the previous stop, up to and including stop `k`. */
export function stepsOfStop(lesson: Lesson, k: number): LessonStep[] {
  const stops = stopsOf(lesson);
  const from = k > 0 ? stops[k - 1]!.at : -1;
  const to = stops[k]?.at ?? 0;
  return lesson.scenario.spec.steps.filter((s) => s.at > from + EPS && s.at <= to + EPS);
}

/** True when the session no longer holds the lesson's steps (the learner ran commands). */
function divergedSteps(lesson: Lesson): boolean {
  const a = session.steps;
  const b = lesson.scenario.spec.steps;
  return a.length !== b.length || a.some((s, i) => s.run !== b[i]!.run || Math.abs(s.at - b[i]!.at) > EPS);
}

/** True when the learner has moved away from the stop the lesson waits at. */
export function isExploring(s: LessonState = lessonStore.getState()): boolean {
  const lesson = currentLesson(s);
  if (!lesson || s.heading !== null) return false;
  const at = stopsOf(lesson)[s.stop]?.at ?? 0;
  return Math.abs(session.now - at) > 1e-3 || divergedSteps(lesson);
}

// ---------------------------------------------------------------------------------------------
// Playing to a stop: the session plays in real time; when it reaches the target it pauses and
// settles exactly on the stop's moment.

let target: number | null = null;
let settling = false;

session.subscribe(() => {
  if (settling || target === null) return;
  const s = lessonStore.getState();
  if (session.now >= target - EPS) {
    const at = target;
    target = null;
    settling = true;
    try {
      session.pause();
      if (Math.abs(session.now - at) > EPS) session.seek(at);
    } finally {
      settling = false;
    }
    if (s.heading !== null) lessonStore.setState({ stop: s.heading, heading: null });
  } else if (!session.playing) {
    // Paused by the learner on the way: they are exploring; the lesson stays at its stop.
    target = null;
    lessonStore.setState({ heading: null });
  }
});

function arriveAt(k: number, lesson: Lesson): void {
  target = null;
  const at = stopsOf(lesson)[k]?.at ?? 0;
  settling = true;
  try {
    session.pause();
    session.seek(at);
  } finally {
    settling = false;
  }
  lessonStore.setState({ stop: k, heading: null });
}

async function ensureLoaded(lesson: Lesson, at: number): Promise<void> {
  if (!divergedSteps(lesson)) return;
  await loadDeferred();
  settling = true;
  try {
    session.load(lesson.scenario, at);
  } finally {
    settling = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Actions

export const openPicker = () => lessonStore.setState({ pickerOpen: true });
export const closePicker = () => lessonStore.setState({ pickerOpen: false });

/** Loads a lesson into the session and waits at stop `k` (the first by default). */
export async function startLesson(id: string, k = 0): Promise<void> {
  await loadLessons();
  const lesson = lessonById(id);
  if (!lesson) return;
  const stops = stopsOf(lesson);
  const stop = Math.max(0, Math.min(k, stops.length - 1));
  lessonStore.setState({ loading: true, pickerOpen: false });
  target = null;
  await loadDeferred();
  settling = true;
  try {
    session.load(lesson.scenario, stops[stop]!.at);
    session.setSpeed(LESSON_SPEED);
  } finally {
    settling = false;
  }
  uiStore.setState({ log: [], blueGreen: null, selectedPod: null });
  lessonStore.setState({ id, stop, heading: null, answers: {}, loading: false, blank: false });
}

/** Plays to the next stop (animated), or jumps there at once with `instant`. */
export async function next(instant = false): Promise<void> {
  const s = lessonStore.getState();
  const lesson = currentLesson(s);
  if (!lesson) return;
  const stops = stopsOf(lesson);
  if (s.heading !== null) {
    arriveAt(s.heading, lesson);
    return;
  }
  const k = s.stop;
  if (k >= stops.length - 1) return;
  const here = stops[k]!.at;
  if (isExploring(s)) {
    await ensureLoaded(lesson, here);
    if (Math.abs(session.now - here) > 1e-3) arriveAt(k, lesson);
  }
  const to = stops[k + 1]!.at;
  if (instant || session.now >= to - EPS) {
    arriveAt(k + 1, lesson);
    return;
  }
  lessonStore.setState({ heading: k + 1 });
  settling = true;
  try {
    session.setSpeed(Math.max(session.speed, LESSON_SPEED));
    session.play();
  } finally {
    settling = false;
  }
  target = to;
  // Without a frame scheduler (tests in Node) the session cannot play: go there at once.
  if (!session.playing) arriveAt(k + 1, lesson);
}

/** Back to the previous stop (or, while playing, back to the stop just left). */
export async function back(): Promise<void> {
  const s = lessonStore.getState();
  const lesson = currentLesson(s);
  if (!lesson) return;
  const k = s.heading !== null ? s.stop : Math.max(0, s.stop - 1);
  await ensureLoaded(lesson, stopsOf(lesson)[k]!.at);
  arriveAt(k, lesson);
}

/** Goes to stop `k` at once (an audience window following, a presenter jumping). */
export async function goToStop(k: number): Promise<void> {
  const lesson = currentLesson();
  if (!lesson) return;
  await ensureLoaded(lesson, stopsOf(lesson)[k]?.at ?? 0);
  arriveAt(k, lesson);
}

/** Answers the question of the current stop and plays on to show what happens. */
export function answer(choice: number): void {
  const s = lessonStore.getState();
  lessonStore.setState({ answers: { ...s.answers, [s.stop]: choice } });
  void next();
}

export async function returnToLesson(): Promise<void> {
  const s = lessonStore.getState();
  const lesson = currentLesson(s);
  if (!lesson) return;
  await ensureLoaded(lesson, stopsOf(lesson)[s.stop]!.at);
  arriveAt(s.stop, lesson);
}

export function exitLesson(): void {
  target = null;
  session.pause();
  lessonStore.setState({ id: null, heading: null, presenting: false, blank: false, answers: {} });
}

export const setPresenting = (presenting: boolean) =>
  lessonStore.setState(presenting ? { presenting } : { presenting, blank: false });
/** Presentation mode needs a lesson: without one, the picker opens first. */
export function enterPresentation(): void {
  if (lessonStore.getState().id === null) {
    openPicker();
    return;
  }
  setPresenting(true);
}
export const toggleBlank = () => lessonStore.setState((s) => ({ blank: !s.blank }));
export const setRole = (role: Role) => lessonStore.setState({ role });

export { LESSONS };
