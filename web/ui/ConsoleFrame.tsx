/**
 * What stands in for the kubectl console while its part loads: the same heading, terminal and
 * prompt, so the panel is as high as the console and nothing under it moves when it arrives.
 */
import { useT } from '../i18n/index.ts';
import './console.css';

export function ConsolePlaceholder() {
  const t = useT();
  return (
    <section className="panel console" aria-busy="true" aria-label="kubectl">
      <h2>
        kubectl <span className="muted">{t('console.keys')}</span>
        <button type="button" className="console-widen" disabled aria-hidden="true">
          {t('console.wide')}
        </button>
      </h2>
      <div className="terminal">
        <p className="muted terminal-empty">{t('ui.loadingConsole')}</p>
      </div>
      <div className="prompt">
        <span aria-hidden="true">$</span>
        {/* Only its size: the prompt is the console's own once it is here. */}
        <input disabled aria-hidden="true" tabIndex={-1} placeholder="kubectl …" />
      </div>
    </section>
  );
}
