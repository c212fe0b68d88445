/**
 * The cluster's seeded random generator (sfc32). Its state is four 32-bit words stored in the
 * cluster state, so snapshots capture it and replays are exact. Nothing in src/ uses Math.random.
 */
import { uuidOf } from './hash.ts';

export type RandState = [number, number, number, number];

export function seedRandState(seed: number): RandState {
  // splitmix32 to spread a small seed over the four words.
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [next(), next(), next(), next()];
}

export class Rand {
  /** `state` is changed in place as numbers are drawn: a snapshot copies it. */
  constructor(public state: RandState) {}

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    // Read and written by index: a new array (or a destructuring) per number is garbage by the
    // hundred thousand in an hour of traffic.
    const s = this.state;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) >>> 0) + d) >>> 0;
    s[0] = (b ^ (b >>> 9)) >>> 0;
    s[1] = (c + (c << 3)) >>> 0;
    s[2] = ((((c << 21) | (c >>> 11)) >>> 0) + t) >>> 0;
    s[3] = (d + 1) >>> 0;
    return t;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** utilrand.String(n): the alphabet used for generated names (pod name suffixes). */
  string(n: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** A version-4 UUID made from the generator. */
  uuid(): string {
    const a = this.nextUint32();
    const b = this.nextUint32();
    const c = this.nextUint32();
    const d = this.nextUint32();
    return uuidOf(a, b, c, d);
  }
}
