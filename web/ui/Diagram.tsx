/**
 * The cluster diagram: Service on top with a line to each endpoint, then one block per
 * Deployment (spec, status, the RollingUpdate budget) with one lane per ReplicaSet, newest first.
 * d3 computes the scales; React draws every node; framer-motion animates pods keyed by uid.
 */
import { AnimatePresence, m as motion } from 'framer-motion';
import { scaleLinear } from 'd3-scale';
import { memo, useState, type KeyboardEvent } from 'react';
import {
  PALETTE,
  STATE_LABEL,
  type Budget,
  type ClusterView,
  type DeploymentView,
  type PodView,
  type RsView,
} from '../sim/view.ts';
import { selectPod } from '../store/app.ts';
import { useClusterView } from './hooks.ts';

const W = 1000;
const LABEL_W = 330;
const POD_GAP = 44;
const POD_R = 14;
const LANE_H = 64;
const ROW_H = 50;
const SERVICE_H = 64;
const AGGREGATE_OVER = 60;
const GAUGE_X = 420;

interface PodPos {
  pod: PodView;
  x: number;
  y: number;
}

interface LaneLayout {
  lane: RsView;
  y: number;
  h: number;
  pods: PodPos[];
  aggregated: boolean;
}

interface BlockLayout {
  d: DeploymentView;
  y: number;
  h: number;
  budgetY: number;
  lanes: LaneLayout[];
}

const podsPerRow = Math.floor((W - LABEL_W - 30) / POD_GAP);

function layout(view: ClusterView): {
  blocks: BlockLayout[];
  height: number;
  pods: Map<string, PodPos>;
} {
  let y = SERVICE_H + 56;
  const pods = new Map<string, PodPos>();
  const blocks = view.deployments.map((d) => {
    const top = y;
    const headerH = 80;
    const budgetH = d.budget ? 82 : 0;
    let ly = top + headerH + budgetH;
    const lanes = d.lanes.map((lane) => {
      const aggregated = lane.pods.length > AGGREGATE_OVER;
      const rows = aggregated ? 1 : Math.max(1, Math.ceil(lane.pods.length / podsPerRow));
      const h = Math.max(LANE_H, 14 + rows * ROW_H);
      const pp = aggregated
        ? []
        : lane.pods.map((pod, i) => ({
            pod,
            x: LABEL_W + 24 + (i % podsPerRow) * POD_GAP,
            y: ly + 28 + Math.floor(i / podsPerRow) * ROW_H,
          }));
      for (const p of pp) pods.set(p.pod.name, p);
      const l = { lane, y: ly, h, pods: pp, aggregated };
      ly += h + 6;
      return l;
    });
    if (lanes.length === 0) ly += 30;
    y = ly + 24;
    return { d, y: top, h: ly - top + 8, budgetY: top + headerH, lanes };
  });
  return { blocks, height: Math.max(y, 260), pods };
}

export function Diagram() {
  const view = useClusterView();
  const { blocks, height, pods } = layout(view);
  const svc = view.services[0];
  const serviceX = W / 2;
  return (
    <svg
      className="diagram"
      viewBox={`0 0 ${W} ${height}`}
      role="group"
      aria-label="Cluster diagram: the Service, Deployments, ReplicaSets and Pods at this moment"
    >
      {view.services.map((s, i) => {
        const x = serviceX - 260 + i * 20;
        return (
          <g
            key={s.uid}
            className="service"
            aria-label={`Service ${s.name}, selector ${s.selector}, ${s.endpoints.length} ready endpoints`}
            role="img"
          >
            <rect x={x} y={10} width={520} height={SERVICE_H - 10} rx={10} className="box service-box" />
            <text x={x + 16} y={34} className="title">
              Service {s.name}
            </text>
            <text x={x + 16} y={52} className="meta">
              selector {s.selector || '(none)'} · port {s.ports} · {s.endpoints.length} ready endpoint
              {s.endpoints.length === 1 ? '' : 's'}
              {s.notReady.length ? ` · ${s.notReady.length} not ready` : ''}
            </text>
          </g>
        );
      })}
      {svc && (
        <g className="endpoint-lines" aria-hidden="true">
          {svc.endpoints.map((name) => {
            const p = pods.get(name);
            if (!p) return null;
            const sy = SERVICE_H;
            const midY = (sy + p.y) / 2;
            return (
              <path
                key={name}
                className="endpoint-line"
                d={`M${serviceX},${sy} C${serviceX},${midY} ${p.x},${midY} ${p.x},${p.y - POD_R}`}
                stroke={PALETTE[p.pod.colour]}
              />
            );
          })}
        </g>
      )}
      {blocks.map((b) => (
        <DeploymentBlock key={b.d.uid} block={b} />
      ))}
      {view.deployments.length === 0 && (
        <text x={W / 2} y={SERVICE_H + 80} textAnchor="middle" className="meta">
          No Deployments. Apply one in the YAML editor or the console.
        </text>
      )}
    </svg>
  );
}

function DeploymentBlock({ block }: { block: BlockLayout }) {
  const { d } = block;
  const ru = d.budget ? `maxSurge ${d.budget.maxSurgeRaw}, maxUnavailable ${d.budget.maxUnavailableRaw}` : '';
  const cond = d.conditions
    .map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`)
    .join(' · ');
  return (
    <g className="deployment" role="group" aria-label={`Deployment ${d.name}`}>
      <rect x={6} y={block.y} width={W - 12} height={block.h} rx={12} className="box deployment-box" />
      <text x={22} y={block.y + 24} className="title">
        Deployment {d.name}
        <tspan className="meta" dx={12}>
          replicas {d.replicas} · {d.strategy}
          {ru ? ` ${ru}` : ''} · minReadySeconds {d.minReadySeconds}
          {d.paused ? ' · paused' : ''}
        </tspan>
      </text>
      <text x={22} y={block.y + 46} className="meta">
        <tspan className={d.phase.startsWith('Rollout complete') ? 'ok' : 'warn-text'}>{d.phase}</tspan>
        {` · updated ${d.updated} · ready ${d.ready} · available ${d.available}/${d.replicas}`}
      </text>
      <text x={22} y={block.y + 66} className="tiny">
        {cond ? `conditions: ${cond}` : 'no conditions yet'}
      </text>
      {d.budget && <BudgetGauge budget={d.budget} y={block.budgetY} />}
      {block.lanes.map((l) => (
        <Lane key={l.lane.uid} layout={l} />
      ))}
      {block.lanes.length === 0 && (
        <text x={22} y={block.budgetY + 20} className="meta">
          No ReplicaSets
        </text>
      )}
    </g>
  );
}

function rounding(raw: string | number, replicas: number, up: boolean, value: number): string {
  if (typeof raw === 'number' || !raw.endsWith('%')) return `${raw}`;
  const exact = (parseFloat(raw) * replicas) / 100;
  if (Number.isInteger(exact)) return `${raw} of ${replicas} = ${value}`;
  return `${raw} of ${replicas} = ${+exact.toFixed(2)}, rounded ${up ? 'up' : 'down'} to ${value}`;
}

/** The two limits of a RollingUpdate and where the rollout stands against each. */
function BudgetGauge({ budget: b, y }: { budget: Budget; y: number }) {
  const max = Math.max(b.maxTotal, b.specified, b.existing, b.replicas) + 1;
  const x = scaleLinear()
    .domain([0, max])
    .range([GAUGE_X, W - 50]);
  const rows = [
    {
      label: `pods ${b.specified} ≤ ${b.maxTotal}`,
      detail: `replicas ${b.replicas} + maxSurge ${rounding(b.maxSurgeRaw, b.replicas, true, b.surge)}`,
      value: b.specified,
      limit: b.maxTotal,
      ok: b.specified <= b.maxTotal,
      limitLabel: 'max',
    },
    {
      label: `available ${b.available} ≥ ${b.minAvailable}`,
      detail: `replicas ${b.replicas} − maxUnavailable ${rounding(b.maxUnavailableRaw, b.replicas, false, b.unavailable)}`,
      value: b.available,
      limit: b.minAvailable,
      ok: b.available >= b.minAvailable,
      limitLabel: 'min',
    },
  ];
  return (
    <g className="budget" role="img" aria-label={rows.map((r) => `${r.label} (${r.detail})`).join('; ')}>
      {rows.map((r, i) => {
        const ry = y + 8 + i * 36;
        return (
          <g key={r.limitLabel}>
            <text x={22} y={ry + 12} className={r.ok ? 'budget-label' : 'budget-label warn-text'}>
              {r.label}
            </text>
            <text x={22} y={ry + 25} className="tiny">
              {r.detail}
            </text>
            <rect x={x(0)} y={ry + 2} width={x(max) - x(0)} height={14} rx={3} className="track" />
            <rect
              x={x(0)}
              y={ry + 2}
              width={Math.max(0, x(r.value) - x(0))}
              height={14}
              rx={3}
              className={r.ok ? 'fill' : 'fill bad'}
            />
            {x.ticks(Math.min(max, 10)).map((t) =>
              Number.isInteger(t) ? (
                <text key={t} x={x(t)} y={ry + 27} className="tick" textAnchor="middle">
                  {t}
                </text>
              ) : null,
            )}
            <line x1={x(r.limit)} x2={x(r.limit)} y1={ry - 2} y2={ry + 20} className="limit" />
            <text x={x(r.limit) + 4} y={ry + 1} className="tiny">
              {r.limitLabel} {r.limit}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Lane({ layout: l }: { layout: LaneLayout }) {
  const { lane } = l;
  const colour = PALETTE[lane.colour];
  return (
    <g className="lane">
      <rect
        x={16}
        y={l.y}
        width={W - 32}
        height={l.h}
        rx={8}
        className={lane.isNew ? 'lane-box new' : 'lane-box'}
      />
      <rect x={16} y={l.y} width={6} height={l.h} rx={3} fill={colour} />
      <text x={32} y={l.y + 20} className="lane-title">
        rev {lane.revision} · {lane.version}
        {lane.isNew ? ' (new)' : ''}
      </text>
      <text x={32} y={l.y + 37} className="tiny">
        ReplicaSet {lane.name} · hash {lane.hash}
      </text>
      <text x={32} y={l.y + 53} className="tiny">
        {lane.image} · desired {lane.desired} · current {lane.current} · ready {lane.ready}
      </text>
      {l.aggregated ? (
        <AggregateBar lane={lane} x={LABEL_W + 10} y={l.y + 18} />
      ) : (
        <AnimatePresence initial={false}>
          {l.pods.map((p) => (
            <PodGlyph key={p.pod.uid} pod={p.pod} x={p.x} y={p.y} />
          ))}
        </AnimatePresence>
      )}
    </g>
  );
}

/** Too many pods to draw one by one: a bar per state with counts. */
function AggregateBar({ lane, x, y }: { lane: RsView; x: number; y: number }) {
  const counts = new Map<string, number>();
  for (const p of lane.pods) counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
  const total = lane.pods.length;
  const width = W - 40 - x;
  let cx = x;
  const text = [...counts].map(([s, n]) => `${n} ${STATE_LABEL[s as PodView['state']]}`).join(', ');
  return (
    <g role="img" aria-label={`${total} pods of ${lane.version}: ${text}`}>
      {[...counts].map(([s, n]) => {
        const w = (n / total) * width;
        const r = (
          <rect
            key={s}
            x={cx}
            y={y}
            width={w}
            height={16}
            fill={PALETTE[lane.colour]}
            opacity={s === 'available' ? 1 : s === 'terminating' ? 0.25 : 0.55}
          />
        );
        cx += w;
        return r;
      })}
      <text x={x} y={y + 32} className="tiny">
        {total} pods · {text}
      </text>
    </g>
  );
}

const PodGlyph = memo(function PodGlyph({ pod, x, y }: { pod: PodView; x: number; y: number }) {
  const [hover, setHover] = useState(false);
  const colour = PALETTE[pod.colour];
  const label = `Pod ${pod.name}, version ${pod.version}, ${STATE_LABEL[pod.state]}${
    pod.reason && pod.reason !== 'Running' && pod.reason !== STATE_LABEL[pod.state] ? ` (${pod.reason})` : ''
  }${pod.endpoint ? ', receiving traffic' : ''}`;
  const open = () => selectPod(pod.name);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      open();
    }
  };
  const circ = 2 * Math.PI * POD_R;
  const fadeOpacity = pod.state === 'terminating' ? Math.max(0.25, 1 - pod.progress * 0.75) : 1;
  return (
    <motion.g
      className={`pod pod-${pod.state}`}
      role="button"
      tabIndex={0}
      aria-label={label}
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
      <circle r={POD_R + 5} className="focus-ring" />
      {pod.state === 'pending' && (
        <circle r={POD_R} fill="none" stroke={colour} strokeWidth={2} strokeDasharray="4 3" />
      )}
      {pod.state === 'creating' && (
        <>
          <circle r={POD_R} fill="none" className="ring-track" strokeWidth={4} />
          <circle
            r={POD_R}
            fill="none"
            stroke={colour}
            strokeWidth={4}
            strokeDasharray={`${circ * Math.max(0.05, pod.progress)} ${circ}`}
            transform="rotate(-90)"
          />
        </>
      )}
      {pod.state === 'running' && <circle r={POD_R} className="pod-bg" stroke={colour} strokeWidth={4} />}
      {pod.state === 'ready' && (
        <circle r={POD_R} fill={colour} fillOpacity={0.5} stroke={colour} strokeWidth={2} />
      )}
      {pod.state === 'available' && <circle r={POD_R} fill={colour} />}
      {pod.state === 'terminating' && (
        <>
          <circle r={POD_R} fill={colour} fillOpacity={0.45} stroke={colour} strokeWidth={1.5} />
          <line x1={-POD_R - 3} y1={POD_R + 3} x2={POD_R + 3} y2={-POD_R - 3} className="strike" />
        </>
      )}
      {pod.state === 'failed' && (
        <>
          <circle r={POD_R} className="pod-bg" stroke={colour} strokeWidth={2} />
          <path d="M0,-9 L8,6 L-8,6 Z" className="warning" />
          <text y={4.5} textAnchor="middle" className="warning-mark">
            !
          </text>
        </>
      )}
      {pod.endpoint && <circle r={3} cy={-POD_R - 6} className="endpoint-dot" fill={colour} />}
      <text y={POD_R + 13} textAnchor="middle" className="pod-label">
        {pod.version}
      </text>
      {hover && (
        <g className="tooltip" transform={`translate(0, ${-POD_R - 14})`} aria-hidden="true">
          <rect x={-130} y={-40} width={260} height={36} rx={6} />
          <text x={0} y={-25} textAnchor="middle">
            {pod.name}
          </text>
          <text x={0} y={-11} textAnchor="middle">
            {pod.version} · {STATE_LABEL[pod.state]}
            {pod.node ? ` · ${pod.node}` : ''}
          </text>
        </g>
      )}
    </motion.g>
  );
});
