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
  const left = remainingSeconds(opening);
  return (
    <div className="opening" role="status" data-testid="opening">
      <div className="opening-text">
        <span>{label}</span>
        <span className="muted">
          {formatTime(opening.at)}
          {left !== undefined && (
            <span data-testid="opening-left"> · {t('opening.left', { left: roughDuration(left, t) })}</span>
          )}
        </span>
      </div>
      <progress max={opening.to} value={opening.at} aria-label={label} />
      <div className="opening-buttons">
        {opening.at > opening.from && (
          <button type="button" onClick={lab.openHere}>
            {t('opening.here', { t: formatTime(opening.at) })}
          </button>
        )}
        <button type="button" onClick={lab.cancelOpen}>
          {t('opening.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * Wall-clock seconds the replay still needs at the pace it kept so far; none in its first two
 * seconds (too early to tell).
 */
function remainingSeconds(o: { to: number; at: number; from: number; spentMs: number }): number | undefined {
  const done = o.at - o.from;
  if (o.spentMs < 2000 || done <= 0) return undefined;
  return ((o.to - o.at) / done) * (o.spentMs / 1000);
}

/** A rough length of time, in minutes and hours: "under a minute", "3 min", "2 h 10 min". */
function roughDuration(seconds: number, t: ReturnType<typeof useT>): string {
  if (seconds < 60) return t('opening.underMinute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('opening.minutes', { m: minutes });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? t('opening.hoursMinutes', { h, m }) : t('opening.hours', { h });
}
