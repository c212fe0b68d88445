/**
 * The cluster diagram: the clients and the Service on top (selector, endpoints, requests per
 * version over the last 10 s), one block per Deployment (spec, status, the RollingUpdate budget)
 * with one lane per ReplicaSet, newest first, a box of the pods no Deployment owns, and optionally
 * the nodes with the pods on them.
 * Geometry comes from `geometry.ts`, its size from `fit.ts`. React draws the words and boxes,
 * memoised per Deployment and lane, so a frame redraws only the parts whose view changed; a few
 * pods are one element each, animated by framer-motion as they come and go (PodGlyph); a crowded
 * lane's pods are a dozen paths (PodLayer); request dots live on a canvas (TrafficLayer). One file
 * per part, styles beside each.
 */
import {
  memo,
  Suspense,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { PALETTE, type ClusterView, type Frame } from '../../src/index.ts';
import { useT } from '../i18n/index.ts';
import { usePrefs } from '../layout/prefs.ts';
import { NodesToggle } from '../ui/HeaderControls.tsx';
import { useFrame, useUiField } from '../ui/hooks.ts';
import { DeploymentBlock } from './DeploymentBlock.tsx';
import { LooseBlock } from './LooseBlock.tsx';
import { ReplicaSetsBlock } from './ReplicaSetsBlock.tsx';
import { fitDiagram, FillCap, type FitMode } from './fit.ts';
import {
  busPath,
  endpointPaths,
  fitting,
  layout,
  LayoutMemory,
  SPARE_H,
  type DiagramLayout,
} from './geometry.ts';
import { ServiceBox } from './ServiceBox.tsx';
import type { TrafficPainter } from './traffic.ts';
import { TrafficLayer } from './TrafficLayer.tsx';
import { lazyPart } from '../ui/lazyPart.tsx';
import './diagram.css';

// Drawn only once "Nodes" is turned on: loaded then, not before the first paint.
const NodesLayer = lazyPart(
  () => import('./NodesLayer.tsx').then((m) => ({ default: m.NodesLayer })),
  ({ y, t }) => (
    <text x={12} y={y + 18} className="title" role="alert">
      {t('app.partUnavailable')}
    </text>
  ),
);

/** The box's inner size in CSS pixels, read before paint and on every resize. */
function useBoxSize(ref: RefObject<HTMLElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () =>
      setSize((prev) => {
        const w = el.clientWidth;
        const h = el.clientHeight;
        return prev.w === w && prev.h === h ? prev : { w, h };
      });
    read();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/**
 * `still`: draw this frame instead of the lab's moment, as a picture (a handout's page): no request
 * dots, no buttons over it; pods are drawn where they are, without animating in.
 */
export function Diagram({
  fit = 'contain',
  tools,
  still,
}: {
  fit?: FitMode;
  tools?: ReactNode;
  still?: Frame;
}) {
  const t = useT();
  const live = useFrame();
  const frame = still ?? live;
  const view = frame.view;
  const showNodes = useUiField('showNodes');
  const zoom = usePrefs('fontScale');
  const boxRef = useRef<HTMLDivElement>(null);
  const measured = useBoxSize(boxRef);
  // Before the first measurement (and in tests without layout): a desktop-sized box.
  const box = measured.w > 0 ? measured : { w: 1000, h: 600 };
  // Pods are placed once the box is measured (before the first paint): animation features load
  // after it, and a pod first drawn for the guessed box would stay where the guess put it.
  const sized = measured.w > 0 || typeof ResizeObserver !== 'function';
  // Where pods sat in this diagram's previous layout (see SlotMemory), and that layout, whose
  // unchanged parts the next one keeps (see `layout`); one per diagram instance.
  const [memory] = useState(() => new LayoutMemory());
  // `fill`: the scale this box last had to come down to (see fitDiagram).
  const [fillCap] = useState(() => new FillCap());
  const fitted = useMemo(
    () => {
      const drawn = fitDiagram(
        box,
        zoom,
        (w) => layout(view, showNodes, memory.slots, w, memory.drawn),
        fit,
        fit === 'fill' ? { spare: SPARE_H, cap: fillCap.of(box, zoom) } : undefined,
      );
      if (fit === 'fill') fillCap.drawn(drawn.scale);
      return drawn;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view, showNodes, memory, box.w, box.h, zoom, fit],
  );
  const l = fitted.layout;
  const f = l.frame;
  const svgRef = useRef<SVGSVGElement>(null);
  const painterRef = useRef<TrafficPainter | null>(null);
  // The Service the clients call, whose requests the counter and the dots show; else the first.
  const called = frame.traffic.sources[0]?.service;
  const svc = view.services.find((s) => s.name === called) ?? view.services[0];
  useLayoutEffect(() => {
    memory.remember(l);
    const p = painterRef.current;
    if (!p) return;
    p.drawn.layout = l;
    p.drawn.svg = svgRef.current;
    p.drawn.endpoints = new Set(svc?.endpoints ?? []);
    p.request();
  });
  return (
    <div
      className={`diagram-box diagram-box--${fit}${f.narrow ? ' diagram-box--narrow' : ''}`}
      ref={boxRef}
      data-scale={fitted.scale.toFixed(3)}
    >
      {!still && (
        <div className="diagram-tools">
          {tools}
          <NodesToggle />
        </div>
      )}
      <div className="diagram-canvas" style={{ height: Math.ceil(fitted.height) }}>
        <svg
          ref={svgRef}
          className="diagram"
          viewBox={`0 0 ${f.width} ${l.height}`}
          width="100%"
          height={Math.ceil(fitted.height)}
          preserveAspectRatio="xMinYMin meet"
          role="group"
          aria-label={t('diagram.label')}
        >
          {svc && (
            <ServiceBox
              svc={svc}
              traffic={frame.traffic}
              frame={f}
              versionColours={versionColours(view)}
              t={t}
            />
          )}
          {sized && l.blocks.map((b) => <DeploymentBlock key={b.d.uid} block={b} frame={f} t={t} />)}
          {sized && l.replicaSets && <ReplicaSetsBlock block={l.replicaSets} frame={f} t={t} />}
          {sized && l.loose && <LooseBlock loose={l.loose} frame={f} t={t} />}
          {/* Over the blocks: each branch runs in the band above its row of pods, inside the lane. */}
          {svc && <EndpointLines layout={l} endpoints={svc.endpoints} />}
          {l.empty && (
            <text x={f.width / 2} y={f.busY + 60} textAnchor="middle" className="meta">
              {/* A phone's width takes its first sentence only. */}
              {fitting([t('diagram.noDeployments'), t('diagram.noDeploymentsShort')], f.width - 20, 12.5)}
            </text>
          )}
          {l.nodes && (
            <Suspense fallback={null}>
              <NodesLayer y={l.nodes.y} boxes={l.nodes.boxes} t={t} />
            </Suspense>
          )}
        </svg>
        {!still && <TrafficLayer painterRef={painterRef} />}
      </div>
    </div>
  );
}

/**
 * The Service's bus and a line to each endpoint: drawn again when the pods or endpoints move. The
 * lines are keyed by place, not by pod: they hold nothing of their own, and after a seek, where
 * most endpoints are other pods, a hundred paths change their `d` instead of being replaced.
 */
const EndpointLines = memo(
  function EndpointLines({ layout: l, endpoints }: { layout: DiagramLayout; endpoints: string[] }) {
    return (
      <g className="endpoint-lines" aria-hidden="true">
        <path className="bus" d={busPath(l.frame)} />
        {endpointPaths(l, endpoints).map((p, i) => (
          <path key={i} className="endpoint-line" d={p.d} stroke={PALETTE[p.colour]} />
        ))}
      </g>
    );
  },
  (a, b) =>
    a.endpoints === b.endpoints && a.layout.pods === b.layout.pods && a.layout.frame === b.layout.frame,
);

function versionColours(view: ClusterView): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of view.deployments) for (const l of d.lanes) m.set(l.version, l.colour);
  for (const l of view.replicaSets) if (!m.has(l.version)) m.set(l.version, l.colour);
  for (const p of view.loosePods) if (!m.has(p.version)) m.set(p.version, p.colour);
  return m;
}
