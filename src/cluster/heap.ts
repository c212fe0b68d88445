/**
 * Timers in virtual time: a binary min-heap ordered by (at, seq). Timers are plain data so a
 * snapshot can copy them; `seq` keeps equal times in insertion order, which keeps replays exact.
 */
export interface Timer {
  at: number;
  seq: number;
  /** What wakes up: a controller queue (`deployment`, `replicaset`, …) or the kubelet/scheduler. */
  target: string;
  key: string;
}

export class TimerHeap {
  items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  // Sifting moves the others along the path and writes the timer once where it stops (the same
  // places as swapping it step by step, with half the writes and no swap arrays).
  push(t: Timer): void {
    const a = this.items;
    let i = a.length;
    a.push(t);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = a[p]!;
      if (!less(t, parent)) break;
      a[i] = parent;
      i = p;
    }
    a[i] = t;
  }

  pop(): Timer | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    const n = a.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let m = l;
        let child = a[l]!;
        if (r < n && less(a[r]!, child)) {
          m = r;
          child = a[r]!;
        }
        if (!less(child, last)) break;
        a[i] = child;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }

  /** Drops the timers of `target`'s `key`: the rest, sorted, are a heap again. */
  drop(target: string, key: string): void {
    this.items = this.items
      .filter((t) => t.target !== target || t.key !== key)
      .sort((a, b) => (less(a, b) ? -1 : 1));
  }
}

function less(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
