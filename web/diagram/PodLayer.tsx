/**
 * A crowded lane's pods (small glyphs, no labels under them): a dozen paths, one per state and
 * colour (`podPaths`), instead of an element per pod, made again only when the lane's pods or
 * their places change. No animation: a crowded lane changes a little in most frames.
 *
 * To the keyboard and to assistive technology the lane is one listbox of its pods, named with how
 * many there are in each state; the arrow keys, Home and End move through them in the order they
 * are drawn (the pod reached is the active option: focus ring and tooltip), Enter or Space opens
 * it. Only the active pod is an element (a virtual list: `aria-setsize`, `aria-posinset`). A
 * pointer gets a pod's tooltip on hover and opens it on click.
 */
import { memo, useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useLab } from '../lab/context.ts';
import { podLabel, stateCounts, type T } from '../ui/labels.ts';
import type { PodPos } from './geometry.ts';
import { PodTooltip } from './PodTooltip.tsx';
import { podPaths } from './podPaths.ts';
import { PodPaths } from './PodShape.tsx';
import './pod.css';

/** A crowded lane's fixed fade for Terminating pods (they do not fade with the grace period). */
const LEAVING_FADE = 0.6;

export const PodLayer = memo(function PodLayer({
  pods,
  version,
  tipLeft,
  tipRight,
  t,
}: {
  pods: readonly PodPos[];
  /** The lane's version, in its name for assistive technology. */
  version: string;
  tipLeft: number;
  tipRight: number;
  t: T;
}) {
  const lab = useLab();
  const id = useId();
  const r = pods[0]?.size.r ?? 8;
  // In the order they are drawn: row by row, left to right.
  const order = useMemo(() => [...pods].sort((a, b) => a.y - b.y || a.x - b.x), [pods]);
  const paths = useMemo(
    () =>
      podPaths(
        pods.map((p) => ({
          x: p.x,
          y: p.y,
          state: p.pod.state,
          colour: p.pod.colour,
          progress: p.pod.progress,
        })),
        r,
      ),
    [pods, r],
  );
  const [activeUid, setActiveUid] = useState<string | null>(null);
  const [hoverUid, setHoverUid] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  if (order.length === 0) return null;
  const index = Math.max(
    0,
    order.findIndex((p) => p.pod.uid === activeUid),
  );
  const active = order[index]!;
  const hovered = hoverUid === null ? undefined : order.find((p) => p.pod.uid === hoverUid);
  const tip = hovered ?? (focused ? active : undefined);

  const open = (p: PodPos) => lab.selectPod(p.pod.name);
  const onKey = (e: KeyboardEvent) => {
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? Math.min(order.length - 1, index + 1)
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? Math.max(0, index - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? order.length - 1
              : -1;
    if (to < 0 && e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    if (to >= 0) setActiveUid(order[to]!.pod.uid);
    else open(active);
  };
  /** The pod under the pointer, if any. */
  const podAt = (e: MouseEvent<SVGGElement>): PodPos | undefined => {
    const ctm = e.currentTarget.ownerSVGElement?.getScreenCTM();
    if (!ctm) return undefined;
    const at = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const reach = r + 4;
    return order.find((p) => Math.abs(p.x - at.x) <= reach && Math.abs(p.y - at.y) <= reach);
  };
  const xs = order.map((p) => p.x);
  const ys = order.map((p) => p.y);
  const left = Math.min(...xs) - r - 4;
  const top = Math.min(...ys) - r - 4;
  const counts = stateCounts(
    t,
    pods.map((p) => p.pod),
  );
  const optionId = `${id}-pod`;
  return (
    <g
      className={hovered ? 'pod-layer pod-layer--over' : 'pod-layer'}
      role="listbox"
      tabIndex={0}
      aria-label={t('lane.pods', { n: pods.length, version, list: counts })}
      aria-activedescendant={optionId}
      onKeyDown={onKey}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onPointerMove={(e) => setHoverUid(podAt(e)?.pod.uid ?? null)}
      onPointerLeave={() => setHoverUid(null)}
      onClick={(e) => {
        const p = podAt(e);
        if (!p) return;
        setActiveUid(p.pod.uid);
        open(p);
      }}
    >
      {/* What the pointer meets between the glyphs too (painted: nothing). */}
      <rect
        x={left}
        y={top}
        width={Math.max(...xs) + r + 4 - left}
        height={Math.max(...ys) + r + 4 - top}
        fill="none"
        pointerEvents="all"
      />
      <PodPaths paths={paths} r={r} fade={LEAVING_FADE} />
      <g
        role="option"
        id={optionId}
        aria-label={podLabel(t, active.pod)}
        aria-setsize={order.length}
        aria-posinset={index + 1}
        aria-selected={true}
        transform={`translate(${active.x},${active.y})`}
      >
        <circle r={r + 5} className="focus-ring" />
      </g>
      {tip && (
        <g transform={`translate(${tip.x},${tip.y})`}>
          <PodTooltip pod={tip.pod} x={tip.x} r={r} tipLeft={tipLeft} tipRight={tipRight} t={t} />
        </g>
      )}
    </g>
  );
});
