import { describe, expect, it } from 'vitest';
import { parseManifests } from '../k8s/yaml.ts';
import { runKubectl } from '../kubectl/index.ts';
import { kubiaYaml } from '../test-helpers/builders.ts';
import { applyAll } from './apply.ts';
import { SimCluster } from './cluster.ts';

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
