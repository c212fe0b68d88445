import { useEffect, useRef } from 'react';
import { attachTrafficCanvas } from './traffic.ts';

/** The canvas the request dots are drawn on (see traffic.ts). */
export function TrafficLayer() {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => (ref.current ? attachTrafficCanvas(ref.current) : undefined), []);
  return <canvas ref={ref} className="traffic-layer" aria-hidden="true" data-testid="traffic-layer" />;
}
