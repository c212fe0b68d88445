/** Pieces of the lesson player shared by the side panel and presentation mode. */
import { useId, useState, type FormEvent } from 'react';
import {
  answerIsRight,
  controllerName,
  explainLoaded,
  type Decision,
  isNumberQuestion,
  type Lesson,
  type LessonQuestion,
  type Text,
} from '../../src/index.ts';
import { useLang, useT, type Lang } from '../i18n/index.ts';
import { formatTime, useFrame } from '../ui/hooks.ts';
import { useHidden } from '../predict/hooks.ts';
import { AnswerFirst } from '../predict/parts.tsx';
import { answerText, choiceText, givenText, readNumber, text, useLesson } from './hooks.ts';
import { stepsOfStop, stopsOf } from './store.ts';
import { Markdown, MarkdownInline } from '../text/Markdown.tsx';
import { printedInOrder } from '../ui/terminal.ts';
import '../i18n/features.ts';

/** The question of stop `k` answered, with its explanation; undefined when it had none. */
export function Reveal({ lesson, k, compact }: { lesson: Lesson; k: number; compact?: boolean }) {
  const t = useT();
  const lang = useLang();
  const { answers } = useLesson();
  const q = stopsOf(lesson)[k]?.question;
  if (!q) return null;
  // No answer when the question was skipped, or its answer shown to a class (REVEALED).
  const given = answers[k] ?? undefined;
  const right = given !== undefined && answerIsRight(q, given);
  // The answer is Markdown inside a translated sentence: render it in the sentence's place.
  const [before, after = ''] = t('lessons.answerIs', { answer: '\u0000' }).split('\u0000');
  return (
    <div className={`lesson-reveal${given === undefined ? '' : right ? ' right' : ' wrong'}`} role="status">
      <p className="lesson-reveal-head">
        {given !== undefined && <strong>{right ? t('lessons.right') : t('lessons.wrong')} </strong>}
        {before}
        <MarkdownInline text={answerText(q, lang)} />
        {after}
        {/* A number is typed, not picked: say what was typed when it was not the answer. */}
        {given !== undefined && !right && isNumberQuestion(q) && (
          <span className="lesson-reveal-given">
            {' '}
            {t('lessons.youAnswered', { answer: givenText(q, given, lang) })}
          </span>
        )}
      </p>
      <div className={compact ? 'lesson-reveal-body lesson-reveal-explain' : 'lesson-reveal-body'}>
        <Markdown text={text(q.explain, lang)} />
      </div>
    </div>
  );
}

/**
 * A number question's answer field: the number (a decimal comma is fine) and its unit; Enter or
 * the button sends it, and anything that is no number says so and sends nothing.
 */
export function NumberField({
  unit,
  onAnswer,
  skip,
  testId = 'lesson.number',
}: {
  unit: string | Text | undefined;
  onAnswer: (n: number) => void;
  /** The skip link's target (the lesson panel's field). */
  skip?: boolean;
  testId?: string;
}) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [bad, setBad] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = readNumber(typed);
    setBad(n === undefined);
    if (n !== undefined) onAnswer(n);
  };
  const u = unit === undefined ? '' : choiceText(unit, lang);
  return (
    <form className="lesson-number" onSubmit={submit} noValidate>
      <label htmlFor={id} className="sr-only">
        {u ? t('lessons.numberIn', { unit: u }) : t('lessons.number')}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        enterKeyHint="send"
        value={typed}
        onChange={(e) => {
          setTyped(e.currentTarget.value);
          setBad(false);
        }}
        aria-invalid={bad}
        aria-describedby={bad ? `${id}-bad` : undefined}
        data-skip={skip ? 'lesson' : undefined}
        data-testid={testId}
      />
      {u && (
        <span className="lesson-number-unit" aria-hidden="true">
          {u}
        </span>
      )}
      <button type="submit" className="primary" data-testid={`${testId}.submit`}>
        {t('lessons.submitNumber')}
      </button>
      {bad && (
        <p id={`${id}-bad`} className="lesson-number-bad" role="alert">
          {t('lessons.notANumber')}
        </p>
      )}
    </form>
  );
}

/**
 * The question at a stop: choices the learner picks, or a number to type, before the animation
 * shows the answer. Without `onAnswer` (presentation mode) the choices are listed, or the unit the
 * number is counted in.
 */
export function Question({ q, onAnswer }: { q: LessonQuestion; onAnswer?: (given: number) => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="lesson-question" role="group" aria-labelledby="lesson-q">
      <p id="lesson-q">
        <strong>{t('lessons.question')}: </strong>
        <MarkdownInline text={text(q.prompt, lang)} />
      </p>
      <Answers q={q} {...(onAnswer ? { onAnswer } : {})} />
    </div>
  );
}

/** A question's way to answer: its choices, or the number field (listed only, without `onAnswer`). */
function Answers({ q, onAnswer }: { q: LessonQuestion; onAnswer?: (given: number) => void }) {
  const t = useT();
  const lang = useLang();
  if (isNumberQuestion(q)) {
    const { unit } = q.number;
    if (onAnswer) return <NumberField unit={unit} onAnswer={onAnswer} skip />;
    return (
      <p className="lesson-number-read">
        {unit ? t('lessons.numberIn', { unit: choiceText(unit, lang) }) : t('lessons.number')}
      </p>
    );
  }
  return onAnswer ? (
    <div className="lesson-choices">
      {q.choices.map((c, i) => (
        <button key={i} type="button" onClick={() => onAnswer(i)} data-skip={i === 0 ? 'lesson' : undefined}>
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
            {printedInOrder(out.stdout, out.stderr)
              .map((p) => p.text)
              .join('')}
          </span>
        )}
      </pre>
    </details>
  );
}

/** Decisions, each with its moment and controller, explained in the app's language. */
function Decisions({ list, lang }: { list: readonly Decision[]; lang: Lang }) {
  return (
    <ul>
      {list.map((d, i) => (
        <li key={`${d.t}-${i}`}>
          <span className="lesson-why-meta">
            {formatTime(d.t)} · {controllerName(d.controller, lang)}
          </span>{' '}
          {explainLoaded(d, lang)}
        </li>
      ))}
    </ul>
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
      d.code === 'endpoints.reselected' ||
      d.code.startsWith('pod.readiness') ||
      d.code === 'pod.neverReady',
  );
  const rest = all.filter((d) => !main.includes(d));
  const shown = main.slice(-limit);
  const more = [...main.slice(0, Math.max(0, main.length - limit)), ...rest].sort((a, b) => a.t - b.t);
  // Who made them, in the order they first acted.
  const who = [...new Set(more.map((d) => controllerName(d.controller, lang)))].join(', ');
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
        <Decisions list={shown} lang={lang} />
      )}
      {more.length > 0 && (
        <details>
          <summary>{t('lessons.moreDecisions', { n: more.length, who })}</summary>
          <Decisions list={more.slice(-40)} lang={lang} />
        </details>
      )}
    </section>
  );
}
