import { AnimatePresence } from 'framer-motion';
import { PALETTE } from '../sim/view.ts';
import type { T } from '../ui/labels.ts';
import { AggregateBar } from './AggregateBar.tsx';
import { BLOCK_R, LABEL_W, type LaneLayout } from './geometry.ts';
import { PodDot } from './PodDot.tsx';
import { PodGlyph } from './PodGlyph.tsx';
import './lane.css';

export function Lane({ layout: l, t }: { layout: LaneLayout; t: T }) {
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
