/**
 * A lane's pods animated by framer-motion as they come, change and go. The library loads after the
 * first paint (a lazy component in Lane.tsx); lanes draw still glyphs until then, and these take over from
 * where they stand (`initial={false}`: nothing present when they arrive animates in).
 */
import { AnimatePresence, domAnimation, LazyMotion, m as motion, MotionConfig } from 'framer-motion';
import { memo } from 'react';
import { useFocusThroughRedraw } from '../layout/focus.ts';
import type { PodPos } from './geometry.ts';
import { samePodGlyph, type PodGlyphProps } from './pod.ts';
import { usePodGlyph } from './usePodGlyph.tsx';

const MotionPodGlyph = memo(function MotionPodGlyph(p: PodGlyphProps) {
  const { props, children, opacity, tooltip } = usePodGlyph(p);
  const { x, y } = p;
  return (
    <>
      <motion.g
        {...props}
        initial={{ opacity: 0, scale: 0.4, x, y }}
        animate={{ opacity, scale: 1, x, y }}
        exit={{ opacity: 0, scale: 0.4 }}
        transition={{ duration: 0.35 }}
      >
        {children}
      </motion.g>
      {tooltip}
    </>
  );
}, samePodGlyph);

export default function AnimatedPods({
  pods,
  ...rest
}: { pods: readonly PodPos[] } & Pick<PodGlyphProps, 'tipLeft' | 'tipRight' | 't'>) {
  useFocusThroughRedraw();
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion="user">
        <AnimatePresence initial={false}>
          {pods.map((p) => (
            <MotionPodGlyph
              key={p.pod.uid}
              pod={p.pod}
              x={p.x}
              y={p.y}
              r={p.size.r}
              showLabel={p.size.label}
              {...rest}
            />
          ))}
        </AnimatePresence>
      </MotionConfig>
    </LazyMotion>
  );
}
