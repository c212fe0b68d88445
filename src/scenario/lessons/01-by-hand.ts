/** Lesson 1: updating pods by hand — delete all and recreate, or start new then delete old. */
import { docs, replicaSetYaml, serviceYaml } from './manifests.ts';
import { lesson } from './types.ts';

const v1 = replicaSetYaml('kubia-v1', 'luksa/kubia:v1', { app: 'kubia', rel: 'v1' });
const v2 = replicaSetYaml('kubia-v2', 'luksa/kubia:v2', { app: 'kubia', rel: 'v2' });

export const byHand = lesson({
  id: 'by-hand',
  title: { en: 'Updating pods by hand', ko: '파드를 손으로 업데이트하기' },
  summary: {
    en: 'Delete all and recreate (and watch requests fail), or start the new pods first and then delete the old.',
    ko: '모두 지우고 다시 만들기(요청이 실패하는 것을 봅니다)와, 새 파드를 먼저 띄운 뒤 이전 파드 지우기.',
  },
  minutes: 6,
  scenario: {
    spec: {
      seed: 11,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      manifests: docs(serviceYaml(), v1),
      steps: [
        {
          at: 18,
          run: 'kubectl get pods --show-labels',
          stop: true,
          expect: {
            pods: { v1: 3 },
            replicaSets: { v1: 3 },
            services: { kubia: { endpoints: 3 } },
            answersPerSecond: { v1: 10 },
            refusedPerSecond: 0,
          },
          say: {
            en: 'Before Deployments: ReplicaSet kubia-v1 keeps three pods of luksa/kubia:v1 running, and Service kubia sends each request to one of them. Clients send 10 requests a second; each dot is one request, coloured by the version that answered.',
            ko: '디플로이먼트가 없던 시절처럼 해 봅니다. 레플리카셋 kubia-v1이 luksa/kubia:v1 파드 세 개를 유지하고, 서비스 kubia가 요청을 그중 하나로 보냅니다. 클라이언트는 초당 10개의 요청을 보냅니다. 점 하나가 요청 하나이고, 응답한 버전의 색으로 표시됩니다.',
          },
          question: {
            prompt: {
              en: 'First way: delete ReplicaSet kubia-v1 (its pods go with it), then create ReplicaSet kubia-v2. For about how long will clients find no pod to answer them?',
              ko: '첫 번째 방법: 레플리카셋 kubia-v1을 지우고(파드도 함께 지워집니다) 레플리카셋 kubia-v2를 만듭니다. 클라이언트가 응답할 파드를 찾지 못하는 시간은 대략 얼마일까요?',
            },
            choices: [
              { en: 'not at all', ko: '전혀 없음' },
              { en: 'about 1 second', ko: '약 1초' },
              { en: 'about 10 seconds', ko: '약 10초' },
            ],
            answer: 2,
            reveals: ['timeline'],
            explain: {
              en: 'A deleted pod leaves the Service’s endpoints at once. The new pods must be scheduled (1 s), pull the v2 image (about 5 s) and start (2 s): from 0:20 to about 0:29 every request is refused.',
              ko: '지워진 파드는 즉시 서비스의 엔드포인트에서 빠집니다. 새 파드는 스케줄링(1초), v2 이미지 풀(약 5초), 시작(2초)을 거쳐야 하므로 0:20부터 약 0:29까지 모든 요청이 거부됩니다.',
            },
          },
        },
        {
          at: 20,
          run: 'kubectl delete replicaset kubia-v1 --wait=false',
          say: {
            en: 'Delete all: the ReplicaSet goes, and the garbage collector deletes its pods.',
            ko: '모두 지우기: 레플리카셋이 지워지고, 가비지 컬렉터가 그 파드를 지웁니다.',
          },
        },
        {
          at: 21,
          run: 'kubectl apply -f -',
          stdin: v2,
          say: {
            en: 'Recreate: a new ReplicaSet with the v2 template.',
            ko: '다시 만들기: v2 템플릿을 가진 새 레플리카셋.',
          },
        },
        {
          at: 40,
          run: 'kubectl get pods',
          stop: true,
          expect: {
            trafficShare: { v2: 100 },
            timeline: [
              { from: 18, firstRefused: 20, lastRefused: '28..29' },
              { from: 20, to: 28, answered: { v1: 0, v2: 0 } },
            ],
          },
          say: {
            en: 'v2 answers now. Look at the timeline below: the red gap between 0:20 and about 0:29 is every request refused while no pod was ready. That is the cost of delete-then-create.',
            ko: '이제 v2가 응답합니다. 아래 타임라인을 보세요. 0:20부터 약 0:29까지의 빨간 구간은 준비된 파드가 하나도 없어서 거부된 요청입니다. 지우고 다시 만드는 방식의 대가입니다.',
          },
        },
        {
          at: 45,
          run: 'kubectl get endpoints kubia',
          stop: true,
          expect: { pods: { v2: 3 }, replicaSets: { v1: 'absent', v2: 3 } },
          say: {
            en: 'Second way, going back to v1: this time start the new pods beside the old ones first, and delete the old ones only when the new ones are ready.',
            ko: '두 번째 방법으로 v1로 돌아가 봅니다. 이번에는 새 파드를 이전 파드 옆에 먼저 띄우고, 새 파드가 준비된 뒤에만 이전 파드를 지웁니다.',
          },
          question: {
            prompt: {
              en: 'Both ReplicaSets’ pods carry the label app=kubia. While both sets run, how many pods answer requests?',
              ko: '두 레플리카셋의 파드 모두 app=kubia 레이블을 가집니다. 두 세트가 함께 실행되는 동안 몇 개의 파드가 요청에 응답할까요?',
            },
            choices: ['3', '6', '0'],
            answer: 1,
            reveals: ['timeline'],
            explain: {
              en: 'The Service selects app=kubia, so every ready pod of both sets is an endpoint: 3 + 3 = 6, and clients get v1 and v2 answers mixed.',
              ko: '서비스는 app=kubia를 선택하므로 두 세트의 준비된 파드가 모두 엔드포인트입니다. 3 + 3 = 6개이고, 클라이언트는 v1과 v2의 응답을 섞어서 받습니다.',
            },
          },
        },
        {
          at: 50,
          run: 'kubectl apply -f -',
          stdin: v1,
          say: {
            en: 'Start new: ReplicaSet kubia-v1 again, beside kubia-v2.',
            ko: '새로 띄우기: kubia-v2 옆에 레플리카셋 kubia-v1을 다시 만듭니다.',
          },
        },
        {
          at: 65,
          run: 'kubectl get endpoints kubia',
          stop: true,
          expect: {
            services: { kubia: { endpoints: 6, endpointsByVersion: { v1: 3, v2: 3 } } },
            trafficShare: { v1: '>0', v2: '>0' },
          },
          say: {
            en: 'Six endpoints, two versions answering at once. Only now delete the old set.',
            ko: '엔드포인트가 여섯 개이고, 두 버전이 동시에 응답합니다. 이제서야 이전 세트를 지웁니다.',
          },
        },
        {
          at: 70,
          run: 'kubectl delete replicaset kubia-v2 --wait=false',
          say: {
            en: 'Delete old: the v2 pods leave the endpoints; the v1 pods keep answering.',
            ko: '이전 것 지우기: v2 파드가 엔드포인트에서 빠지고, v1 파드가 계속 응답합니다.',
          },
        },
        {
          at: 85,
          run: 'kubectl get pods',
          stop: true,
          expect: { pods: { v1: 3, v2: 0 }, timeline: { from: 45, refused: 0 } },
          say: {
            en: 'Not one request was refused this time. But you had to watch and act at the right moment, for every update. A Deployment does exactly this for you — the next lessons.',
            ko: '이번에는 거부된 요청이 하나도 없습니다. 하지만 업데이트마다 지켜보다가 알맞은 때에 직접 명령해야 했습니다. 디플로이먼트가 바로 이 일을 대신합니다. 다음 레슨에서 봅니다.',
          },
        },
      ],
    },
  },
});
