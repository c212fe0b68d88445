/** One Play, Step and scrubber for every lane: they share the comparison's virtual time. */
import { useShallow } from 'zustand/react/shallow';
import { PlaybackControls } from '../ui/PlaybackControls.tsx';
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
  const c = useCompare();
  const { t: now, end, playing, speed, behind } = useCompareState(useShallow(selectPlayback));
  return (
    <PlaybackControls
      clock={{ now, end, playing, speed, behind }}
      moves={c}
      className="playback compare-playback"
      timeTestId="compare.time"
    />
  );
}
