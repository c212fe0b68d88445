/**
 * What this browser remembers of the lessons: the furthest stop reached in each, whether it was
 * completed (its last stop reached), and the answer given to each question. Kept in localStorage
 * (nothing leaves the browser), shown in the lesson picker, forgotten with "Reset progress".
 * Storage that is blocked or full only means progress is not kept; the lessons work the same.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { answerIsRight, type Lesson } from '../../src/index.ts';
import type { Lab } from '../lab/lab.ts';
import { browserStorage, readItem, removeItem, writeItem, type KeyValueStore } from '../share/storage.ts';
import { stopsOf } from './store.ts';

export const PROGRESS_KEY = 'rollout-lab.progress';

export interface LessonProgress {
  /** Index of the furthest stop reached. */
  furthest: number;
  completed: boolean;
  /**
   * The answer given per question, keyed by stop index (the latest answer counts): the choice's
   * index, or the number typed.
   */
  answers: Record<number, number>;
}

export interface Progress {
  lessons: Record<string, LessonProgress>;
}

export const emptyProgress = (): Progress => ({ lessons: {} });

const isIndex = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1000;
/** A choice's index or a number typed (at most a billion either way, as an answer field takes). */
const isAnswer = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e9;

/** Reads what was saved; anything malformed (another version, a hand edit) is dropped, not trusted. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return emptyProgress();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return emptyProgress();
  }
  const lessons = (value as { lessons?: unknown } | null)?.lessons;
  if (typeof lessons !== 'object' || lessons === null || Array.isArray(lessons)) return emptyProgress();
  const out: Progress = emptyProgress();
  for (const [id, entry] of Object.entries(lessons as Record<string, unknown>)) {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id) || typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    if (!isIndex(e['furthest']) || typeof e['completed'] !== 'boolean') continue;
    const answers: Record<number, number> = {};
    if (typeof e['answers'] === 'object' && e['answers'] !== null)
      for (const [k, v] of Object.entries(e['answers'] as Record<string, unknown>))
        if (isIndex(Number(k)) && /^\d+$/.test(k) && isAnswer(v)) answers[Number(k)] = v;
    out.lessons[id] = { furthest: e['furthest'], completed: e['completed'], answers };
  }
  return out;
}

const entryOf = (p: Progress, id: string): LessonProgress =>
  p.lessons[id] ?? { furthest: 0, completed: false, answers: {} };

/** Stop `stop` of `total` reached in lesson `id` (the last one completes it). */
export function recordStop(p: Progress, id: string, stop: number, total: number): Progress {
  const e = entryOf(p, id);
  const furthest = Math.max(e.furthest, stop);
  const completed = e.completed || (total > 0 && stop >= total - 1);
  if (p.lessons[id] && furthest === e.furthest && completed === e.completed) return p;
  return { lessons: { ...p.lessons, [id]: { ...e, furthest, completed } } };
}

export function recordAnswer(p: Progress, id: string, stop: number, given: number): Progress {
  const e = entryOf(p, id);
  if (e.answers[stop] === given) return p;
  return { lessons: { ...p.lessons, [id]: { ...e, answers: { ...e.answers, [stop]: given } } } };
}

export interface ProgressSummary {
  completed: boolean;
  /** 1-based furthest stop, 0 when never opened. */
  reached: number;
  stops: number;
  answered: number;
  right: number;
}

export function summarize(p: Progress, lesson: Lesson): ProgressSummary {
  const stops = stopsOf(lesson);
  const e = p.lessons[lesson.id];
  let answered = 0;
  let right = 0;
  for (const [k, given] of Object.entries(e?.answers ?? {})) {
    const q = stops[Number(k)]?.question;
    if (!q) continue;
    answered++;
    if (answerIsRight(q, given)) right++;
  }
  return {
    completed: e?.completed ?? false,
    reached: e ? e.furthest + 1 : 0,
    stops: stops.length,
    answered,
    right,
  };
}

// ---------------------------------------------------------------------------------------------
// This browser's progress, as a store the picker reads.

export const progressStore = createStore<Progress>(() =>
  parseProgress(readItem(browserStorage(), PROGRESS_KEY)),
);

export const useProgress = (): Progress => useStore(progressStore);

function save(p: Progress, storage: KeyValueStore | undefined = browserStorage()): void {
  progressStore.setState(p, true);
  writeItem(storage, PROGRESS_KEY, JSON.stringify(p));
}

export function resetProgress(storage: KeyValueStore | undefined = browserStorage()): void {
  progressStore.setState(emptyProgress(), true);
  removeItem(storage, PROGRESS_KEY);
}

/** Records the stops a lab's learner reaches and the answers they give; returns the teardown. */
export function trackProgress(lab: Lab, lessonById: (id: string) => Lesson | undefined): () => void {
  let prev = lab.store.getState().lesson;
  return lab.store.subscribe((state) => {
    const s = state.lesson;
    if (s === prev) return;
    const before = prev;
    prev = s;
    if (s.id === null || s.role !== 'main' || s.loading) return;
    const lesson = lessonById(s.id);
    if (!lesson) return;
    let p = progressStore.getState();
    if (s.heading === null) p = recordStop(p, s.id, s.stop, stopsOf(lesson).length);
    if (s.answers !== before.answers)
      for (const [k, given] of Object.entries(s.answers))
        // An answer shown to a class (REVEALED) is no answer given.
        if (given !== null && (before.id !== s.id || before.answers[Number(k)] !== given))
          p = recordAnswer(p, s.id, Number(k), given);
    if (p !== progressStore.getState()) save(p);
  });
}
