/**
 * Predict mode in the app: what to hide now. In a lesson, while the question of the stop it waits
 * at is open (not answered, not skipped: the lesson is not playing on), the elements the question
 * declares it would reveal (`hiddenElements` in the core). Elsewhere a lab may switch predict mode
 * on (`ui.predict`): the timeline then never draws what comes after the moment on screen.
 */
import { createContext, useContext, useMemo } from 'react';
import { hiddenElements, type RevealElement } from '../../src/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import type { LabState } from '../lab/lab.ts';
import { currentLesson } from '../lessons/store.ts';

/** The hidden elements as one string, so the selector's result compares by value. */
const selectHidden = (s: LabState): string => {
  const hidden = new Set<RevealElement>();
  const l = s.lesson;
  const lesson = currentLesson(l);
  if (lesson && l.heading === null)
    for (const e of hiddenElements(lesson, l.stop, l.answers[l.stop] !== undefined)) hidden.add(e);
  if (s.ui.predict) hidden.add('timeline');
  return [...hidden].sort().join(' ');
};

/**
 * What to hide in the views inside, whatever the lab's lesson says: a handout draws each stop's
 * diagram as predict mode shows it while that stop's question is open.
 */
export const HiddenAtStop = createContext<ReadonlySet<RevealElement> | null>(null);

/** What predict mode hides at this moment. */
export function usePredictHidden(): ReadonlySet<RevealElement> {
  const fixed = useContext(HiddenAtStop);
  const key = useLabState(selectHidden);
  const hidden = useMemo(() => new Set(key ? (key.split(' ') as RevealElement[]) : []), [key]);
  return fixed ?? hidden;
}

/** Whether predict mode hides `element` now. */
export const useHidden = (element: RevealElement): boolean =>
  useLabState((s) => selectHidden(s).includes(element));

/** True while a lesson's open question is what hides things (the screen says "Answer first"). */
export const useQuestionOpen = (): boolean =>
  useLabState(
    (s) => s.lesson.id !== null && s.lesson.heading === null && s.lesson.answers[s.lesson.stop] === undefined,
  );

/**
 * Where the timeline stops drawing when its future is hidden: the whole second at or before the
 * moment shown (samples are one per second), or undefined when nothing later is recorded anyway
 * (playing at the front of the recording changes nothing, so the chart is not redrawn per frame).
 */
export function useTimelineCut(): number | undefined {
  const lab = useLab();
  const cut = useLabState((s) => {
    if (!selectHidden(s).split(' ').includes('timeline')) return -1;
    const t = s.playback.t;
    return t < lab.run.history().until - 1e-6 ? Math.floor(t + 1e-6) : -1;
  });
  return cut < 0 ? undefined : cut;
}
