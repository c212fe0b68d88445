/**
 * The built-in lessons, loaded after the first paint with the rest of what the first screen does
 * not need: their narration in two languages is a fair part of the app's JavaScript. Until then the
 * list is empty; everything that starts a lesson awaits `loadLessons()` first.
 */
import { loadLessons as loadBuiltIn, type Lesson } from '../../src/index.ts';

export const LESSONS: Lesson[] = [];

/** Lessons that are not built in (a teacher's, from the builder, a link or saved work), by id. */
const custom = new Map<string, Lesson>();

/** Ids of lessons that are not built in start with this, so they never shadow a built-in one. */
export const CUSTOM_PREFIX = 'custom-';

export const lessonById = (id: string): Lesson | undefined =>
  LESSONS.find((l) => l.id === id) ?? custom.get(id);

/** Makes a teacher's lesson playable by id (replacing an earlier version of it). */
export function registerLesson(lesson: Lesson): void {
  if (!lesson.id.startsWith(CUSTOM_PREFIX))
    throw new Error(`a custom lesson's id starts with ${CUSTOM_PREFIX}`);
  custom.set(lesson.id, lesson);
}

let loading: Promise<void> | undefined;

export function loadLessons(): Promise<void> {
  loading ??= loadBuiltIn().then((list) => {
    if (LESSONS.length === 0) LESSONS.push(...list);
  });
  return loading;
}
