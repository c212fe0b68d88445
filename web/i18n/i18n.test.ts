import { describe, expect, it } from 'vitest';
import { dictionaries } from './dictionaries.ts';
import { translate } from './index.ts';

describe('i18n', () => {
  it('every English string has a Korean entry', () => {
    const missing = Object.keys(dictionaries.en).filter((k) => !dictionaries.ko[k]);
    expect(missing).toEqual([]);
  });

  it('every Korean entry has the same placeholders as the English one', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const wrong = Object.keys(dictionaries.ko).filter(
      (k) => JSON.stringify(vars(dictionaries.ko[k]!)) !== JSON.stringify(vars(dictionaries.en[k] ?? '')),
    );
    expect(wrong).toEqual([]);
  });

  it('fills placeholders and falls back to English, then to the key', () => {
    expect(translate('ko', 'app.language')).toBe('언어');
    expect(translate('ko', 'no.such.key')).toBe('no.such.key');
  });
});
