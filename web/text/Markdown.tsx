/**
 * Lesson text rendered from its Markdown (see markdown.ts): every character ends up in a text
 * node, so a lesson cannot inject markup. `Markdown` gives blocks (paragraphs, lists) for a <div>;
 * `MarkdownInline` gives the inline part only, for buttons, headings and sentences.
 */
import { useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown.ts';
import './markdown.css';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) =>
    typeof n === 'string' ? (
      n
    ) : 'code' in n ? (
      <code key={i}>{n.code}</code>
    ) : 'em' in n ? (
      <em key={i}>{inline(n.em)}</em>
    ) : (
      <strong key={i}>{inline(n.strong)}</strong>
    ),
  );
}

function block(b: Block, i: number): ReactNode {
  if ('p' in b) return <p key={i}>{inline(b.p)}</p>;
  if ('ul' in b)
    return (
      <ul key={i}>
        {b.ul.map((item, k) => (
          <li key={k}>{inline(item)}</li>
        ))}
      </ul>
    );
  return (
    <ol key={i} start={b.start === 1 ? undefined : b.start}>
      {b.ol.map((item, k) => (
        <li key={k}>{inline(item)}</li>
      ))}
    </ol>
  );
}

export function Markdown({ text }: { text: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <>{blocks.map(block)}</>;
}

/** Inline only: paragraphs and list items run on, separated by spaces. */
export function MarkdownInline({ text }: { text: string }) {
  const nodes = useMemo(() => {
    const out: Inline[] = [];
    for (const b of parseMarkdown(text)) {
      const parts = 'p' in b ? [b.p] : 'ul' in b ? b.ul : b.ol;
      for (const p of parts) {
        if (out.length) out.push(' ');
        out.push(...p);
      }
    }
    return out;
  }, [text]);
  return <>{inline(nodes)}</>;
}
