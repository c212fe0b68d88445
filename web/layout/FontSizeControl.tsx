/** A− / A+: the app's text size for projectors (also Ctrl+= / Ctrl+−; Ctrl+0 resets). */
import { useT } from '../i18n/index.ts';
import { FONT_SCALES, prefsStore, stepFontScale, usePrefs } from './prefs.ts';

export function FontSizeControl() {
  const t = useT();
  const scale = usePrefs('fontScale');
  const pct = Math.round(scale * 100);
  /**
   * A press that reaches the smallest or the largest size disables its button under the focus,
   * which would fall to the page: it goes to the other button, the one that can still be pressed.
   */
  const step = (direction: -1 | 1, button: HTMLButtonElement) => {
    const focused = document.activeElement === button;
    stepFontScale(direction);
    const now = prefsStore.getState().fontScale;
    const end = direction < 0 ? FONT_SCALES[0] : FONT_SCALES[FONT_SCALES.length - 1]!;
    const other = direction < 0 ? button.nextElementSibling : button.previousElementSibling;
    if (focused && now === end && other instanceof HTMLButtonElement) other.focus();
  };
  return (
    <div className="segmented font-size" role="group" aria-label={t('layout.textSize', { pct })}>
      <button
        type="button"
        onClick={(e) => step(-1, e.currentTarget)}
        disabled={scale <= FONT_SCALES[0]}
        aria-label={t('layout.smaller')}
        aria-keyshortcuts="Control+-"
        title={`${t('layout.smaller')} (Ctrl −)`}
      >
        A−
      </button>
      <button
        type="button"
        onClick={(e) => step(1, e.currentTarget)}
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
