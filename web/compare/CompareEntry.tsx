/**
 * Where the Compare view enters the app: the header's "Compare" button, a lesson stop's button
 * (`compare: <preset>` in the lesson), and `?compare=` in the page's address. The view itself (and
 * the comparison code with it) loads only when it opens, in a layer over the lab and over a
 * presented lesson.
 */
import { Suspense, useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { useUiField } from '../ui/hooks.ts';
import { lazyPart } from '../ui/lazyPart.tsx';

const CompareView = lazyPart(() => import('./CompareView.tsx'));

/** The header's button. */
export function CompareButton() {
  const t = useT();
  const lab = useLab();
  return (
    <button
      type="button"
      onClick={() => lab.openCompare()}
      title={t('app.compareTip')}
      data-testid="compare.open"
    >
      {t('app.compare')}
    </button>
  );
}

/** The view while open; opens it from `?compare=` once, at boot. */
export function CompareLayer() {
  const lab = useLab();
  const request = useUiField('compare');
  useEffect(() => {
    const link = new URLSearchParams(window.location.search).get('compare');
    if (link !== null) lab.openCompare({ link });
  }, [lab]);
  if (!request) return null;
  return createPortal(
    <Suspense fallback={null}>
      <CompareView request={request} />
    </Suspense>,
    document.body,
  );
}
