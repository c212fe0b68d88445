/**
 * The built-in lessons, loaded after the first paint with the rest of what the first screen does
 * not need: their narration in two languages is a fair part of the app's JavaScript. Until then the
 * list is empty; everything that starts a lesson awaits `loadLessons()` first.
 */
import { loadLessons as loadBuiltIn, type Lesson } from '../../src/index.ts';

export const LESSONS: Lesson[] = [];

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);

let loading: Promise<void> | undefined;

export function loadLessons(): Promise<void> {
  loading ??= loadBuiltIn().then((list) => {
    if (LESSONS.length === 0) LESSONS.push(...list);
  });
  return loading;
}
