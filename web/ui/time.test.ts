import { describe, expect, it } from 'vitest';
import { formatTime } from './hooks.ts';

describe('formatTime', () => {
  it.each([
    [0, '0:00.0'],
    [9.35, '0:09.4'],
    [20, '0:20.0'],
    [59.94, '0:59.9'],
    [59.96, '1:00.0'],
    [754.5, '12:34.5'],
    [3599.9, '59:59.9'],
    [3599.96, '1:00:00.0'],
    [3600, '1:00:00.0'],
    [3725.25, '1:02:05.3'],
    [604_800, '168:00:00.0'],
  ])('%s s reads %s', (t, want) => {
    expect(formatTime(t)).toBe(want);
  });
});
