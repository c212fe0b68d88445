/**
 * A deep copy of a JSON-shaped API object (what Go's DeepCopy gives a controller to work on):
 * exactly JSON.parse(JSON.stringify(value)) — keys whose value is undefined dropped, undefined in
 * arrays and non-finite numbers become null, -0 becomes 0 — without the text in between.
 */
export function deepCopy<T>(value: T): T {
  if (value === undefined) return value;
  const copy = jsonCopy(value);
  // A function or symbol: as JSON.parse(undefined) does.
  return (copy === undefined ? JSON.parse(JSON.stringify(value)) : copy) as T;
}

function jsonCopy(v: unknown): unknown {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v + 0 : null;
    case 'object':
      break;
    default:
      return undefined;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (
    (proto !== Object.prototype && proto !== Array.prototype && proto !== null) ||
    typeof (v as { toJSON?: unknown }).toJSON === 'function'
  )
    return JSON.parse(JSON.stringify(v)) as unknown;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      const x = jsonCopy(v[i]);
      out.push(x === undefined ? null : x);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = jsonCopy((v as Record<string, unknown>)[k]);
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
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
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
    if (!deepEqual(va, rb[k])) return false;
  }
  let nb = 0;
  for (const k in rb) if (rb[k] !== undefined) nb++;
  return na === nb;
}
