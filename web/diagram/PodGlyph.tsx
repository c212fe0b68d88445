import { memo } from 'react';
import { samePodGlyph, type PodGlyphProps } from './pod.ts';
import { usePodGlyph } from './usePodGlyph.tsx';
import './pod.css';

/**
 * A pod one by one (lanes of a few pods), drawn where it is. Until framer-motion has loaded (just
 * after the first paint) lanes draw these; then `AnimatedPods` animates pods as they come, change
 * and go, starting from where these stand.
 */
export const PodGlyph = memo(function PodGlyph(p: PodGlyphProps) {
  const { props, children, opacity, tooltip } = usePodGlyph(p);
  return (
    <>
      <g {...props} transform={`translate(${p.x} ${p.y})`} opacity={opacity}>
        {children}
      </g>
      {tooltip}
    </>
  );
}, samePodGlyph);
