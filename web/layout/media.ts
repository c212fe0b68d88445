/** Media queries as React state (the layout switches between the grid and the stacked column). */
import { useSyncExternalStore } from 'react';

/** The single-column layout: tablets in portrait, phones, and very short windows. */
export const STACKED = '(max-width: 999px), (max-height: 559px)';

interface Query {
  subscribe: (onChange: () => void) => () => void;
  matches: () => boolean;
}

/**
 * One MediaQueryList and one subscription per query for the page: panels that draw again on every
 * seek (the actions, the timeline) then neither subscribe again nor parse the query again.
 */
const queries = new Map<string, Query>();

function query(text: string): Query {
  let q = queries.get(text);
  if (!q) {
    const m = typeof matchMedia === 'function' ? matchMedia(text) : undefined;
    q = {
      subscribe: (onChange) => {
        m?.addEventListener('change', onChange);
        return () => m?.removeEventListener('change', onChange);
      },
      matches: () => m?.matches ?? false,
    };
    queries.set(text, q);
  }
  return q;
}

export function useMedia(text: string): boolean {
  const q = query(text);
  return useSyncExternalStore(q.subscribe, q.matches);
}

/**
 * After an action pressed on the stacked layout, where the actions lie far below the diagram: the
 * diagram scrolls into view when none of it is on screen, since what the action changed is drawn
 * there (a phone showed the timeline and the kubectl line, and the new ReplicaSet 1,000 px above).
 */
export function diagramIntoView(): void {
  if (!query(STACKED).matches()) return;
  const diagram = document.querySelector('main .diagram-wrap');
  if (!diagram) return;
  const r = diagram.getBoundingClientRect();
  if (r.bottom > 0 && r.top < window.innerHeight) return;
  const still = query('(prefers-reduced-motion: reduce)').matches();
  diagram.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
}
