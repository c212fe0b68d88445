/** What stands in for hidden numbers ("Answer first"), and predict mode's switch. */
import { useT } from '../i18n/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import type { LabState } from '../lab/lab.ts';
import { useQuestionOpen } from './hooks.ts';
import './predict.css';

/** A short note where hidden numbers would be; the tooltip says when they show. */
export function AnswerFirst({ long }: { long?: string }) {
  const t = useT();
  const question = useQuestionOpen();
  return (
    <p
      className="predict-hidden"
      title={t(question ? 'predict.tip' : 'predict.tipMode')}
      data-testid="predict.hidden"
    >
      <span className="predict-tag">{t(question ? 'predict.answerFirst' : 'predict.hidden')}</span>
      {long ? ` ${long}` : ''}
    </p>
  );
}

const selectPredict = (s: LabState) => s.ui.predict;

/** Predict mode on or off, for a lab that is not in a lesson (lessons always predict). */
export function PredictToggle() {
  const t = useT();
  const lab = useLab();
  const on = useLabState(selectPredict);
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => lab.setPredict(!on)}
      title={t('predict.toggleTip')}
      data-testid="predict.toggle"
    >
      {t('predict.toggle')}
    </button>
  );
}
