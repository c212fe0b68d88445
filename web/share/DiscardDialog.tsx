import { useT } from '../i18n/index.ts';
import { Modal } from './Modal.tsx';
import { cancelDialog, confirmDiscard, downloadRecovery } from './store.ts';
import '../i18n/features.ts';

/** Asks before a recovery copy of saved work is deleted for good. */
export function DiscardDialog(props: { storageKey: string }) {
  const t = useT();
  return (
    <Modal labelledBy="share-discard-title" onClose={cancelDialog} testId="share.discard">
      <h2 id="share-discard-title" className="share-modal-title">
        {t('share.discard.title')}
      </h2>
      <p className="share-modal-text">{t('share.discard.body')}</p>
      <div className="share-modal-actions">
        <button type="button" onClick={cancelDialog} autoFocus>
          {t('share.cancel')}
        </button>
        <button type="button" onClick={() => downloadRecovery(props.storageKey)}>
          {t('share.notice.download')}
        </button>
        <button type="button" className="danger" onClick={confirmDiscard}>
          {t('share.discard.confirm')}
        </button>
      </div>
    </Modal>
  );
}
