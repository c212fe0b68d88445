/** Lesson 5: Deployment → ReplicaSet → Pods; pod-template-hash; old ReplicaSets; revisionHistoryLimit. */
import { deploymentYaml, docs, serviceYaml } from './manifests.ts';
import { lesson } from './types.ts';

export const replicaSets = lesson({
  id: 'replicasets',
  title: { en: 'Deployment, ReplicaSets and Pods', ko: '디플로이먼트, 레플리카셋, 파드' },
  summary: {
    en: 'One ReplicaSet per revision, named by the pod-template-hash; old ones kept for rollbacks, up to revisionHistoryLimit.',
    ko: '리비전마다 레플리카셋 하나, 이름은 pod-template-hash로. 이전 레플리카셋은 롤백을 위해 revisionHistoryLimit만큼 남습니다.',
  },
  minutes: 7,
  scenario: {
    spec: {
      seed: 15,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: docs(serviceYaml(), deploymentYaml({ image: 'luksa/kubia:v1', revisionHistoryLimit: 2 })),
      steps: [
        {
          at: 20,
          run: 'kubectl get replicasets',
          stop: true,
          expect: { replicaSetCount: 1, pods: { v1: 3 }, revisions: { v1: 1 } },
          say: {
            en: 'You created a Deployment; the Deployment controller created a ReplicaSet, and the ReplicaSet controller created the pods. The ReplicaSet’s name is the Deployment’s name plus a hash of the pod template.',
            ko: '사용자는 디플로이먼트를 만들었고, 디플로이먼트 컨트롤러가 레플리카셋을, 레플리카셋 컨트롤러가 파드를 만들었습니다. 레플리카셋의 이름은 디플로이먼트 이름에 파드 템플릿의 해시를 붙인 것입니다.',
          },
        },
        {
          at: 25,
          run: 'kubectl get pods --show-labels',
          stop: true,
          expect: { pods: { v1: 3 }, replicaSetCount: 1 },
          say: {
            en: 'Each pod carries pod-template-hash with the same value, and the ReplicaSet’s selector includes it. So ReplicaSets of different templates never count each other’s pods, though all pods share app=kubia.',
            ko: '모든 파드에는 같은 값의 pod-template-hash 레이블이 있고, 레플리카셋의 셀렉터에도 이 레이블이 들어 있습니다. 그래서 모든 파드가 app=kubia를 공유해도 템플릿이 다른 레플리카셋끼리 서로의 파드를 세지 않습니다.',
          },
          question: {
            prompt: {
              en: 'You change the image to v2. Once the rollout is done, how many ReplicaSets does kubia have?',
              ko: '이미지를 v2로 바꿉니다. 롤아웃이 끝나면 kubia의 레플리카셋은 몇 개일까요?',
            },
            choices: ['1', '2', '3'],
            answer: 1,
            reveals: ['timeline'],
            explain: {
              en: 'A new template has a new hash, so a new ReplicaSet (revision 2) takes the pods over. The old one is scaled to 0 but kept: it is revision 1, what `rollout undo` goes back to.',
              ko: '템플릿이 바뀌면 해시도 바뀌므로 새 레플리카셋(리비전 2)이 파드를 넘겨받습니다. 이전 레플리카셋은 0으로 줄지만 남아 있습니다. `rollout undo`가 돌아갈 리비전 1입니다.',
            },
          },
        },
        {
          at: 30,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v2',
          say: { en: 'Change the image to v2.', ko: '이미지를 v2로 바꿉니다.' },
        },
        {
          at: 60,
          run: 'kubectl get replicasets',
          stop: true,
          expect: { replicaSets: { v2: 3, v1: 0 }, replicaSetCount: 2 },
          say: {
            en: 'Two ReplicaSets: the new one with 3 pods, the old one with 0. Nothing runs in the old one, but its pod template is the record of revision 1.',
            ko: '레플리카셋이 두 개입니다. 새 것은 파드 3개, 이전 것은 0개입니다. 이전 레플리카셋에서는 아무것도 실행되지 않지만, 그 파드 템플릿이 리비전 1의 기록입니다.',
          },
        },
        {
          at: 65,
          run: 'kubectl rollout history deployment kubia',
          stop: true,
          expect: { revisions: { v1: 1, v2: 2 } },
          say: {
            en: 'The history is the list of ReplicaSets and their revision annotations. This Deployment sets revisionHistoryLimit: 2 (the default is 10).',
            ko: '히스토리는 레플리카셋들과 그 리비전 애너테이션의 목록입니다. 이 디플로이먼트는 revisionHistoryLimit: 2로 설정했습니다(기본값은 10).',
          },
          question: {
            prompt: {
              en: 'Two more updates follow (v2.1, then v2.2). How many old ReplicaSets are left afterwards?',
              ko: '업데이트가 두 번 더 이어집니다(v2.1, 그다음 v2.2). 그 뒤에 이전 레플리카셋은 몇 개 남을까요?',
            },
            choices: ['1', '2', '3'],
            answer: 1,
            reveals: ['timeline'],
            explain: {
              en: 'Four templates make four ReplicaSets: one new and three old. revisionHistoryLimit 2 keeps two old ones, so once the rollout is complete the oldest empty one (revision 1) is deleted.',
              ko: '템플릿 네 개로 레플리카셋이 네 개가 됩니다. 새 것 하나와 이전 것 셋입니다. revisionHistoryLimit 2는 이전 것 두 개만 남기므로, 롤아웃이 끝나면 비어 있는 가장 오래된 것(리비전 1)이 지워집니다.',
            },
          },
        },
        {
          at: 70,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v2.1',
          say: { en: 'Revision 3: v2.1.', ko: '리비전 3: v2.1.' },
        },
        {
          at: 100,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v2.2',
          say: { en: 'Revision 4: v2.2.', ko: '리비전 4: v2.2.' },
        },
        {
          at: 135,
          run: 'kubectl get replicasets',
          stop: true,
          expect: { replicaSetCount: 3, replicaSets: { 'v2.2': 3, v2: 0, 'v2.1': 0, v1: 'absent' } },
          say: {
            en: 'Three ReplicaSets: v2.2 with the pods, v2 and v2.1 empty. The v1 ReplicaSet was deleted when the rollout completed; you can no longer roll back to revision 1.',
            ko: '레플리카셋이 세 개입니다. 파드를 가진 v2.2, 비어 있는 v2와 v2.1. v1 레플리카셋은 롤아웃이 끝날 때 지워졌으므로 이제 리비전 1로는 롤백할 수 없습니다.',
          },
        },
        {
          at: 140,
          run: 'kubectl rollout history deployment kubia',
          stop: true,
          expect: { revisions: { v2: 2, 'v2.1': 3, 'v2.2': 4 }, replicaSetCount: 3 },
          say: {
            en: 'Revisions 2, 3 and 4. Deployment → ReplicaSets (one per template) → Pods: each controller manages only the level below it.',
            ko: '리비전 2, 3, 4. 디플로이먼트 → 레플리카셋(템플릿마다 하나) → 파드. 각 컨트롤러는 바로 아래 단계만 관리합니다.',
          },
        },
      ],
    },
  },
});
