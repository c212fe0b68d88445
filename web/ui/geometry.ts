/**
 * The diagram's geometry in viewBox units: where every pod sits, and the route a request takes
 * from the clients through the Service's bus to each endpoint. Pure functions of the ClusterView;
 * the SVG (React) and the traffic canvas both draw from the same layout, so lines and dots agree.
 *
 * Routing keeps lines off text: the Service drops into a bus that runs to a trunk on the right
 * edge, outside every box; from the trunk a branch runs along the empty band above each row of
 * pods and drops into each endpoint. Nothing is drawn through labels or other pods.
 */
import type { ClusterView, DeploymentView, NodeView, PodView, RsView } from '../../src/index.ts';

export const W = 1000;
/** Left column of a lane: revision, ReplicaSet name, image, counts. */
export const LABEL_W = 300;
/** The Deployment blocks end here; the trunk runs in the gutter to their right. */
export const BLOCK_R = W - 40;
export const TRUNK_X = W - 20;
export const SERVICE_Y = 6;
export const SERVICE_H = 64;
export const SERVICE_X = 160;
export const SERVICE_W = 680;
/** Where the bus leaves the Service and turns towards the trunk. */
export const BUS_Y = SERVICE_Y + SERVICE_H + 12;
/** The clients' box ends here; requests travel from it to the Service's left edge. */
export const CLIENTS_X = 128;
const BLOCK_TOP = BUS_Y + 16;
const HEADER_H = 70;
const BUDGET_H = 70;
/** More pods than this in one lane are drawn as a bar with counts. */
export const AGGREGATE_OVER = 150;

export interface PodSize {
  r: number;
  gap: number;
  row: number;
  /** Version label under each pod (the lane carries it in compact mode). */
  label: boolean;
}
const NORMAL: PodSize = { r: 14, gap: 44, row: 56, label: true };
const COMPACT: PodSize = { r: 8, gap: 24, row: 32, label: false };

export interface Point {
  x: number;
  y: number;
}

export interface PodPos {
  pod: PodView;
  x: number;
  y: number;
  size: PodSize;
}

export interface LaneLayout {
  lane: RsView;
  y: number;
  h: number;
  pods: PodPos[];
  aggregated: boolean;
  /** Where traffic to an aggregated lane arrives. */
  target: Point;
}

export interface BlockLayout {
  d: DeploymentView;
  y: number;
  h: number;
  budgetY: number;
  lanes: LaneLayout[];
}

export interface NodeLayout {
  node: NodeView;
  x: number;
  y: number;
  w: number;
  h: number;
  dots: { pod: PodView; x: number; y: number }[];
  more: number;
}

export interface DiagramLayout {
  blocks: BlockLayout[];
  nodes: { y: number; h: number; boxes: NodeLayout[] } | null;
  height: number;
  /** Pod name → position (pods drawn one by one). */
  pods: Map<string, PodPos>;
  /** ReplicaSet name → lane (for traffic to aggregated lanes and pods not drawn). */
  lanes: Map<string, LaneLayout>;
}

const podsPerRow = (size: PodSize) => Math.max(1, Math.floor((BLOCK_R - 20 - LABEL_W - 30) / size.gap));

/**
 * Where each pod sat in the previous layout, by lane: lets a pod keep its place while others come
 * and go around it (a deleted pod leaves a gap that the next new pod fills) instead of every pod
 * after it shifting along. Without it, pods are placed in the order they were created.
 */
export type SlotMemory = Map<string, Map<string, number>>;

/**
 * Slot of each of `pods` (in creation order) in a lane of `capacity` slots: a pod keeps the slot
 * it had in `previous` when that still fits; the others take the lowest free slots in order.
 */
export function assignSlots(
  pods: readonly { uid: string }[],
  capacity: number,
  previous: ReadonlyMap<string, number> | undefined,
): Map<string, number> {
  const out = new Map<string, number>();
  const taken = new Set<number>();
  if (previous)
    for (const p of pods) {
      const s = previous.get(p.uid);
      if (s !== undefined && s < capacity && !taken.has(s)) {
        out.set(p.uid, s);
        taken.add(s);
      }
    }
  let next = 0;
  for (const p of pods) {
    if (out.has(p.uid)) continue;
    while (taken.has(next)) next++;
    out.set(p.uid, next);
    taken.add(next);
  }
  return out;
}

export function layout(view: ClusterView, showNodes: boolean, memory?: SlotMemory): DiagramLayout {
  let y = BLOCK_TOP;
  const nextMemory: SlotMemory = new Map();
  const pods = new Map<string, PodPos>();
  const lanesByName = new Map<string, LaneLayout>();
  const blocks = view.deployments.map((d) => {
    const top = y;
    // Sizes and rows follow what the controller aims at as well as what exists, so the layout
    // changes at each scaling step rather than with every pod that comes or goes.
    const drawn = d.lanes.reduce((n, l) => n + (l.pods.length > AGGREGATE_OVER ? 0 : l.pods.length), 0);
    const size = Math.max(drawn, d.budget?.maxTotal ?? d.replicas) > 26 ? COMPACT : NORMAL;
    const perRow = podsPerRow(size);
    const budgetH = d.budget ? BUDGET_H : 0;
    let ly = top + HEADER_H + budgetH;
    const lanes = d.lanes.map((lane) => {
      const aggregated = lane.pods.length > AGGREGATE_OVER;
      const rows = aggregated ? 1 : Math.max(1, Math.ceil(Math.max(lane.pods.length, lane.desired) / perRow));
      const firstRowY = ly + size.r + 18;
      const h = Math.max(72, firstRowY - ly + (rows - 1) * size.row + size.r + (size.label ? 20 : 12));
      // A change of pod size re-flows the lane from scratch.
      const key = `${lane.uid}/${size.r}`;
      const slots = aggregated
        ? new Map<string, number>()
        : assignSlots(lane.pods, rows * perRow, memory?.get(key));
      if (memory && !aggregated) nextMemory.set(key, slots);
      const pp: PodPos[] = aggregated
        ? []
        : lane.pods.map((pod) => {
            const i = slots.get(pod.uid) ?? 0;
            return {
              pod,
              x: LABEL_W + 30 + size.r + (i % perRow) * size.gap,
              y: firstRowY + Math.floor(i / perRow) * size.row,
              size,
            };
          });
      for (const p of pp) pods.set(p.pod.name, p);
      const l: LaneLayout = {
        lane,
        y: ly,
        h,
        pods: pp,
        aggregated,
        target: { x: LABEL_W + 30 + 4, y: ly + 26 },
      };
      lanesByName.set(lane.name, l);
      ly += h + 6;
      return l;
    });
    if (lanes.length === 0) ly += 30;
    y = ly + 16;
    return { d, y: top, h: ly - top + 6, budgetY: top + HEADER_H, lanes };
  });
  let nodes: DiagramLayout['nodes'] = null;
  if (showNodes && view.nodes.length) {
    const top = y;
    const perRow = Math.min(view.nodes.length, 4);
    const gap = 12;
    const w = (BLOCK_R - 6 - (perRow - 1) * gap) / perRow;
    const dotGap = 14;
    const dotsPerRow = Math.max(1, Math.floor((w - 24) / dotGap));
    const maxDots = dotsPerRow * 4;
    const dotRows = Math.min(
      4,
      Math.max(1, ...view.nodes.map((n) => Math.ceil(Math.min(n.pods.length, maxDots) / dotsPerRow))),
    );
    const h = 62 + dotRows * dotGap;
    const boxes = view.nodes.map((node, i) => {
      const x = 6 + (i % perRow) * (w + gap);
      const by = top + 30 + Math.floor(i / perRow) * (h + gap);
      const shown = node.pods.slice(0, maxDots);
      return {
        node,
        x,
        y: by,
        w,
        h,
        dots: shown.map((pod, k) => ({
          pod,
          x: x + 16 + (k % dotsPerRow) * dotGap,
          y: by + 60 + Math.floor(k / dotsPerRow) * dotGap,
        })),
        more: node.pods.length - shown.length,
      };
    });
    const rows = Math.ceil(view.nodes.length / perRow);
    const total = 30 + rows * (h + gap);
    nodes = { y: top, h: total, boxes };
    y = top + total + 10;
  }
  if (memory) {
    memory.clear();
    for (const [k, v] of nextMemory) memory.set(k, v);
  }
  return { blocks, nodes, height: Math.max(y, 240), pods, lanes: lanesByName };
}

/** The band above a row of pods, where its branch runs. */
const branchY = (p: PodPos) => p.y - p.size.r - 9;

/** The route of a request from the Service to `pod`: bus → trunk → branch → pod. */
export function routeTo(l: DiagramLayout, pod: string, owner: string): Point[] | null {
  const p = l.pods.get(pod);
  const head = [
    { x: W / 2, y: SERVICE_Y + SERVICE_H },
    { x: W / 2, y: BUS_Y },
    { x: TRUNK_X, y: BUS_Y },
  ];
  if (p) {
    const by = branchY(p);
    return [...head, { x: TRUNK_X, y: by }, { x: p.x, y: by }, { x: p.x, y: p.y - p.size.r }];
  }
  const lane = l.lanes.get(owner);
  if (!lane) return null;
  const ty = lane.y + 8;
  return [...head, { x: TRUNK_X, y: ty }, { x: lane.target.x, y: ty }, lane.target];
}

/** The clients' part of every route (where a refused request stops). */
export const CLIENT_LEG: Point[] = [
  { x: CLIENTS_X, y: SERVICE_Y + SERVICE_H / 2 },
  { x: SERVICE_X, y: SERVICE_Y + SERVICE_H / 2 },
];

/** The lines of the Service's bus to its endpoints, as SVG path data (one path per endpoint). */
export function endpointPaths(
  l: DiagramLayout,
  endpoints: string[],
): { name: string; d: string; colour: number }[] {
  const out: { name: string; d: string; colour: number }[] = [];
  for (const name of endpoints) {
    const p = l.pods.get(name);
    if (!p) continue;
    const by = branchY(p);
    out.push({
      name,
      colour: p.pod.colour,
      d: `M${TRUNK_X},${BUS_Y} V${by - 6} Q${TRUNK_X},${by} ${TRUNK_X - 6},${by} H${p.x + 6} Q${p.x},${by} ${p.x},${by + 6} V${p.y - p.size.r}`,
    });
  }
  return out;
}

/** Point at fraction `f` (0..1) of a polyline's length. */
export function along(points: Point[], f: number): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += dist(points[i - 1]!, points[i]!);
  let want = Math.max(0, Math.min(1, f)) * total;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = dist(a, b);
    if (want <= d || i === points.length - 1) {
      const k = d === 0 ? 0 : Math.min(1, want / d);
      return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
    }
    want -= d;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}

const dist = (a: Point, b: Point) => Math.abs(b.x - a.x) + Math.abs(b.y - a.y);

/**
 * The budget gauges' linear scale over [0, max] pods, with d3's tick steps (1, 2, 5 × 10^k). A
 * dozen lines here keep d3-scale and its interpolators (13 KB gzip) out of the first load; the
 * timeline, loaded after it, uses d3-scale itself.
 */
export function gaugeScale(max: number, x0: number, x1: number) {
  const x = (v: number) => x0 + ((x1 - x0) * v) / max;
  x.ticks = (count: number): number[] => {
    const raw = max / Math.max(1, count);
    const power = 10 ** Math.floor(Math.log10(raw));
    const error = raw / power;
    const step = Math.max(
      1,
      power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1),
    );
    const out: number[] = [];
    for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
    return out;
  };
  return x;
}
