/**
 * A deep copy of a JSON-shaped API object (what Go's DeepCopy gives a controller to work on):
 * exactly JSON.parse(JSON.stringify(value)) — keys whose value is undefined dropped, undefined in
 * arrays and non-finite numbers become null, -0 becomes 0 — without the text in between.
 */
export function deepCopy<T>(value: T): T {
  if (value === undefined) return value;
  let copy: unknown;
  try {
    copy = jsonCopy(value, 0);
  } catch (e) {
    // Nested deeper than any API object (a cycle, most likely): JSON's own error, or its copy.
    if (e !== TOO_DEEP) throw e;
    copy = undefined;
  }
  // A function or symbol: as JSON.parse(undefined) does.
  return (copy === undefined ? JSON.parse(JSON.stringify(value)) : copy) as T;
}

const TOO_DEEP = new Error('nested too deep for a plain copy');
const MAX_DEPTH = 500;

function jsonCopy(v: unknown, depth: number): unknown {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v + 0 : null;
    case 'bigint':
      // JSON.stringify throws its TypeError for a BigInt.
      return JSON.stringify(v);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (depth > MAX_DEPTH) throw TOO_DEEP;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (
    (proto !== Object.prototype && proto !== Array.prototype && proto !== null) ||
    typeof (v as { toJSON?: unknown }).toJSON === 'function'
  )
    return JSON.parse(JSON.stringify(v)) as unknown;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const x = jsonCopy(v[i], depth + 1);
      out.push(x === undefined ? null : x);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = jsonCopy((v as Record<string, unknown>)[k], depth + 1);
    if (x === undefined) continue;
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}

/** Deep equality for JSON-shaped values (used to skip writes that change nothing). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    // Shared (unchanged) items are compared by reference here, without a call each.
    for (let i = 0; i < a.length; i++) {
      const x: unknown = a[i];
      const y = bb[i];
      if (x !== y && !deepEqual(x, y)) return false;
    }
    return true;
  }
  // Keys whose value is undefined do not count (JSON drops them). No arrays of keys are made: this
  // runs on every write of every object.
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let na = 0;
  for (const k in ra) {
    const va = ra[k];
    if (va === undefined) continue;
    na++;
    const vb = rb[k];
    if (va !== vb && !deepEqual(va, vb)) return false;
  }
  let nb = 0;
  for (const k in rb) if (rb[k] !== undefined) nb++;
  return na === nb;
}

/** Whether two lists hold the very same items, in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Freezes a JSON-shaped value and everything in it, stopping at parts already frozen (objects in
 * the store share unchanged parts with their previous versions, so a write freezes only what is
 * new). Frozen objects cannot be changed by a caller that holds them, e.g. through a snapshot.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  // Indexes and for-in instead of Object.values: no array per object (every store write freezes).
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  return value;
}

/**
 * The parts joined into a string held in one piece. V8 keeps a string made with `+` or a template
 * literal as a tree of its parts (a node of about 32 bytes per `+`) until something reads it
 * whole; a uid made of eleven parts then costs about 400 bytes instead of 48. Strings kept for an
 * hour by the thousand (Event uids, names and messages) are made with this; `join` writes its
 * result in one piece.
 */
export function joinFlat(...parts: string[]): string {
  return parts.join('');
}

/**
 * `s` held in one piece (see joinFlat). `normalize` reads the text whole and, when it is already
 * in normal form (all the simulator writes), returns the joined string itself; other text is kept
 * as a slice over a joined copy. Short strings are never trees.
 */
export function flatString(s: string): string {
  if (s.length < 13) return s;
  const joined = s.normalize();
  return joined === s ? joined : ` ${s}`.slice(1);
}
