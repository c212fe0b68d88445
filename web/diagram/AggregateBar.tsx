import { PALETTE, type RsView } from '../../src/index.ts';
import { countByState, stateCounts, type T } from '../ui/labels.ts';

/** Too many pods to draw one by one: a bar per state with counts. */
export function AggregateBar({
  lane,
  x,
  y,
  right,
  t,
}: {
  lane: RsView;
  x: number;
  y: number;
  right: number;
  t: T;
}) {
  const counts = countByState(lane.pods);
  const total = lane.pods.length;
  const width = right - x;
  let cx = x;
  const text = stateCounts(t, lane.pods);
  return (
    <g role="img" aria-label={t('aggregate.label', { n: total, version: lane.version, list: text })}>
      {[...counts].map(([s, n]) => {
        const w = (n / total) * width;
        const r = (
          <rect
            key={s}
            x={cx}
            y={y}
            width={w}
            height={16}
            fill={s === 'failed' ? 'var(--danger)' : PALETTE[lane.colour]}
            opacity={s === 'available' ? 1 : s === 'terminating' ? 0.25 : 0.55}
          />
        );
        cx += w;
        return r;
      })}
      <text x={x} y={y + 32} className="tiny">
        {t('aggregate.text', { n: total, list: text })}
      </text>
    </g>
  );
}
