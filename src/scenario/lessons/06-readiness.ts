/** Lesson 6: minReadySeconds and a readiness probe stop the broken v3; progressDeadlineSeconds. */
import { deploymentYaml, docs, rolling, serviceYaml } from './manifests.ts';
import { lesson } from './types.ts';

export const readiness = lesson({
  id: 'readiness',
  title: { en: 'Blocking a bad release', ko: '잘못된 릴리스 막기' },
  summary: {
    en: 'minReadySeconds and a readiness probe stop the broken v3; the progress deadline passes; nothing rolls back by itself.',
    ko: 'minReadySeconds와 레디니스 프로브가 고장 난 v3를 막습니다. 진행 기한이 지나도 스스로 롤백하지는 않습니다.',
  },
  minutes: 7,
  scenario: {
    spec: {
      seed: 16,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: docs(
        serviceYaml(),
        deploymentYaml({
          image: 'luksa/kubia:v2',
          minReadySeconds: 10,
          progressDeadlineSeconds: 60,
          strategy: rolling(1, 0),
          readinessProbe: true,
        }),
      ),
      steps: [
        {
          at: 25,
          run: 'kubectl get deployment kubia',
          stop: true,
          expect: {
            pods: { v2: 3 },
            deployments: { kubia: { minReadySeconds: 10, maxSurge: 1, maxUnavailable: 0 } },
          },
          say: {
            en: 'kubia runs v2 with a readiness probe (GET / every second), minReadySeconds: 10 (a new pod counts as available only after 10 s of being ready), maxSurge 1, maxUnavailable 0, and progressDeadlineSeconds: 60 (the default is 600).',
            ko: 'kubia는 v2를 실행합니다. 레디니스 프로브(1초마다 GET /), minReadySeconds: 10(새 파드는 10초 동안 준비 상태를 유지해야 사용 가능으로 셈), maxSurge 1, maxUnavailable 0, progressDeadlineSeconds: 60(기본값은 600)입니다.',
          },
          question: {
            prompt: {
              en: 'v3 answers HTTP 500 from its fifth request on. After `set image` to v3, how many v2 pods will be removed?',
              ko: 'v3는 다섯 번째 요청부터 HTTP 500으로 응답합니다. v3로 `set image`하면 v2 파드는 몇 개 지워질까요?',
            },
            choices: ['0', '1', '3'],
            answer: 0,
            reveals: ['why', 'timeline'],
            explain: {
              en: 'maxUnavailable 0: an old pod goes only when a new one is available. The v3 pod passes a few probes, then fails three in a row and is no longer ready — before its 10 s of minReadySeconds pass. It never becomes available, so no v2 pod is removed.',
              ko: 'maxUnavailable 0: 새 파드가 사용 가능해져야 이전 파드가 빠집니다. v3 파드는 프로브 몇 번을 통과한 뒤 연속 세 번 실패해 준비 상태를 잃습니다. minReadySeconds 10초가 지나기 전입니다. 사용 가능해지지 않으므로 v2 파드는 하나도 지워지지 않습니다.',
            },
          },
        },
        {
          at: 30,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v3',
          say: { en: 'Roll out the broken v3.', ko: '고장 난 v3를 배포합니다.' },
        },
        {
          at: 50,
          run: 'kubectl get pods',
          stop: true,
          expect: {
            pods: { v3: { running: 1 } },
            services: { kubia: { notReady: 1, endpointsByVersion: { v2: 3, v3: 0 } } },
            trafficShare: { v2: 100 },
            errorsPerSecond: '>0',
            timeline: { from: 30, errors: '>0' },
          },
          say: {
            en: 'The v3 pod is Running but 0/1 READY: its readiness probe fails, so it left the Service’s endpoints. A few requests reached it while it was ready (red dots); the v2 pods answer the rest.',
            ko: 'v3 파드는 Running이지만 READY가 0/1입니다. 레디니스 프로브가 실패해 서비스의 엔드포인트에서 빠졌습니다. 준비 상태였던 동안 몇몇 요청이 이 파드로 갔고(빨간 점), 나머지는 v2 파드가 응답합니다.',
          },
        },
        {
          at: 55,
          run: 'kubectl rollout status deployment kubia --watch=false',
          stop: true,
          expect: { deployments: { kubia: { updated: 1, replicas: 3, phase: 'progress' } } },
          say: {
            en: 'The rollout is stuck at 1 of 3 new replicas. Without minReadySeconds the v3 pod would have counted as available the moment its first probe passed, and the rollout would have gone on.',
            ko: '롤아웃은 새 레플리카 3개 중 1개에서 멈췄습니다. minReadySeconds가 없었다면 v3 파드는 첫 프로브를 통과하자마자 사용 가능으로 세어졌고 롤아웃은 계속되었을 것입니다.',
          },
          question: {
            prompt: {
              en: 'progressDeadlineSeconds is 60. What does Kubernetes do when a minute passes without progress?',
              ko: 'progressDeadlineSeconds는 60입니다. 1분 동안 진척이 없으면 쿠버네티스는 무엇을 할까요?',
            },
            choices: [
              { en: 'Rolls back to v2', ko: 'v2로 롤백한다' },
              { en: 'Marks the rollout failed and waits', ko: '롤아웃을 실패로 표시하고 기다린다' },
              { en: 'Deletes the v3 pod', ko: 'v3 파드를 지운다' },
            ],
            answer: 1,
            reveals: ['timeline'],
            explain: {
              en: 'The Progressing condition becomes False with reason ProgressDeadlineExceeded, and `rollout status` exits with an error. That is all: the controller keeps the v3 pod and keeps trying. Rolling back is your decision.',
              ko: 'Progressing 조건이 이유 ProgressDeadlineExceeded와 함께 False가 되고, `rollout status`는 오류로 끝납니다. 그것뿐입니다. 컨트롤러는 v3 파드를 그대로 두고 계속 시도합니다. 롤백은 사용자가 결정합니다.',
            },
          },
        },
        {
          at: 100,
          run: 'kubectl rollout status deployment kubia --watch=false',
          stop: true,
          expect: {
            deployments: {
              kubia: {
                phase: 'stalled',
                conditions: { Progressing: { status: 'False', reason: 'ProgressDeadlineExceeded' } },
              },
            },
          },
          expectExit: 1,
          say: {
            en: '“exceeded its progress deadline”: a CI pipeline running `kubectl rollout status` would fail here. Kubernetes does not roll back by itself: it cannot know whether the new version is wrong or just slow (a big image, a full cluster).',
            ko: '“exceeded its progress deadline”: `kubectl rollout status`를 실행하는 CI 파이프라인이라면 여기서 실패합니다. 쿠버네티스는 스스로 롤백하지 않습니다. 새 버전이 잘못된 것인지 단지 느린 것인지(큰 이미지, 꽉 찬 클러스터) 알 수 없기 때문입니다.',
          },
        },
        {
          at: 105,
          run: 'kubectl describe deployment kubia',
          stop: true,
          expect: {
            deployments: {
              kubia: { conditions: { Progressing: { status: 'False', reason: 'ProgressDeadlineExceeded' } } },
            },
            replicaSets: { v3: 1 },
          },
          say: {
            en: 'In `describe`: Progressing False, ProgressDeadlineExceeded. The v3 ReplicaSet still wants its pod. You roll back.',
            ko: '`describe`에서: Progressing False, ProgressDeadlineExceeded. v3 레플리카셋은 여전히 파드를 원합니다. 롤백은 사용자가 합니다.',
          },
        },
        {
          at: 110,
          run: 'kubectl rollout undo deployment kubia',
          say: { en: 'Roll back to v2.', ko: 'v2로 롤백합니다.' },
        },
        {
          at: 125,
          run: 'kubectl rollout status deployment kubia --watch=false',
          stop: true,
          expect: {
            pods: { v2: 3, v3: { total: 0 } },
            replicaSets: { v3: 0 },
            deployments: { kubia: { phase: 'complete' } },
          },
          say: {
            en: 'Back on v2; the v3 pod is gone. The readiness probe and minReadySeconds kept v3 from replacing a single v2 pod: that is what they are for.',
            ko: '다시 v2입니다. v3 파드는 사라졌습니다. 레디니스 프로브와 minReadySeconds 덕분에 v3는 v2 파드를 하나도 대체하지 못했습니다. 이것이 두 설정의 역할입니다.',
          },
        },
      ],
    },
  },
});
