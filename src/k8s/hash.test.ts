/**
 * FNV-32a over a string's UTF-8 bytes, read one character at a time without building the byte
 * array: the same hash as hashing the encoded bytes (lone surrogates encoded as themselves, as a
 * Go string holding those bytes would be), and continuing from a prefix's hash is hashing the
 * whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv32a, hashUuid } from './hash.ts';

/** The bytes of each code point (WTF-8: a lone surrogate takes three bytes), hashed one by one. */
function reference(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const bytes =
      c < 0x80
        ? [c]
        : c < 0x800
          ? [0xc0 | (c >> 6), 0x80 | (c & 63)]
          : c < 0x10000
            ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
            : [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h;
}

describe('fnv32a', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j as the FNV-1a test vectors say', (text, hash) => {
    expect(fnv32a(text)).toBe(hash);
  });

  it('hashes the UTF-8 bytes of any string, surrogate pairs and lone surrogates too', () => {
    const text = fc
      .array(
        fc.oneof(
          fc.constant('\ud83d'),
          fc.constant('\ude00'),
          fc.constant('😀'),
          fc.string({ unit: 'binary' }),
        ),
      )
      .map((xs) => xs.join(''));
    fc.assert(fc.property(text, (s) => fnv32a(s) === reference(s)));
    expect(fnv32a('😀 한')).toBe(reference('😀 한'));
  });

  it('continues from the hash of a prefix', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => fnv32a(b, fnv32a(a)) === fnv32a(a + b)));
  });

  it('derives version-4-shaped uids that stay what they were', () => {
    expect(hashUuid('default/x.1')).toBe('9dee36ef-9cee-455c-9fee-3a159eee3882');
    expect(hashUuid('default', '/', 'x.1')).toBe('9dee36ef-9cee-455c-9fee-3a159eee3882');
  });

  it('hashes a seed in parts as the parts joined', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), ([first, ...more]) => {
        expect(hashUuid(first!, ...more)).toBe(hashUuid([first, ...more].join('')));
      }),
    );
  });
});
