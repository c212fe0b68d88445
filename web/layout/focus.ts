/**
 * Dialogs and views over the app (share, lessons, compare, Connect, a pod's details, presentation
 * mode) give the focus back when they close: to the control that opened them if it is still there,
 * else to the app's main area, never to the page itself.
 */
import { useEffect, useLayoutEffect, useState } from 'react';

/** Where the focus goes when the control that opened a dialog is gone (`<main tabIndex={-1}>`). */
const LANDMARK = 'main';

/**
 * Remembers what had the focus when the calling component first rendered (before its own focus
 * moves in: `autoFocus`, `showModal()`, an effect) and gives the focus back to it when the component
 * unmounts, unless something else has taken it meanwhile. With `inertApp`, the app behind (`#root`)
 * is inert while it is open, so Tab cannot leave a view that is not a `<dialog>` for the hidden app.
 */
export function useReturnFocus({ inertApp = false }: { inertApp?: boolean } = {}): void {
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    const app = inertApp ? document.getElementById('root') : null;
    if (app) app.inert = true;
    return () => {
      if (app) app.inert = false;
      returnFocus(opener);
    };
  }, [opener, inertApp]);
}

function returnFocus(opener: Element | null): void {
  const now = document.activeElement;
  // The browser gave it back already (a <dialog> closed by Escape), or another view took it.
  if (now && now !== document.body && now.isConnected) return;
  // A pod in the diagram is an SVG element, and may have been drawn anew meanwhile (the diagram
  // laid out again): the element drawn for the same thing now (`data-focus-key`) takes it.
  const key = opener instanceof Element ? opener.getAttribute('data-focus-key') : null;
  const target = opener?.isConnected || key === null ? opener : drawnFor(key);
  if ((target instanceof HTMLElement || target instanceof SVGElement) && target !== document.body) {
    target.focus();
    if (document.activeElement === target) return;
    // In a disclosure closed meanwhile (the header's More, which closes once one of its items is
    // used): its summary, the way back to it.
    const summary = target.closest('details:not([open])')?.querySelector<HTMLElement>(':scope > summary');
    summary?.focus();
    if (summary && document.activeElement === summary) return;
  }
  document.querySelector<HTMLElement>(LANDMARK)?.focus();
}

/** The element drawn now for the thing `key` names (`data-focus-key`), if any. */
const drawnFor = (key: string): Element | undefined =>
  [...document.querySelectorAll('[data-focus-key]')].find((e) => e.getAttribute('data-focus-key') === key);

/** The element that last took the focus (a pod's glyph, say), to follow it when it is drawn anew. */
let lastFocused: Element | null = null;
if (typeof document !== 'undefined')
  document.addEventListener('focusin', (e) => {
    lastFocused = e.target instanceof Element ? e.target : null;
  });

/**
 * For a layer of the diagram that can draw its glyphs anew: still pods replaced by animated ones
 * when their code arrives, a lane laid out again. A glyph that had the focus is then a new element,
 * and the focus fell to the page; after each commit of the layer, the glyph drawn for the same
 * thing (`data-focus-key`) takes it back. Only from the commit that removed it: a pod that is gone
 * and comes back later (scrubbing back) does not pull the focus to itself.
 */
export function useFocusThroughRedraw(): void {
  useLayoutEffect(() => {
    const lost = lastFocused;
    if (!lost || lost.isConnected) return;
    lastFocused = null;
    const now = document.activeElement;
    const key = lost.getAttribute('data-focus-key');
    if (key === null || (now && now !== document.body)) return;
    const next = drawnFor(key);
    if (next instanceof SVGElement || next instanceof HTMLElement) next.focus();
  });
}
