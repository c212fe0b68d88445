/** Media queries as React state (the layout switches between the grid and the stacked column). */
import { useSyncExternalStore } from 'react';

/** The single-column layout: tablets in portrait, phones, and very short windows. */
export const STACKED = '(max-width: 999px), (max-height: 559px)';

export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof matchMedia !== 'function') return () => {};
      const m = matchMedia(query);
      m.addEventListener('change', onChange);
      return () => m.removeEventListener('change', onChange);
    },
    () => (typeof matchMedia === 'function' ? matchMedia(query).matches : false),
  );
}
