/** A− / A+: the app's text size for projectors (also Ctrl+= / Ctrl+−; Ctrl+0 resets). */
import { useT } from '../i18n/index.ts';
import { FONT_SCALES, stepFontScale, usePrefs } from './prefs.ts';

export function FontSizeControl() {
  const t = useT();
  const scale = usePrefs('fontScale');
  const pct = Math.round(scale * 100);
  return (
    <div className="segmented font-size" role="group" aria-label={t('layout.textSize', { pct })}>
      <button
        type="button"
        onClick={() => stepFontScale(-1)}
        disabled={scale <= FONT_SCALES[0]}
        aria-label={t('layout.smaller')}
        aria-keyshortcuts="Control+-"
        title={`${t('layout.smaller')} (Ctrl −)`}
      >
        A−
      </button>
      <button
        type="button"
        onClick={() => stepFontScale(1)}
        disabled={scale >= FONT_SCALES[FONT_SCALES.length - 1]!}
        aria-label={t('layout.larger')}
        aria-keyshortcuts="Control+="
        title={`${t('layout.larger')} (Ctrl +) · ${pct}%`}
      >
        A+
      </button>
    </div>
  );
}
