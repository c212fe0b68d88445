/**
 * Play or Pause, Step back, Step forward, the speed, the scrubber and the clock: the lab's playback
 * bar and the comparison's (which moves every lane) draw the same controls over their own clocks.
 */
import { SPEEDS } from '../../src/index.ts';
import { useT } from '../i18n/index.ts';
import { formatTime } from './hooks.ts';

export interface PlaybackClock {
  /** The moment shown, and the end of the scrubber. */
  now: number;
  end: number;
  playing: boolean;
  speed: number;
  /** Playback cannot keep up with the speed asked for. */
  behind: boolean;
}

export interface PlaybackMoves {
  play(): void;
  pause(): void;
  stepBack(): void;
  stepForward(): void;
  seek(t: number): void;
  setSpeed(speed: number): void;
}

export function PlaybackControls({
  clock: { now, end, playing, speed, behind },
  moves,
  className = 'playback',
  playSkipTarget = false,
  timeTestId,
}: {
  clock: PlaybackClock;
  moves: PlaybackMoves;
  className?: string;
  /** The Play button is where the page's "skip to playback" link goes. */
  playSkipTarget?: boolean;
  timeTestId?: string;
}) {
  const t = useT();
  const skip = playSkipTarget ? 'playback' : undefined;
  return (
    <div className={className} role="toolbar" aria-label={t('playback.label')}>
      <button
        type="button"
        className="primary play"
        onClick={() => (playing ? moves.pause() : moves.play())}
        aria-keyshortcuts="Space"
        data-skip={skip}
      >
        <PlayIcon playing={playing} />
        {/* Both labels take the same cell, the other one hidden, so the button keeps the width
            of the longer and the bar does not reflow as playback starts and stops. */}
        <span className="play-labels">
          <span aria-hidden={playing || undefined}>{t('playback.play')}</span>
          <span aria-hidden={!playing || undefined}>{t('playback.pause')}</span>
        </span>
      </button>
      <button
        type="button"
        onClick={() => moves.stepBack()}
        aria-keyshortcuts="ArrowLeft"
        title={t('playback.stepBackTip')}
      >
        {t('playback.stepBack')}
      </button>
      <button
        type="button"
        onClick={() => moves.stepForward()}
        aria-keyshortcuts="ArrowRight"
        title={t('playback.stepForwardTip')}
      >
        {t('playback.stepForward')}
      </button>
      <label className="speed">
        <span>{t('playback.speed')}</span>
        <select value={speed} onChange={(e) => moves.setSpeed(Number(e.target.value))}>
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
          moves.pause();
          moves.seek(Number(e.target.value));
        }}
      />
      <output className="time" aria-label={t('playback.virtualTime')} data-testid={timeTestId}>
        t = {formatTime(now)}
      </output>
      {/* An hourglass, its words for screen readers and in its tooltip: as words, it took a row of
          its own and moved the panels above while it came and went. */}
      {behind && (
        <span className="muted behind" title={`${t('playback.behind')}: ${t('playback.behindTip')}`}>
          <svg viewBox="0 0 10 12" aria-hidden="true" focusable="false">
            <path d="M1 0h8v1.5L5.7 6 9 10.5V12H1v-1.5L4.3 6 1 1.5z" />
          </svg>
          <span className="sr-only">{t('playback.behind')}</span>
        </span>
      )}
    </div>
  );
}

/** Play's triangle or Pause's two bars, one width for both. */
function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg className="play-icon" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      {playing ? <path d="M1 1h3v10H1zM6 1h3v10H6z" /> : <path d="M1 0.5 10 6 1 11.5z" />}
    </svg>
  );
}
