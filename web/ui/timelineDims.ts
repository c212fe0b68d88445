/**
 * The timeline's heights, shared by the chart (a lazily loaded part) and the box that stands in
 * for it until it arrives: both are the same height, so nothing below or beside them moves when
 * the chart loads.
 *
 * Replicas are drawn from M.t down to REPLICAS_BOTTOM, requests per second in the band below.
 * Windows under 820 px high (a 720p projector) get the short chart, so the diagram keeps its room.
 */
import { STACKED, useMedia } from '../layout/media.ts';

export interface Dims {
  H: number;
  REPLICAS_BOTTOM: number;
  BAND_TOP: number;
  BAND_BOTTOM: number;
  AXIS_Y: number;
}
const TALL: Dims = { H: 110, REPLICAS_BOTTOM: 62, BAND_TOP: 70, BAND_BOTTOM: 92, AXIS_Y: 106 };
const SHORT: Dims = { H: 86, REPLICAS_BOTTOM: 46, BAND_TOP: 52, BAND_BOTTOM: 68, AXIS_Y: 82 };

export function useTimelineDims(): Dims {
  const short = useMedia('(max-height: 819px)');
  const stacked = useMedia(STACKED);
  return short && !stacked ? SHORT : TALL;
}
