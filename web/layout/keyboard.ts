/**
 * The app's keyboard shortcuts, on the whole page:
 *
 *   Space      play / pause, whatever button has focus (Enter still presses a button, so an
 *              action pressed with the keyboard never runs again when Space is meant)
 *   ← / →      step back / forward (a slider or the split keeps its own arrows)
 *   /          the kubectl console
 *   ?          the list of shortcuts
 *   Ctrl+= / Ctrl+− / Ctrl+0   larger / smaller / default text (the app's, not the browser's zoom)
 *
 * Keys typed into a field, and keys inside a dialog, belong to them.
 */
import { useEffect } from 'react';
import type { Lab } from '../lab/lab.ts';
import { stepFontScale } from './prefs.ts';

export const isTyping = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  !isSlider(el) &&
  (el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    !!el.closest('.cm-editor'));

/** A range input: it takes the arrows, Home, End and the page keys, and no other key. */
const isSlider = (el: EventTarget | null): boolean => el instanceof HTMLInputElement && el.type === 'range';
const SLIDER_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/** A key the focused element acts on itself: typed into a field, or moving a slider. */
export const ownsKey = (el: EventTarget | null, key: string): boolean =>
  isTyping(el) || (isSlider(el) && SLIDER_KEYS.has(key));

/**
 * Inside a dialog (the lesson picker, this sheet, share) buttons take Space as usual. Presentation
 * mode (`.present`) is not one here: its own keys come first (web/present), and `?` still lists them.
 */
export const inDialog = (el: EventTarget | null): boolean =>
  el instanceof Element &&
  !!el.closest('dialog, [role="dialog"]:not(.present), [role="alertdialog"], [role="menu"]');

/** A modal `<dialog>` is open: every key is its own, whatever has the focus. */
export const modalOpen = (): boolean => document.querySelector('dialog:modal') !== null;

const onButton = (el: EventTarget | null): boolean =>
  el instanceof Element && !!el.closest('button, [role="button"], summary');

/** `/` was pressed while the console was still loading: its prompt takes the focus on mount. */
let focusOnMount = false;

/** Focus the console's prompt (the wide console's when it is open), or once it has loaded. */
export function focusConsole(): void {
  const input = document.getElementById('kubectl-input');
  if (input) input.focus();
  else focusOnMount = true;
}

/** The console's prompt is there: it takes the focus if `/` asked for it while it loaded. */
export function consoleMounted(input: HTMLElement | null): void {
  if (input && focusOnMount) input.focus();
  focusOnMount = false;
}

export function useShortcuts(lab: Lab, openSheet: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        const step = e.key === '=' || e.key === '+' ? 1 : e.key === '-' ? -1 : e.key === '0' ? 0 : null;
        if (step !== null) {
          e.preventDefault();
          stepFontScale(step);
        }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/' && !isTyping(e.target)) {
        e.preventDefault();
        focusConsole();
        return;
      }
      if (ownsKey(e.target, e.key) || inDialog(e.target)) return;
      if (e.key === '?') {
        e.preventDefault();
        openSheet();
      } else if (e.key === ' ') {
        e.preventDefault();
        if (!e.repeat) lab.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        lab.stepForward();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        lab.stepBack();
      }
    };
    // Some browsers press a button on Space's keyup: that press belongs to play/pause too.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && onButton(e.target) && !isTyping(e.target) && !inDialog(e.target))
        e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [lab, openSheet]);
}
