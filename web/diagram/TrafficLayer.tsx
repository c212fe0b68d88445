import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useLab } from '../lab/context.ts';
import { TrafficPainter } from './traffic.ts';

/** The canvas the request dots are drawn on (see traffic.ts), one painter per diagram. */
export function TrafficLayer({ painterRef }: { painterRef: RefObject<TrafficPainter | null> }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const lab = useLab();
  // Before the diagram's own layout effect (a child's run first), so its first drawing has a painter.
  useLayoutEffect(() => {
    if (!ref.current) return;
    const p = new TrafficPainter(ref.current, {
      now: () => lab.run.now(),
      speed: () => lab.player.speed,
      requests: (seconds) => lab.run.recentRequests(seconds),
      listen: (fn) => lab.store.subscribe(fn),
    });
    painterRef.current = p;
    return () => {
      p.detach();
      painterRef.current = null;
    };
  }, [lab, painterRef]);
  return <canvas ref={ref} className="traffic-layer" aria-hidden="true" data-testid="traffic-layer" />;
}
