/** React bindings of the lab's lesson slice, and text in the app's language. */
import { useShallow } from 'zustand/react/shallow';
import { isNumberQuestion, type Lesson, type LessonQuestion, type Text } from '../../src/index.ts';
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

/** The largest number an answer may be (the live class refuses larger: MAX_NUMBER). */
const MAX_NUMBER = 1e9;

/**
 * A number as typed into an answer: `13`, `-2.5`, `+4`, `2,5` (a decimal comma), spaces around;
 * undefined when it is no number (or beyond a billion).
 */
export function readNumber(typed: string): number | undefined {
  const s = typed.trim().replace(/^(-?\+?\d*),(\d+)$/, '$1.$2');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) <= MAX_NUMBER ? n : undefined;
}

/** `n` (a number, or the blank to write one in) followed by its unit: `13 pods`, `13개` (a Korean counter follows closely). */
export function withUnit(n: string, unit: string | Text | undefined, lang: Lang): string {
  const u = unit === undefined ? '' : choiceText(unit, lang).trim();
  if (!u) return n;
  return lang === 'ko' && /^[가-힣]/.test(u) ? `${n}${u}` : `${n} ${u}`;
}

/** A number with its unit as the app writes it: `13 pods`, `2.5 s`, `13개`. */
export const numberText = (value: number, unit: string | Text | undefined, lang: Lang): string =>
  withUnit(String(Math.round(value * 1e6) / 1e6), unit, lang);

/** A question's right answer as shown: the right choice, or the number with its unit (± tolerance). */
export function answerText(q: LessonQuestion, lang: Lang): string {
  if (!isNumberQuestion(q)) return choiceText(q.choices[q.answer] ?? '', lang);
  const { answer, tolerance, unit } = q.number;
  const n = numberText(answer, unit, lang);
  return tolerance ? `${n} (± ${numberText(tolerance, undefined, lang)})` : n;
}

/** What was answered as shown: a choice with its letter (`B. 13`), or the number with its unit. */
export function givenText(q: LessonQuestion, given: number, lang: Lang): string {
  if (isNumberQuestion(q)) return numberText(given, q.number.unit, lang);
  const c = q.choices[given];
  return `${String.fromCharCode(65 + given)}. ${c === undefined ? '' : choiceText(c, lang)}`;
}
