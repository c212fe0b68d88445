/**
 * The ReplicaSets no Deployment owns (made by hand, as a chapter on ReplicaSets does, or left by a
 * Deployment deleted with `--cascade=orphan`): one box under the Deployments, saying what such a
 * ReplicaSet does and does not do, with a lane each.
 */
import { memo } from 'react';
import type { T } from '../ui/labels.ts';
import { Box } from './Box.tsx';
import type { Frame, ReplicaSetsLayout } from './geometry.ts';
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
  return (
    <Box
      y={block.y}
      h={block.h}
      title={t('replicaSets.title', { n: block.lanes.length })}
      hint={t('replicaSets.hint')}
      hintShort={t('replicaSets.hintShort')}
      className="replica-sets"
      frame={f}
    >
      {block.lanes.map((l) => (
        <Lane key={l.lane.uid} layout={l} frame={f} t={t} />
      ))}
    </Box>
  );
});
