/** Lesson 3: blue/green — a full second set beside the first, then a Service selector switch. */
import { deploymentYaml, docs, serviceYaml } from './manifests.ts';
import { lesson } from './types.ts';

const blue = { app: 'kubia', color: 'blue' };
const green = { app: 'kubia', color: 'green' };

export const blueGreen = lesson({
  id: 'blue-green',
  title: { en: 'Blue/green deployment', ko: '블루/그린 배포' },
  summary: {
    en: 'Run a full green set beside blue, switch the Service’s selector in one step, and pay for twice the pods.',
    ko: '블루 옆에 그린 세트 전체를 띄우고, 서비스의 셀렉터를 한 번에 바꿉니다. 파드가 두 배로 필요합니다.',
  },
  minutes: 6,
  scenario: {
    spec: {
      seed: 13,
      cluster: { nodes: 3, cpu: '2', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: docs(
        serviceYaml(blue),
        deploymentYaml({ name: 'kubia-blue', image: 'luksa/kubia:v1', labels: blue, cpu: '1' }),
      ),
      steps: [
        {
          at: 20,
          run: 'kubectl get pods --show-labels',
          stop: true,
          expect: {
            pods: { v1: 3 },
            services: { kubia: { selector: 'app=kubia,color=blue' } },
            cpu: { requested: 3, allocatable: 6 },
          },
          say: {
            en: 'Deployment kubia-blue runs v1; its pods carry color=blue, and Service kubia selects app=kubia,color=blue. Each pod requests 1 CPU; the cluster has 3 nodes of 2 CPUs.',
            ko: '디플로이먼트 kubia-blue가 v1을 실행합니다. 파드에는 color=blue 레이블이 있고, 서비스 kubia는 app=kubia,color=blue를 선택합니다. 파드마다 CPU 1개를 요청하고, 클러스터에는 CPU 2개짜리 노드가 3개 있습니다.',
          },
          question: {
            prompt: {
              en: 'Green is a second Deployment of 3 pods (v2, color=green). Once it runs beside blue, how much of the cluster’s CPU is requested?',
              ko: '그린은 파드 3개짜리 두 번째 디플로이먼트(v2, color=green)입니다. 블루 옆에서 실행되면 클러스터 CPU 중 얼마가 요청될까요?',
            },
            choices: [
              { en: '3 of 6 CPUs', ko: 'CPU 6개 중 3개' },
              { en: '6 of 6 CPUs', ko: 'CPU 6개 중 6개' },
              { en: '9 of 6 CPUs', ko: 'CPU 6개 중 9개' },
            ],
            answer: 1,
            reveals: ['timeline'],
            explain: {
              en: 'Blue’s 3 pods × 1 CPU + green’s 3 pods × 1 CPU = 6 CPUs: the whole cluster. Blue/green needs room for two complete sets.',
              ko: '블루 파드 3개 × CPU 1 + 그린 파드 3개 × CPU 1 = CPU 6개, 클러스터 전체입니다. 블루/그린에는 완전한 세트 두 개를 위한 자리가 필요합니다.',
            },
          },
        },
        {
          at: 25,
          run: 'kubectl apply -f -',
          stdin: deploymentYaml({ name: 'kubia-green', image: 'luksa/kubia:v2', labels: green, cpu: '1' }),
          say: {
            en: 'Create green: Deployment kubia-green with v2. The Service does not select it yet.',
            ko: '그린을 만듭니다: v2를 실행하는 디플로이먼트 kubia-green. 서비스는 아직 이 파드를 선택하지 않습니다.',
          },
        },
        {
          at: 45,
          run: 'kubectl get deployments',
          stop: true,
          expect: {
            deployments: { 'kubia-green': { available: 3, phase: 'complete' } },
            services: { kubia: { selector: 'app=kubia,color=blue', endpointsByVersion: { v1: 3, v2: 0 } } },
            trafficShare: { v1: 100 },
            cpu: { requested: 6, allocatable: 6 },
          },
          say: {
            en: 'Green is ready, yet every request still goes to v1: the Service’s selector says color=blue. This is when you would test green directly. The nodes are full: 6 of 6 CPUs requested.',
            ko: '그린이 준비되었지만 모든 요청은 여전히 v1로 갑니다. 서비스의 셀렉터가 color=blue이기 때문입니다. 지금이 그린을 직접 테스트할 때입니다. 노드는 꽉 찼습니다. CPU 6개 중 6개가 요청되었습니다.',
          },
          question: {
            prompt: {
              en: 'What happens if green needs a fourth pod now?',
              ko: '지금 그린에 네 번째 파드가 필요하면 어떻게 될까요?',
            },
            choices: [
              { en: 'It runs on the least busy node', ko: '가장 한가한 노드에서 실행된다' },
              { en: 'It stays Pending', ko: 'Pending 상태로 남는다' },
              { en: 'A blue pod is evicted', ko: '블루 파드 하나가 쫓겨난다' },
            ],
            answer: 1,
            reveals: ['timeline'],
            explain: {
              en: 'The scheduler finds no node with 1 CPU free (0/3 nodes are available: 3 Insufficient cpu), so the pod stays Pending until room appears. Pods of equal priority do not preempt each other.',
              ko: '스케줄러가 CPU 1개의 여유가 있는 노드를 찾지 못하므로(0/3 nodes are available: 3 Insufficient cpu) 자리가 날 때까지 파드는 Pending으로 남습니다. 우선순위가 같은 파드는 서로를 밀어내지 않습니다.',
            },
          },
        },
        {
          at: 50,
          run: 'kubectl scale deployment kubia-green --replicas=4',
          say: { en: 'Ask for a fourth green pod.', ko: '그린 파드를 네 개로 늘려 봅니다.' },
        },
        {
          at: 55,
          run: 'kubectl get pods',
          stop: true,
          expect: { pods: { v2: { pending: 1, available: 3 } }, events: { FailedScheduling: '>0' } },
          say: {
            en: 'The fourth pod is Pending: FailedScheduling, Insufficient cpu. Twice the pods is twice the capacity. Scale green back to 3.',
            ko: '네 번째 파드는 Pending입니다. FailedScheduling, Insufficient cpu. 파드가 두 배면 필요한 용량도 두 배입니다. 그린을 다시 3개로 줄입니다.',
          },
        },
        {
          at: 56,
          run: 'kubectl scale deployment kubia-green --replicas=3',
        },
        {
          at: 60,
          run: 'kubectl get service kubia -o wide',
          stop: true,
          expect: { pods: { v2: 3 }, services: { kubia: { selector: 'app=kubia,color=blue' } } },
          say: {
            en: 'Now the switch: one patch changes the Service’s selector from color=blue to color=green.',
            ko: '이제 전환합니다. 패치 한 번으로 서비스의 셀렉터를 color=blue에서 color=green으로 바꿉니다.',
          },
          question: {
            prompt: {
              en: 'During the switch, how many requests will be refused?',
              ko: '전환하는 동안 몇 개의 요청이 거부될까요?',
            },
            choices: [
              { en: 'none', ko: '하나도 없다' },
              { en: 'a few', ko: '몇 개' },
              { en: 'all, for about 10 s', ko: '약 10초 동안 전부' },
            ],
            answer: 0,
            reveals: ['timeline'],
            explain: {
              en: 'The endpoints controller replaces the three blue addresses with the three green ones in one update, and the green pods are already ready. Requests go from all-v1 to all-v2 with no mixing.',
              ko: '엔드포인트 컨트롤러가 블루 주소 세 개를 그린 주소 세 개로 한 번에 바꾸고, 그린 파드는 이미 준비되어 있습니다. 요청은 섞이는 구간 없이 모두 v1에서 모두 v2로 바뀝니다.',
            },
          },
        },
        {
          at: 65,
          run: `kubectl patch service kubia -p '{"spec":{"selector":{"app":"kubia","color":"green"}}}'`,
          say: { en: 'The switch.', ko: '전환.' },
        },
        {
          at: 75,
          run: 'kubectl get endpoints kubia',
          stop: true,
          expect: {
            trafficShare: { v2: 100 },
            pods: { v1: 3 },
            services: { kubia: { selector: 'app=kubia,color=green' } },
            timeline: { from: 60, refused: 0 },
          },
          say: {
            en: 'Every request is answered by v2 now. Blue still runs: if v2 misbehaves, switching the selector back is an instant rollback.',
            ko: '이제 모든 요청에 v2가 응답합니다. 블루는 아직 실행 중이므로, v2에 문제가 있으면 셀렉터를 되돌리는 것만으로 즉시 롤백할 수 있습니다.',
          },
        },
        {
          at: 80,
          run: 'kubectl scale deployment kubia-blue --replicas=0',
          say: {
            en: 'Confident in green, scale blue to zero and free its CPU.',
            ko: '그린에 확신이 생기면 블루를 0으로 줄여 CPU를 돌려받습니다.',
          },
        },
        {
          at: 95,
          run: 'kubectl get deployments',
          stop: true,
          expect: { pods: { v1: 0, v2: 3 }, cpu: { requested: 3 }, timeline: { from: 60, refused: 0 } },
          say: {
            en: 'Blue/green: no mixed versions and an instant way back, at the price of twice the resources during the switch. Kubernetes has no strategy for it; you build it from two Deployments and a Service.',
            ko: '블루/그린: 버전이 섞이지 않고 즉시 되돌릴 수 있지만, 전환하는 동안 자원이 두 배로 듭니다. 쿠버네티스에 이런 전략이 따로 있지는 않고, 디플로이먼트 두 개와 서비스 하나로 직접 만듭니다.',
          },
        },
      ],
    },
  },
});
