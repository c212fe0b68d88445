import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTick, flatPath, stepCorners, timeTicks } from './scale.ts';

interface Row {
  t: number;
  v: number;
}

/** What a step-after curve shows at x: the value of the last row at or before it. */
const valueAt = (rows: readonly Row[], x: number) => rows.filter((r) => r.t <= x).at(-1)?.v;

describe('stepCorners', () => {
  it('keeps the first row, each change and the last row', () => {
    const rows = [0, 0, 0, 2, 2, 1, 1, 1].map((v, t) => ({ t, v }));
    expect(stepCorners(rows, (a, b) => a.v === b.v).map((r) => r.t)).toEqual([0, 3, 5, 7]);
    expect(stepCorners([], (a: Row, b: Row) => a.v === b.v)).toEqual([]);
  });

  it('draws the same step curve: every x shows the same value, over the same span', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }), (values) => {
        const rows = values.map((v, t) => ({ t, v }));
        const kept = stepCorners(rows, (a, b) => a.v === b.v);
        expect(kept[0]).toBe(rows[0]);
        expect(kept.at(-1)).toBe(rows.at(-1));
        for (let x = 0; x < rows.length; x += 0.5) expect(valueAt(kept, x)).toBe(valueAt(rows, x));
      }),
    );
  });
});

describe('flatPath', () => {
  it('returns the path text unchanged, and an empty path for none', () => {
    let d = '';
    for (let i = 0; i < 100; i++) d += `L${i},${i % 3}`;
    expect(flatPath(d)).toBe(d);
    expect(flatPath(null)).toBe('');
  });
});

describe('countTick', () => {
  it.each([
    [1, '1'],
    [3, '3'],
    [500, '500'],
    [9000, '9000'],
    [10_000, '10k'],
    [12_500, '12.5k'],
    [100_000, '100k'],
  ])('%i reads %s', (v, want) => {
    expect(countTick(v)).toBe(want);
  });
});

describe('timeTicks', () => {
  it.each([
    // [duration, at most about, ticks]
    [180, 5, [0, 60, 120, 180]],
    [150, 3, [0, 60, 120]],
    [1000, 4, [0, 300, 600, 900]],
    [3600, 10, [0, 600, 1200, 1800, 2400, 3000, 3600]],
    [40, 8, [0, 5, 10, 15, 20, 25, 30, 35, 40]],
    [5400, 3, [0, 1800, 3600, 5400]],
  ])('%i s, about %i ticks: %j', (duration, count, ticks) => {
    expect(timeTicks(duration, count)).toEqual(ticks);
  });

  it('steps in round clock numbers, never more than about `count` ticks', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 7 * 86400, noNaN: true }),
        fc.integer({ min: 2, max: 20 }),
        (d, n) => {
          const ticks = timeTicks(d, n);
          expect(ticks[0]).toBe(0);
          expect(ticks.at(-1)!).toBeLessThanOrEqual(d + 1e-9);
          expect(ticks.length).toBeLessThanOrEqual(n + 1);
          const step = ticks[1]! - ticks[0]!;
          if (ticks.length > 1) expect(step % 60 === 0 || 60 % step === 0).toBe(true);
        },
      ),
    );
  });
});
