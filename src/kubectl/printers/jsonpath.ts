/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath) for `-o jsonpath=…` and
 * `-o custom-columns=…`: literal text, `{.a.b}`, `{.items[*].metadata.name}`, `[0]`, `[1:3]`,
 * `..name`, `[?(@.type=="Ready")]`, `{range …}…{end}` and quoted literals like `{"\n"}`.
 * Missing keys print nothing (`--allow-missing-template-keys=true`, kubectl's default).
 */
import { goJsonText } from '../../k8s/go-json.ts';

import { goPrintValue } from '../../k8s/decode.ts';
import { goQuote } from '../../k8s/validation.ts';

export class JsonPathError extends Error {
  /** `atRun`: an error upstream's parser lets through and its evaluation meets (an identifier). */
  constructor(
    message: string,
    readonly atRun = false,
  ) {
    super(message);
    this.name = 'JsonPathError';
  }
}

/**
 * A bound on the work one template does (values selected, text written), so that no template —
 * nested ranges over recursive descent, say — can keep the page busy: past it the template
 * fails with an error, as a bad index does. kubectl has no such limit; nothing a cluster of this
 * size prints comes near it.
 */
export const JSONPATH_BUDGET = 1_000_000;
let work = 0;

function spend(n: number): void {
  work += n;
  if (work > JSONPATH_BUDGET)
    throw new JsonPathError(
      `the template selects or prints more than ${JSONPATH_BUDGET} values, more than the simulator prints`,
    );
}

/** Starts a new budget: each printed output (all objects of one `get`) gets its own. */
export function resetJsonPathBudget(): void {
  work = 0;
}

/** Whether a field no value has is nothing (true) or an error (`--allow-missing-template-keys=false`). */
let allowMissingKeys = true;

/** Runs `f` with missing fields allowed or refused (JSONPath.AllowMissingKeys), as a printer does. */
export function withMissingKeys<T>(allow: boolean, f: () => T): T {
  const before = allowMissingKeys;
  allowMissingKeys = allow;
  try {
    return f();
  } finally {
    allowMissingKeys = before;
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
  spend(1);
  out.push(v);
  if (Array.isArray(v)) for (const x of v) descend(x, out);
  else if (isObj(v)) for (const k of Object.keys(v).sort()) descend(v[k], out);
}

/** A filter's right side as client-go's parser reads it: a string, a number, a bool, or a name. */
type Literal = { value: unknown } | { identifier: string };

/** text/template's basicKind: what a comparison may compare; undefined for maps, lists, null. */
function basicKind(v: unknown): 'bool' | 'int' | 'float' | 'string' | undefined {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return undefined;
}

/**
 * The comparison functions of text/template (eq, lt and the rest from them), as client-go's
 * filters call them: values of different kinds (a string and a bool, an int and a float) are
 * "incompatible types for comparison", and order is not defined for bools, maps or lists.
 */
function compare(a: unknown, op: string, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === undefined || kb === undefined) throw new JsonPathError('invalid type for comparison');
  if (ka !== kb) throw new JsonPathError('incompatible types for comparison');
  const eq = a === b;
  if (op === '==') return eq;
  if (op === '!=') return !eq;
  if (ka === 'bool') throw new JsonPathError('invalid type for comparison');
  const lt = (a as number | string) < (b as number | string);
  switch (op) {
    case '<':
      return lt;
    case '<=':
      return lt || eq;
    case '>':
      return !lt && !eq;
    case '>=':
      return !lt;
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}

function literal(s: string): Literal {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")))
    return { value: unquote(t) };
  if (/^-?[0-9]+(\.[0-9]+)?$/.test(t)) return { value: Number(t) };
  if (t === 'true' || t === 'false') return { value: t === 'true' };
  return { identifier: t };
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
      // parser.go's parseField: up to the next terminator not escaped by a backslash, then
      // without its backslashes (`.kubectl\.kubernetes\.io/last-applied-configuration`).
      let end = i;
      while (end < p.length && !FIELD_TERMINATORS.has(p[end]!)) end += p[end] === '\\' ? 2 : 1;
      end = Math.min(end, p.length);
      const name = p.slice(i, end).replaceAll('\\', '');
      i = end;
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
      // evalField: a field none of the values has is an error unless missing keys are allowed.
      if (!allowMissingKeys && name !== '*' && next.length === 0 && values.length > 0)
        throw new JsonPathError(`${name} is not found`);
      spend(next.length);
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
        const m = splitFilter(cond);
        for (const v of values) {
          const items = Array.isArray(v) ? v : isObj(v) ? [v] : [];
          for (const item of items) {
            if (m) {
              const left = evalPath(m[1]!, root, item);
              if (left.length === 0) continue;
              if (left.length > 1) throw new JsonPathError('can only compare one element at a time');
              let right: unknown;
              if (m[3]!.trim().startsWith('@')) {
                const rights = evalPath(m[3]!, root, item);
                if (rights.length === 0) continue;
                if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
                right = rights[0];
              } else {
                const lit = literal(m[3]!);
                // A bare word is an identifier, and the only ones jsonpath knows are range and end.
                if ('identifier' in lit) throw new JsonPathError(`unrecognized identifier ${lit.identifier}`);
                right = lit.value;
              }
              if (compare(left[0], m[2]!, right)) next.push(item);
            } else if (evalPath(cond, root, item).length) next.push(item);
          }
        }
      } else if (inner === '*') {
        for (const v of values) {
          if (Array.isArray(v)) next.push(...v);
          else if (isObj(v)) for (const k of Object.keys(v).sort()) next.push(v[k]);
        }
      } else if (/^'[^']*'(\s*,\s*'[^']*')*$/.test(inner)) {
        // parser.go's dictKeyRex takes a key in single quotes only (["a"] is an invalid index),
        // and reads it as the field path `.key`: ['a.b'] is .a.b, not the key "a.b".
        for (const key of splitUnion(inner).map(unquote))
          for (const v of values) next.push(...evalPath(`.${key}`, root, v));
      } else if (isSlice(inner)) {
        const params = sliceParams(inner);
        for (const v of values) {
          if (!Array.isArray(v)) continue;
          const taken = slice(v, params);
          if (taken === undefined) break;
          next.push(...taken);
        }
      } else throw new JsonPathError(`invalid array index ${inner}`);
      spend(next.length);
      values = next;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    // parser.go's parseIdentifier: a word up to the next terminator. true and false are values;
    // any other word (range and end are read with the template) is unknown.
    if (/[\p{L}_]/u.test(ch)) {
      let end = i;
      while (end < p.length && !/[\s.,[\]$@{}]/.test(p[end]!)) end++;
      const word = p.slice(i, end);
      if (word !== 'true' && word !== 'false')
        throw new JsonPathError(`unrecognized identifier ${word}`, true);
      values = [word === 'true'];
      i = end;
      continue;
    }
    throw new JsonPathError(
      `unrecognized character in action: U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`,
    );
  }
  return values;
}

/** parser.go's isTerminator: what ends a field name. */
const FIELD_TERMINATORS = new Set([' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}']);

/**
 * The slice operator's text (parser.go's sliceOperatorRex, `^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$`),
 * matched by hand: at most three colon-separated parts, each an optional minus and digits.
 */
function isSlice(inner: string): boolean {
  if (inner === '') return false;
  const parts = inner.split(':');
  return parts.length <= 3 && parts.every((p) => /^-?[0-9]*$/.test(p));
}

interface SliceParam {
  known: boolean;
  value: number;
  /** `[n]`: the end is n+1, made up by the parser. */
  derived?: boolean;
}

/** parser.go's parseArray: start, end and step, each known or not. */
function sliceParams(inner: string): [SliceParam, SliceParam, SliceParam] {
  const parts = inner.split(':');
  const num = (t: string) => {
    const n = Number(t);
    if (!Number.isSafeInteger(n)) throw new JsonPathError(`array index ${t} is not a number`);
    return n;
  };
  const start: SliceParam = parts[0] ? { known: true, value: num(parts[0]) } : { known: false, value: 0 };
  const end: SliceParam =
    parts.length === 1
      ? { known: true, value: start.value + 1, derived: true }
      : parts[1]
        ? { known: true, value: num(parts[1]) }
        : { known: false, value: 0 };
  const step: SliceParam = parts[2] ? { known: true, value: num(parts[2]) } : { known: false, value: 0 };
  return [start, end, step];
}

/**
 * jsonpath.go's evalArray for one list: negative indexes count from the end, an index out of
 * range is an error, and the step must be positive (`[::-1]` is refused, as kubectl refuses it,
 * instead of looping). Undefined means "an empty selection ends the evaluation" (upstream returns
 * what it has when start equals end).
 */
function slice(v: unknown[], [p0, p1, p2]: [SliceParam, SliceParam, SliceParam]): unknown[] | undefined {
  const n = v.length;
  let start = p0.known ? p0.value : 0;
  if (start < 0) start += n;
  let end = p1.known ? p1.value : n;
  if (end < 0 || (end === 0 && p1.derived)) end += n;
  if (end === start) return undefined;
  if (start >= n || start < 0)
    throw new JsonPathError(`array index out of bounds: index ${start}, length ${n}`);
  if (end > n || end < 0) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${n}`);
  if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
  let step = 1;
  if (p2.known) {
    if (p2.value <= 0) throw new JsonPathError('step must be > 0');
    step = p2.value;
  }
  const out: unknown[] = [];
  for (let k = start; k < end; k += step) out.push(v[k]);
  return out;
}

/**
 * A filter's `left op right`, split at its first comparison operator as parser.go's
 * `^([^!<>=]+)([!<>=]+)(.+?)$` splits it; by hand, so the work stays linear in its length.
 * Undefined for a filter without one (`[?(@.name)]` tests existence).
 */
function splitFilter(cond: string): [string, string, string, string] | undefined {
  let i = 0;
  while (i < cond.length && !'!<>='.includes(cond[i]!)) i++;
  if (i === 0 || i >= cond.length) return undefined;
  let j = i;
  while (j < cond.length && '!<>='.includes(cond[j]!)) j++;
  const op = cond.slice(i, j);
  const left = cond.slice(0, i).trim();
  const right = cond.slice(j).trim();
  if (!['==', '!=', '<=', '>=', '<', '>'].includes(op) || left === '' || right === '') return undefined;
  return [cond, left, op, right];
}

export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return v === null ? 'null' : '';
  // A map or list prints as json.Marshal writes it.
  if (typeof v === 'object') return goJsonText(v);
  return String(v);
}

/** Every value each path of a `{…}` action selects (for custom-columns). */
export function selectValues(expr: string, root: unknown, fresh = true): unknown[] {
  if (fresh) resetJsonPathBudget();
  const nodes = parseTemplate(expr);
  const out: unknown[] = [];
  for (const n of nodes) if (n.kind === 'expr') for (const p of n.paths) out.push(...evalPath(p, root, root));
  return out;
}

/**
 * Runs a template: each part in order, a range's body once per value it selects. `part` gets a
 * text part's text, an expression's values, or nothing for a range (before its body runs).
 */
function runTemplate(
  template: string,
  root: unknown,
  part: (kind: Node['kind'], values: unknown[]) => void,
): void {
  resetJsonPathBudget();
  const run = (body: Node[], current: unknown): void => {
    for (const n of body) {
      if (n.kind === 'text') part('text', [n.text]);
      else if (n.kind === 'expr')
        part(
          'expr',
          n.paths.flatMap((p) => evalPath(p, root, current)),
        );
      else {
        part(n.kind, []);
        for (const v of evalPath(n.path, root, current)) run(n.body, v);
      }
    }
  };
  run(parseTemplate(template), root);
}

/**
 * The values a template finds, in order, text included, one group per template part run
 * (FindResults): `-o jsonpath-as-json` prints each group as a JSON array.
 */
export function templateValues(template: string, root: unknown): unknown[][] {
  const out: unknown[][] = [];
  runTemplate(template, root, (kind, values) => {
    spend(1);
    if (kind !== 'range') out.push(values);
  });
  return out;
}

export function executeTemplate(template: string, root: unknown): string {
  let s = '';
  runTemplate(template, root, (kind, values) => {
    if (kind === 'text') {
      spend(1);
      s += values[0] as string;
    } else if (kind === 'expr') {
      const text = values.map(textOf).join(' ');
      spend(1 + Math.floor(text.length / 64));
      s += text;
    }
  });
  return s;
}

/**
 * Go's %#v of a JSON value as kubectl's jsonpath printer holds it (map[string]interface {}): what
 * its error shows as the object given to the jsonpath engine. Map keys sorted, as fmt sorts them.
 */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goPrintValue(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(o[k])}`).join(', ')}}`;
}
