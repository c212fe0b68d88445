import { useLab } from '../lab/context.ts';
import { useBehind, usePlayback } from './hooks.ts';
import { PlaybackControls } from './PlaybackControls.tsx';
import './playback.css';

/** The lab's playback: its Run's clock, up to the furthest moment played to. */
export function PlaybackBar() {
  const lab = useLab();
  const { t: now, duration, playing, speed } = usePlayback();
  const behind = useBehind();
  return (
    <PlaybackControls clock={{ now, end: duration, playing, speed, behind }} moves={lab} playSkipTarget />
  );
}
