import { useT } from '../i18n/index.ts';
import { Modal } from './Modal.tsx';
import { cancelDialog, confirmImport, exportThenConfirm, startNew, type Dialog } from './store.ts';
import '../i18n/features.ts';

/** Asks before work is replaced: by a new scenario or by an imported file. */
export function ConfirmDialog(props: { dialog: Extract<Dialog, { kind: 'confirm' }> }) {
  const t = useT();
  const d = props.dialog;
  const title =
    d.reason === 'new'
      ? t('share.confirm.newTitle')
      : t('share.confirm.importTitle', { file: d.fileName ?? '' });
  const body = d.holding ? t('share.confirm.replacesSaved') : t('share.confirm.discards', { steps: d.steps });
  return (
    <Modal labelledBy="share-confirm-title" onClose={cancelDialog} testId="share.confirm">
      <h2 id="share-confirm-title" className="share-modal-title">
        {title}
      </h2>
      <p className="share-modal-text">{body}</p>
      <div className="share-modal-actions">
        <button type="button" onClick={cancelDialog} autoFocus>
          {t('share.cancel')}
        </button>
        <button type="button" onClick={() => void exportThenConfirm()}>
          {t('share.confirm.exportFirst')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => (d.reason === 'new' ? startNew() : confirmImport())}
        >
          {d.reason === 'new' ? t('share.confirm.discardNew') : t('share.confirm.discardImport')}
        </button>
      </div>
    </Modal>
  );
}
