/**
 * The app log as checkpoints keep it: a whole log (nothing rotated away) gives back every earlier
 * version of itself from its line count, chunk by chunk as appendRequest laid it out.
 */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_LOG,
  LOG_LINES,
  appendRequest,
  isWhole,
  logPrefix,
  startsWith,
  type AppLog,
} from './applog.ts';

/** Every version of a log of `lines` request lines, the empty one first. */
function versions(lines: number): AppLog[] {
  const out: AppLog[] = [EMPTY_LOG];
  for (let i = 0; i < lines; i++) out.push(appendRequest(out[out.length - 1], 1 + i * 0.25));
  return out;
}

describe('app log prefixes', () => {
  const all = versions(1300);
  const last = all[all.length - 1]!;

  it('makes every earlier version again from the latest, over several chunks', () => {
    for (const v of all) {
      expect(isWhole(v)).toBe(true);
      expect(startsWith(last, v)).toBe(true);
      expect(logPrefix(last, v.count)).toEqual(v);
    }
  });

  it('tells a log that does not begin with another', () => {
    const other = versions(700);
    const changed = appendRequest(other[600], 99);
    expect(startsWith(changed, other[601]!)).toBe(false);
    expect(startsWith(other[600]!, last)).toBe(false);
    // Equal lines in other chunk arrays: not the same chunks, so not taken as the start.
    expect(startsWith(last, other[700]!)).toBe(false);
  });

  it('a log with lines rotated away, or laid out otherwise, is not whole', () => {
    const rotated = versions(LOG_LINES + 600).at(-1)!;
    expect(rotated.count).toBe(LOG_LINES + 600);
    expect(isWhole(rotated)).toBe(false);
    expect(isWhole({ count: 3, chunks: [[1], [2, 3]] })).toBe(false);
    expect(isWhole({ count: 5, chunks: [[1, 2, 3]] })).toBe(false);
  });
});
