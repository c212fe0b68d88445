import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { clusterView, type ClusterView } from '../sim/view.ts';
import { colours, playbackStore, session, uiStore, type PlaybackState, type UiState } from '../store/app.ts';

/**
 * What views derived from the cluster key on. Paused, it changes with every change of the
 * simulation (a seek, a step, a command). Playing, it changes ten times per second of wall time,
 * whatever the speed and even while playback catches up: a pod's change shows within 0.1 s, and
 * in a large rollout, where some pod changes in almost every frame, the diagram is not rebuilt on
 * every frame (the request dots still move every frame: they are drawn on their own canvas).
 */
const viewClock =
  (hz: number) =>
  (s: PlaybackState): string =>
    s.playing ? `${s.run}:${Math.floor((s.wall * hz) / 1000)}` : `v${s.version}`;
const selectViewClock = viewClock(10);
/** Text that changes faster than anyone reads while playing (events, decisions, menus): 4 per second. */
const selectTextClock = viewClock(4);
const selectTime = (s: PlaybackState) => ({
  // To the tenth of a second the clock and the scrubber show: no re-render between.
  t: Math.round(s.t * 10) / 10,
  duration: s.duration,
  playing: s.playing,
  speed: s.speed,
});
const selectShowNodes = (s: UiState) => s.showNodes;
const selectUi = (s: UiState) => ({ selectedPod: s.selectedPod, theme: s.theme });

export const useViewClock = (): string => useStore(playbackStore, selectViewClock);
export const useTextClock = (): string => useStore(playbackStore, selectTextClock);
export const usePlayback = () => useStore(playbackStore, useShallow(selectTime));
const selectPlaying = (s: PlaybackState) => s.playing;
const selectBehind = (s: PlaybackState) => s.behind;
export const useBehind = (): boolean => useStore(playbackStore, selectBehind);
export const usePlaying = (): boolean => useStore(playbackStore, selectPlaying);
export const useUi = () => useStore(uiStore, useShallow(selectUi));
export function useUiField<K extends keyof UiState>(key: K): UiState[K] {
  return useStore(uiStore, (s) => s[key]);
}

/** The diagram's model for the current moment, rebuilt once per simulation change. */
export function useClusterView(): ClusterView {
  const clock = useViewClock();
  const withNodes = useStore(uiStore, selectShowNodes);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => clusterView(session.live, colours, withNodes), [clock, withNodes]);
}

export function formatTime(t: number): string {
  const m = Math.floor(t / 60);
  const s = t - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}
