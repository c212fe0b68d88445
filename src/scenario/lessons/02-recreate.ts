/** Lesson 2: a Deployment with strategy Recreate. */
import { deploymentYaml, docs, RECREATE, serviceYaml } from './manifests.ts';
import { lesson } from './types.ts';

export const recreate = lesson({
  id: 'recreate',
  title: { en: 'The Recreate strategy', ko: 'Recreate 전략' },
  summary: {
    en: 'A Deployment that stops every old pod before it starts a new one: simple, and down for a while.',
    ko: '새 파드를 띄우기 전에 이전 파드를 모두 멈추는 디플로이먼트: 단순하지만 한동안 서비스가 멈춥니다.',
  },
  minutes: 4,
  scenario: {
    spec: {
      seed: 12,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: docs(serviceYaml(), deploymentYaml({ image: 'luksa/kubia:v1', strategy: RECREATE })),
      steps: [
        {
          at: 20,
          run: 'kubectl get deployment kubia',
          stop: true,
          expect: {
            pods: { v1: 3 },
            deployments: { kubia: { strategy: 'Recreate', replicas: 3, available: 3 } },
          },
          say: {
            en: 'Deployment kubia runs three pods of v1 with strategy: Recreate. You change only the pod template; the Deployment controller decides how the pods are replaced.',
            ko: '디플로이먼트 kubia가 strategy: Recreate로 v1 파드 세 개를 실행합니다. 사용자는 파드 템플릿만 바꾸고, 파드를 어떻게 바꿀지는 디플로이먼트 컨트롤러가 정합니다.',
          },
          question: {
            prompt: {
              en: 'After `kubectl set image` to v2, how many pods answer requests five seconds later?',
              ko: '`kubectl set image`로 v2로 바꾸고 5초 뒤에는 몇 개의 파드가 요청에 응답할까요?',
            },
            choices: ['0', '3', '6'],
            answer: 0,
            reveals: ['why', 'timeline'],
            explain: {
              en: 'Recreate scales every old ReplicaSet to 0 first and creates the new pods only when no old pod is left (terminating ones count). Between the two, the Service has no endpoints.',
              ko: 'Recreate는 먼저 이전 레플리카셋을 모두 0으로 줄이고, 이전 파드가 하나도 남지 않았을 때(종료 중인 파드도 셉니다) 새 파드를 만듭니다. 그 사이 서비스에는 엔드포인트가 없습니다.',
            },
          },
        },
        {
          at: 25,
          run: 'kubectl set image deployment kubia nodejs=luksa/kubia:v2',
          say: {
            en: 'Change the image in the pod template.',
            ko: '파드 템플릿의 이미지를 바꿉니다.',
          },
        },
        {
          at: 28,
          run: 'kubectl get pods',
          stop: true,
          expect: {
            pods: { v1: { terminating: 3 } },
            replicaSets: { v1: 0, v2: 'absent' },
            services: { kubia: { endpoints: 0 } },
            refusedPerSecond: '>0',
            trafficShare: { v1: 100 },
          },
          say: {
            en: 'The old pods are Terminating and already out of the endpoints; the controller creates the v2 ReplicaSet only once they are gone. From this moment every request is refused. The counter covers the last 10 seconds, so it still shows v1’s earlier answers while the refused rate climbs.',
            ko: '이전 파드는 종료 중이고 이미 엔드포인트에서 빠졌습니다. 컨트롤러는 이 파드들이 모두 사라진 뒤에야 v2 레플리카셋을 만듭니다. 지금부터는 모든 요청이 거부됩니다. 카운터는 최근 10초를 세므로, 거부 비율이 올라가는 동안에도 앞서 v1이 응답한 요청이 아직 보입니다.',
          },
        },
        {
          at: 60,
          run: 'kubectl rollout status deployment kubia --watch=false',
          stop: true,
          expect: {
            pods: { v2: 3 },
            deployments: { kubia: { phase: 'complete' } },
            timeline: { from: 20, firstRefused: 25, lastRefused: '37..38', refusedSeconds: '12..14' },
          },
          compare: 'recreate-vs-rolling',
          say: {
            en: 'Done, with about 13 seconds of downtime: 5 s for the old pods to terminate, then scheduling, pulling and starting v2. Use Recreate when two versions must never run at once (an incompatible database schema, say) and a short outage is acceptable.',
            ko: '약 13초의 다운타임과 함께 끝났습니다. 이전 파드가 종료되는 5초, 그다음 v2의 스케줄링, 이미지 풀, 시작 시간입니다. 두 버전이 절대 동시에 실행되면 안 되고(예: 호환되지 않는 데이터베이스 스키마) 짧은 중단을 받아들일 수 있을 때 Recreate를 씁니다.',
          },
        },
      ],
    },
  },
});
