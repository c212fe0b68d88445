/**
 * The CompareLab the Compare view's parts draw and act on, through context (never a module
 * singleton), and the clocks they re-render on.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CompareLab, CompareState } from './compareLab.ts';

export const CompareContext = createContext<CompareLab | null>(null);

export function useCompare(): CompareLab {
  const c = useContext(CompareContext);
  if (!c) throw new Error('useCompare: no CompareContext above this view');
  return c;
}

export function useCompareState<T>(selector: (s: CompareState) => T): T {
  return useStore(useCompare().store, selector);
}

/**
 * Changes with every move while paused; four times per wall second while playing (the table and
 * the lanes' status lines are text: faster than anyone reads is wasted work).
 */
const selectTextClock = (s: CompareState) =>
  s.playing ? `${s.loaded}:${Math.floor((s.wall * 4) / 1000)}` : `v${s.version}`;

export const useCompareTextClock = (): string => useCompareState(selectTextClock);
