/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath) for `-o jsonpath=…` and
 * `-o custom-columns=…`: literal text, `{.a.b}`, `{.items[*].metadata.name}`, `[0]`, `[1:3]`,
 * `..name`, `[?(@.type=="Ready")]`, `{range …}…{end}` and quoted literals like `{"\n"}`.
 * Missing keys print nothing (`--allow-missing-template-keys=true`, kubectl's default).
 */

export class JsonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathError';
  }
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'expr'; paths: string[] }
  | { kind: 'range'; path: string; body: Node[] };

/** Splits a template into text and `{…}` actions, nesting `range … end`. */
export function parseTemplate(template: string): Node[] {
  const tokens: ({ text: string } | { action: string })[] = [];
  let i = 0;
  let text = '';
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '{') {
      let depth = 0;
      let j = i;
      let quote: string | undefined;
      for (; j < template.length; j++) {
        const c = template[j]!;
        if (quote) {
          if (c === '\\') j++;
          else if (c === quote) quote = undefined;
          continue;
        }
        if (c === '"' || c === "'") quote = c;
        else if (c === '{') depth++;
        else if (c === '}') {
          depth--;
          if (depth === 0) break;
        }
      }
      if (j >= template.length) throw new JsonPathError(`unclosed action`);
      if (text) tokens.push({ text });
      text = '';
      tokens.push({ action: template.slice(i + 1, j).trim() });
      i = j + 1;
    } else {
      text += ch;
      i++;
    }
  }
  if (text) tokens.push({ text });
  let pos = 0;
  const parseBlock = (inRange: boolean): Node[] => {
    const out: Node[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos++]!;
      if ('text' in t) {
        out.push({ kind: 'text', text: t.text });
        continue;
      }
      const a = t.action;
      if (a === 'end') {
        if (!inRange) throw new JsonPathError(`not in range, nothing to end`);
        return out;
      }
      if (a.startsWith('range ') || a === 'range') {
        const path = a.slice(5).trim();
        if (!path) throw new JsonPathError(`range needs a path`);
        out.push({ kind: 'range', path, body: parseBlock(true) });
        continue;
      }
      if (a === '') throw new JsonPathError(`empty action`);
      out.push({ kind: 'expr', paths: splitUnion(a) });
    }
    if (inRange) throw new JsonPathError(`range without end`);
    return out;
  };
  return parseBlock(false);
}

function splitUnion(action: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let cur = '';
  for (let i = 0; i < action.length; i++) {
    const c = action[i]!;
    if (quote) {
      cur += c;
      if (c === '\\' && i + 1 < action.length) cur += action[++i];
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === '[' || c === '(') depth++;
    if (c === ']' || c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (quote) throw new JsonPathError(`unterminated string`);
  parts.push(cur.trim());
  return parts;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function unquote(s: string): string {
  const body = s.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c,
  );
}

function descend(v: unknown, out: unknown[]): void {
  out.push(v);
  if (Array.isArray(v)) for (const x of v) descend(x, out);
  else if (isObj(v)) for (const k of Object.keys(v).sort()) descend(v[k], out);
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b || (typeof a === 'number' && Number(b) === a);
    case '!=':
      return !(a === b || (typeof a === 'number' && Number(b) === a));
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    case '>=':
      return Number(a) >= Number(b);
    default:
      return false;
  }
}

function literal(s: string): unknown {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return unquote(t);
  if (/^-?[0-9]+(\.[0-9]+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return t;
}

/** Evaluates one path (`.a.b[0]`, `@.x`, `$..name`) against a root and the current value. */
export function evalPath(path: string, root: unknown, current: unknown): unknown[] {
  let p = path.trim();
  if (p.startsWith('"') || p.startsWith("'")) {
    if (p.length < 2 || p[p.length - 1] !== p[0]) throw new JsonPathError(`unterminated string`);
    return [unquote(p)];
  }
  if (/^-?[0-9]+(\.[0-9]+)?$/.test(p)) return [Number(p)];
  let values: unknown[];
  if (p.startsWith('$')) {
    values = [root];
    p = p.slice(1);
  } else if (p.startsWith('@')) {
    values = [current];
    p = p.slice(1);
  } else values = [current];
  let i = 0;
  while (i < p.length) {
    const ch = p[i]!;
    if (ch === '.') {
      let recursive = false;
      i++;
      if (p[i] === '.') {
        recursive = true;
        i++;
      }
      const m = /^[A-Za-z0-9_\-$]*|^\*/.exec(p.slice(i));
      const name = m ? m[0] : '';
      i += name.length;
      if (recursive) {
        const all: unknown[] = [];
        for (const v of values) descend(v, all);
        values = all;
      }
      if (name === '') continue;
      const next: unknown[] = [];
      for (const v of values) {
        if (name === '*') {
          if (Array.isArray(v)) next.push(...v);
          else if (isObj(v)) for (const k of Object.keys(v).sort()) next.push(v[k]);
        } else if (isObj(v) && name in v && v[name] !== undefined) next.push(v[name]);
      }
      values = next;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      let quote: string | undefined;
      for (; j < p.length; j++) {
        const c = p[j]!;
        if (quote) {
          if (c === quote) quote = undefined;
          continue;
        }
        if (c === '"' || c === "'") quote = c;
        else if (c === '[') depth++;
        else if (c === ']') {
          depth--;
          if (depth === 0) break;
        }
      }
      if (j >= p.length) throw new JsonPathError(`unterminated array`);
      const inner = p.slice(i + 1, j).trim();
      i = j + 1;
      const next: unknown[] = [];
      if (inner.startsWith('?(') && inner.endsWith(')')) {
        const cond = inner.slice(2, -1).trim();
        const m = /^(.+?)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(cond);
        for (const v of values) {
          const items = Array.isArray(v) ? v : isObj(v) ? [v] : [];
          for (const item of items) {
            if (m) {
              const left = evalPath(m[1]!, root, item);
              const right = m[3]!.trim().startsWith('@') ? evalPath(m[3]!, root, item)[0] : literal(m[3]!);
              if (left.length && compare(left[0], m[2]!, right)) next.push(item);
            } else if (evalPath(cond, root, item).length) next.push(item);
          }
        }
      } else if (inner === '*') {
        for (const v of values) {
          if (Array.isArray(v)) next.push(...v);
          else if (isObj(v)) for (const k of Object.keys(v).sort()) next.push(v[k]);
        }
      } else if (/^(['"]).*\1$/.test(inner)) {
        for (const key of splitUnion(inner).map(unquote))
          for (const v of values) if (isObj(v) && v[key] !== undefined) next.push(v[key]);
      } else if (/^-?[0-9]*(:-?[0-9]*){0,2}$/.test(inner) && inner !== '') {
        const parts = inner.split(':');
        for (const v of values) {
          if (!Array.isArray(v)) continue;
          const n = v.length;
          const norm = (x: string | undefined, def: number) => {
            if (x === undefined || x === '') return def;
            const k = Number(x);
            return k < 0 ? Math.max(0, n + k) : Math.min(k, n);
          };
          if (parts.length === 1) {
            let k = Number(parts[0]);
            if (k < 0) k += n;
            if (k >= 0 && k < n) next.push(v[k]);
            else throw new JsonPathError(`array index out of bounds: index ${parts[0]}, length ${n}`);
          } else {
            const start = norm(parts[0], 0);
            const end = norm(parts[1], n);
            const step = parts[2] ? Number(parts[2]) || 1 : 1;
            for (let k = start; k < end; k += step) next.push(v[k]);
          }
        }
      } else throw new JsonPathError(`invalid array index ${inner}`);
      values = next;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    throw new JsonPathError(
      `unrecognized character in action: U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`,
    );
  }
  return values;
}

/** Compact JSON with sorted keys, as Go's json.Marshal prints map values. */
export function goJson(v: unknown): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (isObj(x)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(x).sort()) out[k] = sort(x[k]);
      return out;
    }
    return x;
  };
  return escapeHtml(JSON.stringify(sort(v)) ?? 'null');
}

/** Go's encoding/json escapes <, > and & inside strings. */
export function escapeHtml(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return v === null ? 'null' : '';
  if (typeof v === 'object') return goJson(v);
  return String(v);
}

/** Every value each path of a `{…}` action selects (for custom-columns). */
export function selectValues(expr: string, root: unknown): unknown[] {
  const nodes = parseTemplate(expr);
  const out: unknown[] = [];
  for (const n of nodes) if (n.kind === 'expr') for (const p of n.paths) out.push(...evalPath(p, root, root));
  return out;
}

export function executeTemplate(template: string, root: unknown): string {
  const nodes = parseTemplate(template);
  const run = (body: Node[], current: unknown): string => {
    let s = '';
    for (const n of body) {
      if (n.kind === 'text') s += n.text;
      else if (n.kind === 'expr') {
        const values = n.paths.flatMap((p) => evalPath(p, root, current));
        s += values.map(textOf).join(' ');
      } else {
        for (const v of evalPath(n.path, root, current)) s += run(n.body, v);
      }
    }
    return s;
  };
  return run(nodes, root);
}
