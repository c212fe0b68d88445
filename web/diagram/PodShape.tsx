import { PALETTE, type PodView } from '../../src/index.ts';

/** A pod's glyph in the visual language of DESIGN.md §5 (fill and outline carry the state). */
export function PodShape({ pod, r }: { pod: PodView; r: number }) {
  const colour = PALETTE[pod.colour];
  const circ = 2 * Math.PI * r;
  const sw = r > 10 ? 4 : 3;
  return (
    <>
      <circle r={r + 5} className="focus-ring" />
      {pod.state === 'pending' && (
        <circle r={r} className="pod-bg" stroke={colour} strokeWidth={2} strokeDasharray="4 3" />
      )}
      {pod.state === 'creating' && (
        <>
          <circle r={r} className="pod-bg ring-track" strokeWidth={sw} />
          <circle
            r={r}
            fill="none"
            stroke={colour}
            strokeWidth={sw}
            strokeDasharray={`${circ * Math.max(0.05, pod.progress)} ${circ}`}
            transform="rotate(-90)"
          />
        </>
      )}
      {pod.state === 'running' && <circle r={r} className="pod-bg" stroke={colour} strokeWidth={sw} />}
      {pod.state === 'ready' && (
        <circle r={r} fill={colour} fillOpacity={0.5} stroke={colour} strokeWidth={2} />
      )}
      {pod.state === 'available' && <circle r={r} fill={colour} />}
      {pod.state === 'terminating' && (
        <>
          <circle r={r} fill={colour} fillOpacity={0.4} stroke={colour} strokeWidth={1.5} />
          <line x1={-r - 3} y1={r + 3} x2={r + 3} y2={-r - 3} className="strike" />
        </>
      )}
      {pod.state === 'failed' && (
        <>
          <circle r={r} className="pod-bg" stroke={colour} strokeWidth={2} />
          <path
            d={`M0,${-r * 0.65} L${r * 0.58},${r * 0.45} L${-r * 0.58},${r * 0.45} Z`}
            className="warning"
          />
          {r > 10 && (
            <text y={4.5} textAnchor="middle" className="warning-mark">
              !
            </text>
          )}
        </>
      )}
    </>
  );
}
