import { useRef } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/index.ts';
import { useLabState } from '../lab/context.ts';
import { STACKED, useMedia } from '../layout/media.ts';
import {
  backToSaved,
  currentLink,
  downloadScenario,
  importFile,
  openShareDialog,
  requestNew,
  shareStore,
  showSaveStatus,
  type ShareState,
} from './store.ts';
import './share.css';

const selectCodecReady = (s: ShareState) => s.codecReady;
const selectControls = (s: ShareState) => ({
  embed: s.embed,
  holding: s.holding,
  storage: s.storage,
  notSaving: s.notSaving?.why ?? null,
});

/** The full app without a link (before the codec loads). */
const fullAppUrl = () => {
  const url = new URL(location.href);
  url.search = '';
  url.hash = '';
  return url.toString();
};

/** Scenario files the picker offers. */
const ACCEPT = '.yaml,.yml,.json,application/yaml,application/json,text/yaml';

/** "Open in Rollout Lab": the full app, in a new tab, at the moment the embed shows now. */
function OpenInApp() {
  const t = useT();
  // Re-renders once the codec is in; the href is refreshed again on hover, focus and click.
  useStore(shareStore, selectCodecReady);
  const refresh = (a: HTMLAnchorElement) => {
    const url = currentLink();
    if (url) a.href = url;
  };
  return (
    <a
      className="share-open-app"
      href={currentLink() ?? fullAppUrl()}
      target="_blank"
      rel="noopener noreferrer"
      onPointerEnter={(e) => refresh(e.currentTarget)}
      onFocus={(e) => refresh(e.currentTarget)}
      onClick={(e) => refresh(e.currentTarget)}
      onContextMenu={(e) => refresh(e.currentTarget)}
    >
      {t('share.openInApp')}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}

/** The header's Share, Export, Import and New (embeds: Share and Open in Rollout Lab). */
export function ShareControls() {
  const t = useT();
  const { embed, holding, storage, notSaving } = useStore(shareStore, useShallow(selectControls));
  const input = useRef<HTMLInputElement>(null);
  // In the two-column layout the way back is beside the diagram (ShareNotice, HoldingBar).
  const stacked = useMedia(STACKED);
  // Following a cluster (web/follow), the work waits: New and Import would replace it.
  const following = useLabState((s) => s.ui.following !== null);
  const lockedWhy = following ? t('follow.readOnlyShort') : undefined;
  if (embed)
    return (
      <div className="share-controls" role="group" aria-label={t('share.group')}>
        <button type="button" onClick={() => void openShareDialog()}>
          {t('share.share')}
        </button>
        <OpenInApp />
      </div>
    );
  return (
    <div className="share-controls" role="group" aria-label={t('share.group')}>
      {holding && stacked && (
        <button type="button" className="share-holding" onClick={() => void backToSaved()}>
          {t('share.notice.backToSaved')}
        </button>
      )}
      {!storage && (
        <span className="share-nosave muted" title={t('share.noStorageHint')}>
          {t('share.noStorage')}
        </span>
      )}
      {storage && notSaving && (
        <button
          type="button"
          className="share-notsaved"
          onClick={showSaveStatus}
          title={t('share.notSavedHint')}
          data-testid="share.notSaved"
        >
          <span aria-hidden="true">⚠ </span>
          {t('share.notSaved')}
        </button>
      )}
      {/* "New" alone on a phone, in the Scenario group: "New scenario" wrapped the header to 4 rows. */}
      <button
        type="button"
        onClick={requestNew}
        disabled={following}
        title={lockedWhy}
        aria-label={t('share.new')}
      >
        <span className="share-new-long">{t('share.new')}</span>
        <span className="share-new-short" aria-hidden="true">
          {t('share.newShort')}
        </span>
      </button>
      <button type="button" onClick={() => input.current?.click()} disabled={following} title={lockedWhy}>
        {t('share.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className="sr-only"
        tabIndex={-1}
        aria-label={t('share.importFile')}
        data-testid="share.file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" onClick={() => void downloadScenario()}>
        {t('share.export')}
      </button>
      <button type="button" className="primary" onClick={() => void openShareDialog()}>
        {t('share.share')}
      </button>
    </div>
  );
}
