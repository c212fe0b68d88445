import { useStore } from 'zustand';
import { useT } from '../i18n/index.ts';
import {
  backToSaved,
  dismissNotice,
  downloadRecovery,
  downloadScenario,
  keepLink,
  keepMine,
  loadOtherTab,
  openWaitingLink,
  requestDiscard,
  shareStore,
  type ShareState,
} from './store.ts';

const selectNotice = (s: ShareState) => s.notice;
const selectHolding = (s: ShareState) => (s.holding && !s.notice ? s.heldFor : null);

/**
 * Beside the side column (the two-column layout), where the notice was: once it is dismissed while
 * a link is open over saved work, one line says so and keeps the way back. (A 1280-wide header has
 * no room for the button; stacked, the header has it.)
 */
export function HoldingBar() {
  const t = useT();
  const holding = useStore(shareStore, selectHolding);
  if (!holding) return null;
  return (
    <div className="share-holding-bar" role="status">
      <p>{t(holding === 'lesson' ? 'share.holdingLesson' : 'share.holding')}</p>
      <button type="button" className="share-holding" onClick={() => void backToSaved()}>
        {t('share.notice.backToSaved')}
      </button>
    </div>
  );
}

/**
 * What went wrong with a link, a file, the saved work or saving, what the page shows instead and
 * what the user can do. Every part is plain text: a link's names reach the page only as React
 * text nodes.
 */
export function ShareNotice() {
  const t = useT();
  const notice = useStore(shareStore, selectNotice);
  if (!notice) return null;
  const { problem, cause, recovery } = notice;
  const has = (a: (typeof notice.actions)[number]) => notice.actions.includes(a);
  const detail = problem.detail ?? cause?.detail;
  return (
    <div
      className={`share-notice share-notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="share.notice"
    >
      <div className="share-notice-text">
        <p className="share-notice-title">{t(problem.key, problem.vars)}</p>
        <p>{t(notice.kept)}</p>
        {cause && (
          <p className="share-notice-cause">
            {t('share.notice.cause', { reason: t(cause.key, cause.vars) })}
          </p>
        )}
        {detail && (
          <details className="share-notice-detail">
            <summary>{t('share.notice.detail')}</summary>
            <code>{detail.length > 1000 ? `${detail.slice(0, 1000)}…` : detail}</code>
          </details>
        )}
      </div>
      <div className="share-notice-actions">
        {has('backToSaved') && (
          <button type="button" className="primary" onClick={() => void backToSaved()}>
            {t('share.notice.backToSaved')}
          </button>
        )}
        {has('openLink') && (
          <button type="button" className="primary" onClick={() => void openWaitingLink()}>
            {t('share.notice.openLink')}
          </button>
        )}
        {has('keepLink') && (
          <button type="button" onClick={keepLink}>
            {t('share.notice.keepLink')}
          </button>
        )}
        {has('loadOther') && (
          <button type="button" className="primary" onClick={() => void loadOtherTab()}>
            {t('share.notice.loadOther')}
          </button>
        )}
        {has('keepMine') && (
          <button type="button" onClick={keepMine}>
            {t('share.notice.keepMine')}
          </button>
        )}
        {has('download') && recovery && (
          <button type="button" className="primary" onClick={() => downloadRecovery(recovery)}>
            {t('share.notice.download')}
          </button>
        )}
        {has('discard') && recovery && (
          <button type="button" onClick={() => requestDiscard(recovery)}>
            {t('share.notice.discard')}
          </button>
        )}
        {has('export') && (
          <button type="button" className="primary" onClick={() => void downloadScenario()}>
            {t('share.export')}
          </button>
        )}
        <button type="button" onClick={dismissNotice} aria-label={t('share.notice.dismiss')}>
          {t('share.notice.dismissShort')}
        </button>
      </div>
    </div>
  );
}
