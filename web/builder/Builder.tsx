/**
 * The lesson builder: a panel in the side column beside the diagram and the playback bar, so the
 * teacher plays, scrubs and runs commands to a moment and presses "Add stop". Each stop opens a
 * form: narration in English and Korean (Markdown), an optional question, optional claims.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { REVEAL_ELEMENTS, type RevealElement } from '../../src/index.ts';
import { useLang, useT } from '../i18n/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import { useReturnFocus } from '../layout/focus.ts';
import { LESSONS } from '../lessons/catalog.ts';
import { formatTime, useFrame } from '../ui/hooks.ts';
import { claimFailureText } from './claimText.ts';
import {
  newNumber,
  newQuestion,
  safeName,
  stopIndexes,
  type Both,
  type Draft,
  type DraftNumber,
  type DraftQuestion,
} from './draft.ts';
import {
  addStop,
  checkDraftClaims,
  closeBuilder,
  deleteDraftStop,
  editDraft,
  editStop,
  exportDraft,
  moveDraftStop,
  play,
  playLesson,
  present,
  selectStop,
  shareDraft,
  startDraft,
  useBuilder,
} from './store.ts';
import './builder.css';
import '../i18n/features.ts';

/** Two fields side by side (stacked when narrow): the English and the Korean of one text. */
function BothFields(props: {
  label: string;
  value: Both;
  onChange: (v: Both) => void;
  multiline?: boolean;
  testId?: string;
}) {
  const t = useT();
  const id = useId();
  const field = (lang: 'en' | 'ko') => {
    const common = {
      id: `${id}-${lang}`,
      value: props.value[lang],
      lang,
      'data-testid': props.testId ? `${props.testId}.${lang}` : undefined,
      onChange: (e: { currentTarget: { value: string } }) =>
        props.onChange({ ...props.value, [lang]: e.currentTarget.value }),
    };
    return (
      <label className="builder-lang" htmlFor={common.id}>
        <span className="builder-lang-name">{t(`builder.${lang}`)}</span>
        {props.multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      </label>
    );
  };
  return (
    <fieldset className="builder-both">
      <legend>{props.label}</legend>
      {field('en')}
      {field('ko')}
    </fieldset>
  );
}

/** A number question's right answer as typed: the number, how far off still counts, the unit. */
function NumberForm({ n, onChange }: { n: DraftNumber; onChange: (n: DraftNumber) => void }) {
  const t = useT();
  const id = useId();
  const field = (key: 'answer' | 'tolerance', label: string) => (
    <label className="builder-lang" htmlFor={`${id}-${key}`}>
      <span className="builder-lang-name">{label}</span>
      <input
        id={`${id}-${key}`}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={n[key]}
        onChange={(e) => onChange({ ...n, [key]: e.currentTarget.value })}
        data-testid={`builder.number.${key}`}
      />
    </label>
  );
  return (
    <>
      <fieldset className="builder-both builder-number">
        <legend>{t('builder.numberAnswer')}</legend>
        {field('answer', t('builder.numberRight'))}
        {field('tolerance', t('builder.tolerance'))}
      </fieldset>
      <BothFields
        label={t('builder.unit')}
        value={n.unit}
        onChange={(unit) => onChange({ ...n, unit })}
        testId="builder.number.unit"
      />
    </>
  );
}

function QuestionForm({ k, q }: { k: number; q: DraftQuestion }) {
  const t = useT();
  const setQ = (patch: Partial<DraftQuestion>) => editStop(k, { question: { ...q, ...patch } });
  const setChoice = (i: number, c: Both) => setQ({ choices: q.choices.map((x, n) => (n === i ? c : x)) });
  const name = useId();
  // Choices or a number: what the other kind had typed stays in the draft for a switch back.
  const setKind = (number: boolean) => {
    const { kind: _kind, ...rest } = q;
    editStop(k, { question: number ? { ...rest, kind: 'number', number: q.number ?? newNumber() } : rest });
  };
  const isNumber = q.kind === 'number';
  // A choice removed from the keyboard: its ✕ is gone, so the focus goes to the text of the choice
  // now in its place (or the last one), not to the page.
  const choicesRef = useRef<HTMLFieldSetElement>(null);
  const focusChoice = useRef<number | null>(null);
  useEffect(() => {
    const i = focusChoice.current;
    focusChoice.current = null;
    if (i !== null)
      choicesRef.current?.querySelector<HTMLElement>(`[data-testid="builder.choice.${i}"]`)?.focus();
  }, [q.choices]);
  return (
    <div className="builder-question">
      <BothFields
        label={t('builder.prompt')}
        value={q.prompt}
        onChange={(prompt) => setQ({ prompt })}
        testId="builder.prompt"
      />
      <fieldset className="builder-kind">
        <legend>{t('builder.answerWith')}</legend>
        <label className="inline">
          <input
            type="radio"
            name={`${name}-kind`}
            checked={!isNumber}
            onChange={() => setKind(false)}
            data-testid="builder.kind.choices"
          />{' '}
          {t('builder.kindChoices')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name={`${name}-kind`}
            checked={isNumber}
            onChange={() => setKind(true)}
            data-testid="builder.kind.number"
          />{' '}
          {t('builder.kindNumber')}
        </label>
      </fieldset>
      {isNumber ? (
        <NumberForm n={q.number ?? newNumber()} onChange={(number) => setQ({ number })} />
      ) : (
        <fieldset className="builder-choices" ref={choicesRef}>
          <legend>{t('builder.choices')}</legend>
          {q.choices.map((c, i) => (
            <div className="builder-choice" key={i}>
              <input
                type="radio"
                name={name}
                checked={q.answer === i}
                onChange={() => setQ({ answer: i })}
                aria-label={t('builder.rightChoice', { n: i + 1 })}
                data-testid={`builder.right.${i}`}
              />
              <input
                type="text"
                value={c.en}
                lang="en"
                aria-label={`${t('builder.choice', { n: i + 1 })} (${t('builder.en')})`}
                onChange={(e) => setChoice(i, { ...c, en: e.currentTarget.value })}
                data-testid={`builder.choice.${i}`}
              />
              <input
                type="text"
                value={c.ko}
                lang="ko"
                aria-label={`${t('builder.choice', { n: i + 1 })} (${t('builder.ko')})`}
                onChange={(e) => setChoice(i, { ...c, ko: e.currentTarget.value })}
              />
              <button
                type="button"
                className="builder-icon"
                disabled={q.choices.length <= 2}
                aria-label={t('builder.removeChoice', { n: i + 1 })}
                title={t('builder.removeChoice', { n: i + 1 })}
                onClick={() => {
                  focusChoice.current = Math.min(i, q.choices.length - 2);
                  setQ({
                    choices: q.choices.filter((_, n) => n !== i),
                    answer: q.answer === i ? 0 : q.answer > i ? q.answer - 1 : q.answer,
                  });
                }}
              >
                ✕
              </button>
            </div>
          ))}
          <button
            type="button"
            disabled={q.choices.length >= 8}
            onClick={() => setQ({ choices: [...q.choices, { en: '', ko: '' }] })}
          >
            {t('builder.addChoice')}
          </button>
        </fieldset>
      )}
      <BothFields
        label={t('builder.explain')}
        value={q.explain}
        onChange={(explain) => setQ({ explain })}
        multiline
      />
      <fieldset className="builder-reveals">
        <legend>{t('builder.reveals')}</legend>
        {REVEAL_ELEMENTS.map((r: RevealElement) => (
          <label key={r} className="inline">
            <input
              type="checkbox"
              checked={q.reveals.includes(r)}
              onChange={(e) =>
                setQ({
                  reveals: e.currentTarget.checked
                    ? REVEAL_ELEMENTS.filter((x) => x === r || q.reveals.includes(x))
                    : q.reveals.filter((x) => x !== r),
                })
              }
            />{' '}
            {t(`builder.reveal.${r}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function StopForm({ draft, k }: { draft: Draft; k: number }) {
  const t = useT();
  const idx = stopIndexes(draft);
  const step = draft.steps[idx[k]!]!;
  const steps = draft.steps.slice((idx[k - 1] ?? -1) + 1, idx[k]! + 1);
  const problems = useBuilder((s) => s.problems).filter((p) => p.stop === k);
  const claimsId = useId();
  const q = step.question;
  // What a play, share or check found wrong shows where the teacher fixes it (a claim's problem
  // under the claims, the question's or narration's above them) and comes into view: the form is
  // taller than the panel at 1280×720.
  const claimProblems = problems.filter((p) => p.claims);
  const otherProblems = problems.filter((p) => !p.claims);
  const formRef = useRef<HTMLDivElement>(null);
  const problemsText = problems.map((p) => p.message).join('\n');
  useEffect(() => {
    if (problemsText)
      formRef.current?.querySelector('.builder-problem')?.scrollIntoView({ block: 'nearest' });
  }, [problemsText]);
  const problemList = (list: typeof problems, id?: string) =>
    list.length > 0 && (
      <div id={id}>
        {list.map((p, i) => (
          <p key={i} className="builder-problem" role="alert" data-testid="builder.stopProblem">
            {p.failure
              ? `${p.failure.at === undefined ? '' : `${p.failure.at} `}${claimFailureText(p.failure.result, t)}`
              : p.message}
          </p>
        ))}
      </div>
    );
  return (
    <div className="builder-form" ref={formRef} data-testid={`builder.form.${k}`}>
      <details className="builder-steps">
        <summary>{t('builder.steps')}</summary>
        <pre tabIndex={0}>{steps.map((s) => `${formatTime(s.at)} $ ${s.run}`).join('\n')}</pre>
      </details>
      <BothFields
        label={t('builder.narration')}
        value={step.say ?? { en: '', ko: '' }}
        onChange={(say) => editStop(k, { say })}
        multiline
        testId="builder.say"
      />
      <label className="inline builder-ask">
        <input
          type="checkbox"
          checked={q !== undefined}
          onChange={(e) => editStop(k, { question: e.currentTarget.checked ? newQuestion() : undefined })}
          data-testid="builder.ask"
        />{' '}
        {t('builder.ask')}
      </label>
      {q && <QuestionForm k={k} q={q} />}
      {problemList(otherProblems)}
      <label className="builder-claims" htmlFor={claimsId}>
        <span>{t('builder.claims')}</span>
        <textarea
          id={claimsId}
          rows={2}
          spellCheck={false}
          value={step.claims ?? ''}
          aria-invalid={claimProblems.length > 0}
          aria-describedby={
            claimProblems.length ? `${claimsId}-problems ${claimsId}-hint` : `${claimsId}-hint`
          }
          onChange={(e) => editStop(k, { claims: e.currentTarget.value || undefined })}
          data-testid="builder.claims"
        />
        <span id={`${claimsId}-hint`} className="muted">
          {t('builder.claimsHint')}
        </span>
      </label>
      {problemList(claimProblems, `${claimsId}-problems`)}
      <button
        type="button"
        className="builder-check"
        onClick={() => void checkDraftClaims()}
        data-testid="builder.checkClaims"
      >
        {t('builder.checkClaims')}
      </button>
      <BothFields
        label={t('builder.notes')}
        value={step.notes ?? { en: '', ko: '' }}
        onChange={(notes) => editStop(k, { notes })}
        multiline
      />
    </div>
  );
}

function StartOver({ draft }: { draft: Draft }) {
  const t = useT();
  const lang = useLang();
  const lab = useLab();
  const [template, setTemplate] = useState('');
  const [asking, setAsking] = useState(false);
  const stops = stopIndexes(draft).length;
  // The question replaces the button that asked it, and the button comes back in its place: the
  // focus follows (to Cancel, the choice that loses nothing), rather than falling to the page.
  const startRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (asked.current) startRef.current?.focus();
    asked.current = asking;
  }, [asking]);
  const go = () => {
    setAsking(false);
    void startDraft(lab, template || null);
  };
  return (
    <div className="builder-start">
      <label className="inline">
        {t('builder.startFrom')}{' '}
        <select
          value={template}
          onChange={(e) => setTemplate(e.currentTarget.value)}
          data-testid="builder.template"
        >
          <option value="">{t('builder.fromShown')}</option>
          {LESSONS.map((l, i) => (
            <option key={l.id} value={l.id}>
              {i + 1}. {lang === 'ko' ? l.title.ko : l.title.en}
            </option>
          ))}
        </select>
      </label>
      {asking ? (
        <span role="group" aria-label={t('builder.new')}>
          <span>{t('builder.replaceConfirm', { n: stops })} </span>
          <button type="button" className="danger" onClick={go}>
            {t('builder.replace')}
          </button>{' '}
          <button type="button" ref={cancelRef} onClick={() => setAsking(false)}>
            {t('builder.cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          ref={startRef}
          onClick={() => (stops > 0 ? setAsking(true) : go())}
          data-testid="builder.new"
        >
          {t('builder.new')}
        </button>
      )}
    </div>
  );
}

function IconButton(props: { label: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      className="builder-icon"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

export default function Builder() {
  const t = useT();
  const lab = useLab();
  const draft = useBuilder((s) => s.draft);
  const selected = useBuilder((s) => s.selected);
  const message = useBuilder((s) => s.message);
  const problems = useBuilder((s) => s.problems);
  const unsaved = useBuilder((s) => s.unsaved);
  const now = useFrame().t;
  const following = useLabState((st) => st.ui.following !== null);
  const ref = useRef<HTMLElement>(null);
  // Opened from the lesson picker (a dialog that closes): the keyboard continues here, and goes
  // back to the app when the builder closes (its ✕, Play, Present) instead of to the page.
  useEffect(() => ref.current?.focus(), []);
  useReturnFocus();
  // A stop deleted from the keyboard: its ✕ is gone, so the focus goes to the stop before it (or
  // Add stop, when none is left) rather than to the page.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const next = focusNext.current;
    focusNext.current = null;
    if (next !== null) ref.current?.querySelector<HTMLElement>(`[data-testid="${next}"]`)?.focus();
  }, [draft]);
  if (!draft) return null;
  const idx = stopIndexes(draft);
  const general = problems.filter((p) => p.stop < 0);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="panel builder"
      aria-labelledby="builder-h"
      data-testid="builder.panel"
    >
      <h2 id="builder-h">
        <span>{t('builder.title')}</span>
        <button type="button" className="builder-icon" onClick={closeBuilder} aria-label={t('builder.close')}>
          ✕
        </button>
      </h2>
      <div className="builder-body">
        <p className="muted builder-intro">{t('builder.intro')}</p>
        <StartOver draft={draft} />
        <BothFields
          label={t('builder.lessonTitle')}
          value={draft.title}
          onChange={(title) => editDraft({ title, name: safeName(title.en || title.ko) })}
          testId="builder.title"
        />
        <button
          type="button"
          className="primary builder-add"
          onClick={() => addStop(lab)}
          disabled={following}
          data-skip="actions"
          data-testid="builder.addStop"
        >
          {t('builder.addStop', { time: formatTime(now) })}
        </button>
        {idx.length === 0 ? (
          <p className="muted">{t('builder.noStops')}</p>
        ) : (
          <ol className="builder-stops" data-testid="builder.stops">
            {idx.map((i, k) => {
              const s = draft.steps[i]!;
              const open = k === selected;
              const label = t('builder.stopLabel', { n: k + 1, time: formatTime(s.at) });
              const words = s.say?.en || s.say?.ko || s.run;
              return (
                <li key={`${i}-${s.at}`} className={open ? 'open' : undefined}>
                  <div className="builder-stop-head">
                    <button
                      type="button"
                      className="builder-stop-name"
                      aria-expanded={open}
                      onClick={() => selectStop(k)}
                      data-testid={`builder.stop.${k}`}
                    >
                      <strong>{label}</strong>
                      {s.question && ' ?'}
                      <span className="builder-stop-words">{words}</span>
                    </button>
                    <IconButton
                      label={t('builder.earlier', { n: k + 1 })}
                      disabled={k === 0}
                      onClick={() => moveDraftStop(k, -1)}
                    >
                      ↑
                    </IconButton>
                    <IconButton
                      label={t('builder.later', { n: k + 1 })}
                      disabled={k === idx.length - 1}
                      onClick={() => moveDraftStop(k, 1)}
                    >
                      ↓
                    </IconButton>
                    <IconButton
                      label={t('builder.previewStop', { n: k + 1 })}
                      onClick={() => void play(lab, k)}
                    >
                      ▶
                    </IconButton>
                    <IconButton
                      label={t('builder.deleteStop', { n: k + 1 })}
                      onClick={() => {
                        focusNext.current =
                          idx.length > 1 ? `builder.stop.${Math.max(0, k - 1)}` : 'builder.addStop';
                        deleteDraftStop(k);
                      }}
                    >
                      ✕
                    </IconButton>
                  </div>
                  {open && <StopForm draft={draft} k={k} />}
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <div className="builder-foot">
        {(message || unsaved) && (
          <div
            className={message?.tone === 'error' ? 'builder-message error' : 'builder-message'}
            role={message?.tone === 'error' ? 'alert' : 'status'}
            data-testid="builder.message"
          >
            {message && <p>{t(message.key, message.vars)}</p>}
            {message?.detail && <p className="builder-detail">{message.detail}</p>}
            {general.map((p, i) => (
              <p key={i} className="builder-detail">
                {p.message}
              </p>
            ))}
            {unsaved && <p>{t('builder.unsaved')}</p>}
          </div>
        )}
        <div className="builder-actions">
          <button type="button" onClick={() => void playLesson(lab)} data-testid="builder.play">
            {t('builder.play')}
          </button>
          <button type="button" onClick={() => void present(lab)} data-testid="builder.present">
            {t('builder.present')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void shareDraft(lab)}
            data-testid="builder.share"
          >
            {t('builder.share')}
          </button>
          <button type="button" onClick={() => void exportDraft()} data-testid="builder.export">
            {t('builder.export')}
          </button>
        </div>
      </div>
    </section>
  );
}
