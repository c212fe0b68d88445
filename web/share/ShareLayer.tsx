import { Suspense, useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/index.ts';
import { importFile, onHashChange, setDragging, shareStore, type ShareState } from './store.ts';
import { lazyPart } from '../ui/lazyPart.tsx';

// The dialogs load when one first opens.
const ConfirmDialog = lazyPart(() =>
  import('./ConfirmDialog.tsx').then((m) => ({ default: m.ConfirmDialog })),
);
const DiscardDialog = lazyPart(() =>
  import('./DiscardDialog.tsx').then((m) => ({ default: m.DiscardDialog })),
);
const ShareDialog = lazyPart(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));

const selectLayer = (s: ShareState) => ({ dialog: s.dialog, dragging: s.dragging, embed: s.embed });

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/** Drag and drop of scenario files onto the page, and links pasted into the address bar. */
function usePageEvents(embed: boolean) {
  useEffect(() => {
    const onHash = () => void onHashChange();
    window.addEventListener('hashchange', onHash);
    if (embed) return () => window.removeEventListener('hashchange', onHash);
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [embed]);
}

/** Dialogs and the drop target; render once anywhere in the app. */
export function ShareLayer() {
  const t = useT();
  const { dialog, dragging, embed } = useStore(shareStore, useShallow(selectLayer));
  usePageEvents(embed);
  return (
    <>
      <Suspense fallback={null}>
        {dialog?.kind === 'share' && <ShareDialog url={dialog.url} />}
        {dialog?.kind === 'confirm' && <ConfirmDialog dialog={dialog} />}
        {dialog?.kind === 'discard' && <DiscardDialog storageKey={dialog.key} />}
      </Suspense>
      {dragging && (
        <div className="share-drop" aria-hidden="true">
          <p>{t('share.drop')}</p>
        </div>
      )}
    </>
  );
}
