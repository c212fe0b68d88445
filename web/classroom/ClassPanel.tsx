/**
 * The presenter's view of the class: the join code and address, how many students are here, the
 * current question's answers as they come in, Reveal (R) and Export. Used by the presenter window
 * (fed over the BroadcastChannel) with the presenting window's state.
 */
import type { LessonQuestion } from '../../src/index.ts';
import { useT } from '../i18n/index.ts';
import { Distribution } from './Distribution.tsx';
import type { ClassSnapshot } from './store.ts';
import './classroom.css';
import '../i18n/features.ts';

export function ClassPanel({
  state,
  question,
  onReveal,
  onExport,
}: {
  state: ClassSnapshot;
  question: LessonQuestion | undefined;
  onReveal: () => void;
  onExport: () => void;
}) {
  const t = useT();
  return (
    <section className="class-panel" aria-labelledby="class-panel-h" data-testid="class.panel">
      <div className="class-panel-head">
        <h2 id="class-panel-h">{t('class.badge', { code: state.code ?? '…' })}</h2>
        <span className="class-badge" data-status={state.status} data-testid="class.status">
          {t(`class.status.${state.status}`)} · {t('class.students', { n: state.students })}
        </span>
        {state.join && state.code && (
          <span className="muted">{t('class.joinAt', { url: state.join, code: state.code })}</span>
        )}
        <span className="spacer" />
        <button type="button" onClick={onExport} disabled={state.status !== 'open'}>
          {t('class.export')}
        </button>
      </div>
      {state.error && state.error !== 'no-question' && (
        <p className="student-error" role="alert">
          {t(`class.error.${state.error}`)}
        </p>
      )}
      {question && state.tally ? (
        <>
          <Distribution q={question} tally={state.tally} showAnswer={state.revealed} />
          <button
            type="button"
            className="primary"
            onClick={onReveal}
            aria-pressed={state.revealed}
            disabled={state.status !== 'open'}
            data-testid="class.reveal"
          >
            {state.revealed ? t('class.hide') : t('class.reveal')}
          </button>
        </>
      ) : (
        <p className="muted">{t('class.noQuestion')}</p>
      )}
    </section>
  );
}
