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
 * than make text unreadable; with larger text (A+) it may come down to the unzoomed size, if that
 * is lower (text the reader enlarged, in a box too short for it). The steps are fixed, so a small
 * change of height (a pod more) never changes the size, and a second ReplicaSet shrinks the
 * drawing only if it no longer fits.
 * `whole` (a Compare lane: three diagrams side by side, where a pod scrolled out of sight hides
 * what the lanes compare) is `contain` going on past that floor, down to half the starting scale
 * (half the unzoomed one with larger text), until the whole drawing fits: a narrow box that would
 * draw words above the pods gets a layout wide enough for words beside them, which is far shorter.
 * `width` (stacked layouts: tablets, phones) fits the width and lets the page scroll.
 * `fill` (presentation mode, read from the back of a room) first grows the scale in the same
 * steps, up to twice the start, while the layout fits the box's height. Its first drawing in a box
 * keeps `spare` units free under it (room for a rolling update's new lane), and what it is drawn at
 * becomes the `cap` the caller passes back: later drawings grow up to it and no further, and come
 * down (lowering it) only when they no longer fit. So a rollout's new lane uses the spare room
 * instead of shrinking the drawing halfway through, and a drawing that once outgrew the box
 * (blue/green's second Deployment) stays at the size that fits rather than grow and shrink with
 * each change. What does not fit even at the start is `contain`.
 *
 *   box 850×360, zoom 1: base 1 → 850 units wide; blue/green 388 high → 0.93 → 914 wide, 361
 *   high → 0.865 fits (text 12 px → 10.4 px)
 */
export type FitMode = 'contain' | 'fill' | 'whole' | 'width';

/** Box width at which the base scale is 1; wider boxes draw larger, up to MAX_BASE. */
const BASE_WIDTH = 1000;
const MAX_BASE = 1.4;
export const FIT_STEP = 0.93;
/** The smallest scale, as a share of the starting one. */
export const FIT_FLOOR = 0.75;
/** The smallest scale of `whole`, as a share of the starting one. */
export const WHOLE_FLOOR = 0.5;
/** The largest scale of `fill`, as a share of the starting one. */
export const FILL_CEILING = 2;

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
  fill: { spare: number; cap: number } = { spare: 0, cap: Infinity },
): Fitted<L> {
  const start = zoom * baseScale(box.w);
  if (mode === 'fill') {
    let grown: Fitted<L> | undefined;
    const most = Math.min(start * FILL_CEILING, fill.cap) + 1e-9;
    // The first drawing in a box keeps the spare room; later ones may use it, up to the cap.
    const spare = fill.cap === Infinity ? fill.spare : 0;
    for (let scale = start / FIT_STEP; scale <= most; scale /= FIT_STEP) {
      const width = box.w / scale;
      const layout = layoutAt(width);
      if ((layout.height + spare) * scale > box.h) break;
      grown = { scale, width, layout, height: layout.height * scale, overflow: false };
    }
    if (grown) return grown;
  }
  // Larger text (A+) may come down as far as the unzoomed size: that size is readable, a pod
  // scrolled out of a short box is not seen at all. `whole` goes as low as it does unzoomed.
  const base = baseScale(box.w);
  const lowest = mode === 'whole' ? Math.min(start, base) * WHOLE_FLOOR : Math.min(start * FIT_FLOOR, base);
  let scale = start;
  for (;;) {
    const width = box.w / scale;
    const layout = layoutAt(width);
    const height = layout.height * scale;
    const fits = mode === 'width' || height <= box.h;
    if (fits || scale * FIT_STEP < lowest - 1e-9) return { scale, width, layout, height, overflow: !fits };
    scale *= FIT_STEP;
  }
}

/**
 * `fill`'s cap for one diagram: the scale its box last had to come down to, forgotten when the box
 * is resized or the reader's zoom changes.
 */
export class FillCap {
  private box = '';
  private scale = Infinity;

  /** The cap for a box of this size at this zoom. */
  of(box: { w: number; h: number }, zoom: number): number {
    const key = `${box.w}×${box.h}×${zoom}`;
    if (key !== this.box) {
      this.box = key;
      this.scale = Infinity;
    }
    return this.scale;
  }

  /** The diagram was drawn at this scale. */
  drawn(scale: number): void {
    this.scale = Math.min(this.scale, scale);
  }
}
