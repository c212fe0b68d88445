/**
 * The diagram's geometry in user units: where every pod sits, and the route a request takes from
 * the clients through the Service's bus to each endpoint. Pure functions of the ClusterView and
 * the width to lay out for; the SVG (React) and the traffic canvas both draw from the same
 * layout, so lines and dots agree.
 *
 * The layout follows the box it is drawn in (see `fit.ts`): one unit is one CSS pixel times the
 * diagram's zoom, so text keeps its size whatever the box, and a wider box gets longer rows of
 * pods rather than larger glyphs. Below `NARROW_BELOW` units (a phone) a lane's words go above
 * its pods instead of beside them, and the budget goes under the Deployment's header.
 *
 * Routing keeps lines off text: the Service drops into a bus that runs to a trunk on the right
 * edge, outside every box; from the trunk a branch runs along the empty band above each row of
 * pods and drops into each endpoint. Nothing is drawn through labels or other pods.
 */
import type { ClusterView, DeploymentView, NodeView, PodView, RsView } from '../../src/index.ts';

/** Narrower than this, words go above the pods (phones, narrow embeds). */
export const NARROW_BELOW = 600;
/** The gutter right of the blocks holds the trunk. */
const GUTTER = 40;
/** Height of a block's header: four lines of words on the left (with a budget gauge: WIDE_BUDGET_H). */
const HEADER_H = 72;
/** A lane whose ReplicaSet is scaled to 0 and has no pods left: one line. */
export const IDLE_LANE_H = 24;
/** Space between two lanes, and between two blocks. */
const LANE_GAP = 5;
const BLOCK_GAP = 8;
/** More pods than this in one lane are drawn as a bar with counts. */
export const AGGREGATE_OVER = 150;

export interface PodSize {
  r: number;
  gap: number;
  row: number;
  /** Version label under each pod (the lane carries it in compact mode). */
  label: boolean;
}
const NORMAL: PodSize = { r: 13, gap: 40, row: 52, label: true };
const COMPACT: PodSize = { r: 8, gap: 24, row: 30, label: false };

/** Where the fixed parts of a layout of a given width sit. */
export interface Frame {
  width: number;
  narrow: boolean;
  /** Right edge of the Deployment blocks. */
  blockR: number;
  /** The trunk runs down the gutter at this x. */
  trunkX: number;
  /** Left column of a block and its lanes (words); pods start right of it. 0 when narrow. */
  labelW: number;
  clientsX: number;
  serviceX: number;
  serviceY: number;
  serviceW: number;
  serviceH: number;
  /** Where the bus leaves the Service and turns towards the trunk. */
  busY: number;
}

export function frameFor(width: number): Frame {
  const w = Math.max(300, Math.round(width));
  const narrow = w < NARROW_BELOW;
  const blockR = w - GUTTER;
  const clientsX = narrow ? 76 : 122;
  const serviceX = clientsX + (narrow ? 12 : 22);
  const serviceH = narrow ? 74 : 54;
  const serviceY = 4;
  const labelW = narrow ? 0 : Math.round(Math.min(340, Math.max(270, w * 0.33)));
  return {
    width: w,
    narrow,
    blockR,
    trunkX: w - 20,
    labelW,
    clientsX,
    serviceX,
    serviceY,
    // Wide: room at the top right for the diagram's tools (the Nodes toggle).
    serviceW: narrow ? blockR - serviceX : Math.min(640, blockR - serviceX - 110),
    serviceH,
    busY: serviceY + serviceH + 8,
  };
}

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
  /** The size of the block's pods. */
  size: PodSize;
  pods: PodPos[];
  aggregated: boolean;
  /** Scaled to 0 with no pods left: drawn as one line. */
  idle: boolean;
  /** Where traffic to an aggregated lane arrives. */
  target: Point;
}

export interface BlockLayout {
  d: DeploymentView;
  y: number;
  h: number;
  /** Top of the budget gauge (beside the header when wide, under it when narrow). */
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

/** ReplicaSets no Deployment owns, in a box of their own under the blocks: a lane each. */
export interface ReplicaSetsLayout {
  y: number;
  h: number;
  lanes: LaneLayout[];
}

/** The pods no ReplicaSet owns (`kubectl run`'s), in a box of their own under the others. */
export interface LooseLayout {
  y: number;
  h: number;
  pods: PodPos[];
}

export interface DiagramLayout {
  frame: Frame;
  blocks: BlockLayout[];
  replicaSets: ReplicaSetsLayout | null;
  loose: LooseLayout | null;
  /** No Deployment and no ReplicaSet: words say so where they would be. */
  empty: boolean;
  nodes: { y: number; h: number; boxes: NodeLayout[] } | null;
  height: number;
  /** Pod name → position (pods drawn one by one). */
  pods: Map<string, PodPos>;
  /** ReplicaSet name → lane (for traffic to aggregated lanes and pods not drawn). */
  lanes: Map<string, LaneLayout>;
  /** Where the pods sit now: the memory for the next layout once this one is drawn. */
  slots: SlotMemory;
}

/** x of the first pod's left edge in a lane. */
const podsLeft = (f: Frame) => (f.narrow ? 30 : f.labelW + 30);
const podsPerRow = (f: Frame, size: PodSize) =>
  Math.max(1, Math.floor((f.blockR - 20 - podsLeft(f)) / size.gap));
/** Where the pod in slot `i` of rows of `perRow` starting at `firstRowY` sits. */
const slotAt = (
  f: Frame,
  size: PodSize,
  perRow: number,
  firstRowY: number,
  pod: PodView,
  i: number,
): PodPos => ({
  pod,
  x: podsLeft(f) + size.r + (i % perRow) * size.gap,
  y: firstRowY + Math.floor(i / perRow) * size.row,
  size,
});

/** Words above the pods in a narrow lane: two lines. */
const NARROW_LANE_WORDS = 36;
/** A wide lane's words: four lines beside the pods. */
const WIDE_LANE_MIN = 62;
/**
 * The room a presentation keeps free under a drawing it grows (fit `fill`): a rolling update's new
 * lane, and about as much again for the lines that wrap as the drawing's layout gets narrower
 * (the budget's conditions go under the gauge).
 */
export const SPARE_H = 2 * (WIDE_LANE_MIN + LANE_GAP);
/** Narrow blocks put the budget (two bars and their ticks) under the header. */
const NARROW_BUDGET_H = 76;
/**
 * The conditions line's baseline under the top of a budget gauge: its second bar ends 52 units
 * down and that bar's limit mark 55, and 12 px letters with their 2 px halo (diagram.css) reach
 * about 11 units above the baseline.
 */
export const CONDITIONS_UNDER_BUDGET = 68;
/**
 * A wide block with a budget: the gauge (5 units down) and the conditions under it, with their
 * descenders and halo, reach further than the four lines of words.
 */
const WIDE_BUDGET_H = 79;

/**
 * Where each pod sat in the previous layout, by lane: lets a pod keep its place while others come
 * and go around it (a deleted pod leaves a gap that the next new pod fills) instead of every pod
 * after it shifting along. Without it, pods are placed in the order they were created.
 */
export type SlotMemory = Map<string, Map<string, number>>;

/** What a diagram keeps of the layout it drew last: where the pods sat, and the layout itself. */
export class LayoutMemory {
  slots: SlotMemory = new Map();
  drawn: DiagramLayout | null = null;
  /** Once `l` is drawn. */
  remember(l: DiagramLayout): void {
    this.slots = l.slots;
    this.drawn = l;
  }
}

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

/** A ReplicaSet with nothing to draw: scaled to 0 and its last pod gone. */
export const isIdle = (lane: RsView): boolean => lane.pods.length === 0 && lane.desired === 0;

/**
 * The pod size of a block. It follows what the controller aims at as well as what exists, so it
 * changes at a scaling step rather than with every pod that comes or goes: normal glyphs while
 * every lane fits in three rows, small ones beyond.
 */
function sizeFor(f: Frame, lanes: readonly RsView[], aim = 0): PodSize {
  const perRow = podsPerRow(f, NORMAL);
  const most = Math.max(
    aim,
    ...lanes.map((l) => (l.pods.length > AGGREGATE_OVER ? 0 : Math.max(l.pods.length, l.desired))),
  );
  return Math.ceil(most / perRow) > 3 ? COMPACT : NORMAL;
}

/**
 * The whole diagram laid out `width` units wide. Pure: pods keep the slots `memory` gives them,
 * and the result's `slots` is the memory to pass next time (once this layout is drawn).
 *
 * `previous`, the layout drawn last (whose `slots` are `memory`), lends its objects: the frame
 * geometry at the same width, each lane whose ReplicaSet's view (an object that stays the same
 * while nothing in it changed) and place are the same, each block whose lanes all are, and the
 * pod index when every block is. Memoised components then skip what did not change.
 */
export function layout(
  view: ClusterView,
  showNodes: boolean,
  memory?: SlotMemory,
  width = 1000,
  previous?: DiagramLayout | null,
): DiagramLayout {
  const fresh = frameFor(width);
  const same = previous?.frame.width === fresh.width ? previous : undefined;
  const f = same ? same.frame : fresh;
  let y = f.busY + 10;
  const nextMemory: SlotMemory = new Map();
  const pods = new Map<string, PodPos>();
  const lanesByName = new Map<string, LaneLayout>();
  /** A lane laid out at `at`; the last layout's when it is the same. */
  const placeLane = (lane: RsView, at: number, size: PodSize, perRow: number): LaneLayout => {
    const key = `${lane.uid}/${size.r}`;
    const was = same?.lanes.get(lane.name);
    if (
      was &&
      was.lane === lane &&
      was.y === at &&
      was.size === size &&
      memory?.get(key) === same?.slots.get(key)
    ) {
      const slots = same?.slots.get(key);
      if (slots) nextMemory.set(key, slots);
      for (const p of was.pods) pods.set(p.pod.name, p);
      lanesByName.set(lane.name, was);
      return was;
    }
    const aggregated = lane.pods.length > AGGREGATE_OVER;
    const idle = isIdle(lane);
    const rows = aggregated ? 1 : Math.max(1, Math.ceil(Math.max(lane.pods.length, lane.desired) / perRow));
    const wordsH = f.narrow ? NARROW_LANE_WORDS : 0;
    const firstRowY = at + wordsH + size.r + 15;
    const podsH = firstRowY - at + (rows - 1) * size.row + size.r + (size.label ? 18 : 10);
    const h = idle
      ? IDLE_LANE_H
      : aggregated
        ? wordsH + WIDE_LANE_MIN
        : Math.max(f.narrow ? 0 : WIDE_LANE_MIN, podsH);
    // A change of pod size re-flows the lane from scratch (the key has the size).
    const slots =
      aggregated || idle
        ? new Map<string, number>()
        : assignSlots(lane.pods, rows * perRow, memory?.get(key));
    if (!aggregated && !idle) nextMemory.set(key, slots);
    const pp: PodPos[] =
      aggregated || idle
        ? []
        : lane.pods.map((pod) => slotAt(f, size, perRow, firstRowY, pod, slots.get(pod.uid) ?? 0));
    for (const p of pp) pods.set(p.pod.name, p);
    const l: LaneLayout = {
      lane,
      y: at,
      h,
      size,
      pods: pp,
      aggregated,
      idle,
      target: { x: podsLeft(f) + 4, y: at + wordsH + 26 },
    };
    lanesByName.set(lane.name, l);
    return l;
  };
  /** Lanes one under the other from `at`, with pods of `size`; and where the last one ends. */
  const placeLanes = (list: readonly RsView[], at: number, size: PodSize): [LaneLayout[], number] => {
    const perRow = podsPerRow(f, size);
    let ly = at;
    const lanes = list.map((lane) => {
      const l = placeLane(lane, ly, size, perRow);
      ly += l.h + LANE_GAP;
      return l;
    });
    return [lanes, ly];
  };
  const blocks = view.deployments.map((d) => {
    const top = y;
    const size = sizeFor(f, d.lanes, d.budget?.maxTotal ?? d.replicas);
    const budgetY = f.narrow ? top + HEADER_H : top + 5;
    const lanesY = f.narrow
      ? top + HEADER_H + (d.budget ? NARROW_BUDGET_H : 22)
      : top + (d.budget ? WIDE_BUDGET_H : HEADER_H);
    const [lanes, lanesEnd] = placeLanes(d.lanes, lanesY, size);
    const ly = lanes.length === 0 ? lanesEnd + 30 : lanesEnd;
    y = ly + BLOCK_GAP;
    const was = same?.blocks.find((b) => b.d.uid === d.uid);
    if (was && was.d === d && was.y === top && sameItems(was.lanes, lanes)) return was;
    return { d, y: top, h: ly - top + 4, budgetY, lanes };
  });
  let replicaSets: ReplicaSetsLayout | null = null;
  if (view.replicaSets.length) {
    const top = y;
    // Two lines of words over the lanes.
    const [lanes, ly] = placeLanes(view.replicaSets, top + 44, sizeFor(f, view.replicaSets));
    y = ly + BLOCK_GAP;
    const was = same?.replicaSets;
    replicaSets =
      was && was.y === top && sameItems(was.lanes, lanes) ? was : { y: top, h: ly - top + 4, lanes };
  }
  const empty = view.deployments.length === 0 && view.replicaSets.length === 0;
  let loose: LooseLayout | null = null;
  if (view.loosePods.length) {
    // Under the blocks (under the words that say there are none, when there are none).
    const top = empty ? y + 70 : y;
    const size = Math.ceil(view.loosePods.length / podsPerRow(f, NORMAL)) > 3 ? COMPACT : NORMAL;
    const perRow = podsPerRow(f, size);
    const key = `loose/${size.r}`;
    const slots = assignSlots(view.loosePods, Infinity, memory?.get(key));
    nextMemory.set(key, slots);
    // Two lines of words over the pods; their branch runs under them.
    const firstRowY = top + 44 + size.r + 15;
    const rows = Math.max(1, Math.ceil((Math.max(...slots.values()) + 1) / perRow));
    const pp = view.loosePods.map((pod) => slotAt(f, size, perRow, firstRowY, pod, slots.get(pod.uid) ?? 0));
    const h = firstRowY - top + (rows - 1) * size.row + size.r + (size.label ? 18 : 10);
    const was = same?.loose;
    const kept =
      was?.y === top &&
      was.h === h &&
      was.pods.length === pp.length &&
      was.pods.every(
        (q, i) => q.pod === pp[i]!.pod && q.x === pp[i]!.x && q.y === pp[i]!.y && q.size === pp[i]!.size,
      );
    loose = kept ? was : { y: top, h, pods: pp };
    for (const p of loose.pods) pods.set(p.pod.name, p);
    y = top + h + BLOCK_GAP;
  }
  let nodes: DiagramLayout['nodes'] = null;
  if (showNodes && view.nodes.length) {
    const top = y;
    const perRow = Math.min(view.nodes.length, f.narrow ? 2 : 4);
    const gap = 12;
    const w = (f.blockR - 6 - (perRow - 1) * gap) / perRow;
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
  // Every block as drawn last: the pod index too (the endpoint lines are drawn from it).
  const unchanged =
    same !== undefined &&
    sameItems(same.blocks, blocks) &&
    same.replicaSets === replicaSets &&
    same.loose === loose;
  return {
    frame: f,
    blocks,
    replicaSets,
    loose,
    empty,
    nodes,
    height: Math.max(y, 200),
    pods: unchanged ? same.pods : pods,
    lanes: unchanged ? same.lanes : lanesByName,
    slots: nextMemory,
  };
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The band above a row of pods, where its branch runs. */
const branchY = (p: PodPos) => p.y - p.size.r - 9;

/** The route of a request from the Service to `pod`: bus → trunk → branch → pod. */
export function routeTo(l: DiagramLayout, pod: string, owner: string): Point[] | null {
  const f = l.frame;
  const p = l.pods.get(pod);
  const mid = f.serviceX + f.serviceW / 2;
  const head = [
    { x: mid, y: f.serviceY + f.serviceH },
    { x: mid, y: f.busY },
    { x: f.trunkX, y: f.busY },
  ];
  if (p) {
    const by = branchY(p);
    return [...head, { x: f.trunkX, y: by }, { x: p.x, y: by }, { x: p.x, y: p.y - p.size.r }];
  }
  const lane = l.lanes.get(owner);
  if (!lane) return null;
  const ty = lane.target.y - BAR_BRANCH;
  return [...head, { x: f.trunkX, y: ty }, { x: lane.target.x, y: ty }, lane.target];
}

/** The clients' part of every route (where a refused request stops). */
export function clientLeg(f: Frame): Point[] {
  return [
    { x: f.clientsX, y: f.serviceY + f.serviceH / 2 },
    { x: f.serviceX, y: f.serviceY + f.serviceH / 2 },
  ];
}

/** The bus from the Service's bottom to the trunk, as SVG path data. */
export function busPath(f: Frame): string {
  const mid = f.serviceX + f.serviceW / 2;
  return `M${mid},${f.serviceY + f.serviceH} V${f.busY - 6} Q${mid},${f.busY} ${mid + 6},${f.busY} H${f.trunkX}`;
}

/**
 * The lines of the Service's bus to its endpoints, as SVG path data: one per endpoint drawn as a
 * glyph, and one per lane drawn as a bar (many pods) that has endpoints, to its bar, where the
 * requests to those pods go (routeTo).
 */
export function endpointPaths(
  l: DiagramLayout,
  endpoints: string[],
): { name: string; d: string; colour: number }[] {
  const { trunkX, busY } = l.frame;
  const out: { name: string; d: string; colour: number }[] = [];
  let barOf: Map<string, LaneLayout> | undefined;
  const bars = new Set<LaneLayout>();
  for (const name of endpoints) {
    const p = l.pods.get(name);
    if (!p) {
      barOf ??= podsOfBars(l);
      const bar = barOf.get(name);
      if (bar) bars.add(bar);
      continue;
    }
    const by = branchY(p);
    out.push({
      name,
      colour: p.pod.colour,
      d: `M${trunkX},${busY} V${by - 6} Q${trunkX},${by} ${trunkX - 6},${by} H${p.x + 6} Q${p.x},${by} ${p.x},${by + 6} V${p.y - p.size.r}`,
    });
  }
  for (const bar of bars) {
    const { x, y } = bar.target;
    const by = y - BAR_BRANCH;
    out.push({
      name: bar.lane.name,
      colour: bar.lane.colour,
      d: `M${trunkX},${busY} V${by - 6} Q${trunkX},${by} ${trunkX - 6},${by} H${x + 6} Q${x},${by} ${x},${by + 6} V${y - 4}`,
    });
  }
  return out;
}

/** How far above a bar's target its line comes across from the trunk. */
const BAR_BRANCH = 18;

/** The pods of the lanes drawn as a bar, by name. */
function podsOfBars(l: DiagramLayout): Map<string, LaneLayout> {
  const m = new Map<string, LaneLayout>();
  for (const lane of l.lanes.values())
    if (lane.aggregated) for (const p of lane.lane.pods) m.set(p.name, lane);
  return m;
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
 * About how wide `text` is at `size` px in the diagram's sans-serif (Latin letters and digits
 * about 0.58 em, Hangul a full em): enough to choose between a long and a short form of a line.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x11ff) ||
      (c >= 0x3130 && c <= 0x318f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0x4e00 && c <= 0x9fff);
    em += wide ? 0.95 : 0.58;
  }
  return em * size;
}

/** The first of `forms` (longest first) that fits `width` at `size` px, else the last. */
export function fitting(forms: string[], width: number, size: number): string {
  return forms.find((s) => textWidth(s, size) <= width) ?? forms[forms.length - 1] ?? '';
}

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
