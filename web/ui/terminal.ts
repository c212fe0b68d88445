import type { StepView } from '../../src/index.ts';
import type { LogEntry } from '../lab/lab.ts';

/**
 * What a command printed, in the order a terminal shows it. kubectl prints an API server's warning
 * (`Warning: …`) as the response carrying it arrives, so before what it prints from that response,
 * and its errors last (`get pods a b` prints b, then `Error from server (NotFound): pods "a" not
 * found`). The warnings that begin stderr therefore come first, then stdout, then the rest.
 */
export interface Printed {
  text: string;
  /** Written to stderr (drawn in red). */
  stderr: boolean;
}

/** The warning lines stderr begins with. */
const LEADING_WARNINGS = /^(?:Warning: [^\n]*(?:\n|$))*/;

export function printedInOrder(stdout: string, stderr: string): Printed[] {
  const warnings = LEADING_WARNINGS.exec(stderr)![0];
  const parts: Printed[] = [
    { text: warnings, stderr: true },
    { text: stdout, stderr: false },
    { text: stderr.slice(warnings.length), stderr: true },
  ];
  return parts.filter((p) => p.text !== '');
}

/**
 * What a command printed over time (a drain that retries, a watch), chunk by chunk as it came:
 * each chunk in a terminal's order, and lines of one stream that follow each other together.
 */
export function printedChunksInOrder(chunks: readonly { stdout?: string; stderr?: string }[]): Printed[] {
  const out: Printed[] = [];
  for (const c of chunks)
    for (const p of printedInOrder(c.stdout ?? '', c.stderr ?? '')) {
      const last = out[out.length - 1];
      if (last && last.stderr === p.stderr)
        out[out.length - 1] = { text: last.text + p.text, stderr: p.stderr };
      else out.push(p);
    }
  return out;
}

/**
 * A here-document being typed or pasted (`kubectl apply -f - <<EOF`, or the documentation's
 * `cat <<EOF | kubectl apply -f -`): its command, and the lines so far up to the delimiter.
 */
export interface Heredoc {
  command: string;
  delimiter: string;
  /** `<<-`: leading tabs are stripped from each line (and from the delimiter's line). */
  stripTabs: boolean;
  lines: string[];
}

/** One command line the console runs, with a here-document's text as its standard input. */
export interface ConsoleCommand {
  command: string;
  stdin?: string;
}

const DELIMITER = String.raw`<<(-?)[ \t]*(?:'([^']*)'|"([^"]*)"|([A-Za-z_][\w.-]*))`;
/** `kubectl … <<EOF` (the here-document goes to the command's standard input). */
const TRAILING_HEREDOC = new RegExp(String.raw`^(.*?[^\s<])[ \t]*${DELIMITER}[ \t]*$`);
/** `cat <<EOF | kubectl …`, as the Kubernetes documentation writes it. */
const CAT_HEREDOC = new RegExp(String.raw`^cat[ \t]+${DELIMITER}[ \t]*\|[ \t]*(\S.*)$`);

/**
 * The console's reading of one line typed or pasted, as a shell reads it: a line that opens a
 * here-document starts one, and the lines after it are its text up to the delimiter alone on a
 * line; any other line is a command. Returns the here-document still open (or null), and the
 * command the line completes, if any.
 */
export function feedLine(
  pending: Heredoc | null,
  line: string,
): { pending: Heredoc | null; run?: ConsoleCommand } {
  if (pending) {
    const text = pending.stripTabs ? line.replace(/^\t+/, '') : line;
    if (text === pending.delimiter) {
      const stdin = pending.lines.map((l) => `${l}\n`).join('');
      return { pending: null, run: { command: pending.command, stdin } };
    }
    return { pending: { ...pending, lines: [...pending.lines, text] } };
  }
  const cat = CAT_HEREDOC.exec(line);
  const open = cat ? [cat[5]!, ...cat.slice(1, 5)] : TRAILING_HEREDOC.exec(line)?.slice(1);
  if (open) {
    const [command, dash, single, double, bare] = open;
    return {
      pending: {
        command: command!.trim(),
        delimiter: single ?? double ?? bare!,
        stripTabs: dash === '-',
        lines: [],
      },
    };
  }
  return line.trim() ? { pending: null, run: { command: line.trim() } } : { pending: null };
}

/**
 * Pasted text as a terminal takes it, `pending` being the here-document open before it: each line
 * ends as Enter ends it, a line ending in `\` goes on on the next (outside a here-document), and
 * the text after the last line break stays to be edited. Returns the lines to feed, in order, and
 * what stays.
 */
export function pastedLines(text: string, pending: Heredoc | null): { lines: string[]; rest: string } {
  const raw = text.split(/\r\n|\r|\n/);
  const rest = raw.pop() ?? '';
  const lines: string[] = [];
  let open = pending;
  let joined = '';
  for (const l of raw) {
    if (!open && l.endsWith('\\')) {
      joined += l.slice(0, -1);
      continue;
    }
    const line = joined + l;
    joined = '';
    lines.push(line);
    open = feedLine(open, line).pending;
  }
  return { lines, rest: joined + rest };
}

/** One thing the console shows: a step that ran, or a command typed that was no step. */
export type Entry =
  | { kind: 'step'; step: StepView; t: number; order: number }
  | { kind: 'query'; entry: LogEntry; t: number; order: number };

/**
 * Steps that ran by now and queries typed by now, in the order they happened: by moment, and at
 * one moment steps in their order with each query after the steps that had run when it was typed
 * (LogEntry.steps).
 */
export function entriesOf(steps: readonly StepView[], log: readonly LogEntry[], now: number): Entry[] {
  const out: Entry[] = [];
  steps.forEach((step, i) => {
    if (step.ranAt !== undefined) out.push({ kind: 'step', step, t: step.ranAt, order: i });
  });
  for (const entry of log)
    if (entry.t <= now + 1e-6) out.push({ kind: 'query', entry, t: entry.t, order: entry.steps - 0.5 });
  // Stable: queries typed between the same two steps stay in the order they were typed.
  return out.sort((a, b) => a.t - b.t || a.order - b.order);
}
