import { describe, expect, it } from 'vitest';
import { english } from './dictionaries.ts';
import { featureStrings } from './features.ts';
import { korean } from './ko/index.ts';
import { format, translate } from './index.ts';

describe('i18n', () => {
  it('every English string has a Korean entry', () => {
    const missing = Object.keys({ ...english, ...featureStrings }).filter((k) => !korean[k]);
    expect(missing).toEqual([]);
  });

  it('every Korean entry has the same placeholders as the English one', () => {
    const vars = (s: string) => [...new Set([...s.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    const wrong = Object.keys(korean).filter(
      (k) =>
        JSON.stringify(vars(korean[k]!)) !==
        JSON.stringify(vars(english[k] ?? featureStrings[k as keyof typeof featureStrings] ?? '')),
    );
    expect(wrong).toEqual([]);
  });

  it.each([
    ['en', 0, '0 questions'],
    ['en', 1, '1 question'],
    ['en', 2, '2 questions'],
    ['ko', 1, '질문 1개'],
  ] as const)('counts in %s: %i → %s', (lang, n, want) => {
    expect(translate(lang, 'lessons.questions', { n })).toBe(want);
  });

  it.each([
    ['{n, plural, =0 {none} one {# pod} other {# pods}}', { n: 0 }, 'none'],
    [
      '{n, plural, one {# pod} other {# pods}} on {m, plural, one {# node} other {# nodes}}',
      { n: 1, m: 2 },
      '1 pod on 2 nodes',
    ],
    ['{n, plural, one {# {kind}} other {# {kind}s}}', { n: 3, kind: 'pod' }, '3 pods'],
    ['{v, particle, 이} 응답', { v: 'v2' }, 'v2가 응답'],
    ['{v, particle, 이} 응답', { v: 'v3' }, 'v3이 응답'],
    ['{r, particle, 으로}', { r: 3 }, '3으로'],
    ['{missing} stays', {}, '{missing} stays'],
  ])('formats %s', (text, vars, want) => {
    expect(format(text, vars, 'en')).toBe(want);
  });

  it('fills placeholders and falls back to English, then to the key', () => {
    expect(translate('ko', 'app.language')).toBe('언어');
    expect(translate('ko', 'no.such.key')).toBe('no.such.key');
  });
});
