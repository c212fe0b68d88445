/** The `?` sheet: every keyboard shortcut of the app, in a dialog (Esc closes it). */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/index.ts';
import { useReturnFocus } from './focus.ts';
import '../i18n/features.ts';

const ROWS: [keys: string[], what: string][] = [
  [['Space'], 'keys.play'],
  [['←', '→'], 'keys.step'],
  [['/'], 'keys.console'],
  [['?'], 'keys.sheet'],
  [['Ctrl', '+'], 'keys.larger'],
  [['Ctrl', '−'], 'keys.smaller'],
  [['Ctrl', '0'], 'keys.resetText'],
  [['P'], 'keys.present'],
  [['↑', '↓'], 'keys.history'],
  [['Tab'], 'keys.complete'],
  [['Ctrl', 'C'], 'keys.stopWatch'],
  [['Esc'], 'keys.escape'],
];

const PRESENT_ROWS: [keys: string[], what: string][] = [
  [['→', 'PageDown', 'Space'], 'keys.presentNext'],
  [['←', 'PageUp'], 'keys.presentBack'],
  [['B'], 'keys.presentBlank'],
  [['Esc'], 'keys.presentLeave'],
];

function Table({ rows }: { rows: [string[], string][] }) {
  const t = useT();
  return (
    <dl className="shortcut-list">
      {rows.map(([keys, what]) => (
        <div key={what}>
          <dt>
            {keys.map((k, i) => (
              <span key={k}>
                {i > 0 && <span className="muted"> {keys[0] === 'Ctrl' ? '+' : '/'} </span>}
                <kbd>{k}</kbd>
              </span>
            ))}
          </dt>
          <dd>{t(what)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useReturnFocus();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className="shortcut-sheet"
      aria-labelledby="shortcuts-h"
      onClose={onClose}
      data-testid="shortcuts"
    >
      <header>
        <h2 id="shortcuts-h">{t('keys.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ✕
        </button>
      </header>
      <Table rows={ROWS} />
      <h3>{t('keys.presentTitle')}</h3>
      <Table rows={PRESENT_ROWS} />
    </dialog>
  );
}
