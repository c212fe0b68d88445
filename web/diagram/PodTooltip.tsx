import type { PodView } from '../../src/index.ts';
import { stateText, type T } from '../ui/labels.ts';

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
