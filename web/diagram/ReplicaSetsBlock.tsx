/**
 * The ReplicaSets no Deployment owns (made by hand, as a chapter on ReplicaSets does, or left by a
 * Deployment deleted with `--cascade=orphan`): one box under the Deployments, saying what such a
 * ReplicaSet does and does not do, with a lane each.
 */
import { memo } from 'react';
import type { T } from '../ui/labels.ts';
import { fitting, type Frame, type ReplicaSetsLayout } from './geometry.ts';
import { Lane } from './Lane.tsx';

/** Memoised: the layout keeps the box's object while its lanes and place are the same. */
export const ReplicaSetsBlock = memo(function ReplicaSetsBlock({
  block,
  frame: f,
  t,
}: {
  block: ReplicaSetsLayout;
  frame: Frame;
  t: T;
}) {
  const title = t('replicaSets.title', { n: block.lanes.length });
  const hint = fitting([t('replicaSets.hint'), t('replicaSets.hintShort')], f.blockR - 30, 12);
  return (
    <g className="deployment replica-sets" role="group" aria-label={`${title}: ${t('replicaSets.hint')}`}>
      <rect x={6} y={block.y} width={f.blockR - 6} height={block.h} rx={12} className="box deployment-box" />
      <text x={20} y={block.y + 18} className="title">
        {title}
      </text>
      <text x={20} y={block.y + 34} className="tiny">
        {hint !== t('replicaSets.hint') && <title>{t('replicaSets.hint')}</title>}
        {hint}
      </text>
      {block.lanes.map((l) => (
        <Lane key={l.lane.uid} layout={l} frame={f} t={t} />
      ))}
    </g>
  );
});
