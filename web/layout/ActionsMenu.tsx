/**
 * Embeds: the actions behind one button over the diagram, so the diagram, the playback bar and
 * the timeline fit the frame. Esc or a click outside closes it; focus returns to the button.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { Actions } from '../ui/Actions.tsx';
import { useDismiss } from './dismiss.ts';

export function ActionsMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('select, input, button')?.focus();
  }, [open]);
  useDismiss(open, [panel, button], (returnFocus) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  });
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="actions-menu"
        onClick={() => setOpen(!open)}
        data-skip="actions"
      >
        {t('actions.title')} <span aria-hidden="true">▾</span>
      </button>
      <div ref={panel} id="actions-menu" className="actions-menu" hidden={!open}>
        {open && <Actions />}
      </div>
    </>
  );
}
