/**
 * The Progressing condition and the progress-deadline re-check, ported from kubernetes/kubernetes
 * pkg/controller/deployment/progress_test.go (TestSyncRolloutStatus, TestRequeueStuckDeployment) with
 * K8S-SEMANTICS §8.2 and §8.4. Upstream's fixture is a Recreate deployment with a 60 s deadline whose
 * conditions were last updated at `testTime` (virtual second 0 here).
 */
import { describe, expect, it } from 'vitest';
import { timestamp } from '../../../k8s/time.ts';
import type { Deployment, DeploymentCondition, ReplicaSet } from '../../../k8s/types.ts';
import { condition, deployment, newSim, rs } from '../../../test-helpers/builders.ts';
import { requeueStuckDeployment, syncRolloutStatus } from './progress.ts';
import {
  NewRSAvailableReason,
  ReplicaSetUpdatedReason,
  TimedOutReason,
  getDeploymentCondition,
} from './util.ts';

const T0 = 0;
const failedTimedOut: DeploymentCondition = { type: 'Progressing', status: 'False', reason: TimedOutReason };
const newRSAvailable = condition('Progressing', 'True', NewRSAvailableReason, T0);
const replicaSetUpdated = condition('Progressing', 'True', ReplicaSetUpdatedReason, T0);

function currentDeployment(
  pds: number | undefined,
  replicas: number,
  statusReplicas: number,
  updatedReplicas: number,
  availableReplicas: number,
  conditions: DeploymentCondition[] | undefined,
): Deployment {
  const d = deployment('progress-test', {
    replicas,
    strategy: 'Recreate',
    generation: 0,
    ...(pds === undefined ? {} : { progressDeadlineSeconds: pds }),
    status: { replicas: statusReplicas, updatedReplicas, availableReplicas },
  });
  if (conditions) d.status.conditions = conditions.map((c) => ({ ...c }));
  return d;
}

const withAvailable = (name: string, spec: number, status: number, available: number): ReplicaSet =>
  rs(name, spec, { statusReplicas: status, available, ready: 0 });

interface RolloutCase {
  d: Deployment;
  allRSs: ReplicaSet[];
  newRS?: ReplicaSet;
  /** Expected Progressing condition: status, reason; undefined = no condition. */
  expected?: [DeploymentCondition['status'], string];
  /** lastUpdateTime / lastTransitionTime must still be T0. */
  keepUpdate?: boolean;
  keepTransition?: boolean;
}

describe('syncRolloutStatus (TestSyncRolloutStatus)', () => {
  it.each<[string, RolloutCase]>([
    [
      'no progress deadline: the Progressing condition is removed and progress not estimated',
      {
        d: currentDeployment(undefined, 3, 2, 2, 2, [replicaSetUpdated]),
        allRSs: [withAvailable('bar', 0, 1, 1)],
        newRS: withAvailable('foo', 3, 2, 2),
      },
    ],
    [
      'only one active ReplicaSet and already complete: progress is not estimated',
      {
        d: currentDeployment(60, 3, 3, 3, 3, [newRSAvailable]),
        allRSs: [withAvailable('bar', 3, 3, 3)],
        expected: ['True', NewRSAvailableReason],
        keepUpdate: true,
        keepTransition: true,
      },
    ],
    [
      'progressing: lastTransitionTime kept when Progressing was already True',
      {
        d: currentDeployment(60, 3, 2, 2, 2, [replicaSetUpdated]),
        allRSs: [withAvailable('bar', 0, 1, 1)],
        newRS: withAvailable('foo', 3, 2, 2),
        expected: ['True', ReplicaSetUpdatedReason],
        keepTransition: true,
      },
    ],
    [
      'progressing: everything updated when Progressing was False',
      {
        d: currentDeployment(60, 3, 2, 2, 2, [failedTimedOut]),
        allRSs: [withAvailable('bar', 0, 1, 1)],
        newRS: withAvailable('foo', 3, 2, 2),
        expected: ['True', ReplicaSetUpdatedReason],
      },
    ],
    [
      'progressing: the condition is created when missing',
      {
        d: currentDeployment(60, 3, 2, 2, 2, []),
        allRSs: [withAvailable('bar', 0, 1, 1)],
        newRS: withAvailable('foo', 3, 2, 2),
        expected: ['True', ReplicaSetUpdatedReason],
      },
    ],
    [
      'complete: lastTransitionTime kept when Progressing was already True',
      {
        d: currentDeployment(60, 3, 3, 3, 3, [replicaSetUpdated]),
        allRSs: [],
        newRS: withAvailable('foo', 3, 3, 3),
        expected: ['True', NewRSAvailableReason],
        keepTransition: true,
      },
    ],
    [
      'complete: everything updated when Progressing was False',
      {
        d: currentDeployment(60, 3, 3, 3, 3, [failedTimedOut]),
        allRSs: [],
        newRS: withAvailable('foo', 3, 3, 3),
        expected: ['True', NewRSAvailableReason],
      },
    ],
    [
      'complete: the condition is created when missing',
      {
        d: currentDeployment(60, 3, 3, 3, 3, []),
        allRSs: [],
        newRS: withAvailable('foo', 3, 3, 3),
        expected: ['True', NewRSAvailableReason],
      },
    ],
    [
      'complete without a new RS (scaled to 0)',
      {
        d: currentDeployment(60, 0, 3, 3, 3, [replicaSetUpdated]),
        allRSs: [withAvailable('foo', 0, 0, 0)],
        expected: ['True', NewRSAvailableReason],
      },
    ],
    [
      'timed out: the rollout exceeded its deadline',
      {
        d: currentDeployment(60, 3, 2, 2, 2, [replicaSetUpdated]),
        allRSs: [],
        newRS: withAvailable('foo', 3, 2, 2),
        expected: ['False', TimedOutReason],
      },
    ],
    [
      'timed out already: the existing condition is kept',
      {
        d: currentDeployment(60, 3, 2, 2, 2, [
          { ...failedTimedOut, lastUpdateTime: timestamp(T0), lastTransitionTime: timestamp(T0) },
        ]),
        allRSs: [],
        newRS: withAvailable('foo', 3, 2, 2),
        expected: ['False', TimedOutReason],
        keepUpdate: true,
        keepTransition: true,
      },
    ],
  ])('%s', (_name, c) => {
    const sim = newSim();
    sim.now = 100; // well past T0 + 60 s
    const all = c.newRS ? [...c.allRSs, c.newRS] : c.allRSs;
    syncRolloutStatus(sim, all, c.newRS, c.d);
    const cond = getDeploymentCondition(c.d.status, 'Progressing');
    if (!c.expected) {
      expect(cond).toBeUndefined();
      return;
    }
    expect([cond?.status, cond?.reason]).toEqual(c.expected);
    if (c.keepUpdate) expect(cond?.lastUpdateTime).toBe(timestamp(T0));
    if (c.keepTransition) expect(cond?.lastTransitionTime).toBe(timestamp(T0));
  });

  it('messages name the new ReplicaSet (§8.2)', () => {
    const sim = newSim();
    const d = currentDeployment(60, 3, 2, 2, 2, []);
    const foo = withAvailable('foo', 3, 3, 2);
    syncRolloutStatus(sim, [foo], foo, d);
    expect(getDeploymentCondition(d.status, 'Progressing')?.message).toBe('ReplicaSet "foo" is progressing.');
    const done = withAvailable('foo', 3, 3, 3);
    syncRolloutStatus(sim, [done], done, d);
    expect(getDeploymentCondition(d.status, 'Progressing')?.message).toBe(
      'ReplicaSet "foo" has successfully progressed.',
    );
  });

  it('copies the ReplicaFailure condition of the new RS and removes it when gone', () => {
    const sim = newSim();
    const d = currentDeployment(60, 3, 2, 2, 2, []);
    const foo = withAvailable('foo', 3, 2, 2);
    foo.status.conditions = [
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'quota' },
    ];
    syncRolloutStatus(sim, [foo], foo, d);
    expect(getDeploymentCondition(d.status, 'ReplicaFailure')).toMatchObject({
      reason: 'FailedCreate',
      message: 'quota',
    });
    const healed = withAvailable('foo', 3, 2, 2);
    syncRolloutStatus(sim, [healed], healed, d);
    expect(getDeploymentCondition(d.status, 'ReplicaFailure')).toBeUndefined();
  });
});

/**
 * requeueStuckDeployment (§8.4): re-check after lastUpdateTime + progressDeadlineSeconds − now (+1 s),
 * or right away when that is under a second. −1 means "no re-check".
 *
 *   last progress 00:00, deadline 600 s, now 03:00 → re-check in 7 min
 */
describe('requeueStuckDeployment (TestRequeueStuckDeployment)', () => {
  const stuck = [condition('Progressing', 'True', '', T0)];
  it.each<[string, Deployment, [number, number, number], number, number]>([
    ['nil progressDeadlineSeconds', currentDeployment(undefined, 4, 3, 3, 2, undefined), [3, 3, 2], 0, -1],
    [
      'infinite progressDeadlineSeconds',
      currentDeployment(2147483647, 4, 3, 3, 2, undefined),
      [3, 3, 2],
      0,
      -1,
    ],
    ['no Progressing condition', currentDeployment(60, 4, 3, 3, 2, undefined), [3, 3, 2], 0, -1],
    [
      'a complete deployment needs no re-check',
      currentDeployment(60, 3, 3, 3, 3, undefined),
      [3, 3, 3],
      0,
      -1,
    ],
    [
      'an already failed deployment needs no re-check',
      currentDeployment(60, 3, 3, 3, 0, [failedTimedOut]),
      [3, 3, 0],
      0,
      -1,
    ],
    ['stuck for 30 s of 60', currentDeployment(60, 3, 3, 3, 1, stuck), [3, 3, 1], 30, 30],
    ['stuck, 1 s left', currentDeployment(60, 3, 3, 3, 1, stuck), [3, 3, 1], 59, 1],
    ['less than a second left: now', currentDeployment(60, 3, 3, 3, 1, stuck), [3, 3, 1], 59.5, 0],
    ['at the deadline: now', currentDeployment(60, 3, 3, 3, 1, stuck), [3, 3, 1], 60, 0],
    ['1 s after the deadline: now', currentDeployment(60, 3, 3, 3, 1, stuck), [3, 3, 1], 61, 0],
    ['60 s after the deadline: now', currentDeployment(60, 3, 3, 3, 1, stuck), [3, 3, 1], 120, 0],
    [
      '§8.4: last progress 00:00, deadline 600 s, now 03:00',
      currentDeployment(600, 3, 3, 3, 1, stuck),
      [3, 3, 1],
      180,
      420,
    ],
  ])('%s', (_name, d, [replicas, updatedReplicas, availableReplicas], now, expected) => {
    const sim = newSim();
    sim.now = now;
    const got = requeueStuckDeployment(sim, d, { replicas, updatedReplicas, availableReplicas });
    expect(got).toBe(expected);
    if (expected > 0) expect(sim.nextWakeUp()).toBe(now + expected + 1);
  });
});
