/**
 * The cluster diagram: the clients and the Service on top (selector, endpoints, requests per
 * version over the last 10 s), one block per Deployment (spec, status, the RollingUpdate budget)
 * with one lane per ReplicaSet, newest first, and optionally the nodes with the pods on them.
 * Geometry comes from `geometry.ts` and `gaugeScale` below; React draws every node;
 * framer-motion animates pods keyed by uid; request dots live on a canvas (TrafficLayer).
 */
import { AnimatePresence, m as motion } from 'framer-motion';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  PALETTE,
  resolvedPhrase,
  type Budget,
  type ClusterView,
  type FrameTraffic,
  type PodView,
  type RsView,
  type ServiceView,
} from '../../src/index.ts';
import { useLang, useT, type Lang } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import {
  gaugeScale,
  BLOCK_R,
  BUS_Y,
  CLIENTS_X,
  endpointPaths,
  layout,
  LABEL_W,
  SERVICE_H,
  SERVICE_W,
  SERVICE_X,
  SERVICE_Y,
  TRUNK_X,
  W,
  type BlockLayout,
  type LaneLayout,
  type NodeLayout,
  type SlotMemory,
} from './geometry.ts';
import { useFrame, useUiField } from './hooks.ts';
import { NodesToggle } from './HeaderControls.tsx';
import { TrafficPainter } from './traffic.ts';
import { podLabel, stateText, type T } from './labels.ts';

const GAUGE_X = 490;
const GAUGE_R = BLOCK_R - 60;

export function Diagram() {
  const t = useT();
  const frame = useFrame();
  const view = frame.view;
  const showNodes = useUiField('showNodes');
  // Where pods sat in this diagram's previous layout (see SlotMemory); one per diagram instance.
  const [slots] = useState<SlotMemory>(() => new Map());
  const l = useMemo(() => layout(view, showNodes, slots), [view, showNodes, slots]);
  const svgRef = useRef<SVGSVGElement>(null);
  const painterRef = useRef<TrafficPainter | null>(null);
  const svc = view.services[0];
  useLayoutEffect(() => {
    const p = painterRef.current;
    if (!p) return;
    p.drawn.layout = l;
    p.drawn.svg = svgRef.current;
    p.drawn.endpoints = new Set(svc?.endpoints ?? []);
    p.request();
  });
  return (
    <div className="diagram-box">
      <svg
        ref={svgRef}
        className="diagram"
        viewBox={`0 0 ${W} ${l.height}`}
        style={{ minHeight: Math.round(l.height * 0.72) }}
        preserveAspectRatio="xMidYMin meet"
        role="group"
        aria-label={t('diagram.label')}
      >
        {svc && <ServiceBox svc={svc} traffic={frame.traffic} versionColours={versionColours(view)} t={t} />}
        {l.blocks.map((b) => (
          <DeploymentBlock key={b.d.uid} block={b} t={t} />
        ))}
        {/* Over the blocks: each branch runs in the band above its row of pods, inside the lane. */}
        <g className="endpoint-lines" aria-hidden="true">
          {svc && (
            <path
              className="bus"
              d={`M${W / 2},${SERVICE_Y + SERVICE_H} V${BUS_Y - 6} Q${W / 2},${BUS_Y} ${W / 2 + 6},${BUS_Y} H${TRUNK_X}`}
            />
          )}
          {svc &&
            endpointPaths(l, svc.endpoints).map((p) => (
              <path key={p.name} className="endpoint-line" d={p.d} stroke={PALETTE[p.colour]} />
            ))}
        </g>
        {view.deployments.length === 0 && (
          <text x={W / 2} y={BUS_Y + 60} textAnchor="middle" className="meta">
            {t('diagram.noDeployments')}
          </text>
        )}
        {l.nodes && <NodesLayer y={l.nodes.y} boxes={l.nodes.boxes} t={t} />}
      </svg>
      <TrafficLayer painterRef={painterRef} />
      <div className="diagram-tools">
        <NodesToggle />
      </div>
    </div>
  );
}

/** The canvas the request dots are drawn on (see traffic.ts), one painter per diagram. */
function TrafficLayer({ painterRef }: { painterRef: { current: TrafficPainter | null } }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const lab = useLab();
  useEffect(() => {
    if (!ref.current) return;
    const p = new TrafficPainter(ref.current, {
      now: () => lab.run.now(),
      speed: () => lab.player.speed,
      requests: (seconds) => lab.run.recentRequests(seconds),
      listen: (fn) => lab.store.subscribe(fn),
    });
    painterRef.current = p;
    return () => {
      p.detach();
      painterRef.current = null;
    };
  }, [lab, painterRef]);
  return <canvas ref={ref} className="traffic-layer" aria-hidden="true" data-testid="traffic-layer" />;
}

function ServiceBox({
  svc,
  traffic,
  versionColours,
  t,
}: {
  svc: ServiceView;
  traffic: FrameTraffic;
  versionColours: Map<string, number>;
  t: T;
}) {
  const win = traffic.window;
  const rate = (n: number) => (n / win.seconds).toFixed(1);
  const total = Object.values(win.ok).reduce((a, b) => a + b, 0);
  const source = traffic.sources.find((s) => s.service === svc.name);
  const versions = Object.entries(win.ok).sort(([a], [b]) => a.localeCompare(b));
  const colourOf = (v: string) => {
    const i = versionColours.get(v);
    return i === undefined ? 'currentColor' : PALETTE[i];
  };
  const counterText = [
    ...versions.map(([v, n]) => t('service.versionRate', { version: v, rate: rate(n), pct: pct(n, total) })),
    t('service.errors', { rate: rate(win.errors) }),
    ...(win.refused ? [t('service.refused', { rate: rate(win.refused) })] : []),
  ].join(' · ');
  const endpointsText = t('service.endpoints', { n: svc.endpoints.length });
  return (
    <g className="service">
      <g role="img" aria-label={t('clients.label', { rate: source?.requestsPerSecond ?? 0 })}>
        <rect
          x={8}
          y={SERVICE_Y + 12}
          width={CLIENTS_X - 8}
          height={SERVICE_H - 24}
          rx={8}
          className="clients-box"
        />
        <text x={(CLIENTS_X + 8) / 2} y={SERVICE_Y + 29} textAnchor="middle" className="lane-title">
          {t('clients.title')}
        </text>
        <text x={(CLIENTS_X + 8) / 2} y={SERVICE_Y + 45} textAnchor="middle" className="tiny">
          {t('clients.rate', { rate: source?.requestsPerSecond ?? 0 })}
        </text>
      </g>
      <path
        d={`M${CLIENTS_X},${SERVICE_Y + SERVICE_H / 2} H${SERVICE_X}`}
        className="bus"
        aria-hidden="true"
      />
      <g
        role="img"
        aria-label={`${t('service.title', { name: svc.name })}, ${t('service.selector', { selector: svc.selector || t('none') })}, ${endpointsText}. ${t('service.lastSeconds')} ${counterText}`}
      >
        <rect
          x={SERVICE_X}
          y={SERVICE_Y}
          width={SERVICE_W}
          height={SERVICE_H}
          rx={10}
          className="box service-box"
        />
        <text x={SERVICE_X + 14} y={SERVICE_Y + 21} className="title">
          {t('service.title', { name: svc.name })}
          <tspan className="meta" dx={10}>
            {t('service.selector', { selector: svc.selector || t('none') })} ·{' '}
            {t('service.port', { ports: svc.ports })}
          </tspan>
        </text>
        <text x={SERVICE_X + 14} y={SERVICE_Y + 38} className="meta">
          {endpointsText}
          {svc.notReady.length ? ` · ${t('service.notReady', { n: svc.notReady.length })}` : ''}
        </text>
        <text x={SERVICE_X + 14} y={SERVICE_Y + 55} className="meta counter" data-testid="traffic-counter">
          <tspan className="strong">{t('service.lastSeconds')}</tspan>
          {versions.length === 0 && <tspan dx={6}>{t('service.noAnswers')}</tspan>}
          {versions.map(([v, n]) => (
            <tspan key={v} dx={8}>
              <tspan fill={colourOf(v)} className="swatch-dot">
                ●
              </tspan>{' '}
              {t('service.versionRate', { version: v, rate: rate(n), pct: pct(n, total) })}
            </tspan>
          ))}
          <tspan dx={8} className={win.errors ? 'bad-text' : undefined}>
            · {t('service.errors', { rate: rate(win.errors) })}
          </tspan>
          {win.refused > 0 && (
            <tspan dx={6} className="bad-text">
              · {t('service.refused', { rate: rate(win.refused) })}
            </tspan>
          )}
        </text>
      </g>
    </g>
  );
}

function versionColours(view: ClusterView): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of view.deployments) for (const l of d.lanes) m.set(l.version, l.colour);
  return m;
}

const pct = (n: number, total: number) => (total ? Math.round((n / total) * 100) : 0);

function DeploymentBlock({ block, t }: { block: BlockLayout; t: T }) {
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
function BudgetGauge({ budget: b, y, t }: { budget: Budget; y: number; t: T }) {
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

function Lane({ layout: l, t }: { layout: LaneLayout; t: T }) {
  const { lane } = l;
  const colour = PALETTE[lane.colour];
  const prefix =
    lane.hash && lane.name.endsWith(lane.hash) ? lane.name.slice(0, -lane.hash.length) : lane.name;
  return (
    <g className="lane">
      <rect
        x={16}
        y={l.y}
        width={BLOCK_R - 26}
        height={l.h}
        rx={8}
        className={lane.isNew ? 'lane-box new' : 'lane-box'}
      />
      <rect x={16} y={l.y} width={6} height={l.h} rx={3} fill={colour} />
      <text x={32} y={l.y + 18} className="lane-title">
        {t('lane.title', { revision: lane.revision, version: lane.version })}
        {lane.isNew ? <tspan className="new-tag">{` ${t('lane.new')}`}</tspan> : null}
      </text>
      <text x={32} y={l.y + 33} className="tiny">
        <title>{t('lane.hashTip', { hash: lane.hash })}</title>
        ReplicaSet {prefix}
        {prefix !== lane.name && <tspan className="hash">{lane.hash}</tspan>}
      </text>
      <text x={32} y={l.y + 48} className="tiny">
        {lane.image}
      </text>
      <text x={32} y={l.y + 63} className="tiny">
        {t('lane.counts', { desired: lane.desired, current: lane.current, ready: lane.ready })}
      </text>
      {l.aggregated ? (
        <AggregateBar lane={lane} x={LABEL_W + 30} y={l.y + 22} t={t} />
      ) : l.pods[0] && !l.pods[0].size.label ? (
        // Many pods: plain SVG (no per-pod animation), still one focusable button per pod.
        l.pods.map((p) => <PodDot key={p.pod.uid} pod={p.pod} x={p.x} y={p.y} r={p.size.r} t={t} />)
      ) : (
        <AnimatePresence initial={false}>
          {l.pods.map((p) => (
            <PodGlyph
              key={p.pod.uid}
              pod={p.pod}
              x={p.x}
              y={p.y}
              r={p.size.r}
              showLabel={p.size.label}
              t={t}
            />
          ))}
        </AnimatePresence>
      )}
    </g>
  );
}

/** Too many pods to draw one by one: a bar per state with counts. */
function AggregateBar({ lane, x, y, t }: { lane: RsView; x: number; y: number; t: T }) {
  const counts = new Map<PodView['state'], number>();
  for (const p of lane.pods) counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
  const total = lane.pods.length;
  const width = BLOCK_R - 40 - x;
  let cx = x;
  const text = [...counts].map(([s, n]) => `${n} ${stateText(t, s)}`).join(', ');
  return (
    <g role="img" aria-label={t('aggregate.label', { n: total, version: lane.version, list: text })}>
      {[...counts].map(([s, n]) => {
        const w = (n / total) * width;
        const r = (
          <rect
            key={s}
            x={cx}
            y={y}
            width={w}
            height={16}
            fill={s === 'failed' ? 'var(--danger)' : PALETTE[lane.colour]}
            opacity={s === 'available' ? 1 : s === 'terminating' ? 0.25 : 0.55}
          />
        );
        cx += w;
        return r;
      })}
      <text x={x} y={y + 32} className="tiny">
        {t('aggregate.text', { n: total, list: text })}
      </text>
    </g>
  );
}

interface PodDotProps {
  pod: PodView;
  x: number;
  y: number;
  r: number;
  t: T;
}

interface PodGlyphProps extends PodDotProps {
  showLabel: boolean;
}

/**
 * Props equal for drawing a pod (memo's comparison). `withProgress` false: the stage's progress
 * does not show, so a change of it alone is no reason to draw again.
 */
const samePod = (
  a: PodDotProps & { showLabel?: boolean },
  b: PodDotProps & { showLabel?: boolean },
  withProgress = true,
) =>
  a.x === b.x &&
  a.y === b.y &&
  a.r === b.r &&
  a.t === b.t &&
  a.showLabel === b.showLabel &&
  a.pod.uid === b.pod.uid &&
  a.pod.state === b.pod.state &&
  a.pod.reason === b.pod.reason &&
  a.pod.endpoint === b.pod.endpoint &&
  a.pod.node === b.pod.node &&
  a.pod.colour === b.pod.colour &&
  (!withProgress || a.pod.progress === b.pod.progress);

const PodGlyph = memo(function PodGlyph({ pod, x, y, r, showLabel, t }: PodGlyphProps) {
  const [hover, setHover] = useState(false);
  const lab = useLab();
  const open = () => lab.selectPod(pod.name);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      open();
    }
  };
  const fadeOpacity = pod.state === 'terminating' ? Math.max(0.3, 1 - pod.progress * 0.7) : 1;
  const tipW = 270;
  const tipX = Math.min(Math.max(-tipW / 2, LABEL_W + 10 - x), BLOCK_R - 10 - x - tipW);
  return (
    <motion.g
      className={`pod pod-${pod.state}`}
      role="button"
      tabIndex={0}
      aria-label={podLabel(t, pod)}
      initial={{ opacity: 0, scale: 0.4, x, y }}
      animate={{ opacity: fadeOpacity, scale: 1, x, y }}
      exit={{ opacity: 0, scale: 0.4 }}
      transition={{ duration: 0.35 }}
      onClick={open}
      onKeyDown={onKey}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onFocus={() => setHover(true)}
      onBlur={() => setHover(false)}
    >
      <PodShape pod={pod} r={r} />
      {showLabel && (
        <text y={r + 13} textAnchor="middle" className="pod-label">
          {pod.version}
        </text>
      )}
      {hover && (
        <g className="tooltip" transform={`translate(0, ${-r - 12})`} aria-hidden="true">
          <rect x={tipX} y={-40} width={tipW} height={36} rx={6} />
          <text x={tipX + tipW / 2} y={-25} textAnchor="middle">
            {pod.name}
          </text>
          <text x={tipX + tipW / 2} y={-11} textAnchor="middle">
            {pod.version} · {stateText(t, pod.state)}
            {pod.reason && pod.reason !== 'Running' && pod.reason !== 'Terminating' ? ` (${pod.reason})` : ''}
            {pod.node ? ` · ${pod.node}` : ''}
          </text>
        </g>
      )}
    </motion.g>
  );
}, samePod);

/** A pod's glyph in the visual language of DESIGN.md §5 (fill and outline carry the state). */
function PodShape({ pod, r }: { pod: PodView; r: number }) {
  const colour = PALETTE[pod.colour];
  const circ = 2 * Math.PI * r;
  const sw = r > 10 ? 4 : 3;
  return (
    <>
      <circle r={r + 5} className="focus-ring" />
      {pod.state === 'pending' && (
        <circle r={r} className="pod-bg" stroke={colour} strokeWidth={2} strokeDasharray="4 3" />
      )}
      {pod.state === 'creating' && (
        <>
          <circle r={r} className="pod-bg ring-track" strokeWidth={sw} />
          <circle
            r={r}
            fill="none"
            stroke={colour}
            strokeWidth={sw}
            strokeDasharray={`${circ * Math.max(0.05, pod.progress)} ${circ}`}
            transform="rotate(-90)"
          />
        </>
      )}
      {pod.state === 'running' && <circle r={r} className="pod-bg" stroke={colour} strokeWidth={sw} />}
      {pod.state === 'ready' && (
        <circle r={r} fill={colour} fillOpacity={0.5} stroke={colour} strokeWidth={2} />
      )}
      {pod.state === 'available' && <circle r={r} fill={colour} />}
      {pod.state === 'terminating' && (
        <>
          <circle r={r} fill={colour} fillOpacity={0.4} stroke={colour} strokeWidth={1.5} />
          <line x1={-r - 3} y1={r + 3} x2={r + 3} y2={-r - 3} className="strike" />
        </>
      )}
      {pod.state === 'failed' && (
        <>
          <circle r={r} className="pod-bg" stroke={colour} strokeWidth={2} />
          <path
            d={`M0,${-r * 0.65} L${r * 0.58},${r * 0.45} L${-r * 0.58},${r * 0.45} Z`}
            className="warning"
          />
          {r > 10 && (
            <text y={4.5} textAnchor="middle" className="warning-mark">
              !
            </text>
          )}
        </>
      )}
    </>
  );
}

/** A pod in a crowded lane: no animation, name and state in a native tooltip. */
const PodDot = memo(
  function PodDot({ pod, x, y, r, t }: PodDotProps) {
    const lab = useLab();
    const open = () => lab.selectPod(pod.name);
    const label = podLabel(t, pod);
    return (
      <g
        className={`pod pod-${pod.state}`}
        role="button"
        tabIndex={0}
        aria-label={label}
        transform={`translate(${x},${y})`}
        // A fixed fade, not one that follows the grace period: crowded lanes change less per frame.
        opacity={pod.state === 'terminating' ? 0.6 : 1}
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.stopPropagation();
            open();
          }
        }}
      >
        <title>{label}</title>
        <PodShape pod={pod} r={r} />
      </g>
    );
  },
  // Progress shows only on a ContainerCreating ring here (terminating pods have a fixed fade).
  (a, b) => samePod(a, b, b.pod.state === 'creating'),
);

/** The optional layer: each node, its capacity, and the pods on it (blue/green's double cost). */
function NodesLayer({ y, boxes, t }: { y: number; boxes: NodeLayout[]; t: T }) {
  return (
    <g className="nodes" role="group" aria-label={t('nodes.title')}>
      <text x={12} y={y + 18} className="title">
        {t('nodes.title')}
        <tspan className="meta" dx={10}>
          {t('nodes.summary', {
            pods: boxes.reduce((n, b) => n + b.node.pods.length, 0),
            nodes: boxes.length,
          })}
        </tspan>
      </text>
      {boxes.map((b) => {
        const n = b.node;
        const usage = n.pods.length / Math.max(1, n.podCapacity);
        return (
          <g
            key={n.name}
            role="img"
            aria-label={t('nodes.label', {
              name: n.name,
              pods: n.pods.length,
              cap: n.podCapacity,
              cpu: n.cpu,
              memory: n.memory,
            })}
          >
            <rect
              x={b.x}
              y={b.y}
              width={b.w}
              height={b.h}
              rx={8}
              className={n.ready ? 'node-box' : 'node-box down'}
            />
            <text x={b.x + 12} y={b.y + 18} className="lane-title">
              {n.name}
              {!n.ready && <tspan className="bad-text">{` ${t('nodes.notReady')}`}</tspan>}
            </text>
            <text x={b.x + 12} y={b.y + 34} className="tiny">
              {t('nodes.capacity', { cpu: n.cpu, memory: n.memory })}
              {n.cpuRequested > 0 ? ` · ${t('nodes.requested', { cpu: +n.cpuRequested.toFixed(2) })}` : ''}
            </text>
            <text x={b.x + 12} y={b.y + 49} className="tiny">
              {t('nodes.pods', { n: n.pods.length, cap: n.podCapacity })}
            </text>
            <rect x={b.x + b.w - 72} y={b.y + 41} width={60} height={6} rx={3} className="track" />
            <rect
              x={b.x + b.w - 72}
              y={b.y + 41}
              width={Math.max(1, 60 * Math.min(1, usage))}
              height={6}
              rx={3}
              className={usage > 0.9 ? 'fill bad' : 'fill'}
            />
            {b.dots.map((d) => (
              <circle
                key={d.pod.uid}
                cx={d.x}
                cy={d.y}
                r={5}
                fill={d.pod.state === 'available' || d.pod.state === 'ready' ? PALETTE[d.pod.colour] : 'none'}
                stroke={PALETTE[d.pod.colour]}
                strokeWidth={1.5}
                opacity={d.pod.state === 'terminating' ? 0.35 : 1}
              >
                <title>{`${d.pod.name} · ${d.pod.version} · ${stateText(t, d.pod.state)}`}</title>
              </circle>
            ))}
            {b.more > 0 && (
              <text x={b.x + b.w - 12} y={b.y + b.h - 8} textAnchor="end" className="tiny">
                +{b.more}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
