/**
 * The run over virtual time: replicas per ReplicaSet (stacked, coloured by version), available
 * pods, request errors when the core records traffic, a marker per kubectl step and the playhead.
 * d3 computes; React draws.
 */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line, stack } from 'd3-shape';
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import type { Sample } from '../sim/session.ts';
import { useT } from '../i18n/index.ts';
import { PALETTE, tagOf } from '../sim/view.ts';
import { colours, pause, seek, session } from '../store/app.ts';
import { formatTime, usePlayback, useVersion } from './hooks.ts';

const H = 96;
const M = { l: 34, r: 12, t: 10, b: 22 };

/** The figure's width in CSS pixels, so the chart keeps a fixed height and unscaled text. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [w, setW] = useState(1000);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(([e]) => {
      const next = Math.round(e?.contentRect.width ?? 0);
      if (next > 0) setW(next);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

export function Timeline() {
  const t_ = useT();
  useVersion();
  const { t, duration } = usePlayback();
  const figure = useRef<HTMLElement>(null);
  const W = useWidth(figure);
  const model = useMemo(() => {
    const samples = session.samples.filter((s): s is Sample => s !== undefined && s.t <= duration);
    const keys = [...new Set(samples.flatMap((s) => Object.keys(s.rs)))];
    const imageOf = new Map<string, string>();
    for (const s of samples) for (const [k, v] of Object.entries(s.images)) imageOf.set(k, v);
    const rows = samples.map((s) => ({ t: s.t, ...Object.fromEntries(keys.map((k) => [k, s.rs[k] ?? 0])) }));
    const series = stack<Record<string, number>>().keys(keys)(rows as Record<string, number>[]);
    const top = max(samples, (s) => Math.max(s.pods, s.desired, ...Object.values(s.rs).map(Number))) ?? 1;
    const traffic = session.trafficSeries().filter((p) => p.t <= duration);
    return { samples, keys, imageOf, series, top: Math.max(top, 1), traffic, steps: [...session.steps] };
    // The run's data changes only when steps change or the recorder computes further.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.runVersion, session.samples.length, duration]);
  const x = scaleLinear()
    .domain([0, duration])
    .range([M.l, W - M.r]);
  const y = scaleLinear()
    .domain([0, model.top * 1.1])
    .range([H - M.b, M.t]);
  const a = area<{ data: Record<string, number>; 0: number; 1: number }>()
    .x((d) => x(d.data['t'] ?? 0))
    .y0((d) => y(d[0]))
    .y1((d) => y(d[1]))
    .curve(curveStepAfter);
  const avail = line<Sample>()
    .x((s) => x(s.t))
    .y((s) => y(s.available))
    .curve(curveStepAfter);
  const errMax = max(model.traffic, (p) => p.errors + p.refused) ?? 0;
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const vx = ((e.clientX - r.left) / r.width) * W;
    pause();
    seek(Math.max(0, Math.min(duration, x.invert(vx))));
  };
  return (
    <figure className="timeline" ref={figure}>
      <figcaption className="sr-only">{t_('timeline.caption')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} onClick={onClick} role="img" aria-label={t_('timeline.label')}>
        {y.ticks(4).map((v) => (
          <g key={`y${v}`}>
            <line x1={M.l} x2={W - M.r} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.l - 6} y={y(v) + 4} textAnchor="end" className="tick">
              {v}
            </text>
          </g>
        ))}
        {x.ticks(Math.max(2, Math.floor(W / 90))).map((v) => (
          <text key={`x${v}`} x={x(v)} y={H - 6} textAnchor="middle" className="tick">
            {formatTime(v).replace(/\.0$/, '')}
          </text>
        ))}
        {model.series.map((s) => (
          <path
            key={s.key}
            d={a(s as never) ?? ''}
            fill={PALETTE[colours.of(model.imageOf.get(s.key) ?? '')]}
            fillOpacity={0.55}
          >
            <title>{`${s.key} (${tagOf(model.imageOf.get(s.key) ?? '')})`}</title>
          </path>
        ))}
        <path d={avail(model.samples) ?? ''} className="available-line" />
        {errMax > 0 &&
          model.traffic.map((p) =>
            p.errors + p.refused > 0 ? (
              <rect
                key={p.t}
                x={x(p.t)}
                y={M.t}
                width={Math.max(1, x(p.t + 1) - x(p.t))}
                height={8}
                className="error-tick"
              >
                <title>{t_('timeline.errorsAt', { t: formatTime(p.t), n: p.errors + p.refused })}</title>
              </rect>
            ) : null,
          )}
        {model.steps.map((s, i) => (
          <g key={i} className="step-marker">
            <line x1={x(s.at)} x2={x(s.at)} y1={M.t} y2={H - M.b} />
            <path d={`M${x(s.at) - 5},${M.t - 2} L${x(s.at) + 5},${M.t - 2} L${x(s.at)},${M.t + 6} Z`}>
              <title>
                {formatTime(s.at)} $ {s.run}
              </title>
            </path>
          </g>
        ))}
        <line x1={x(t)} x2={x(t)} y1={2} y2={H - M.b} className="playhead" />
      </svg>
      <div className="legend" aria-hidden="true">
        <span>
          <i className="swatch area" /> {t_('timeline.legendReplicas')}
        </span>
        <span>
          <i className="swatch line" /> {t_('timeline.legendAvailable')}
        </span>
        <span>
          <i className="swatch step" /> {t_('timeline.legendStep')}
        </span>
        <span>
          <i className="swatch errors" /> {t_('timeline.legendErrors')}
        </span>
      </div>
    </figure>
  );
}
