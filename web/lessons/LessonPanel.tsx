/** The lesson player beside the diagram: narration, question, what the controllers did, Next/Back. */
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

export function LessonPanel() {
  const t = useT();
  const lang = useLang();
  const lab = useLab();
  useViewClock();
  const s = useLesson();
  const lesson = useCurrentLesson();
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
    <section className="panel lesson-panel" aria-labelledby="lesson-title" data-testid="lesson.panel">
      <header className="lesson-head">
        <h2 id="lesson-title">
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
