/** Small header controls: the language switch (EN / 한국어, or a list) and the diagram's Nodes layer. */
import { LANGUAGES, setLang, useLang, useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { useUiField } from './hooks.ts';

export function LanguageSwitch() {
  const t = useT();
  const lang = useLang();
  return (
    <div className="segmented" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          aria-pressed={lang === l.code}
          onClick={() => void setLang(l.code)}
        >
          {l.code === 'en' ? 'EN' : l.label}
        </button>
      ))}
    </div>
  );
}

/** The language as a list, for the presenter's and a student's window (the lab has buttons). */
export function LanguageSelect() {
  const lang = useLang();
  return (
    <select value={lang} onChange={(e) => void setLang(e.target.value as 'en' | 'ko')} aria-label="Language">
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code}>
          {l.label}
        </option>
      ))}
    </select>
  );
}

export function NodesToggle() {
  const t = useT();
  const on = useUiField('showNodes');
  const lab = useLab();
  return (
    <button type="button" aria-pressed={on} onClick={() => lab.setShowNodes(!on)} title={t('ui.nodesTip')}>
      {t('ui.nodes')}
    </button>
  );
}
