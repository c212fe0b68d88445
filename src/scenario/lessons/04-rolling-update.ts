/** Lesson 4: RollingUpdate — the defaults, then maxSurge 1/maxUnavailable 0, then 0/1. */
import { deploymentYaml, docs, serviceYaml } from './manifests.ts';
import { lesson } from './types.ts';

const strategy = (surge: number, unavailable: number) =>
  `kubectl patch deployment kubia -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":${surge},"maxUnavailable":${unavailable}}}}}'`;

export const rollingUpdate = lesson({
  id: 'rolling-update',
  title: { en: 'Rolling update', ko: '롤링 업데이트' },
  summary: {
    en: 'The default strategy with its arithmetic, then maxSurge 1/maxUnavailable 0 and 0/1: two versions serve at once.',
    ko: '기본 전략과 그 계산, 그다음 maxSurge 1/maxUnavailable 0과 0/1. 두 버전이 동시에 응답합니다.',
  },
  minutes: 9,
  scenario: {
    spec: {
      seed: 14,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: docs(serviceYaml(), deploymentYaml({ image: 'luksa/kubia:v1', replicas: 10 })),
      steps: [
        {
          at: 20,
          run: 'kubectl get deployment kubia',
          stop: true,
          expect: {
            pods: { v1: 10 },
            deployments: { kubia: { strategy: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%' } },
          },
          say: {
            en: 'Ten pods of v1. The Deployment has no strategy in its manifest, so it got the default: RollingUpdate with maxSurge 25% and maxUnavailable 25%.',
            ko: 'v1 파드 열 개입니다. 매니페스트에 전략이 없으므로 기본값을 받았습니다. maxSurge 25%, maxUnavailable 25%인 RollingUpdate입니다.',
          },
          question: {
            prompt: {
              en: 'maxSurge 25% of 10 replicas: at most how many pods may exist during the rollout?',
              ko: '레플리카 10개에 maxSurge 25%: 롤아웃 중에 파드는 최대 몇 개까지 있을 수 있을까요?',
            },
            // A number to work out, not a choice to guess among: the arithmetic is the lesson.
            number: { answer: 13, unit: { en: 'pods', ko: '개' } },
            reveals: ['budget.max', 'why', 'timeline'],
            explain: {
              en: '25% of 10 is 2.5; maxSurge rounds up, to 3. 10 + 3 = 13 pods at most.',
              ko: '10의 25%는 2.5이고, maxSurge는 올림하므로 3입니다. 10 + 3 = 최대 13개입니다.',
            },
          },
        },
        {
          at: 25,
          run: 'kubectl get replicasets',
          stop: true,
          expect: { pods: { v1: 10 }, replicaSets: { v2: 'absent' } },
          say: {
            en: 'Next you change the image to v2. In its first sync the controller creates the new ReplicaSet and may also scale the old one down.',
            ko: '이제 이미지를 v2로 바꿉니다. 첫 동기화에서 컨트롤러는 새 레플리카셋을 만들고, 이전 레플리카셋을 줄일 수도 있습니다.',
          },
          question: {
            prompt: {
              en: 'How many v1 pods will be left (not Terminating) right after `kubectl set image`?',
              ko: '`kubectl set image` 직후 (종료 중이 아닌) v1 파드는 몇 개 남을까요?',
            },
            choices: ['7', '8', '10'],
            answer: 1,
            reveals: ['budget.min', 'why', 'timeline'],
            explain: {
              en: 'maxUnavailable 25% of 10 is 2.5, rounded down: 2, so at least 10 − 2 = 8 pods must stay available. The new ReplicaSet starts at 13 − 10 = 3 (not available yet); 13 − 8 − 3 = 2 old pods may go: 10 → 8. That frees room under the 13, so the new ReplicaSet grows at once to 13 − 8 = 5.',
              ko: 'maxUnavailable 25%: 10의 25%는 2.5, 내림하여 2이므로 최소 10 − 2 = 8개는 사용 가능해야 합니다. 새 레플리카셋은 13 − 10 = 3개로 시작하고(아직 사용 불가), 13 − 8 − 3 = 2개의 이전 파드를 지울 수 있습니다. 10 → 8. 그러면 13개 안에 자리가 생기므로 새 레플리카셋은 곧바로 13 − 8 = 5개로 늘어납니다.',
            },
          },
        },
        {
          at: 30,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v2',
          say: { en: 'Change the image to v2.', ko: '이미지를 v2로 바꿉니다.' },
        },
        {
          at: 31,
          run: 'kubectl get replicasets',
          stop: true,
          expect: {
            replicaSets: { v2: 5, v1: 8 },
            deployments: { kubia: { budget: { pods: 13, max: 13, available: 8, min: 8 } } },
          },
          say: {
            en: 'New ReplicaSet at 5, old at 8: 13 pods specified (the most allowed), 8 available (the fewest allowed). Neither may move now: the old ReplicaSet shrinks only as new pods become available, and the new one grows only as old ones go.',
            ko: '새 레플리카셋 5개, 이전 레플리카셋 8개. 지정된 파드는 13개(허용되는 최대), 사용 가능한 파드는 8개(허용되는 최소)입니다. 지금은 둘 다 움직일 수 없습니다. 이전 레플리카셋은 새 파드가 사용 가능해지는 만큼만 줄고, 새 레플리카셋은 이전 파드가 빠지는 만큼만 늘어납니다.',
          },
        },
        {
          at: 40,
          run: 'kubectl get pods',
          stop: true,
          expect: {
            trafficShare: { v1: '>0', v2: '>0' },
            services: { kubia: { endpointsByVersion: { v1: 3, v2: 5 } } },
          },
          say: {
            en: 'Look at the dots and the counter: v1 and v2 both answer. Both ReplicaSets’ pods carry app=kubia, so the Service sends each request to any ready pod of either version: three of v1 and five of v2 right now. During a rolling update clients get either version; your app must cope with that.',
            ko: '점과 카운터를 보세요. v1과 v2가 둘 다 응답합니다. 두 레플리카셋의 파드 모두 app=kubia를 가지므로 서비스는 요청을 어느 버전이든 준비된 파드로 보냅니다. 지금은 v1 파드 세 개와 v2 파드 다섯 개입니다. 롤링 업데이트 중에는 클라이언트가 어느 버전이든 받을 수 있으니, 앱이 이를 감당할 수 있어야 합니다.',
          },
        },
        {
          at: 70,
          run: 'kubectl rollout status deployment kubia --watch=false',
          stop: true,
          expect: {
            pods: { v2: 10 },
            deployments: { kubia: { phase: 'complete' } },
            timeline: { from: 30, refused: 0 },
          },
          say: {
            en: 'Done, and no request was refused. Now the same rollout, one pod at a time.',
            ko: '끝났고, 거부된 요청은 없습니다. 이제 같은 롤아웃을 한 번에 한 파드씩 해 봅니다.',
          },
          question: {
            prompt: {
              en: 'With maxSurge 1 and maxUnavailable 0, how many v2 pods may be removed before the first v2.1 pod is available?',
              ko: 'maxSurge 1, maxUnavailable 0이면 첫 v2.1 파드가 사용 가능해지기 전에 v2 파드를 몇 개 지울 수 있을까요?',
            },
            choices: ['0', '1', '2'],
            answer: 0,
            reveals: ['why', 'timeline'],
            explain: {
              en: 'maxUnavailable 0: at least 10 − 0 = 10 pods must stay available. With 11 specified and 1 new not yet available, 11 − 10 − 1 = 0 may go. One new pod, then one old pod, ten times.',
              ko: 'maxUnavailable 0: 최소 10 − 0 = 10개가 사용 가능해야 합니다. 지정된 11개 중 새 파드 1개가 아직 사용 불가이므로 11 − 10 − 1 = 0개를 지울 수 있습니다. 새 파드 하나, 이전 파드 하나를 열 번 반복합니다.',
            },
          },
        },
        {
          at: 75,
          run: strategy(1, 0),
          say: {
            en: 'maxSurge 1, maxUnavailable 0: never fewer than 10 available, never more than 11 pods.',
            ko: 'maxSurge 1, maxUnavailable 0: 사용 가능한 파드는 10개 아래로, 전체 파드는 11개 위로 가지 않습니다.',
          },
        },
        {
          at: 80,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v2.1',
          say: { en: 'Roll out a patch release, v2.1.', ko: '패치 릴리스 v2.1을 배포합니다.' },
        },
        {
          at: 95,
          run: 'kubectl get replicasets',
          stop: true,
          expect: {
            replicaSets: { 'v2.1': 2, v2: 9 },
            pods: { 'v2.1': { available: 1 } },
            deployments: { kubia: { budget: { max: 11, min: 10 } } },
          },
          say: {
            en: 'One at a time: a v2 pod goes only after a v2.1 pod is available. The safest pace, and the slowest; it also needs room for one extra pod.',
            ko: '한 번에 하나씩: v2.1 파드가 사용 가능해진 뒤에야 v2 파드 하나가 빠집니다. 가장 안전하고 가장 느린 속도이며, 파드 하나만큼의 여유 자리가 필요합니다.',
          },
        },
        {
          at: 140,
          run: 'kubectl rollout status deployment kubia --watch=false',
          stop: true,
          expect: { pods: { 'v2.1': 10 }, deployments: { kubia: { phase: 'complete' } } },
          say: {
            en: 'Done. Last variant: maxSurge 0 and maxUnavailable 1, for a cluster with no room to spare.',
            ko: '끝났습니다. 마지막은 여유 자리가 없는 클러스터를 위한 maxSurge 0, maxUnavailable 1입니다.',
          },
          question: {
            prompt: {
              en: 'With maxSurge 0 and maxUnavailable 1, how many pods exist at most during the rollout (Terminating ones aside)?',
              ko: 'maxSurge 0, maxUnavailable 1이면 롤아웃 중 파드는 (종료 중인 것을 빼고) 최대 몇 개일까요?',
            },
            choices: ['9', '10', '11'],
            answer: 1,
            reveals: ['budget.max', 'budget.min', 'why', 'timeline'],
            explain: {
              en: 'maxSurge 0: at most 10 + 0 = 10 pods may be specified, so a new pod is created only after an old one is removed; maxUnavailable 1 lets one go first, leaving 9 available.',
              ko: 'maxSurge 0: 최대 10 + 0 = 10개까지만 지정할 수 있으므로 이전 파드가 빠진 뒤에만 새 파드가 만들어집니다. maxUnavailable 1이 먼저 하나를 빼도록 허용하므로 사용 가능한 파드는 9개가 됩니다.',
            },
          },
        },
        {
          at: 145,
          run: strategy(0, 1),
          say: {
            en: 'Set maxSurge 0, maxUnavailable 1.',
            ko: 'maxSurge 0, maxUnavailable 1로 바꿉니다.',
          },
        },
        {
          at: 150,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v2.2',
          say: { en: 'Roll out v2.2.', ko: 'v2.2를 배포합니다.' },
        },
        {
          at: 160,
          run: 'kubectl get replicasets',
          stop: true,
          expect: {
            replicaSets: { 'v2.2': 2, 'v2.1': 8 },
            deployments: { kubia: { budget: { pods: 10, max: 10, available: 9, min: 9 } } },
          },
          say: {
            en: 'First an old pod goes (9 available), then a new one is created in its place. No extra room needed, one pod less capacity during the rollout.',
            ko: '먼저 이전 파드 하나가 빠지고(사용 가능 9개), 그 자리에 새 파드가 만들어집니다. 여유 자리는 필요 없지만 롤아웃 동안 용량이 파드 하나만큼 줄어듭니다.',
          },
        },
        {
          at: 200,
          run: 'kubectl rollout status deployment kubia --watch=false',
          stop: true,
          expect: {
            deployments: { kubia: { phase: 'complete' } },
            timeline: [
              { from: 30, to: 70, together: ['v1', 'v2'] },
              { from: 80, to: 140, together: ['v2', 'v2.1'] },
              { from: 150, together: ['v2.1', 'v2.2'] },
            ],
          },
          say: {
            en: 'maxSurge sets how fast new pods come (and how much room you need); maxUnavailable sets how fast old ones go (and how much capacity you may lose). In every variant two versions answered at once.',
            ko: 'maxSurge는 새 파드가 얼마나 빨리 늘어나는지(그리고 여유 자리가 얼마나 필요한지), maxUnavailable은 이전 파드가 얼마나 빨리 빠지는지(그리고 용량을 얼마나 잃어도 되는지)를 정합니다. 어떤 경우든 두 버전이 동시에 응답했습니다.',
          },
        },
      ],
    },
  },
});
