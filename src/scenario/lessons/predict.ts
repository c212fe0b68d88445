/**
 * Predict mode: while a lesson's question is open, the parts of the screen that would answer it
 * (its `reveals`) stay hidden behind "Answer first"; answering or skipping the question shows
 * them. The app asks this module what to hide; it decides nothing else.
 */
import { stopIndices, type Lesson, type RevealElement } from './types.ts';

const NOTHING: ReadonlySet<RevealElement> = new Set();

/**
 * What predict mode hides at stop `stop` (an index into the lesson's stops): the elements its
 * question reveals while it is open, nothing once it is `answered` (or skipped) or when the stop
 * asks nothing.
 */
export function hiddenElements(lesson: Lesson, stop: number, answered: boolean): ReadonlySet<RevealElement> {
  if (answered) return NOTHING;
  const index = stopIndices(lesson)[stop];
  const q = index === undefined ? undefined : lesson.scenario.spec.steps[index]!.question;
  return q && q.reveals.length ? new Set(q.reveals) : NOTHING;
}
