/**
 * Table-driven tests for util.ts, ported from kubernetes/kubernetes
 * pkg/controller/deployment/util/deployment_util_test.go (TestResolveFenceposts, TestMaxUnavailable,
 * TestMinAvailable, TestNewRSNewReplicas, TestGetReplicaSetFraction, TestFindNewReplicaSet,
 * TestFindOldReplicaSets, TestEqualIgnoreHash, TestAnnotationUtils, TestReplicasAnnotationsNeedUpdate,
 * TestDeploymentComplete, TestDeploymentProgressing, TestDeploymentTimedOut, TestSetCondition) plus the
 * worked examples of K8S-SEMANTICS §2, §4 and §8.3.
 */
import { describe, expect, it } from 'vitest';
import { timestamp } from '../../../k8s/time.ts';
import type { Deployment, DeploymentStatus, IntOrString, PodTemplateSpec } from '../../../k8s/types.ts';
import { condition, deployment, rs, template } from '../../../test-helpers/builders.ts';
import {
  DesiredReplicasAnnotation,
  MaxReplicasAnnotation,
  NewRSAvailableReason,
  RevisionAnnotation,
  RevisionHistoryAnnotation,
  TimedOutReason,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  equalIgnoreHash,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getProportion,
  getReplicaSetFraction,
  isSaturated,
  lastRevision,
  maxRevision,
  maxSurge,
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  replicasAnnotationsNeedUpdate,
  resolveFenceposts,
  revision,
  setDeploymentCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './util.ts';

describe('resolveFenceposts (TestResolveFenceposts)', () => {
  it.each<[string, IntOrString | undefined, IntOrString | undefined, number, number, number]>([
    ['0%/0% of 0 forces unavailable to 1', '0%', '0%', 0, 0, 1],
    ['39%/39% of 10: surge rounds up, unavailable down', '39%', '39%', 10, 4, 3],
    ['unset surge counts as 0', undefined, '39%', 10, 0, 3],
    ['unset unavailable counts as 0', '39%', undefined, 10, 4, 0],
    ['both unset → 0/1', undefined, undefined, 10, 0, 1],
    ['defaults 25%/25% of 1 → 1/0', '25%', '25%', 1, 1, 0],
    ['defaults 25%/25% of 2 → 1/0', '25%', '25%', 2, 1, 0],
    ['defaults 25%/25% of 3 → 1/0', '25%', '25%', 3, 1, 0],
    ['defaults 25%/25% of 4 → 1/1', '25%', '25%', 4, 1, 1],
    ['defaults 25%/25% of 5 → 2/1', '25%', '25%', 5, 2, 1],
    ['defaults 25%/25% of 10 → 3/2', '25%', '25%', 10, 3, 2],
    ['defaults 25%/25% of 100 → 25/25', '25%', '25%', 100, 25, 25],
    ['0%/1% of 2 resolves to 0/0, then unavailable is forced to 1', '0%', '1%', 2, 0, 1],
    ['integers are used as they are', 3, 2, 10, 3, 2],
    ['100% unavailable of 5 → 5', 0, '100%', 5, 0, 5],
  ])('%s', (_name, surge, unavailable, desired, expectSurge, expectUnavailable) => {
    expect(resolveFenceposts(surge, unavailable, desired)).toEqual([expectSurge, expectUnavailable]);
  });

  it.each<[string, IntOrString, IntOrString]>([
    ['an unparsable surge is an error', 'oops', '39%'],
    ['an unparsable unavailable is an error', '55%', 'urg'],
    ['a number in a string without % is an error', '5', '1'],
  ])('%s', (_name, surge, unavailable) => {
    expect(() => resolveFenceposts(surge, unavailable, 10)).toThrow();
  });
});

describe('maxSurge / maxUnavailable / minAvailable (TestMaxUnavailable, TestMinAvailable, §2)', () => {
  const d = (replicas: number, surge: IntOrString, unavailable: IntOrString) =>
    deployment('foo', { replicas, maxSurge: surge, maxUnavailable: unavailable });
  const recreate = deployment('foo', { replicas: 10, strategy: 'Recreate' });

  it.each<[string, Deployment, number]>([
    ['maxUnavailable less than replicas', d(10, 1, 5), 5],
    ['maxUnavailable equal replicas', d(10, 1, 10), 10],
    ['maxUnavailable greater than replicas is capped', d(5, 1, 10), 5],
    ['maxUnavailable with replicas 0 is 0', d(0, 1, 10), 0],
    ['maxUnavailable of a Recreate deployment is 0', recreate, 0],
    ['50% of 10', d(10, 1, '50%'), 5],
    ['100% of 10', d(10, 1, '100%'), 10],
    ['100% of 5', d(5, 1, '100%'), 5],
    ['30% of 10 with maxSurge 0%', d(10, '0%', '30%'), 3],
    ['both zero forces 1', d(3, 0, 0), 1],
  ])('maxUnavailable: %s', (_name, dep, expected) => {
    expect(maxUnavailable(dep)).toBe(expected);
  });

  it.each<[string, Deployment, number]>([
    ['replicas greater than maxUnavailable', d(10, 1, 5), 5],
    ['replicas equal maxUnavailable', d(10, 1, 10), 0],
    ['replicas less than maxUnavailable', d(5, 1, 10), 0],
    ['replicas is 0', d(0, 1, 10), 0],
    ['60% of 10 unavailable leaves 4', d(10, 1, '60%'), 4],
    ['100% of 10', d(10, 1, '100%'), 0],
    ['100% of 5', d(5, 1, '100%'), 0],
    ['defaults of 10 keep 8', d(10, '25%', '25%'), 8],
  ])('minAvailable: %s', (_name, dep, expected) => {
    expect(minAvailable(dep)).toBe(expected);
  });

  it('minAvailable of a Recreate deployment is 0 (upstream returns 0 for non-RollingUpdate)', () => {
    expect(minAvailable(recreate)).toBe(0);
  });

  it.each<[string, Deployment, number]>([
    ['25% of 10 rounds up to 3', d(10, '25%', '25%'), 3],
    ['25% of 1 rounds up to 1', d(1, '25%', '25%'), 1],
    ['an integer', d(10, 2, 0), 2],
    ['maxSurge may exceed 100%', d(4, '150%', 0), 6],
    ['Recreate has no surge', recreate, 0],
  ])('maxSurge: %s', (_name, dep, expected) => {
    expect(maxSurge(dep)).toBe(expected);
  });
});

/**
 * NewRSNewReplicas (§5.1): maxTotal = replicas + ceil(maxSurge); current = Σ spec of all RSes;
 * grow by min(maxTotal − current, replicas − new). Recreate: always replicas.
 */
describe('newRSNewReplicas (TestNewRSNewReplicas)', () => {
  it.each<[string, 'RollingUpdate' | 'Recreate', number, number, number, number]>([
    // upstream: other RS of 5 replicas, maxUnavailable 1
    ['can not scale up: the total is already at the limit', 'RollingUpdate', 1, 5, 1, 5],
    ['scale up: up to replicas', 'RollingUpdate', 6, 2, 10, 6],
    ['recreate: always replicas', 'Recreate', 3, 1, 1, 3],
  ])('%s', (_name, strategy, replicas, newReplicas, surge, expected) => {
    const d = deployment('nginx', { replicas, strategy, maxSurge: surge, maxUnavailable: 1 });
    const newRS = rs('nginx-new', newReplicas);
    expect(newRSNewReplicas(d, [rs('nginx-5', 5)], newRS)).toBe(expected);
  });

  it.each<[string, number, IntOrString, number, number, number]>([
    ['§5.3 creation sync: 10 old, surge 25% → 3', 10, '25%', 10, 0, 3],
    ['§5.3 sync 2: 8 old + 3 new → 5', 10, '25%', 8, 3, 5],
    ['§5.3 sync 3: 8 old + 5 new is at 13 → stays', 10, '25%', 8, 5, 5],
    ['§5.3 sync 4: 3 old + 5 new → 10', 10, '25%', 3, 5, 10],
    ['surge 0%: never grows before old pods go', 4, '0%', 4, 0, 0],
    ['specs only, readiness never counts', 4, 1, 3, 1, 2],
  ])('%s', (_name, replicas, surge, oldSize, newSize, expected) => {
    const d = deployment('kubia', { replicas, maxSurge: surge, maxUnavailable: 1 });
    const newRS = rs('kubia-new', newSize, { available: 0 });
    expect(newRSNewReplicas(d, [rs('kubia-old', oldSize), newRS], newRS)).toBe(expected);
  });
});

/**
 * getReplicaSetFraction: round(rs.spec · (replicas + maxSurge) / max-replicas) − rs.spec; when the
 * annotation is missing or 0, status.replicas stands in; when that is 0 too, 0.
 *
 *   RS 50 of max 100, deployment 120 → round(60) − 50 = +10
 */
describe('getReplicaSetFraction (TestGetReplicaSetFraction)', () => {
  it.each<[string, number, number, number, number, string | undefined, number]>([
    ['empty deployment always scales to 0', 0, 0, 0, 10, undefined, -10],
    ['missing max-replicas and no status replicas: no scaling', 10, 0, 0, 5, undefined, 0],
    ['max-replicas 0 and no status replicas: no scaling', 10, 0, 0, 5, '0', 0],
    ['missing max-replicas: status.replicas 100 → 120 is +1/5', 120, 100, 0, 50, undefined, 10],
    ['max-replicas 0: status.replicas 100 → 120 is +1/5', 120, 100, 0, 50, '0', 10],
    ['scale up by 1/5', 120, 0, 0, 50, '100', 10],
    ['scale up by 1/5 with maxSurge 10 (max 110 → 130)', 120, 0, 10, 50, '110', 9],
    ['scale down by 1/6', 10, 0, 0, 6, '12', -1],
    ['scale down with maxSurge 10 (max 130 → 110)', 100, 0, 10, 50, '130', -8],
    ['a negative max-replicas is ignored like a missing one', 120, 100, 0, 50, '-1', 10],
    ['an unparsable max-replicas is ignored like a missing one', 120, 100, 0, 50, 'x', 10],
  ])('%s', (_name, replicas, statusReplicas, surge, rsReplicas, max, expected) => {
    const d = deployment('nginx', {
      replicas,
      maxSurge: surge,
      maxUnavailable: 1,
      status: { replicas: statusReplicas },
    });
    const r = rs(
      'nginx-1',
      rsReplicas,
      max === undefined ? {} : { annotations: { [MaxReplicasAnnotation]: max } },
    );
    expect(getReplicaSetFraction(r, d)).toBe(expected);
  });
});

describe('getProportion (TestGetProportion)', () => {
  // RS of 10 annotated max 10; deployment now 12 (+2): fraction = round(10·12/10) − 10 = 2.
  const d12 = deployment('nginx', { replicas: 12, maxSurge: 0, maxUnavailable: 1 });
  const d8 = deployment('nginx', { replicas: 8, maxSurge: 0, maxUnavailable: 1 });
  const r10 = rs('nginx-1', 10, { max: 10 });
  it.each<[string, Deployment, number, number, number]>([
    ['the fraction when it fits', d12, 2, 0, 2],
    ['capped by what is left to add', d12, 3, 2, 1],
    ['nothing when everything is added', d12, 2, 2, 0],
    ['nothing when there is nothing to add', d12, 0, 0, 0],
    ['scaling down: the fraction when it fits', d8, -2, 0, -2],
    ['scaling down: capped by what is left to remove', d8, -3, -2, -1],
  ])('%s', (_name, d, toAdd, added, expected) => {
    expect(getProportion(r10, d, toAdd, added)).toBe(expected);
  });

  it('an empty or missing RS gets nothing', () => {
    expect(getProportion(rs('nginx-0', 0, { max: 10 }), d12, 2, 0)).toBe(0);
    expect(getProportion(undefined, d12, 2, 0)).toBe(0);
  });
});

describe('isSaturated (TestAnnotationUtils/IsSaturated, §6)', () => {
  const d = deployment('nginx', { replicas: 3 });
  it.each<[string, number, number, number | undefined, boolean]>([
    ['spec, desired annotation and available all equal replicas', 3, 3, 3, true],
    ['not all available (saturated but broken)', 3, 2, 3, false],
    ['desired annotation disagrees', 3, 3, 4, false],
    ['desired annotation missing', 3, 3, undefined, false],
    ['spec smaller', 2, 2, 3, false],
  ])('%s', (_name, spec, available, desired, expected) => {
    const r =
      desired === undefined
        ? rs('nginx-1', spec, { available })
        : rs('nginx-1', spec, { available, desired });
    expect(isSaturated(d, r)).toBe(expected);
  });
  it('no RS is not saturated', () => {
    expect(isSaturated(d, undefined)).toBe(false);
  });
});

describe('equalIgnoreHash (TestEqualIgnoreHash)', () => {
  const withLabels = (labels: Record<string, string>, image = 'nginx'): PodTemplateSpec =>
    template(image, labels);
  it.each<[string, PodTemplateSpec, PodTemplateSpec, boolean]>([
    [
      'same except the pod-template-hash label',
      withLabels({ something: 'else', 'pod-template-hash': 'abc' }),
      withLabels({ something: 'else', 'pod-template-hash': 'def' }),
      true,
    ],
    [
      'same except one has no pod-template-hash label',
      withLabels({ something: 'else', 'pod-template-hash': 'abc' }),
      withLabels({ something: 'else' }),
      true,
    ],
    [
      'different labels besides the hash',
      withLabels({ something: 'else', 'pod-template-hash': 'abc' }),
      withLabels({ nothing: 'else', 'pod-template-hash': 'abc' }),
      false,
    ],
    [
      'one label set empty, the other only a hash',
      withLabels({}),
      withLabels({ 'pod-template-hash': 'abc' }),
      true,
    ],
    ['different images', withLabels({ app: 'a' }, 'v1'), withLabels({ app: 'a' }, 'v2'), false],
    [
      'nil and empty maps are alike',
      { metadata: {}, spec: { containers: [{ name: 'c', image: 'i' }] } },
      { metadata: { labels: {}, annotations: {} }, spec: { containers: [{ name: 'c', image: 'i' }] } },
      true,
    ],
  ])('%s', (_name, a, b, expected) => {
    expect(equalIgnoreHash(a, b)).toBe(expected);
    expect(equalIgnoreHash(b, a)).toBe(expected);
  });
});

/** FindNewReplicaSet (§4.1): the oldest RS whose template equals the deployment's, ignoring the hash. */
describe('findNewReplicaSet / findOldReplicaSets (TestFindNewReplicaSet, TestFindOldReplicaSets)', () => {
  const d = deployment('nginx', { replicas: 3, image: 'nginx', labels: { name: 'nginx' } });
  const same = (name: string, created: number, replicas = 1) =>
    rs(name, replicas, { created, image: 'nginx', labels: { name: 'nginx' } });
  const other = (name: string, created: number, replicas = 1) =>
    rs(name, replicas, { created, image: 'other', labels: { name: 'nginx' } });

  it.each<[string, ReturnType<typeof rs>[], string | undefined]>([
    ['the RS with the same template', [same('new', 10), other('old', 0)], 'new'],
    ['the oldest of two matching RSes (creation time)', [same('b-new', 10), same('a-older', 5)], 'a-older'],
    ['ties by creation time: by name', [same('bbb', 5), same('aaa', 5)], 'aaa'],
    ['none match', [other('old', 0)], undefined],
    ['no RSes', [], undefined],
  ])('findNewReplicaSet: %s', (_name, list, expected) => {
    expect(findNewReplicaSet(d, list)?.metadata.name).toBe(expected);
  });

  it.each<[string, ReturnType<typeof rs>[], string[], string[]]>([
    ['one new, one old', [same('new', 10), other('old', 0)], ['old'], ['old']],
    [
      'an old RS with 0 replicas is old but not active',
      [same('new', 10), other('old', 0), other('older', 0, 0)],
      ['old'],
      ['old', 'older'],
    ],
    ['the newer duplicate of the new RS counts as old', [same('new', 10), same('dup', 20)], ['dup'], ['dup']],
    ['no new RS: everything is old', [other('a', 0), other('b', 1)], ['a', 'b'], ['a', 'b']],
  ])('findOldReplicaSets: %s', (_name, list, active, all) => {
    const [activeOld, allOld] = findOldReplicaSets(d, list);
    expect(activeOld.map((r) => r.metadata.name).sort()).toEqual(active);
    expect(allOld.map((r) => r.metadata.name).sort()).toEqual(all);
  });

  it('findActiveOrLatest: the single active RS, the new one when none is active, else the newest old', () => {
    const a = rs('a', 0, { created: 0 });
    const b = rs('b', 2, { created: 5 });
    const c = rs('c', 0, { created: 10 });
    expect(findActiveOrLatest(c, [a, b])?.metadata.name).toBe('b');
    expect(findActiveOrLatest(c, [a])?.metadata.name).toBe('c');
    expect(findActiveOrLatest(undefined, [a, c])?.metadata.name).toBe('c');
    expect(findActiveOrLatest(rs('n', 1), [b])).toBeUndefined();
    expect(findActiveOrLatest(undefined, [])).toBeUndefined();
  });
});

describe('revisions (§4.2)', () => {
  it.each<[string, Record<string, string> | undefined, number | undefined]>([
    ['missing annotation is revision 0', undefined, 0],
    ['a number', { [RevisionAnnotation]: '7' }, 7],
    ['unparsable is undefined (skipped)', { [RevisionAnnotation]: 'x' }, undefined],
  ])('revision: %s', (_name, annotations, expected) => {
    expect(revision({ metadata: annotations ? { annotations } : {} })).toBe(expected);
  });

  it('maxRevision skips unparsable revisions; lastRevision is the second-highest', () => {
    const list = [
      rs('a', 0, { revision: 1 }),
      rs('b', 0, { revision: 3 }),
      rs('c', 0, { revision: 'x' }),
      rs('d', 0, { revision: 2 }),
    ];
    expect(maxRevision(list)).toBe(3);
    expect(lastRevision(list)).toBe(2);
    expect(lastRevision([rs('a', 0, { revision: 4 })])).toBe(0);
  });
});

/**
 * SetNewReplicaSetAnnotations (§4.2, §4.4): copies the deployment's annotations except the skip
 * list, raises the revision, records the previous one in revision-history (capped in characters).
 */
describe('setNewReplicaSetAnnotations (TestAnnotationUtils)', () => {
  it('revisions 11…20 with a 5-character history cap keep the last two old revisions', () => {
    const d = deployment('nginx', { annotations: { [RevisionAnnotation]: '1' } });
    const annotations: Record<string, string> = {};
    for (let i = 10; i < 20; i++) {
      setNewReplicaSetAnnotations(d, annotations, i + 1, true, 5);
      if (i >= 12) expect(annotations[RevisionHistoryAnnotation]).toBe(`${i - 1},${i}`);
      expect(annotations[RevisionAnnotation]).toBe(String(i + 1));
    }
  });

  it('§4.2 rollback: v1 (revision 1) reused as revision 4 records "1"', () => {
    const annotations: Record<string, string> = { [RevisionAnnotation]: '1' };
    expect(setNewReplicaSetAnnotations(deployment('kubia'), annotations, 4, true)).toBe(true);
    expect(annotations[RevisionAnnotation]).toBe('4');
    expect(annotations[RevisionHistoryAnnotation]).toBe('1');
    setNewReplicaSetAnnotations(deployment('kubia'), annotations, 6, true);
    expect(annotations[RevisionHistoryAnnotation]).toBe('1,4');
  });

  it('a revision is never lowered and nothing changes when it is current', () => {
    const annotations: Record<string, string> = { [RevisionAnnotation]: '5' };
    expect(setNewReplicaSetAnnotations(deployment('kubia'), annotations, 3, true)).toBe(false);
    expect(annotations).toEqual({ [RevisionAnnotation]: '5' });
  });

  it('copies annotations except the skip list; a new RS also gets desired/max replicas', () => {
    const d = deployment('kubia', {
      replicas: 10,
      annotations: {
        'kubernetes.io/change-cause': 'kubectl set image',
        [RevisionAnnotation]: '9',
        [RevisionHistoryAnnotation]: '1',
        [DesiredReplicasAnnotation]: '1',
        [MaxReplicasAnnotation]: '1',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        'deprecated.deployment.rollback.to': '1',
      },
    });
    const annotations: Record<string, string> = {};
    expect(setNewReplicaSetAnnotations(d, annotations, 1, false)).toBe(true);
    expect(annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image',
      [RevisionAnnotation]: '1',
      [DesiredReplicasAnnotation]: '10',
      [MaxReplicasAnnotation]: '13',
    });
  });

  it('the history cap drops the oldest entries until the new one fits (2000 characters)', () => {
    const history = Array.from({ length: 400 }, (_, i) => String(1000 + i)).join(','); // 1999 chars
    const annotations: Record<string, string> = {
      [RevisionAnnotation]: '5000',
      [RevisionHistoryAnnotation]: history,
    };
    setNewReplicaSetAnnotations(deployment('kubia'), annotations, 5001, true);
    const kept = annotations[RevisionHistoryAnnotation]!;
    expect(kept.length).toBeLessThanOrEqual(2000);
    expect(kept.endsWith(',5000')).toBe(true);
    expect(kept.startsWith('1001,')).toBe(true);
  });

  it('an unparsable old revision leaves everything as it is', () => {
    const annotations: Record<string, string> = { [RevisionAnnotation]: 'abc' };
    expect(setNewReplicaSetAnnotations(deployment('kubia'), annotations, 2, true)).toBe(false);
    expect(annotations[RevisionAnnotation]).toBe('abc');
  });

  it('setReplicasAnnotations writes desired and max and says whether it changed them', () => {
    const annotations: Record<string, string> = {};
    expect(setReplicasAnnotations(annotations, 10, 11)).toBe(true);
    expect(annotations).toEqual({ [DesiredReplicasAnnotation]: '10', [MaxReplicasAnnotation]: '11' });
    expect(setReplicasAnnotations(annotations, 10, 11)).toBe(false);
  });
});

describe('replicasAnnotationsNeedUpdate (TestReplicasAnnotationsNeedUpdate)', () => {
  it.each<[string, Record<string, string> | undefined, boolean]>([
    ['annotations nil', undefined, true],
    ['desired replicas differ', { [DesiredReplicasAnnotation]: '8', [MaxReplicasAnnotation]: '20' }, true],
    ['max replicas differ', { [DesiredReplicasAnnotation]: '10', [MaxReplicasAnnotation]: '16' }, true],
    ["needn't update", { [DesiredReplicasAnnotation]: '10', [MaxReplicasAnnotation]: '20' }, false],
  ])('%s', (_name, annotations, expected) => {
    const r = rs('hello', 1);
    if (annotations) r.metadata.annotations = annotations;
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(expected);
  });
});

/** DeploymentComplete (§8.1): updated == replicas == status.replicas == available, generation observed. */
describe('deploymentComplete (TestDeploymentComplete)', () => {
  const d = (desired: number, current: number, updated: number, available: number, mu: number, ms: number) =>
    deployment('foo', {
      replicas: desired,
      maxUnavailable: mu,
      maxSurge: ms,
      generation: 0,
      status: { replicas: current, updatedReplicas: updated, availableReplicas: available },
    });
  it.each<[string, Deployment, boolean]>([
    ['not complete: min but not all pods become available', d(5, 5, 5, 4, 1, 0), false],
    ['not complete: min availability is not honored', d(5, 5, 5, 3, 1, 0), false],
    ['complete', d(5, 5, 5, 5, 0, 0), true],
    ['not complete: all pods are available but not updated', d(5, 5, 4, 5, 0, 0), false],
    ['not complete: still running old pods', d(1, 2, 1, 1, 0, 1), false],
    ['not complete: one replica deployment never comes up', d(1, 1, 1, 0, 1, 1), false],
  ])('%s', (_name, dep, expected) => {
    expect(deploymentComplete(dep, dep.status)).toBe(expected);
  });

  it('not complete while a newer generation is unobserved', () => {
    const dep = d(5, 5, 5, 5, 0, 0);
    dep.metadata.generation = 3;
    expect(deploymentComplete(dep, { ...dep.status, observedGeneration: 2 })).toBe(false);
    expect(deploymentComplete(dep, { ...dep.status, observedGeneration: 3 })).toBe(true);
  });
});

/** DeploymentProgressing (§8.2): more updated, fewer old, more ready or more available. */
describe('deploymentProgressing (TestDeploymentProgressing)', () => {
  const s = (
    replicas: number,
    updatedReplicas: number,
    readyReplicas: number,
    availableReplicas: number,
  ) => ({
    replicas,
    updatedReplicas,
    readyReplicas,
    availableReplicas,
  });
  it.each<[string, DeploymentStatus, DeploymentStatus, boolean]>([
    ['progressing: updated pods', s(10, 4, 4, 4), s(10, 6, 4, 4), true],
    ['not progressing', s(10, 4, 4, 4), s(10, 4, 4, 4), false],
    ['progressing: old pods removed', s(10, 4, 6, 6), s(8, 4, 6, 6), true],
    ['not progressing: less new pods', s(10, 7, 3, 3), s(10, 6, 3, 3), false],
    ['progressing: less overall but more new pods', s(10, 4, 7, 7), s(8, 8, 5, 5), true],
    ['progressing: more ready pods', s(10, 10, 9, 8), s(10, 10, 10, 8), true],
    ['progressing: more available pods', s(10, 10, 10, 9), s(10, 10, 10, 10), true],
  ])('%s', (_name, before, after, expected) => {
    expect(deploymentProgressing(deployment('foo', { status: before }), after)).toBe(expected);
  });
});

/** DeploymentTimedOut (§8.2): lastUpdateTime + progressDeadlineSeconds strictly before now. */
describe('deploymentTimedOut (TestDeploymentTimedOut)', () => {
  // upstream: last update 00:01:09 / 00:01:11, now 00:01:20
  const d = (reason: string, pds: number | undefined, from: number) => {
    const dep = deployment('foo', pds === undefined ? {} : { progressDeadlineSeconds: pds });
    dep.status = { conditions: [condition('Progressing', 'True', reason, from)] };
    return dep;
  };
  it.each<[string, Deployment, number, boolean]>([
    ['no progressDeadlineSeconds: no timeout', d('', undefined, 69), 80, false],
    ['infinite progressDeadlineSeconds: no timeout', d('', 2147483647, 69), 80, false],
    ['10 s deadline, 11 s since the last update: timed out', d('', 10, 69), 80, true],
    ['10 s deadline, 9 s since the last update: not yet', d('', 10, 71), 80, false],
    ['10 s deadline, exactly 10 s: not yet (strict)', d('', 10, 70), 80, false],
    ['previous status was a complete deployment', d(NewRSAvailableReason, 10, 0), 1000, false],
    ['already ProgressDeadlineExceeded stays timed out', d(TimedOutReason, 600, 1000), 1000, true],
  ])('%s', (_name, dep, now, expected) => {
    expect(deploymentTimedOut(dep, dep.status, now)).toBe(expected);
  });
});

/**
 * SetDeploymentCondition (§8.3): same status and reason → untouched (timestamps kept); same status,
 * other reason → replaced keeping lastTransitionTime; different status → replaced.
 */
describe('setDeploymentCondition (TestSetCondition, §8.3)', () => {
  const progressing = condition('Progressing', 'False', 'ForSomeReason', 1);
  const available = condition('Available', 'True', 'AwesomeController', 1);
  it('set for the first time', () => {
    expect(setDeploymentCondition(undefined, available)).toEqual([available]);
  });
  it('simple set keeps the other conditions', () => {
    expect(setDeploymentCondition([progressing], available)).toEqual([progressing, available]);
  });
  it('overwrite with a different status: new timestamps', () => {
    const next = condition('Progressing', 'True', 'BecauseItIs', 5);
    expect(setDeploymentCondition([progressing], next)).toEqual([next]);
  });
  it('same status and reason: untouched, timestamps kept', () => {
    const list = [progressing];
    expect(setDeploymentCondition(list, condition('Progressing', 'False', 'ForSomeReason', 9))).toBe(list);
  });
  it('same status, other reason: replaced but lastTransitionTime kept', () => {
    const next = condition('Progressing', 'False', 'Other', 9);
    expect(setDeploymentCondition([progressing], next)).toEqual([
      { ...next, lastTransitionTime: timestamp(1) },
    ]);
  });
});
