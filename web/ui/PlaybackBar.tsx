import { SPEEDS } from '../sim/session.ts';
import { pause, play, seek, setSpeed, stepBack, stepForward } from '../store/app.ts';
import { formatTime, usePlayback } from './hooks.ts';

export function PlaybackBar() {
  const { t, duration, playing, speed } = usePlayback();
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      {playing ? (
        <button type="button" className="primary" onClick={pause} aria-keyshortcuts="Space">
          Pause
        </button>
      ) : (
        <button type="button" className="primary" onClick={play} aria-keyshortcuts="Space">
          Play
        </button>
      )}
      <button
        type="button"
        onClick={stepBack}
        aria-keyshortcuts="ArrowLeft"
        title="Back to the previous change (←)"
      >
        Step back
      </button>
      <button
        type="button"
        onClick={stepForward}
        aria-keyshortcuts="ArrowRight"
        title="Forward to the next controller action (→)"
      >
        Step forward
      </button>
      <label className="speed">
        <span>Speed</span>
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
        aria-label="Time"
        aria-valuetext={`${formatTime(t)} of ${formatTime(duration)}`}
        min={0}
        max={duration}
        step={0.1}
        value={Math.min(t, duration)}
        onChange={(e) => {
          pause();
          seek(Number(e.target.value));
        }}
      />
      <output className="time" aria-label="Virtual time">
        t = {formatTime(t)}
      </output>
    </div>
  );
}
