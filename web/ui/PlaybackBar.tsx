import { useT } from '../i18n/index.ts';
import { SPEEDS } from '../../src/index.ts';
import { useLab } from '../lab/context.ts';
import { formatTime, useBehind, usePlayback } from './hooks.ts';
import './playback.css';

export function PlaybackBar() {
  const t = useT();
  const { pause, play, seek, setSpeed, stepBack, stepForward } = useLab();
  const { t: now, duration, playing, speed } = usePlayback();
  const behind = useBehind();
  return (
    <div className="playback" role="toolbar" aria-label={t('playback.label')}>
      {playing ? (
        <button
          type="button"
          className="primary play"
          onClick={pause}
          aria-keyshortcuts="Space"
          data-skip="playback"
        >
          <span aria-hidden="true">❚❚ </span>
          {t('playback.pause')}
        </button>
      ) : (
        <button
          type="button"
          className="primary play"
          onClick={() => play()}
          aria-keyshortcuts="Space"
          data-skip="playback"
        >
          <span aria-hidden="true">▶ </span>
          {t('playback.play')}
        </button>
      )}
      <button
        type="button"
        onClick={stepBack}
        aria-keyshortcuts="ArrowLeft"
        title={t('playback.stepBackTip')}
      >
        {t('playback.stepBack')}
      </button>
      <button
        type="button"
        onClick={stepForward}
        aria-keyshortcuts="ArrowRight"
        title={t('playback.stepForwardTip')}
      >
        {t('playback.stepForward')}
      </button>
      <label className="speed">
        <span>{t('playback.speed')}</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
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
        aria-valuetext={t('playback.timeValue', { t: formatTime(now), of: formatTime(duration) })}
        min={0}
        max={duration}
        step={0.1}
        value={Math.min(now, duration)}
        onChange={(e) => {
          pause();
          seek(Number(e.target.value));
        }}
      />
      <output className="time" aria-label={t('playback.virtualTime')}>
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
