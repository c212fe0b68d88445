/**
 * UI strings in English and Korean. Every visible string goes through `t(key)`; dictionaries live
 * in one file per area (`app.ts`, `lessons.ts`, `share.ts`, …) registered in `dictionaries.ts`.
 * The language follows the browser and can be switched; kubectl output stays as kubectl prints it.
 *
 *   const t = useT();  t('actions.rollingUpdate')  t('time.label', { t: '0:42' })
 */
import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import { dictionaries } from './dictionaries.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ko', label: '한국어' },
] as const;
export type Lang = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'rollout-lab.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ko') return saved;
  } catch {
    // Storage may be blocked (sandboxed iframe): fall through to the browser's language.
  }
  const nav = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return nav.some((l) => typeof l === 'string' && l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

export const langStore = createStore<{ lang: Lang }>(() => ({ lang: initialLang() }));

export function setLang(lang: Lang): void {
  langStore.setState({ lang });
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export type Vars = Record<string, string | number>;

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The string for `key` in `lang` (English when Korean is missing; the key itself when both are). */
export function translate(lang: Lang, key: string, vars?: Vars): string {
  const text = dictionaries[lang][key] ?? dictionaries.en[key] ?? key;
  return interpolate(text, vars);
}

export function t(key: string, vars?: Vars): string {
  return translate(langStore.getState().lang, key, vars);
}

export function useLang(): Lang {
  return useSyncExternalStore(langStore.subscribe, () => langStore.getState().lang);
}

const bound = new Map<Lang, (key: string, vars?: Vars) => string>();

/**
 * `t` bound to the current language; components re-render when it changes. The function is the
 * same object for as long as the language is, so memoised children can compare it.
 */
export function useT(): (key: string, vars?: Vars) => string {
  const lang = useLang();
  let fn = bound.get(lang);
  if (!fn) {
    fn = (key, vars) => translate(lang, key, vars);
    bound.set(lang, fn);
  }
  return fn;
}
