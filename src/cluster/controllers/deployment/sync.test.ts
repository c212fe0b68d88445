/**
 * Proportional scaling and history cleanup against a small SimCluster, ported from kubernetes/kubernetes
 * pkg/controller/deployment/sync_test.go (TestScale, TestDeploymentController_cleanupDeployment,
 * TestDeploymentController_cleanupDeploymentOrder) with the worked examples of K8S-SEMANTICS §6 and §7.4.
 */
import { describe, expect, it } from 'vitest';
import type { IntOrString, ReplicaSet } from '../../../k8s/types.ts';
import {
  deployment,
  newSim,
  rs,
  scalingMessages,
  seed,
  sizeOf,
  template,
} from '../../../test-helpers/builders.ts';
import { cleanupDeployment, isScalingEvent, scale } from './sync.ts';
import { maxSurge } from './util.ts';

const NEW = 7200; // upstream newTimestamp 02:00
const OLD = 3600; // oldTimestamp 01:00
const OLDER = 0; // olderTimestamp 00:00

interface ScaleCase {
  /** spec.replicas now / before (the RS annotations were written for `before`). */
  replicas: number;
  before: number;
  /** maxSurge now / before (upstream default in these fixtures: 0, with maxUnavailable 0). */
  surge?: IntOrString;
  surgeBefore?: IntOrString;
  newRS?: [string, number];
  oldRSs: [string, number, number][];
  expected: Record<string, number>;
  /** RS name → a desired-replicas annotation other than `before`. */
  desired?: Record<string, number>;
  newAvailable?: number;
  changedTemplate?: boolean;
}

/**
 * scale (§6): one active RS takes all; a saturated new RS retires old ones; otherwise
 * allowed = replicas + maxSurge is spread by fraction = round(rs · allowed / max-replicas) − rs,
 * largest RS first (ties: newer when adding, older when removing), leftover to the first.
 *
 *   5 → 10 with new 2 / old 3 (max 5): old +3, new +2 → 4 / 6
 *   7 → 10 with v3=2, v2=3, v1=2: v2 +1, v3 +1, v1 +1 → 3 / 4 / 3
 *   13 → 8 with v3=2, v2=8, v1=3: v2 −3, v1 −1, v3 −1 → 1 / 5 / 2
 */
describe('scale (TestScale)', () => {
  it.each<[string, ScaleCase]>([
    [
      'normal scaling event: 10 → 12',
      { replicas: 12, before: 10, newRS: ['foo-v1', 10], oldRSs: [], expected: { 'foo-v1': 12 } },
    ],
    [
      'normal scaling event: 10 → 5',
      { replicas: 5, before: 10, newRS: ['foo-v1', 10], oldRSs: [], expected: { 'foo-v1': 5 } },
    ],
    [
      'proportional scaling: 5 → 10',
      {
        replicas: 10,
        before: 5,
        newRS: ['foo-v2', 2],
        oldRSs: [['foo-v1', 3, OLD]],
        expected: { 'foo-v2': 4, 'foo-v1': 6 },
      },
    ],
    [
      'proportional scaling: 5 → 3',
      {
        replicas: 3,
        before: 5,
        newRS: ['foo-v2', 2],
        oldRSs: [['foo-v1', 3, OLD]],
        expected: { 'foo-v2': 1, 'foo-v1': 2 },
      },
    ],
    [
      'proportional scaling: 9 → 4',
      {
        replicas: 4,
        before: 9,
        newRS: ['foo-v2', 8],
        oldRSs: [['foo-v1', 1, OLD]],
        expected: { 'foo-v2': 4, 'foo-v1': 0 },
      },
    ],
    [
      'proportional scaling: 7 → 10',
      {
        replicas: 10,
        before: 7,
        newRS: ['foo-v3', 2],
        oldRSs: [
          ['foo-v2', 3, OLD],
          ['foo-v1', 2, OLDER],
        ],
        expected: { 'foo-v3': 3, 'foo-v2': 4, 'foo-v1': 3 },
      },
    ],
    [
      'proportional scaling: 13 → 8',
      {
        replicas: 8,
        before: 13,
        newRS: ['foo-v3', 2],
        oldRSs: [
          ['foo-v2', 8, OLD],
          ['foo-v1', 3, OLDER],
        ],
        expected: { 'foo-v3': 1, 'foo-v2': 5, 'foo-v1': 2 },
      },
    ],
    [
      'leftover distribution: 3 → 4 scales up the new replica set',
      {
        replicas: 4,
        before: 3,
        newRS: ['foo-v3', 1],
        oldRSs: [
          ['foo-v2', 1, OLD],
          ['foo-v1', 1, OLDER],
        ],
        expected: { 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 },
      },
    ],
    [
      'leftover distribution: 3 → 2 scales down the oldest replica set',
      {
        replicas: 2,
        before: 3,
        newRS: ['foo-v3', 1],
        oldRSs: [
          ['foo-v2', 1, OLD],
          ['foo-v1', 1, OLDER],
        ],
        expected: { 'foo-v3': 1, 'foo-v2': 1, 'foo-v1': 0 },
      },
    ],
    [
      'proportional scaling (no new rs): 4 → 5 scales up the latest first',
      {
        replicas: 5,
        before: 4,
        oldRSs: [
          ['foo-v2', 2, OLD],
          ['foo-v1', 2, OLDER],
        ],
        expected: { 'foo-v2': 3, 'foo-v1': 2 },
      },
    ],
    [
      'proportional scaling: 6 → 0',
      {
        replicas: 0,
        before: 6,
        newRS: ['foo-v3', 3],
        oldRSs: [
          ['foo-v2', 2, OLD],
          ['foo-v1', 1, OLDER],
        ],
        expected: { 'foo-v3': 0, 'foo-v2': 0, 'foo-v1': 0 },
      },
    ],
    [
      'proportional scaling: 0 → 6 scales up the new RS only',
      {
        replicas: 6,
        before: 6,
        newRS: ['foo-v3', 0],
        oldRSs: [
          ['foo-v2', 0, OLD],
          ['foo-v1', 0, OLDER],
        ],
        expected: { 'foo-v3': 6, 'foo-v2': 0, 'foo-v1': 0 },
      },
    ],
    [
      // upstream "failed rs update": foo-v2 was sized for 3, the others for 5
      'an RS sized for another replicas count takes the share its annotation implies',
      {
        replicas: 5,
        before: 5,
        newRS: ['foo-v3', 2],
        oldRSs: [
          ['foo-v2', 1, OLD],
          ['foo-v1', 1, OLDER],
        ],
        desired: { 'foo-v2': 3 },
        expected: { 'foo-v3': 2, 'foo-v2': 2, 'foo-v1': 1 },
      },
    ],
    [
      'deployment with surge pods: 10 → 20 with maxSurge 2, 6/6 → 11/11',
      {
        replicas: 20,
        before: 10,
        surge: 2,
        surgeBefore: 2,
        newRS: ['foo-v2', 6],
        oldRSs: [['foo-v1', 6, OLD]],
        expected: { 'foo-v2': 11, 'foo-v1': 11 },
      },
    ],
    [
      'change both surge and size: 10 → 50, maxSurge 3 → 6, 8/5 → 34/22',
      {
        replicas: 50,
        before: 10,
        surge: 6,
        surgeBefore: 3,
        newRS: ['foo-v2', 5],
        oldRSs: [['foo-v1', 8, OLD]],
        expected: { 'foo-v2': 22, 'foo-v1': 34 },
      },
    ],
    [
      'change both size and template: the scaling event wins, no new RS yet',
      {
        replicas: 14,
        before: 10,
        changedTemplate: true,
        oldRSs: [
          ['foo-v2', 7, NEW],
          ['foo-v1', 3, OLD],
        ],
        expected: { 'foo-v2': 10, 'foo-v1': 4 },
      },
    ],
    [
      'saturated but broken new replica set does not affect old pods',
      {
        replicas: 2,
        before: 2,
        surge: 1,
        surgeBefore: 1,
        newRS: ['foo-v2', 2],
        newAvailable: 0,
        oldRSs: [['foo-v1', 1, OLD]],
        expected: { 'foo-v2': 2, 'foo-v1': 1 },
      },
    ],
    [
      '§6 mid-rollout 10 → 20 with maxSurge 25%: 8 old / 5 new (max 13) → 15 / 10',
      {
        replicas: 20,
        before: 10,
        surge: '25%',
        surgeBefore: '25%',
        newRS: ['foo-v2', 5],
        oldRSs: [['foo-v1', 8, OLD]],
        expected: { 'foo-v2': 10, 'foo-v1': 15 },
      },
    ],
    [
      '§6 a saturated and available new RS retires the old ones',
      {
        replicas: 3,
        before: 3,
        newRS: ['foo-v2', 3],
        oldRSs: [['foo-v1', 1, OLD]],
        expected: { 'foo-v2': 3, 'foo-v1': 0 },
      },
    ],
  ])('%s', (_name, c) => {
    const sim = newSim();
    const before = deployment('foo', { replicas: c.before, maxSurge: c.surgeBefore ?? 0, maxUnavailable: 0 });
    const d = deployment('foo', { replicas: c.replicas, maxSurge: c.surge ?? 0, maxUnavailable: 0 });
    if (c.changedTemplate)
      d.spec.template = { ...template('other'), metadata: { labels: { app: 'foo', another: 'label' } } };
    const build = (name: string, size: number, created: number, available?: number) => {
      const desired = c.desired?.[name] ?? c.before;
      return rs(name, size, {
        created,
        image: 'luksa/kubia:v1',
        labels: { app: 'foo' },
        desired,
        max: desired + maxSurge(before),
        ...(available === undefined ? {} : { available }),
      });
    };
    const oldRSs = seed(sim, ...c.oldRSs.map(([name, size, created]) => build(name, size, created)));
    const newRS = c.newRS ? seed(sim, build(c.newRS[0], c.newRS[1], NEW, c.newAvailable))[0] : undefined;
    scale(sim, d, newRS, oldRSs);
    const sizes = Object.fromEntries(Object.keys(c.expected).map((n) => [n, sizeOf(sim, n)]));
    expect(sizes).toEqual(c.expected);
  });

  it('writes fresh desired/max annotations on every active RS and "from A to B" events', () => {
    const sim = newSim();
    const d = deployment('foo', { replicas: 10, maxSurge: 0, maxUnavailable: 0 });
    const [v1, v2] = seed(
      sim,
      rs('foo-v1', 3, { created: OLD, desired: 5, max: 5 }),
      rs('foo-v2', 2, { created: NEW, desired: 5, max: 5 }),
    );
    scale(sim, d, v2, [v1!]);
    for (const name of ['foo-v1', 'foo-v2'])
      expect(sim.store.get<ReplicaSet>('ReplicaSet', 'default', name)?.metadata.annotations).toMatchObject({
        'deployment.kubernetes.io/desired-replicas': '10',
        'deployment.kubernetes.io/max-replicas': '10',
      });
    expect(scalingMessages(sim.eventList())).toEqual([
      'Scaled up replica set foo-v1 from 3 to 6',
      'Scaled up replica set foo-v2 from 2 to 4',
    ]);
  });

  /**
   * §6.1: paused mid-rollout at 5 old / 5 new with replicas 10, maxSurge 3 and both RSes annotated
   * max-replicas 13: allowed 13, toAdd 3, every fraction rounds to 0, the leftover goes to the
   * largest RS (newer on ties) → 5 old / 8 new.
   */
  it('§6.1 paused fill-up: 5 / 5 becomes 5 old / 8 new', () => {
    const sim = newSim();
    const d = deployment('foo', { replicas: 10, maxSurge: 3, maxUnavailable: 2, paused: true });
    const [v1, v2] = seed(
      sim,
      rs('foo-v1', 5, { created: OLD, desired: 10, max: 13 }),
      rs('foo-v2', 5, { created: NEW, desired: 10, max: 13 }),
    );
    scale(sim, d, v2, [v1!]);
    expect([sizeOf(sim, 'foo-v1'), sizeOf(sim, 'foo-v2')]).toEqual([5, 8]);
  });

  it('Recreate deployments with several active RSes are not scaled proportionally', () => {
    const sim = newSim();
    const d = deployment('foo', { replicas: 10, strategy: 'Recreate' });
    const [v1, v2] = seed(
      sim,
      rs('foo-v1', 3, { created: OLD, desired: 5, max: 5 }),
      rs('foo-v2', 2, { created: NEW, desired: 5, max: 5, available: 0 }),
    );
    scale(sim, d, v2, [v1!]);
    expect([sizeOf(sim, 'foo-v1'), sizeOf(sim, 'foo-v2')]).toEqual([3, 2]);
  });
});

describe('isScalingEvent (§3 step 8)', () => {
  it.each<[string, number, number | undefined, number, boolean]>([
    ['an active RS sized for another spec.replicas', 12, 10, 10, true],
    ['desired annotation agrees', 10, 10, 10, false],
    ['no desired annotation', 12, undefined, 10, false],
    ['only inactive RSes disagree', 12, 10, 0, false],
  ])('%s', (_name, replicas, desired, size, expected) => {
    const sim = newSim();
    const d = deployment('foo', { replicas });
    const list = seed(sim, rs('foo-v1', size, desired === undefined ? {} : { desired }));
    expect(isScalingEvent(sim, d, list)).toBe(expected);
  });
});

/**
 * cleanupDeployment (§7.4): diff = old RSes − revisionHistoryLimit; only the first diff candidates by
 * revision are looked at, and only empty ones (spec 0, status 0, generation observed) are deleted.
 */
describe('cleanupDeployment (TestDeploymentController_cleanupDeployment)', () => {
  const withStatus = (name: string, spec: number, status: number, deleting = false) =>
    rs(name, spec, { statusReplicas: status, available: 0, deleting, created: Number(name.slice(-1)) });
  it.each<[string, ReplicaSet[], number, number]>([
    [
      'three empty, limit 1: two go',
      [withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 0), withStatus('foo-3', 0, 0)],
      1,
      2,
    ],
    [
      'limit 0: only the RS with spec = status = 0 goes',
      [
        withStatus('foo-1', 0, 0),
        withStatus('foo-2', 0, 1),
        withStatus('foo-3', 1, 0),
        withStatus('foo-4', 1, 1),
      ],
      0,
      1,
    ],
    ['limit 0: every empty old RS goes', [withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 0)], 0, 2],
    ['limit 0: non-empty ones stay', [withStatus('foo-1', 1, 1), withStatus('foo-2', 1, 1)], 0, 0],
    ['an RS already being deleted is not a candidate', [withStatus('foo-1', 0, 0, true)], 0, 0],
    [
      'unlimited (MaxInt32) history',
      [withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 0), withStatus('foo-3', 0, 0)],
      2147483647,
      0,
    ],
  ])('%s', (_name, oldRSs, limit, expectedDeletions) => {
    const sim = newSim();
    const stored = seed(sim, ...oldRSs);
    const d = deployment('foo', { replicas: 1, revisionHistoryLimit: limit });
    cleanupDeployment(sim, stored, d);
    expect(oldRSs.length - sim.store.list('ReplicaSet').length).toBe(expectedDeletions);
  });

  it('no revisionHistoryLimit: nothing is cleaned up', () => {
    const sim = newSim();
    const stored = seed(sim, withStatus('foo-1', 0, 0));
    const d = deployment('foo', { replicas: 1 });
    cleanupDeployment(sim, stored, d);
    expect(sim.store.list('ReplicaSet')).toHaveLength(1);
  });

  it('an RS whose latest generation is not observed yet is kept', () => {
    const sim = newSim();
    const stored = seed(
      sim,
      rs('foo-1', 0, { statusReplicas: 0, available: 0, generation: 2, observedGeneration: 1 }),
    );
    cleanupDeployment(sim, stored, deployment('foo', { revisionHistoryLimit: 0 }));
    expect(sim.store.list('ReplicaSet')).toHaveLength(1);
  });
});

describe('cleanupDeployment order (TestDeploymentController_cleanupDeploymentOrder)', () => {
  const r = (name: string, replicas: number, created: number, revision: string) =>
    rs(name, replicas, { created, statusReplicas: replicas, ...(revision ? { revision } : {}) });
  it.each<[string, ReplicaSet[], number, string[]]>([
    ['revision order rs1 < rs2: delete rs1', [r('foo-1', 0, 0, '1'), r('foo-2', 0, 60, '2')], 1, ['foo-1']],
    ['revision order rs2 < rs1: delete rs2', [r('foo-1', 0, 0, '2'), r('foo-2', 0, 60, '1')], 1, ['foo-2']],
    ['rs2 has no revision (0): delete rs2', [r('foo-1', 0, 0, '1'), r('foo-2', 0, 60, '')], 1, ['foo-2']],
    ['rs1 has no revision (0): delete rs1', [r('foo-1', 0, 0, ''), r('foo-2', 0, 60, '2')], 1, ['foo-1']],
    [
      'rs1 has replicas: it is skipped, not replaced, so rs2 goes',
      [r('foo-1', 1, 0, '1'), r('foo-2', 0, 60, '2'), r('foo-3', 0, 120, '3')],
      1,
      ['foo-2'],
    ],
    [
      'rs1 and rs2 have replicas: nothing goes',
      [r('foo-1', 1, 0, '1'), r('foo-2', 1, 60, '2'), r('foo-3', 0, 120, '3')],
      1,
      [],
    ],
    [
      'revision order rs2 < rs4 < rs1 < rs3, limit 2: delete rs2 and rs4',
      [r('foo-1', 0, 0, '3'), r('foo-2', 0, 60, '1'), r('foo-3', 0, 120, '4'), r('foo-4', 0, 180, '2')],
      2,
      ['foo-2', 'foo-4'],
    ],
  ])('%s', (_name, oldRSs, limit, expectedDeleted) => {
    const sim = newSim();
    const stored = seed(sim, ...oldRSs);
    cleanupDeployment(sim, stored, deployment('foo', { replicas: 1, revisionHistoryLimit: limit }));
    const left = new Set(sim.store.list('ReplicaSet').map((x) => x.metadata.name));
    expect(oldRSs.map((x) => x.metadata.name).filter((n) => !left.has(n))).toEqual(expectedDeleted);
  });
});
