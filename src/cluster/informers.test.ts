/**
 * Controllers declare their own informer handlers (ARCHITECTURE.md, "The cluster's parts"); these
 * tables pin what a change wakes, handler by handler, as upstream's event handlers do.
 */
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../k8s/types.ts';
import { deployment, newSim, pod, rs, seed } from '../test-helpers/builders.ts';
import type { ControllerContext, QueueName } from './context.ts';
import { deploymentInformers } from './controllers/deployment/controller.ts';
import { garbageCollectorInformers } from './controllers/garbagecollector.ts';
import type { Change } from './store.ts';

/** A context that only records what the handler enqueues, reading the simulator's store. */
function recorder(store: ControllerContext['store']) {
  const woken: string[] = [];
  const ctx = {
    store,
    enqueue: (q: QueueName, key: string) => woken.push(`${q} ${key}`),
    enqueueAfter: (q: QueueName, key: string, s: number) => woken.push(`${q} ${key} +${s}s`),
  } as unknown as ControllerContext;
  return { ctx, woken };
}

describe('the Deployment controller wakes on the deletion of a Recreate Deployment’s pod', () => {
  it.each([
    ['Recreate', 'deleted', ['deployment default/web']],
    ['Recreate', 'updated', []],
    ['RollingUpdate', 'deleted', []],
  ] as const)('%s, pod %s: %j', (strategy, type, expected) => {
    const sim = newSim();
    const d = seed(sim, deployment('web', { strategy }))[0]!;
    const r = seed(sim, rs('web-1', 1, { owner: d }))[0]!;
    const p = pod({ name: 'web-1-a', owner: r, labels: { app: 'web' } });
    const { ctx, woken } = recorder(sim.store);
    const change: Change = { type, kind: 'Pod', old: p, obj: p };
    deploymentInformers.Pod!(change, 'default/web-1-a', ctx, sim.world);
    expect(woken).toEqual(expected);
  });
});

describe('a ReplicaSet change wakes the Deployments that own it, owned it, or could adopt it', () => {
  it('its owner before and after the change, and a Deployment selecting an orphan', () => {
    const sim = newSim();
    const [a, b] = seed(
      sim,
      deployment('a', { labels: { app: 'x' } }),
      deployment('b', { labels: { app: 'y' } }),
    ) as [Deployment, Deployment];
    const owned = rs('a-1', 1, { owner: a, labels: { app: 'x' } });
    const moved = rs('a-1', 1, { owner: b, labels: { app: 'x' } });
    const orphan = rs('loose', 1, { labels: { app: 'y' } });
    const cases: [Change, string[]][] = [
      [
        { type: 'updated', kind: 'ReplicaSet', old: owned, obj: moved },
        ['deployment default/b', 'deployment default/a'],
      ],
      [{ type: 'added', kind: 'ReplicaSet', old: undefined, obj: orphan }, ['deployment default/b']],
    ];
    for (const [change, expected] of cases) {
      const { ctx, woken } = recorder(sim.store);
      deploymentInformers.ReplicaSet!(change, 'default/x', ctx, sim.world);
      expect(woken).toEqual(expected);
    }
  });
});

describe('the garbage collector wakes on a deleted owner', () => {
  it.each([
    ['Deployment', 'deleted', ['gc uid-web']],
    ['Deployment', 'updated', []],
    ['ReplicaSet', 'deleted', ['gc uid-web']],
  ] as const)('%s %s: %j', (kind, type, expected) => {
    const obj = { ...deployment('web'), kind };
    const { ctx, woken } = recorder(newSim().store);
    garbageCollectorInformers[kind]!({ type, kind, old: obj, obj }, 'default/web', ctx, newSim().world);
    expect(woken).toEqual(expected);
  });
});
