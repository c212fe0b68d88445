/** React bindings of the lab's lesson slice, and text in the app's language. */
import { useShallow } from 'zustand/react/shallow';
import type { Lesson, Text } from '../../src/index.ts';
import type { Lang } from '../i18n/index.ts';
import { useLabState } from '../lab/context.ts';
import type { LabState } from '../lab/lab.ts';
import { currentLesson } from './store.ts';

const selectLesson = (s: LabState) => s.lesson;
export const useLesson = () => useLabState(useShallow(selectLesson));
const selectCurrent = (s: LabState) => currentLesson(s.lesson);
export const useCurrentLesson = (): Lesson | undefined => useLabState(selectCurrent);

/** In the app's language; English where a teacher's lesson has no Korean yet. */
export const text = (t: Text | undefined, lang: Lang): string =>
  t ? (lang === 'ko' ? t.ko || t.en : t.en) : '';
export const choiceText = (c: string | Text, lang: Lang): string =>
  typeof c === 'string' ? c : text(c, lang);
