/**
 * `diff -u`'s output for two texts, as GNU diff makes it: the same choice among shortest edit
 * scripts (diffutils analyze.c and io.c, gnulib diffseq.h), each change's deletions before its
 * insertions, hunks with three lines of context, hunks closer than that joined.
 */

type Op = '=' | '-' | '+';

const CONTEXT = 3;

/** The edit script GNU diff -u finds, one op per line: each change's deletions first. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const [ca, cb] = gnuChanged(a, b, CONTEXT);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && ca[i]) {
      ops.push('-');
      i++;
    } else if (j < b.length && cb[j]) {
      ops.push('+');
      j++;
    } else {
      ops.push('=');
      i++;
      j++;
    }
  }
  return ops;
}

/** The hunks of `diff -u` between two texts (empty when they are the same). */
export function unifiedHunks(aText: string, bText: string): string {
  const split = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  const a = split(aText);
  const b = split(bText);
  const ops = editScript(a, b);
  const changes: number[] = [];
  ops.forEach((o, i) => {
    if (o !== '=') changes.push(i);
  });
  if (changes.length === 0) return '';
  // Each op's line in a and in b (before it).
  const aAt: number[] = [];
  const bAt: number[] = [];
  let ai = 0;
  let bi = 0;
  for (const o of ops) {
    aAt.push(ai);
    bAt.push(bi);
    if (o !== '+') ai++;
    if (o !== '-') bi++;
  }
  aAt.push(ai);
  bAt.push(bi);
  let out = '';
  let h = 0;
  while (h < changes.length) {
    let last = h;
    while (last + 1 < changes.length && changes[last + 1]! - changes[last]! - 1 <= 2 * CONTEXT) last++;
    const from = Math.max(0, changes[h]! - CONTEXT);
    const to = Math.min(ops.length, changes[last]! + 1 + CONTEXT);
    const aCount = aAt[to]! - aAt[from]!;
    const bCount = bAt[to]! - bAt[from]!;
    const range = (start: number, count: number) =>
      count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
    out += `@@ -${range(aAt[from]!, aCount)} +${range(bAt[from]!, bCount)} @@\n`;
    for (let i = from; i < to; i++) {
      const o = ops[i]!;
      out += o === '+' ? `+${b[bAt[i]!]}\n` : o === '-' ? `-${a[aAt[i]!]}\n` : ` ${a[aAt[i]!]}\n`;
    }
    h = last + 1;
  }
  return out;
}

/**
 * GNU diff's choice among shortest edit scripts (diffutils analyze.c and gnulib diffseq.h): lines
 * matching nothing in the other file are set aside first (discard_confusing_lines), the rest are
 * compared by bidirectional search for the middle snake (diag, compareseq), and each run of
 * changes is then slid to where it merges with others or meets a change in the other file
 * (shift_boundaries). Returns which lines of each file changed.
 */
function gnuChanged(fullA: readonly string[], fullB: readonly string[], horizon = 3): [boolean[], boolean[]] {
  // find_identical_ends: the identical first and last lines are left out, but for `horizon` of
  // each next to the middle (so shift_boundaries has room), and the suffix never overlaps the prefix.
  let prefix = 0;
  while (prefix < fullA.length && prefix < fullB.length && fullA[prefix] === fullB[prefix]) prefix++;
  prefix = Math.max(0, prefix - horizon);
  let suffix = 0;
  const room = Math.min(fullA.length, fullB.length) - prefix;
  while (suffix < room && fullA[fullA.length - 1 - suffix] === fullB[fullB.length - 1 - suffix]) suffix++;
  suffix = Math.max(0, suffix - horizon);
  const a = fullA.slice(prefix, fullA.length - suffix);
  const b = fullB.slice(prefix, fullB.length - suffix);
  const [ma, mb] = middleChanged(a, b);
  const out = (full: readonly string[], mid: boolean[]) => [
    ...new Array<boolean>(prefix).fill(false),
    ...mid,
    ...new Array<boolean>(full.length - prefix - mid.length).fill(false),
  ];
  return [out(fullA, ma), out(fullB, mb)];
}

function middleChanged(a: readonly string[], b: readonly string[]): [boolean[], boolean[]] {
  // Equivalence classes, from 1.
  const classes = new Map<string, number>();
  const classOf = (s: string) => {
    let c = classes.get(s);
    if (c === undefined) classes.set(s, (c = classes.size + 1));
    return c;
  };
  const equivs = [a.map(classOf), b.map(classOf)];
  // changed[f][i + 1]: a sentinel false at both ends.
  const changed = [
    new Array<boolean>(a.length + 2).fill(false),
    new Array<boolean>(b.length + 2).fill(false),
  ];
  const { undiscarded, realindexes } = discardConfusingLines(equivs, changed, classes.size + 1);
  const xv = undiscarded[0]!;
  const yv = undiscarded[1]!;
  const diags = xv.length + yv.length + 3;
  const fd = new Array<number>(2 * diags + 1);
  const bd = new Array<number>(2 * diags + 1);
  const off = yv.length + 1;

  const diag = (xoff: number, xlim: number, yoff: number, ylim: number): [number, number] => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[off + fmid] = xoff;
    bd[off + bmid] = xlim;
    for (;;) {
      if (fmin > dmin) fd[off + --fmin - 1] = -1;
      else ++fmin;
      if (fmax < dmax) fd[off + ++fmax + 1] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[off + d - 1]!;
        const thi = fd[off + d + 1]!;
        let x = tlo < thi ? thi : tlo + 1;
        let y = x - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          x++;
          y++;
        }
        fd[off + d] = x;
        if (odd && bmin <= d && d <= bmax && bd[off + d]! <= x) return [x, y];
      }
      if (bmin > dmin) bd[off + --bmin - 1] = Number.MAX_SAFE_INTEGER;
      else ++bmin;
      if (bmax < dmax) bd[off + ++bmax + 1] = Number.MAX_SAFE_INTEGER;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[off + d - 1]!;
        const thi = bd[off + d + 1]!;
        let x = tlo < thi ? tlo : thi - 1;
        let y = x - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
          x--;
          y--;
        }
        bd[off + d] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]!) return [x, y];
      }
    }
  };

  const compareseq = (xoff: number, xlim: number, yoff: number, ylim: number): void => {
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) while (yoff < ylim) changed[1]![realindexes[1]![yoff++]! + 1] = true;
    else if (yoff === ylim) while (xoff < xlim) changed[0]![realindexes[0]![xoff++]! + 1] = true;
    else {
      const [xmid, ymid] = diag(xoff, xlim, yoff, ylim);
      compareseq(xoff, xmid, yoff, ymid);
      compareseq(xmid, xlim, ymid, ylim);
    }
  };
  compareseq(0, xv.length, 0, yv.length);
  shiftBoundaries(equivs, changed);
  return [changed[0]!.slice(1, a.length + 1), changed[1]!.slice(1, b.length + 1)];
}

function discardConfusingLines(
  equivs: number[][],
  changed: boolean[][],
  classCount: number,
): { undiscarded: number[][]; realindexes: number[][] } {
  const counts = equivs.map((e) => {
    const c = new Array<number>(classCount).fill(0);
    for (const x of e) c[x]!++;
    return c;
  });
  const discarded = equivs.map((e, f) => {
    const end = e.length;
    const other = counts[1 - f]!;
    let many = 5;
    let tem = Math.floor(end / 64);
    while ((tem >>= 2) > 0) many *= 2;
    return e.map((cls) => {
      const n = other[cls]!;
      return n === 0 ? 1 : n > many ? 2 : 0;
    });
  });
  for (const discards of discarded) {
    const end = discards.length;
    for (let i = 0; i < end; i++) {
      if (discards[i] === 2) discards[i] = 0;
      else if (discards[i] !== 0) {
        let j: number;
        let provisional = 0;
        for (j = i; j < end; j++) {
          if (discards[j] === 0) break;
          if (discards[j] === 2) ++provisional;
        }
        while (j > i && discards[j - 1] === 2) {
          discards[--j] = 0;
          --provisional;
        }
        const length = j - i;
        if (provisional * 4 > length) {
          while (j > i) if (discards[--j] === 2) discards[j] = 0;
        } else {
          let minimum = 1;
          let tem = length >> 2;
          while (0 < (tem >>= 2)) minimum <<= 1;
          minimum++;
          let consec = 0;
          for (j = 0; j < length; j++)
            if (discards[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) discards[i + j] = 0;
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && discards[i + j] === 1) break;
            if (discards[i + j] === 2) {
              consec = 0;
              discards[i + j] = 0;
            } else if (discards[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && discards[i - j] === 1) break;
            if (discards[i - j] === 2) {
              consec = 0;
              discards[i - j] = 0;
            } else if (discards[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
  }
  const undiscarded: number[][] = [[], []];
  const realindexes: number[][] = [[], []];
  discarded.forEach((discards, f) => {
    discards.forEach((d, i) => {
      if (d === 0) {
        undiscarded[f]!.push(equivs[f]![i]!);
        realindexes[f]!.push(i);
      } else changed[f]![i + 1] = true;
    });
  });
  return { undiscarded, realindexes };
}

function shiftBoundaries(equivs: number[][], changedArrays: boolean[][]): void {
  for (let f = 0; f < 2; f++) {
    // Indexes here are the file's own; the arrays hold a sentinel at -1 and at the end.
    const ch = changedArrays[f]!;
    const oc = changedArrays[1 - f]!;
    const changed = (k: number) => ch[k + 1]!;
    const setChanged = (k: number, v: boolean) => (ch[k + 1] = v);
    const other = (k: number) => oc[k + 1]!;
    const eq = equivs[f]!;
    const iEnd = eq.length;
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < iEnd && !changed(i)) {
        while (other(j++));
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (changed(++i));
      while (other(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && eq[start - 1] === eq[i - 1]) {
          setChanged(--start, true);
          setChanged(--i, false);
          while (changed(start - 1)) start--;
          while (other(--j));
        }
        corresponding = other(j - 1) ? i : iEnd;
        while (i !== iEnd && eq[start] === eq[i]) {
          setChanged(start++, false);
          setChanged(i++, true);
          while (changed(i)) i++;
          while (other(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        setChanged(--start, true);
        setChanged(--i, false);
        while (other(--j));
      }
    }
  }
}
