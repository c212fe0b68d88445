/**
 * A lesson stop's button to its comparison (`compare: <preset>` in the lesson). Its own module: the
 * presets come with it, and only the lesson panel and the presentation (each loaded on demand)
 * draw it, so they stay out of the first load.
 */
import { comparisonPresetById } from '../../src/index.ts';
import { useLang, useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';

/** A lesson stop's button: opens the stop's preset, presented if the lesson is. */
export function LessonCompareButton({ preset, className }: { preset: string; className?: string }) {
  const t = useT();
  const lang = useLang();
  const lab = useLab();
  const p = comparisonPresetById(preset);
  if (!p) return null;
  return (
    <button
      type="button"
      className={className}
      title={t('compare.lessonOpenTip')}
      data-testid="lesson.compare"
      onClick={() => lab.openCompare({ preset, presenting: lab.store.getState().lesson.presenting })}
    >
      {t('compare.lessonOpen', { title: p.title[lang] })}
    </button>
  );
}
