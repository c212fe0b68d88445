/**
 * The event correlator, through the recorder that runs it: the cases of client-go's
 * TestEventCorrelator (tools/record/events_cache_test.go), then its spam filter's arithmetic with
 * the expected counts worked out by hand from the token bucket (25 at once, one per 300 s).
 */
import { describe, expect, it } from 'vitest';
import type { KubeEvent, Pod } from '../k8s/types.ts';
import { SimCluster } from './cluster.ts';
import { COMBINED_PREFIX } from './correlator.ts';
import { Recorder } from './recorder.ts';

const pod = (name: string, namespace = 'my-ns'): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, resourceVersion: '1' },
    spec: { containers: [] },
  }) as unknown as Pod;

/** [reason, message, pod name]; every event comes from the kubelet on node-1, about a pod. */
type Call = [reason: string, message: string, name?: string];

function recorder(): { r: Recorder; send: (t: number, c: Call) => void } {
  let rv = 0;
  const r = new Recorder(() => String(++rv));
  const pods = new Map<string, Pod>();
  const send = (t: number, [reason, message, name = 'my-pod']: Call) => {
    if (!pods.has(name)) pods.set(name, pod(name));
    r.event(t, pods.get(name)!, 'Normal', reason, message, 'kubelet', 'node-1');
  };
  return { r, send };
}

const repeat = (n: number, c: Call): Call[] => Array.from({ length: n }, () => c);
const similar = (n: number, [reason, message]: Call): Call[] =>
  Array.from({ length: n }, (_, i) => [reason, `${message}-${i}`]);

/** What the last call wrote: its message and count; undefined when it was dropped. */
function written(log: readonly KubeEvent[], before: readonly KubeEvent[]): [string, number] | undefined {
  const changed = log.find((e, i) => e !== before[i]);
  return changed && [changed.message, changed.count];
}

const MAX = 10;
const BURST = 25;

describe("client-go's TestEventCorrelator, through the recorder", () => {
  const cases: {
    name: string;
    previous: Call[];
    next: Call;
    interval: number;
    expected: [string, number] | undefined;
  }[] = [
    {
      name: 'create a single event',
      previous: [],
      next: ['first', 'i am first'],
      interval: 5,
      expected: ['i am first', 1],
    },
    {
      name: 'the same event just counts',
      previous: repeat(1, ['duplicate', 'me again']),
      next: ['duplicate', 'me again'],
      interval: 5,
      expected: ['me again', 2],
    },
    {
      name: 'the same event just counts, even more often than the aggregate allows',
      previous: repeat(MAX, ['duplicate', 'me again']),
      next: ['duplicate', 'me again'],
      interval: 30,
      expected: ['me again', MAX + 1],
    },
    {
      name: 'the same event is spam when it happens too often',
      previous: repeat(BURST + 1, ['duplicate', 'me again']),
      next: ['duplicate', 'me again'],
      interval: 1,
      expected: undefined,
    },
    {
      name: 'many unique events (about different objects) are all written',
      previous: Array.from({ length: 30 }, (_, i): Call => [`reason-${i}`, `message-${i}`, `pod-${i}`]),
      next: ['unique', 'snowflake'],
      interval: 5,
      expected: ['snowflake', 1],
    },
    {
      name: 'similar events aggregate',
      previous: similar(MAX - 1, ['similar', 'similar message']),
      next: ['similar', 'similar message'],
      interval: 5,
      expected: [`${COMBINED_PREFIX}similar message`, 1],
    },
    {
      name: 'similar events, many times, count the aggregate',
      previous: similar(MAX, ['similar', 'similar message']),
      next: ['similar', 'similar message'],
      interval: 5,
      expected: [`${COMBINED_PREFIX}similar message`, 2],
    },
    {
      name: 'similar events further apart than the aggregate interval do not aggregate',
      previous: similar(MAX - 1, ['similar', 'similar message']),
      next: ['similar', 'similar message'],
      interval: 601,
      expected: ['similar message', 1],
    },
    {
      name: 'exactly the aggregate interval apart, they still do',
      previous: similar(MAX - 1, ['similar', 'similar message']),
      next: ['similar', 'similar message'],
      interval: 600,
      expected: [`${COMBINED_PREFIX}similar message`, 1],
    },
  ];

  it.each(cases)('$name', ({ previous, next, interval, expected }) => {
    const { r, send } = recorder();
    previous.forEach((c, i) => send(i * interval, c));
    const before = [...r.eventList()];
    send(previous.length * interval, next);
    expect(written(r.eventList(), before)).toEqual(expected);
  });
});

describe('the spam filter: 25 events about an object at once, then one per 300 s', () => {
  it('lets 25 through, drops the rest, and counts the dropped ones in the next it lets through', () => {
    const { r, send } = recorder();
    // One probe failure a second for 30 s: 25 written (the first and 24 repeats), 5 dropped.
    for (let t = 0; t < 30; t++) send(t, ['Unhealthy', 'Readiness probe failed']);
    expect(r.eventList().map((e) => [e.count, e.lastTimestamp])).toEqual([[25, '2025-01-01T00:00:24Z']]);
    // At 24 s the bucket held 24/300 of a token; a whole one is there at 300 s and a little
    // after; 31 = 25 written + 5 dropped + this one.
    send(301, ['Unhealthy', 'Readiness probe failed']);
    expect(r.eventList().map((e) => [e.count, e.lastTimestamp])).toEqual([[31, '2025-01-01T00:05:01Z']]);
    // The next whole token is 300 s later still.
    send(400, ['Unhealthy', 'Readiness probe failed']);
    send(601, ['Unhealthy', 'Readiness probe failed']);
    expect(r.eventList()[0]!.count).toBe(33);
  });

  it('is per source and object: other reasons about it share the bucket, other objects do not', () => {
    const { r, send } = recorder();
    for (let i = 0; i < BURST; i++) send(0, [`reason-${i}`, 'message']);
    send(1, ['another', 'message']);
    send(1, ['another', 'message', 'other-pod']);
    expect(r.eventList()).toHaveLength(BURST + 1);
    expect(r.eventList().at(-1)!.involvedObject.name).toBe('other-pod');
  });

  it('a first event that was dropped is written later with its count and first time', () => {
    const { r, send } = recorder();
    for (let i = 0; i < BURST; i++) send(0, [`reason-${i}`, 'message']);
    send(10, ['late', 'dropped at first']);
    send(300, ['late', 'dropped at first']);
    const late = r.eventList().find((e) => e.reason === 'late')!;
    expect([late.count, late.firstTimestamp, late.lastTimestamp]).toEqual([
      2,
      '2025-01-01T00:00:10Z',
      '2025-01-01T00:05:00Z',
    ]);
  });
});

describe('aggregation', () => {
  it('a ReplicaSet creating 12 pods writes 9 events and one combined event counting 3', () => {
    const { r, send } = recorder();
    for (let i = 0; i < 12; i++) send(0, ['SuccessfulCreate', `Created pod: kubia-${i}`]);
    expect(r.eventList().map((e) => [e.message, e.count])).toEqual([
      ...Array.from({ length: 9 }, (_, i) => [`Created pod: kubia-${i}`, 1]),
      [`${COMBINED_PREFIX}Created pod: kubia-11`, 3],
    ]);
  });

  it('over the limit, the oldest message of the group is forgotten first', () => {
    const { r, send } = recorder();
    for (let i = 0; i < 10; i++) send(i, ['ScalingReplicaSet', `step ${i}`]);
    // "step 0" was forgotten when "step 9" was combined: it is combined too. "step 8" is still
    // remembered: it counts on its own event.
    send(20, ['ScalingReplicaSet', 'step 8']);
    send(21, ['ScalingReplicaSet', 'step 0']);
    const byMessage = new Map(r.eventList().map((e) => [e.message, e.count]));
    expect(byMessage.get('step 8')).toBe(2);
    expect(byMessage.get('step 0')).toBe(1);
    expect(byMessage.get(`${COMBINED_PREFIX}step 0`)).toBe(2);
  });
});

describe('snapshots carry the correlators', () => {
  it('a restored cluster drops and counts as the one it was taken from', () => {
    const make = () => {
      const c = new SimCluster({ seed: 1 });
      return { c, p: pod('probe') };
    };
    const burst = (c: SimCluster, p: Pod, from: number, to: number) => {
      for (let t = from; t < to; t++) {
        c.now = t;
        c.event(p, 'Warning', 'Unhealthy', 'Readiness probe failed', 'kubelet', 'node-1');
      }
    };
    const a = make();
    burst(a.c, a.p, 0, 28);
    const raw = a.c.snapshot();
    const s = JSON.parse(JSON.stringify(raw));
    burst(a.c, a.p, 28, 30);
    // The snapshot shares the correlator's records; later events change copies, not them.
    expect(JSON.parse(JSON.stringify(raw.correlators))).toEqual(s.correlators);
    const b = make();
    b.c.restore(s);
    burst(b.c, b.p, 28, 30);
    for (const { c, p } of [a, b]) burst(c, p, 301, 302);
    const counts = [a, b].map(({ c }) => c.eventList().map((e) => [e.reason, e.count]));
    expect(counts[0]).toEqual([['Unhealthy', 31]]);
    expect(counts[1]).toEqual(counts[0]);
  });

  it('refuses a snapshot whose correlators are malformed', () => {
    const c = new SimCluster({ seed: 1 });
    const s = { ...c.snapshot(), correlators: [['kubelet', [['uid', 'not a time', [], []]]]] };
    expect(() => c.restore(s as never)).toThrow(/correlators\[0\]\[1\]\[0\]/);
  });
});
