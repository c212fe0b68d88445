/**
 * The pods no Deployment's ReplicaSet owns (`kubectl run`, a Pod applied on its own): one box under
 * the Deployments, saying that nothing replaces them, with the Service's lines reaching those it
 * selects like any other pod.
 */
import { memo } from 'react';
import type { T } from '../ui/labels.ts';
import { fitting, type Frame, type LooseLayout } from './geometry.ts';
import { PodsOf } from './Lane.tsx';

/** Memoised: the layout keeps the box's object while its pods and place are the same. */
export const LooseBlock = memo(function LooseBlock({
  loose,
  frame: f,
  t,
}: {
  loose: LooseLayout;
  frame: Frame;
  t: T;
}) {
  const title = t('loose.title', { n: loose.pods.length });
  const hint = fitting([t('loose.hint'), t('loose.hintShort')], f.blockR - 30, 12);
  return (
    <g className="deployment loose" role="group" aria-label={`${title}: ${t('loose.hint')}`}>
      <rect x={6} y={loose.y} width={f.blockR - 6} height={loose.h} rx={12} className="box deployment-box" />
      <text x={20} y={loose.y + 18} className="title">
        {title}
      </text>
      <text x={20} y={loose.y + 34} className="tiny">
        {hint !== t('loose.hint') && <title>{t('loose.hint')}</title>}
        {hint}
      </text>
      <PodsOf pods={loose.pods} version="" frame={f} t={t} />
    </g>
  );
});
