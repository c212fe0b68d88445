import { useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useT } from '../i18n/index.ts';
import { useDismiss } from './dismiss.ts';
import { useMedia } from './media.ts';

/** Phones: the header's settings fold into one "More" disclosure, so the header takes fewer rows. */
export const PHONE = '(max-width: 700px)';

/** The header's less-used controls: inline on wider screens, behind "More" on a phone. */
export function HeaderMore({ children }: { children: ReactNode }) {
  const t = useT();
  const phone = useMedia(PHONE);
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = (returnFocus: boolean) => {
    const details = ref.current;
    if (!details) return;
    // Focus inside a closed disclosure would be lost: it goes back to "More".
    const focusInside = details.contains(document.activeElement);
    details.open = false;
    if (returnFocus || focusInside) details.querySelector('summary')?.focus();
  };
  // Like a menu, it closes on Escape (focus back on "More") and on a press outside it.
  useDismiss(phone && open, [ref], close);
  // And once one of its items is used, so that what it opened (the YAML editor, a sheet) is not
  // under it. A− and A+ keep it open: the reader steps the text size while watching it change.
  const used = (e: SyntheticEvent) => {
    const target = e.target as Element;
    if (target.closest('.font-size')) return;
    if (e.type === 'change' || target.closest('button')) close(false);
  };
  if (!phone) return <>{children}</>;
  return (
    <details className="header-more" ref={ref} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('layout.more')}</summary>
      <div
        className="header-more-body"
        role="group"
        aria-label={t('layout.moreLabel')}
        onClick={used}
        onChange={used}
      >
        {children}
      </div>
    </details>
  );
}
