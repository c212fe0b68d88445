/**
 * Command-line parsing the way a shell and cobra/pflag do it: shell words with quotes and
 * backslashes, then flags (`--flag=v`, `--flag v`, `-f v`, `-fv`, `-abc` for booleans) checked
 * against each command's declared flags.
 */
import { goQuote } from '../k8s/validation.ts';

export class UsageError extends Error {
  constructor(
    message: string,
    readonly commandPath = 'kubectl',
    /** Flag errors end with `See '… --help' for usage.`, other usage errors with `See '… -h' for help and examples`. */
    readonly flagError = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A flag the command does not know or cannot parse (templater.FlagErrorFunc). */
export class FlagError extends UsageError {
  constructor(message: string, commandPath = 'kubectl') {
    super(message, commandPath, true);
    this.name = 'FlagError';
  }
}

/** Splits a command line into words like a POSIX shell (no expansion). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new UsageError("unexpected EOF while looking for matching `''");
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i]!;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1]!)) {
          cur += line[i + 1];
          i += 2;
        } else {
          cur += c;
          i++;
        }
      }
      if (!closed) throw new UsageError('unexpected EOF while looking for matching `""');
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[i + 1];
      inWord = true;
      i += 2;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
    } else {
      cur += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/**
 * `map` is a flag of `key=value` pairs (cliflag's MapStringString), whose value `--help` shows
 * as it is, unquoted; it is read as a string.
 */
export type FlagType = 'string' | 'bool' | 'int' | 'stringArray' | 'duration' | 'map';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /**
   * The default `--help` shows (`--replicas=0`, `--timeout=0s`, `--containers='*'`), where it is
   * not the type's zero value. Only shown: a command reads an absent flag its own way.
   */
  default?: string | boolean | number;
  /** Flags whose value may be omitted (`--dry-run` means `--dry-run=unchanged`... here `client`). */
  noOptDefault?: string;
  /** One line for `--help`. */
  help?: string;
  /** For int flags: pflag's Int32 (32) rather than Int (64); out-of-range values are refused. */
  bits?: 32 | 64;
  /**
   * Registered through Go's flag package (klog's and component-base's logging flags), whose
   * values that do not parse are refused with its words, `parse error`.
   */
  goFlag?: boolean;
  /**
   * A deprecated flag: using it prints cobra's `Flag --NAME has been deprecated, <this>` first.
   * Like a hidden one, `--help` does not list it.
   */
  deprecated?: string;
  /** A flag kubectl accepts and `--help` does not list. */
  hidden?: boolean;
  /**
   * A flag kubectl has that the simulator does not simulate for this command: given with a value
   * other than its default, the command does not run and says `kubectl CMD --NAME is not
   * simulated in Rollout Lab: <this>`.
   */
  unsimulated?: string;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
  /** How many positional words came before `--`, where there was one (cobra's ArgsLenAtDash). */
  dashAt?: number;
}

/** Why the flags that point kubectl at another API server are not simulated. */
const ONE_SERVER = 'this kubectl talks to the simulated cluster only';

/**
 * Flags every command accepts: kubectl's global flags, as `kubectl options` lists them (their
 * words are in commands/help.ts, loaded with it). Those that choose credentials or an identity are
 * taken and change nothing (the simulated API server, as served to a real kubectl too,
 * authenticates no one and refuses nothing); those that point at another server or write files
 * of their own are not simulated.
 */
export const globalFlags: FlagSpec[] = [
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'as-uid', type: 'string' },
  { name: 'cache-dir', type: 'string', default: '/root/.kube/cache' },
  { name: 'certificate-authority', type: 'string', unsimulated: ONE_SERVER },
  { name: 'client-certificate', type: 'string', unsimulated: ONE_SERVER },
  { name: 'client-key', type: 'string', unsimulated: ONE_SERVER },
  { name: 'cluster', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'disable-compression', type: 'bool' },
  { name: 'help', short: 'h', type: 'bool', hidden: true },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'log-flush-frequency', type: 'duration', default: '5s', goFlag: true },
  { name: 'match-server-version', type: 'bool' },
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'password', type: 'string' },
  { name: 'profile', type: 'string', default: 'none', unsimulated: 'kubectl here is no process to profile' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'server', short: 's', type: 'string', unsimulated: ONE_SERVER },
  { name: 'tls-server-name', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'username', type: 'string' },
  { name: 'v', short: 'v', type: 'int', bits: 32, default: 0 },
  { name: 'vmodule', type: 'map' },
  {
    name: 'warnings-as-errors',
    type: 'bool',
    unsimulated: 'the warnings are printed, and the command exits as it would without the flag',
  },
];

/**
 * Whether a word that starts with `-` takes the next word as its value while cobra finds the
 * command (stripFlags): `--name` and `-x` do unless `flags` has them as a bool (names read as
 * pflag normalizes them, `_` as `-`); an unknown one does too. The help flag is unknown then
 * (cobra adds it to the command it has found), so `kubectl -h get` is kubectl's help.
 */
export function takesValueWhileFinding(word: string, flags: readonly FlagSpec[]): boolean {
  if (word.includes('=')) return false;
  let spec: FlagSpec | undefined;
  if (word.startsWith('--')) spec = flags.find((f) => f.name === word.slice(2).replaceAll('_', '-'));
  else if (word.length === 2) spec = flags.find((f) => f.short === word.slice(1));
  else return false;
  return !spec || spec.type !== 'bool' || spec.name === 'help';
}

/**
 * A command line's words as kubectl reads them before it finds the command: `kubectl` (or the alias
 * `k`) left out, then the flags that may come first (`kubectl -n default get pods`), each with its
 * value in the next word unless it is a global bool (`kubectl --as alice get pods`; an unknown flag
 * takes one too). Throws UsageError for an unterminated quote.
 */
export function commandWords(commandLine: string): { leading: string[]; words: string[] } {
  let words = shellWords(commandLine);
  if (words[0] === 'kubectl' || words[0] === 'k') words = words.slice(1);
  const leading: string[] = [];
  while (words.length && words[0]!.startsWith('-')) {
    const w = words.shift()!;
    leading.push(w);
    // `--` ends the flags and the search for a command: kubectl alone, which prints its help.
    if (w === '--') {
      leading.push(...words.splice(0));
      break;
    }
    if (takesValueWhileFinding(w, globalFlags) && words.length) leading.push(words.shift()!);
  }
  return { leading, words };
}

/**
 * A flag spec named `*` accepts any flag (for commands that only say they are not simulated): an
 * unknown `--name=value` or `--name` is kept as a string, an unknown shorthand as `true`.
 */
export const ANY_FLAG: FlagSpec = { name: '*', type: 'string' };

export function parseFlags(words: string[], specs: FlagSpec[], commandPath: string): ParsedArgs {
  const all = [...specs, ...globalFlags];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const anyFlag = specs.includes(ANY_FLAG);
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  let dashAt: number | undefined;
  const set = (spec: FlagSpec, value: string) => {
    // pflag's words: the flag as its usage names it, the value and the parser's error.
    const invalid = (why: string) =>
      new FlagError(
        `invalid argument ${goQuote(value)} for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: ${why}`,
        commandPath,
      );
    if (spec.type === 'bool' && goBool(value) === undefined)
      throw invalid(`strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
    if (spec.type === 'int' && !/^[-+]?[0-9]+$/.test(value))
      throw invalid(`strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`);
    if (spec.type === 'int') {
      // strconv.ParseInt(s, 0, bits): the value must fit the flag's Go type.
      const limit = 2n ** BigInt((spec.bits ?? 64) - 1);
      const n = BigInt(value);
      if (n >= limit || n < -limit)
        throw invalid(`strconv.ParseInt: parsing ${goQuote(value)}: value out of range`);
    }
    if (spec.type === 'duration') {
      const d = readDuration(value);
      if (typeof d === 'string') throw invalid(spec.goFlag ? 'parse error' : d);
    }
    const list = flags.get(spec.name) ?? [];
    list.push(value);
    flags.set(spec.name, list);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      dashAt = positional.length;
      positional.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      // pflag's parseLongArg: a name that starts with a dash or an equals sign is no name.
      if (w[2] === '-' || w[2] === '=') throw new FlagError(`bad flag syntax: ${w}`, commandPath);
      const eq = w.indexOf('=');
      const typed = eq >= 0 ? w.slice(2, eq) : w.slice(2);
      // kubectl's flag sets normalize word separators: --show_labels is --show-labels.
      const name = typed.replaceAll('_', '-');
      const spec =
        byName.get(name) ?? (anyFlag ? { name, type: 'string' as const, noOptDefault: 'true' } : undefined);
      if (!spec) throw new FlagError(`unknown flag: --${typed}`, commandPath);
      if (eq >= 0) set(spec, w.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else {
        const v = words[++i];
        if (v === undefined) throw new FlagError(`flag needs an argument: --${typed}`, commandPath);
        set(spec, v);
      }
      continue;
    }
    // pflag reads any word that starts with a dash as flags, `-1` too (no shorthand is a digit).
    if (w.startsWith('-') && w.length > 1) {
      // One or more shorthand flags: -it, -n ns, -nns, -o=yaml
      let j = 1;
      while (j < w.length) {
        const c = w[j]!;
        const spec = byShort.get(c) ?? (anyFlag ? { name: c, short: c, type: 'bool' as const } : undefined);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${w}`, commandPath);
        if (spec.type === 'bool') {
          if (w[j + 1] === '=') {
            set(spec, w.slice(j + 2));
            break;
          }
          set(spec, 'true');
          j++;
          continue;
        }
        let rest = w.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest !== '') set(spec, rest);
        else {
          const v = words[++i];
          if (v === undefined) throw new FlagError(`flag needs an argument: '${c}' in -${c}`, commandPath);
          set(spec, v);
        }
        break;
      }
      continue;
    }
    positional.push(w);
  }
  return dashAt === undefined ? { positional, flags } : { positional, flags, dashAt };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return v ? v[v.length - 1] : undefined;
}

export function flagBool(args: ParsedArgs, name: string, def = false): boolean {
  const v = flagString(args, name);
  if (v === undefined) return def;
  return goBool(v) === true;
}

/** strconv.ParseBool, as pflag reads a bool flag: undefined for anything else. */
export function goBool(text: string): boolean | undefined {
  if (/^(1|t|T|TRUE|true|True)$/.test(text)) return true;
  if (/^(0|f|F|FALSE|false|False)$/.test(text)) return false;
  return undefined;
}

export function flagInt(args: ParsedArgs, name: string): number | undefined {
  const v = flagString(args, name);
  return v === undefined ? undefined : Number(v);
}

export function flagAll(args: ParsedArgs, name: string): string[] {
  return args.flags.get(name) ?? [];
}

/**
 * Go's time.ParseDuration for kubectl's --timeout: `30s`, `5m`, `1h30m`, `-1s`, `0`. Returns
 * seconds, or undefined when invalid.
 */
export function parseDuration(text: string): number | undefined {
  const r = readDuration(text);
  return typeof r === 'number' ? r : undefined;
}

const UNITS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/**
 * time.ParseDuration, step by step: seconds, or its error's words. A unit is every character up
 * to the next digit or point (`1hx` has the unit `hx`), so its errors name it.
 */
function readDuration(orig: string): number | string {
  const invalid = `time: invalid duration ${timeQuote(orig)}`;
  let s = orig;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return invalid;
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let total = 0;
  while (s !== '') {
    if (!(s[0] === '.' || digit(s[0]))) return invalid;
    let i = 0;
    while (digit(s[i])) i++;
    const pre = i > 0;
    let post = false;
    if (s[i] === '.') {
      const from = ++i;
      while (digit(s[i])) i++;
      post = i > from;
    }
    if (!pre && !post) return invalid;
    const value = Number(s.slice(0, i).replace(/\.$/, '') || '0');
    s = s.slice(i);
    let u = 0;
    while (u < s.length && s[u] !== '.' && !digit(s[u])) u++;
    if (u === 0) return `time: missing unit in duration ${timeQuote(orig)}`;
    const unit = UNITS[s.slice(0, u)];
    if (unit === undefined)
      return `time: unknown unit ${timeQuote(s.slice(0, u))} in duration ${timeQuote(orig)}`;
    total += value * unit;
    s = s.slice(u);
  }
  // Past what an int64 of nanoseconds holds: `invalid duration`, as Go says.
  if (total > 9_223_372_036) return invalid;
  return sign * total;
}

/**
 * The time package's own quoting in its errors: `"` and `\` escaped, and every byte of a
 * non-ASCII or control character as \xNN (unlike strconv.Quote).
 */
function timeQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20)
      for (const b of utf8(code)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += c === '"' || c === '\\' ? `\\${c}` : c;
  }
  return `${out}"`;
}

/** The UTF-8 bytes of a code point (a lone surrogate as the three bytes of its value). */
function utf8(code: number): number[] {
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 63)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
}

/** A duration flag's value in seconds (checked as the flags were parsed), or `fallback`. */
export function flagDuration(args: ParsedArgs, name: string, fallback: number): number {
  const text = flagString(args, name);
  return text === undefined ? fallback : (parseDuration(text) ?? fallback);
}
