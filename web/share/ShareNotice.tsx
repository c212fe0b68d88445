import { useStore } from 'zustand';
import { useT } from '../i18n/index.ts';
import { backToSaved, dismissNotice, keepLink, shareStore, type ShareState } from './store.ts';

const selectNotice = (s: ShareState) => s.notice;

/**
 * What went wrong with a link, a file or the saved work, and what the page shows instead. Every
 * part is plain text: a link's names reach the page only as React text nodes.
 */
export function ShareNotice() {
  const t = useT();
  const notice = useStore(shareStore, selectNotice);
  if (!notice) return null;
  const { problem } = notice;
  return (
    <div
      className={`share-notice share-notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="share.notice"
    >
      <div className="share-notice-text">
        <p className="share-notice-title">{t(problem.key, problem.vars)}</p>
        <p>{t(notice.kept)}</p>
        {problem.detail && (
          <details className="share-notice-detail">
            <summary>{t('share.notice.detail')}</summary>
            <code>{problem.detail.length > 1000 ? `${problem.detail.slice(0, 1000)}…` : problem.detail}</code>
          </details>
        )}
      </div>
      <div className="share-notice-actions">
        {notice.actions.includes('backToSaved') && (
          <button type="button" className="primary" onClick={() => void backToSaved()}>
            {t('share.notice.backToSaved')}
          </button>
        )}
        {notice.actions.includes('keepLink') && (
          <button type="button" onClick={keepLink}>
            {t('share.notice.keepLink')}
          </button>
        )}
        <button type="button" onClick={dismissNotice} aria-label={t('share.notice.dismiss')}>
          {t('share.notice.dismissShort')}
        </button>
      </div>
    </div>
  );
}
