import { resolvedPhrase } from '../../src/explain/index.ts';
import { useLang, type Lang } from '../i18n/index.ts';
import type { Budget } from '../sim/view.ts';
import type { T } from '../ui/labels.ts';
import { BLOCK_R, gaugeScale } from './geometry.ts';
import './budget.css';

const GAUGE_X = 490;
const GAUGE_R = BLOCK_R - 60;

function rounding(
  field: string,
  raw: string | number,
  replicas: number,
  up: boolean,
  value: number,
  lang: Lang,
) {
  return resolvedPhrase(field, String(raw), replicas, value, up, lang);
}

/** The two limits of a RollingUpdate and where the rollout stands against each. */
export function BudgetGauge({ budget: b, y, t }: { budget: Budget; y: number; t: T }) {
  const lang = useLang();
  const max = Math.max(b.maxTotal, b.specified, b.existing, b.replicas) + 1;
  const x = gaugeScale(max, GAUGE_X, GAUGE_R);
  const rows = [
    {
      key: 'max',
      label: t('budget.pods', { n: b.specified, max: b.maxTotal }),
      detail: `replicas ${b.replicas} + ${rounding('maxSurge', b.maxSurgeRaw, b.replicas, true, b.surge, lang)}`,
      value: b.specified,
      limit: b.maxTotal,
      ok: b.specified <= b.maxTotal,
      limitLabel: t('budget.max', { n: b.maxTotal }),
    },
    {
      key: 'min',
      label: t('budget.available', { n: b.available, min: b.minAvailable }),
      detail: `replicas ${b.replicas} − ${rounding('maxUnavailable', b.maxUnavailableRaw, b.replicas, false, b.unavailable, lang)}`,
      value: b.available,
      limit: b.minAvailable,
      ok: b.available >= b.minAvailable,
      limitLabel: t('budget.min', { n: b.minAvailable }),
    },
  ];
  const step = max > 24 ? Math.ceil(max / 12) : 1;
  return (
    <g className="budget" role="img" aria-label={rows.map((r) => `${r.label} (${r.detail})`).join('; ')}>
      {rows.map((r, i) => {
        const ry = y + 4 + i * 32;
        return (
          <g key={r.key}>
            <text x={22} y={ry + 12} className={r.ok ? 'budget-label' : 'budget-label warn-text'}>
              {r.label}
            </text>
            <text x={22} y={ry + 26} className="tiny">
              {r.detail}
            </text>
            <rect x={x(0)} y={ry + 2} width={x(max) - x(0)} height={12} rx={3} className="track" />
            <rect
              x={x(0)}
              y={ry + 2}
              width={Math.max(0, x(r.value) - x(0))}
              height={12}
              rx={3}
              className={r.ok ? 'fill' : 'fill bad'}
            />
            {/* One axis under both bars (they share the scale): no tick row runs into the
                second bar's limit label. */}
            {i === rows.length - 1 &&
              x.ticks(Math.min(max, 12)).map((v) =>
                Number.isInteger(v) && v % step === 0 ? (
                  <text key={v} x={x(v)} y={ry + 26} className="tick" textAnchor="middle">
                    {v}
                  </text>
                ) : null,
              )}
            <line x1={x(r.limit)} x2={x(r.limit)} y1={ry - 2} y2={ry + 18} className="limit" />
            <text x={x(r.limit) + 5} y={ry + 1} className="tiny">
              {r.limitLabel}
            </text>
          </g>
        );
      })}
    </g>
  );
}
