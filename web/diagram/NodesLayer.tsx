import { PALETTE } from '../../src/index.ts';
import { stateText, type T } from '../ui/labels.ts';
import type { NodeLayout } from './geometry.ts';
import './nodes.css';

/** The optional layer: each node, its capacity, and the pods on it (blue/green's double cost). */
export function NodesLayer({ y, boxes, t }: { y: number; boxes: NodeLayout[]; t: T }) {
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
              {n.cordoned && <tspan className="warn-text">{` ${t('nodes.cordoned')}`}</tspan>}
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
