import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import type { ClusterView, DeploymentView, PodView, RsView } from '../../src/index.ts';
import {
  assignSlots,
  endpointPaths,
  gaugeScale,
  IDLE_LANE_H,
  layout,
  LayoutMemory,
  routeTo,
  type SlotMemory,
} from './geometry.ts';

describe('gaugeScale', () => {
  it.each([1, 4, 5, 11, 13, 14, 26, 41, 126, 1251])('maps and ticks like d3-scale for 0…%i pods', (max) => {
    const ours = gaugeScale(max, 40, 400);
    const d3 = scaleLinear().domain([0, max]).range([40, 400]);
    for (const v of [0, max / 3, max]) expect(ours(v)).toBeCloseTo(d3(v), 9);
    const count = Math.min(max, 12);
    expect(ours.ticks(count)).toEqual(d3.ticks(count).filter((t) => Number.isInteger(t)));
  });
});

describe('assignSlots', () => {
  const pods = (...uids: string[]) => uids.map((uid) => ({ uid }));
  const slots = (m: Map<string, number>) => Object.fromEntries(m);

  it.each([
    {
      name: 'with no memory, pods take slots in creation order',
      now: pods('a', 'b', 'c'),
      capacity: 4,
      previous: undefined,
      want: { a: 0, b: 1, c: 2 },
    },
    {
      name: 'a deleted pod leaves a gap; the others stay put',
      now: pods('a', 'c', 'd'),
      capacity: 4,
      previous: new Map([
        ['a', 0],
        ['b', 1],
        ['c', 2],
        ['d', 3],
      ]),
      want: { a: 0, c: 2, d: 3 },
    },
    {
      name: 'a new pod fills the lowest gap',
      now: pods('a', 'c', 'e'),
      capacity: 4,
      previous: new Map([
        ['a', 0],
        ['c', 2],
      ]),
      want: { a: 0, c: 2, e: 1 },
    },
    {
      name: 'when the lane shrinks, pods beyond it move into the gaps',
      now: pods('a', 'd'),
      capacity: 2,
      previous: new Map([
        ['a', 0],
        ['d', 3],
      ]),
      want: { a: 0, d: 1 },
    },
  ])('$name', ({ now, capacity, previous, want }) => {
    expect(slots(assignSlots(now, capacity, previous))).toEqual(want);
  });
});

/** Tiny builders of the view shapes the layout reads. */
const podView = (name: string, over: Partial<PodView> = {}): PodView => ({
  uid: name,
  name,
  image: 'luksa/kubia:v1',
  version: 'v1',
  state: 'available',
  reason: 'Running',
  node: 'node-1',
  ip: '10.0.0.1',
  progress: 0,
  restarts: 0,
  endpoint: true,
  colour: 0,
  owner: name.replace(/-[a-z0-9]{5}$/, ''),
  ...over,
});
const lane = (name: string, pods: number, desired = pods): RsView => ({
  uid: name,
  name,
  hash: name.split('-').pop() ?? '',
  revision: 1,
  image: 'luksa/kubia:v1',
  version: 'v1',
  desired,
  current: pods,
  ready: pods,
  available: pods,
  colour: 0,
  isNew: false,
  changeCause: '',
  pods: Array.from({ length: pods }, (_, i) => podView(`${name}-p${String(i).padStart(4, '0')}`)),
});
const deployment = (name: string, lanes: RsView[], replicas = 3): DeploymentView => ({
  uid: name,
  name,
  selector: `app=${name}`,
  replicas,
  strategy: 'RollingUpdate',
  minReadySeconds: 0,
  paused: false,
  updated: replicas,
  ready: replicas,
  available: replicas,
  unavailable: 0,
  conditions: [],
  budget: undefined,
  phase: { key: 'complete', vars: {}, text: 'Rollout complete' },
  lanes,
});
const view = (...deployments: DeploymentView[]): ClusterView => ({
  t: 0,
  nodes: [],
  services: [],
  deployments,
  replicaSets: [],
  loosePods: [],
});

describe('layout', () => {
  it('pods no Deployment owns get a box under the blocks, and the Service reaches them like any pod', () => {
    const v: ClusterView = {
      ...view(deployment('kubia', [lane('kubia-new', 3)])),
      loosePods: [podView('nginx', { owner: '' }), podView('solo', { owner: '' })],
    };
    const l = layout(v, false, undefined, 850);
    const block = l.blocks[0]!;
    const loose = l.loose!;
    expect(loose.y).toBeGreaterThanOrEqual(block.y + block.h);
    expect(loose.pods.map((p) => p.pod.name)).toEqual(['nginx', 'solo']);
    for (const p of loose.pods) {
      // Inside the box, under its two lines of words, in one row.
      expect(p.y - p.size.r).toBeGreaterThan(loose.y + 40);
      expect(p.y + p.size.r).toBeLessThan(loose.y + loose.h);
      expect(l.pods.get(p.pod.name)).toBe(p);
    }
    expect(routeTo(l, 'nginx', '')!.at(-1)).toEqual({ x: loose.pods[0]!.x, y: loose.pods[0]!.y - 13 });
    expect(endpointPaths(l, ['nginx'])).toHaveLength(1);
    expect(l.height).toBeGreaterThanOrEqual(loose.y + loose.h);
    // Nothing changed: the next layout keeps the box's object (its component is memoised).
    expect(layout(v, false, l.slots, 850, l).loose).toBe(loose);
    expect(layout(view(deployment('kubia', [lane('kubia-new', 3)])), false).loose).toBeNull();
  });

  it('a lane drawn as a bar gets one line from the Service, to the bar where its requests go', () => {
    const many = lane('kubia-many', 200);
    const l = layout(view(deployment('kubia', [lane('kubia-few', 3), many], 203)), false);
    const bar = l.lanes.get('kubia-many')!;
    expect(bar.aggregated).toBe(true);
    const names = [
      ...many.pods.map((p) => p.name),
      ...l.lanes.get('kubia-few')!.lane.pods.map((p) => p.name),
    ];
    const lines = endpointPaths(l, names);
    expect(lines.map((p) => p.name)).toEqual([
      ...l.lanes.get('kubia-few')!.lane.pods.map((p) => p.name),
      'kubia-many',
    ]);
    // It ends at the bar's top, straight above where routeTo takes a request to one of its pods.
    const end = routeTo(l, many.pods[0]!.name, 'kubia-many')!.at(-1)!;
    expect(lines.at(-1)!.d).toMatch(new RegExp(`H${end.x + 6} Q${end.x},\\S+ ${end.x},\\S+ V${end.y - 4}$`));
    // No endpoint in the bar's lane, no line.
    expect(endpointPaths(l, names.slice(-3)).map((p) => p.name)).not.toContain('kubia-many');
  });

  it('a ReplicaSet scaled to 0 with no pods left takes one line', () => {
    const l = layout(view(deployment('kubia', [lane('kubia-new', 3), lane('kubia-old', 0, 0)])), false);
    const [busy, idle] = l.blocks[0]!.lanes;
    expect(idle!.idle).toBe(true);
    expect(idle!.h).toBe(IDLE_LANE_H);
    expect(busy!.h).toBeGreaterThan(2 * IDLE_LANE_H);
  });

  it('a ReplicaSet scaling down to 0 keeps its lane until its last pod is gone', () => {
    const l = layout(view(deployment('kubia', [lane('kubia-new', 3), lane('kubia-old', 2, 0)])), false);
    expect(l.blocks[0]!.lanes[1]!.idle).toBe(false);
  });

  it.each([
    ['a desktop box', 850, false],
    ['a phone', 360, true],
  ])('on %s (%i units) words go beside the pods unless narrow', (_name, width, narrow) => {
    const l = layout(view(deployment('kubia', [lane('kubia-a', 10)], 10)), false, undefined, width);
    expect(l.frame.narrow).toBe(narrow);
    const xs = l.blocks[0]!.lanes[0]!.pods.map((p) => p.x);
    // Every pod inside the block, left of the trunk.
    expect(Math.max(...xs)).toBeLessThan(l.frame.blockR);
    expect(Math.min(...xs)).toBeGreaterThan(narrow ? 0 : l.frame.labelW);
  });

  it('a wider box gets longer rows of pods, not larger ones', () => {
    const at = (w: number) =>
      layout(view(deployment('kubia', [lane('kubia-a', 20)], 20)), false, undefined, w);
    const narrow = at(700);
    const wide = at(1400);
    const r = (l: ReturnType<typeof at>) => l.blocks[0]!.lanes[0]!.pods[0]!.size.r;
    expect(r(narrow)).toBe(r(wide));
    expect(wide.height).toBeLessThan(narrow.height);
  });

  it('is pure: the memory it is given is not changed, and the next memory is returned', () => {
    const memory: SlotMemory = new Map();
    const l = layout(view(deployment('kubia', [lane('kubia-a', 3)])), false, memory);
    expect(memory.size).toBe(0);
    expect([...l.slots.values()][0]?.size).toBe(3);
  });

  describe('keeps what did not change from the layout drawn last', () => {
    const a = lane('kubia-a', 3);
    const b = lane('kubia-b', 4);
    const drawn = (v: ClusterView) => {
      const m = new LayoutMemory();
      m.remember(layout(v, false, m.slots, 1000, m.drawn));
      return m;
    };

    it('the same views give back the same objects, down to the pod index', () => {
      const v = view(deployment('kubia', [a, b]));
      const m = drawn(v);
      const next = layout({ ...v, t: 1 }, false, m.slots, 1000, m.drawn);
      expect(next.frame).toBe(m.drawn!.frame);
      expect(next.blocks[0]).toBe(m.drawn!.blocks[0]);
      expect(next.pods).toBe(m.drawn!.pods);
      expect(next.slots.get('kubia-a/13')).toBe(m.slots.get('kubia-a/13'));
    });

    it('a lane whose view changed is laid out again; the lanes before it are kept', () => {
      const m = drawn(view(deployment('kubia', [a, b])));
      const b2 = { ...b, pods: b.pods.slice(1) };
      const next = layout(view(deployment('kubia', [a, b2])), false, m.slots, 1000, m.drawn);
      const [la, lb] = next.blocks[0]!.lanes;
      expect(la).toBe(m.drawn!.blocks[0]!.lanes[0]);
      expect(lb).not.toBe(m.drawn!.blocks[0]!.lanes[1]);
      expect(next.blocks[0]).not.toBe(m.drawn!.blocks[0]);
      expect(next.pods).not.toBe(m.drawn!.pods);
      // The pods left keep their places.
      expect(lb!.pods.map((p) => p.x)).toEqual(m.drawn!.blocks[0]!.lanes[1]!.pods.slice(1).map((p) => p.x));
    });

    it('a lane that moved, or another width, is laid out again', () => {
      const m = drawn(view(deployment('kubia', [a, b])));
      const moved = layout(
        view(deployment('kubia', [lane('kubia-c', 3), a, b])),
        false,
        m.slots,
        1000,
        m.drawn,
      );
      expect(moved.lanes.get('kubia-a')).not.toBe(m.drawn!.lanes.get('kubia-a'));
      const wider = layout(view(deployment('kubia', [a, b])), false, m.slots, 1200, m.drawn);
      expect(wider.frame).not.toBe(m.drawn!.frame);
      expect(wider.lanes.get('kubia-a')).not.toBe(m.drawn!.lanes.get('kubia-a'));
    });

    it('gives the same layout as one made from scratch', () => {
      const m = drawn(view(deployment('kubia', [a, b])));
      const v = view(deployment('kubia', [a, { ...b, pods: b.pods.slice(2) }]));
      const kept = layout(v, false, m.slots, 1000, m.drawn);
      const fresh = layout(v, false, m.slots, 1000);
      expect(
        JSON.parse(JSON.stringify({ ...kept, pods: [...kept.pods], lanes: [...kept.lanes], slots: [] })),
      ).toEqual(
        JSON.parse(JSON.stringify({ ...fresh, pods: [...fresh.pods], lanes: [...fresh.lanes], slots: [] })),
      );
    });
  });
});
