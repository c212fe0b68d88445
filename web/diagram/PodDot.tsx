import { memo } from 'react';
import { useLab } from '../lab/context.ts';
import { podLabel } from '../ui/labels.ts';
import { samePod, type PodDotProps } from './pod.ts';
import { PodShape } from './PodShape.tsx';
import './pod.css';

/** A pod in a crowded lane: no animation, name and state in a native tooltip. */
export const PodDot = memo(
  function PodDot({ pod, x, y, r, t }: PodDotProps) {
    const lab = useLab();
    const open = () => lab.selectPod(pod.name);
    const label = podLabel(t, pod);
    return (
      <g
        className={`pod pod-${pod.state}`}
        role="button"
        tabIndex={0}
        aria-label={label}
        transform={`translate(${x},${y})`}
        // A fixed fade, not one that follows the grace period: crowded lanes change less per frame.
        opacity={pod.state === 'terminating' ? 0.6 : 1}
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.stopPropagation();
            open();
          }
        }}
      >
        <title>{label}</title>
        <PodShape pod={pod} r={r} />
      </g>
    );
  },
  // Progress shows only on a ContainerCreating ring here (terminating pods have a fixed fade).
  (a, b) => samePod(a, b, b.pod.state === 'creating'),
);
