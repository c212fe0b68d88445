/** The lesson player beside the diagram: narration, question, what the controllers did, Next/Back. */
import { useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';
import { LESSONS } from './catalog.ts';
import { useLang, useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { useViewClock } from '../ui/hooks.ts';
import { text, useCurrentLesson, useLesson } from './hooks.ts';
import { Question, Reveal, StopCommands, WhatHappened } from './parts.tsx';
import {
  answer,
  back,
  exitLesson,
  isExploring,
  next,
  returnToLesson,
  setHandout,
  setPresenting,
  startLesson,
  stopsOf,
} from './store.ts';
import { LessonCompareButton } from '../compare/LessonCompareButton.tsx';
import { Markdown, MarkdownInline } from '../text/Markdown.tsx';
import './lessons.css';
import '../i18n/features.ts';

/**
 * Keeps the focus in the panel while its controls come and go: an answer replaces the question,
 * Next becomes Skip while the lesson plays, and the next stop brings its own controls. The
 * control that had the focus is then gone, and the browser puts it on the page itself (a screen
 * reader loses its place, Tab starts over). After each render, if that happened, the focus goes to
 * what the lesson asks for now (the skip link's target: the question, or Next, or Skip), else to
 * the lesson's title. A focus the reader moved elsewhere is left where it is.
 */
function useFocusKept(): {
  panel: RefObject<HTMLElement | null>;
  onFocus: (e: FocusEvent) => void;
  onBlur: (e: FocusEvent) => void;
} {
  const panel = useRef<HTMLElement>(null);
  const focused = useRef<Element | null>(null);
  useLayoutEffect(() => {
    const had = focused.current;
    if (!had || had.isConnected) return;
    focused.current = null;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const el = panel.current;
    (el?.querySelector<HTMLElement>('[data-skip="lesson"]') ?? el?.querySelector<HTMLElement>('h2'))?.focus();
  });
  return {
    panel,
    onFocus: (e) => {
      focused.current = e.target;
    },
    // Moved out of the panel, or to nothing while the control is still there (a click beside it).
    onBlur: (e) => {
      const to = e.relatedTarget;
      if (to ? !panel.current?.contains(to) : e.target.isConnected) focused.current = null;
    },
  };
}

export function LessonPanel() {
  const t = useT();
  const lang = useLang();
  const lab = useLab();
  useViewClock();
  const s = useLesson();
  const lesson = useCurrentLesson();
  const { panel, onFocus, onBlur } = useFocusKept();
  if (!lesson || s.presenting) return null;
  const stops = stopsOf(lesson);
  const k = s.stop;
  const stop = stops[k]!;
  const playing = s.heading !== null;
  const exploring = isExploring(lab, s);
  const last = k === stops.length - 1;
  const q = stop.question;
  const answered = s.answers[k] !== undefined;
  const number = LESSONS.indexOf(lesson) + 1;
  return (
    <section
      ref={panel}
      className="panel lesson-panel"
      aria-labelledby="lesson-title"
      data-testid="lesson.panel"
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <header className="lesson-head">
        <h2 id="lesson-title" tabIndex={-1}>
          {/* A teacher's own lesson has no number in the chapter. */}
          {number > 0 && <span className="muted">{t('lessons.lesson', { n: number })} · </span>}
          <MarkdownInline text={text(lesson.title, lang)} />
        </h2>
        <span className="lesson-progress" data-testid="lesson.progress">
          {t('lessons.stopOf', { n: k + 1, total: stops.length })}
        </span>
        <button
          type="button"
          className="lesson-exit"
          onClick={() => exitLesson(lab)}
          aria-label={t('lessons.exit')}
          title={t('lessons.exit')}
        >
          <span aria-hidden="true">×</span>
        </button>
        <progress max={stops.length} value={k + 1} aria-hidden="true" />
      </header>
      {k > 0 && !playing && <Reveal lesson={lesson} k={k - 1} />}
      <div className="lesson-say" data-testid="lesson.say" aria-live="polite">
        <Markdown text={text(stop.say, lang)} />
      </div>
      {q && !playing && !answered && !exploring && (
        <Question key={`${lesson.id}#${k}`} q={q} onAnswer={(i) => answer(lab, i)} />
      )}
      {q && (answered || playing) && <Reveal lesson={lesson} k={k} />}
      {stop.compare && !playing && (
        <p className="lesson-compare">
          <LessonCompareButton preset={stop.compare} className="primary" />
        </p>
      )}
      {exploring && (
        <p className="lesson-exploring" role="status">
          {t('lessons.exploring', { n: k + 1 })}{' '}
          <button type="button" className="primary" onClick={() => void returnToLesson(lab)}>
            {t('lessons.return')}
          </button>
        </p>
      )}
      <div className="lesson-controls">
        <button type="button" onClick={() => void back(lab)} disabled={k === 0 && !playing}>
          ◀ {t('lessons.back')}
        </button>
        {playing ? (
          <>
            <span className="muted lesson-playing" role="status">
              {t('lessons.playing')}
            </span>
            <button type="button" onClick={() => void next(lab, true)} data-skip="lesson">
              {t('lessons.skip')} ▸▸
            </button>
          </>
        ) : last ? (
          <>
            <strong className="lesson-end">{t('lessons.end')}</strong>
            <button type="button" onClick={() => void startLesson(lab, lesson.id)}>
              {t('lessons.restart')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => void next(lab)} data-skip="lesson">
            {q && !answered ? t('lessons.skipQuestion') : t('lessons.next')} ▶
          </button>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => setPresenting(lab, true)} title={t('lessons.presentHint')}>
          {t('lessons.present')}
        </button>
        <button
          type="button"
          onClick={() => setHandout(lab, true)}
          title={t('handout.openHint')}
          aria-haspopup="dialog"
          data-testid="handout.open"
        >
          {t('handout.open')}
        </button>
      </div>
      {!playing && <StopCommands lesson={lesson} k={k} />}
      {!playing && <WhatHappened lesson={lesson} k={k} />}
    </section>
  );
}
