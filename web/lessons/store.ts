/**
 * The lesson player: which lesson, which stop, the learner's answers and presentation state, in the
 * lab's lesson slice, with actions as module functions taking the lab. A lesson is loaded as the
 * lab's scenario; "Next" plays up to the next stop's moment and stops there exactly, "Back" seeks.
 * The learner may explore at any stop (scrub, run commands); that changes the Run, and "Return to
 * the lesson" reloads the lesson at the stop it waits at.
 */
import {
  lessonScenario,
  loadExtensions,
  type Lesson,
  type LessonStep,
  stopIndices,
} from '../../src/index.ts';
import type { Lab, LessonSlice } from '../lab/lab.ts';
import { lessonById, LESSONS, loadLessons } from './catalog.ts';

export type { Role } from '../lab/lab.ts';

/** Playback speed while a lesson plays between stops (pods need ~8 virtual seconds to start). */
export const LESSON_SPEED = 2;
const EPS = 1e-6;

export const currentLesson = (s: LessonSlice): Lesson | undefined =>
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

/** True when the Run no longer holds the lesson's steps (the learner ran commands). */
function divergedSteps(lab: Lab, lesson: Lesson): boolean {
  const a = lab.frame().steps;
  const b = lesson.scenario.spec.steps;
  return a.length !== b.length || a.some((s, i) => s.run !== b[i]!.run || Math.abs(s.at - b[i]!.at) > EPS);
}

/** True when the learner has moved away from the stop the lesson waits at. */
export function isExploring(lab: Lab, s: LessonSlice = lab.store.getState().lesson): boolean {
  const lesson = currentLesson(s);
  if (!lesson || s.heading !== null) return false;
  const at = stopsOf(lesson)[s.stop]?.at ?? 0;
  return Math.abs(lab.run.now() - at) > 1e-3 || divergedSteps(lab, lesson);
}

function arriveAt(lab: Lab, k: number, lesson: Lesson): void {
  const at = stopsOf(lesson)[k]?.at ?? 0;
  lab.pause();
  if (Math.abs(lab.run.now() - at) > EPS) lab.seek(at);
  lab.setLesson({ stop: k, heading: null });
}

async function ensureLoaded(lab: Lab, lesson: Lesson, at: number): Promise<void> {
  if (!divergedSteps(lab, lesson)) return;
  await loadExtensions();
  lab.load(lessonScenario(lesson), at);
}

// ---------------------------------------------------------------------------------------------
// Actions

export const openPicker = (lab: Lab, presents = false) =>
  lab.setLesson({ pickerOpen: true, pickerPresents: presents });
export const closePicker = (lab: Lab) => lab.setLesson({ pickerOpen: false, pickerPresents: false });

/** Loads a lesson into the lab and waits at stop `k` (the first by default). */
export async function startLesson(lab: Lab, id: string, k = 0): Promise<void> {
  await loadLessons();
  const lesson = lessonById(id);
  if (!lesson) return;
  const stops = stopsOf(lesson);
  const stop = Math.max(0, Math.min(k, stops.length - 1));
  const presents = lab.store.getState().lesson.pickerPresents;
  lab.setLesson({ loading: true, pickerOpen: false, pickerPresents: false });
  await loadExtensions();
  lab.load(lessonScenario(lesson), stops[stop]!.at);
  lab.setSpeed(LESSON_SPEED);
  lab.setLesson({ id, stop, heading: null, answers: {}, loading: false, blank: false });
  if (presents) setPresenting(lab, true);
}

/** Plays to the next stop (animated), or jumps there at once with `instant`. */
export async function next(lab: Lab, instant = false): Promise<void> {
  const s = lab.store.getState().lesson;
  const lesson = currentLesson(s);
  if (!lesson) return;
  const stops = stopsOf(lesson);
  if (s.heading !== null) {
    arriveAt(lab, s.heading, lesson);
    return;
  }
  const k = s.stop;
  if (k >= stops.length - 1) return;
  const here = stops[k]!.at;
  if (isExploring(lab, s)) {
    await ensureLoaded(lab, lesson, here);
    if (Math.abs(lab.run.now() - here) > 1e-3) arriveAt(lab, k, lesson);
  }
  const to = stops[k + 1]!.at;
  if (instant || lab.run.now() >= to - EPS) {
    arriveAt(lab, k + 1, lesson);
    return;
  }
  lab.setLesson({ heading: k + 1 });
  lab.setSpeed(Math.max(lab.player.speed, LESSON_SPEED));
  lab.playTo(to, (arrived) => {
    if (lab.store.getState().lesson.heading !== k + 1) return;
    // Paused by the learner on the way: they are exploring; the lesson stays at its stop.
    lab.setLesson(arrived ? { stop: k + 1, heading: null } : { heading: null });
  });
}

/** Back to the previous stop (or, while playing, back to the stop just left). */
export async function back(lab: Lab): Promise<void> {
  const s = lab.store.getState().lesson;
  const lesson = currentLesson(s);
  if (!lesson) return;
  const k = s.heading !== null ? s.stop : Math.max(0, s.stop - 1);
  lab.setLesson({ heading: null });
  await ensureLoaded(lab, lesson, stopsOf(lesson)[k]!.at);
  arriveAt(lab, k, lesson);
}

/** Goes to stop `k` at once (an audience window following, a presenter jumping). */
export async function goToStop(lab: Lab, k: number): Promise<void> {
  const lesson = currentLesson(lab.store.getState().lesson);
  if (!lesson) return;
  lab.setLesson({ heading: null });
  await ensureLoaded(lab, lesson, stopsOf(lesson)[k]?.at ?? 0);
  arriveAt(lab, k, lesson);
}

/**
 * Answers the question of the current stop (the choice's index, or the number typed) and plays
 * on to show what happens.
 */
export function answer(lab: Lab, given: number): void {
  const s = lab.store.getState().lesson;
  lab.setLesson({ answers: { ...s.answers, [s.stop]: given } });
  void next(lab);
}

/**
 * No answer given: the question's answer was shown to a class (presentation). Not a number, as
 * any number may answer a number question.
 */
export const REVEALED = null;

/**
 * Next in presentation mode: at a stop whose question is open, the first press shows the answer
 * (and, in predict mode, the numbers that give it away) while the class still sees the moment it
 * was asked about; the next press plays on.
 */
export async function presentNext(lab: Lab): Promise<void> {
  const s = lab.store.getState().lesson;
  const lesson = currentLesson(s);
  if (!lesson) return;
  const open =
    s.heading === null && stopsOf(lesson)[s.stop]?.question !== undefined && s.answers[s.stop] === undefined;
  if (open && !isExploring(lab, s)) {
    lab.setLesson({ answers: { ...s.answers, [s.stop]: REVEALED } });
    return;
  }
  await next(lab);
}

export async function returnToLesson(lab: Lab): Promise<void> {
  const s = lab.store.getState().lesson;
  const lesson = currentLesson(s);
  if (!lesson) return;
  await ensureLoaded(lab, lesson, stopsOf(lesson)[s.stop]!.at);
  arriveAt(lab, s.stop, lesson);
}

export function exitLesson(lab: Lab): void {
  lab.pause();
  lab.setLesson({ id: null, heading: null, presenting: false, blank: false, answers: {}, handout: false });
}

export const setPresenting = (lab: Lab, presenting: boolean) =>
  lab.setLesson(presenting ? { presenting } : { presenting, blank: false });

/** Presentation mode needs a lesson: without one, the picker opens first. */
export function enterPresentation(lab: Lab): void {
  if (lab.store.getState().lesson.id === null) {
    openPicker(lab, true);
    return;
  }
  setPresenting(lab, true);
}
/** The handout of the current lesson (web/handout), over the app until closed. */
export const setHandout = (lab: Lab, handout: boolean) => lab.setLesson({ handout });
export const toggleBlank = (lab: Lab) => lab.setLesson({ blank: !lab.store.getState().lesson.blank });
export const setRole = (lab: Lab, role: LessonSlice['role']) => lab.setLesson({ role });

export { LESSONS };
