/**
 * One Deployment: four lines of words on the left (name, spec, where the rollout stands, status),
 * the RollingUpdate budget and the conditions on the right (under the words when narrow), then a
 * lane per ReplicaSet.
 */
import { memo } from 'react';
import type { T } from '../ui/labels.ts';
import { BudgetGauge } from './BudgetGauge.tsx';
import { CONDITIONS_UNDER_BUDGET, fitting, textWidth, type BlockLayout, type Frame } from './geometry.ts';
import { Lane } from './Lane.tsx';
import './deployment.css';

/** Memoised: the layout keeps a block's object while its Deployment and lanes are the same. */
export const DeploymentBlock = memo(function DeploymentBlock({
  block,
  frame: f,
  t,
}: {
  block: BlockLayout;
  frame: Frame;
  t: T;
}) {
  const { d } = block;
  const phaseClass = d.phase.key === 'complete' ? 'ok' : d.phase.key === 'stalled' ? 'bad-text' : 'warn-text';
  const y = block.y;
  const title = t('deployment.title', { name: d.name });
  const spec = t('deployment.spec', {
    replicas: d.replicas,
    strategy: d.budget ? 'RollingUpdate' : d.strategy,
  });
  const phaseLong = t(`phase.${d.phase.key}`, d.phase.vars);
  const phaseShort = t(`phaseShort.${d.phase.key}`);
  const status = t('deployment.status', {
    updated: d.updated,
    ready: d.ready,
    available: d.available,
    replicas: d.replicas,
  });
  // Right of the words (or under them when narrow): the budget, then minReadySeconds and the
  // conditions. Clear of the longest line of words, since four-digit counts outgrow the lanes'
  // column; measured with every count as wide as the largest, so the gauge holds still as they move.
  const digits = '8'.repeat(String(Math.max(d.replicas, d.budget?.maxTotal ?? 0, d.updated, d.ready)).length);
  const widest = t('deployment.status', {
    updated: digits,
    ready: digits,
    available: digits,
    replicas: digits,
  });
  const wordsR =
    20 +
    Math.max(
      textWidth(title, 15),
      textWidth(spec, 12.5) + (d.paused ? textWidth(` · ${t('deployment.paused')}`, 12.5) : 0),
      textWidth(phaseShort, 12.5),
      textWidth(widest, 12),
    );
  const rightX = f.narrow ? 20 : Math.max(f.labelW + 10, Math.ceil(wordsR) + 16);
  const rightW = f.blockR - 14 - rightX;
  // Under the gauge, clear of its second bar and limit mark; without one, the words' last line
  // (wide) or the line under them (narrow).
  const condY = d.budget ? block.budgetY + CONDITIONS_UNDER_BUDGET : f.narrow ? block.budgetY + 14 : y + 68;
  const withReasons = d.conditions
    .map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`)
    .join(' · ');
  const bare = d.conditions.map((c) => `${c.type}=${c.status}`).join(' · ');
  const minReady = d.minReadySeconds > 0 ? `${t('deployment.minReady', { n: d.minReadySeconds })} · ` : '';
  const conditions = d.conditions.length
    ? fitting(
        [
          `${minReady}${t('deployment.conditions', { list: withReasons })}`,
          `${minReady}${t('deployment.conditions', { list: bare })}`,
          `${minReady}${bare}`,
          // A phone: minReadySeconds too is only in the tooltip.
          bare,
        ],
        rightW,
        12,
      )
    : `${minReady}${t('deployment.noConditions')}`;
  return (
    <g className="deployment" role="group" aria-label={`${title}: ${phaseLong}`}>
      <rect x={6} y={y} width={f.blockR - 6} height={block.h} rx={12} className="box deployment-box" />
      <text x={20} y={y + 18} className="title">
        {title}
      </text>
      <text x={20} y={y + 34} className="meta">
        {spec}
        {d.paused ? <tspan className="warn-text">{` · ${t('deployment.paused')}`}</tspan> : null}
      </text>
      <text x={20} y={y + 49} className={`meta ${phaseClass}`}>
        {phaseLong !== phaseShort && <title>{phaseLong}</title>}
        {phaseShort}
      </text>
      <text x={20} y={y + 64} className="tiny">
        {status}
      </text>
      {d.budget && <BudgetGauge budget={d.budget} x={rightX} y={block.budgetY} frame={f} t={t} />}
      <text x={rightX} y={condY} className="tiny conditions">
        <title>{`${minReady}${withReasons}`}</title>
        {conditions}
      </text>
      {block.lanes.map((l) => (
        <Lane key={l.lane.uid} layout={l} frame={f} t={t} />
      ))}
      {block.lanes.length === 0 && (
        <text x={20} y={y + 96} className="meta">
          {t('deployment.noReplicaSets')}
        </text>
      )}
    </g>
  );
});
