/**
 * A stable sort that asks its comparator exactly the questions V8's `Array.prototype.sort` asks,
 * in the same order, and so gives the same order even for a comparator that is not a strict weak
 * ordering. The ReplicaSet controller's pod ranking (upstream's ActivePodsWithRanks.Less) is one:
 * two pods Ready at the same second fall through to later rules while a third, Ready a second
 * later in the same log2 age bucket, is ordered by uid against both. With such a comparator the
 * result depends on the algorithm; writing it out keeps the simulation the same on every engine
 * (JavaScriptCore and SpiderMonkey sort differently) and lets the comparator be inlined.
 *
 * The algorithm is TimSort (Tim Peters' listsort, as V8 has it): natural runs, short ones extended
 * by binary insertion to a minimum run length, and merges that switch to galloping when one side
 * keeps winning. Returns the array, sorted in place.
 */

/** Where galloping starts (kMinGallopWins). */
const MIN_GALLOP = 7;

export function timSort<T>(a: T[], compare: (x: T, y: T) => number): T[] {
  new TimSort(a, compare).sort();
  return a;
}

class TimSort<T> {
  private minGallop = MIN_GALLOP;
  /** Pending runs: base and length of run i at 2i and 2i + 1. */
  private readonly runs: number[] = [];
  private tmp: T[] = [];

  constructor(
    private readonly a: T[],
    private readonly cmp: (x: T, y: T) => number,
  ) {}

  sort(): void {
    const n = this.a.length;
    if (n < 2) return;
    let low = 0;
    let remaining = n;
    const minRun = minRunLength(n);
    while (remaining !== 0) {
      let run = this.countAndMakeRun(low, low + remaining);
      if (run < minRun) {
        const forced = Math.min(minRun, remaining);
        this.binaryInsertionSort(low, low + run, low + forced);
        run = forced;
      }
      this.runs.push(low, run);
      this.mergeCollapse();
      low += run;
      remaining -= run;
    }
    this.mergeForceCollapse();
  }

  /** Sorts [low, high) by binary insertion, given that [low, start) is sorted. */
  private binaryInsertionSort(low: number, startArg: number, high: number): void {
    const cmp = this.cmp;
    const a = this.a;
    for (let start = low === startArg ? startArg + 1 : startArg; start < high; start++) {
      let left = low;
      let right = start;
      const pivot = a[right]!;
      while (left < right) {
        const mid = left + ((right - left) >> 1);
        if (cmp(pivot, a[mid]!) < 0) right = mid;
        else left = mid + 1;
      }
      for (let p = start; p > left; p--) a[p] = a[p - 1]!;
      a[left] = pivot;
    }
  }

  /**
   * The length of the run starting at `low`: non-descending, or strictly descending (then
   * reversed in place).
   */
  private countAndMakeRun(lowArg: number, high: number): number {
    const cmp = this.cmp;
    const a = this.a;
    const low = lowArg + 1;
    if (low === high) return 1;
    let runLength = 2;
    let previous = a[low]!;
    const descending = cmp(previous, a[low - 1]!) < 0;
    for (let i = low + 1; i < high; i++) {
      const current = a[i]!;
      const order = cmp(current, previous);
      if (descending ? order >= 0 : order < 0) break;
      previous = current;
      runLength++;
    }
    if (descending) {
      for (let l = lowArg, h = lowArg + runLength - 1; l < h; l++, h--) {
        const x = a[l]!;
        a[l] = a[h]!;
        a[h] = x;
      }
    }
    return runLength;
  }

  private runLength(i: number): number {
    return this.runs[2 * i + 1]!;
  }

  /** Whether run n − 2 is longer than runs n − 1 and n together. */
  private invariantHolds(n: number): boolean {
    if (n < 2) return true;
    return this.runLength(n - 2) > this.runLength(n - 1) + this.runLength(n);
  }

  private mergeCollapse(): void {
    while (this.runs.length > 2) {
      let n = this.runs.length / 2 - 2;
      if (!this.invariantHolds(n + 1) || !this.invariantHolds(n)) {
        if (this.runLength(n - 1) < this.runLength(n + 1)) n--;
        this.mergeAt(n);
      } else if (this.runLength(n) <= this.runLength(n + 1)) this.mergeAt(n);
      else break;
    }
  }

  private mergeForceCollapse(): void {
    while (this.runs.length > 2) {
      let n = this.runs.length / 2 - 2;
      if (n > 0 && this.runLength(n - 1) < this.runLength(n + 1)) n--;
      this.mergeAt(n);
    }
  }

  /** Merges runs i and i + 1. */
  private mergeAt(i: number): void {
    const runs = this.runs;
    const size = runs.length / 2;
    let baseA = runs[2 * i]!;
    let lengthA = runs[2 * i + 1]!;
    const baseB = runs[2 * i + 2]!;
    let lengthB = runs[2 * i + 3]!;
    runs[2 * i + 1] = lengthA + lengthB;
    if (i === size - 3) {
      runs[2 * i + 2] = runs[2 * i + 4]!;
      runs[2 * i + 3] = runs[2 * i + 5]!;
    }
    runs.length -= 2;

    const a = this.a;
    // Elements of A not after B's first are in place already; so are those of B after A's last.
    const k = this.gallopRight(a, a[baseB]!, baseA, lengthA, 0);
    baseA += k;
    lengthA -= k;
    if (lengthA === 0) return;
    lengthB = this.gallopLeft(a, a[baseA + lengthA - 1]!, baseB, lengthB, lengthB - 1);
    if (lengthB === 0) return;
    if (lengthA <= lengthB) this.mergeLow(baseA, lengthA, baseB, lengthB);
    else this.mergeHigh(baseA, lengthA, baseB, lengthB);
  }

  /**
   * Where `key` goes in the sorted `array[base, base + length)`: before any equal elements.
   * Searches from `hint` outwards in steps of 1, 3, 7, … then by bisection.
   */
  private gallopLeft(array: T[], key: T, base: number, length: number, hint: number): number {
    const cmp = this.cmp;
    let lastOfs = 0;
    let offset = 1;
    if (cmp(array[base + hint]!, key) < 0) {
      const maxOfs = length - hint;
      while (offset < maxOfs) {
        if (cmp(array[base + hint + offset]!, key) >= 0) break;
        lastOfs = offset;
        offset = (offset << 1) + 1;
        if (offset <= 0) offset = maxOfs;
      }
      if (offset > maxOfs) offset = maxOfs;
      lastOfs += hint;
      offset += hint;
    } else {
      const maxOfs = hint + 1;
      while (offset < maxOfs) {
        if (cmp(array[base + hint - offset]!, key) < 0) break;
        lastOfs = offset;
        offset = (offset << 1) + 1;
        if (offset <= 0) offset = maxOfs;
      }
      if (offset > maxOfs) offset = maxOfs;
      const tmp = lastOfs;
      lastOfs = hint - offset;
      offset = hint - tmp;
    }
    lastOfs++;
    while (lastOfs < offset) {
      const m = lastOfs + ((offset - lastOfs) >> 1);
      if (cmp(array[base + m]!, key) < 0) lastOfs = m + 1;
      else offset = m;
    }
    return offset;
  }

  /** Like gallopLeft, but after any elements equal to `key`. */
  private gallopRight(array: T[], key: T, base: number, length: number, hint: number): number {
    const cmp = this.cmp;
    let lastOfs = 0;
    let offset = 1;
    if (cmp(key, array[base + hint]!) < 0) {
      const maxOfs = hint + 1;
      while (offset < maxOfs) {
        if (cmp(key, array[base + hint - offset]!) >= 0) break;
        lastOfs = offset;
        offset = (offset << 1) + 1;
        if (offset <= 0) offset = maxOfs;
      }
      if (offset > maxOfs) offset = maxOfs;
      const tmp = lastOfs;
      lastOfs = hint - offset;
      offset = hint - tmp;
    } else {
      const maxOfs = length - hint;
      while (offset < maxOfs) {
        if (cmp(key, array[base + hint + offset]!) < 0) break;
        lastOfs = offset;
        offset = (offset << 1) + 1;
        if (offset <= 0) offset = maxOfs;
      }
      if (offset > maxOfs) offset = maxOfs;
      lastOfs += hint;
      offset += hint;
    }
    lastOfs++;
    while (lastOfs < offset) {
      const m = lastOfs + ((offset - lastOfs) >> 1);
      if (cmp(key, array[base + m]!) < 0) offset = m;
      else lastOfs = m + 1;
    }
    return offset;
  }

  /** Merges A and B front to back, A (the shorter) in a temporary array. */
  private mergeLow(baseA: number, lengthAArg: number, baseB: number, lengthBArg: number): void {
    const a = this.a;
    const cmp = this.cmp;
    let lengthA = lengthAArg;
    let lengthB = lengthBArg;
    const tmp = this.tmp;
    for (let i = 0; i < lengthA; i++) tmp[i] = a[baseA + i]!;
    let dest = baseA;
    let cursorTemp = 0;
    let cursorB = baseB;
    a[dest++] = a[cursorB++]!;
    let end: 'succeed' | 'copyB' = 'succeed';
    merge: {
      if (--lengthB === 0) break merge;
      if (lengthA === 1) {
        end = 'copyB';
        break merge;
      }
      let minGallop = this.minGallop;
      for (;;) {
        let winsA = 0;
        let winsB = 0;
        for (;;) {
          if (cmp(a[cursorB]!, tmp[cursorTemp]!) < 0) {
            a[dest++] = a[cursorB++]!;
            winsB++;
            lengthB--;
            winsA = 0;
            if (lengthB === 0) break merge;
            if (winsB >= minGallop) break;
          } else {
            a[dest++] = tmp[cursorTemp++]!;
            winsA++;
            lengthA--;
            winsB = 0;
            if (lengthA === 1) {
              end = 'copyB';
              break merge;
            }
            if (winsA >= minGallop) break;
          }
        }
        minGallop++;
        let first = true;
        while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP || first) {
          first = false;
          minGallop = Math.max(1, minGallop - 1);
          this.minGallop = minGallop;
          winsA = this.gallopRight(tmp, a[cursorB]!, cursorTemp, lengthA, 0);
          if (winsA > 0) {
            for (let i = 0; i < winsA; i++) a[dest + i] = tmp[cursorTemp + i]!;
            dest += winsA;
            cursorTemp += winsA;
            lengthA -= winsA;
            if (lengthA === 1) {
              end = 'copyB';
              break merge;
            }
            // Impossible for a consistent comparator, but it need not be one.
            if (lengthA === 0) break merge;
          }
          a[dest++] = a[cursorB++]!;
          if (--lengthB === 0) break merge;
          winsB = this.gallopLeft(a, tmp[cursorTemp]!, cursorB, lengthB, 0);
          if (winsB > 0) {
            copyWithin(a, cursorB, a, dest, winsB);
            dest += winsB;
            cursorB += winsB;
            lengthB -= winsB;
            if (lengthB === 0) break merge;
          }
          a[dest++] = tmp[cursorTemp++]!;
          if (--lengthA === 1) {
            end = 'copyB';
            break merge;
          }
        }
        minGallop++;
        this.minGallop = minGallop;
      }
    }
    if (end === 'succeed') {
      for (let i = 0; i < lengthA; i++) a[dest + i] = tmp[cursorTemp + i]!;
    } else {
      // The last element of A belongs at the end of the merge.
      copyWithin(a, cursorB, a, dest, lengthB);
      a[dest + lengthB] = tmp[cursorTemp]!;
    }
  }

  /** Merges A and B back to front, B (the shorter) in a temporary array. */
  private mergeHigh(baseA: number, lengthAArg: number, baseB: number, lengthBArg: number): void {
    const a = this.a;
    const cmp = this.cmp;
    let lengthA = lengthAArg;
    let lengthB = lengthBArg;
    const tmp = this.tmp;
    for (let i = 0; i < lengthB; i++) tmp[i] = a[baseB + i]!;
    let dest = baseB + lengthB - 1;
    let cursorTemp = lengthB - 1;
    let cursorA = baseA + lengthA - 1;
    a[dest--] = a[cursorA--]!;
    let end: 'succeed' | 'copyA' = 'succeed';
    merge: {
      if (--lengthA === 0) break merge;
      if (lengthB === 1) {
        end = 'copyA';
        break merge;
      }
      let minGallop = this.minGallop;
      for (;;) {
        let winsA = 0;
        let winsB = 0;
        for (;;) {
          if (cmp(tmp[cursorTemp]!, a[cursorA]!) < 0) {
            a[dest--] = a[cursorA--]!;
            winsA++;
            lengthA--;
            winsB = 0;
            if (lengthA === 0) break merge;
            if (winsA >= minGallop) break;
          } else {
            a[dest--] = tmp[cursorTemp--]!;
            winsB++;
            lengthB--;
            winsA = 0;
            if (lengthB === 1) {
              end = 'copyA';
              break merge;
            }
            if (winsB >= minGallop) break;
          }
        }
        minGallop++;
        let first = true;
        while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP || first) {
          first = false;
          minGallop = Math.max(1, minGallop - 1);
          this.minGallop = minGallop;
          let k = this.gallopRight(a, tmp[cursorTemp]!, baseA, lengthA, lengthA - 1);
          winsA = lengthA - k;
          if (winsA > 0) {
            dest -= winsA;
            cursorA -= winsA;
            copyWithin(a, cursorA + 1, a, dest + 1, winsA);
            lengthA -= winsA;
            if (lengthA === 0) break merge;
          }
          a[dest--] = tmp[cursorTemp--]!;
          if (--lengthB === 1) {
            end = 'copyA';
            break merge;
          }
          k = this.gallopLeft(tmp, a[cursorA]!, 0, lengthB, lengthB - 1);
          winsB = lengthB - k;
          if (winsB > 0) {
            dest -= winsB;
            cursorTemp -= winsB;
            for (let i = 0; i < winsB; i++) a[dest + 1 + i] = tmp[cursorTemp + 1 + i]!;
            lengthB -= winsB;
            if (lengthB === 1) {
              end = 'copyA';
              break merge;
            }
            // Impossible for a consistent comparator, but it need not be one.
            if (lengthB === 0) break merge;
          }
          a[dest--] = a[cursorA--]!;
          if (--lengthA === 0) break merge;
        }
        minGallop++;
        this.minGallop = minGallop;
      }
    }
    if (end === 'succeed') {
      for (let i = 0; i < lengthB; i++) a[dest - (lengthB - 1) + i] = tmp[i]!;
    } else {
      // The first element of B belongs at the front of the merge.
      dest -= lengthA;
      cursorA -= lengthA;
      copyWithin(a, cursorA + 1, a, dest + 1, lengthA);
      a[dest] = tmp[cursorTemp]!;
    }
  }
}

/** Copies `length` elements, overlapping ranges included (backwards when moving right). */
function copyWithin<T>(source: T[], from: number, target: T[], to: number, length: number): void {
  if (from < to) for (let i = length - 1; i >= 0; i--) target[to + i] = source[from + i]!;
  else for (let i = 0; i < length; i++) target[to + i] = source[from + i]!;
}

/**
 * The minimum run length: n itself below 64; else k in [32, 64] such that n / k is close to, but
 * strictly less than, a power of 2.
 */
function minRunLength(nArg: number): number {
  let n = nArg;
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/**
 * Go's `<` on strings (sort.Strings' order): byte by byte in UTF-8, which is code point order.
 * kubectl's --sort-by uses it since 1.31 left sortorder.NaturalLess (kubernetes#124514), so `a10`
 * sorts before `a2`.
 */
export function stringLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y;
    if (x > 0xffff) i++;
  }
  return a.length < b.length;
}
