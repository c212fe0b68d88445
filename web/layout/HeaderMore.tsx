import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { useDismiss } from './dismiss.ts';
import { useMedia } from './media.ts';

/** Phones: the header's settings fold into one "More" disclosure, so the header takes three rows, not five. */
export const PHONE = '(max-width: 700px)';

/** The header's less-used controls: inline on wider screens, behind "More" on a phone. */
export function HeaderMore({ children }: { children: ReactNode }) {
  const t = useT();
  const phone = useMedia(PHONE);
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // Like a menu, it closes on Escape (focus back on "More") and on a press outside it.
  useDismiss(phone && open, [ref], (returnFocus) => {
    if (ref.current) ref.current.open = false;
    if (returnFocus) ref.current?.querySelector('summary')?.focus();
  });
  if (!phone) return <>{children}</>;
  return (
    <details className="header-more" ref={ref} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('layout.more')}</summary>
      <div className="header-more-body" role="group" aria-label={t('layout.moreLabel')}>
        {children}
      </div>
    </details>
  );
}
