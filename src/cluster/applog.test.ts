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
  requestTimes,
  sealLog,
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
      const again = logPrefix(last, v.count);
      expect(again.count).toBe(v.count);
      expect(requestTimes(again)).toEqual(requestTimes(v));
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

describe('app log versions', () => {
  /** The times of the first `n` lines versions() writes. */
  const times = (n: number) => Array.from({ length: n }, (_, i) => 1 + i * 0.25);

  it('each version keeps the lines it had, while later ones add to the chunk it shares', () => {
    const all = versions(1100);
    all.forEach((v, i) => expect(requestTimes(v)).toEqual(times(i)));
  });

  it('a line added to an earlier version goes into a copy: neither version sees the other', () => {
    const all = versions(20);
    const branch = appendRequest(all[10], 99);
    const onward = appendRequest(all[20], 100);
    expect(requestTimes(branch)).toEqual([...times(10), 99]);
    expect(requestTimes(onward)).toEqual([...times(20), 100]);
    expect(requestTimes(all[10])).toEqual(times(10));
    expect(requestTimes(all[20])).toEqual(times(20));
    expect(isWhole(branch)).toBe(true);
    expect(startsWith(onward, branch)).toBe(false);
    expect(startsWith(onward, all[10]!)).toBe(true);
  });

  it('a sealed version is plain data that later lines do not reach', () => {
    const all = versions(30);
    const tip = sealLog(all[30]!);
    const text = JSON.stringify(tip);
    const next = appendRequest(all[30], 50);
    expect(JSON.stringify(tip)).toBe(text);
    expect(requestTimes(next)).toEqual([...times(30), 50]);
    // An earlier version is cut to what it sees.
    const earlier = sealLog(all[12]!);
    expect(JSON.stringify(earlier)).toBe(JSON.stringify({ count: 12, chunks: [times(12)] }));
    expect(requestTimes(appendRequest(earlier, 60))).toEqual([...times(12), 60]);
  });
});
