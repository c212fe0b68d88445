import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { shareStore, type ShareState } from './store.ts';

const selectEmbed = (s: ShareState) => ({ embed: s.embed, console: s.embedConsole });

/** Embed mode (`?embed=1`) and whether the embed shows the console (`&console=1`). */
export const useEmbed = () => useStore(shareStore, useShallow(selectEmbed));
