/**
 * The presenter window (`?presenter=1&lesson=…`), opened from the presenting window: notes for
 * the current stop (narration, the question and its answer), the next stop, a timer, and
 * Back/Next/Blank, which it sends to the presenting window over the BroadcastChannel.
 */
import { useEffect, useRef, useState } from 'react';
import { LESSONS, lessonById, loadLessons } from '../lessons/catalog.ts';
import { useLang, useT } from '../i18n/index.ts';
import { ownsKey } from '../layout/keyboard.ts';
import { LanguageSelect } from '../ui/HeaderControls.tsx';
import { isNumberQuestion, type LessonQuestion } from '../../src/index.ts';
import { answerText, choiceText, text } from '../lessons/hooks.ts';
import { stopsOf } from '../lessons/store.ts';
import { learnLesson, openChannel, type PresentMessage, type PresentState } from './channel.ts';
import { ClassPanel } from '../classroom/ClassPanel.tsx';
import type { ClassSnapshot } from '../classroom/store.ts';
import '../lessons/lessons.css';
import './present.css';
import { Markdown, MarkdownInline } from '../text/Markdown.tsx';
import { plainText } from '../text/markdown.ts';
import '../i18n/features.ts';

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The choices with the right one marked, or what a number question asks for (its unit). */
function QuestionAnswers({ q }: { q: LessonQuestion }) {
  const t = useT();
  const lang = useLang();
  if (isNumberQuestion(q))
    return (
      <p className="muted">
        {q.number.unit
          ? t('lessons.numberIn', { unit: choiceText(q.number.unit, lang) })
          : t('lessons.number')}
      </p>
    );
  return (
    <ol type="A">
      {q.choices.map((c, i) => (
        <li key={i} className={i === q.answer ? 'answer' : undefined}>
          <MarkdownInline text={choiceText(c, lang)} />
        </li>
      ))}
    </ol>
  );
}

export default function PresenterView() {
  const t = useT();
  const lang = useLang();
  const [state, setState] = useState<PresentState | null>(null);
  const [klass, setKlass] = useState<ClassSnapshot | null>(null);
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  const [started, setStarted] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const urlLesson = new URLSearchParams(window.location.search).get('lesson');
  const [, setLoaded] = useState(false);
  useEffect(() => {
    void loadLessons().then(() => setLoaded(true));
  }, []);

  useEffect(() => {
    const ch = openChannel();
    if (!ch) return;
    ch.onmessage = (e: MessageEvent<PresentMessage>) => {
      if (e.data.type === 'state') {
        const { type: _type, ...st } = e.data;
        learnLesson(st);
        setState(st);
      } else if (e.data.type === 'class') setKlass(e.data.state);
    };
    ch.postMessage({ type: 'hello' } satisfies PresentMessage);
    channel.current = ch;
    return () => ch.close();
  }, []);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);

  const send = (cmd: 'next' | 'back' | 'blank' | 'reveal' | 'export') =>
    channel.current?.postMessage({ type: 'command', cmd } satisfies PresentMessage);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const map: Record<string, 'next' | 'back' | 'blank' | 'reveal'> = {
        PageDown: 'next',
        ArrowRight: 'next',
        ' ': 'next',
        PageUp: 'back',
        ArrowLeft: 'back',
        b: 'blank',
        B: 'blank',
        r: 'reveal',
        R: 'reveal',
      };
      const cmd = map[e.key];
      // Keys typed in a field (the audience link, the language) move its cursor, not the class's
      // slides; Space on a button presses it.
      if (
        !cmd ||
        ownsKey(e.target, e.key) ||
        (e.key === ' ' && e.target instanceof Element && e.target.closest('button'))
      )
        return;
      e.preventDefault();
      channel.current?.postMessage({ type: 'command', cmd } satisfies PresentMessage);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const lesson = lessonById(state?.id ?? urlLesson ?? '') ?? undefined;
  const stops = lesson ? stopsOf(lesson) : [];
  const k = state?.stop ?? 0;
  const stop = stops[k];
  const nextStop = stops[k + 1];
  const audience = lesson
    ? `${window.location.origin}${window.location.pathname}?audience=1&lesson=${encodeURIComponent(lesson.id)}`
    : '';
  return (
    <div className="presenter" data-testid="presenter.root">
      <header className="presenter-head">
        <h1>
          {t('present.presenterView')}
          {lesson && (
            <span className="muted">
              {' '}
              · {LESSONS.indexOf(lesson) + 1}. <MarkdownInline text={text(lesson.title, lang)} />
            </span>
          )}
        </h1>
        <span className="presenter-progress" data-testid="presenter.progress">
          {lesson ? t('present.progress', { n: k + 1, total: stops.length }) : ''}
          {state?.heading !== null && state?.heading !== undefined ? ' ▸' : ''}
        </span>
        <span className="presenter-timer" role="timer" aria-label={t('present.timer')}>
          {t('present.timer')} {clock(now - started)}
        </span>
        <button type="button" onClick={() => setStarted(Date.now())}>
          {t('present.resetTimer')}
        </button>
        <LanguageSelect />
      </header>
      {!state && <p className="muted">{t('present.waiting')}</p>}
      {!lesson ? (
        <p>{t('present.noLesson')}</p>
      ) : (
        <div className="presenter-grid">
          <section className="presenter-now" aria-labelledby="presenter-now-h">
            <h2 id="presenter-now-h">{t('present.now')}</h2>
            <div className="presenter-say" data-testid="presenter.say">
              <Markdown text={text(stop?.say, lang)} />
            </div>
            {stop?.notes && (
              <>
                <h3>{t('present.notes')}</h3>
                <Markdown text={text(stop.notes, lang)} />
              </>
            )}
            {stop?.question && (
              <div className="presenter-question">
                <p>
                  <strong>{t('lessons.question')}: </strong>
                  <MarkdownInline text={text(stop.question.prompt, lang)} />
                </p>
                <QuestionAnswers q={stop.question} />
                <p>
                  <strong>
                    {t('present.answer', { answer: plainText(answerText(stop.question, lang)) })}
                  </strong>
                </p>
                <Markdown text={text(stop.question.explain, lang)} />
              </div>
            )}
            {klass && (
              <ClassPanel
                state={klass}
                question={state?.heading === null ? stop?.question : undefined}
                onReveal={() => send('reveal')}
                onExport={() => send('export')}
              />
            )}
            <pre className="presenter-cmd">{stops[k] ? `$ ${stops[k].run}` : ''}</pre>
          </section>
          <section className="presenter-next" aria-labelledby="presenter-next-h">
            <h2 id="presenter-next-h">{t('present.nextStop')}</h2>
            {nextStop ? (
              <div data-testid="presenter.next">
                <Markdown text={text(nextStop.say, lang)} />
              </div>
            ) : (
              <p className="muted">{t('present.noNext')}</p>
            )}
          </section>
        </div>
      )}
      <footer className="presenter-controls">
        <button type="button" onClick={() => send('back')} disabled={!state}>
          ◀ {t('lessons.back')}
        </button>
        <button type="button" className="primary" onClick={() => send('next')} disabled={!state}>
          {t('lessons.next')} ▶
        </button>
        <button
          type="button"
          onClick={() => send('blank')}
          disabled={!state}
          aria-pressed={state?.blank ?? false}
        >
          {t('present.blank')}
        </button>
        {audience && (
          <label className="presenter-link">
            {t('present.audienceLink')}
            <input readOnly value={audience} onFocus={(e) => e.currentTarget.select()} />
          </label>
        )}
      </footer>
    </div>
  );
}
