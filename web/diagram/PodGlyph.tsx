import { m as motion } from 'framer-motion';
import { memo, useState, type KeyboardEvent } from 'react';
import type { PodView } from '../../src/index.ts';
import { useLab } from '../lab/context.ts';
import { podLabel, stateText, type T } from '../ui/labels.ts';
import { samePod, type PodGlyphProps } from './pod.ts';
import { PodShape } from './PodShape.tsx';
import './pod.css';

/**
 * A pod's name, version, state and node above its glyph (drawn at the pod's centre), kept between
 * `tipLeft` and `tipRight`, the lane's pod area.
 */
export function PodTooltip({
  pod,
  x,
  r,
  tipLeft,
  tipRight,
  t,
}: {
  pod: PodView;
  x: number;
  r: number;
  tipLeft: number;
  tipRight: number;
  t: T;
}) {
  const tipW = 270;
  const state = stateText(t, pod.state);
  const tipX = Math.min(Math.max(-tipW / 2, tipLeft - x), tipRight - x - tipW);
  return (
    <g className="tooltip" transform={`translate(0, ${-r - 12})`} aria-hidden="true">
      <rect x={tipX} y={-40} width={tipW} height={36} rx={6} />
      <text x={tipX + tipW / 2} y={-25} textAnchor="middle">
        {pod.name}
      </text>
      <text x={tipX + tipW / 2} y={-11} textAnchor="middle">
        {pod.version} · {state}
        {pod.reason && pod.reason !== 'Running' && pod.reason !== 'Terminating' && pod.reason !== state
          ? ` (${pod.reason})`
          : ''}
        {pod.node ? ` · ${pod.node}` : ''}
      </text>
    </g>
  );
}

/** A pod one by one (lanes of a few pods): animated as it comes, changes and goes. */
export const PodGlyph = memo(
  function PodGlyph({ pod, x, y, r, showLabel, tipLeft, tipRight, t }: PodGlyphProps) {
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
    const fadeOpacity = pod.state === 'terminating' ? Math.max(0.3, 1 - pod.progress * 0.7) : 1;
    return (
      <motion.g
        className={`pod pod-${pod.state}`}
        role="button"
        tabIndex={0}
        aria-label={podLabel(t, pod)}
        initial={{ opacity: 0, scale: 0.4, x, y }}
        animate={{ opacity: fadeOpacity, scale: 1, x, y }}
        exit={{ opacity: 0, scale: 0.4 }}
        transition={{ duration: 0.35 }}
        onClick={open}
        onKeyDown={onKey}
        onMouseEnter={() => setHover(true)}
        onMouseLeave={() => setHover(false)}
        onFocus={() => setHover(true)}
        onBlur={() => setHover(false)}
      >
        <PodShape pod={pod} r={r} />
        {showLabel && (
          <text y={r + 13} textAnchor="middle" className="pod-label">
            {pod.version}
          </text>
        )}
        {hover && <PodTooltip pod={pod} x={x} r={r} tipLeft={tipLeft} tipRight={tipRight} t={t} />}
      </motion.g>
    );
  },
  (a, b) => samePod(a, b) && a.tipLeft === b.tipLeft && a.tipRight === b.tipRight,
);
