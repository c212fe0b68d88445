/** Pieces of the lesson player shared by the side panel and presentation mode. */
import { controllerName, explain, type Lesson, type LessonQuestion } from '../../src/index.ts';
import { useLang, useT } from '../i18n/index.ts';
import { formatTime, useFrame } from '../ui/hooks.ts';
import { useHidden } from '../predict/hooks.ts';
import { AnswerFirst } from '../predict/parts.tsx';
import { choiceText, text, useLesson } from './hooks.ts';
import { REVEALED, stepsOfStop, stopsOf } from './store.ts';
import { Markdown, MarkdownInline } from '../text/Markdown.tsx';

/** The question of stop `k` answered, with its explanation; undefined when it had none. */
export function Reveal({ lesson, k, compact }: { lesson: Lesson; k: number; compact?: boolean }) {
  const t = useT();
  const lang = useLang();
  const { answers } = useLesson();
  const q = stopsOf(lesson)[k]?.question;
  if (!q) return null;
  // No choice when the question was skipped, or its answer shown to a class (REVEALED).
  const chosen = answers[k] === REVEALED ? undefined : answers[k];
  const right = chosen === q.answer;
  // The answer is Markdown inside a translated sentence: render it in the sentence's place.
  const [before, after = ''] = t('lessons.answerIs', { answer: '\u0000' }).split('\u0000');
  return (
    <div className={`lesson-reveal${chosen === undefined ? '' : right ? ' right' : ' wrong'}`} role="status">
      <p className="lesson-reveal-head">
        {chosen !== undefined && <strong>{right ? t('lessons.right') : t('lessons.wrong')} </strong>}
        {before}
        <MarkdownInline text={choiceText(q.choices[q.answer]!, lang)} />
        {after}
      </p>
      <div className={compact ? 'lesson-reveal-body lesson-reveal-explain' : 'lesson-reveal-body'}>
        <Markdown text={text(q.explain, lang)} />
      </div>
    </div>
  );
}

/** The question at a stop: choices the learner picks before the animation shows the answer. */
export function Question({ q, onAnswer }: { q: LessonQuestion; onAnswer?: (i: number) => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="lesson-question" role="group" aria-labelledby="lesson-q">
      <p id="lesson-q">
        <strong>{t('lessons.question')}: </strong>
        <MarkdownInline text={text(q.prompt, lang)} />
      </p>
      {onAnswer ? (
        <div className="lesson-choices">
          {q.choices.map((c, i) => (
            <button
              key={i}
              type="button"
              onClick={() => onAnswer(i)}
              data-skip={i === 0 ? 'lesson' : undefined}
            >
              <MarkdownInline text={choiceText(c, lang)} />
            </button>
          ))}
        </div>
      ) : (
        <ol className="lesson-choices lesson-choices--read" type="A">
          {q.choices.map((c, i) => (
            <li key={i}>
              <MarkdownInline text={choiceText(c, lang)} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Commands run since the previous stop, the last one with what it printed. */
export function StopCommands({ lesson, k }: { lesson: Lesson; k: number }) {
  const t = useT();
  const frame = useFrame();
  const steps = stepsOfStop(lesson, k);
  if (steps.length === 0) return null;
  const last = steps[steps.length - 1]!;
  // What the last command printed, as the Run recorded it when it ran (once it has).
  const ran = frame.steps.find(
    (s) => s.run === last.run && Math.abs(s.at - last.at) < 1e-6 && s.ranAt !== undefined,
  );
  const out = ran ? { stdout: ran.stdout, stderr: ran.stderr } : undefined;
  return (
    <details className="lesson-commands" open>
      <summary>{t('lessons.commands')}</summary>
      {/* Scrolls when its output is wider or longer than the panel: reachable by keyboard. */}
      <pre tabIndex={0} role="region" aria-label={t('lessons.commands')}>
        {steps.map((s, i) => (
          <span key={i}>
            <span className="lesson-cmd-t">{formatTime(s.at)}</span> $ {s.run}
            {s.stdin ? ' <<EOF …' : ''}
            {'\n'}
          </span>
        ))}
        {out && (
          <span className="lesson-cmd-out">
            {out.stdout}
            {out.stderr}
          </span>
        )}
      </pre>
    </details>
  );
}

/** The controllers' decisions since the previous stop, explained in the app's language. */
export function WhatHappened({ lesson, k, limit = 5 }: { lesson: Lesson; k: number; limit?: number }) {
  const t = useT();
  const lang = useLang();
  const frame = useFrame();
  // Predict mode: the decisions carry the arithmetic an open question asks for.
  const hidden = useHidden('why');
  const stops = stopsOf(lesson);
  const from = k > 0 ? stops[k - 1]!.at : -1;
  const to = frame.t;
  const all = frame.decisions.filter((d) => d.t > from + 1e-6 && d.t <= to + 1e-6);
  const main = all.filter(
    (d) =>
      d.controller === 'deployment-controller' ||
      d.code === 'schedule.failed' ||
      d.code.startsWith('pod.readiness') ||
      d.code === 'pod.neverReady',
  );
  const rest = all.filter((d) => !main.includes(d));
  const shown = main.slice(-limit);
  if (hidden)
    return (
      <section className="lesson-why" aria-label={t('lessons.whatHappened')}>
        <h3>{t('lessons.whatHappened')}</h3>
        <AnswerFirst long={t('predict.why')} />
      </section>
    );
  return (
    <section className="lesson-why" aria-label={t('lessons.whatHappened')}>
      <h3>{t('lessons.whatHappened')}</h3>
      {all.length === 0 ? (
        <p className="muted">{t('lessons.nothingHappened')}</p>
      ) : (
        <ul>
          {shown.map((d, i) => (
            <li key={`${d.t}-${i}`}>
              <span className="lesson-why-meta">
                {formatTime(d.t)} · {controllerName(d.controller, lang)}
              </span>{' '}
              {explain(d, lang)}
            </li>
          ))}
        </ul>
      )}
      {rest.length + Math.max(0, main.length - limit) > 0 && (
        <details>
          <summary>
            {t('lessons.moreDecisions', { n: rest.length + Math.max(0, main.length - limit) })}
          </summary>
          <ul>
            {[...main.slice(0, Math.max(0, main.length - limit)), ...rest]
              .sort((a, b) => a.t - b.t)
              .slice(-40)
              .map((d, i) => (
                <li key={`${d.t}-${i}`}>
                  <span className="lesson-why-meta">
                    {formatTime(d.t)} · {controllerName(d.controller, lang)}
                  </span>{' '}
                  {explain(d, lang)}
                </li>
              ))}
          </ul>
        </details>
      )}
    </section>
  );
}
