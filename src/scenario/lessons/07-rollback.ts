/** Lesson 7: rollback — `rollout undo`, `--to-revision`, and why revision numbers change. */
import { deploymentYaml, docs, serviceYaml } from './manifests.ts';
import { lesson } from './types.ts';

export const rollback = lesson({
  id: 'rollback',
  title: { en: 'Rolling back', ko: '롤백' },
  summary: {
    en: '`rollout undo` and `--to-revision`: a rollback is a rollout to an old template, so it gets a new revision number.',
    ko: '`rollout undo`와 `--to-revision`: 롤백은 이전 템플릿으로의 롤아웃이므로 새 리비전 번호를 받습니다.',
  },
  minutes: 6,
  scenario: {
    spec: {
      seed: 17,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: docs(serviceYaml(), deploymentYaml({ image: 'luksa/kubia:v1' })),
      steps: [
        {
          at: 15,
          run: 'kubectl rollout history deployment kubia',
          stop: true,
          expect: { revisions: { v1: 1 }, replicaSetCount: 1 },
          say: {
            en: 'One revision so far. Two updates follow: v2, then the broken v3 — this time without a readiness probe to stop it.',
            ko: '지금은 리비전이 하나입니다. 업데이트가 두 번 이어집니다. v2, 그다음 고장 난 v3입니다. 이번에는 막아 줄 레디니스 프로브가 없습니다.',
          },
        },
        {
          at: 20,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v2',
          say: { en: 'Revision 2: v2.', ko: '리비전 2: v2.' },
        },
        {
          at: 50,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v3',
          say: { en: 'Revision 3: v3.', ko: '리비전 3: v3.' },
        },
        {
          at: 80,
          run: 'kubectl rollout history deployment kubia',
          stop: true,
          expect: {
            pods: { v3: { available: 3 } },
            deployments: { kubia: { phase: 'complete' } },
            errorsPerSecond: '>0',
          },
          say: {
            en: 'v3 is fully rolled out and answers HTTP 500 from each pod’s fifth request on — the red dots. Nothing stopped it. Time to undo.',
            ko: 'v3가 모두 배포되었고 파드마다 다섯 번째 요청부터 HTTP 500으로 응답합니다. 빨간 점입니다. 아무것도 막지 않았습니다. 되돌릴 때입니다.',
          },
          question: {
            prompt: {
              en: 'After `kubectl rollout undo`, which revisions does the history list?',
              ko: '`kubectl rollout undo` 뒤에 히스토리에는 어떤 리비전이 나올까요?',
            },
            choices: ['1, 2, 3', '1, 3, 4', '1, 2, 3, 4'],
            answer: 1,
            reveals: ['timeline'],
            explain: {
              en: 'Undo copies revision 2’s template back into the Deployment. That template matches the v2 ReplicaSet, which becomes the newest again and gets the next number, 4. Revision 2 is gone: it is revision 4 now.',
              ko: 'undo는 리비전 2의 템플릿을 디플로이먼트에 다시 복사합니다. 이 템플릿은 v2 레플리카셋과 같으므로 그 레플리카셋이 다시 최신이 되고 다음 번호인 4를 받습니다. 리비전 2는 사라지고 이제 리비전 4입니다.',
            },
          },
        },
        {
          at: 85,
          run: 'kubectl rollout undo deployment kubia',
          say: {
            en: 'Undo: back to the previous revision.',
            ko: 'undo: 이전 리비전으로 돌아갑니다.',
          },
        },
        {
          at: 115,
          run: 'kubectl rollout history deployment kubia',
          stop: true,
          expect: { revisions: { v1: 1, v3: 3, v2: 4 }, replicaSetCount: 3, replicaSets: { v2: 3 } },
          say: {
            en: 'Revisions 1, 3, 4. No new ReplicaSet was created: the old v2 ReplicaSet scaled up again, a rolling update like any other.',
            ko: '리비전 1, 3, 4. 새 레플리카셋은 만들어지지 않았습니다. 이전 v2 레플리카셋이 다시 늘어났을 뿐이고, 다른 롤링 업데이트와 똑같습니다.',
          },
        },
        {
          at: 120,
          run: 'kubectl rollout history deployment kubia --revision=1',
          stop: true,
          expect: { revisions: { v1: 1 } },
          say: {
            en: '`--revision=1` shows the pod template of revision 1: v1. `--to-revision` rolls back to it.',
            ko: '`--revision=1`은 리비전 1의 파드 템플릿(v1)을 보여 줍니다. `--to-revision`으로 이 리비전으로 롤백합니다.',
          },
          question: {
            prompt: {
              en: 'After `rollout undo --to-revision=1`, what is v1’s revision number?',
              ko: '`rollout undo --to-revision=1` 뒤에 v1의 리비전 번호는 무엇일까요?',
            },
            choices: ['1', '4', '5'],
            answer: 2,
            reveals: ['timeline'],
            explain: {
              en: 'The highest revision is 4, so the ReplicaSet that becomes current again gets 5, and 1 disappears from the history: 3, 4, 5.',
              ko: '가장 높은 리비전이 4이므로 다시 현재가 되는 레플리카셋은 5를 받고, 1은 히스토리에서 사라집니다. 3, 4, 5.',
            },
          },
        },
        {
          at: 125,
          run: 'kubectl rollout undo deployment kubia --to-revision=1',
          say: { en: 'Roll back to revision 1.', ko: '리비전 1로 롤백합니다.' },
        },
        {
          at: 155,
          run: 'kubectl rollout history deployment kubia',
          stop: true,
          expect: { revisions: { v3: 3, v2: 4, v1: 5 }, replicaSetCount: 3 },
          say: {
            en: 'Revisions 3, 4, 5. Revision numbers say when a template was last rolled out, not which version it is: look at the template (`--revision=N`) before you undo to a number.',
            ko: '리비전 3, 4, 5. 리비전 번호는 어떤 버전인지가 아니라 그 템플릿이 마지막으로 배포된 순서를 나타냅니다. 번호로 되돌리기 전에 템플릿(`--revision=N`)을 확인하세요.',
          },
        },
      ],
    },
  },
});
