/**
 * UI strings in English and Korean. Every visible string goes through `t(key)`; dictionaries live
 * in one file per area (`app.ts`, `lessons.ts`, `share.ts`, …) registered in `dictionaries.ts`,
 * their Korean in `ko/` (loaded when Korean is first shown: `loadLanguage`). The language follows
 * the browser and can be switched; kubectl output stays as kubectl prints it.
 *
 *   const t = useT();  t('actions.rollingUpdate')  t('time.label', { t: '0:42' })
 *
 * Counts take ICU's plural form, `{n, plural, one {# question} other {# questions}}`, and Korean
 * particles after a value are chosen from it, `{version, particle, 이}` (v2가, v3이).
 */
import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import { loadExplanations, withParticle, type Particle } from '../../src/index.ts';
import { english, type Dict } from './dictionaries.ts';

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

const dictionaries: Record<Lang, Dict> = { en: english, ko: {} };
let korean: Promise<void> | undefined;

/** Adds English strings of a feature that loads on demand (see features.ts). */
export function addStrings(en: Dict): void {
  Object.assign(dictionaries.en, en);
}

/** Loads a language's strings (Korean arrives with `import()`; English is always in). */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en') return Promise.resolve();
  // The controllers' decisions are explained in Korean from templates of their own.
  korean ??= Promise.all([import('./ko/index.ts'), loadExplanations('ko')]).then(([m]) => {
    Object.assign(dictionaries.ko, m.korean);
  });
  return korean;
}

/**
 * Switches the language once its strings are in (a moment for Korean, the first time). Should they
 * fail to load (offline before any visit cached them), the page stays in the language it has.
 */
export function setLang(lang: Lang): Promise<void> {
  return loadLanguage(lang).then(
    () => applyLang(lang),
    () => undefined,
  );
}

function applyLang(lang: Lang): void {
  langStore.setState({ lang });
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export type Vars = Record<string, string | number>;

const pluralRules = new Map<Lang, Intl.PluralRules>();
const rulesOf = (lang: Lang) => {
  let r = pluralRules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    pluralRules.set(lang, r);
  }
  return r;
};

/** Index of the `}` closing the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `one {# pod} other {# pods}` → { one: '# pod', other: '# pods' } (also `=0 {…}`). */
function clauses(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let i = 0;
  for (;;) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return out;
    const open = re.lastIndex - 1;
    const end = closing(text, open);
    if (end < 0) return out;
    out.set(m[1]!, text.slice(open + 1, end));
    i = end + 1;
  }
}

/**
 * One placeholder: `{name}`; `{n, plural, one {# pod} other {# pods}}` (the form comes from
 * Intl.PluralRules for the language, `#` is the number); `{word, particle, 으로}` (the word and
 * the Korean particle its last sound takes: 3으로, 2로; see src/explain/korean.ts).
 */
function placeholder(body: string, vars: Vars, lang: Lang): string | undefined {
  const m = /^\s*(\w+)\s*(?:,\s*(plural|particle)\s*,([\s\S]*))?$/.exec(body);
  if (!m || !(m[1]! in vars)) return undefined;
  const value = vars[m[1]!]!;
  if (m[2] === 'particle') return withParticle(value, m[3]!.trim() as Particle);
  if (m[2] === 'plural') {
    const n = Number(value);
    const forms = clauses(m[3]!);
    const form = forms.get(`=${n}`) ?? forms.get(rulesOf(lang).select(n)) ?? forms.get('other') ?? '';
    return format(form.replace(/#/g, String(value)), vars, lang);
  }
  return String(value);
}

export function format(text: string, vars: Vars | undefined, lang: Lang): string {
  if (!vars || !text.includes('{')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const end = closing(text, open);
    if (end < 0) break;
    out += text.slice(i, open);
    out += placeholder(text.slice(open + 1, end), vars, lang) ?? text.slice(open, end + 1);
    i = end + 1;
  }
  return out + text.slice(i);
}

/** The string for `key` in `lang` (English when Korean is missing; the key itself when both are). */
export function translate(lang: Lang, key: string, vars?: Vars): string {
  const own = dictionaries[lang][key];
  // Falling back to English: English plural rules too.
  return own !== undefined ? format(own, vars, lang) : format(dictionaries.en[key] ?? key, vars, 'en');
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
