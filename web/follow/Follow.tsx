import { Suspense } from 'react';
import { useStore } from 'zustand';
import { useT } from '../i18n/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import type { Lab, LabState } from '../lab/lab.ts';
import { followStore, openConnect } from './state.ts';
import { lazyPart } from '../ui/lazyPart.tsx';
import './follow.css';

/** The form and the session behind it (the transport, the followed Run) load when it first opens. */
const ConnectForm = lazyPart(() => import('./ConnectForm.tsx'));
/** Disconnecting: the session is loaded, since something is followed. */
const disconnect = (lab: Lab) => void import('./session.ts').then((m) => m.disconnect(lab));

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
  return open ? (
    <Suspense fallback={null}>
      <ConnectForm />
    </Suspense>
  ) : null;
}
