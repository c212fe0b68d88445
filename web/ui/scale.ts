/**
 * The timeline's horizontal scale, shared by every chart drawn over virtual time (the single-lane
 * timeline and the comparison's), so the same moment sits at the same x in both.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useLayoutEffect, useState, type RefObject } from 'react';

/** Margins of a timeline chart in CSS pixels. */
export const M = { l: 34, r: 12, t: 10 };

/**
 * A count on a chart's replicas axis, in the margin left of it (M.l): from 10,000 on in thousands
 * (10k, 12.5k, 100k), since five digits are wider than the margin and were cut off.
 */
export const countTick = (v: number): string => (v >= 10_000 ? `${+(v / 1000).toFixed(1)}k` : String(v));

/**
 * Where a replicas axis has its gridlines: at whole counts above zero. d3 puts three ticks at
 * halves when the chart is one pod high (0.5, 1), and no pod is ever half there.
 */
export const countTicks = (y: ScaleLinear<number, number>): number[] =>
  y.ticks(3).filter((v) => v > 0 && Number.isInteger(v));

/** Steps between a time axis' ticks, in seconds: what a clock reads in round numbers. */
const TIME_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
];

/**
 * Where a time axis over [0, duration] has its ticks: at most about `count`, a round step apart
 * (every 30 s, 1 min, 5 min, 1 h…). d3's ticks are round numbers of seconds, which a clock does
 * not read as round: 0:50, 1:40, 2:30.
 */
export function timeTicks(duration: number, count: number): number[] {
  const want = duration / Math.max(1, count);
  const step = TIME_STEPS.find((s) => s >= want) ?? Math.ceil(want / 86400) * 86400;
  const ticks: number[] = [];
  for (let i = 0; i * step <= duration + 1e-9; i++) ticks.push(i * step);
  return ticks;
}

/** Virtual seconds [0, duration] to x in a chart `width` pixels wide. */
export const xScale = (duration: number, width: number) =>
  scaleLinear()
    .domain([0, Math.max(duration, 1e-9)])
    .range([M.l, width - M.r]);

/** The figure's width in CSS pixels, so the chart keeps a fixed height and unscaled text. */
export function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [w, setW] = useState(1000);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(([e]) => {
      const next = Math.round(e?.contentRect.width ?? 0);
      if (next > 0) setW(next);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

/**
 * A d3-shape path as one flat string. d3 builds it by appending, which leaves a rope of thousands
 * of pieces in V8; React keeps the prop, so an hour of timeline held about 6 MB of rope (300,000
 * pieces) where the flat text is a sixth of that. Reading a character makes V8 flatten the rope
 * in place, freeing its pieces.
 */
export function flatPath(d: string | null): string {
  if (d === null) return '';
  d.charCodeAt(0);
  return d;
}

/**
 * The points a step curve (d3's curveStepAfter) needs: the first, each that changes the value, and
 * the last. The drawing is the same; a steady hour is a few points instead of 3,600.
 */
export function stepCorners<R>(rows: readonly R[], same: (a: R, b: R) => boolean): readonly R[] {
  return rows.filter((r, i) => i === 0 || i === rows.length - 1 || !same(r, rows[i - 1]!));
}
