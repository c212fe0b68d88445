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
