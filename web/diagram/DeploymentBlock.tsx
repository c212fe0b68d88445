/** One Deployment: its spec and status, the RollingUpdate budget, and a lane per ReplicaSet. */
import type { T } from '../ui/labels.ts';
import { BudgetGauge } from './BudgetGauge.tsx';
import { BLOCK_R, type BlockLayout } from './geometry.ts';
import { Lane } from './Lane.tsx';
import './deployment.css';

export function DeploymentBlock({ block, t }: { block: BlockLayout; t: T }) {
  const { d } = block;
  const strategy = d.budget
    ? t('deployment.rolling', {
        surge: String(d.budget.maxSurgeRaw),
        unavailable: String(d.budget.maxUnavailableRaw),
      })
    : d.strategy;
  const cond = d.conditions
    .map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`)
    .join(' · ');
  const phaseClass = d.phase.key === 'complete' ? 'ok' : d.phase.key === 'stalled' ? 'bad-text' : 'warn-text';
  return (
    <g className="deployment" role="group" aria-label={t('deployment.title', { name: d.name })}>
      <rect x={6} y={block.y} width={BLOCK_R - 6} height={block.h} rx={12} className="box deployment-box" />
      <text x={22} y={block.y + 22} className="title">
        {t('deployment.title', { name: d.name })}
        <tspan className="meta" dx={12}>
          {t('deployment.spec', { replicas: d.replicas, strategy, minReady: d.minReadySeconds })}
          {d.paused ? ` · ${t('deployment.paused')}` : ''}
        </tspan>
      </text>
      <text x={22} y={block.y + 41} className="meta">
        <tspan className={phaseClass}>{t(`phase.${d.phase.key}`, d.phase.vars)}</tspan>
        {` · ${t('deployment.status', { updated: d.updated, ready: d.ready, available: d.available, replicas: d.replicas })}`}
      </text>
      <text x={22} y={block.y + 58} className="tiny">
        {cond ? t('deployment.conditions', { list: cond }) : t('deployment.noConditions')}
      </text>
      {d.budget && <BudgetGauge budget={d.budget} y={block.budgetY} t={t} />}
      {block.lanes.map((l) => (
        <Lane key={l.lane.uid} layout={l} t={t} />
      ))}
      {block.lanes.length === 0 && (
        <text x={22} y={block.budgetY + 20} className="meta">
          {t('deployment.noReplicaSets')}
        </text>
      )}
    </g>
  );
}
