/**
 * The first stops of Tab: jump straight to the actions (their first button), the playback
 * controls, the lesson or the console. Hidden until focused.
 */
import type { MouseEvent } from 'react';
import { useT } from '../i18n/index.ts';

/** Focus the first element matching `selector` (skip links' targets are buttons, not anchors). */
function jump(selector: string) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return;
    e.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
  };
}

export function SkipLinks({
  lesson,
  actions,
  console,
}: {
  lesson: boolean;
  actions: boolean;
  console: boolean;
}) {
  const t = useT();
  return (
    <nav className="skip-links" aria-label={t('skip.label')}>
      {lesson && (
        <a href="#lesson-title" onClick={jump('[data-skip="lesson"]')}>
          {t('skip.lesson')}
        </a>
      )}
      {actions && (
        <a href="#actions-h" onClick={jump('[data-skip="actions"]')}>
          {t('skip.actions')}
        </a>
      )}
      <a href="#playback" onClick={jump('[data-skip="playback"]')}>
        {t('skip.playback')}
      </a>
      {console && (
        <a href="#kubectl-input" onClick={jump('#kubectl-input')}>
          {t('skip.console')}
        </a>
      )}
    </nav>
  );
}
