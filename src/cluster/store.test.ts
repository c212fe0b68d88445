import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types.ts';
import { Store } from './store.ts';

const pod = (name: string, owner: string, phase = 'Pending'): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true },
      ],
    },
    status: { phase },
  }) as unknown as KubeObject;

const names = (s: Store, uid: string) => s.listControlledBy(uid, 'Pod').map((o) => o.metadata.name);

describe('Store save and load', () => {
  it('lists a controller’s objects in the order of their last writes after a load, as before the save', () => {
    const s = new Store();
    for (const n of ['a', 'b', 'c', 'd']) s.put(pod(n, 'rs-1'));
    s.put(pod('x', 'rs-2'));
    // Each update moves the pod to the end of its controller's list (what the controllers read).
    s.put(pod('b', 'rs-1', 'Running'));
    s.put(pod('a', 'rs-1', 'Running'));
    s.remove('Pod', 'default', 'c');
    s.put(pod('c', 'rs-1'));
    const before = names(s, 'rs-1');
    expect(before).toEqual(['d', 'b', 'a', 'c']);

    const loaded = new Store();
    loaded.load(s.save());
    expect(names(loaded, 'rs-1')).toEqual(before);
    expect(names(loaded, 'rs-2')).toEqual(['x']);
    // The store's own order (first writes) is kept too.
    expect([...loaded.values('Pod')].map((o) => o.metadata.name)).toEqual(
      [...s.values('Pod')].map((o) => o.metadata.name),
    );
  });
});

describe('Store save: what it shares', () => {
  const podList = (d: ReturnType<Store['save']>) => d.kinds.find(([k]) => k === 'Pod')![1];

  it('saves a kind not written since as the same list, and keeps nothing of a save that does not remember', () => {
    const s = new Store();
    s.put(pod('a', 'rs-1'));
    const first = s.save();
    expect(podList(s.save())).toBe(podList(first));
    expect(podList(s.save(false))).toBe(podList(first));

    s.put(pod('b', 'rs-1'));
    // An undo point: a fresh list, which the next save does not share (it would keep deleted pods).
    const once = podList(s.save(false));
    const next = podList(s.save());
    expect(next).toEqual(once);
    expect(next).not.toBe(once);
    expect(podList(s.save(false))).toBe(next);
    // Pairs are made once per object either way.
    expect(next[0]).toBe(podList(first)[0]);
  });
});
