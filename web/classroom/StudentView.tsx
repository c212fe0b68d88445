/**
 * A student's page in a live class (`/join` on the classroom server): the join form (code and
 * nickname), then the teacher's diagram and narration at the teacher's moment, the stop's question
 * as big buttons, and after the reveal how the class answered. Losing the server leaves the page
 * as it was, says so, and reconnects; "Leave the class" turns it into the ordinary lab.
 */
import { useState, type FormEvent } from 'react';
import { CODE_LENGTH, isNumberQuestion, MAX_NAME } from '../../src/index.ts';
import { useLang, useT } from '../i18n/index.ts';
import { LanguageSelect } from '../ui/HeaderControls.tsx';
import { useLab } from '../lab/context.ts';
import { choiceText, givenText, text, useCurrentLesson, useLesson } from '../lessons/hooks.ts';
import { NumberField } from '../lessons/parts.tsx';
import { setRole, stopsOf } from '../lessons/store.ts';
import { Diagram } from '../diagram/Diagram.tsx';
import { Distribution } from './Distribution.tsx';
import { answerClass, joinClass, leaveClass } from './student.ts';
import { useClass } from './store.ts';
import '../lessons/lessons.css';
import './classroom.css';
import '../i18n/features.ts';

function errorText(t: ReturnType<typeof useT>, code: string): string {
  const key = `class.error.${code}`;
  const s = t(key);
  return s === key ? t('class.error.other', { code }) : s;
}

function JoinForm() {
  const t = useT();
  const lab = useLab();
  const error = useClass((s) => s.error);
  const status = useClass((s) => s.status);
  const role = useClass((s) => s.role);
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [name, setName] = useState('');
  const joining = role === 'student' && (status === 'connecting' || status === 'open');
  const unreachable = role === 'student' && status === 'lost';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    joinClass(lab, code, name);
  };
  return (
    <form className="student-join panel" onSubmit={submit} data-testid="class.join">
      <h2>{t('class.joinTitle')}</h2>
      <p className="muted">{t('class.joinIntro')}</p>
      <label>
        {t('class.code')}
        <input
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={CODE_LENGTH + 4}
          required
        />
      </label>
      <label>
        {t('class.nickname')}
        <input
          name="nickname"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="nickname"
          maxLength={MAX_NAME}
          required
        />
      </label>
      {error && (
        <p className="student-error" role="alert" data-testid="class.error">
          {errorText(t, error)}
        </p>
      )}
      {unreachable && (
        <p className="student-error" role="alert" data-testid="class.error">
          {t('class.noServer')}
        </p>
      )}
      <button type="submit" className="primary" disabled={joining}>
        {joining ? t('class.joining') : t('class.join')}
      </button>
    </form>
  );
}

function Following() {
  const t = useT();
  const lang = useLang();
  const s = useLesson();
  const lesson = useCurrentLesson();
  const name = useClass((c) => c.name);
  const moment = useClass((c) => c.moment);
  const answer = useClass((c) => c.answer);
  const tally = useClass((c) => c.tally);
  const revealed = useClass((c) => c.revealed);
  const error = useClass((c) => c.error);
  if (!moment || moment.lesson === null || !lesson || lesson.id !== moment.lesson)
    return (
      <div className="student-body">
        <p className="muted" role="status" data-testid="class.waiting">
          {s.loading || moment?.lesson ? t('lessons.loading') : t('class.waiting')}
        </p>
        <p className="muted">{t('class.you', { name })}</p>
      </div>
    );
  const stops = stopsOf(lesson);
  const stop = stops[s.stop];
  const asks = moment.heading === null && (moment.choices > 0 || moment.number === true);
  const q = asks ? stops[moment.stop]?.question : undefined;
  return (
    <>
      <div className="student-stage">{!s.blank && <Diagram />}</div>
      <div className="student-body">
        <p className="student-progress" data-testid="class.progress">
          {text(lesson.title, lang)} · {t('present.progress', { n: s.stop + 1, total: stops.length })}
          {s.heading !== null ? ' ▸' : ''}
        </p>
        <p data-testid="class.say">{text(stop?.say, lang)}</p>
        {q && (
          <div className="lesson-question" role="group" aria-labelledby="class-q">
            <p id="class-q">
              <strong>{t('lessons.question')}: </strong>
              {text(q.prompt, lang)}
            </p>
            {!revealed &&
              (isNumberQuestion(q) ? (
                <NumberField
                  key={`${moment.lesson}#${moment.stop}`}
                  unit={q.number.unit}
                  onAnswer={answerClass}
                  testId="class.number"
                />
              ) : (
                <div className="student-choices">
                  {q.choices.map((c, i) => (
                    <button key={i} type="button" aria-pressed={answer === i} onClick={() => answerClass(i)}>
                      {String.fromCharCode(65 + i)}. {choiceText(c, lang)}
                    </button>
                  ))}
                </div>
              ))}
            {answer !== null && !revealed && (
              <p role="status" data-testid="class.sent">
                {t('class.answerSent', {
                  choice: isNumberQuestion(q) ? givenText(q, answer, lang) : String.fromCharCode(65 + answer),
                })}
              </p>
            )}
            {error === 'no-question' && <p className="student-error">{errorText(t, error)}</p>}
          </div>
        )}
        {revealed && tally && stops[tally.stop]?.question && (
          <section aria-label={t('class.revealed')} data-testid="class.revealed">
            <h3>{t('class.revealed')}</h3>
            <Distribution q={stops[tally.stop]!.question!} tally={tally} showAnswer />
            <p>{text(stops[tally.stop]!.question!.explain, lang)}</p>
          </section>
        )}
      </div>
    </>
  );
}

export default function StudentView({ onLeave }: { onLeave: () => void }) {
  const t = useT();
  const lab = useLab();
  const leave = () => {
    leaveClass();
    setRole(lab, 'main');
    window.history.replaceState(null, '', '/');
    onLeave();
  };
  const joined = useClass((s) => s.joined);
  const status = useClass((s) => s.status);
  const name = useClass((s) => s.name);
  return (
    <div className="student" data-testid="class.student">
      <header className="student-head">
        <h1>{t('app.title')}</h1>
        {joined && (
          <span className="class-badge" data-status={status} data-testid="class.status">
            {name} · {t(`class.status.${status}`)}
          </span>
        )}
        <LanguageSelect />
      </header>
      {joined && status === 'lost' && (
        <p className="student-status" role="alert" data-testid="class.lost">
          {t('class.status.lost')}{' '}
          <button type="button" onClick={leave}>
            {t('class.leave')}
          </button>
        </p>
      )}
      {joined ? <Following /> : <JoinForm />}
    </div>
  );
}
