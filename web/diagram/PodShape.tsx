import type { SVGProps } from 'react';
import { PALETTE, type PodView } from '../../src/index.ts';
import { podPaths, type PodPath } from './podPaths.ts';

/** How a part of a glyph is painted (DESIGN.md §5: fill and outline carry the state). */
function paintOf(p: PodPath, r: number): SVGProps<SVGPathElement> {
  const colour = PALETTE[p.colour];
  const sw = r > 10 ? 4 : 3;
  if (p.part === 'track') return { className: 'pod-bg ring-track', strokeWidth: sw };
  if (p.part === 'progress') return { fill: 'none', stroke: colour, strokeWidth: sw };
  if (p.part === 'strike') return { className: 'strike' };
  if (p.part === 'warning') return { className: 'warning' };
  if (p.part === 'check') return { fill: 'none', stroke: colour, strokeWidth: sw > 3 ? 2.5 : 2 };
  switch (p.state) {
    case 'pending':
      return { className: 'pod-bg', stroke: colour, strokeWidth: 2, strokeDasharray: '4 3' };
    case 'running':
      return { className: 'pod-bg', stroke: colour, strokeWidth: sw };
    case 'ready':
      return { fill: colour, fillOpacity: 0.5, stroke: colour, strokeWidth: 2 };
    case 'available':
      return { fill: colour };
    case 'terminating':
      return { fill: colour, fillOpacity: 0.4, stroke: colour, strokeWidth: 1.5 };
    case 'completed':
      return { className: 'pod-bg', stroke: colour, strokeWidth: 1.5, strokeOpacity: 0.6 };
    default:
      return { className: 'pod-bg', stroke: colour, strokeWidth: 2 };
  }
}

/**
 * The paths of `podPaths`; Terminating pods faded together by `fade` (a crowded lane's fixed fade;
 * a single glyph fades as a whole instead).
 */
export function PodPaths({ paths, r, fade = 1 }: { paths: readonly PodPath[]; r: number; fade?: number }) {
  const draw = (p: PodPath) => <path key={p.key} d={p.d} {...paintOf(p, r)} />;
  const leaving = paths.filter((p) => p.state === 'terminating');
  return (
    <>
      {paths.filter((p) => p.state !== 'terminating').map(draw)}
      {leaving.length > 0 && (fade === 1 ? leaving.map(draw) : <g opacity={fade}>{leaving.map(draw)}</g>)}
    </>
  );
}

/** A pod's glyph in the visual language of DESIGN.md §5, centred on 0,0. */
export function PodShape({ pod, r }: { pod: PodView; r: number }) {
  const paths = podPaths([{ x: 0, y: 0, state: pod.state, colour: pod.colour, progress: pod.progress }], r);
  return (
    <>
      <circle r={r + 5} className="focus-ring" />
      <PodPaths paths={paths} r={r} />
      {pod.state === 'failed' && r > 10 && (
        <text y={4.5} textAnchor="middle" className="warning-mark">
          !
        </text>
      )}
    </>
  );
}
