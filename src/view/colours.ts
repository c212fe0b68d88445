/**
 * Colours of versions: one per image, handed out in order of first appearance in a run and never
 * changed afterwards, from the Okabe–Ito palette (colour-blind safe; always paired with the
 * version's text label, DESIGN.md §5).
 */

/** Okabe–Ito, colour-blind safe; always paired with the version label. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'] as const;

export class ColourBook {
  private byImage = new Map<string, number>();

  /** The image's colour (an index into PALETTE), handing out the next one to an image not seen yet. */
  of(image: string): number {
    let i = this.byImage.get(image);
    if (i === undefined) {
      i = this.byImage.size % PALETTE.length;
      this.byImage.set(image, i);
    }
    return i;
  }

  /** The colour an image already has, without handing one out. */
  peek(image: string): number | undefined {
    return this.byImage.get(image);
  }

  /** Every image with its colour, in the order they appeared. */
  entries(): [string, number][] {
    return [...this.byImage];
  }
}
