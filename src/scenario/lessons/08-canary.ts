/** Lesson 8: pause and resume — a canary by hand. */
import { deploymentYaml, docs, rolling, serviceYaml } from './manifests.ts';
import { lesson } from './types.ts';

export const canary = lesson({
  id: 'canary',
  title: { en: 'Pause and resume: a canary', ko: '일시 정지와 재개: 카나리' },
  summary: {
    en: 'Pause a rollout right after it starts, let one new pod take a share of the traffic, then resume.',
    ko: '롤아웃을 시작하자마자 일시 정지해 새 파드 하나가 트래픽 일부를 받게 한 뒤 재개합니다.',
  },
  minutes: 5,
  scenario: {
    spec: {
      seed: 18,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: docs(serviceYaml(), deploymentYaml({ image: 'luksa/kubia:v1', strategy: rolling(1, 0) })),
      steps: [
        {
          at: 20,
          run: 'kubectl get deployment kubia',
          stop: true,
          expect: { pods: { v1: 3 }, deployments: { kubia: { maxSurge: 1, maxUnavailable: 0 } } },
          say: {
            en: 'Three pods of v1, maxSurge 1, maxUnavailable 0. You will start a rollout to v2 and pause it a second later.',
            ko: 'v1 파드 세 개, maxSurge 1, maxUnavailable 0. v2로 롤아웃을 시작하고 1초 뒤에 일시 정지합니다.',
          },
          question: {
            prompt: {
              en: 'How many v2 pods run while the rollout is paused?',
              ko: '롤아웃이 일시 정지된 동안 v2 파드는 몇 개 실행될까요?',
            },
            choices: ['0', '1', '3'],
            answer: 1,
            reveals: ['budget.max', 'why', 'timeline'],
            explain: {
              en: 'maxSurge 1: the first sync creates the new ReplicaSet with 3 + 1 − 3 = 1 pod. Then the rollout is paused: the controller scales nothing further, so 3 v1 pods and 1 v2 pod stay.',
              ko: 'maxSurge 1: 첫 동기화에서 새 레플리카셋이 3 + 1 − 3 = 1개로 만들어집니다. 그다음 롤아웃이 일시 정지되어 컨트롤러가 더는 조정하지 않으므로 v1 파드 3개와 v2 파드 1개가 남습니다.',
            },
          },
        },
        {
          at: 25,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v2',
          say: { en: 'Start the rollout to v2…', ko: 'v2로 롤아웃을 시작하고…' },
        },
        {
          at: 26,
          run: 'kubectl rollout pause deployment kubia',
          say: { en: '…and pause it.', ko: '…일시 정지합니다.' },
        },
        {
          at: 50,
          run: 'kubectl get pods',
          stop: true,
          expect: {
            services: { kubia: { endpoints: 4, endpointsByVersion: { v1: 3, v2: 1 } } },
            trafficShare: { v2: '15..35' },
            deployments: { kubia: { phase: 'paused' } },
          },
          say: {
            en: 'The canary: one v2 pod among four endpoints. Watch the dots: about a quarter of the requests reach v2. Real users try the new version while most stay on v1.',
            ko: '카나리: 엔드포인트 네 개 중 v2 파드 하나. 점을 보세요. 요청의 약 4분의 1이 v2로 갑니다. 대부분은 v1에 머무는 동안 실제 사용자가 새 버전을 써 봅니다.',
          },
          question: {
            prompt: {
              en: 'While paused, can you roll back with `kubectl rollout undo`?',
              ko: '일시 정지된 동안 `kubectl rollout undo`로 롤백할 수 있을까요?',
            },
            choices: [
              { en: 'Yes', ko: '예' },
              { en: 'No, resume first', ko: '아니요, 먼저 재개해야 한다' },
            ],
            answer: 1,
            reveals: [],
            explain: {
              en: 'kubectl refuses to roll back a paused Deployment: “you cannot rollback a paused deployment; resume it first”.',
              ko: 'kubectl은 일시 정지된 디플로이먼트의 롤백을 거부합니다: “you cannot rollback a paused deployment; resume it first”.',
            },
          },
        },
        {
          at: 55,
          run: 'kubectl rollout undo deployment kubia',
          expectExit: 1,
          stop: true,
          expect: { deployments: { kubia: { paused: true } } },
          say: {
            en: 'Refused, as promised. Pausing is also how you batch several changes (image, resources, env) into one rollout. The canary looks healthy; resume.',
            ko: '예상대로 거부되었습니다. 일시 정지는 여러 변경(이미지, 자원, 환경 변수)을 하나의 롤아웃으로 묶는 방법이기도 합니다. 카나리가 건강해 보이니 재개합니다.',
          },
        },
        {
          at: 60,
          run: 'kubectl rollout resume deployment kubia',
          say: { en: 'Resume the rollout.', ko: '롤아웃을 재개합니다.' },
        },
        {
          at: 90,
          run: 'kubectl rollout status deployment kubia --watch=false',
          stop: true,
          expect: { pods: { v2: 3, v1: 0 }, deployments: { kubia: { phase: 'complete' } } },
          say: {
            en: 'The rollout finished where it left off. A paused rollout is a canary by hand; tools such as Argo Rollouts or Flagger automate the same idea with traffic weights and metrics.',
            ko: '롤아웃이 멈춘 곳에서 이어서 끝났습니다. 일시 정지한 롤아웃은 손으로 하는 카나리입니다. Argo Rollouts나 Flagger 같은 도구는 트래픽 비율과 지표로 같은 생각을 자동화합니다.',
          },
        },
      ],
    },
  },
});
