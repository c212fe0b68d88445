/**
 * Whole rollouts through the public API (src/index.ts) with every timing 0, compared with the worked
 * examples of K8S-SEMANTICS §5.3, §5.4, §5.5, §6, §7 and §8.4 as sequences of `ScalingReplicaSet`
 * event messages. ReplicaSet names are rewritten to their image tag (`kubia-7d8b…` → `v1`) so the
 * expectations read like the document. Pods that never become Ready use an image whose tag ends in
 * `-missing` (ErrImagePull).
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type Deployment, type ReplicaSet } from '../index.ts';
import { kubiaYaml, scalingMessages, zeroTiming } from '../test-helpers/builders.ts';
import { applyAll } from './apply.ts';
import { parseManifests } from '../k8s/yaml.ts';
import { runKubectl } from '../kubectl/index.ts';
import { newSim } from '../test-helpers/builders.ts';

function start(o: Parameters<typeof kubiaYaml>[0] = {}, seed = 1): Cluster {
  const c = createCluster({ seed, timing: zeroTiming });
  c.apply(kubiaYaml(o));
  c.advance(1);
  return c;
}

function run(c: Cluster, command: string): string {
  const r = c.kubectl(command);
  // `rollout undo` of an applied Deployment warns about last-applied-configuration (§7.1).
  expect(r.stderr.replace(/^Warning: .*\n/, '')).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

const replicaSets = (c: Cluster) => c.list('replicaset') as ReplicaSet[];
const tag = (r: ReplicaSet) => (r.spec.template.spec.containers[0]?.image ?? '').split(':')[1] ?? '';

/** ScalingReplicaSet messages with each RS name replaced by its image tag. */
function scaling(c: Cluster): string[] {
  const names = new Map(replicaSets(c).map((r) => [r.metadata.name, tag(r)]));
  return scalingMessages(c.events()).map((m) => m.replace(/kubia-[a-z0-9]+/g, (n) => names.get(n) ?? n));
}

/** Sizes by tag, e.g. { v1: 0, v2: 10 }. */
const sizes = (c: Cluster) => Object.fromEntries(replicaSets(c).map((r) => [tag(r), r.spec.replicas]));
const revisions = (c: Cluster) =>
  Object.fromEntries(
    replicaSets(c).map((r) => [
      tag(r),
      [
        r.metadata.annotations?.['deployment.kubernetes.io/revision'],
        r.metadata.annotations?.['deployment.kubernetes.io/revision-history'],
      ],
    ]),
  );
const historyRevisions = (c: Cluster) =>
  run(c, 'rollout history deployment/kubia')
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => Number(l.split(/\s+/)[0]));
const kubia = (c: Cluster) => c.get('deployment', 'kubia') as Deployment;

describe('RollingUpdate rollouts (§5.3)', () => {
  /**
   * 10 replicas, 25%/25% → surge 3, unavailable 2, pods Ready instantly:
   * 10/0 → 8/3 → 8/5 → 3/5 → 3/10 → 0/10.
   */
  it('§5.3 10 replicas 25%/25%', () => {
    const c = start({ replicas: 10 });
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    c.advance(1);
    expect(scaling(c)).toEqual([
      'Scaled up replica set v1 to 10',
      'Scaled up replica set v2 to 3',
      'Scaled down replica set v1 from 10 to 8',
      'Scaled up replica set v2 from 3 to 5',
      'Scaled down replica set v1 from 8 to 3',
      'Scaled up replica set v2 from 5 to 10',
      'Scaled down replica set v1 from 3 to 0',
    ]);
    expect(run(c, 'rollout status deployment/kubia')).toBe('deployment "kubia" successfully rolled out\n');
    expect(kubia(c).status).toMatchObject({ replicas: 10, updatedReplicas: 10, availableReplicas: 10 });
  });

  it.each<[string, number | string, number | string, string[]]>([
    [
      'maxSurge 1 / maxUnavailable 0: one new pod, then one old pod goes',
      1,
      0,
      [
        'Scaled up replica set v1 to 3',
        'Scaled up replica set v2 to 1',
        'Scaled down replica set v1 from 3 to 2',
        'Scaled up replica set v2 from 1 to 2',
        'Scaled down replica set v1 from 2 to 1',
        'Scaled up replica set v2 from 2 to 3',
        'Scaled down replica set v1 from 1 to 0',
      ],
    ],
    [
      'maxSurge 0 / maxUnavailable 1: the new RS is created empty (no event), old goes first',
      0,
      1,
      [
        'Scaled up replica set v1 to 3',
        'Scaled down replica set v1 from 3 to 2',
        'Scaled up replica set v2 from 0 to 1',
        'Scaled down replica set v1 from 2 to 1',
        'Scaled up replica set v2 from 1 to 2',
        'Scaled down replica set v1 from 1 to 0',
        'Scaled up replica set v2 from 2 to 3',
      ],
    ],
  ])('%s', (_name, maxSurge, maxUnavailable, expected) => {
    const c = start({ replicas: 3, maxSurge, maxUnavailable });
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    c.advance(1);
    expect(scaling(c)).toEqual(expected);
    expect(sizes(c)).toEqual({ v1: 0, v2: 3 });
  });

  it('§5.5 Recreate: old to 0, then the new RS at full size', () => {
    const c = start({ replicas: 3, strategy: 'Recreate' });
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    c.advance(1);
    expect(scaling(c)).toEqual([
      'Scaled up replica set v1 to 3',
      'Scaled down replica set v1 from 3 to 0',
      'Scaled up replica set v2 to 3',
    ]);
  });
});

describe('§5.4 a release whose pods never become Ready (10 replicas, maxSurge 3, maxUnavailable 2)', () => {
  function stalled(): Cluster {
    const c = start({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2-missing');
    c.advance(30);
    return c;
  }

  it('stalls at 8 old / 5 new (13 − 8 − 5 = 0)', () => {
    const c = stalled();
    expect(sizes(c)).toEqual({ v1: 8, 'v2-missing': 5 });
    expect(scaling(c)).toEqual([
      'Scaled up replica set v1 to 10',
      'Scaled up replica set v2-missing to 3',
      'Scaled down replica set v1 from 10 to 8',
      'Scaled up replica set v2-missing from 3 to 5',
    ]);
  });

  it('rollback: the broken pods are cleaned up first, then the restored RS grows to 10', () => {
    const c = stalled();
    run(c, 'rollout undo deployment/kubia');
    c.advance(1);
    expect(scaling(c).slice(4)).toEqual([
      'Scaled down replica set v2-missing from 5 to 0',
      'Scaled up replica set v1 from 8 to 10',
    ]);
    expect(run(c, 'rollout status deployment/kubia')).toBe('deployment "kubia" successfully rolled out\n');
  });

  it('a new template pushed instead: created empty, the broken pods go, then a normal rollout', () => {
    const c = stalled();
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v3');
    c.advance(1);
    expect(scaling(c).slice(4)).toEqual([
      'Scaled down replica set v2-missing from 5 to 0',
      'Scaled up replica set v3 from 0 to 5',
      'Scaled down replica set v1 from 8 to 3',
      'Scaled up replica set v3 from 5 to 10',
      'Scaled down replica set v1 from 3 to 0',
    ]);
  });

  // needs kubelet crash/pull support: with zero timings a `-crash` pod is Ready until its first
  // crash a second after it starts, so the rollout runs through before the crash loop shows.
  it.skip('the same stall with a crash-looping release (-crash)', () => {
    const c = start({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2-crash');
    c.advance(30);
    expect(sizes(c)).toEqual({ v1: 8, 'v2-crash': 5 });
  });
});

describe('§6 scaling during a rollout', () => {
  /** 8 old / 5 new, allowed 20 + 5 = 25: old round(8·25/13) = 15, new round(5·25/13) = 10. */
  it('mid-rollout 10 → 20 is proportional: 8/5 → 15/10', () => {
    const c = start({ replicas: 10 });
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2-missing');
    c.advance(1);
    run(c, 'scale deployment/kubia --replicas=20');
    c.advance(1);
    expect(sizes(c)).toEqual({ v1: 15, 'v2-missing': 10 });
    expect(scaling(c).slice(4)).toEqual([
      'Scaled up replica set v1 from 8 to 15',
      'Scaled up replica set v2-missing from 5 to 10',
    ]);
    // The rolling step resumes with the new numbers: 25 − 18 − 10 = −3, so it stays stalled.
    c.advance(60);
    expect(sizes(c)).toEqual({ v1: 15, 'v2-missing': 10 });
  });

  it('a settled deployment just scales its one RS', () => {
    const c = start({ replicas: 3 });
    run(c, 'scale deployment/kubia --replicas=5');
    c.advance(1);
    expect(scaling(c)).toEqual(['Scaled up replica set v1 to 3', 'Scaled up replica set v1 from 3 to 5']);
  });

  it('§6.1 paused: no new RS for a changed template, scaling still works, resume rolls out', () => {
    const c = start({ replicas: 3 });
    run(c, 'rollout pause deployment/kubia');
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    c.advance(5);
    expect(sizes(c)).toEqual({ v1: 3 });
    run(c, 'scale deployment/kubia --replicas=4');
    c.advance(1);
    expect(sizes(c)).toEqual({ v1: 4 });
    expect(kubia(c).status.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
    });
    run(c, 'rollout resume deployment/kubia');
    c.advance(1);
    expect(sizes(c)).toEqual({ v1: 0, v2: 4 });
    expect(run(c, 'rollout status deployment/kubia')).toBe('deployment "kubia" successfully rolled out\n');
  });

  /**
   * §6.1 paused mid-rollout below replicas + maxSurge fills up: 10 replicas, maxSurge 3, paused at
   * 8 old / 5 new → nothing to add (13 = 13); scaled to 12 while paused → allowed 15, +2 split
   * round(8·15/13) − 8 = +1, round(5·15/13) − 5 = +1 → 9/6.
   */
  it('§6.1 paused mid-rollout, scaled: proportional to replicas + maxSurge', () => {
    const c = start({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2-missing');
    c.advance(1);
    run(c, 'rollout pause deployment/kubia');
    run(c, 'scale deployment/kubia --replicas=12');
    c.advance(1);
    expect(sizes(c)).toEqual({ v1: 9, 'v2-missing': 6 });
  });
});

describe('§7 rollback and history', () => {
  /** v1=1, v2=2, v3=3; undo to 1 → v1 becomes 4 with history "1"; undo again → v3 becomes 5. */
  it('rollback renumbers the reused RS and history loses its old number', () => {
    const c = start({ replicas: 3 });
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    c.advance(1);
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v3');
    c.advance(1);
    expect(revisions(c)).toEqual({ v1: ['1', undefined], v2: ['2', undefined], v3: ['3', undefined] });
    expect(run(c, 'rollout undo deployment/kubia --to-revision=1')).toBe(
      'deployment.apps/kubia rolled back\n',
    );
    c.advance(1);
    expect(revisions(c)).toEqual({ v1: ['4', '1'], v2: ['2', undefined], v3: ['3', undefined] });
    expect(kubia(c).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
    expect(historyRevisions(c)).toEqual([2, 3, 4]);
    expect(sizes(c)).toEqual({ v1: 3, v2: 0, v3: 0 });
    run(c, 'rollout undo deployment/kubia');
    c.advance(1);
    expect(revisions(c)).toEqual({ v1: ['4', '1'], v2: ['2', undefined], v3: ['5', '3'] });
    expect(historyRevisions(c)).toEqual([2, 4, 5]);
    expect(sizes(c)).toEqual({ v1: 0, v2: 0, v3: 3 });
  });

  /**
   * §7.4 revisionHistoryLimit 2, four rollouts: only empty old RSes go, oldest revisions first, and
   * only in a sync whose stored status was complete; history ends as 3, 4, 5.
   */
  it('§7.4 limit 2 and four rollouts: history lists 3, 4, 5', () => {
    const sim = newSim(1);
    applyAll(sim, parseManifests(kubiaYaml({ replicas: 3, revisionHistoryLimit: 2 })));
    sim.advance(1);
    const deletions: { revision: string | undefined; complete: boolean; replicas: number | undefined }[] = [];
    sim.watch((ch) => {
      if (ch.kind !== 'ReplicaSet' || ch.type !== 'deleted') return;
      const d = sim.store.get<Deployment>('Deployment', 'default', 'kubia')!;
      const s = d.status;
      deletions.push({
        revision: ch.obj.metadata.annotations?.['deployment.kubernetes.io/revision'],
        replicas: (ch.obj as ReplicaSet).spec.replicas,
        complete:
          s.updatedReplicas === 3 &&
          s.replicas === 3 &&
          s.availableReplicas === 3 &&
          (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0),
      });
    });
    for (const v of ['v2', 'v3', 'v4', 'v5']) {
      expect(runKubectl(sim, `set image deployment/kubia nodejs=luksa/kubia:${v}`).exitCode).toBe(0);
      sim.advance(1);
    }
    expect(deletions.map((x) => x.revision)).toEqual(['1', '2']);
    expect(deletions.every((x) => x.complete && x.replicas === 0)).toBe(true);
    const history = runKubectl(sim, 'rollout history deployment/kubia').stdout;
    expect(history).toBe(
      'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n5         <none>\n\n',
    );
  });

  it('§7.4 limit 0: every empty old RS goes once the rollout is complete', () => {
    const c = start({ replicas: 2, revisionHistoryLimit: 0 });
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2');
    c.advance(1);
    expect(sizes(c)).toEqual({ v2: 2 });
  });
});

describe('§8.4 progress deadline (4 replicas, deadline 30 s, new pods never Ready)', () => {
  it('times out 30 s after the last progress, kubectl fails, undo restores 4', () => {
    const c = start({ replicas: 4, progressDeadlineSeconds: 30 });
    const t0 = c.now();
    run(c, 'set image deployment/kubia nodejs=luksa/kubia:v2-missing');
    c.advance(0);
    expect(sizes(c)).toEqual({ v1: 3, 'v2-missing': 2 });
    expect(scaling(c)).toEqual([
      'Scaled up replica set v1 to 4',
      'Scaled up replica set v2-missing to 1',
      'Scaled down replica set v1 from 4 to 3',
      'Scaled up replica set v2-missing from 1 to 2',
    ]);
    const progressing = () => kubia(c).status.conditions?.find((x) => x.type === 'Progressing');
    c.advance(30);
    expect(progressing()?.reason).toBe('ReplicaSetUpdated');
    expect(c.kubectl('rollout status deployment/kubia --watch=false')).toEqual({
      stdout:
        'Waiting for deployment "kubia" rollout to finish: 2 out of 4 new replicas have been updated...\n',
      stderr: '',
      exitCode: 0,
    });
    c.advance(5);
    expect(progressing()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(c.now()).toBeGreaterThan(t0 + 30);
    const status = c.kubectl('rollout status deployment/kubia --watch=false');
    expect([status.exitCode, status.stderr]).toEqual([
      1,
      'error: deployment "kubia" exceeded its progress deadline\n',
    ]);
    // The controller keeps the pods as they are: no automatic rollback.
    expect(sizes(c)).toEqual({ v1: 3, 'v2-missing': 2 });
    run(c, 'rollout undo deployment/kubia');
    c.advance(1);
    expect(sizes(c)).toEqual({ v1: 4, 'v2-missing': 0 });
    expect(scaling(c).slice(4)).toEqual([
      'Scaled down replica set v2-missing from 2 to 0',
      'Scaled up replica set v1 from 3 to 4',
    ]);
    expect(progressing()).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
});
