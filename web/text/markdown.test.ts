import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { Markdown, MarkdownInline } from './Markdown.tsx';
import { parseInline, parseMarkdown, plainText } from './markdown.ts';

describe('parseInline', () => {
  it.each([
    ['plain words', 'no markers here', ['no markers here']],
    ['inline code', 'run `kubectl get rs`', ['run ', { code: 'kubectl get rs' }]],
    ['code keeps markers literal', '`a *b* _c_`', [{ code: 'a *b* _c_' }]],
    ['double backticks hold a backtick', '``a ` b``', [{ code: 'a ` b' }]],
    ['emphasis with *', 'an *old* pod', ['an ', { em: ['old'] }, ' pod']],
    ['emphasis with _', 'an _old_ pod', ['an ', { em: ['old'] }, ' pod']],
    ['strong', '**never** more', [{ strong: ['never'] }, ' more']],
    ['strong around code', '**`maxSurge` 1**', [{ strong: [{ code: 'maxSurge' }, ' 1'] }]],
    ['arithmetic is not emphasis', '10 * 3 = 30 * 1', ['10 * 3 = 30 * 1']],
    ['snake_case is not emphasis', 'pod_template_hash', ['pod_template_hash']],
    ['an unclosed marker is text', 'a *b', ['a *b']],
    ['an unclosed backtick is text', 'a `b', ['a `b']],
    ['escaped markers are text', '\\*not\\* \\`code\\`', ['*not* `code`']],
    [
      'HTML is text',
      '<b>bold</b> <img src=x onerror=alert(1)>',
      ['<b>bold</b> <img src=x onerror=alert(1)>'],
    ],
    [
      'Korean around code',
      '`kubectl rollout undo`로 되돌립니다',
      [{ code: 'kubectl rollout undo' }, '로 되돌립니다'],
    ],
  ])('%s', (_name, source, want) => {
    expect(parseInline(source)).toEqual(want);
  });
});

describe('parseMarkdown', () => {
  it.each([
    ['one paragraph', 'Ten pods.', [{ p: ['Ten pods.'] }]],
    ['lines of a paragraph run on', 'one\ntwo', [{ p: ['one two'] }]],
    ['a blank line starts a paragraph', 'one\n\ntwo', [{ p: ['one'] }, { p: ['two'] }]],
    [
      'a list after a paragraph',
      'Two ways:\n\n- *old* first\n- new first',
      [{ p: ['Two ways:'] }, { ul: [[{ em: ['old'] }, ' first'], ['new first']] }],
    ],
    ['a numbered list keeps its start', '3. three\n4. four', [{ ol: [['three'], ['four']], start: 3 }]],
    ['an indented line continues the item', '- one\n  more\n- two', [{ ul: [['one more'], ['two']] }]],
    [
      'a dash inside a sentence is text',
      'replicas 10\n- maxUnavailable 2',
      [{ p: ['replicas 10 - maxUnavailable 2'] }],
    ],
  ])('%s', (_name, source, want) => {
    expect(parseMarkdown(source)).toEqual(want);
  });
});

describe('rendering', () => {
  const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));
  const inline = (text: string) => renderToStaticMarkup(createElement(MarkdownInline, { text }));

  it('renders blocks and inline markup as elements', () => {
    expect(html('Use `get rs`:\n\n- **new** grows\n- *old* shrinks')).toBe(
      '<p>Use <code>get rs</code>:</p><ul><li><strong>new</strong> grows</li><li><em>old</em> shrinks</li></ul>',
    );
  });

  it('never passes HTML through', () => {
    expect(html('<script>alert(1)</script> `<b>`')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; <code>&lt;b&gt;</code></p>',
    );
  });

  it('inline: paragraphs run on without block elements', () => {
    expect(inline('`v1`\n\nand *v2*')).toBe('<code>v1</code> and <em>v2</em>');
  });

  it('plain text drops the markers', () => {
    expect(plainText('Run `kubectl get rs`, **then** _wait_.')).toBe('Run kubectl get rs, then wait.');
  });
});
