/**
 * While a scenario from a link, a file or storage replays up to the moment it opens at: how far it
 * is, and a way out. The lab keeps showing what it showed until the replay is done.
 */
import { useT } from '../i18n/index.ts';
import { formatTime } from '../ui/hooks.ts';
import { useLab, useLabState } from './context.ts';
import './lab.css';

export function Opening() {
  const t = useT();
  const lab = useLab();
  const opening = useLabState((s) => s.ui.opening);
  if (!opening) return null;
  const label = t('opening.label', { t: formatTime(opening.to) });
  return (
    <div className="opening" role="status" data-testid="opening">
      <span>{label}</span>
      <progress max={opening.to} value={opening.at} aria-label={label} />
      <span className="muted">{formatTime(opening.at)}</span>
      <button type="button" onClick={lab.cancelOpen}>
        {t('opening.cancel')}
      </button>
    </div>
  );
}
