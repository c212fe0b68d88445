/** The timer heap gives timers back by (at, seq), whatever the order they were set in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerHeap, type Timer } from './heap.ts';

describe('TimerHeap', () => {
  it('pops the earliest (at, then seq) of what was pushed and not popped yet', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 20 })), { maxLength: 200 }),
        (ops) => {
          const heap = new TimerHeap();
          const model: Timer[] = [];
          let seq = 0;
          for (const op of ops) {
            if (op < 0) {
              model.sort((a, b) => a.at - b.at || a.seq - b.seq);
              expect(heap.pop()).toBe(model.shift());
            } else {
              const t = { at: op / 2, seq: seq++, target: 'kubelet', key: `k${seq}` };
              heap.push(t);
              model.push(t);
            }
            expect(heap.size).toBe(model.length);
          }
        },
      ),
    );
  });

  it('drops the timers of a key, and gives the others back in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 100 }), fc.nat(4), (ats, drop) => {
        const heap = new TimerHeap();
        const timers = ats.map((at, seq) => ({ at, seq, target: 'nodelifecycle', key: `k${seq % 5}` }));
        for (const t of timers) heap.push(t);
        heap.drop('nodelifecycle', `k${drop}`);
        heap.drop('kubelet', 'k0');
        const popped: Timer[] = [];
        for (let t = heap.pop(); t; t = heap.pop()) popped.push(t);
        expect(popped).toEqual(
          timers.filter((t) => t.key !== `k${drop}`).sort((a, b) => a.at - b.at || a.seq - b.seq),
        );
      }),
    );
  });
});
