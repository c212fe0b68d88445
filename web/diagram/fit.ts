/**
 * How big the diagram is drawn: the sizing policy.
 *
 * A unit of the layout is one CSS pixel times the scale. The scale starts at the zoom the reader
 * chose (A−/A+) times a base that grows with wide boxes (a 1920 px screen draws larger than a
 * 1280 px one, up to 1.4×); the layout then takes the box's width at that scale, so text and pods
 * keep their size and a wider box gets longer rows of pods.
 *
 * `contain` (a box of fixed height: the desktop, presentation, embeds) shrinks the scale in steps
 * of 7% only while the layout is taller than the box, re-laying it out wider at each step (wider
 * means fewer rows), and never below 75% of where it started: beyond that the box scrolls rather
 * than make text unreadable. The steps are fixed, so a small change of height (a pod more) never
 * changes the size, and a second ReplicaSet shrinks the drawing only if it no longer fits.
 * `whole` (a Compare lane: three diagrams side by side, where a pod scrolled out of sight hides
 * what the lanes compare) is `contain` going on past that floor, down to half the starting scale,
 * until the whole drawing fits: a narrow box that would draw words above the pods gets a layout wide
 * enough for words beside them, which is far shorter.
 * `width` (stacked layouts: tablets, phones) fits the width and lets the page scroll.
 *
 *   box 850×360, zoom 1: base 1 → 850 units wide; blue/green 388 high → 0.93 → 914 wide, 361
 *   high → 0.865 fits (text 12 px → 10.4 px)
 */
export type FitMode = 'contain' | 'whole' | 'width';

/** Box width at which the base scale is 1; wider boxes draw larger, up to MAX_BASE. */
const BASE_WIDTH = 1000;
const MAX_BASE = 1.4;
export const FIT_STEP = 0.93;
/** The smallest scale, as a share of the starting one. */
export const FIT_FLOOR = 0.75;
/** The smallest scale of `whole`, as a share of the starting one. */
export const WHOLE_FLOOR = 0.5;

export interface Fitted<L> {
  scale: number;
  /** Layout width in units: box width / scale. */
  width: number;
  layout: L;
  /** Drawn height in CSS pixels. */
  height: number;
  /** Taller than the box even at the smallest scale: the box scrolls. */
  overflow: boolean;
}

export function baseScale(boxWidth: number): number {
  return Math.min(MAX_BASE, Math.max(1, boxWidth / BASE_WIDTH));
}

export function fitDiagram<L extends { height: number }>(
  box: { w: number; h: number },
  zoom: number,
  layoutAt: (width: number) => L,
  mode: FitMode,
): Fitted<L> {
  const start = zoom * baseScale(box.w);
  const floor = mode === 'whole' ? WHOLE_FLOOR : FIT_FLOOR;
  let scale = start;
  for (;;) {
    const width = box.w / scale;
    const layout = layoutAt(width);
    const height = layout.height * scale;
    const fits = mode === 'width' || height <= box.h;
    if (fits || scale * FIT_STEP < start * floor - 1e-9)
      return { scale, width, layout, height, overflow: !fits };
    scale *= FIT_STEP;
  }
}
