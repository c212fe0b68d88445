/**
 * deepCopy is JSON.parse(JSON.stringify(x)) without the text: the same result for any value, and
 * the same error where JSON has none to give (BigInt, cycles).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepCopy } from './copy.ts';

const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

/** What JSON.parse(JSON.stringify(v)) throws, or undefined. */
function jsonError(v: unknown): string | undefined {
  try {
    viaJson(v);
    return undefined;
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}

function copyError(v: unknown): string | undefined {
  try {
    deepCopy(v);
    return undefined;
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}

const cyclic: Record<string, unknown> = { a: 1 };
cyclic['self'] = cyclic;
const deepList: unknown[] = [];
let tip = deepList;
for (let i = 0; i < 2000; i++) {
  const next: unknown[] = [];
  tip.push(next);
  tip = next;
}

describe('deepCopy', () => {
  it.each([
    ['-0 and non-finite numbers', { a: -0, b: NaN, c: Infinity, d: [-Infinity] }],
    ['undefined: dropped from objects, null in arrays', { a: undefined, b: [undefined, 1] }],
    ['a Date (toJSON)', { at: new Date(0) }],
    ['a function in an object and an array', { f: () => 1, g: [() => 1] }],
    ['a __proto__ key', JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as unknown],
    ['nesting deeper than any API object', { deep: deepList }],
  ])('%s: as JSON gives it', (_name, value) => {
    expect(deepCopy(value)).toStrictEqual(viaJson(value));
  });

  it.each([
    ['a BigInt', { n: BigInt(1) }],
    ['a cycle', cyclic],
  ])('%s: the error JSON gives', (_name, value) => {
    const expected = jsonError(value);
    expect(expected).toBeDefined();
    expect(copyError(value)).toBe(expected);
  });

  it('any JSON-shaped value copies to what JSON gives, sharing nothing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const copy = deepCopy(v);
        expect(copy).toStrictEqual(viaJson(v));
        if (v !== null && typeof v === 'object') expect(copy).not.toBe(v);
      }),
    );
  });
});
