/** The Connect dialog's form: address and namespace, and why connecting failed in kubectl's words. */
import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { Modal } from '../share/Modal.tsx';
import { closeConnect, connect } from './session.ts';
import { followStore } from './state.ts';
import '../i18n/features.ts';

export default function ConnectForm() {
  const t = useT();
  const lab = useLab();
  const store = followStore(lab);
  const state = useStore(store);
  const [url, setUrl] = useState(state.url);
  const [namespace, setNamespace] = useState(state.namespace);
  const close = useCallback(() => closeConnect(lab), [lab]);
  const connecting = state.phase === 'connecting';
  return (
    <Modal labelledBy="follow-title" onClose={close} testId="follow.dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void connect(lab, url, namespace);
        }}
      >
        <h2 id="follow-title" className="share-modal-title">
          {t('follow.title')}
        </h2>
        <p className="share-modal-text">{t('follow.explain')}</p>
        <div className="follow-fields">
          <label>
            {t('follow.url')}
            <input
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              spellCheck={false}
              autoComplete="url"
              inputMode="url"
              data-testid="follow.url"
              autoFocus
            />
          </label>
          <label>
            {t('follow.namespace')}
            <input
              value={namespace}
              onChange={(e) => setNamespace(e.target.value)}
              spellCheck={false}
              data-testid="follow.namespace"
            />
          </label>
        </div>
        {state.phase === 'error' && state.error && (
          <pre className="error" role="alert" data-testid="follow.error">
            {state.error}
          </pre>
        )}
        <div className="share-modal-actions">
          <button type="button" onClick={close}>
            {t('follow.cancel')}
          </button>
          <button type="submit" className="primary" disabled={connecting} data-testid="follow.connect">
            {connecting ? t('follow.connecting') : t('follow.go')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
