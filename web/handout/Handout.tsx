/**
 * A lesson's handout, over the app: the title, then per stop its narration, the commands run since
 * the previous stop, the diagram at that moment (the app's own <Diagram>, drawn still from a
 * Frame of a Run of the lesson seeked to the stop) and its question with room to answer; the
 * answer key last. Print it (or save it as PDF: handout.css is its print style), or download it as
 * Markdown. In the app's language; Esc or Close returns to the lesson.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  createRun,
  hiddenElements,
  lessonScenario,
  loadExtensions,
  type Frame,
  type Lesson,
} from '../../src/index.ts';
import { Diagram } from '../diagram/Diagram.tsx';
import { translate, useLang, useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { setHandout, stopsOf } from '../lessons/store.ts';
import { HiddenAtStop } from '../predict/hooks.ts';
import { saveFile } from '../share/store.ts';
import { Markdown, MarkdownInline } from '../text/Markdown.tsx';
import { formatTime } from '../ui/hooks.ts';
import { handoutFileName, handoutMarkdown, handoutOf, shellLine } from './handout.ts';
import './handout.css';
import '../i18n/features.ts';

interface Stills {
  frames: Frame[];
  error: string | null;
}

/**
 * The Frame at each stop, from one Run of the lesson moved forward stop by stop, a stop per task so
 * the page stays responsive while a long lesson replays.
 */
function useStills(lesson: Lesson): Stills {
  const [stills, setStills] = useState<Stills>({ frames: [], error: null });
  useEffect(() => {
    let cancelled = false;
    setStills({ frames: [], error: null });
    void (async () => {
      try {
        await loadExtensions();
        const run = createRun(lessonScenario(lesson), { freeze: import.meta.env.DEV });
        const frames: Frame[] = [];
        for (const stop of stopsOf(lesson)) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (cancelled) return;
          run.seek(stop.at);
          frames.push(run.frame());
          setStills({ frames: [...frames], error: null });
        }
      } catch (e) {
        if (!cancelled) setStills((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [lesson]);
  return stills;
}

/** While open: the app behind is inert, Esc closes, the app's shortcuts wait; focus returns after. */
function useModal(close: () => void) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const app = document.getElementById('root');
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (app) app.inert = true;
    root.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
      // Space must not play the lesson behind, nor P present it; Tab and Enter still act here.
      if (!e.ctrlKey && !e.metaKey) e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (app) app.inert = false;
      // Back to the button that opened it.
      opener?.focus();
    };
  }, [close]);
  return root;
}

export default function Handout({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const lang = useLang();
  const lab = useLab();
  const data = useMemo(() => handoutOf(lesson, lang), [lesson, lang]);
  const { frames, error } = useStills(lesson);
  const close = useCallback(() => setHandout(lab, false), [lab]);
  const root = useModal(close);
  const total = data.stops.length;
  const ready = frames.length === total && !error;
  const asked = data.stops.filter((s) => s.question);
  const download = () =>
    saveFile(
      handoutFileName(lesson, lang),
      handoutMarkdown(lesson, lang, translate),
      'text/markdown;charset=utf-8',
    );
  return (
    <div
      ref={root}
      className="handout"
      role="dialog"
      aria-modal="true"
      aria-labelledby="handout-title"
      tabIndex={-1}
      data-testid="handout.root"
      data-ready={ready ? 'true' : 'false'}
    >
      <div className="handout-bar">
        <button type="button" className="primary" onClick={() => window.print()} disabled={!ready}>
          {t('handout.print')}
        </button>
        <button type="button" onClick={download}>
          {t('handout.markdown')}
        </button>
        <span className="handout-status" role="status">
          {error
            ? t('handout.failed', { message: error })
            : ready
              ? t('handout.ready')
              : t('handout.preparing', { n: frames.length, total })}
        </span>
        <button type="button" onClick={close}>
          {t('handout.close')}
        </button>
      </div>
      <article className="handout-page" lang={lang}>
        <header className="handout-head">
          <p className="handout-kicker">
            {t('handout.label')} · {t('handout.stops', { n: total })}
          </p>
          <h1 id="handout-title">
            <MarkdownInline text={data.title} />
          </h1>
          {data.summary && (
            <p className="handout-summary">
              <MarkdownInline text={data.summary} />
            </p>
          )}
        </header>
        {data.stops.map((s, k) => {
          const time = formatTime(s.at);
          const frame = frames[k];
          return (
            <section
              key={s.n}
              className="handout-stop"
              aria-labelledby={`handout-stop-${s.n}`}
              data-testid="handout.stop"
            >
              <h2 id={`handout-stop-${s.n}`}>{t('handout.stop', { n: s.n, time })}</h2>
              <div className="handout-say">
                <Markdown text={s.say} />
              </div>
              <h3>{t('handout.commands')}</h3>
              {s.commands.length ? (
                <pre className="handout-commands" data-testid="handout.commands">
                  {s.commands.map((c) => `$ ${shellLine(c)}`).join('\n')}
                </pre>
              ) : (
                <p className="muted">{t('handout.noCommands')}</p>
              )}
              <figure className="handout-figure" data-testid="handout.figure">
                {frame ? (
                  // Drawn as the lesson shows it while this stop's question is open: what would
                  // give the answer away is hidden (the answer key has it).
                  <HiddenAtStop.Provider value={hiddenElements(lesson, k, false)}>
                    <div className="handout-diagram" inert>
                      <Diagram fit="width" still={frame} />
                    </div>
                  </HiddenAtStop.Provider>
                ) : (
                  <div className="handout-diagram handout-diagram--waiting" />
                )}
                <figcaption>{t('handout.diagram', { time })}</figcaption>
              </figure>
              {s.question && (
                <div className="handout-question">
                  <p>
                    <strong>{t('lessons.question')}: </strong>
                    <MarkdownInline text={s.question.prompt} />
                  </p>
                  {s.question.choices.length > 0 && (
                    <ol type="A">
                      {s.question.choices.map((c, i) => (
                        <li key={i}>
                          <MarkdownInline text={c} />
                        </li>
                      ))}
                    </ol>
                  )}
                  <p className="handout-answer-line">
                    {t('handout.yourAnswer')}:{/* A number is written on the line, before its unit. */}
                    {s.question.unit && <span className="handout-unit">{s.question.unit}</span>}
                  </p>
                </div>
              )}
            </section>
          );
        })}
        {asked.length > 0 && (
          <section className="handout-key" aria-labelledby="handout-key-h" data-testid="handout.key">
            <h2 id="handout-key-h">{t('handout.answerKey')}</h2>
            {asked.map((s) => {
              const q = s.question!;
              return (
                <div key={s.n} className="handout-key-item">
                  <h3>{t('handout.stopShort', { n: s.n })}</h3>
                  <p>
                    <strong>
                      <MarkdownInline text={q.key} />
                    </strong>
                  </p>
                  <Markdown text={q.explain} />
                </div>
              );
            })}
          </section>
        )}
      </article>
    </div>
  );
}
