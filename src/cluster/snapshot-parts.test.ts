import { describe, expect, it } from 'vitest';
import { parseManifests } from '../k8s/yaml.ts';
import { runKubectl } from '../kubectl/index.ts';
import { KUBIA_SERVICE, kubiaYaml } from '../test-helpers/builders.ts';
import { applyAll } from './apply.ts';
import { SimCluster } from './cluster.ts';
import { packRequests, unpackRequests } from './snapshot-parts.ts';
import type { RequestRecord } from './traffic.ts';

function running(): SimCluster {
  const c = new SimCluster({ seed: 3 });
  applyAll(c, parseManifests(kubiaYaml({ replicas: 3 })));
  c.advance(30);
  return c;
}

describe('snapshots share what did not change', () => {
  it('shares unchanged kubelet records and lists with the last snapshot', () => {
    const c = running();
    const first = c.snapshot();
    const again = c.snapshot();
    expect(again.world.pods).toBe(first.world.pods);
    expect(again.store.kinds).toEqual(first.store.kinds);
    again.store.kinds.forEach(([, list], i) => expect(list).toBe(first.store.kinds[i]![1]));
  });

  it('a transient snapshot (undo point, fork) shares the last snapshot’s parts, and leaves none of its own behind', () => {
    const c = running();
    const first = c.snapshot();
    expect(c.transientSnapshot().world.pods).toBe(first.world.pods);

    // The command takes a transient snapshot too (its undo point).
    expect(runKubectl(c, 'scale deployment kubia --replicas=4').exitCode).toBe(0);
    c.advance(20);
    const once = c.transientSnapshot();
    const next = c.snapshot();
    expect(next).toEqual(once);
    // Made afresh: what the transient one made was not kept (it would hold pods deleted since).
    const pods = (s: typeof next) => s.store.kinds.find(([k]) => k === 'Pod')![1];
    expect(pods(next)).toHaveLength(4);
    expect(pods(next)).not.toBe(pods(once));
    const newRecords = next.world.pods.filter((p) => !first.world.pods.includes(p));
    expect(newRecords.length).toBeGreaterThan(0);
    for (const p of newRecords) expect(once.world.pods).not.toContain(p);
    // And what the snapshot made is shared again.
    expect(c.transientSnapshot().world.pods).toBe(next.world.pods);
    expect(pods(c.transientSnapshot())).toBe(pods(next));
  });
});

describe('what checkpoints keep apart', () => {
  /** Three kubia pods answering 20 requests/s through their Service. */
  function serving(): SimCluster {
    const c = new SimCluster({ seed: 3 });
    applyAll(c, parseManifests(`${kubiaYaml({ replicas: 3 })}---\n${KUBIA_SERVICE}`));
    c.setTraffic('kubia', 20);
    c.advance(40);
    return c;
  }
  const answered = (t: number, pod: string, version: string, status = 200): RequestRecord => ({
    t,
    service: 'kubia',
    pod,
    version,
    status,
    latencyMs: 7.3,
  });
  const refused = (t: number): RequestRecord => ({
    t,
    service: 'kubia',
    pod: null,
    version: null,
    status: 0,
    latencyMs: 1,
  });
  it.each<[string, RequestRecord[]]>([
    ['none', []],
    ['one answered', [answered(0.125, 'kubia-7d5b8f9c4-abcde', 'v1')]],
    ['one refused', [refused(3.000001)]],
    [
      'answers by two versions, a 5xx and a refusal, times to the microsecond',
      [
        answered(10.0625, 'kubia-7d5b8f9c4-abcde', 'v1'),
        answered(10.187501, 'kubia-6c9f7b5d8-fghij', 'v2', 500),
        refused(10.3125),
        answered(10.437499, 'kubia-7d5b8f9c4-abcde', 'v1'),
        { ...answered(1e6 + 0.1, 'x', 'v3'), latencyMs: 14.9 },
      ],
    ],
  ])('packed requests unpack to the same records in the same order: %s', (_, records) => {
    const again = unpackRequests(packRequests(records));
    expect(again).toEqual(records);
    // Field order too: a restored cluster's snapshot is compared and stored as text.
    expect(JSON.stringify(again)).toBe(JSON.stringify(records));
  });

  it('a checkpoint under traffic rewinds to the same snapshot, the requests of the last seconds included', () => {
    const c = serving();
    const cp = c.checkpoint();
    const before = c.snapshot();
    expect(before.world.traffic.recent).toHaveLength(600);
    expect(before.world.traffic.recent.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(runKubectl(c, 'scale deployment kubia --replicas=1').exitCode).toBe(0);
    c.advance(45);
    c.rewind(cp);
    expect(JSON.stringify(c.snapshot())).toBe(JSON.stringify(before));
  });

  it('two checkpoints with no app log begun or ended share the list of logs', () => {
    const c = serving();
    const first = c.checkpoint();
    c.advance(10);
    const second = c.checkpoint();
    expect(second.logs.logs).toBe(first.logs.logs);
    expect(second.logs.counts).not.toEqual(first.logs.counts);
    expect(runKubectl(c, 'scale deployment kubia --replicas=4').exitCode).toBe(0);
    c.advance(30);
    expect(c.checkpoint().logs.logs).not.toBe(second.logs.logs);
  });

  it('checkpoints made while pods come and go (a rolling update) each rewind to the cluster as it was', () => {
    const c = serving();
    expect(runKubectl(c, 'set image deployment/kubia nodejs=luksa/kubia:v2').exitCode).toBe(0);
    const taken: [ReturnType<SimCluster['checkpoint']>, string][] = [];
    for (let i = 0; i < 12; i++) {
      taken.push([c.checkpoint(), JSON.stringify(c.snapshot())]);
      c.advance(5);
    }
    // Records replaced between checkpoints: the logs' cells are found by key, not by place.
    const keys = (cp: ReturnType<SimCluster['checkpoint']>) => cp.snapshot.world.pods.map(([k]) => k).join();
    expect(new Set(taken.map(([cp]) => keys(cp))).size).toBeGreaterThan(2);
    for (const [cp, snapshot] of [...taken].reverse()) {
      c.rewind(cp);
      expect(JSON.stringify(c.snapshot())).toBe(snapshot);
    }
  });
});
