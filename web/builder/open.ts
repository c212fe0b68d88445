/**
 * Whether the lesson builder is open: all the app's first paint needs to know of it. The builder's
 * store and drafts (./store.ts, ./draft.ts) load with the builder itself.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export const builderOpen = createStore<{ open: boolean }>(() => ({ open: false }));

export const useBuilderOpen = (): boolean => useStore(builderOpen, (s) => s.open);

export const setBuilderOpen = (open: boolean): void => builderOpen.setState({ open });
