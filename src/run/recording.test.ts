/**
 * Where a recording keeps checkpoints once they fall behind: thinned to one every `sparseEvery`
 * seconds, except where much was written or a step ran (a seek there replays little).
 */
import { describe, expect, it } from 'vitest';
import type { ClusterCheckpoint } from '../cluster/cluster.ts';
import { Recording } from './recording.ts';

const snapshot = {} as ClusterCheckpoint;

/** Checkpoints at `ts` (with the step index and writes given per moment), kept moments after. */
function kept(ts: number[], next: (t: number) => number, writes: (t: number) => number): number[] {
  // Every 10 s, 500 writes, the last 60 s dense, older ones one every 30 s: the Run's defaults.
  const rec = new Recording(10, 1, 500, 60, 30);
  for (const t of ts) rec.addCheckpoint({ t, snapshot, next: next(t), writes: writes(t) });
  return rec.checkpoints.map((c) => c.t);
}

const grid = (to: number, extra: number[] = []) =>
  [...Array.from({ length: to / 10 + 1 }, (_, i) => i * 10), ...extra].sort((a, b) => a - b);

describe('Recording.addCheckpoint: thinning', () => {
  it.each([
    {
      name: 'quiet: one every 30 s behind the last minute',
      ts: grid(200),
      next: () => 0,
      writes: (t: number) => t,
      want: [0, 30, 60, 90, 120, 140, 150, 160, 170, 180, 190, 200],
    },
    {
      name: 'busy: each 500 writes after the last kept',
      ts: grid(200),
      next: () => 0,
      writes: (t: number) => (t >= 50 && t < 80 ? (t - 40) * 40 : t < 50 ? t : 1600 + t),
      // After 30 (30 writes): 60 has 800 (kept), 70 only 400 more, 80 has 1680 (kept).
      want: [0, 30, 60, 80, 110, 140, 150, 160, 170, 180, 190, 200],
    },
    {
      name: 'a step: the checkpoint at its instant stays',
      ts: grid(200, [43.7]),
      next: (t: number) => (t >= 43.7 ? 1 : 0),
      writes: (t: number) => t,
      want: [0, 30, 43.7, 80, 110, 140, 150, 160, 170, 180, 190, 200],
    },
  ])('$name', ({ ts, next, writes, want }) => {
    expect(kept(ts, next, writes)).toEqual(want);
    // On the way to the last moment, a seek makes only the checkpoints thinning keeps: the same.
    const rec = new Recording(10, 1, 500, 60, 30);
    const end = ts[ts.length - 1]!;
    let made = 0;
    for (const t of ts)
      rec.offer({ t, next: next(t), writes: writes(t) }, end - 60, () => {
        made++;
        return snapshot;
      });
    expect(rec.checkpoints.map((c) => c.t)).toEqual(want);
    expect(made).toBe(want.length);
    expect(rec.lastDue?.t).toBe(end);
  });
});
