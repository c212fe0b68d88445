/**
 * How kubectl's YAML reader (sigs.k8s.io/yaml over go-yaml v2) reads a plain scalar, and how its
 * YAML writer orders keys and decides what to quote. go-yaml v2 keeps YAML 1.1's words:
 * `yes`, `no`, `on`, `off`, `y` and `n` are booleans, `010` is octal, `1_000` is a thousand and
 * `0b11` is three. So `app: on` among a pod's labels is the boolean true, which the API server
 * refuses for a string field, as it refuses it on a real cluster.
 *
 * Written from go-yaml v2's resolve.go (resolve, parseTimestamp), encode.go (isBase60Float,
 * stringv), emitterc.go (the style of a string, and how it is quoted) and sorter.go (keyList.Less).
 */

import type { ScalarTag } from 'yaml';
import type { YamlTags } from './yaml.ts';

export type GoScalar =
  | { tag: 'str' | 'timestamp'; value: string }
  | { tag: 'null'; value: null }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int' | 'float'; value: number };

const WORDS = new Map<string, GoScalar>();
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])
  WORDS.set(w, { tag: 'bool', value: true });
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
  WORDS.set(w, { tag: 'bool', value: false });
for (const w of ['', '~', 'null', 'Null', 'NULL']) WORDS.set(w, { tag: 'null', value: null });
for (const w of ['.nan', '.NaN', '.NAN']) WORDS.set(w, { tag: 'float', value: Number.NaN });
for (const w of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'])
  WORDS.set(w, { tag: 'float', value: Number.POSITIVE_INFINITY });
for (const w of ['-.inf', '-.Inf', '-.INF']) WORDS.set(w, { tag: 'float', value: Number.NEGATIVE_INFINITY });

/** go-yaml's yamlStyleFloat. */
const STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** What Go's strconv.ParseFloat reads of a text that starts with a dot. */
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

/**
 * strconv.ParseInt(s, 0, 64), then ParseUint(s, 0, 64): a sign (ParseInt only), then `0x`, `0o`,
 * `0b` or a leading `0` (octal) or decimal digits. Undefined where both fail (a bad digit, out of
 * range). The value as a JS number (exact up to 2^53).
 */
function parseGoInt(s: string): number | undefined {
  let body = s;
  let negative = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    negative = body.startsWith('-');
    body = body.slice(1);
  }
  let digits = body;
  let radix = 10;
  if (body.length > 1 && body.startsWith('0')) {
    const p = body[1]!;
    if (p === 'x' || p === 'X') [radix, digits] = [16, body.slice(2)];
    else if (p === 'o' || p === 'O') [radix, digits] = [8, body.slice(2)];
    else if (p === 'b' || p === 'B') [radix, digits] = [2, body.slice(2)];
    else [radix, digits] = [8, body.slice(1)];
  }
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix]!;
  if (!valid.test(digits)) return undefined;
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  const n = BigInt(prefix + digits);
  // ParseInt's range, or ParseUint's for an unsigned text.
  if (negative ? n > 2n ** 63n : n >= 2n ** 64n) return undefined;
  return Number(negative ? -n : n);
}

/** Go's time.Parse with go-yaml's four layouts (RFC 3339 with short fields, space, date only). */
function isGoTimestamp(s: string): boolean {
  const m =
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:([Tt])|( ))([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})?)?$/.exec(
      s,
    );
  if (!m) return false;
  const [, y, mo, d, t, space, h, mi, se, zone] = m;
  // With a T, a zone is required; with a space, none is allowed.
  if (t && !zone) return false;
  if (space && zone) return false;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const year = Number(y);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > days) return false;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59)) return false;
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4)) > 59)) return false;
  return true;
}

/** What go-yaml v2 reads a plain (unquoted, untagged) scalar as. */
export function goResolve(text: string): GoScalar {
  const word = WORDS.get(text);
  if (word) return word;
  const c = text[0];
  // strconv.ParseFloat fails on a number out of float64's range: such a text stays a string.
  if (c === '.') {
    const f = DOT_FLOAT.test(text) ? Number(text) : Number.NaN;
    return Number.isFinite(f) ? { tag: 'float', value: f } : { tag: 'str', value: text };
  }
  if (c === undefined || !(c === '+' || c === '-' || (c >= '0' && c <= '9')))
    return { tag: 'str', value: text };
  if (isGoTimestamp(text)) return { tag: 'timestamp', value: text };
  const plain = text.replaceAll('_', '');
  const int = parseGoInt(plain);
  if (int !== undefined) return { tag: 'int', value: int };
  const f = STYLE_FLOAT.test(plain) ? Number(plain) : Number.NaN;
  if (Number.isFinite(f)) return { tag: 'float', value: f };
  return { tag: 'str', value: text };
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/**
 * Whether go-yaml writes a string quoted because, unquoted, it would read as something else (a
 * boolean, a number, null, a timestamp), or as a YAML 1.1 base-60 number (`12:30`).
 */
export function goYamlQuotes(s: string): boolean {
  return goResolve(s).tag !== 'str' || BASE60_FLOAT.test(s);
}

export type GoYamlStyle = 'plain' | 'single' | 'double' | 'literal';

/** is_break: the line breaks go-yaml knows (CR, LF, NEL, LS, PS). */
const isBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;

/** is_printable, by code point: a tab, a DEL, C1 controls, a BOM and anything past U+FFFF are not. */
const isPrintable = (c: number) =>
  c === 0x0a ||
  (c >= 0x20 && c <= 0x7e) ||
  (c >= 0xa0 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

/**
 * The style go-yaml v2 writes a string in, as a mapping value (or a key: `key`), in block
 * context. encode.go's stringv asks for a literal block when there is a `\n`, for double quotes
 * when the text would read back as something else (goYamlQuotes), plain otherwise; then
 * emitterc.go's yaml_emitter_analyze_scalar says what the text allows and
 * yaml_emitter_select_scalar_style steps down from plain to single quotes to double quotes:
 * - `'a` is single-quoted, its quote doubled (`'''a'`): a quote may not start a plain scalar, as
 *   `#`, `&`, `- `, `---` and the like may not, nor hold `: ` or ` #`; `a'b` stays plain;
 * - a leading or trailing space, or a line break other than `\n` (LS, PS), needs quotes;
 * - a tab or another character go-yaml does not print (C0 and C1 controls, a BOM, an emoji)
 *   forces double quotes, as does a space next to a line break; a trailing space, a space before
 *   a line break or such a character turns a literal block into double quotes too.
 */
export function goYamlStyle(s: string, key = false): GoYamlStyle {
  const asked: GoYamlStyle = s.includes('\n') ? 'literal' : goYamlQuotes(s) ? 'double' : 'plain';
  const chars = [...s];
  const n = chars.length;
  let indicator = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let edge = false; // a space or a break first or last
  let breakSpace = false;
  let spaceBreak = false;
  let trailingSpace = false;
  let precededByBlank = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < n; i++) {
    const ch = chars[i]!;
    const c = ch.codePointAt(0)!;
    const next = chars[i + 1];
    const followedByBlank = next === undefined || next === ' ' || next === '\t';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) indicator = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByBlank) indicator = true;
    } else if ((ch === ':' && followedByBlank) || (ch === '#' && precededByBlank)) indicator = true;
    if (!isPrintable(c)) special = true;
    const space = ch === ' ';
    const brk = isBreak(c);
    if (space || brk) {
      if (i === 0 || i === n - 1) edge = true;
      if (space && i === n - 1) trailingSpace = true;
      if (space && previousBreak) breakSpace = true;
      if (brk && previousSpace) spaceBreak = true;
      if (brk) lineBreaks = true;
    }
    previousSpace = space;
    previousBreak = brk;
    precededByBlank = space || brk || ch === '\t' || c === 0;
  }
  const plainAllowed = !(indicator || special || lineBreaks || edge || breakSpace || spaceBreak);
  const singleAllowed = !(breakSpace || spaceBreak || special);
  const blockAllowed = !(trailingSpace || spaceBreak || special);
  let style: GoYamlStyle = key && lineBreaks ? 'double' : asked;
  if (style === 'plain' && !plainAllowed) style = 'single';
  if (style === 'single' && !singleAllowed) style = 'double';
  if (style === 'literal' && (!blockAllowed || key)) style = 'double';
  return style;
}

const ESCAPES = new Map([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

/**
 * A string double-quoted as go-yaml writes it, on one line (yaml_emitter_write_double_quoted_scalar;
 * printers/yaml-fold.ts breaks long lines): what it does not print, a line break, `"` and `\`
 * escaped, in upper-case hex (`\x1F`, `\U0001F600`). A string that starts with a BOM has every
 * character escaped (`"\uFEFF\x61"`), since go-yaml's is_bom looks at the start of the string.
 */
export function goDoubleQuoted(s: string): string {
  const bom = s.startsWith('\ufeff');
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (bom || !isPrintable(c) || isBreak(c) || c === 0x22 || c === 0x5c) {
      const hex = (w: number) => c.toString(16).toUpperCase().padStart(w, '0');
      out += `\\${ESCAPES.get(c) ?? (c <= 0xff ? `x${hex(2)}` : c <= 0xffff ? `u${hex(4)}` : `U${hex(8)}`)}`;
    } else out += ch;
  }
  return `${out}"`;
}

/**
 * A string single-quoted as go-yaml writes it (yaml_emitter_write_single_quoted_scalar), on one
 * line: a quote doubled. After a line break (LS, PS: a `\n` is never single-quoted) the next
 * character starts at the scalar's indentation.
 */
function goSingleQuoted(s: string, indent: string): string {
  return `'${s.replaceAll("'", "''").replace(/[\u2028\u2029](?=[^\u2028\u2029])/g, `$&${indent}`)}'`;
}

/**
 * A literal block as go-yaml writes it (yaml_emitter_write_block_scalar_hints, …_literal_scalar),
 * returned as the YAML library's blockString returns one: without the final line break, telling
 * `onChompKeep` when the block keeps its trailing breaks. Unlike the library, go-yaml gives an
 * indentation indicator to a block that starts with a line break (`|2-`), and leaves empty lines
 * empty.
 */
function goLiteral(s: string, indent: string, onChompKeep?: () => void): string {
  const at = (i: number) => s.codePointAt(i) ?? -1;
  const chomp = !isBreak(at(s.length - 1)) ? '-' : s.length === 1 || isBreak(at(s.length - 2)) ? '+' : '';
  if (chomp === '+') onChompKeep?.();
  const hint = s[0] === ' ' || isBreak(at(0)) ? '2' : '';
  // Each line's first character at the indentation (after a LS or PS too), empty lines empty.
  const body = s.replace(/(?:^|[\n\u2028\u2029])(?=[^\n\u2028\u2029])/g, `$&${indent}`);
  return `|${hint}${chomp}\n${chomp === '-' ? body : body.slice(0, -1)}`;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/**
 * go-yaml's order of map keys (keyList.Less) for string keys: letters by code point, any other
 * character before a letter, and runs of digits by their value, so `a2` comes before `a10`. As in
 * the go-yaml kubectl has (v2), a number running into a letter is not ordered consistently
 * (`e21a` < `e2b` < `e4b` < `e21a`), and kubectl prints such keys in no fixed order.
 */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const code = (r: string) => r.codePointAt(0)!;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = LETTER.test(ar[i]!);
    const bl = LETTER.test(br[i]!);
    if (al && bl) return code(ar[i]!) < code(br[i]!);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0')
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j]!); j--)
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && DIGIT.test(ar[ai]!); ai++) an = an * 10 + (code(ar[ai]!) - 48);
    for (; bi < br.length && DIGIT.test(br[bi]!); bi++) bn = bn * 10 + (code(br[bi]!) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return code(ar[i]!) < code(br[i]!);
  }
  return ar.length < br.length;
}

/** Compare function for Array.prototype.sort in go-yaml's key order. */
export function goYamlKeyOrder(a: string, b: string): number {
  return goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0;
}

/** A plain scalar's tag as go-yaml resolves it, for the YAML library (which calls `test.test`). */
function goTag(tag: GoScalar['tag'], yamlTag: string) {
  return {
    tag: `tag:yaml.org,2002:${yamlTag}`,
    default: true,
    test: { test: (s: string) => goResolve(s).tag === tag } as unknown as RegExp,
    resolve: (s: string) => goResolve(s).value,
  };
}

const GO_SCALARS = [
  goTag('null', 'null'),
  goTag('bool', 'bool'),
  goTag('int', 'int'),
  goTag('float', 'float'),
];
const SCALAR_TAGS = new Set(GO_SCALARS.map((t) => t.tag));
const STR = 'tag:yaml.org,2002:str';
const isScalarTag = (t: YamlTags[number]) => typeof t !== 'string' && SCALAR_TAGS.has(t.tag);

/** The YAML library's core schema with go-yaml's plain scalars (for reading manifests). */
export function goReadTags(tags: YamlTags): YamlTags {
  return [...tags.filter((t) => !isScalarTag(t)), ...GO_SCALARS] as YamlTags;
}

/**
 * For writing YAML as go-yaml does (printers/output.ts): the library's own scalar tags still
 * write numbers and booleans, but whether a string can go unquoted is go-yaml's call (`1e400`
 * can, `"on"` cannot), and so is the style of every string (goYamlStyle). Plain and
 * single-quoted strings the library writes as go-yaml does; double-quoted ones and literal
 * blocks are written here.
 */
export function goWriteTags(tags: YamlTags): YamlTags {
  return [
    ...tags.map((t) => {
      if (typeof t === 'string') return t;
      if (isScalarTag(t)) return { ...t, test: undefined };
      if (t.tag !== STR) return t;
      const { stringify } = t as ScalarTag;
      return {
        ...(t as ScalarTag),
        stringify(item, ctx, onComment, onChompKeep) {
          const s = String(item.value);
          const style = goYamlStyle(s, ctx.implicitKey);
          if (style === 'double') return goDoubleQuoted(s);
          if (style === 'literal') return goLiteral(s, ctx.indent, onChompKeep);
          if (style === 'single') return goSingleQuoted(s, ctx.indent);
          item.type = 'PLAIN';
          return stringify!(item, ctx, onComment, onChompKeep);
        },
      } satisfies ScalarTag;
    }),
    ...GO_SCALARS.map((t) => ({ ...t, identify: () => false })),
  ] as YamlTags;
}

/** What JSON cannot hold (NaN, ±Inf), as Go's encoding/json names it; undefined when all is well. */
export function unsupportedNumber(v: unknown, depth = 0): string | undefined {
  if (typeof v === 'number')
    return Number.isFinite(v) ? undefined : Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  if (v === null || typeof v !== 'object' || depth > 64) return undefined;
  for (const x of Array.isArray(v) ? v : Object.values(v)) {
    const bad = unsupportedNumber(x, depth + 1);
    if (bad) return bad;
  }
  return undefined;
}

/** What the YAML library said of a document, and where (its line, 1-based, in `lines`). */
export interface YamlSlip {
  code: string;
  message: string;
  line?: number | undefined;
  col?: number | undefined;
  lines: readonly string[];
}

const indentOf = (l: string) => l.length - l.trimStart().length;

/**
 * go-yaml's words (and line) for a slip the YAML library found, for the slips people make by
 * hand: a tab as indentation, a quote or bracket never closed, a key out of line, a missing space
 * after a colon, an alias to no anchor. go-yaml numbers a parser error's line from 0, so such
 * errors name the line before the one at fault. Undefined where the words are not known.
 */
export function goYamlSlip(slip: YamlSlip): { message: string; line?: number | undefined } | undefined {
  const { code, message, line } = slip;
  const at = (text: string, delta: number) => ({
    message: text,
    line: line === undefined ? undefined : line + delta,
  });
  const is = (c: string, start: string) => code === c && message.startsWith(start);
  const alias = /^Unresolved alias \(the anchor must be set before the alias\): (.*)$/.exec(message);
  if (alias) return { message: `unknown anchor '${alias[1]}' referenced` };
  if (code === 'TAB_AS_INDENT') return at('found character that cannot start any token', 0);
  if (is('MISSING_CHAR', 'Missing closing')) return at('found unexpected end of stream', 0);
  if (is('BLOCK_AS_IMPLICIT_KEY', 'Nested mappings') && line !== undefined) {
    // go-yaml stops at the second colon: on this line, or on the next one the value ran into.
    const rest = (slip.lines[line - 1] ?? '').slice(slip.col ?? 0);
    return at('mapping values are not allowed in this context', /:(\s|$)/.test(rest) ? 0 : 1);
  }
  if (
    is('BLOCK_AS_IMPLICIT_KEY', 'A block sequence') ||
    is('BAD_INDENT', 'All sequence items') ||
    is('BAD_INDENT', 'All mapping items') ||
    is('MISSING_CHAR', 'Sequence item without')
  )
    // go-yaml stops at the token out of line: where the library points, or, when it points past
    // the end of a line (a key with no value yet), the next line with text.
    return {
      message: 'did not find expected key',
      line: line === undefined ? undefined : outOfLine(slip, line) - 1,
    };
  if (is('MISSING_CHAR', 'Implicit map keys need to be followed'))
    return at("could not find expected ':'", 1);
  const flow = /^Flow (sequence|map) in block collection/.exec(message);
  if (code === 'BAD_INDENT' && flow && line !== undefined) {
    // go-yaml names the line the bracket was opened on. With nothing after the bracket (or after
    // a comma) it wants a node; after a value, a comma or the closing bracket.
    let l = line;
    while (l > 1 && !/[[{]/.test(slip.lines[l - 1] ?? '')) l--;
    const opened = slip.lines[l - 1] ?? '';
    const after = opened.slice(Math.max(opened.lastIndexOf('['), opened.lastIndexOf('{')) + 1).trim();
    const close = flow[1] === 'map' ? '}' : ']';
    return {
      message:
        after && !after.endsWith(',')
          ? `did not find expected ',' or '${close}'`
          : 'did not find expected node content',
      line: l,
    };
  }
  const escape = /^Invalid escape sequence \\(.)/.exec(message);
  if (code === 'BAD_DQ_ESCAPE' && escape)
    return at(
      'xuU'.includes(escape[1]!)
        ? 'did not find expected hexdecimal number'
        : 'found unknown escape character',
      0,
    );
  // `@`, a backtick or `%` where a value begins.
  if (code === 'BAD_SCALAR_START') return at('found character that cannot start any token', 0);
  const missing = /^Missing , or : between flow (sequence|map) items/.exec(message);
  if (missing) return at(`did not find expected ',' or '${missing[1] === 'map' ? '}' : ']'}'`, -1);
  if (is('UNEXPECTED_TOKEN', 'Unexpected , in flow')) return at('did not find expected node content', -1);
  const close =
    line !== undefined && slip.col !== undefined ? flowOpenAt(slip.lines, line, slip.col) : undefined;
  // A value running on, inside brackets: go-yaml wants the comma or the closing bracket.
  if (close && (code === 'BLOCK_IN_FLOW' || is('UNEXPECTED_TOKEN', 'Unexpected scalar')))
    return at(`did not find expected ',' or '${close}'`, -1);
  // A value running on after it ended (text after a closing quote or bracket, a second anchor):
  // go-yaml wants the next key, or the next item of a sequence indented under its key.
  if (
    !close &&
    line !== undefined &&
    (is('UNEXPECTED_TOKEN', 'Unexpected scalar at node end') ||
      /^Unexpected flow-(seq|map)-end token/.test(message) ||
      code === 'MULTIPLE_ANCHORS' ||
      code === 'ALIAS_PROPS')
  )
    return at(
      wantsDash(slip.lines, line, slip.col ?? 1)
        ? "did not find expected '-' indicator"
        : 'did not find expected key',
      -1,
    );
  if (code === 'MULTILINE_IMPLICIT_KEY' && line !== undefined) {
    // Text where a key belongs, among keys: go-yaml wants its colon. Text opening a block (the
    // document's first, or after a less indented line ending in a colon) is a value, until the
    // colon on the next line.
    const here = slip.lines[line - 1] ?? '';
    let i = line - 2;
    while (i >= 0 && !slip.lines[i]!.trim()) i--;
    const before = i >= 0 ? slip.lines[i]! : '---';
    const opens = /^---\s*$/.test(before) || (/:\s*$/.test(before) && indentOf(before) < indentOf(here));
    return at(opens ? 'mapping values are not allowed in this context' : "could not find expected ':'", 1);
  }
  return undefined;
}

/** The line (1-based) of the token a slip at `line` is about: the next with text, past its end. */
function outOfLine(slip: YamlSlip, line: number): number {
  const text = slip.lines[line - 1] ?? '';
  if (slip.col === undefined || slip.col <= text.length) return line;
  let next = line + 1;
  while (next <= slip.lines.length && !(slip.lines[next - 1] ?? '').trim()) next++;
  return next;
}

/**
 * The bracket that closes the innermost flow collection (`[…]`, `{…}`) open at `col` of `line`
 * (both 1-based), read from the start of the document: quoted text and comments skipped, a bracket
 * opening a flow only where a value may begin. Undefined outside any.
 */
function flowOpenAt(lines: readonly string[], line: number, col: number): ']' | '}' | undefined {
  const open: string[] = [];
  let quote: string | undefined;
  for (let l = 0; l < line && l < lines.length; l++) {
    const text = lines[l]!;
    if (!quote && /^---(\s|$)/.test(text)) open.length = 0;
    const end = l === line - 1 ? Math.min(col - 1, text.length) : text.length;
    for (let i = 0; i < end; i++) {
      const c = text[i]!;
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote && quote === "'" && text[i + 1] === "'") i++;
        else if (c === quote) quote = undefined;
        continue;
      }
      const before = i === 0 ? ' ' : text[i - 1]!;
      const starts = /[\s[{,:-]/.test(before);
      if (c === '#' && /\s/.test(before)) break;
      if ((c === '"' || c === "'") && starts) quote = c;
      else if ((c === '[' || c === '{') && (starts || open.length > 0)) open.push(c === '[' ? ']' : '}');
      else if ((c === ']' || c === '}') && open.length > 0) open.pop();
    }
  }
  return open.at(-1) as ']' | '}' | undefined;
}

/**
 * Whether the node at `col` of `line` is an item of a block sequence indented under its key (or a
 * document's own sequence): go-yaml then wants the next `-`. Items of a sequence at its key's own
 * indentation (as kubectl prints them), and values of a mapping, are read as the mapping's: it
 * wants the next key.
 */
function wantsDash(lines: readonly string[], line: number, col: number): boolean {
  const text = lines[line - 1] ?? '';
  const item = /^(\s*)- /.exec(text);
  // A mapping inside the item (`- name: x`): its key comes next.
  if (!item || /:(\s|$)/.test(text.slice(item[0].length, col - 1))) return false;
  const indent = item[1]!.length;
  for (let l = line - 2; l >= 0; l--) {
    const above = lines[l]!;
    if (!above.trim() || above.trimStart().startsWith('#')) continue;
    if (/^---(\s|$)/.test(above)) return true;
    const n = indentOf(above);
    if (n < indent) return true;
    if (n === indent && !/^\s*- /.test(above)) return false;
  }
  return true;
}
