/**
 * A ReplicaSet's lane: its revision and version, its name (the pod-template-hash in bold), image
 * and counts beside its pods (above them when narrow). A ReplicaSet scaled to 0 with no pods left
 * is one line.
 */
import { memo, Suspense } from 'react';
import { PALETTE, type RsView } from '../../src/index.ts';
import type { T } from '../ui/labels.ts';
import { AggregateBar } from './AggregateBar.tsx';
import { fitting, textWidth, type Frame, type LaneLayout, type PodPos } from './geometry.ts';
import { PodGlyph } from './PodGlyph.tsx';
import { lazyPart } from '../ui/lazyPart.tsx';
import { useFocusThroughRedraw } from '../layout/focus.ts';
import './lane.css';

/**
 * framer-motion and the animated glyphs load after the first paint: lanes draw still glyphs until
 * they are in, then animate (AnimatedPods.tsx).
 */
const AnimatedPods = lazyPart(() => import('./AnimatedPods.tsx'), StillPods);
/**
 * A crowded lane's paths (PodLayer.tsx): no lane of the first screen is crowded, so they load just
 * after it, asked for at once, long before a link or a lesson can crowd a lane.
 */
const podLayer = import('./PodLayer.tsx');
const PodLayer = lazyPart(
  () => podLayer.then((m) => ({ default: m.PodLayer })),
  // Should the paths fail to load: one still glyph per pod, as a lane of few pods draws them.
  StillPods,
);

/**
 * The end of an idle lane's line (" · image · no pods", or less): what fits in the room the title
 * and the ReplicaSet's name leave, or nothing (a phone's narrow lane).
 */
function idleTail(l: LaneLayout, f: Frame, t: T, title: string, x: number): string {
  // The title is bold and larger (lane-title) than the rest (tiny).
  const head = ` · ${t('lane.replicaSet', { name: l.lane.name })} · `;
  const room = f.blockR - 10 - x - textWidth(title, 13.5) * 1.1 - textWidth(head, 12);
  const tail = fitting([`${l.lane.image} · ${t('lane.idle')}`, t('lane.idle'), ''], room, 12);
  return tail ? ` · ${tail}` : '';
}

/** The ReplicaSet's name with its pod-template-hash in bold. */
function RsName({ lane, t }: { lane: RsView; t: T }) {
  const prefix =
    lane.hash && lane.name.endsWith(lane.hash) ? lane.name.slice(0, -lane.hash.length) : lane.name;
  const [before, after = ''] = t('lane.replicaSet', { name: '\u0000' }).split('\u0000');
  return (
    <>
      <title>{t('lane.hashTip', { hash: lane.hash })}</title>
      {before}
      {prefix}
      {prefix !== lane.name && <tspan className="hash">{lane.hash}</tspan>}
      {after}
    </>
  );
}

/**
 * Memoised: the layout keeps a lane's object while its ReplicaSet's view and place are the same
 * (see `layout`), so a frame in which nothing of a lane changed does not draw its words again.
 */
export const Lane = memo(function Lane({
  layout: l,
  frame: f,
  t,
}: {
  layout: LaneLayout;
  frame: Frame;
  t: T;
}) {
  const { lane } = l;
  const colour = PALETTE[lane.colour];
  // A ReplicaSet of no Deployment has no revision.
  const title = lane.revision
    ? t('lane.title', { revision: lane.revision, version: lane.version })
    : t('lane.titleBare', { version: lane.version });
  const counts = t('lane.counts', { desired: lane.desired, current: lane.current, ready: lane.ready });
  const x = 32;
  const wordsW = (f.narrow ? f.blockR - 10 : f.labelW + 20) - x;
  // Narrow, the counts follow the title on its line: in full, as ready of desired, or not at all
  // (their full form is the line's tooltip). The title is bold and larger (lane-title).
  const heading = `${title}${lane.isNew ? ` ${t('lane.new')}` : ''}`;
  const countsFitted = f.narrow
    ? fitting(
        [counts, t('lane.countsShort', { ready: lane.ready, desired: lane.desired }), ''],
        wordsW - 8 - textWidth(heading, 13.5) * 1.1,
        12,
      )
    : counts;
  return (
    <g className={l.idle ? 'lane lane--idle' : 'lane'}>
      <rect
        x={16}
        y={l.y}
        width={f.blockR - 26}
        height={l.h}
        rx={l.idle ? 6 : 8}
        className={lane.isNew ? 'lane-box new' : 'lane-box'}
      />
      <rect x={16} y={l.y} width={6} height={l.h} rx={3} fill={colour} />
      {l.idle ? (
        <text x={x} y={l.y + 16} className="tiny">
          <tspan className="lane-title">{title}</tspan>
          {' · '}
          <RsName lane={lane} t={t} />
          {idleTail(l, f, t, title, x)}
        </text>
      ) : f.narrow ? (
        <>
          <text x={x} y={l.y + 16} className="lane-title">
            {countsFitted !== counts && <title>{counts}</title>}
            {title}
            {lane.isNew ? <tspan className="new-tag">{` ${t('lane.new')}`}</tspan> : null}
            {countsFitted && (
              <tspan className="tiny" dx={8}>
                {countsFitted}
              </tspan>
            )}
          </text>
          <text x={x} y={l.y + 31} className="tiny">
            <RsName lane={lane} t={t} />
          </text>
        </>
      ) : (
        <>
          <text x={x} y={l.y + 15} className="lane-title">
            {title}
            {lane.isNew ? <tspan className="new-tag">{` ${t('lane.new')}`}</tspan> : null}
          </text>
          <text x={x} y={l.y + 29} className="tiny">
            <RsName lane={lane} t={t} />
          </text>
          <text x={x} y={l.y + 43} className="tiny">
            {fitting([lane.image, lane.image.replace(/^.*\//, '')], wordsW, 12)}
          </text>
          <text x={x} y={l.y + 57} className="tiny">
            {counts}
          </text>
        </>
      )}
      {l.aggregated ? (
        <AggregateBar lane={lane} x={l.target.x - 4} y={l.target.y - 4} right={f.blockR - 24} t={t} />
      ) : (
        <PodsOf pods={l.pods} version={lane.version} frame={f} t={t} />
      )}
    </g>
  );
});

/**
 * A row of pods: a few as one glyph each; many (small glyphs, no labels) as paths per state, with
 * one listbox for the keyboard (no per-pod elements or animation).
 */
export function PodsOf({
  pods,
  version,
  frame: f,
  t,
}: {
  pods: readonly PodPos[];
  version: string;
  frame: Frame;
  t: T;
}) {
  const tipLeft = f.narrow ? 20 : f.labelW + 10;
  return pods[0] && !pods[0].size.label ? (
    <Suspense fallback={null}>
      <PodLayer pods={pods} version={version} tipLeft={tipLeft} tipRight={f.blockR - 10} t={t} />
    </Suspense>
  ) : (
    <Pods pods={pods} tipLeft={tipLeft} tipRight={f.blockR - 10} t={t} />
  );
}

/** A few pods, one glyph each: animated once framer-motion is in, drawn where they are before. */
function Pods(p: { pods: readonly PodPos[]; tipLeft: number; tipRight: number; t: T }) {
  return (
    <Suspense fallback={<StillPods {...p} />}>
      <AnimatedPods {...p} />
    </Suspense>
  );
}

function StillPods({
  pods,
  tipLeft,
  tipRight,
  t,
}: {
  pods: readonly PodPos[];
  tipLeft: number;
  tipRight: number;
  t: T;
}) {
  useFocusThroughRedraw();
  return (
    <>
      {pods.map((p) => (
        <PodGlyph
          key={p.pod.uid}
          pod={p.pod}
          x={p.x}
          y={p.y}
          r={p.size.r}
          showLabel={p.size.label}
          tipLeft={tipLeft}
          tipRight={tipRight}
          t={t}
        />
      ))}
    </>
  );
}
