/**
 * Output that must be byte-identical to kubectl 1.33 reading the same objects from a real API
 * server (issue 15). Each expected text was checked against the real binary reading the
 * simulator's objects; the states are built from the book's chapter and small clusters.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario, type Cluster } from '../index.ts';
import { withKubia } from './test-fixtures.ts';

const chapter = readFileSync(new URL('../scenario/examples/kubia-chapter.yaml', import.meta.url), 'utf8');

const setups: Record<string, () => Cluster> = {
  /** v2 rolled out, one v3 pod running but failing its readiness probe. */
  v3NotReady: () => runScenario(chapter, 170),
  kubia: () => withKubia(),
  /** kubia with a 150-character annotation and a short one. */
  annotated: () => {
    const c = withKubia();
    c.kubectl(`annotate deploy kubia long=${'x'.repeat(150)} short=a`);
    return c;
  },
};

// [case, state, command line, stdout, stderr, exit code]
const rows: [string, string, string, string, string, number][] = [
  [
    'describe svc lists only ready endpoints (the failing v3 pod is left out)',
    'v3NotReady',
    'describe svc kubia',
    'Name:                     kubia\nNamespace:                default\nLabels:                   <none>\nAnnotations:              <none>\nSelector:                 app=kubia\nType:                     LoadBalancer\nIP Family Policy:         SingleStack\nIP Families:              IPv4\nIP:                       10.96.20.205\nIPs:                      10.96.20.205\nPort:                     <unset>  80/TCP\nTargetPort:               8080/TCP\nNodePort:                 <unset>  31782/TCP\nEndpoints:                10.244.1.3:8080,10.244.2.3:8080,10.244.3.3:8080\nSession Affinity:         None\nExternal Traffic Policy:  Cluster\nInternal Traffic Policy:  Cluster\nEvents:                   <none>\n',
    '',
    0,
  ],
  [
    'EndpointSlice ports carry name "" as the controller writes it',
    'v3NotReady',
    'get endpointslices -o jsonpath={.items[0].ports}',
    '[{"name":"","port":8080,"protocol":"TCP"}]',
    '',
    0,
  ],
  [
    'rollout history --revision prints a bare tab before further labels',
    'v3NotReady',
    'rollout history deploy kubia --revision=2',
    'deployment.apps/kubia with revision #2\nPod Template:\n  Labels:\tapp=kubia\n\tpod-template-hash=5d86469bf9\n  Containers:\n   nodejs:\n    Image:\tluksa/kubia:v2\n    Port:\t<none>\n    Host Port:\t<none>\n    Readiness:\thttp-get http://:8080/ delay=0s timeout=1s period=1s #success=1 #failure=3\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
    '',
    0,
  ],
  [
    'rollout undo --dry-run=client prints the template with bare tabs',
    'v3NotReady',
    'rollout undo deploy kubia --dry-run=client',
    'deployment.apps/kubia Pod Template:\n  Labels:\tapp=kubia\n\tpod-template-hash=5d86469bf9\n  Containers:\n   nodejs:\n    Image:\tluksa/kubia:v2\n    Port:\t<none>\n    Host Port:\t<none>\n    Readiness:\thttp-get http://:8080/ delay=0s timeout=1s period=1s #success=1 #failure=3\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n (dry run)\n',
    '',
    0,
  ],
  [
    'describe deployment lists old ReplicaSets by creation time, not by name',
    'v3NotReady',
    'describe deploy kubia --show-events=false',
    'Name:                   kubia\nNamespace:              default\nCreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000\nLabels:                 <none>\nAnnotations:            deployment.kubernetes.io/revision: 3\nSelector:               app=kubia\nReplicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable\nStrategyType:           RollingUpdate\nMinReadySeconds:        10\nRollingUpdateStrategy:  0 max unavailable, 1 max surge\nPod Template:\n  Labels:  app=kubia\n  Containers:\n   nodejs:\n    Image:         luksa/kubia:v3\n    Port:          <none>\n    Host Port:     <none>\n    Readiness:     http-get http://:8080/ delay=0s timeout=1s period=1s #success=1 #failure=3\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\nConditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    ReplicaSetUpdated\nOldReplicaSets:  kubia-dbb475ccb (0/0 replicas created), kubia-5d86469bf9 (3/3 replicas created)\nNewReplicaSet:   kubia-99ccc8b46 (1/1 replicas created)\n',
    '',
    0,
  ],
  [
    'an annotation longer than 140 bytes prints on its own line, shortened',
    'annotated',
    'describe deploy kubia --show-events=false',
    `Name:                   kubia\nNamespace:              default\nCreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000\nLabels:                 <none>\nAnnotations:            deployment.kubernetes.io/revision: 1\n                        long:\n                          ${'x'.repeat(138)}...\n                        short: a\nSelector:               app=kubia\nReplicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\nStrategyType:           RollingUpdate\nMinReadySeconds:        0\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\nPod Template:\n  Labels:  app=kubia\n  Containers:\n   nodejs:\n    Image:         luksa/kubia:v1\n    Port:          <none>\n    Host Port:     <none>\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\nConditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    NewReplicaSetAvailable\nOldReplicaSets:  <none>\nNewReplicaSet:   kubia-556b495f69 (3/3 replicas created)\n`,
    '',
    0,
  ],
  [
    'describe pod: podIPs, the container id, the default tolerations',
    'v3NotReady',
    'describe pod kubia-99ccc8b46-2r547',
    'Name:             kubia-99ccc8b46-2r547\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             node-2/172.18.0.3\nStart Time:       Wed, 01 Jan 2025 00:02:01 +0000\nLabels:           app=kubia\n                  pod-template-hash=99ccc8b46\nAnnotations:      <none>\nStatus:           Running\nIP:               10.244.2.4\nIPs:\n  IP:           10.244.2.4\nControlled By:  ReplicaSet/kubia-99ccc8b46\nContainers:\n  nodejs:\n    Container ID:   containerd://189ba917a73315d2e528e9ec052ed9758e7d6b538ecbf9b287e52ab0374a2465\n    Image:          luksa/kubia:v3\n    Image ID:       docker.io/luksa/kubia@sha256:4e82743d4168753fc1832c6b0f59d98d66e2c2dde0067d8f1905a1e37d487995\n    Port:           <none>\n    Host Port:      <none>\n    State:          Running\n      Started:      Wed, 01 Jan 2025 00:02:07 +0000\n    Ready:          False\n    Restart Count:  0\n    Readiness:      http-get http://:8080/ delay=0s timeout=1s period=1s #success=1 #failure=3\n    Environment:    <none>\n    Mounts:         <none>\nConditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       False \n  ContainersReady             False \n  PodScheduled                True \nVolumes:                      <none>\nQoS Class:                    BestEffort\nNode-Selectors:               <none>\nTolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:\n  Type     Reason     Age                From               Message\n  ----     ------     ----               ----               -------\n  Normal   Scheduled  49s                default-scheduler  Successfully assigned default/kubia-99ccc8b46-2r547 to node-2\n  Normal   Pulling    49s                kubelet            Pulling image "luksa/kubia:v3"\n  Normal   Pulled     45s                kubelet            Successfully pulled image "luksa/kubia:v3" in 4.552s (4.552s including waiting). Image size: 45145204 bytes.\n  Normal   Created    43s                kubelet            Created container: nodejs\n  Normal   Started    43s                kubelet            Started container nodejs\n  Warning  Unhealthy  1s (x41 over 41s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 500\n',
    '',
    0,
  ],
  [
    'a pod carries containerID, podIPs, hostIPs and qosClass as the API server returns them',
    'v3NotReady',
    'get pod kubia-99ccc8b46-2r547 -o jsonpath={.status.containerStatuses[0].containerID}{.status.podIPs}{.status.hostIPs}{.status.qosClass}',
    'containerd://189ba917a73315d2e528e9ec052ed9758e7d6b538ecbf9b287e52ab0374a2465[{"ip":"10.244.2.4"}][{"ip":"172.18.0.3"}]BestEffort',
    '',
    0,
  ],
  [
    'get ns lists the namespaces of a fresh cluster',
    'kubia',
    'get ns',
    'NAME              STATUS   AGE\ndefault           Active   0s\nkube-node-lease   Active   0s\nkube-public       Active   0s\nkube-system       Active   0s\n',
    '',
    0,
  ],
  [
    'describe ns',
    'kubia',
    'describe ns default',
    'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    '',
    0,
  ],
  [
    'a namespace as the API server returns it',
    'kubia',
    'get ns kube-system -o yaml',
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: "2025-01-01T00:00:00Z"\n  labels:\n    kubernetes.io/metadata.name: kube-system\n  name: kube-system\n  resourceVersion: "4"\n  uid: d9e0619d-d8e0-400a-97e0-5e77d6e05ce4\nspec:\n  finalizers:\n  - kubernetes\nstatus:\n  phase: Active\n',
    '',
    0,
  ],
  [
    'events carry a uid and a resourceVersion',
    'kubia',
    'get events -o jsonpath={.items[0].metadata}',
    '{"creationTimestamp":"2025-01-01T00:00:00Z","name":"kubia-556b495f69-7p2bb.181f0a3c9006","namespace":"default","resourceVersion":"23","uid":"d2a30cb6-d3a3-4e49-90a3-0990d1a30b23"}',
    '',
    0,
  ],
];

describe('kubectl output as kubectl 1.33 prints it', () => {
  it.each(rows)('%s', (_name, state, line, stdout, stderr, exitCode) => {
    const c = setups[state]!();
    expect(c.kubectl(line)).toEqual({ stdout, stderr, exitCode });
  });
});
