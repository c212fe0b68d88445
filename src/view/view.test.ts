/**
 * Pod views are made once per pod object and kept while they still hold (see `podView`): what a
 * frame shows must be what the pod's state at that moment says, whatever path time took to get
 * there (playing, seeking back, seeking forward), and a pod whose view did not change keeps the
 * same object from frame to frame.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun, type Pod, type Scenario } from '../index.ts';
import { drawnPods, podState } from './view.ts';

const deployment = (replicas: number, minReadySeconds: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'kubia', labels: { app: 'kubia' } },
  spec: {
    replicas,
    minReadySeconds,
    selector: { matchLabels: { app: 'kubia' } },
    template: {
      metadata: { labels: { app: 'kubia' } },
      spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }] },
    },
  },
});

const scenario = (minReadySeconds: number): Scenario => ({
  apiVersion: 'rolloutlab/v1',
  kind: 'Scenario',
  metadata: { name: 'views' },
  spec: {
    seed: 7,
    cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
    timing: {},
    manifests: JSON.stringify([deployment(6, minReadySeconds)]),
    steps: [{ at: 20, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' }],
  },
});

/** Each pod's state, reason and progress in a frame, next to what its object says at that moment. */
function compare(run: ReturnType<typeof createRun>, minReadySeconds: number) {
  const f = run.frame();
  const byName = new Map(f.objects.pods.map((p) => [p.metadata.name, p as Pod]));
  const shown = f.view.deployments.flatMap((d) => d.lanes.flatMap((l) => l.pods));
  expect(shown.length).toBe(f.objects.pods.length);
  for (const v of shown) {
    const s = podState(byName.get(v.name)!, minReadySeconds, f.t, f.timing);
    expect({ name: v.name, state: v.state, reason: v.reason, progress: v.progress }).toEqual({
      name: v.name,
      state: s.state,
      reason: s.reason,
      progress: Math.round(s.progress * 16) / 16,
    });
  }
}

describe('pod views', () => {
  it('show each pod as its object says at the moment, along any path through time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 5),
        fc.array(fc.oneof(fc.double({ min: 0.01, max: 3, noNaN: true }), fc.integer({ min: 0, max: 60 })), {
          minLength: 1,
          maxLength: 25,
        }),
        (minReady, moves) => {
          const run = createRun(scenario(minReady));
          for (const m of moves) {
            // A fraction plays on; a whole number seeks (back or forward) to that moment.
            if (Number.isInteger(m)) run.seek(m);
            else run.advance(m);
            compare(run, minReady);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('keep their object while nothing about the pod changed', () => {
    const run = createRun(scenario(0));
    run.seek(21);
    const before = new Map(
      run.frame().view.deployments.flatMap((d) => d.lanes.flatMap((l) => l.pods.map((p) => [p.uid, p]))),
    );
    run.advance(0.01);
    const after = run.frame().view.deployments.flatMap((d) => d.lanes.flatMap((l) => l.pods));
    // ContainerCreating and Terminating pods too: a hundredth of a second is within one 1/16 step.
    expect(after.some((p) => p.state === 'creating' || p.state === 'terminating')).toBe(true);
    for (const p of after) expect(p).toBe(before.get(p.uid));
  });
});

describe('who owns the pods drawn', () => {
  const replicaSet = (name: string, image: string, minReadySeconds = 0) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas: 2,
      minReadySeconds,
      selector: { matchLabels: { app: 'kubia', rs: name } },
      template: {
        metadata: { labels: { app: 'kubia', rs: name } },
        spec: { containers: [{ name: 'nodejs', image, ports: [{ containerPort: 8080 }] }] },
      },
    },
  });

  it('draws a ReplicaSet of no Deployment as a lane of its own, and only pods of no ReplicaSet loose', () => {
    const run = createRun({
      ...scenario(0),
      spec: {
        ...scenario(0).spec,
        manifests: JSON.stringify([
          deployment(1, 0),
          replicaSet('kubia-v1', 'luksa/kubia:v1', 5),
          replicaSet('kubia-v2', 'luksa/kubia:v2'),
        ]),
        steps: [{ at: 1, run: 'kubectl run lone --image=luksa/kubia:v3' }],
      },
    });
    run.seek(30);
    const v = run.frame().view;
    expect(v.deployments.map((d) => d.lanes.map((l) => l.pods.length))).toEqual([[1]]);
    expect(v.replicaSets.map((l) => [l.name, l.version, l.revision, l.isNew, l.pods.length])).toEqual([
      ['kubia-v1', 'v1', 0, false, 2],
      ['kubia-v2', 'v2', 0, false, 2],
    ]);
    expect(v.loosePods.map((p) => p.name)).toEqual(['lone']);
    expect(
      drawnPods(v)
        .map((p) => p.name)
        .sort(),
    ).toEqual(
      run
        .frame()
        .objects.pods.map((p) => p.metadata.name)
        .sort(),
    );
    // Its pods are counted ready by its own minReadySeconds.
    run.seek(1);
    run.seek(12);
    const early = run.frame().view.replicaSets;
    expect(early[0]!.pods.every((p) => p.state !== 'available')).toBe(true);
    expect(early[1]!.pods.every((p) => p.state === 'available')).toBe(true);
  });
});
