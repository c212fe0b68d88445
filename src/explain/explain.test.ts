import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../cluster/context.ts';
import { explain } from './complete.ts';
import { resolvedPhrase } from './phrases.ts';
import { EXPLAINED_CODES } from './ko.ts';

const decision = (
  code: string,
  values: Decision['values'],
  object: Decision['object'] = { kind: 'Deployment', namespace: 'default', name: 'kubia' },
): Decision => ({ t: 30, controller: 'deployment-controller', object, code, message: `(${code})`, values });
const rs = { kind: 'ReplicaSet', namespace: 'default', name: 'kubia-7d8b9c4f6b' };
const pod = { kind: 'Pod', namespace: 'default', name: 'kubia-7d8b9c4f6b-x2k9p' };

/** One row per decision code: the values a controller records and what a Korean reader sees. */
const cases: [name: string, d: Decision, ko: string[]][] = [
  [
    'a ReplicaSet short of pods creates the difference',
    decision('replicaset.create', { want: 3, have: 1, create: 2 }, rs),
    ['레플리카셋 kubia-7d8b9c4f6b의 목표 파드 수는 3개인데 지금 1개뿐이므로 2개를 새로 만듭니다.'],
  ],
  [
    'a ReplicaSet with too many pods deletes not-ready and newest first',
    decision('replicaset.delete', { want: 2, have: 3, delete: 1, victims: 'kubia-a' }, rs),
    ['목표 파드 수는 2개인데 지금 3개이므로 1개를 지웁니다', 'kubia-a'],
  ],
  [
    'an undo reuses the old ReplicaSet and renumbers its revision',
    decision('revision.reuse', { replicaSet: 'kubia-old', oldRevision: '1', newRevision: '3' }),
    ['리비전 번호는 1에서 3으로 바뀝니다'],
  ],
  [
    'a rolling update creates the new ReplicaSet within maxSurge (25% of 10 rounds up to 3)',
    decision('deployment.newReplicaSet', {
      replicaSet: 'kubia-new',
      revision: '2',
      replicas: 3,
      strategy: 'RollingUpdate',
      maxSurge: '25%',
      desired: 10,
      maxTotal: 13,
      existing: 10,
    }),
    [
      'maxSurge 25%: 10의 25%는 2.5, 올림하여 3이므로',
      '10 + 3 = 13개까지',
      '새 레플리카셋은 3개로 시작합니다',
    ],
  ],
  [
    'Recreate creates the new ReplicaSet at full size',
    decision('deployment.newReplicaSet', {
      replicaSet: 'kubia-new',
      revision: '2',
      replicas: 3,
      strategy: 'Recreate',
      maxSurge: '0',
      desired: 3,
      maxTotal: 3,
      existing: 0,
    }),
    ['Recreate', '레플리카 3개 전부로 시작합니다'],
  ],
  [
    'scaling a settled Deployment scales its only ReplicaSet',
    decision('scale.single', { replicaSet: 'kubia-a', from: 3, to: 5 }),
    ['spec.replicas가 5로 바뀌었습니다', '3개에서 5개로'],
  ],
  [
    'scaling mid-rollout adds in proportion',
    decision('scale.proportional', {
      allowed: 13,
      current: 4,
      toAdd: 9,
      replicas: 10,
      surge: 3,
      sizes: 'a 3→9, b 1→4',
    }),
    ['레플리카 10 + maxSurge 3 = 13개', '9개를 늘리되', 'a 3→9, b 1→4'],
  ],
  [
    'revisionHistoryLimit deletes the oldest empty ReplicaSet',
    decision('cleanup.delete', { replicaSet: 'kubia-old', limit: 2, old: 3 }),
    ['revisionHistoryLimit이 2인데 이전 레플리카셋이 3개', '(kubia-old)을 지웁니다'],
  ],
  [
    'Recreate scales every old ReplicaSet to zero first',
    decision('recreate.scaleDownOld', { oldReplicaSets: 1 }),
    ['이전 레플리카셋 1개를 먼저 모두 0으로'],
  ],
  [
    'Recreate waits for old pods to go',
    decision('recreate.waitOldPods', { oldPods: 3 }),
    ['이전 파드 3개가 아직'],
  ],
  [
    'the progress deadline passes and nothing rolls back',
    decision('progress.deadlineExceeded', { progressDeadlineSeconds: 60 }),
    ['progressDeadlineSeconds(60초)', 'ProgressDeadlineExceeded', '스스로 롤백하지 않고'],
  ],
  [
    'a too-large new ReplicaSet shrinks',
    decision('rolling.newTooLarge', { replicaSet: 'kubia-new', from: 5, to: 3 }),
    ['5개인데', '3개로 줄입니다'],
  ],
  [
    'maxSurge 1 of 3 lets the new ReplicaSet grow by one',
    decision('rolling.scaleUpNew', {
      replicas: 3,
      maxSurge: '1',
      surge: 1,
      maxTotal: 4,
      current: 3,
      from: 0,
      to: 1,
    }),
    ['maxSurge 1이므로', '3 + 1 = 4개까지', '1개를 더할 수 있어', '0개에서 1개로 늘립니다'],
  ],
  [
    'maxSurge 0 blocks the new ReplicaSet until old pods go',
    decision('rolling.newBlocked', {
      replicas: 3,
      maxSurge: '0',
      surge: 0,
      maxTotal: 3,
      current: 3,
      from: 0,
      to: 0,
    }),
    ['레플리카 3 + maxSurge 0 = 3개', '이미 3개'],
  ],
  [
    'maxUnavailable 0 keeps every old pod until new ones are available',
    decision('rolling.oldBlocked', {
      replicas: 3,
      maxUnavailable: '0',
      unavailable: 0,
      minAvailable: 3,
      allPods: 4,
      newUnavailable: 1,
      maxScaledDown: 0,
    }),
    ['maxUnavailable 0이므로 최소 3 − 0 = 3개', '4 − 3 − 1 = 0'],
  ],
  [
    'maxUnavailable 25% of 10 rounds down to 2',
    decision('rolling.scaleDownOld', {
      replicas: 10,
      maxUnavailable: '25%',
      unavailable: 2,
      minAvailable: 8,
      allPods: 13,
      newUnavailable: 3,
      maxScaledDown: 2,
      cleanedUp: 0,
      scaledDown: 2,
      total: 2,
    }),
    ['maxUnavailable 25%: 10의 25%는 2.5, 내림하여 2', '10 − 2 = 8개', '13 − 8 − 3 = 2개', '2개 줄입니다.'],
  ],
  [
    'a deleted pod leaves the endpoints and gets its grace period',
    decision('pod.terminating', { seconds: 5, grace: 30 }, pod),
    ['종료 중(Terminating)', '5초 동안', 'terminationGracePeriodSeconds 30 안에서'],
  ],
  [
    'a deleted pod whose app outlasts its grace period is killed when it runs out',
    decision('pod.terminating', { seconds: 2, grace: 2, killed: true }, pod),
    [
      '종료 중(Terminating)',
      'terminationGracePeriodSeconds(2) 안에 종료되지 않아',
      '2초 뒤에 강제로 종료됩니다',
    ],
  ],
  [
    'a deleted pod with no grace period is gone at once',
    decision('pod.terminating', { seconds: 0, grace: 0 }, pod),
    ['바로 사라집니다'],
  ],
  [
    'a deleted pod whose container is not running has nothing to stop',
    decision('pod.terminating', { seconds: 0, grace: 30, waiting: 'CrashLoopBackOff' }, pod),
    ['실행 중이 아닐 때(CrashLoopBackOff)', '멈출 것이 없으므로 바로 사라집니다'],
  ],
  [
    'a Service whose selector changed routes to the pods it picks now',
    decision(
      'endpoints.reselected',
      { selector: 'app=kubia,color=green', previous: 'app=kubia,color=blue', ready: 3, notReady: 0 },
      { kind: 'Service', namespace: 'default', name: 'kubia' },
    ),
    [
      '서비스 kubia의 셀렉터가 app=kubia,color=blue에서 app=kubia,color=green으로 바뀌었습니다',
      'Ready 3개이며',
    ],
  ],
  [
    'a missing image backs off',
    decision('pod.pullBackOff', { image: 'luksa/kubia:v9-missing', backoff: 10 }, pod),
    ['luksa/kubia:v9-missing', '10초 기다린 뒤'],
  ],
  [
    'an image the node lacks is not pulled under imagePullPolicy Never',
    decision('pod.neverPull', { image: 'kubia:dev', node: 'node-1' }, pod),
    ['kubia:dev', 'imagePullPolicy가 Never이므로', 'ErrImageNeverPull'],
  ],
  [
    'a crashing container backs off',
    decision('pod.crashLoop', { restarts: 2, backoff: 20, exitCode: 1 }, pod),
    ['종료 코드 1', '재시작 2회', '20초 뒤'],
  ],
  [
    'a container whose process ended is not restarted (restartPolicy Never)',
    decision('pod.exited', { exitCode: 0, policy: 'Never', phase: 'Succeeded' }, pod),
    ['종료 코드 0으로', 'restartPolicy가 Never이므로', 'Succeeded(완료)', '삭제할 때까지'],
  ],
  [
    'a failing liveness probe restarts the container',
    decision('pod.livenessRestart', { failures: 3 }, pod),
    ['연속 3번 실패'],
  ],
  [
    'a failing readiness probe takes the pod out of the Service',
    decision('pod.readinessFailed', { failures: 3, threshold: 3 }, pod),
    ['연속 3번 실패', 'failureThreshold 3', '엔드포인트에서 빠지고'],
  ],
  [
    'a pod whose probe never passes stays not Ready',
    decision('pod.neverReady', { failures: 3 }, pod),
    ['Ready가 되지 못합니다'],
  ],
  [
    'a pod that fits nowhere stays Pending',
    decision('schedule.failed', { nodes: 3, cpu: 0.5, memory: 268435456 }, pod),
    ['CPU 500m, 메모리 256Mi', '3개 중 하나도 없습니다', 'Pending'],
  ],
  [
    'a budget that allows a disruption says how many',
    decision(
      'pdb.allowed',
      { current: 3, desired: 2, expected: 3, allowed: 1 },
      { kind: 'PodDisruptionBudget', namespace: 'default', name: 'kubia' },
    ),
    ['3개 중 3개가 정상', '2개는 남아', '1개까지 축출'],
  ],
  [
    'a budget that allows none blocks evictions',
    decision(
      'pdb.blocked',
      { current: 2, desired: 2, expected: 3, allowed: 0 },
      { kind: 'PodDisruptionBudget', namespace: 'default', name: 'kubia' },
    ),
    ['3개 중 2개가 정상', '축출할 수 없습니다'],
  ],
  [
    'drain retries an eviction the budget refused',
    decision('drain.evictionRefused', { retry: 5 }, pod),
    ['5초 뒤에 다시 시도'],
  ],
  [
    'a node that stops posting status goes NotReady and is tainted',
    decision('node.unreachable', { grace: 50, tolerationSeconds: 300 }, { kind: 'Node', name: 'node-2' }),
    ['50초', 'NotReady', 'unreachable:NoExecute', '300초'],
  ],
  [
    'a node that posts again is Ready',
    decision('node.ready', {}, { kind: 'Node', name: 'node-2' }),
    ['노드 node-2', 'Ready'],
  ],
  [
    'a cordoned node takes no new pods',
    decision('node.cordoned', {}, { kind: 'Node', name: 'node-1' }),
    ['cordon', 'NoSchedule'],
  ],
  [
    'a pod past its toleration is evicted',
    decision('pod.taintEvicted', { node: 'node-2' }, pod),
    ['노드 node-2', 'tolerationSeconds', '축출'],
  ],
  [
    "a pod's scheduled eviction is cancelled",
    decision('pod.taintEvictionCancelled', { node: 'node-2' }, pod),
    ['노드 node-2', '기다리지 않습니다'],
  ],
  ['a killed container restarts with back-off', decision('fault.kill', {}, pod), ['137', 'CrashLoopBackOff']],
  [
    'an unhealthy app without probes goes unnoticed',
    decision('fault.unhealthy', { probes: 'none' }, pod),
    ['500', '프로브가 없으므로'],
  ],
  ['an app made healthy again', decision('fault.healthy', {}, pod), ['정상적으로']],
  ['a node whose kubelet stops', decision('fault.nodeDown', {}, { kind: 'Node', name: 'node-2' }), ['50초']],
  [
    'a node whose kubelet starts again',
    decision('fault.nodeUp', {}, { kind: 'Node', name: 'node-2' }),
    ['kubelet'],
  ],
];

describe('explain', () => {
  it.each(cases)('%s', (_name, d, parts) => {
    const ko = explain(d, 'ko');
    for (const p of parts) expect(ko).toContain(p);
    expect(ko).not.toBe(d.message);
    expect(ko).not.toMatch(/undefined|NaN|\$\{/);
    expect(explain(d, 'en')).toBe(d.message);
  });

  it('covers every code in the table', () => {
    expect(new Set(cases.map(([, d]) => d.code))).toEqual(new Set(EXPLAINED_CODES));
  });

  it('falls back to the English message for a code it does not know', () => {
    expect(explain(decision('future.code', {}), 'ko')).toBe('(future.code)');
  });

  it.each([
    ['25%', 10, 3, true, 'maxSurge 25% of 10 is 2.5, rounded up to 3'],
    ['25%', 10, 2, false, 'maxSurge 25% of 10 is 2.5, rounded down to 2'],
    ['25%', 4, 1, true, 'maxSurge 25% of 4 is 1'],
    ['1', 3, 1, true, 'maxSurge is 1'],
    ['0', 3, 1, false, 'maxSurge is 0 (maxSurge and maxUnavailable cannot both be 0, so 1)'],
    ['5', 3, 3, false, 'maxSurge is 5 (capped at the 3 replicas: 3)'],
  ] as const)('resolves %s of %i to %i (round up: %s)', (raw, total, result, up, en) => {
    expect(resolvedPhrase('maxSurge', raw, total, result, up, 'en')).toBe(en);
  });
});

/** Every decision code written anywhere in the controllers' sources (`code: '…'`, `code: x ? '…' : '…'`). */
function emittedCodes(): string[] {
  const root = join(import.meta.dirname, '..', 'cluster');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(root);
  const codes = new Set<string>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\bcode:\s*([^,\n]+)/g))
      for (const lit of m[1]!.matchAll(/'([a-z]+\.[A-Za-z]+)'/g)) codes.add(lit[1]!);
  }
  return [...codes].sort();
}

describe('coverage of the controllers', () => {
  it('finds the decision codes in the sources', () => {
    expect(emittedCodes()).toContain('rolling.scaleUpNew');
    expect(emittedCodes()).toContain('rolling.newBlocked');
  });

  it('has a Korean template for every decision code a controller emits', () => {
    const missing = emittedCodes().filter((c) => !EXPLAINED_CODES.includes(c));
    expect(missing, `decision codes without a Korean template in src/explain/ko.ts`).toEqual([]);
  });
});

describe('English', () => {
  it.each([
    ['since 2025-01-01T00:01:40Z: Progressing becomes False', 'since 1:40: Progressing becomes False'],
    // From an hour on as the playback clock reads it: h:mm:ss.
    ['between 2025-01-01T00:00:05Z and 2025-01-01T01:02:03Z', 'between 0:05 and 1:02:03'],
    ['since 2025-01-01T01:34:07Z', 'since 1:34:07'],
    ['since 2025-01-01T10:00:00Z', 'since 10:00:00'],
    ['no timestamp here', 'no timestamp here'],
  ])('gives timestamps on the app clock: %s', (message, want) => {
    expect(explain({ ...decision('progress.deadlineExceeded', {}), message }, 'en')).toBe(want);
  });
});
