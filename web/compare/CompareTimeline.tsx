/**
 * Every lane over the comparison's virtual time, on the single-lane timeline's scale (ui/scale.ts):
 * pods available per lane as overlaid step lines (a line pattern per lane, so Recreate's drop to
 * zero and blue/green's double set show at a glance), and per lane a row of failed or refused
 * requests per second in red. Drawn from what each lane's Run recorded; the playhead follows time.
 * The start-up before the update is shaded, and its refusals (no pod ready yet, the same in every
 * lane) are grey: red is what the update did.
 */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { memo, useMemo, useRef, type MouseEvent } from 'react';
import { comparisonClock, type History, type Sample } from '../../src/index.ts';
import { useLang, useT } from '../i18n/index.ts';
import { formatTime } from '../ui/hooks.ts';
import type { T } from '../ui/labels.ts';
import { CountGrid, TimeTicks } from '../ui/ChartAxes.tsx';
import { flatPath, M, stepCorners, useWidth, xScale } from '../ui/scale.ts';
import type { CompareState } from './compareLab.ts';
import { useCompare, useCompareState } from './context.ts';
import { laneDash, laneKey, laneTitle } from './lanes.ts';

const TOP = M.t;
const LINES_BOTTOM = 58;
const ROWS_TOP = 66;
const ROW_H = 11;
const ROW_GAP = 3;

const height = (lanes: number) => ROWS_TOP + lanes * (ROW_H + ROW_GAP) + 14;

interface LaneModel {
  title: string;
  samples: Sample[];
  /** Seconds with failed or refused requests: when, how many. */
  errors: { t: number; n: number }[];
  failed: number;
  peak: number;
}

interface Model {
  lanes: LaneModel[];
  top: number;
  /** Requests per second at most (the rows' full height). */
  rate: number;
}

function modelOf(histories: History[], titles: string[], end: number): Model {
  const lanes = histories.map((h, i) => {
    const samples = h.samples.filter((s) => s.t <= end);
    const errors = h.traffic
      .filter((p) => p.t <= end && p.errors + p.refused > 0)
      .map((p) => ({ t: p.t, n: p.errors + p.refused }));
    return {
      title: titles[i] ?? '',
      samples,
      errors,
      failed: errors.reduce((a, e) => a + e.n, 0),
      peak: max(samples, (s) => s.available) ?? 0,
    };
  });
  const top = Math.max(
    1,
    max(
      histories.flatMap((h) => h.samples),
      (s) => Math.max(s.available, s.desired),
    ) ?? 1,
  );
  const rate = Math.max(
    1,
    max(
      histories.flatMap((h) => h.traffic),
      (p) => Object.values(p.ok).reduce((a, b) => a + b, 0) + p.errors + p.refused,
    ) ?? 1,
  );
  return { lanes, top, rate };
}

/**
 * What the chart keys on: the recordings, when paused; four times per wall second while playing
 * (the playhead moves every frame on its own; redrawing every lane's lines every frame is waste).
 */
const selectChart = (s: CompareState) =>
  s.playing ? `${s.loaded}:${Math.floor((s.wall * 4) / 1000)}` : s.history;
const selectEnd = (s: CompareState) => s.end;
const selectStart = (s: CompareState) => s.start;
const selectT = (s: CompareState) => s.t;

export function CompareTimeline() {
  const t = useT();
  const lang = useLang();
  const c = useCompare();
  const history = useCompareState(selectChart);
  const end = useCompareState(selectEnd);
  const start = useCompareState(selectStart);
  const lanes = useCompareState((s) => s.lanes);
  const figure = useRef<HTMLElement>(null);
  const width = useWidth(figure);
  const titles = lanes.map((l) => laneTitle(l, lang)).join('\n');
  const model = useMemo(
    () =>
      modelOf(
        c.comparison.lanes.map((l) => l.run.history()),
        titles.split('\n'),
        end,
      ),
    // `history` changes when any lane's recording does; the model reads the recordings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [c, history, end, titles],
  );
  const H = height(model.lanes.length);
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = xScale(end, width);
    c.pause();
    c.seek(Math.max(0, Math.min(end, x.invert(((e.clientX - r.left) / r.width) * width))));
  };
  const label = t('compare.timelineLabel', {
    t: comparisonClock(Math.max(...c.comparison.lanes.map((l) => l.run.history().until), 0)),
    list: model.lanes
      .map((l) => t('compare.timelineLane', { lane: l.title, failed: l.failed, peak: l.peak }))
      .join('; '),
  });
  return (
    <figure className="timeline compare-timeline" ref={figure} data-testid="compare.timeline">
      <figcaption className="sr-only">{t('compare.timeline')}</figcaption>
      <svg viewBox={`0 0 ${width} ${H}`} onClick={onClick} role="img" aria-label={label}>
        <Chart model={model} width={width} end={end} start={start} t={t} />
        <Playhead width={width} end={end} h={H} />
      </svg>
      <div className="legend compare-legend" aria-hidden="true">
        {model.lanes.map((l, i) => (
          <span key={i}>
            <svg width="26" height="10" className="dash-sample">
              <line x1="1" x2="25" y1="5" y2="5" strokeDasharray={laneDash(i)} />
            </svg>
            <b className="lane-badge">{laneKey(i)}</b> {l.title}
          </span>
        ))}
        <span>— {t('compare.legendAvailable')}</span>
        <span>
          <i className="swatch errors" /> {t('compare.legendErrors')}
        </span>
        {start > 0 && (
          <span>
            <i className="swatch startup" /> {t('compare.legendStartup')}
          </span>
        )}
      </div>
    </figure>
  );
}

function Playhead({ width, end, h }: { width: number; end: number; h: number }) {
  const now = useCompareState(selectT);
  const x = xScale(end, width)(Math.min(now, end));
  return <line x1={x} x2={x} y1={2} y2={h - 14} className="playhead" />;
}

const Chart = memo(function Chart({
  model,
  width,
  end,
  start,
  t,
}: {
  model: Model;
  width: number;
  end: number;
  start: number;
  t: T;
}) {
  const x = xScale(end, width);
  const y = scaleLinear()
    .domain([0, model.top * 1.1])
    .range([LINES_BOTTOM, TOP]);
  const avail = line<Sample>()
    .x((s) => x(s.t))
    .y((s) => y(s.available))
    .curve(curveStepAfter);
  const H = height(model.lanes.length);
  return (
    <g>
      {start > 0 && (
        <rect x={x(0)} y={TOP} width={x(start) - x(0)} height={H - 14 - TOP} className="startup-band">
          <title>{t('compare.legendStartup')}</title>
        </rect>
      )}
      <CountGrid y={y} width={width} />
      <TimeTicks duration={end} width={width} y={H - 3} />
      <g className="step-marker">
        <line x1={x(start)} x2={x(start)} y1={TOP} y2={H - 14} />
      </g>
      {model.lanes.map((l, i) => (
        <path
          key={i}
          d={flatPath(avail(stepCorners(l.samples, (a, b) => a.available === b.available)))}
          className="lane-line"
          strokeDasharray={laneDash(i)}
        >
          <title>{`${l.title}: ${t('compare.legendAvailable')}`}</title>
        </path>
      ))}
      {model.lanes.map((l, i) => {
        const top = ROWS_TOP + i * (ROW_H + ROW_GAP);
        return (
          <g key={i} className="lane-row">
            <text x={M.l - 6} y={top + ROW_H - 2} textAnchor="end" className="tick lane-row-key">
              {laneKey(i)}
            </text>
            <rect
              x={M.l}
              y={top}
              width={Math.max(0, width - M.l - M.r)}
              height={ROW_H}
              className="lane-row-bg"
            />
            {l.errors.map((e) => {
              const h = Math.max(2, (e.n / model.rate) * ROW_H);
              return (
                <rect
                  key={e.t}
                  x={x(e.t)}
                  y={top + ROW_H - h}
                  width={Math.max(1, x(e.t + 1) - x(e.t))}
                  height={h}
                  className={e.t < start ? 'requests-failed before-update' : 'requests-failed'}
                >
                  <title>{t('compare.errorsAt', { lane: l.title, n: e.n, t: formatTime(e.t) })}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </g>
  );
});
