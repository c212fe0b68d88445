/** The axes both timelines draw alike (the lab's and the comparison's). */
import type { ScaleLinear } from 'd3-scale';
import { formatTime } from './hooks.ts';
import { countTick, countTicks, M, timeTicks, xScale } from './scale.ts';

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

/** The time axis' labels over [0, duration], about one per 90 px, at height `y`. */
export function TimeTicks({ duration, width, y }: { duration: number; width: number; y: number }) {
  const x = xScale(duration, width);
  return (
    <>
      {timeTicks(duration, Math.max(2, Math.floor(width / 90))).map((v) => (
        <text key={`x${v}`} x={x(v)} y={y} textAnchor="middle" className="tick">
          {formatTime(v).replace(/\.0$/, '')}
        </text>
      ))}
    </>
  );
}
