import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTick, flatPath, stepCorners } from './scale.ts';

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
