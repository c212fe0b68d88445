/**
 * Go's fmt (Sprint, Sprintln, Sprintf) over the values a kubectl Go template handles: JSON decoded
 * into interface{} (map[string]interface {}, []interface {}, string, bool, int64, float64, nil)
 * and the template's own int, uint8 and int32 values. Verbs, flags, width, precision, `*` and
 * `[n]` argument indexes, and the `%!verb(type=value)` forms for what does not fit, as fmt
 * writes them. Floats are formatted from their exact binary value (strconv's rounding, half to
 * even on exact ties), not with JavaScript's toFixed.
 */

/** Go's static type of a value, as `%T` and the error messages name it. */
export type GoType =
  | 'interface {}'
  | 'map[string]interface {}'
  | '[]interface {}'
  | 'string'
  | 'bool'
  | 'int'
  | 'int64'
  | 'int32'
  | 'uint8'
  | 'float64';

/**
 * A reflect.Value: its static type and what it holds. For `interface {}` the value is the JSON
 * value inside (null for a nil interface); maps are JSON objects, slices JSON arrays. An invalid
 * reflect.Value (a missing key, `<no value>`) is `undefined` wherever a GoValue may be.
 */
export class GoValue {
  constructor(
    readonly type: GoType,
    readonly v: unknown,
  ) {}
}

/** What fmt receives as an `any` argument: a concrete value, or nil. */
export type GoAny = GoValue | null;

/** Raised for what the simulator does not reproduce (a pointer's address, hexadecimal floats). */
export class GoNotSimulated extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoNotSimulated';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The concrete type a JSON value decodes to (util/json: whole numbers as int64). */
export function jsonType(v: unknown): GoType | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** The value inside an interface{} holding JSON (undefined: a nil interface). */
export function concrete(v: unknown): GoValue | undefined {
  const t = jsonType(v);
  return t === undefined ? undefined : new GoValue(t, v);
}

export const isIntType = (t: GoType): boolean => t === 'int' || t === 'int64' || t === 'int32';

// ---------------------------------------------------------------------------------------------
// UTF-8: Go strings are bytes.

export function utf8Bytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    let r = ch.codePointAt(0)!;
    if (r >= 0xd800 && r < 0xe000) r = 0xfffd;
    if (r < 0x80) out.push(r);
    else if (r < 0x800) out.push(0xc0 | (r >> 6), 0x80 | (r & 63));
    else if (r < 0x10000) out.push(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
    else out.push(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 63), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
  }
  return Uint8Array.from(out);
}

/** Bytes back to a string; a string that is not UTF-8 is beyond what the simulator prints. */
export function utf8String(b: Uint8Array, what: string): string {
  let out = '';
  const bad = () =>
    new GoNotSimulated(`${what} makes a string that is not UTF-8 text, which is not simulated`);
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    let n: number;
    let r: number;
    let min: number;
    if (c < 0x80) [n, r, min] = [0, c, 0];
    else if (c >= 0xc2 && c < 0xe0) [n, r, min] = [1, c & 31, 0x80];
    else if (c >= 0xe0 && c < 0xf0) [n, r, min] = [2, c & 15, 0x800];
    else if (c >= 0xf0 && c < 0xf5) [n, r, min] = [3, c & 7, 0x10000];
    else throw bad();
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) throw bad();
      r = (r << 6) | (d & 63);
    }
    if (r < min || r > 0x10ffff || (r >= 0xd800 && r < 0xe000)) throw bad();
    out += String.fromCodePoint(r);
    i += n + 1;
  }
  return out;
}

export const utf8Len = (s: string): number => utf8Bytes(s).length;

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

// ---------------------------------------------------------------------------------------------
// strconv

/** unicode.IsPrint, near enough: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f) return false;
  if (r >= 0xd800 && r < 0xe000) return false;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(r));
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function quoteWith(s: string, quote: "'" | '"', ascii: boolean): string {
  let out = quote;
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, quote, ascii);
  return out + quote;
}

function escapeRune(r: number, quote: string, ascii: boolean): string {
  const ch = String.fromCodePoint(r);
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) return ch;
  switch (r) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return `\\x${r.toString(16).padStart(2, '0')}`;
  if (r >= 0xd800 && r < 0xe000) return '\\ufffd';
  if (r < 0x10000) return `\\u${hex4(r)}`;
  return `\\U${r.toString(16).padStart(8, '0')}`;
}

/** strconv.Quote. */
export const goQuoteString = (s: string): string => quoteWith(s, '"', false);
/** strconv.QuoteRune (an invalid rune is U+FFFD). */
const quoteRune = (r: number, ascii: boolean): string =>
  quoteWith(String.fromCodePoint(validRune(r)), "'", ascii);

function validRune(r: number): number {
  return r < 0 || r > 0x10ffff || (r >= 0xd800 && r < 0xe000) ? 0xfffd : r;
}

/** strconv.CanBackquote. */
function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0xfeff) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

// Floats: the exact decimal value of a double, rounded as strconv's decimal type rounds.

interface Decimal {
  /** Significant digits, no leading or trailing zeros ('' for zero). */
  d: string;
  /** Position of the decimal point relative to the digits. */
  dp: number;
}

function exactDecimal(v: number): Decimal {
  if (v === 0) return { d: '', dp: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(v));
  const bits = buf.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  const trimmed = trimZeros(digits);
  let lead = 0;
  while (trimmed[lead] === '0') lead++;
  return { d: trimmed.slice(lead), dp: dp - lead };
}

/** Digits without their trailing zeros. */
function trimZeros(d: string): string {
  let end = d.length;
  while (end > 0 && d[end - 1] === '0') end--;
  return d.slice(0, end);
}

/** The shortest digits that read back as v (what Go's and JavaScript's shortest forms share). */
function shortestDecimal(v: number): Decimal {
  if (v === 0) return { d: '', dp: 0 };
  const [m, e] = Math.abs(v).toExponential().split('e') as [string, string];
  const d = trimZeros(m.replace('.', ''));
  return { d, dp: Number(e) + 1 };
}

/** decimal.Round(nd): half to even when exactly halfway (the digits are exact). */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const next = a.d.charCodeAt(nd) - 48;
  const up =
    next === 5 && nd + 1 === a.d.length ? nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1 : next >= 5;
  if (!up) return { d: trimZeros(a.d.slice(0, nd)), dp: a.d.slice(0, nd) === '' ? 0 : a.dp };
  let i = nd - 1;
  while (i >= 0 && a.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

function fmtE(neg: boolean, d: Decimal, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  out += d.d.length ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(d.d.length, prec + 1);
    if (i < m) {
      out += d.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += fmt;
  let exp = d.d.length === 0 ? 0 : d.dp - 1;
  const sign = exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  return `${out}${sign}${exp < 10 ? `0${exp}` : String(exp)}`;
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    const m = Math.min(d.d.length, d.dp);
    out += d.d.slice(0, m) + '0'.repeat(d.dp - m);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 && j < d.d.length ? d.d[j] : '0';
    }
  }
  return out;
}

/** strconv.FormatFloat(v, fmt, prec, 64) for 'e', 'E', 'f', 'g', 'G'. */
export function formatFloat(v: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    digs = shortestDecimal(v);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digs.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDecimal(v);
    if (fmt === 'e' || fmt === 'E') digs = roundDecimal(exact, prec + 1);
    else if (fmt === 'f') digs = roundDecimal(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundDecimal(exact, prec);
    }
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, digs, prec, fmt);
  if (fmt === 'f') return fmtF(neg, digs, prec);
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > digs.d.length) prec = digs.d.length;
    return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = digs.d.length;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}

/** %v of a float64. */
export const goFloat = (v: number): string => formatFloat(v, 'g', -1);

// ---------------------------------------------------------------------------------------------
// fmt

const LDIGITS = '0123456789abcdefx';
const UDIGITS = '0123456789ABCDEFX';

class Printer {
  buf = '';
  // fmt.fmtFlags
  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;
  // pp
  reordered = false;
  goodArgNum = true;
  /** The argument being printed (printArg) or undefined inside printValue. */
  arg: GoAny | undefined = undefined;
  value: GoValue | undefined = undefined;

  clearflags(): void {
    this.widPresent = this.precPresent = this.minus = this.plus = this.sharp = false;
    this.space = this.zero = this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  /** pad and padString: width counts runes. */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  fmtIntegerBase(u: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    const negative = isSigned && u < 0n;
    if (negative) u = -u;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = '';
    const b = BigInt(base);
    do {
      s = digits[Number(u % b)]! + s;
      u /= b;
    } while (u > 0n);
    while (prec > s.length) s = '0' + s;
    if (this.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8) {
        if (s[0] !== '0') s = '0' + s;
      } else if (base === 16) s = '0' + digits[16]! + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.plus) s = '+' + s;
    else if (this.space) s = ' ' + s;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let tail = '';
    if (this.sharp && u <= 0x10ffffn && isPrint(Number(u))) tail = ` '${String.fromCodePoint(Number(u))}'`;
    let hex = u.toString(16).toUpperCase();
    if (u < 0n) hex = BigInt.asUintN(64, u).toString(16).toUpperCase();
    hex = hex.padStart(prec, '0');
    const oldZero = this.zero;
    this.zero = false;
    this.pad(`U+${hex}${tail}`);
    this.zero = oldZero;
  }

  fmtInteger(v: bigint, isSigned: boolean, verb: string): void {
    switch (verb) {
      case 'v':
      case 'd':
        return this.fmtIntegerBase(v, 10, isSigned, verb, LDIGITS);
      case 'b':
        return this.fmtIntegerBase(v, 2, isSigned, verb, LDIGITS);
      case 'o':
      case 'O':
        return this.fmtIntegerBase(v, 8, isSigned, verb, LDIGITS);
      case 'x':
        return this.fmtIntegerBase(v, 16, isSigned, verb, LDIGITS);
      case 'X':
        return this.fmtIntegerBase(v, 16, isSigned, verb, UDIGITS);
      case 'c':
        return this.pad(String.fromCodePoint(validRune(v > 0x10ffffn || v < 0n ? -1 : Number(v))));
      case 'q':
        return this.pad(quoteRune(v > 0x10ffffn || v < 0n ? -1 : Number(v), this.plus));
      case 'U':
        return this.fmtUnicode(v);
      default:
        return this.badVerb(verb);
    }
  }

  fmtFloatVerb(v: number, verb: string, prec: number): void {
    if (verb === 'b' || verb === 'x' || verb === 'X')
      throw new GoNotSimulated(`the %${verb} verb for floating-point numbers is not simulated`);
    if (this.precPresent) prec = this.prec;
    const f = (verb === 'F' ? 'f' : verb) as 'e' | 'E' | 'f' | 'g' | 'G';
    let num = formatFloat(v, f, prec);
    num = num[0] === '-' || num[0] === '+' ? num : `+${num}`;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp) {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G') digits = prec === -1 ? 6 : prec;
      let tail = '';
      let body = num;
      const e = body.search(/[eE]/);
      if (e >= 0) {
        tail = body.slice(e);
        body = body.slice(0, e);
      }
      let hasPoint = false;
      let sawNonzero = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i]!;
        if (c === '.') hasPoint = true;
        else {
          if (c !== '0') sawNonzero = true;
          if (sawNonzero) digits--;
        }
      }
      if (!hasPoint) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      while (digits > 0) {
        body += '0';
        digits--;
      }
      num = body + tail;
    }
    if (this.plus || num[0] !== '+') {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        return this.fmtFloatVerb(v, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloatVerb(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
      case 'F':
        return this.fmtFloatVerb(v, verb, 6);
      default:
        return this.badVerb(verb);
    }
  }

  truncate(s: string): string {
    if (!this.precPresent) return s;
    let n = 0;
    let out = '';
    for (const ch of s) {
      if (n++ >= this.prec) break;
      out += ch;
    }
    return out;
  }

  fmtSx(s: string, digits: string): void {
    const bytes = utf8Bytes(s);
    let length = bytes.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = this.sharp ? `0${digits[16]}` : '';
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += `0${digits[16]}`;
      }
      const c = bytes[i]!;
      out += digits[c >> 4]! + digits[c & 15]!;
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(quoteWith(s, '"', this.plus));
  }

  fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) return this.fmtQ(v);
        return this.pad(this.truncate(v));
      case 's':
        return this.pad(this.truncate(v));
      case 'x':
        return this.fmtSx(v, LDIGITS);
      case 'X':
        return this.fmtSx(v, UDIGITS);
      case 'q':
        return this.fmtQ(v);
      default:
        return this.badVerb(verb);
    }
  }

  badVerb(verb: string): void {
    this.buf += `%!${verb}(`;
    if (this.arg !== undefined && this.arg !== null) {
      this.buf += `${this.arg.type}=`;
      this.printArg(this.arg, 'v');
    } else if (this.value !== undefined) {
      this.buf += `${this.value.type}=`;
      this.printValue(this.value, 'v', 0);
    } else this.buf += '<nil>';
    this.buf += ')';
  }

  printArg(arg: GoAny, verb: string): void {
    this.arg = arg;
    this.value = undefined;
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.pad(this.truncate(arg.type));
      return;
    }
    if (verb === 'p') throw new GoNotSimulated('the %p verb (a pointer) is not simulated');
    // handleMethods: %w is Errorf's alone; a value that is not basic says so before its parts do.
    if (verb === 'w' && (arg.type === 'map[string]interface {}' || arg.type === '[]interface {}'))
      return this.badVerb(verb);
    this.printBasic(arg, verb, 0);
  }

  /** The kinds fmt prints without reflection (and the same inside printValue). */
  private printBasic(v: GoValue, verb: string, depth: number): void {
    switch (v.type) {
      case 'bool':
        if (verb === 't' || verb === 'v') return this.fmtBoolean(v.v as boolean);
        return this.badVerb(verb);
      case 'float64':
        return this.fmtFloat(v.v as number, verb);
      case 'int':
      case 'int64':
      case 'int32':
        return this.fmtInteger(BigInt(v.v as number), true, verb);
      case 'uint8':
        if (verb === 'v' && this.sharpV) {
          // fmt0x64: %#v of an unsigned integer is hexadecimal with 0x.
          const sharp = this.sharp;
          this.sharp = true;
          this.fmtIntegerBase(BigInt(v.v as number), 16, false, 'v', LDIGITS);
          this.sharp = sharp;
          return;
        }
        return this.fmtInteger(BigInt(v.v as number), false, verb);
      case 'string':
        return this.fmtString(v.v as string, verb);
      default:
        return this.printValue(v, verb, depth);
    }
  }

  printValue(value: GoValue, verb: string, depth: number): void {
    this.arg = undefined;
    this.value = value;
    switch (value.type) {
      case 'map[string]interface {}': {
        const o = value.v as Record<string, unknown>;
        this.buf += this.sharpV ? 'map[string]interface {}{' : 'map[';
        const keys = Object.keys(o)
          .filter((k) => o[k] !== undefined)
          .sort(compareBytes);
        keys.forEach((k, i) => {
          if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
          this.printValue(new GoValue('string', k), verb, depth + 1);
          this.buf += ':';
          this.printValue(new GoValue('interface {}', o[k]), verb, depth + 1);
        });
        this.buf += this.sharpV ? '}' : ']';
        return;
      }
      case '[]interface {}': {
        const a = value.v as unknown[];
        this.buf += this.sharpV ? '[]interface {}{' : '[';
        a.forEach((x, i) => {
          if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
          this.printValue(new GoValue('interface {}', x ?? null), verb, depth + 1);
        });
        this.buf += this.sharpV ? '}' : ']';
        return;
      }
      case 'interface {}': {
        const inner = concrete(value.v);
        if (inner === undefined) this.buf += this.sharpV ? 'interface {}(nil)' : '<nil>';
        else this.printValue(inner, verb, depth + 1);
        return;
      }
      default:
        this.printBasic(value, verb, depth);
    }
  }

  doPrint(args: GoAny[]): void {
    let prevString = false;
    args.forEach((arg, i) => {
      const isString = arg !== null && arg.type === 'string';
      if (i > 0 && !isString && !prevString) this.buf += ' ';
      this.printArg(arg, 'v');
      prevString = isString;
    });
  }

  doPrintln(args: GoAny[]): void {
    args.forEach((arg, i) => {
      if (i > 0) this.buf += ' ';
      this.printArg(arg, 'v');
    });
    this.buf += '\n';
  }

  argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }

  doPrintf(format: string, a: GoAny[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    formatLoop: for (let i = 0; i < end;) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format[i] !== '%') i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearflags();
      simpleFormat: for (; i < end; i++) {
        const c = format[i]!;
        switch (c) {
          case '#':
            this.sharp = true;
            break;
          case '0':
            this.zero = !this.minus;
            break;
          case '+':
            this.plus = true;
            break;
          case '-':
            this.minus = true;
            this.zero = false;
            break;
          case ' ':
            this.space = true;
            break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v') {
                this.sharpV = this.sharp;
                this.sharp = false;
                this.plusV = this.plus;
                this.plus = false;
              }
              this.printArg(a[argNum]!, c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
        }
      }
      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i < end && format[i] === '*') {
        i++;
        [this.wid, this.widPresent, argNum] = intFromArg(a, argNum);
        if (!this.widPresent) this.buf += '%!(BADWIDTH)';
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        [this.wid, this.widPresent, i] = parsenum(format, i, end);
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === '*') {
          i++;
          [this.prec, this.precPresent, argNum] = intFromArg(a, argNum);
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          [this.prec, this.precPresent, i] = parsenum(format, i, end);
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }
      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const verb = String.fromCodePoint(format.codePointAt(i)!);
      i += verb.length;
      if (verb === '%') this.buf += '%';
      else if (!this.goodArgNum) this.buf += `%!${verb}(BADINDEX)`;
      else if (argNum >= a.length) this.buf += `%!${verb}(MISSING)`;
      else {
        if (verb === 'v') {
          this.sharpV = this.sharp;
          this.sharp = false;
          this.plusV = this.plus;
          this.plus = false;
        }
        this.printArg(a[argNum]!, verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.clearflags();
      this.buf += '%!(EXTRA ';
      a.slice(argNum).forEach((arg, i) => {
        if (i > 0) this.buf += ', ';
        if (arg === null) this.buf += '<nil>';
        else {
          this.buf += `${arg.type}=`;
          this.printArg(arg, 'v');
        }
      });
      this.buf += ')';
    }
  }
}

/** Go compares map keys (strings) bytewise: UTF-8 order, which is code point order. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

const tooLarge = (x: number) => x > 1e6 || x < -1e6;

function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + (s.charCodeAt(i) - 48);
    isnum = true;
  }
  return [num, isnum, i];
}

function parseArgNumber(format: string): [number, number, boolean] {
  if (format.length < 3) return [0, 1, false];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [width, ok, newi] = parsenum(format, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

function intFromArg(a: GoAny[], argNum: number): [number, boolean, number] {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const arg = a[argNum];
    if (arg && (isIntType(arg.type) || arg.type === 'uint8')) {
      num = arg.v as number;
      isInt = true;
    }
    newArgNum = argNum + 1;
    if (tooLarge(num)) {
      num = 0;
      isInt = false;
    }
  }
  return [num, isInt, newArgNum];
}

/** fmt.Sprint. */
export function sprint(args: GoAny[]): string {
  const p = new Printer();
  p.doPrint(args);
  return p.buf;
}

/** fmt.Sprintln. */
export function sprintln(args: GoAny[]): string {
  const p = new Printer();
  p.doPrintln(args);
  return p.buf;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: GoAny[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** fmt's %v of a reflect.Value, as `%v` and `%s` in error messages print one. */
export function sprintValue(v: GoValue | undefined, verb = 'v'): string {
  if (v === undefined) return '<invalid reflect.Value>';
  const p = new Printer();
  p.printValue(v, verb, 0);
  return p.buf;
}

export { isObj };
