/**
 * When a container's process ends, for the commands a tutorial gives a container: `date`,
 * `echo hi`, `sleep 30`, `sh -c "sleep 5; exit 3"`, a shell image run without a command. The
 * simulated apps (apps.ts) serve requests and never end; a container whose process the simulator
 * does not know (a loop, a pipe, an image's own entrypoint given arguments) runs on as they do.
 *
 * The process is what the runtime starts: `command` in place of the image's entrypoint, `args` in
 * place of its CMD. The shell images below have no entrypoint and a shell as CMD, which exits at
 * once when it has no stdin to read (`kubectl run b --image=busybox` crash-loops on a cluster).
 */
import type { Container } from '../k8s/types.ts';
import { epoch } from '../k8s/time.ts';
import { imageRepository } from './apps.ts';

/** How the process ends: `seconds` after it started, with exit `code`. */
export interface ProgramEnd {
  seconds: number;
  code: number;
}

/** A line the process writes to its log: `at` seconds after it started; `text` at that moment. */
interface Printed {
  at: number;
  text: (t: number, hostname: string) => string;
}

/** What the simulator knows of a process: when it ends (never: undefined) and what it prints. */
interface Program {
  end: ProgramEnd | undefined;
  lines: Printed[];
}

/** Images whose CMD is a shell and that have no entrypoint: `args` is then the whole process. */
const SHELL_IMAGES = new Set(
  ['busybox', 'alpine', 'ubuntu', 'debian'].map((name) => `docker.io/library/${name}`),
);

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** What `date` prints (busybox's and coreutils' default format, in UTC): `Wed Jan  1 00:00:09 UTC 2025`. */
function dateText(t: number): string {
  const d = new Date(epoch() + Math.floor(t) * 1000);
  const [day, month] = [DAYS[d.getUTCDay()]!, MONTHS[d.getUTCMonth()]!];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Programs that exit 0 at once, with the line they print (undefined: none, or one the simulator
 * does not write, such as printenv's environment or ls's files).
 */
const QUICK = new Map<string, ((words: string[]) => Printed['text']) | undefined>([
  ['true', undefined],
  ['date', () => (t) => dateText(t)],
  ['echo', (words) => () => words.slice(words[1] === '-n' || words[1] === '-e' ? 2 : 1).join(' ')],
  ['hostname', () => (_t, hostname) => hostname],
  ['uname', () => () => 'Linux'],
  ['whoami', () => () => 'root'],
  ['pwd', () => () => '/'],
  ['printenv', undefined],
  ['id', undefined],
  ['ls', undefined],
]);

/** When the container's process ends, or undefined when it runs until stopped (or is unknown). */
export function programEnd(c: Container & { stdin?: boolean }): ProgramEnd | undefined {
  return program(c)?.end;
}

/**
 * The lines the process of a container run started at `startedAt` has written by `now` (virtual
 * seconds), on a pod named `hostname`; undefined when the simulator does not know what it prints.
 */
export function programOutput(
  c: Container & { stdin?: boolean },
  hostname: string,
  startedAt: number,
  now: number,
): { t: number; text: string }[] | undefined {
  const p = program(c);
  if (!p) return undefined;
  const out: { t: number; text: string }[] = [];
  for (const l of p.lines) {
    const t = Math.round((startedAt + l.at) * 1e6) / 1e6;
    if (t > now) break;
    out.push({ t, text: l.text(t, hostname) });
  }
  return out;
}

function program(c: Container & { stdin?: boolean }): Program | undefined {
  const command = c.command ?? [];
  const args = c.args ?? [];
  let argv: string[];
  if (command.length > 0) argv = [...command, ...args];
  else if (SHELL_IMAGES.has(imageRepository(c.image))) argv = args.length > 0 ? args : ['sh'];
  else return undefined;
  return run(argv, c.stdin === true);
}

function run(argv: string[], stdin: boolean): Program | undefined {
  const name = basename(argv[0] ?? '');
  if (SHELLS.has(name)) {
    if (argv.length === 1)
      return stdin ? { end: undefined, lines: [] } : { end: { seconds: 0, code: 0 }, lines: [] };
    return argv[1] === '-c' ? script(argv[2] ?? '') : undefined;
  }
  // `exit` is the shell's: no program of that name starts.
  return name === 'exit' ? undefined : sequence([{ op: ';', words: argv }]);
}

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** One command run: how long it takes (Infinity: for ever), its status, what it prints. */
interface Step {
  seconds: number;
  code: number;
  print?: Printed['text'];
}

/** One command of those the simulator knows (`exit` only in a script). */
function simple(words: string[]): Step | undefined {
  const name = basename(words[0] ?? '');
  if (QUICK.has(name)) {
    const print = QUICK.get(name)?.(words);
    return print ? { seconds: 0, code: 0, print } : { seconds: 0, code: 0 };
  }
  if (name === 'false') return { seconds: 0, code: 1 };
  if (name === 'sleep') return sleep(words.slice(1));
  return undefined;
}

/** busybox and coreutils sleep: the sum of its durations (suffixes s, m, h, d); for ever for infinity. */
function sleep(operands: string[]): Step {
  if (operands.length === 0) return { seconds: 0, code: 1 };
  let seconds = 0;
  for (const o of operands) {
    if (o === 'inf' || o === 'infinity') return { seconds: Infinity, code: 0 };
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(o);
    if (!m) return { seconds: 0, code: 1 };
    seconds += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  return { seconds: Math.round(seconds * 1000) / 1000, code: 0 };
}

/**
 * A `sh -c` script of known commands joined by `;`, `&&`, `||` or new lines, with `exit N`: when it
 * ends, its status and what it prints. Anything else in it (a loop, a pipe, a redirection, a
 * substitution, a variable) makes it unknown.
 */
function script(text: string): Program | undefined {
  const parts = tokenize(text);
  return parts && sequence(parts);
}

/** Commands run one after the other, each as its operator says (`&&`, `||`; `;` always). */
function sequence(parts: readonly Part[]): Program | undefined {
  let seconds = 0;
  let status = 0;
  const lines: Printed[] = [];
  for (const { op, words } of parts) {
    if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
    if (words[0] === 'exit') {
      const code = words[1] === undefined ? status : Number(words[1]);
      if (!Number.isInteger(code) || words.length > 2) return undefined;
      return { end: { seconds, code: ((code % 256) + 256) % 256 }, lines };
    }
    const r = simple(words);
    if (!r) return undefined;
    if (r.print) lines.push({ at: seconds, text: r.print });
    seconds = Math.round((seconds + r.seconds) * 1000) / 1000;
    status = r.code;
    // Nothing after a command that never ends runs, and what it is does not matter.
    if (seconds === Infinity) return { end: undefined, lines };
  }
  return { end: { seconds, code: status }, lines };
}

/** A command of a script and the operator before it. */
interface Part {
  op: ';' | '&&' | '||';
  words: string[];
}

/**
 * The commands of a script with the operator before each (none for an empty script), or undefined
 * for what is not known.
 */
function tokenize(text: string): Part[] | undefined {
  const out: Part[] = [];
  let op: ';' | '&&' | '||' = ';';
  let words: string[] = [];
  const end = (next: ';' | '&&' | '||'): boolean => {
    if (words.length === 0) return next === ';' && op === ';';
    out.push({ op, words });
    op = next;
    words = [];
    return true;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t') i++;
    else if (ch === ';' || ch === '\n') {
      if (!end(';')) return undefined;
      i++;
    } else if (text.startsWith('&&', i) || text.startsWith('||', i)) {
      if (!end(text.slice(i, i + 2) as '&&' | '||')) return undefined;
      i += 2;
    } else {
      let word = '';
      while (
        i < text.length &&
        !' \t;\n'.includes(text[i]!) &&
        !text.startsWith('&&', i) &&
        !text.startsWith('||', i)
      ) {
        const c = text[i]!;
        if (c === "'" || c === '"') {
          const close = text.indexOf(c, i + 1);
          if (close < 0) return undefined;
          const quoted = text.slice(i + 1, close);
          if (c === '"' && /[$`\\]/.test(quoted)) return undefined;
          word += quoted;
          i = close + 1;
        } else if ('|&<>()$`\\{}=*?[#~'.includes(c)) return undefined;
        else {
          word += c;
          i++;
        }
      }
      words.push(word);
    }
  }
  if (words.length > 0) end(';');
  else if (op !== ';') return undefined;
  return out;
}
