/**
 * The split between the diagram and the side column: drag it, or focus it and use ←/→ (Home and
 * End for the narrowest and widest, Enter for the default). The width is kept per device.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../i18n/index.ts';
import { clampSide, setSideWidth, SIDE_MAX_SHARE, SIDE_MIN } from './prefs.ts';

const STEP = 24;

export function Splitter() {
  const t = useT();
  const drag = useRef<{ right: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  // What the side column measures now (the default follows the screen until the reader drags).
  const measure = () =>
    Math.round(ref.current?.closest('.app')?.querySelector('.side')?.getBoundingClientRect().width ?? 0);
  const [shown, setShown] = useState(0);
  useLayoutEffect(() => {
    const side = ref.current?.closest('.app')?.querySelector('.side');
    if (!side || typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(() => setShown(measure()));
    ro.observe(side);
    return () => ro.disconnect();
  }, []);
  const set = (px: number) => setSideWidth(clampSide(px, window.innerWidth));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const app = e.currentTarget.closest('.app');
    const side = app?.querySelector('.side');
    if (!side) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { right: side.getBoundingClientRect().right };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) set(drag.current.right - e.clientX - 5);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const now = measure();
    const next =
      e.key === 'ArrowLeft'
        ? now + STEP
        : e.key === 'ArrowRight'
          ? now - STEP
          : e.key === 'Home'
            ? SIDE_MIN
            : e.key === 'End'
              ? window.innerWidth * SIDE_MAX_SHARE
              : null;
    if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      setSideWidth(null);
      return;
    }
    if (next === null) return;
    // The split's own arrows, not the app's step back / forward.
    e.preventDefault();
    e.stopPropagation();
    set(next);
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('layout.split')}
      aria-valuemin={SIDE_MIN}
      aria-valuemax={Math.round(window.innerWidth * SIDE_MAX_SHARE)}
      aria-valuenow={shown}
      aria-valuetext={t('layout.splitValue', { px: shown })}
      title={t('layout.splitTip')}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      ref={ref}
      onDoubleClick={() => setSideWidth(null)}
      onKeyDown={onKeyDown}
    />
  );
}
