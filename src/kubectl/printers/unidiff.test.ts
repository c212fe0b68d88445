/**
 * `diff -u`'s hunks: small cases written out, and over random texts (few distinct lines, so many
 * shortest edit scripts tie), hunks that turn one text into the other, never shorter than a longest
 * common subsequence (by dynamic programming, here) allows, and byte for byte what the machine's
 * GNU diff prints (skipped, saying so, without one).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedHunks } from './unidiff.ts';

const GNU_DIFF = ['/usr/bin/diff', '/bin/diff'].find((p) => existsSync(p));
if (!GNU_DIFF) console.log('No diff program on this machine: the comparison with GNU diff is skipped.');

const text = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');

/** Applies unified hunks to `a`: the text they make. */
function patch(a: string, hunks: string): string {
  if (hunks === '') return a;
  const src = a === '' ? [] : a.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let at = 0;
  for (const line of hunks.replace(/\n$/, '').split('\n')) {
    const h = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (h) {
      const start = Number(h[1]) - (h[2] === '0' ? 0 : 1);
      while (at < start) out.push(src[at++]!);
      continue;
    }
    if (line.startsWith('+')) out.push(line.slice(1));
    else if (line.startsWith('-')) at++;
    else out.push(src[at++]!);
  }
  while (at < src.length) out.push(src[at++]!);
  return text(out);
}

function lcs(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  return t[0]![0]!;
}

describe('unified hunks', () => {
  it.each([
    ['the same text', 'a\nb\n', 'a\nb\n', ''],
    ['from nothing', '', 'a\nb\n', '@@ -0,0 +1,2 @@\n+a\n+b\n'],
    ['to nothing', 'a\n', '', '@@ -1 +0,0 @@\n-a\n'],
    [
      'one line replaced, three lines of context',
      text(['1', '2', '3', '4', '5', '6', '7', '8']),
      text(['1', '2', '3', '4', 'x', '6', '7', '8']),
      '@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+x\n 6\n 7\n 8\n',
    ],
    [
      'changes more than six lines apart: two hunks',
      text(['a', '1', '2', '3', '4', '5', '6', '7', 'b']),
      text(['A', '1', '2', '3', '4', '5', '6', '7', 'B']),
      '@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-b\n+B\n',
    ],
    [
      'six lines apart: one hunk',
      text(['a', '1', '2', '3', '4', '5', '6', 'b']),
      text(['A', '1', '2', '3', '4', '5', '6', 'B']),
      '@@ -1,8 +1,8 @@\n-a\n+A\n 1\n 2\n 3\n 4\n 5\n 6\n-b\n+B\n',
    ],
  ])('%s', (_name, a, b, hunks) => {
    expect(unifiedHunks(a, b)).toBe(hunks);
  });

  const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 40 });

  it('turns one text into the other, changing no fewer lines than it must', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const hunks = unifiedHunks(text(a), text(b));
        expect(patch(text(a), hunks)).toBe(text(b));
        const changed = hunks.split('\n').filter((l) => /^[-+]/.test(l)).length;
        // GNU diff sets aside lines that match nothing before it looks for the shortest script, so
        // its script is the shortest as a rule, not always.
        expect(changed).toBeGreaterThanOrEqual(a.length + b.length - 2 * lcs(a, b));
        if (hunks === '') expect(a).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });

  describe.skipIf(!GNU_DIFF)('beside GNU diff', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-unidiff-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    /** `diff -u`'s hunks, without its two file lines. */
    const gnu = (a: string, b: string): string => {
      writeFileSync(join(dir, 'a'), a);
      writeFileSync(join(dir, 'b'), b);
      try {
        execFileSync(GNU_DIFF!, ['-u', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' });
        return '';
      } catch (e) {
        return String((e as { stdout: string }).stdout)
          .split('\n')
          .slice(2)
          .join('\n');
      }
    };

    it('chooses among equally short edit scripts as GNU diff does', () => {
      fc.assert(
        fc.property(lines, lines, (a, b) => {
          expect(unifiedHunks(text(a), text(b))).toBe(gnu(text(a), text(b)));
        }),
        { numRuns: 300 },
      );
    });

    it('and where a change is mostly a move, with many repeated lines', () => {
      const moved = fc
        .array(fc.constantFrom('  a: 1', '  b: 2', 'c:', '  - x', '  - y', ''), {
          minLength: 20,
          maxLength: 120,
        })
        .chain((a) =>
          fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: Math.floor(a.length / 2) })),
        );
      fc.assert(
        fc.property(moved, ([a, b]) => {
          expect(unifiedHunks(text(a), text(b))).toBe(gnu(text(a), text(b)));
        }),
        { numRuns: 100 },
      );
    });
  });
});
