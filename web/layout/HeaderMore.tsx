import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { useMedia } from './media.ts';

/** Phones: the header's settings fold into one "More" disclosure, so the header takes three rows, not five. */
export const PHONE = '(max-width: 700px)';

/** The header's less-used controls: inline on wider screens, behind "More" on a phone. */
export function HeaderMore({ children }: { children: ReactNode }) {
  const t = useT();
  const phone = useMedia(PHONE);
  const ref = useRef<HTMLDetailsElement>(null);
  // Like a menu, it closes on Escape (focus back on "More") and on a press outside it.
  useEffect(() => {
    if (!phone) return;
    const close = (e: Event) => {
      const d = ref.current;
      if (!d?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        d.open = false;
        d.querySelector('summary')?.focus();
      } else if (!d.contains(e.target as Node)) d.open = false;
    };
    document.addEventListener('keydown', close, true);
    document.addEventListener('pointerdown', close, true);
    return () => {
      document.removeEventListener('keydown', close, true);
      document.removeEventListener('pointerdown', close, true);
    };
  }, [phone]);
  if (!phone) return <>{children}</>;
  return (
    <details className="header-more" ref={ref}>
      <summary>{t('layout.more')}</summary>
      <div className="header-more-body" role="group" aria-label={t('layout.moreLabel')}>
        {children}
      </div>
    </details>
  );
}
