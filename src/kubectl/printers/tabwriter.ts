/**
 * Go's text/tabwriter (no flags, space padding), which kubectl uses for every table: cells end
 * with a tab; a column's width is set per block of consecutive lines that have that column.
 *   kubectl get:      minwidth 6, padding 3
 *   kubectl describe: minwidth 0, padding 2
 */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const GET_TABLE: TabwriterOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE: TabwriterOptions = { minwidth: 0, padding: 2 };

const runeWidth = (s: string) => [...s].length;

export function tabwrite(text: string, opts: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const out: string[] = new Array(lines.length).fill('');
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i]!;
      let s = '';
      cells.forEach((c, j) => {
        s += c;
        if (j < cells.length - 1 && j < widths.length)
          s += ' '.repeat(Math.max(0, widths[j]! - runeWidth(c)));
        else if (j < cells.length - 1) s += '';
      });
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur]!.length - 1) continue;
      writeLines(line0, cur);
      line0 = cur;
      let width = opts.minwidth;
      for (; cur < line1; cur++) {
        const cells = lines[cur]!;
        if (column >= cells.length - 1) break;
        const w = runeWidth(cells[column]!) + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
      cur--;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
