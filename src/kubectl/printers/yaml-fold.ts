/**
 * go-yaml v2's line folding, as `kubectl -o yaml` prints through it (emitterc.go): a scalar in a
 * block is broken at a space once the line has passed 80 columns (best_width), the rest continuing
 * on the next line at the scalar's indentation, which is two past its key (or its `- `). Keys are
 * never broken, nor block literals (`|`), nor a scalar without a space to break at.
 *
 * The YAML library writes each scalar on one line; `foldYaml` breaks those lines as the emitter
 * would have written them, for the three styles it folds:
 * - plain: at the first space of a run, if the next character is not a space too;
 * - single-quoted: the same, but not at the value's first or last character;
 * - double-quoted: not at the first or last character, the next space then escaped as `\ `.
 */

const BEST_WIDTH = 80;

type Style = 'plain' | 'single' | 'double';

/** One character of a scalar's value, and what the emitter writes for it. */
interface Unit {
  space: boolean;
  text: string;
}

/**
 * Where a line's scalar value starts, and where its continuation lines start: two past its key
 * (`key: value`, `- key: value`), or under its first character (`- value`). Undefined for a line
 * without a scalar value.
 */
function scalarStart(line: string): { at: number; indent: number } | undefined {
  let i = 0;
  while (line[i] === ' ') i++;
  const leading = i;
  while (line.startsWith('- ', i)) i += 2;
  const key = keyEnd(line, i);
  if (key !== undefined) return { at: key + 2, indent: i + 2 };
  return i > leading ? { at: i, indent: i } : undefined;
}

/** The index of the `: ` after a key starting at `i` (plain or quoted), if there is one. */
function keyEnd(line: string, i: number): number | undefined {
  const q = line[i];
  if (q === "'" || q === '"') {
    let j = i + 1;
    while (j < line.length && line[j] !== q) j += line[j] === '\\' && q === '"' ? 2 : 1;
    // A doubled quote inside a single-quoted key is one character.
    while (q === "'" && line[j + 1] === "'") {
      j += 2;
      while (j < line.length && line[j] !== q) j++;
    }
    return line.startsWith(': ', j + 1) ? j + 1 : undefined;
  }
  const colon = line.indexOf(': ', i);
  // A plain key holds no quote or flow character before its `: `.
  return colon > i && !/["'[\]{}]/.test(line.slice(i, colon)) ? colon : undefined;
}

/** The value's characters as the emitter writes them, and its style. */
function unitsOf(text: string): { style: Style; units: Unit[] } | undefined {
  if (text === '' || text === '|' || text === '|-' || text === '|+' || text.startsWith('>')) return undefined;
  if (text === '{}' || text === '[]') return undefined;
  const units: Unit[] = [];
  if (text[0] === "'") {
    if (!text.endsWith("'") || text.length < 2) return undefined;
    const body = text.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      if (body[i] === "'") {
        units.push({ space: false, text: "''" });
        i++;
      } else units.push({ space: body[i] === ' ', text: body[i]! });
    }
    return { style: 'single', units };
  }
  if (text[0] === '"') {
    if (!text.endsWith('"') || text.length < 2) return undefined;
    const body = text.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '\\') {
        let len = 2;
        const c = body[i + 1];
        if (c === 'x') len = 4;
        else if (c === 'u') len = 6;
        else if (c === 'U') len = 10;
        units.push({ space: false, text: body.slice(i, i + len) });
        i += len - 1;
      } else units.push({ space: body[i] === ' ', text: body[i]! });
    }
    return { style: 'double', units };
  }
  // Flow collections are not folded here (kubectl's output has none beyond `{}` and `[]`).
  if (text[0] === '[' || text[0] === '{') return undefined;
  for (const ch of text) units.push({ space: ch === ' ', text: ch });
  return { style: 'plain', units };
}

/** A line as the emitter writes it, broken where its column passes the width. */
function foldLine(line: string): string {
  const start = scalarStart(line);
  if (!start || line.length <= BEST_WIDTH) return line;
  const value = unitsOf(line.slice(start.at));
  if (!value) return line;
  const { style, units } = value;
  let out = line.slice(0, start.at);
  // Columns count characters, as the emitter counts them.
  let column = [...out].length;
  if (style !== 'plain') {
    out += style === 'single' ? "'" : '"';
    column++;
  }
  let spaces = false;
  const pad = ' '.repeat(start.indent);
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.space) {
      const next = units[i + 1];
      const inside = i !== 0 && i !== units.length - 1;
      const breaks =
        !spaces &&
        column > BEST_WIDTH &&
        (style === 'plain' ? !next?.space : style === 'single' ? inside && !next?.space : inside);
      if (breaks) {
        out += `\n${pad}`;
        column = start.indent;
        if (style === 'double' && next?.space) {
          out += '\\';
          column++;
        }
      } else {
        out += ' ';
        column++;
      }
      spaces = true;
    } else {
      out += u.text;
      column += [...u.text].length;
      spaces = false;
    }
  }
  if (style !== 'plain') out += style === 'single' ? "'" : '"';
  return out;
}

/** go-yaml's folding of a YAML text written one scalar a line (block literals left as they are). */
export function foldYaml(text: string): string {
  const lines = text.split('\n');
  let literalIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    if (literalIndent >= 0) {
      if (line.trim() === '' || indent >= literalIndent) continue;
      literalIndent = -1;
    }
    if (/(?:^|: |- )[|>][-+]?$/.test(line)) {
      // The literal's lines are indented past this one's structure.
      literalIndent = indent + 1;
      continue;
    }
    lines[i] = foldLine(line);
  }
  return lines.join('\n');
}
