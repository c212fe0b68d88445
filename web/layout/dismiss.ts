/** Menus and disclosures that close like menus: Escape (focus back on their button) or a press outside. */
import { useEffect, useEffectEvent, type RefObject } from 'react';

/**
 * While `open`, Escape calls `close(true)` (give the focus back) and a press outside every element
 * of `within` calls `close(false)`. Listened to in the capture phase, so a handler that stops the
 * key further down cannot keep the menu open.
 */
export function useDismiss(
  open: boolean,
  within: readonly RefObject<Element | null>[],
  close: (returnFocus: boolean) => void,
): void {
  const onClose = useEffectEvent(close);
  const outside = useEffectEvent((target: Node) => !within.some((r) => r.current?.contains(target)));
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose(true);
    };
    const onDown = (e: PointerEvent) => {
      if (outside(e.target as Node)) onClose(false);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [open]);
}
