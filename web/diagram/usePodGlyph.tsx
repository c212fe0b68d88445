import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLab } from '../lab/context.ts';
import { podLabel } from '../ui/labels.ts';
import type { PodGlyphProps } from './pod.ts';
import { PodShape } from './PodShape.tsx';
import { PodTooltip } from './PodTooltip.tsx';

/**
 * The props and handlers a pod glyph's element takes, its contents, and its tooltip while hovered
 * or focused, the same drawn or animated. The tooltip is drawn beside the element, not in it: in it,
 * it would make the button's box three times the glyph's, with its centre off the glyph (where a
 * pointer aimed at the middle of the button would miss it).
 */
export function usePodGlyph({ pod, x, y, r, showLabel, tipLeft, tipRight, t }: PodGlyphProps) {
  const [hover, setHover] = useState(false);
  const lab = useLab();
  const open = () => lab.selectPod(pod.name);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      open();
    }
  };
  const props = {
    className: `pod pod-${pod.state}`,
    role: 'button',
    tabIndex: 0,
    'aria-label': podLabel(t, pod),
    // Found again by it when the glyph is drawn anew (see returnFocus).
    'data-focus-key': `pod/${pod.name}`,
    onClick: open,
    onKeyDown: onKey,
    onMouseEnter: () => setHover(true),
    onMouseLeave: () => setHover(false),
    onFocus: () => setHover(true),
    onBlur: () => setHover(false),
  };
  const children: ReactNode = (
    <>
      <PodShape pod={pod} r={r} />
      {showLabel && (
        <text y={r + 13} textAnchor="middle" className="pod-label">
          {pod.version}
        </text>
      )}
    </>
  );
  const tooltip: ReactNode = hover ? (
    <g transform={`translate(${x} ${y})`}>
      <PodTooltip pod={pod} x={x} r={r} tipLeft={tipLeft} tipRight={tipRight} t={t} />
    </g>
  ) : null;
  const opacity = pod.state === 'terminating' ? Math.max(0.3, 1 - pod.progress * 0.7) : 1;
  return { props, children, opacity, tooltip };
}
