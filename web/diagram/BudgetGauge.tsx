/**
 * The two limits of a RollingUpdate and where the rollout stands against each: pods specified
 * against replicas + maxSurge, pods available against replicas − maxUnavailable, each with the
 * arithmetic that resolved the percentage (when it fits; always in the accessible name).
 */
import { resolvedPhrase } from '../../src/index.ts';
import { useLang } from '../i18n/index.ts';
import type { Budget } from '../../src/index.ts';
import type { T } from '../ui/labels.ts';
import { gaugeScale, textWidth, type Frame } from './geometry.ts';
import { usePredictHidden } from '../predict/hooks.ts';
import './budget.css';

/** Room right of the bars for "max 13". */
const LIMIT_ROOM = 58;

export function BudgetGauge({
  budget: b,
  x: x0,
  y,
  frame: f,
  t,
}: {
  budget: Budget;
  x: number;
  y: number;
  frame: Frame;
  t: T;
}) {
  const lang = useLang();
  // Predict mode: a limit an open question asks about is hidden (its number, mark and arithmetic,
  // and for the upper one the scale's reach, which ends just past it).
  const hidden = usePredictHidden();
  const hideMax = hidden.has('budget.max');
  const hideMin = hidden.has('budget.min');
  const answerFirst = t('predict.answerFirst');
  const max = Math.max(hideMax ? 0 : b.maxTotal, b.specified, b.existing, b.replicas) + 1;
  const x1 = f.blockR - 14 - LIMIT_ROOM;
  const x = gaugeScale(max, x0, x1);
  const rows = [
    {
      key: 'max',
      hide: hideMax,
      label: t('budget.pods', { n: b.specified, max: hideMax ? '?' : b.maxTotal }),
      detail: t('budget.surgeDetail', {
        replicas: b.replicas,
        phrase: resolvedPhrase('maxSurge', String(b.maxSurgeRaw), b.replicas, b.surge, true, lang),
      }),
      value: b.specified,
      limit: b.maxTotal,
      ok: hideMax || b.specified <= b.maxTotal,
      limitLabel: t('budget.max', { n: b.maxTotal }),
    },
    {
      key: 'min',
      hide: hideMin,
      label: t('budget.available', { n: b.available, min: hideMin ? '?' : b.minAvailable }),
      detail: t('budget.unavailableDetail', {
        replicas: b.replicas,
        phrase: resolvedPhrase(
          'maxUnavailable',
          String(b.maxUnavailableRaw),
          b.replicas,
          b.unavailable,
          false,
          lang,
        ),
      }),
      value: b.available,
      limit: b.minAvailable,
      ok: hideMin || b.available >= b.minAvailable,
      limitLabel: t('budget.min', { n: b.minAvailable }),
    },
  ];
  return (
    <g
      className="budget"
      role="img"
      aria-label={rows.map((r) => `${r.label} (${r.hide ? answerFirst : r.detail})`).join('; ')}
    >
      {rows.map((r, i) => {
        const ry = y + i * 28;
        const labelW = textWidth(r.label, 12.5) + 8;
        const detail = r.hide ? answerFirst : r.detail;
        const showDetail = x0 + labelW + textWidth(detail, 12) <= f.blockR - 14;
        return (
          <g key={r.key}>
            <text x={x0} y={ry + 11} className={r.ok ? 'budget-label' : 'budget-label warn-text'}>
              {r.label}
              {showDetail && (
                <tspan className={r.hide ? 'tiny budget-detail predict-tag' : 'tiny budget-detail'} dx={8}>
                  {detail}
                </tspan>
              )}
            </text>
            <rect x={x(0)} y={ry + 15} width={x(max) - x(0)} height={9} rx={3} className="track" />
            <rect
              x={x(0)}
              y={ry + 15}
              width={Math.max(0, x(r.value) - x(0))}
              height={9}
              rx={3}
              className={r.ok ? 'fill' : 'fill bad'}
            />
            {!r.hide && (
              <>
                <line x1={x(r.limit)} x2={x(r.limit)} y1={ry + 12} y2={ry + 27} className="limit" />
                <text x={x1 + 8} y={ry + 24} className="tiny">
                  {r.limitLabel}
                </text>
              </>
            )}
          </g>
        );
      })}
    </g>
  );
}
