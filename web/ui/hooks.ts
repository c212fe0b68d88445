import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { clusterView, type ClusterView } from '../sim/view.ts';
import { colours, playbackStore, session, uiStore, type PlaybackState, type UiState } from '../store/app.ts';

const selectVersion = (s: PlaybackState) => s.version;
const selectTime = (s: PlaybackState) => ({
  t: s.t,
  duration: s.duration,
  playing: s.playing,
  speed: s.speed,
});
const selectShowNodes = (s: UiState) => s.showNodes;
const selectUi = (s: UiState) => ({ selectedPod: s.selectedPod, theme: s.theme });

export const useVersion = (): number => useStore(playbackStore, selectVersion);
const selectObjects = () => session.live.store.resourceVersion;
/** Re-renders when an object changes, not on every tick of virtual time (Actions, menus). */
export const useObjectsVersion = (): number => useStore(playbackStore, selectObjects);
export const usePlayback = () => useStore(playbackStore, useShallow(selectTime));
export const useUi = () => useStore(uiStore, useShallow(selectUi));
export function useUiField<K extends keyof UiState>(key: K): UiState[K] {
  return useStore(uiStore, (s) => s[key]);
}

/** The diagram's model for the current moment, rebuilt once per simulation change. */
export function useClusterView(): ClusterView {
  const version = useVersion();
  const withNodes = useStore(uiStore, selectShowNodes);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => clusterView(session.live, colours, withNodes), [version, withNodes]);
}

export function formatTime(t: number): string {
  const m = Math.floor(t / 60);
  const s = t - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}
