/**
 * Comparing what the in-page kubectl prints with what the real kubectl prints against the served
 * cluster: the masks for what only a live cluster's clock can cause, and the known differences of
 * the in-page kubectl that are tracked elsewhere (each with the exact text, so it can be fixed).
 */
import type { KubectlResult } from '../kubectl/command.ts';

/**
 * Real kubectl computes some durations on the client, against the wall clock, from timestamps in
 * virtual time (the describe Events table's Age). Such a cell becomes `<age>` and the table's
 * spacing is normalised on both sides.
 */
export function maskClock(text: string): { text: string; masked: number } {
  let masked = 0;
  const lines = text.split('\n');
  let inEvents = false;
  let inNodePods = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // describe node: the Age column of its Non-terminated Pods table.
    if (/^Non-terminated Pods:/.test(line)) {
      inNodePods = true;
      continue;
    }
    if (inNodePods) {
      if (!line.startsWith('  ')) inNodePods = false;
      else {
        const cells = line.trim().split(/\s{2,}/);
        if (cells.length >= 7) {
          cells[cells.length - 1] = cells[0]!.startsWith('-')
            ? '---'
            : cells[0] === 'Namespace'
              ? 'Age'
              : '<age>';
          lines[i] = `  ${cells.join(' ')}`;
          if (cells[0] !== 'Namespace' && !cells[0]!.startsWith('-')) masked++;
        }
        continue;
      }
    }
    // describe pod: how long a Terminating pod has been past its deletionTimestamp.
    const lasts = /^(Status:\s+Terminating \(lasts )[^)]*\)$/.exec(line);
    if (lasts) {
      lines[i] = `${lasts[1]!}<age>)`;
      masked++;
      continue;
    }
    if (/^Events:\s*$/.test(line) || /^Events:\s+<none>/.test(line)) {
      inEvents = !/<none>/.test(line);
      continue;
    }
    if (!inEvents) continue;
    if (!line.startsWith('  ')) {
      inEvents = false;
      continue;
    }
    const header = /^ {2}Type\s+Reason\s+Age\s+From\s+Message\s*$/.exec(line);
    if (header) {
      lines[i] = '  Type Reason Age From Message';
      continue;
    }
    if (/^ {2}-+\s+-+\s+-+\s+-+\s+-+\s*$/.test(line)) {
      lines[i] = '  ---- ------ ---- ---- -------';
      continue;
    }
    const row = eventRow(line);
    if (row) {
      lines[i] = `  ${row.type} ${row.reason} <age> ${row.from} ${row.message}`;
      masked++;
    }
  }
  return { text: lines.join('\n'), masked };
}

export interface KnownDifference {
  id: string;
  /** What differs and where it is tracked. */
  note: string;
  /** Text the in-page kubectl prints where the real kubectl prints `real` instead. */
  inPage: string;
  real: string;
}

/**
 * Differences of the in-page kubectl from the real kubectl (1.30 to 1.33) seen on the chapter's
 * commands, not the server's to fix. The comparison reports each as known instead of failing.
 */
export const KNOWN_DIFFERENCES: KnownDifference[] = [
  // None at present. (rollout undo of an applied object printed the warning kubectl 1.36 adds;
  // the kubectl the page is, 1.33, prints none, and neither does the page now.)
];

export interface Comparison {
  /** Byte-identical stdout, stderr and exit code. */
  identical: boolean;
  /** Identical once the clock masks are applied. */
  equalMasked: boolean;
  /** Identical once masks and known differences are applied. */
  equalKnown: boolean;
  masked: number;
  known: string[];
}

function render(r: KubectlResult): string {
  return `${r.stdout}\u0000${r.stderr}\u0000${r.exitCode}`;
}

export function compare(inPage: KubectlResult, real: KubectlResult): Comparison {
  const identical = render(inPage) === render(real);
  const a = maskClock(inPage.stdout);
  const b = maskClock(real.stdout);
  const maskedIn = { ...inPage, stdout: a.text };
  const maskedReal = { ...real, stdout: b.text };
  const equalMasked = render(maskedIn) === render(maskedReal);
  const known: string[] = [];
  let adjusted = maskedIn;
  for (const k of KNOWN_DIFFERENCES) {
    if (!adjusted.stdout.includes(k.inPage) && !adjusted.stderr.includes(k.inPage)) continue;
    const next = {
      ...adjusted,
      stdout: adjusted.stdout.split(k.inPage).join(k.real),
      stderr: adjusted.stderr.split(k.inPage).join(k.real),
    };
    if (render(next) !== render(adjusted)) known.push(k.id);
    adjusted = next;
  }
  return {
    identical,
    equalMasked,
    equalKnown: render(adjusted) === render(maskedReal),
    masked: Math.max(a.masked, b.masked),
    known,
  };
}

/** Both outputs of a command that differ, for an assertion's message. */
export function describeDifference(line: string, inPage: KubectlResult, real: KubectlResult): string {
  const show = (r: KubectlResult) => `${r.stdout}${r.stderr}exit ${r.exitCode}`;
  return `${line}\n--- in-page\n${show(inPage)}\n--- real\n${show(real)}`;
}

/** A line diff of two outputs (longest common subsequence), `-` in-page and `+` real, for reports. */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+${b[j++]}`);
    else out.push(`-${a[i++]}`);
  }
  return out.join('\n');
}

/**
 * A row of describe's Events table: `  TYPE  REASON  AGE[ (xN over AGE)]  FROM  MESSAGE`, the
 * columns parted by runs of at least two spaces (AGE's repeat note has single spaces).
 */
function eventRow(line: string): { type: string; reason: string; from: string; message: string } | undefined {
  if (!line.startsWith('  ') || line[2] === ' ') return undefined;
  const cells = line.slice(2).split(/ {2,}/);
  if (cells.length < 5) return undefined;
  const [type, reason, age, from, ...message] = cells as [string, string, string, string, ...string[]];
  if (/\s/.test(type) || /\s/.test(reason) || !/^\S+(?: \(x\d+ over \S+\))?$/.test(age)) return undefined;
  return { type, reason, from, message: message.join('  ') };
}

/**
 * `kubectl drain` evicts a node's pods from one goroutine each, started together: how their lines
 * interleave, and which eviction reaches the API server first (so which pod a disruption budget
 * lets go and which it refuses), is up to Go's scheduler; the in-page drain takes them in name
 * order. So only each pod's own lines are ordered: every line naming one of `pods` (stdout and
 * stderr, the name as `<pod>`) is gathered into that pod's transcript, and the transcripts,
 * sorted, stand where the first such line stood. The lines naming no pod keep their places.
 */
export function maskPodOrder(r: KubectlResult, pods: readonly string[]): KubectlResult {
  if (!pods.length) return r;
  const re = new RegExp(pods.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const transcripts = new Map<string, string[]>();
  const rest = (text: string, stream: string): string[] => {
    const out: string[] = [];
    for (const line of text.split('\n')) {
      const names = [...new Set([...line.matchAll(re)].map((m) => m[0]))];
      if (names.length !== 1) {
        out.push(line);
        continue;
      }
      if (!transcripts.size && stream === 'stdout') out.push('\u0000');
      const t = transcripts.get(names[0]!) ?? [];
      t.push(`${stream}: ${line.replace(re, '<pod>')}`);
      transcripts.set(names[0]!, t);
    }
    return out;
  };
  const stdout = rest(r.stdout, 'stdout');
  const stderr = rest(r.stderr, 'stderr');
  const blocks = [...transcripts.values()].map((t) => t.join('\n')).sort();
  const at = stdout.indexOf('\u0000');
  if (at >= 0) stdout.splice(at, 1, ...blocks.map((b) => `[${b}]`));
  else stderr.push(...blocks.map((b) => `[${b}]`));
  return { ...r, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
