import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { gaugeScale } from './geometry.ts';

describe('gaugeScale', () => {
  it.each([1, 4, 5, 11, 13, 14, 26, 41, 126, 1251])('maps and ticks like d3-scale for 0…%i pods', (max) => {
    const ours = gaugeScale(max, 40, 400);
    const d3 = scaleLinear().domain([0, max]).range([40, 400]);
    for (const v of [0, max / 3, max]) expect(ours(v)).toBeCloseTo(d3(v), 9);
    const count = Math.min(max, 12);
    expect(ours.ticks(count)).toEqual(d3.ticks(count).filter((t) => Number.isInteger(t)));
  });
});
