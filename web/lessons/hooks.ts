/** React bindings of the lesson store, and text in the app's language. */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Lesson, Text } from '../../src/scenario/lessons/index.ts';
import type { Lang } from '../i18n/index.ts';
import { currentLesson, lessonStore, type LessonState } from './store.ts';

const selectLesson = (s: LessonState) => ({
  id: s.id,
  stop: s.stop,
  heading: s.heading,
  answers: s.answers,
  presenting: s.presenting,
  blank: s.blank,
  role: s.role,
  pickerOpen: s.pickerOpen,
  loading: s.loading,
});
export const useLesson = () => useStore(lessonStore, useShallow(selectLesson));
export const useCurrentLesson = (): Lesson | undefined => useStore(lessonStore, (s) => currentLesson(s));

export const text = (t: Text | undefined, lang: Lang): string => (t ? (lang === 'ko' ? t.ko : t.en) : '');
export const choiceText = (c: string | Text, lang: Lang): string =>
  typeof c === 'string' ? c : text(c, lang);
