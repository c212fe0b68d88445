import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { assignSlots, gaugeScale } from './geometry.ts';

describe('gaugeScale', () => {
  it.each([1, 4, 5, 11, 13, 14, 26, 41, 126, 1251])('maps and ticks like d3-scale for 0…%i pods', (max) => {
    const ours = gaugeScale(max, 40, 400);
    const d3 = scaleLinear().domain([0, max]).range([40, 400]);
    for (const v of [0, max / 3, max]) expect(ours(v)).toBeCloseTo(d3(v), 9);
    const count = Math.min(max, 12);
    expect(ours.ticks(count)).toEqual(d3.ticks(count).filter((t) => Number.isInteger(t)));
  });
});

describe('assignSlots', () => {
  const pods = (...uids: string[]) => uids.map((uid) => ({ uid }));
  const slots = (m: Map<string, number>) => Object.fromEntries(m);

  it.each([
    {
      name: 'with no memory, pods take slots in creation order',
      now: pods('a', 'b', 'c'),
      capacity: 4,
      previous: undefined,
      want: { a: 0, b: 1, c: 2 },
    },
    {
      name: 'a deleted pod leaves a gap; the others stay put',
      now: pods('a', 'c', 'd'),
      capacity: 4,
      previous: new Map([
        ['a', 0],
        ['b', 1],
        ['c', 2],
        ['d', 3],
      ]),
      want: { a: 0, c: 2, d: 3 },
    },
    {
      name: 'a new pod fills the lowest gap',
      now: pods('a', 'c', 'e'),
      capacity: 4,
      previous: new Map([
        ['a', 0],
        ['c', 2],
      ]),
      want: { a: 0, c: 2, e: 1 },
    },
    {
      name: 'when the lane shrinks, pods beyond it move into the gaps',
      now: pods('a', 'd'),
      capacity: 2,
      previous: new Map([
        ['a', 0],
        ['d', 3],
      ]),
      want: { a: 0, d: 1 },
    },
  ])('$name', ({ now, capacity, previous, want }) => {
    expect(slots(assignSlots(now, capacity, previous))).toEqual(want);
  });
});
