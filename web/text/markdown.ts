/**
 * The little Markdown lessons are written in: paragraphs (a blank line between), lists (`- `, `* `
 * or `1. ` at the start of a line), and inline `code`, *emphasis* (or _emphasis_) and **strong**,
 * with `\` escaping a marker. Nothing else: no HTML (a `<b>` is the text "<b>"), no links, no
 * images. The parser returns plain data; `Markdown.tsx` turns it into React elements, so every
 * character of the source ends up in a text node and nothing can inject markup.
 *
 *   parseMarkdown('Run `kubectl get rs`:\n\n- *old* shrinks\n- **new** grows')
 *   → [{ p: ['Run ', { code: 'kubectl get rs' }, ':'] },
 *      { ul: [[{ em: ['old'] }, ' shrinks'], [{ strong: ['new'] }, ' grows']] }]
 */
export type Inline = string | { code: string } | { em: Inline[] } | { strong: Inline[] };
export type Block = { p: Inline[] } | { ul: Inline[][] } | { ol: Inline[][]; start: number };

const BULLET = /^\s{0,3}[-*]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;
  const flushPara = () => {
    if (para.length) blocks.push({ p: parseInline(para.join(' ')) });
    para = [];
  };
  const flushList = () => {
    if (!list) return;
    const items = list.items.map(parseInline);
    blocks.push(list.ordered ? { ol: items, start: list.start } : { ul: items });
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flushPara();
      flushList();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    // A list starts only at the start of a block (so "… 10\n- 3 = 7" in a sentence stays text).
    if ((bullet || numbered) && (list || para.length === 0)) {
      const ordered = !!numbered;
      if (list && list.ordered !== ordered) flushList();
      if (!list) list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      list.items.push(bullet ? bullet[1]! : numbered![2]!);
    } else if (list && /^\s/.test(raw)) {
      // An indented line continues the item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      para.push(line.trim());
    }
  }
  flushPara();
  flushList();
  return blocks;
}

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Where the run of `marker` that closes one opened at `from` starts, or -1. */
function closer(s: string, from: number, marker: string): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '`') {
      // Code spans inside emphasis are skipped whole.
      const run = /^`+/.exec(s.slice(i))![0];
      const end = s.indexOf(run, i + run.length);
      if (end > 0) i = end + run.length - 1;
      continue;
    }
    if (
      s.startsWith(marker, i) &&
      !isSpace(s[i - 1]) &&
      // `_` closes only at a word's end (snake_case stays text); `*` anywhere.
      (marker[0] !== '_' || !isWord(s[i + marker.length])) &&
      // "**" is not two "*" closers.
      !(marker === '*' && s[i + 1] === '*')
    )
      return i;
  }
  return -1;
}

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const push = (node: Inline) => {
    if (text) out.push(text);
    text = '';
    out.push(node);
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length && /[\\`*_]/.test(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(s.slice(i))![0];
      const end = s.indexOf(run, i + run.length);
      if (end > 0) {
        let code = s.slice(i + run.length, end);
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
        push({ code });
        i = end + run.length;
        continue;
      }
      text += run;
      i += run.length;
      continue;
    }
    if (ch === '*' || ch === '_') {
      const strong = s[i + 1] === ch;
      const marker = strong ? ch + ch : ch;
      const after = s[i + marker.length];
      const opens = !isSpace(after) && (ch === '*' || !isWord(s[i - 1]));
      const end = opens ? closer(s, i + marker.length, marker) : -1;
      if (end > i + marker.length) {
        const inner = parseInline(s.slice(i + marker.length, end));
        push(strong ? { strong: inner } : { em: inner });
        i = end + marker.length;
        continue;
      }
      text += marker;
      i += marker.length;
      continue;
    }
    text += ch;
    i++;
  }
  if (text) out.push(text);
  return out;
}

const inlineText = (nodes: Inline[]): string =>
  nodes
    .map((n) => (typeof n === 'string' ? n : 'code' in n ? n.code : inlineText('em' in n ? n.em : n.strong)))
    .join('');

/** The words of `source` without its markers (accessible names, titles, tests). */
export function plainText(source: string): string {
  return parseMarkdown(source)
    .map((b) => ('p' in b ? inlineText(b.p) : ('ul' in b ? b.ul : b.ol).map(inlineText).join('\n')))
    .join('\n');
}
