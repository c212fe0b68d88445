import { useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { codecNow, iframeCode } from './link.ts';
import { Modal } from './Modal.tsx';
import { copyText, type CopyOutcome } from './copy.ts';
import { closeDialog, markShared } from './store.ts';
import '../i18n/features.ts';

/** Links longer than this may be cut by chat apps and mail clients. */
const LONG_LINK = 2000;

function CopyField(props: { label: string; value: string; multiline?: boolean; testId: string }) {
  const t = useT();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const id = `share-field-${props.testId}`;
  const copy = async () => {
    setOutcome(await copyText(props.value, ref.current));
    markShared();
  };
  return (
    <div className="share-field">
      <label htmlFor={id}>{props.label}</label>
      <div className="share-field-row">
        {props.multiline ? (
          <textarea
            id={id}
            ref={ref}
            readOnly
            value={props.value}
            rows={3}
            data-testid={props.testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        ) : (
          <input
            id={id}
            ref={ref}
            readOnly
            value={props.value}
            data-testid={props.testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        <button type="button" className="primary" onClick={() => void copy()}>
          {t('share.copy')}
        </button>
      </div>
      <p className="share-status" role="status">
        {outcome === 'copied' ? t('share.copied') : outcome === 'selected' ? t('share.copySelected') : ''}
      </p>
    </div>
  );
}

export function ShareDialog(props: { url: string }) {
  const t = useT();
  const length = props.url.length;
  // The dialog opens once the codec has loaded: its limit is the one the page opens links by.
  const max = codecNow()?.SHARE_LIMITS.encodedChars ?? Infinity;
  return (
    <Modal labelledBy="share-dialog-title" onClose={closeDialog} testId="share.dialog">
      <h2 id="share-dialog-title" className="share-modal-title">
        {t('share.dialog.title')}
      </h2>
      <p className="share-modal-text">{t('share.dialog.explain')}</p>
      <CopyField label={t('share.dialog.link')} value={props.url} testId="share.url" />
      <p className={length > LONG_LINK ? 'share-length long' : 'share-length'} data-testid="share.length">
        {t('share.dialog.length', { n: length.toLocaleString('en-US') })}
        {length > max
          ? ` ${t('share.dialog.cannotOpen', { max: max.toLocaleString('en-US') })}`
          : length > LONG_LINK
            ? ` ${t('share.dialog.tooLong')}`
            : ''}
      </p>
      <details className="share-embed-code">
        <summary>{t('share.dialog.embed')}</summary>
        <CopyField
          label={t('share.dialog.embedCode')}
          value={iframeCode(props.url)}
          multiline
          testId="share.iframe"
        />
      </details>
      <div className="share-modal-actions">
        <button type="button" onClick={closeDialog}>
          {t('share.close')}
        </button>
      </div>
    </Modal>
  );
}
