/** Preferences of the page (not of a lab): the colour theme. */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export type Theme = 'system' | 'light' | 'dark';

export const prefsStore = createStore<{ theme: Theme }>(() => ({ theme: 'system' }));

export const setTheme = (theme: Theme) => prefsStore.setState({ theme });
export const useTheme = (): Theme => useStore(prefsStore, (s) => s.theme);
