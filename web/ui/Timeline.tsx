/**
 * The run over virtual time: replicas per ReplicaSet (stacked, coloured by version), available
 * pods, requests answered per second by version with the failed and refused ones in red, a marker
 * per kubectl step and the playhead. d3 computes; React draws.
 *
 * The chart changes only when the run does (a new step, the recorder computing further, a
 * resize); the playhead moves every frame. They are separate components so playing re-renders a
 * line, not the chart.
 */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line, stack } from 'd3-shape';
import { memo, useMemo, useRef, type MouseEvent } from 'react';
import { PALETTE, tagOf, type Frame, type Sample, type TrafficSecond } from '../../src/index.ts';
import { useT } from '../i18n/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import type { LabState } from '../lab/lab.ts';
import { formatTime } from './hooks.ts';
import { TimelineFrame } from './TimelineFrame.tsx';
import { useTimelineDims, type Dims } from './timelineDims.ts';
import { CountGrid, TimeTicks } from './ChartAxes.tsx';
import { flatPath, M, stepCorners, useWidth, xScale } from './scale.ts';
import type { T } from './labels.ts';
import { useTimelineCut } from '../predict/hooks.ts';

const selectDuration = (s: LabState) => s.playback.duration;
const selectTime = (s: LabState) => s.playback.t;
/** Changes when the recorded history does: played further, or a step changed the future. */
const selectHistory = (s: LabState) => `${s.playback.loaded}:${s.playback.history}`;

export function Timeline() {
  const t_ = useT();
  const lab = useLab();
  const duration = useLabState(selectDuration);
  const history = useLabState(selectHistory);
  const figure = useRef<HTMLElement>(null);
  const width = useWidth(figure);
  // Predict mode: nothing after this whole second is drawn (undefined: draw all that is recorded).
  const cut = useTimelineCut();
  const d = useTimelineDims();
  // `history` is the cache key: the model reads the Run's recording, which changes when it does.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const model = useMemo(() => timelineModel(lab.frame(), duration, cut), [lab, history, duration, cut]);
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = xScale(duration, width);
    lab.pause();
    lab.seek(Math.max(0, Math.min(duration, x.invert(((e.clientX - r.left) / r.width) * width))));
  };
  const label = t_('timeline.label', {
    ok: model.answered,
    failed: model.failed,
  });
  return (
    <figure className="timeline" ref={figure}>
      <figcaption className="sr-only">{t_('timeline.caption')}</figcaption>
      <TimelineFrame>
        {/* As high as the box that held its place: the legend and the bar beside do not move. */}
        <svg
          viewBox={`0 0 ${width} ${d.H}`}
          style={{ height: d.H }}
          onClick={onClick}
          role="img"
          aria-label={label}
        >
          <Chart model={model} width={width} duration={duration} dims={d} t={t_} />
          {cut !== undefined && (
            <text
              x={xScale(duration, width)(cut) + 8}
              y={M.t + 14}
              className="tick predict-tag"
              data-testid="predict.timeline"
            >
              {t_('predict.later')}
            </text>
          )}
          <Playhead width={width} duration={duration} bottom={d.BAND_BOTTOM} />
        </svg>
      </TimelineFrame>
    </figure>
  );
}

function Playhead({ width, duration, bottom }: { width: number; duration: number; bottom: number }) {
  const t = useLabState(selectTime);
  const x = xScale(duration, width)(t);
  return <line x1={x} x2={x} y1={2} y2={bottom} className="playhead" />;
}

interface TimelineModel {
  samples: Sample[];
  /** Stacked replicas per ReplicaSet. */
  replicas: { key: string; colour: number; title: string; rows: StackRow[] }[];
  replicasTop: number;
  /** Stacked answers per second by version, then the failed and refused on top. */
  requests: { key: string; colour: number | 'danger'; rows: StackRow[] }[];
  requestsTop: number;
  /** Seconds with failed or refused requests (for their hover titles). */
  errorSeconds: TrafficSecond[];
  answered: number;
  failed: number;
  steps: { at: number; run: string }[];
}

interface StackRow {
  t: number;
  y0: number;
  y1: number;
}

/** Stacks `rows` (one value per key per moment) in key order, as step areas want them. */
function stacked(keys: string[], rows: { t: number; v: Record<string, number> }[]): StackRow[][] {
  const data = rows.map((r) => ({ t: r.t, ...Object.fromEntries(keys.map((k) => [k, r.v[k] ?? 0])) }));
  return stack<Record<string, number>>()
    .keys(keys)(data as Record<string, number>[])
    .map((s) => s.map((d) => ({ t: d.data['t'] ?? 0, y0: d[0], y1: d[1] })));
}

const ERRORS = '\u0000errors';

/**
 * The chart's model from what the Run has recorded: up to the furthest moment anyone has played
 * to, never further (the future is not drawn before it happens), and in predict mode not past
 * `cut` either (whole seconds: a sample at `cut`, requests of the seconds that ended by then).
 */
function timelineModel(frame: Frame, duration: number, cut?: number): TimelineModel {
  const { history } = frame;
  const colourOf = (image: string) => frame.colours[image] ?? 0;
  const end = cut === undefined ? duration : Math.min(duration, cut);
  const samples = history.samples.filter((s) => s.t <= end);
  const keys = [...new Set(samples.flatMap((s) => Object.keys(s.rs)))];
  const imageOf = new Map<string, string>();
  for (const s of samples) for (const [k, v] of Object.entries(s.images)) imageOf.set(k, v);
  const versionColour = new Map<string, number>();
  for (const image of imageOf.values()) versionColour.set(tagOf(image), colourOf(image));
  const replicaRows = stacked(
    keys,
    samples.map((s) => ({ t: s.t, v: s.rs })),
  );

  const traffic = history.traffic.filter((p) => (cut === undefined ? p.t <= duration : p.t + 1 <= end));
  const versions = [...new Set(traffic.flatMap((p) => Object.keys(p.ok)))].sort();
  let answered = 0;
  let failed = 0;
  // One row per second, with a closing row so the last second keeps its width.
  const rows: { t: number; v: Record<string, number> }[] = [];
  for (const p of traffic) {
    const v: Record<string, number> = { ...p.ok, [ERRORS]: p.errors + p.refused };
    for (const n of Object.values(p.ok)) answered += n;
    failed += p.errors + p.refused;
    rows.push({ t: p.t, v });
  }
  const lastSecond = traffic[traffic.length - 1];
  if (lastSecond) rows.push({ t: Math.min(end, lastSecond.t + 1), v: {} });
  const requestKeys = [...versions, ERRORS];
  const requestRows = stacked(requestKeys, rows);

  return {
    samples,
    replicas: keys.map((k, i) => ({
      key: k,
      colour: colourOf(imageOf.get(k) ?? ''),
      title: `${k} (${tagOf(imageOf.get(k) ?? '')})`,
      rows: replicaRows[i] ?? [],
    })),
    replicasTop: Math.max(
      1,
      max(samples, (s) => Math.max(s.pods, s.desired, ...Object.values(s.rs).map(Number))) ?? 1,
    ),
    requests: requestKeys.map((k, i) => ({
      key: k,
      colour: k === ERRORS ? 'danger' : (versionColour.get(k) ?? 0),
      rows: requestRows[i] ?? [],
    })),
    requestsTop: Math.max(1, max(rows, (r) => Object.values(r.v).reduce((a, b) => a + b, 0)) ?? 1),
    errorSeconds: traffic.filter((p) => p.errors + p.refused > 0),
    answered,
    failed,
    // Steps that have run: a step still ahead is the scenario's, not something anyone has seen.
    steps: history.steps.filter((s) => cut === undefined || s.at <= cut + 1e-6),
  };
}

const sameRow = (a: StackRow, b: StackRow) => a.y0 === b.y0 && a.y1 === b.y1;
const sameAvailable = (a: Sample, b: Sample) => a.available === b.available;

const Chart = memo(function Chart({
  model,
  width,
  duration,
  dims: { REPLICAS_BOTTOM, BAND_TOP, BAND_BOTTOM, AXIS_Y },
  t,
}: {
  model: TimelineModel;
  width: number;
  duration: number;
  dims: Dims;
  t: T;
}) {
  const x = xScale(duration, width);
  const y = scaleLinear()
    .domain([0, model.replicasTop * 1.1])
    .range([REPLICAS_BOTTOM, M.t]);
  const yr = scaleLinear().domain([0, model.requestsTop]).range([BAND_BOTTOM, BAND_TOP]);
  const replicaArea = area<StackRow>()
    .x((d) => x(d.t))
    .y0((d) => y(d.y0))
    .y1((d) => y(d.y1))
    .curve(curveStepAfter);
  const requestArea = area<StackRow>()
    .x((d) => x(d.t))
    .y0((d) => yr(d.y0))
    .y1((d) => yr(d.y1))
    .curve(curveStepAfter);
  const avail = line<Sample>()
    .x((s) => x(s.t))
    .y((s) => y(s.available))
    .curve(curveStepAfter);
  const hasTraffic = model.answered + model.failed > 0;
  return (
    <g>
      <CountGrid y={y} width={width} />
      <TimeTicks duration={duration} width={width} y={AXIS_Y} />
      {model.replicas.map((s) => (
        <path
          key={s.key}
          d={flatPath(replicaArea(stepCorners(s.rows, sameRow)))}
          fill={PALETTE[s.colour]}
          fillOpacity={0.55}
        >
          <title>{s.title}</title>
        </path>
      ))}
      <path d={flatPath(avail(stepCorners(model.samples, sameAvailable)))} className="available-line" />
      <g className="requests-band">
        <line x1={M.l} x2={width - M.r} y1={BAND_BOTTOM} y2={BAND_BOTTOM} className="axis" />
        {hasTraffic && (
          <text x={M.l - 6} y={BAND_TOP + 8} textAnchor="end" className="tick">
            {`${model.requestsTop}/s`}
          </text>
        )}
        {model.requests.map((s) =>
          s.colour === 'danger' ? (
            <path
              key={s.key}
              d={flatPath(requestArea(stepCorners(s.rows, sameRow)))}
              className="requests-failed"
            />
          ) : (
            <path
              key={s.key}
              d={flatPath(requestArea(stepCorners(s.rows, sameRow)))}
              fill={PALETTE[s.colour]}
              fillOpacity={0.8}
            >
              <title>{t('timeline.requestsOf', { version: s.key })}</title>
            </path>
          ),
        )}
        {/* Invisible: each second with failures says how many when hovered. */}
        {model.errorSeconds.map((p) => (
          <rect
            key={p.t}
            x={x(p.t)}
            y={BAND_TOP}
            width={Math.max(1, x(p.t + 1) - x(p.t))}
            height={BAND_BOTTOM - BAND_TOP}
            className="error-hit"
          >
            <title>{t('timeline.errorsAt', { t: formatTime(p.t), n: p.errors + p.refused })}</title>
          </rect>
        ))}
      </g>
      {model.steps.map((s, i) => (
        <g key={i} className="step-marker">
          <line x1={x(s.at)} x2={x(s.at)} y1={M.t} y2={BAND_BOTTOM} />
          <path d={`M${x(s.at) - 5},${M.t - 2} L${x(s.at) + 5},${M.t - 2} L${x(s.at)},${M.t + 6} Z`}>
            <title>
              {formatTime(s.at)} $ {s.run}
            </title>
          </path>
        </g>
      ))}
    </g>
  );
});
