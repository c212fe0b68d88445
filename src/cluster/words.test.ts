import { describe, expect, it } from 'vitest';
import { count, isAre } from './words.ts';

describe('count', () => {
  it.each([
    [0, 'pod', '0 pods', 'are'],
    [1, 'pod', '1 pod', 'is'],
    [2, 'pod', '2 pods', 'are'],
    [1, 'new one', '1 new one', 'is'],
    [13, 'replica', '13 replicas', 'are'],
  ])('%i %s → %s, %s', (n, noun, want, verb) => {
    expect(count(n, noun)).toBe(want);
    expect(isAre(n)).toBe(verb);
  });
});
