import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ClusterView, Frame } from '../../src/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import type { LabState, UiSlice } from '../lab/lab.ts';

/**
 * What views derived from the Run key on. Paused, it changes with every change (a seek, a step, a
 * command). Playing, it changes ten times per second of wall time, whatever the speed and even
 * while playback catches up: a pod's change shows within 0.1 s, and in a large rollout, where some
 * pod changes in almost every frame, the diagram is not rebuilt on every frame (the request dots
 * still move every frame: they are drawn on their own canvas).
 */
const viewClock =
  (hz: number) =>
  (s: LabState): string =>
    s.playback.playing
      ? `${s.playback.loaded}:${Math.floor((s.playback.wall * hz) / 1000)}`
      : `v${s.playback.version}`;
const selectViewClock = viewClock(10);
/** Text that changes faster than anyone reads while playing (events, decisions, menus): 4 per second. */
const selectTextClock = viewClock(4);
const selectTime = (s: LabState) => ({
  // To the tenth of a second the clock and the scrubber show: no re-render between.
  t: Math.round(s.playback.t * 10) / 10,
  duration: s.playback.duration,
  playing: s.playback.playing,
  speed: s.playback.speed,
});
const selectPlaying = (s: LabState) => s.playback.playing;
const selectBehind = (s: LabState) => s.playback.behind;

export const useViewClock = (): string => useLabState(selectViewClock);
export const useTextClock = (): string => useLabState(selectTextClock);
export const usePlayback = () => useLabState(useShallow(selectTime));
export const useBehind = (): boolean => useLabState(selectBehind);
export const usePlaying = (): boolean => useLabState(selectPlaying);
export function useUiField<K extends keyof UiSlice>(key: K): UiSlice[K] {
  return useLabState((s) => s.ui[key]);
}

/** The Run's frame at the current moment, taken again when the view clock ticks. */
export function useFrame(clock: 'view' | 'text' = 'view'): Frame {
  const lab = useLab();
  const key = useLabState(clock === 'view' ? selectViewClock : selectTextClock);
  // `key` says when the Run has moved on; the frame itself comes from the Run (cached there).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => lab.frame(), [lab, key]);
}

/** The diagram's model for the current moment. */
export function useClusterView(): ClusterView {
  return useFrame().view;
}

/**
 * A moment of a scenario as its clock shows it, to the tenth of a second: m:ss.s, and h:mm:ss.s
 * from an hour on (a link can ask for a week: 168:00:00.0, not 10080:00.0).
 */
export function formatTime(t: number): string {
  // In tenths first, so 59.96 s reads 1:00.0, not 0:60.0.
  const tenths = Math.round(Math.max(0, t) * 10);
  const h = Math.floor(tenths / 36_000);
  const m = Math.floor(tenths / 600) % 60;
  const s = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
