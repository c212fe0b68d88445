/**
 * go-yaml's folding of long scalars, on lines as the YAML library writes them, and the style of
 * strings in goYaml; each expected text was printed by kubectl 1.33 (`get -o yaml`,
 * src/server/yaml-compare.test.ts compares it live).
 */
import { describe, expect, it } from 'vitest';
import { goYaml } from './output.ts';
import { foldYaml } from './yaml-fold.ts';

describe('foldYaml', () => {
  it.each([
    [
      'plain, at the first space past column 80',
      '    note: this is a rather long annotation value with many words that goes well past the eighty column limit of the emitter',
      '    note: this is a rather long annotation value with many words that goes well past\n      the eighty column limit of the emitter',
    ],
    [
      'single-quoted',
      "    q1: 'yes this is a rather long annotation value that will need quoting: because of the colon and space in it, and more'",
      "    q1: 'yes this is a rather long annotation value that will need quoting: because\n      of the colon and space in it, and more'",
    ],
    [
      'double-quoted, an escape counting its two characters',
      '    q7: "tab\\tinside makes it double quoted and it is long enough to pass the eighty column limit of the go-yaml emitter  x  y"',
      '    q7: "tab\\tinside makes it double quoted and it is long enough to pass the eighty\n      column limit of the go-yaml emitter  x  y"',
    ],
    [
      'a sequence item, continued under its first character',
      '  - this is a rather long list item value with many words that goes well past the eighty column limit',
      '  - this is a rather long list item value with many words that goes well past the\n    eighty column limit',
    ],
    [
      'single-quoted, a doubled quote counting its two characters',
      "    v81: ' It''s a long annotation value with a leading space that goes well past the eighty column limit'",
      "    v81: ' It''s a long annotation value with a leading space that goes well past\n      the eighty column limit'",
    ],
    [
      'a key is never broken, nor a line without a space past the limit',
      `    k: ${'x'.repeat(90)}`,
      `    k: ${'x'.repeat(90)}`,
    ],
    [
      'a block literal is left as it is',
      `    a: |\n      ${'word '.repeat(30)}\n    b: c`,
      `    a: |\n      ${'word '.repeat(30)}\n    b: c`,
    ],
  ])('%s', (_name, input, want) => {
    expect(foldYaml(input)).toBe(want);
  });
});

describe('goYaml', () => {
  it('writes each string in the style go-yaml chooses, quoted and escaped as go-yaml writes it', () => {
    const object = {
      metadata: {
        annotations: {
          v0: "'a",
          v5: "' a",
          v7: "it's",
          v38: 'a\tb',
          v44: '\na',
          v46: '\n',
          v51: 'a\u2028b',
          v53: '\u{1F600}',
          v56: '\ufeffa',
          v81: " It's a long annotation value with a leading space that goes well past the eighty column limit",
        },
      },
      spec: { containers: [{ args: ["'x", '\na', '---'], env: [{ name: 'A', value: " it's" }] }] },
    };
    expect(goYaml(object)).toBe(
      [
        'metadata:',
        '  annotations:',
        "    v0: '''a'",
        "    v5: ''' a'",
        "    v7: it's",
        '    v38: "a\\tb"',
        // A block starting with a line break has an indentation indicator; empty lines are empty.
        '    v44: |2-',
        '',
        '      a',
        '    v46: |2+',
        '',
        // After a LS, the value goes on at its indentation.
        "    v51: 'a\u2028      b'",
        '    v53: "\\U0001F600"',
        '    v56: "\\uFEFF\\x61"',
        "    v81: ' It''s a long annotation value with a leading space that goes well past",
        "      the eighty column limit'",
        'spec:',
        '  containers:',
        '  - args:',
        "    - '''x'",
        '    - |2-',
        '',
        '      a',
        "    - '---'",
        '    env:',
        '    - name: A',
        "      value: ' it''s'",
        '',
      ].join('\n'),
    );
  });
});
