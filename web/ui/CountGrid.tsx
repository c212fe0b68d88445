import type { ScaleLinear } from 'd3-scale';
import { countTick, countTicks, M } from './scale.ts';

/** A replicas axis' gridlines across a chart `width` wide, each with its count in the left margin. */
export function CountGrid({ y, width }: { y: ScaleLinear<number, number>; width: number }) {
  return (
    <>
      {countTicks(y).map((v) => (
        <g key={`y${v}`}>
          <line x1={M.l} x2={width - M.r} y1={y(v)} y2={y(v)} className="grid" />
          <text x={M.l - 6} y={y(v) + 4} textAnchor="end" className="tick">
            {countTick(v)}
          </text>
        </g>
      ))}
    </>
  );
}
