/**
 * JSON as Go's encoding/json writes it. A map's keys come sorted (json.Marshal of a
 * map[string]interface{}, as kubectl holds unstructured objects), or in the order given (struct
 * fields); `<`, `>`, `&`, U+2028 and U+2029 are escaped; `indent` is json.MarshalIndent's.
 *
 * Not JSON.stringify over a rebuilt object: a JavaScript object lists integer-like keys first
 * whatever order they were added in, so labels `8` and `1000` would come out as 8, 1000 where Go
 * writes "1000" before "8".
 */
export function goJsonText(value: unknown, { indent = '', sort = true } = {}): string {
  return escapeGoJson(write(value, indent, '', sort) ?? 'null');
}

/** Go's HTML-safe escapes, which JSON.stringify does not make. */
export function escapeGoJson(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** One value; undefined where JSON.stringify leaves a value out (undefined, a function). */
function write(v: unknown, indent: string, at: string, sort: boolean): string | undefined {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(v);
  const inner = at + indent;
  const open = indent ? `\n${inner}` : '';
  const close = indent ? `\n${at}` : '';
  const sep = indent ? `,\n${inner}` : ',';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = v.map((x) => write(x, indent, inner, sort) ?? 'null');
    return `[${open}${items.join(sep)}${close}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (sort) keys.sort();
  const parts: string[] = [];
  for (const k of keys) {
    const x = write(o[k], indent, inner, sort);
    if (x !== undefined) parts.push(`${JSON.stringify(k)}:${indent ? ' ' : ''}${x}`);
  }
  return parts.length ? `{${open}${parts.join(sep)}${close}}` : '{}';
}
