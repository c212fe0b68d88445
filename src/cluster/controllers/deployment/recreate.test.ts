/**
 * Recreate (K8S-SEMANTICS §5.5, pkg/controller/deployment/recreate.go and recreate_test.go
 * TestOldPodsRunning): scale every old ReplicaSet to 0, wait until no old pod exists at all
 * (terminating and Unknown ones count), then create the new ReplicaSet at full size.
 */
import { describe, expect, it } from 'vitest';
import { applyAll } from '../../apply.ts';
import { parseManifests } from '../../../k8s/yaml.ts';
import { runKubectl } from '../../../kubectl/index.ts';
import type { Deployment, Pod, ReplicaSet } from '../../../k8s/types.ts';
import { kubiaYaml, newSim, pod, rs, scalingMessages, zeroTiming } from '../../../test-helpers/builders.ts';
import { oldPodsRunning } from './recreate.ts';

describe('oldPodsRunning (TestOldPodsRunning)', () => {
  const oldRS = rs('foo-old', 0, { statusReplicas: 0, available: 0 });
  const newRS = rs('foo-new', 1);
  const podsOf = (owner: ReplicaSet, ...phases: (Pod['status']['phase'] | 'Terminating')[]) =>
    phases.map((phase, i) =>
      pod({
        name: `${owner.metadata.name}-${i}`,
        owner,
        phase: phase === 'Terminating' ? 'Running' : phase,
        terminating: phase === 'Terminating',
      }),
    );
  it.each<[string, ReplicaSet | undefined, ReplicaSet[], Map<string, Pod[]>, boolean]>([
    ['no old RSes, no pods', undefined, [], new Map(), false],
    [
      'old RS status still counts a pod',
      undefined,
      [rs('foo-old', 0, { statusReplicas: 1 })],
      new Map(),
      true,
    ],
    ['only the new RS has pods', newRS, [oldRS], new Map([['uid-foo-new', podsOf(newRS, 'Running')]]), false],
    ['a running old pod', newRS, [oldRS], new Map([['uid-foo-old', podsOf(oldRS, 'Running')]]), true],
    [
      'a terminating old pod counts',
      newRS,
      [oldRS],
      new Map([['uid-foo-old', podsOf(oldRS, 'Terminating')]]),
      true,
    ],
    ['a pending old pod counts', newRS, [oldRS], new Map([['uid-foo-old', podsOf(oldRS, 'Pending')]]), true],
    ['an Unknown old pod counts', newRS, [oldRS], new Map([['uid-foo-old', podsOf(oldRS, 'Unknown')]]), true],
    [
      'finished old pods do not count',
      newRS,
      [oldRS],
      new Map([['uid-foo-old', podsOf(oldRS, 'Succeeded', 'Failed')]]),
      false,
    ],
    [
      'a mix with one running pod',
      newRS,
      [oldRS],
      new Map([['uid-foo-old', podsOf(oldRS, 'Succeeded', 'Failed', 'Running')]]),
      true,
    ],
  ])('%s', (_name, n, olds, podMap, expected) => {
    expect(oldPodsRunning(n, olds, podMap) > 0).toBe(expected);
  });
});

describe('rolloutRecreate through the controllers (§5.5)', () => {
  function cluster(terminationSeconds: number) {
    const sim = newSim(3, { ...zeroTiming, terminationSeconds });
    applyAll(sim, parseManifests(kubiaYaml({ replicas: 3, strategy: 'Recreate' })));
    sim.advance(1);
    return sim;
  }
  const replicaSets = (sim: ReturnType<typeof newSim>) =>
    sim.store
      .list<ReplicaSet>('ReplicaSet')
      .map((r) => [r.spec.template.spec.containers[0]?.image, r.spec.replicas]);
  const images = (sim: ReturnType<typeof newSim>) =>
    sim.store
      .list<Pod>('Pod')
      .map((p) => `${p.spec.containers[0]?.image}${p.metadata.deletionTimestamp ? ' (terminating)' : ''}`);

  it('waits for terminating old pods before it creates the new ReplicaSet at full size', () => {
    const sim = cluster(5);
    const podsWhenCreated: string[][] = [];
    sim.watch((c) => {
      if (c.kind === 'ReplicaSet' && c.type === 'added') podsWhenCreated.push(images(sim));
    });
    expect(runKubectl(sim, 'set image deployment/kubia nodejs=luksa/kubia:v2').exitCode).toBe(0);
    sim.advance(0);
    // Old RS at 0, its pods terminating; no new RS yet.
    expect(replicaSets(sim)).toEqual([['luksa/kubia:v1', 0]]);
    expect(images(sim)).toEqual(Array(3).fill('luksa/kubia:v1 (terminating)'));
    sim.advance(60);
    // The new RS was created only once every old pod was gone, directly at 3.
    expect(podsWhenCreated).toEqual([[]]);
    expect(images(sim)).toEqual(Array(3).fill('luksa/kubia:v2'));
    const [v1, v2] = sim.store
      .list<ReplicaSet>('ReplicaSet')
      .sort((a, b) => (a.spec.replicas ?? 0) - (b.spec.replicas ?? 0));
    expect(scalingMessages(sim.eventList()).slice(1)).toEqual([
      `Scaled down replica set ${v1!.metadata.name} from 3 to 0`,
      `Scaled up replica set ${v2!.metadata.name} to 3`,
    ]);
  });

  it('shows the outage in conditions: Available=False while the new pods are missing', () => {
    const sim = cluster(5);
    runKubectl(sim, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    sim.advance(1);
    const d = sim.getObject<Deployment>('deployment', 'kubia');
    expect(d?.status.conditions?.find((c) => c.type === 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
    });
    sim.advance(60);
    const after = sim.getObject<Deployment>('deployment', 'kubia');
    expect(after?.status.conditions?.find((c) => c.type === 'Available')?.status).toBe('True');
  });

  it('with instant termination the new RS follows in the same instant', () => {
    const sim = cluster(0);
    runKubectl(sim, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    sim.advance(0);
    expect(images(sim)).toEqual(Array(3).fill('luksa/kubia:v2'));
  });
});
