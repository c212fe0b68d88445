/** The list of built-in lessons: title, one-line summary, length. */
import { useEffect, useRef, useState } from 'react';
import { stopIndices } from '../../src/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import { LESSONS } from './catalog.ts';
import { useLang, useT } from '../i18n/index.ts';
import { useReturnFocus } from '../layout/focus.ts';
import { text } from './hooks.ts';
import { closePicker, startLesson } from './store.ts';
import { MarkdownInline } from '../text/Markdown.tsx';
import { resetProgress, summarize, useProgress } from './progress.ts';
import './lessons.css';
import '../i18n/features.ts';

/** Focuses the element with `id` once it is drawn (within a second of frames), if it ever is. */
function focusWhenDrawn(id: string, frames = 60): void {
  const el = document.getElementById(id);
  if (el) el.focus();
  else if (frames > 0) requestAnimationFrame(() => focusWhenDrawn(id, frames - 1));
}

export function LessonPicker() {
  const t = useT();
  const lang = useLang();
  const lab = useLab();
  const close = () => closePicker(lab);
  // Into the lesson just opened (its heading), not back to the Lessons button that opened the list.
  const choose = async (id: string) => {
    await startLesson(lab, id);
    focusWhenDrawn('lesson-title');
  };
  const presents = useLabState((st) => st.lesson.pickerPresents);
  const ref = useRef<HTMLDialogElement>(null);
  useReturnFocus();
  const progress = useProgress();
  const [confirming, setConfirming] = useState(false);
  const anyProgress = Object.keys(progress.lessons).length > 0;
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className="lesson-picker"
      aria-labelledby="lesson-picker-h"
      onClose={close}
      onCancel={close}
      data-testid="lessons.picker"
    >
      <header>
        <h2 id="lesson-picker-h">{t(presents ? 'lessons.pickerTitlePresent' : 'lessons.pickerTitle')}</h2>
        {/* A teacher's own lesson: written in the builder, beside the diagram. */}
        <button
          type="button"
          className="lesson-picker-build"
          // The builder's store and drafts load when it is first opened.
          onClick={() => void import('../builder/store.ts').then((m) => m.openBuilder(lab))}
          data-testid="builder.open"
        >
          {t('builder.button')}
        </button>
        <button type="button" onClick={close} aria-label={t('lessons.close')}>
          ✕
        </button>
      </header>
      <p className="muted">{t('lessons.pickerIntro')}</p>
      <ol className="lesson-list">
        {LESSONS.map((l, i) => {
          const stops = stopIndices(l).length;
          const questions = l.scenario.spec.steps.filter((s) => s.question).length;
          const p = summarize(progress, l);
          return (
            <li key={l.id}>
              <button type="button" className="lesson-item" onClick={() => void choose(l.id)}>
                <span className="lesson-item-n">{i + 1}</span>
                <span className="lesson-item-body">
                  <span className="lesson-item-title">
                    <MarkdownInline text={text(l.title, lang)} />
                  </span>
                  <span className="lesson-item-summary">
                    <MarkdownInline text={text(l.summary, lang)} />
                  </span>
                  {p.reached > 0 && (
                    <span
                      className={p.completed ? 'lesson-item-progress done' : 'lesson-item-progress'}
                      data-testid={`progress.${l.id}`}
                    >
                      {p.completed
                        ? `✓ ${t('progress.done')}`
                        : t('progress.at', { n: p.reached, total: p.stops })}
                      {p.answered > 0 && ` · ${t('progress.answers', { right: p.right, n: p.answered })}`}
                    </span>
                  )}
                </span>
                <span className="lesson-item-meta">
                  {t('lessons.minutes', { n: l.minutes })}
                  <br />
                  {t('lessons.stops', { n: stops })}
                  {questions > 0 && (
                    <>
                      <br />
                      {t('lessons.questions', { n: questions })}
                    </>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <footer className="lesson-picker-foot">
        <span className="muted">{t('progress.note')}</span>
        {confirming ? (
          <span role="group" aria-label={t('progress.reset')}>
            <span>{t('progress.resetConfirm')} </span>
            <button
              type="button"
              className="danger"
              onClick={() => {
                resetProgress();
                setConfirming(false);
              }}
            >
              {t('progress.reset')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('share.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={!anyProgress}>
            {t('progress.reset')}
          </button>
        )}
      </footer>
    </dialog>
  );
}
