/**
 * The pods no ReplicaSet owns (`kubectl run`, a Pod applied on its own): one box under the others,
 * saying that nothing replaces them, with the Service's lines reaching those it selects like any
 * other pod.
 */
import { memo } from 'react';
import type { T } from '../ui/labels.ts';
import { Box } from './Box.tsx';
import type { Frame, LooseLayout } from './geometry.ts';
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
  return (
    <Box
      y={loose.y}
      h={loose.h}
      title={t('loose.title', { n: loose.pods.length })}
      hint={t('loose.hint')}
      hintShort={t('loose.hintShort')}
      className="loose"
      frame={f}
    >
      <PodsOf pods={loose.pods} version="" frame={f} t={t} />
    </Box>
  );
});
