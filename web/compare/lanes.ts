/**
 * How a lane is told apart without colour (versions own the colours): a number badge and a line
 * pattern, the same in the lane's header, the table's column and the timeline.
 */
import type { Localized } from '../../src/index.ts';
import type { Lang } from '../i18n/index.ts';

export const laneKey = (i: number): string => String(i + 1);

/** Dash patterns of the lanes' lines in the timeline (solid, dashed, dotted, dash-dot). */
export const LANE_DASH = ['', '7 4', '2 3', '9 3 2 3'] as const;

export const laneDash = (i: number): string => LANE_DASH[i % LANE_DASH.length]!;

export function laneTitle(l: { name: string; title?: Localized }, lang: Lang): string {
  return l.title?.[lang] ?? l.title?.en ?? l.name;
}
