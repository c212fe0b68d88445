/**
 * The Lab that the views inside a <LabProvider> draw and act on. Each lab on a page has its own Run
 * and store; views find theirs through this context, never through a module singleton.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Lab, LabState } from './lab.ts';

export const LabContext = createContext<Lab | null>(null);

/** The lab of the views around. */
export function useLab(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('useLab: no <LabProvider> above this view');
  return lab;
}

/** A value selected from the lab's store; the view re-renders when it changes. */
export function useLabState<T>(selector: (s: LabState) => T): T {
  return useStore(useLab().store, selector);
}
