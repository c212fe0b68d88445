/** One Play, Step and scrubber for every lane: they share the comparison's virtual time. */
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../../src/index.ts';
import { useT } from '../i18n/index.ts';
import { formatTime } from '../ui/hooks.ts';
import type { CompareState } from './compareLab.ts';
import { useCompare, useCompareState } from './context.ts';

const selectPlayback = (s: CompareState) => ({
  // To the tenth of a second the clock and the scrubber show: no re-render between.
  t: Math.round(s.t * 10) / 10,
  end: s.end,
  playing: s.playing,
  speed: s.speed,
  behind: s.behind,
});

export function ComparePlayback() {
  const t = useT();
  const c = useCompare();
  const { t: now, end, playing, speed, behind } = useCompareState(useShallow(selectPlayback));
  return (
    <div className="playback compare-playback" role="toolbar" aria-label={t('playback.label')}>
      {playing ? (
        <button type="button" className="primary play" onClick={c.pause} aria-keyshortcuts="Space">
          <span aria-hidden="true">❚❚ </span>
          {t('playback.pause')}
        </button>
      ) : (
        <button type="button" className="primary play" onClick={c.play} aria-keyshortcuts="Space">
          <span aria-hidden="true">▶ </span>
          {t('playback.play')}
        </button>
      )}
      <button
        type="button"
        onClick={c.stepBack}
        aria-keyshortcuts="ArrowLeft"
        title={t('playback.stepBackTip')}
      >
        {t('playback.stepBack')}
      </button>
      <button
        type="button"
        onClick={c.stepForward}
        aria-keyshortcuts="ArrowRight"
        title={t('playback.stepForwardTip')}
      >
        {t('playback.stepForward')}
      </button>
      <label className="speed">
        <span>{t('playback.speed')}</span>
        <select value={speed} onChange={(e) => c.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        className="scrubber"
        aria-label={t('playback.time')}
        aria-valuetext={t('playback.timeValue', { t: formatTime(now), of: formatTime(end) })}
        min={0}
        max={end}
        step={0.1}
        value={Math.min(now, end)}
        onChange={(e) => {
          c.pause();
          c.seek(Number(e.target.value));
        }}
      />
      <output className="time" aria-label={t('playback.virtualTime')} data-testid="compare.time">
        t = {formatTime(now)}
      </output>
      {behind && (
        <span className="muted behind" title={t('playback.behindTip')}>
          {t('playback.behind')}
        </span>
      )}
    </div>
  );
}
