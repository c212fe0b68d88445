/**
 * The built-in lessons, in the order of the chapter "Deployments: updating applications
 * declaratively". Each is a Scenario with stops, narration in English and Korean, and questions.
 */
import { byHand } from './01-by-hand.ts';
import { recreate } from './02-recreate.ts';
import { blueGreen } from './03-blue-green.ts';
import { rollingUpdate } from './04-rolling-update.ts';
import { replicaSets } from './05-replicasets.ts';
import { readiness } from './06-readiness.ts';
import { rollback } from './07-rollback.ts';
import { canary } from './08-canary.ts';
import type { Lesson } from './types.ts';

export type { Lesson, LessonQuestion, LessonStep, RevealElement, Text } from './types.ts';
export { lessonScenario, REVEAL_ELEMENTS, stepsOf, stopIndices } from './types.ts';
export { hiddenElements } from './predict.ts';

export const LESSONS: readonly Lesson[] = [
  byHand,
  recreate,
  blueGreen,
  rollingUpdate,
  replicaSets,
  readiness,
  rollback,
  canary,
];

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);
