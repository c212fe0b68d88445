import { describe, expect, it } from 'vitest';
import { baseScale, FILL_CEILING, FillCap, FIT_FLOOR, FIT_STEP, fitDiagram, WHOLE_FLOOR } from './fit.ts';

/** A drawing whose height shrinks as it gets wider: `area` units², never below `min` high. */
const drawing =
  (area: number, min = 0) =>
  (width: number) => ({ height: Math.max(min, area / width) });

describe('fitDiagram', () => {
  it.each([
    // name, box, zoom, drawing, want scale
    ['fits at the starting scale: drawn at it', { w: 850, h: 400 }, 1, drawing(850 * 300), 1],
    ['a wide box starts larger (1920 px: 1.4)', { w: 1500, h: 700 }, 1, drawing(1000 * 300), 1.4],
    ['the reader’s zoom multiplies the base', { w: 850, h: 800 }, 1.3, drawing(650 * 300), 1.3],
    ['one step smaller when one step is enough', { w: 850, h: 340 }, 1, drawing(850 * 360), FIT_STEP],
    ['two steps when one is not', { w: 850, h: 300 }, 1, drawing(850 * 360, 340), FIT_STEP ** 2],
  ])('%s', (_name, box, zoom, at, want) => {
    const f = fitDiagram(box, zoom, at, 'contain');
    expect(f.scale).toBeCloseTo(want, 9);
    expect(f.width).toBeCloseTo(box.w / f.scale, 9);
    expect(f.height).toBeLessThanOrEqual(box.h + 1e-9);
    expect(f.overflow).toBe(false);
  });

  it('never goes below the floor: a drawing that cannot fit scrolls instead', () => {
    const f = fitDiagram({ w: 850, h: 200 }, 1, drawing(1, 1000), 'contain');
    expect(f.scale).toBeGreaterThanOrEqual(FIT_FLOOR - 1e-9);
    expect(f.scale * FIT_STEP).toBeLessThan(FIT_FLOOR);
    expect(f.overflow).toBe(true);
    expect(f.height).toBeCloseTo(1000 * f.scale, 9);
  });

  it.each([
    // zoom, lowest scale: 75% of the start, or the unzoomed size where that is lower
    [1, FIT_FLOOR],
    [1.3, 1.3 * FIT_FLOOR],
    [1.5, 1],
    [1.75, 1],
  ])('zoom %s: a drawing too tall for the box stops at %s, then scrolls', (zoom, lowest) => {
    const f = fitDiagram({ w: 850, h: 200 }, zoom, drawing(1, 1000), 'contain');
    expect(f.scale).toBeGreaterThanOrEqual(lowest - 1e-9);
    expect(f.scale * FIT_STEP).toBeLessThan(lowest);
    expect(f.overflow).toBe(true);
  });

  it('larger text in a short box fits at the unzoomed size rather than scroll', () => {
    // 1.5× text, a box of 300 px, a drawing 280 units high at any width: 1.125 (75% of 1.5)
    // would draw 315 px, 1.04 draws 292.
    const f = fitDiagram({ w: 850, h: 300 }, 1.5, () => ({ height: 280 }), 'contain');
    expect(f.overflow).toBe(false);
    expect(f.scale).toBeCloseTo(1.5 * FIT_STEP ** 5, 9);
  });

  it('whole with larger text: down to half the unzoomed size, as without it', () => {
    // 1.5× text: half the start (0.75) is not low enough for a drawing 700 units high in 400 px.
    const f = fitDiagram({ w: 400, h: 400 }, 1.5, () => ({ height: 700 }), 'whole');
    expect(f.overflow).toBe(false);
    expect(f.scale).toBeLessThan(0.75);
    expect(f.scale).toBeGreaterThanOrEqual(WHOLE_FLOOR - 1e-9);
    const never = fitDiagram({ w: 400, h: 100 }, 1.5, () => ({ height: 700 }), 'whole');
    expect(never.scale).toBeGreaterThanOrEqual(WHOLE_FLOOR - 1e-9);
    expect(never.scale * FIT_STEP).toBeLessThan(WHOLE_FLOOR);
  });

  it('whole: goes on past the floor until the drawing fits (a Compare lane)', () => {
    // 400 px wide, 340 high: words above the pods (600 units tall) below 600 units, beside them
    // (370 tall) from 600 on; the first step whose layout is 600 units wide fits.
    const lane = (width: number) => ({ height: width < 600 ? 600 : 370 });
    const f = fitDiagram({ w: 400, h: 340 }, 1, lane, 'whole');
    expect(f.scale).toBeLessThan(FIT_FLOOR);
    expect(f.width).toBeGreaterThanOrEqual(600);
    expect(f.width * FIT_STEP).toBeLessThan(600);
    expect(f.overflow).toBe(false);
    expect(fitDiagram({ w: 400, h: 340 }, 1, lane, 'contain').overflow).toBe(true);
  });

  it.each([
    // name, box, drawing (height whatever the width), spare, cap, want scale: the largest step
    // from 1 whose (height + spare) × scale fits the box, at most the ceiling and the cap.
    ['grows while the drawing fits', { w: 900, h: 250 }, 200, 0, Infinity, FIT_STEP ** -3],
    ['keeps room for the spare lane', { w: 900, h: 400 }, 200, 67, Infinity, FIT_STEP ** -5],
    ['never past twice the start', { w: 900, h: 2000 }, 200, 0, Infinity, FIT_STEP ** -9],
    ['never past the cap', { w: 900, h: 400 }, 200, 0, FIT_STEP ** -1, FIT_STEP ** -1],
    ['no room to grow: contain', { w: 900, h: 300 }, 350, 0, Infinity, FIT_STEP ** 3],
  ])('fill: %s', (_name, box, high, spare, cap, want) => {
    const f = fitDiagram(box, 1, () => ({ height: high }), 'fill', { spare, cap });
    expect(f.scale).toBeCloseTo(want, 9);
    expect(f.scale).toBeLessThanOrEqual(FILL_CEILING + 1e-9);
    if (f.scale > 1) expect((high + spare) * f.scale).toBeLessThanOrEqual(box.h + 1e-9);
    if (f.scale > 1 && f.scale / FIT_STEP <= Math.min(FILL_CEILING, cap))
      expect((high + spare) * (f.scale / FIT_STEP)).toBeGreaterThan(box.h);
  });

  it('fill: a drawing that outgrew its box does not grow back in it until the box changes', () => {
    const cap = new FillCap();
    const box = { w: 900, h: 400 };
    const draw = (high: number) => {
      const f = fitDiagram(box, 1, () => ({ height: high }), 'fill', { spare: 0, cap: cap.of(box, 1) });
      cap.drawn(f.scale);
      return f.scale;
    };
    const small = draw(200);
    const tall = draw(300);
    expect(tall).toBeLessThan(small);
    expect(draw(200)).toBeCloseTo(tall, 9);
    expect(cap.of({ w: 900, h: 401 }, 1)).toBe(Infinity);
  });

  it('whole: never below half the starting scale', () => {
    const f = fitDiagram({ w: 850, h: 200 }, 1, drawing(1, 1000), 'whole');
    expect(f.scale).toBeGreaterThanOrEqual(WHOLE_FLOOR - 1e-9);
    expect(f.scale * FIT_STEP).toBeLessThan(WHOLE_FLOOR);
    expect(f.overflow).toBe(true);
  });

  it('a few units more or less do not change the size (the steps are fixed)', () => {
    const box = { w: 850, h: 345 };
    const scales = [360, 362, 365, 368].map(
      (h) => fitDiagram(box, 1, () => ({ height: h }), 'contain').scale,
    );
    expect(new Set(scales).size).toBe(1);
  });

  it('fitting the width never shrinks for height', () => {
    const f = fitDiagram({ w: 360, h: 100 }, 1, drawing(1, 2000), 'width');
    expect(f.scale).toBe(1);
    expect(f.width).toBe(360);
    expect(f.overflow).toBe(false);
  });

  it.each([
    [390, 1],
    [1000, 1],
    [1200, 1.2],
    [2000, 1.4],
  ])('base scale of a %i px box is %f', (w, want) => expect(baseScale(w)).toBeCloseTo(want, 9));
});
