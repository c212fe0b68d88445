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
import { imageRepository } from './apps.ts';

/** How the process ends: `seconds` after it started, with exit `code`. */
export interface ProgramEnd {
  seconds: number;
  code: number;
}

/** Images whose CMD is a shell and that have no entrypoint: `args` is then the whole process. */
const SHELL_IMAGES = new Set(
  ['busybox', 'alpine', 'ubuntu', 'debian'].map((name) => `docker.io/library/${name}`),
);

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** Programs that print something (or nothing) and exit 0 at once. */
const QUICK = new Set(['true', 'date', 'echo', 'printenv', 'hostname', 'uname', 'whoami', 'id', 'pwd', 'ls']);

/** When the container's process ends, or undefined when it runs until stopped (or is unknown). */
export function programEnd(c: Container & { stdin?: boolean }): ProgramEnd | undefined {
  const command = c.command ?? [];
  const args = c.args ?? [];
  let argv: string[];
  if (command.length > 0) argv = [...command, ...args];
  else if (SHELL_IMAGES.has(imageRepository(c.image))) argv = args.length > 0 ? args : ['sh'];
  else return undefined;
  return run(argv, c.stdin === true);
}

function run(argv: string[], stdin: boolean): ProgramEnd | undefined {
  const program = basename(argv[0] ?? '');
  if (SHELLS.has(program)) {
    if (argv.length === 1) return stdin ? undefined : { seconds: 0, code: 0 };
    return argv[1] === '-c' ? script(argv[2] ?? '') : undefined;
  }
  return simple(argv);
}

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** One command of those the simulator knows (`exit` only in a script). */
function simple(words: string[]): ProgramEnd | undefined {
  const program = basename(words[0] ?? '');
  if (QUICK.has(program)) return { seconds: 0, code: 0 };
  if (program === 'false') return { seconds: 0, code: 1 };
  if (program === 'sleep') return sleep(words.slice(1));
  return undefined;
}

/** busybox and coreutils sleep: the sum of its durations (suffixes s, m, h, d); never for infinity. */
function sleep(operands: string[]): ProgramEnd | undefined {
  if (operands.length === 0) return { seconds: 0, code: 1 };
  let seconds = 0;
  for (const o of operands) {
    if (o === 'inf' || o === 'infinity') return undefined;
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(o);
    if (!m) return { seconds: 0, code: 1 };
    seconds += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  return { seconds: Math.round(seconds * 1000) / 1000, code: 0 };
}

/**
 * A `sh -c` script of known commands joined by `;`, `&&`, `||` or new lines, with `exit N`: when it
 * ends and its status. Anything else in it (a loop, a pipe, a redirection, a substitution, a
 * variable) makes it unknown.
 */
function script(text: string): ProgramEnd | undefined {
  const parts = tokenize(text);
  if (!parts) return undefined;
  let seconds = 0;
  let status = 0;
  for (const { op, words } of parts) {
    if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
    if (words[0] === 'exit') {
      const code = words[1] === undefined ? status : Number(words[1]);
      if (!Number.isInteger(code) || words.length > 2) return undefined;
      return { seconds, code: ((code % 256) + 256) % 256 };
    }
    const r = simple(words);
    if (!r) return undefined;
    seconds += r.seconds;
    status = r.code;
  }
  return { seconds: Math.round(seconds * 1000) / 1000, code: status };
}

/**
 * The commands of a script with the operator before each (none for an empty script), or undefined
 * for what is not known.
 */
function tokenize(text: string): { op: ';' | '&&' | '||'; words: string[] }[] | undefined {
  const out: { op: ';' | '&&' | '||'; words: string[] }[] = [];
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
