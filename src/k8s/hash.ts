/**
 * pod-template-hash (controller.ComputeHash): FNV-32a over a deterministic rendering of the pod
 * template plus the collision count, written in decimal and mapped through the "safe" alphabet of
 * k8s.io/apimachinery/pkg/util/rand.SafeEncodeString. Upstream hashes a Go struct dump we cannot
 * reproduce, so values differ from a real cluster's, but shape and alphabet are the same
 * (1–10 characters from `456789bcdf`).
 */

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** Stable JSON: object keys sorted, so equal templates hash equally. */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(',')}}`;
}

/**
 * FNV-32a over the UTF-8 bytes of `text`, like Go's hash.Write of a string; `h` continues from the
 * hash of a prefix (`fnv32a(b, fnv32a(a)) === fnv32a(a + b)`).
 */
export function fnv32a(text: string, h = 0x811c9dc5): number {
  // The state as a signed 32-bit integer (the same bits) until the end: unsigned, half its values
  // are heap numbers, allocated at every byte until the function is optimised.
  h |= 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, 0x01000193);
      continue;
    }
    // A surrogate pair is one code point; a lone surrogate is encoded as itself (three bytes).
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) h = bytes(h, 0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) h = bytes(h, 0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else h = bytes(h, 0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return h >>> 0;
}

function bytes(h: number, ...bs: number[]): number {
  for (const b of bs) h = Math.imul(h ^ b, 0x01000193);
  return h;
}

export function computeHash(template: unknown, collisionCount?: number): string {
  let text = canonicalJSON(template);
  if (collisionCount !== undefined) text += `#collision:${collisionCount}`;
  return safeEncodeString(String(fnv32a(text)));
}

/**
 * A version-4-shaped UUID derived from `seed`, or from the parts `seed`, `...more` joined (FNV-32a
 * of the seed and a counter). For objects whose uid must not draw from the cluster's seeded
 * generator, which would shift every later draw.
 */
export function hashUuid(seed: string, ...more: string[]): string {
  // Every Event takes one: the four words without a closure, an array or slices of their text;
  // a seed in parts is hashed part after part (FNV reads a stream), not joined first.
  let prefix = fnv32a(seed);
  for (const part of more) prefix = fnv32a(part, prefix);
  return uuidOf(fnv32a('#0', prefix), fnv32a('#1', prefix), fnv32a('#2', prefix), fnv32a('#3', prefix));
}

/**
 * A version-4 UUID laid out from four 32-bit words, its 36 characters written once (a flat
 * string, not a tree of parts): uids are kept by the hundred thousand, in every object and Event.
 */
export function uuidOf(a: number, b: number, c: number, d: number): string {
  const out = uuidCodes;
  putHex(out, 0, a, 8);
  out[8] = DASH;
  putHex(out, 9, b >>> 16, 4);
  out[13] = DASH;
  out[14] = HEX_CODES[4]!;
  putHex(out, 15, b & 0xfff, 3);
  out[18] = DASH;
  out[19] = HEX_CODES[((c >>> 28) & 0x3) | 0x8]!;
  putHex(out, 20, (c >>> 16) & 0xfff, 3);
  out[23] = DASH;
  putHex(out, 24, c & 0xffff, 4);
  putHex(out, 28, d, 8);
  return String.fromCharCode.apply(null, out as unknown as number[]);
}

const HEX_CODES = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
const uuidCodes = new Uint16Array(36);

/** `n`'s last `width` hex digits, lowercase, into `out` from `at`. */
export function putHex(out: Uint16Array, at: number, n: number, width: number): void {
  for (let k = width - 1; k >= 0; k--) {
    out[at + k] = HEX_CODES[n & 15]!;
    n >>>= 4;
  }
}
