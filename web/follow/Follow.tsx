import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../i18n/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import type { LabState } from '../lab/lab.ts';
import { Modal } from '../share/Modal.tsx';
import { closeConnect, connect, disconnect, followStore, openConnect } from './session.ts';
import './follow.css';

const selectFollowing = (s: LabState) => s.ui.following;
/** Every change of the Run (the live edge moving, a seek). */
const selectVersion = (s: LabState) => s.playback.version;

/** The header's Connect, or while following: what is followed, live or not, and Disconnect. */
export function FollowControls() {
  const t = useT();
  const lab = useLab();
  const following = useLabState(selectFollowing);
  const follow = useStore(followStore(lab));
  useLabState(selectVersion);
  if (!following)
    return (
      <button
        type="button"
        onClick={() => openConnect(lab)}
        title={t('follow.connectHint')}
        data-testid="follow.open"
      >
        {t('follow.connect')}
      </button>
    );
  const run = lab.run as { live?: () => boolean; edge?: () => number };
  const live = run.live?.() ?? true;
  return (
    <div className="follow-bar" role="group" aria-label={t('follow.title')} data-testid="follow.bar">
      <span className={`follow-dot ${follow.phase === 'following' ? 'on' : 'off'}`} aria-hidden="true" />
      <span
        className="follow-what"
        title={t('follow.following', { ns: following.namespace, url: following.url })}
      >
        {t('follow.following', { ns: following.namespace, url: following.url })}
        {' · '}
        {live ? (
          <strong data-testid="follow.live">{t('follow.live')}</strong>
        ) : (
          <button type="button" className="link" onClick={() => lab.seek(run.edge?.() ?? lab.run.now())}>
            {t('follow.toLive')}
          </button>
        )}
      </span>
      <button type="button" onClick={() => disconnect(lab)} data-testid="follow.disconnect">
        {t('follow.disconnect')}
      </button>
    </div>
  );
}

/** Problems of a followed session worth a line under the header. */
export function FollowNotice() {
  const t = useT();
  const lab = useLab();
  const following = useLabState(selectFollowing);
  const follow = useStore(followStore(lab));
  if (!following) return null;
  const lines: string[] = [];
  if (follow.phase === 'error' && follow.error) lines.push(t('follow.stopped', { error: follow.error }));
  if (follow.retrying) lines.push(t('follow.retrying', { message: follow.retrying }));
  if (follow.missing.length)
    lines.push(t('follow.missing', { kinds: follow.missing.map((m) => m.kind).join(', ') }));
  if (!lines.length) return null;
  return (
    <div className="follow-notice" role="status" data-testid="follow.notice">
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </div>
  );
}

/** The Connect dialog: address and namespace, and why connecting failed in kubectl's words. */
export function ConnectDialog() {
  const lab = useLab();
  const open = useStore(followStore(lab), (s) => s.dialogOpen);
  return open ? <ConnectForm /> : null;
}

function ConnectForm() {
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
