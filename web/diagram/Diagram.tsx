/**
 * The cluster diagram: the clients and the Service on top (selector, endpoints, requests per
 * version over the last 10 s), one block per Deployment (spec, status, the RollingUpdate budget)
 * with one lane per ReplicaSet, newest first, and optionally the nodes with the pods on them.
 * Geometry comes from `geometry.ts`; React draws every node; framer-motion animates pods keyed by
 * uid; request dots live on a canvas (TrafficLayer). One file per part, styles beside each.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { PALETTE, type ClusterView } from '../sim/view.ts';
import { NodesToggle } from '../ui/HeaderControls.tsx';
import { useClusterView, useUiField } from '../ui/hooks.ts';
import { DeploymentBlock } from './DeploymentBlock.tsx';
import {
  BUS_Y,
  drawn,
  endpointPaths,
  layout,
  SERVICE_H,
  SERVICE_Y,
  TRUNK_X,
  W,
  type SlotMemory,
} from './geometry.ts';
import { NodesLayer } from './NodesLayer.tsx';
import { ServiceBox } from './ServiceBox.tsx';
import { requestTrafficDraw } from './traffic.ts';
import { TrafficLayer } from './TrafficLayer.tsx';
import './diagram.css';

export function Diagram() {
  const t = useT();
  const view = useClusterView();
  const showNodes = useUiField('showNodes');
  // Where pods sat in this diagram's previous layout (see SlotMemory); one per diagram instance.
  const [slots] = useState<SlotMemory>(() => new Map());
  const l = useMemo(() => layout(view, showNodes, slots), [view, showNodes, slots]);
  const svgRef = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    drawn.layout = l;
    drawn.svg = svgRef.current;
    requestTrafficDraw();
  });
  const svc = view.services[0];
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
        {svc && <ServiceBox svc={svc} versionColours={versionColours(view)} t={t} />}
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
      <TrafficLayer />
      <div className="diagram-tools">
        <NodesToggle />
      </div>
    </div>
  );
}

function versionColours(view: ClusterView): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of view.deployments) for (const l of d.lanes) m.set(l.version, l.colour);
  return m;
}
