/**
 * Output that must be byte-identical to kubectl 1.33 reading the same objects from a real API
 * server (issue 15). Each expected text was checked against the real binary reading the
 * simulator's objects; the states are built from the book's chapter and small clusters.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type Cluster } from '../index.ts';
import { kubiaYaml } from '../test-helpers/builders.ts';
import { executeKubectl, runKubectl } from './index.ts';
import { goPrintValue } from '../k8s/decode.ts';
import { goBool } from './parse.ts';
import { goSort } from './printers/sort.ts';
import { stringLess } from '../k8s/timsort.ts';
import { startKubectl, type KubectlOutputChunk } from './stream.ts';
import { cluster, withKubia } from './test-fixtures.ts';

const chapter = readFileSync(new URL('../scenario/examples/kubia-chapter.yaml', import.meta.url), 'utf8');

const pausedDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: paused
spec:
  paused: true
  replicas: 2
  selector:
    matchLabels: {app: paused}
  template:
    metadata:
      labels: {app: paused}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const setups: Record<string, () => Cluster> = {
  /** v2 rolled out, one v3 pod running but failing its readiness probe. */
  v3NotReady: () => runScenario(chapter, 170),
  /** The chapter 45 s in: v1 rolled out, the update to v2 under way. */
  chapter45: () => runScenario(chapter, 45),
  kubia: () => withKubia(),
  /** kubia with annotations change-cause=x and note=a, its pods labelled tier=web. */
  annotated2: () => {
    const c = withKubia();
    c.kubectl('annotate deploy kubia kubernetes.io/change-cause=x note=a');
    c.kubectl('label pods -l app=kubia tier=web');
    return c;
  },
  /** The v3NotReady state plus a Deployment created paused, which has no ReplicaSet. */
  withPaused: () => {
    const c = runScenario(chapter, 170);
    c.apply(pausedDeployment);
    return c;
  },
  /** kubia and web restarted at this very moment (the clock has not moved since). */
  restartedNow: () => {
    const c = withKubia();
    c.kubectl('create deployment web --image=nginx');
    c.kubectl('rollout restart deployment kubia web');
    return c;
  },
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
    'describe svc lists only ready endpoints (the failing v3 pod is left out, yet counted in " + 0 more...")',
    'v3NotReady',
    'describe svc kubia',
    'Name:                     kubia\nNamespace:                default\nLabels:                   <none>\nAnnotations:              <none>\nSelector:                 app=kubia\nType:                     LoadBalancer\nIP Family Policy:         SingleStack\nIP Families:              IPv4\nIP:                       10.96.20.205\nIPs:                      10.96.20.205\nPort:                     <unset>  80/TCP\nTargetPort:               8080/TCP\nNodePort:                 <unset>  31782/TCP\nEndpoints:                10.244.3.3:8080,10.244.2.3:8080,10.244.1.3:8080 + 0 more...\nSession Affinity:         None\nExternal Traffic Policy:  Cluster\nInternal Traffic Policy:  Cluster\nEvents:                   <none>\n',
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
    'Name:             kubia-99ccc8b46-2r547\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             node-2/172.18.0.3\nStart Time:       Wed, 01 Jan 2025 00:02:01 +0000\nLabels:           app=kubia\n                  pod-template-hash=99ccc8b46\nAnnotations:      <none>\nStatus:           Running\nIP:               10.244.2.4\nIPs:\n  IP:           10.244.2.4\nControlled By:  ReplicaSet/kubia-99ccc8b46\nContainers:\n  nodejs:\n    Container ID:   containerd://189ba917a73315d2e528e9ec052ed9758e7d6b538ecbf9b287e52ab0374a2465\n    Image:          luksa/kubia:v3\n    Image ID:       docker.io/luksa/kubia@sha256:4e82743d4168753fc1832c6b0f59d98d66e2c2dde0067d8f1905a1e37d487995\n    Port:           <none>\n    Host Port:      <none>\n    State:          Running\n      Started:      Wed, 01 Jan 2025 00:02:07 +0000\n    Ready:          False\n    Restart Count:  0\n    Readiness:      http-get http://:8080/ delay=0s timeout=1s period=1s #success=1 #failure=3\n    Environment:    <none>\n    Mounts:         <none>\nConditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       False \n  ContainersReady             False \n  PodScheduled                True \nVolumes:                      <none>\nQoS Class:                    BestEffort\nNode-Selectors:               <none>\nTolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:\n  Type     Reason     Age                 From               Message\n  ----     ------     ----                ----               -------\n  Normal   Scheduled  49s                 default-scheduler  Successfully assigned default/kubia-99ccc8b46-2r547 to node-2\n  Normal   Pulling    49s                 kubelet            Pulling image "luksa/kubia:v3"\n  Normal   Pulled     45s                 kubelet            Successfully pulled image "luksa/kubia:v3" in 4.552s (4.552s including waiting). Image size: 45145204 bytes.\n  Normal   Created    43s                 kubelet            Created container: nodejs\n  Normal   Started    43s                 kubelet            Started container nodejs\n  Warning  Unhealthy  21s (x21 over 41s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 500\n',
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
  [
    'rollout history of every Deployment: a Deployment without ReplicaSets still gets its header line',
    'withPaused',
    'rollout history deploy',
    'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\ndeployment.apps/paused \nNo rollout history found.\n',
    '',
    0,
  ],
  [
    'rollout history --revision of a Deployment without ReplicaSets',
    'withPaused',
    'rollout history deploy paused --revision=1',
    'deployment.apps/paused with revision #1\nNo rollout history found.\n',
    '',
    0,
  ],
  [
    'rollout history rejects a negative revision',
    'withPaused',
    'rollout history deploy kubia --revision=-1',
    '',
    'error: revision must be a positive integer: -1\n',
    1,
  ],
  [
    'rollout subcommands need a resource',
    'withPaused',
    'rollout undo',
    '',
    'error: required resource not specified\n',
    1,
  ],
  [
    'rollout status of a ReplicaSet: no status viewer',
    'withPaused',
    'rollout status rs kubia-5d86469bf9',
    '',
    'error: no status viewer has been implemented for ReplicaSet.apps\n',
    1,
  ],
  [
    'rollout undo of a ReplicaSet: no rollbacker',
    'withPaused',
    'rollout undo rs kubia-5d86469bf9',
    '',
    'error: no rollbacker has been implemented for "ReplicaSet.apps"\n',
    1,
  ],
  [
    'rollout restart of a Service is not supported',
    'withPaused',
    'rollout restart svc kubia',
    '',
    'error: services "kubia" restarting is not supported\n',
    1,
  ],
  [
    'a second rollout restart within the same second makes an empty patch, refused',
    'restartedNow',
    'rollout restart deployment kubia',
    '',
    'error: failed to create patch for kubia: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    1,
  ],
  [
    'the same for each of two objects: bare messages, one a line',
    'restartedNow',
    'rollout restart deployment kubia web',
    '',
    'failed to create patch for kubia: if restart has already been triggered within the past second, please wait before attempting to trigger another\nfailed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    1,
  ],
  [
    'one Deployment named twice is restarted twice: each patch is made from the object as fetched',
    'withPaused',
    'rollout restart deployment/kubia deployment/kubia',
    'deployment.apps/kubia restarted\ndeployment.apps/kubia restarted\n',
    '',
    0,
  ],
  [
    'a missing object is reported after the patches of those fetched, as one aggregate',
    'withPaused',
    'rollout restart deployment nosuch kubia',
    'deployment.apps/kubia restarted\n',
    'Error from server (NotFound): deployments.apps "nosuch" not found\n',
    1,
  ],
  [
    'rollout history of a Service: no visitor method',
    'withPaused',
    'rollout history svc kubia',
    '',
    'error: error retrieving history for "Service", no visitor method exists for { Service}\n',
    1,
  ],
  [
    'several errors print as bare messages, one a line',
    'withPaused',
    'rollout history po -l app=kubia',
    '',
    'no history viewer has been implemented for "Pod"\nno history viewer has been implemented for "Pod"\nno history viewer has been implemented for "Pod"\nno history viewer has been implemented for "Pod"\n',
    1,
  ],
  [
    'rollout history -o json prints the ReplicaSet as a typed object, fields in struct order',
    'withPaused',
    'rollout history deploy kubia --revision=2 -o json',
    '{\n    "kind": "ReplicaSet",\n    "apiVersion": "apps/v1",\n    "metadata": {\n        "name": "kubia-5d86469bf9",\n        "namespace": "default",\n        "uid": "0ba2f3da-8b38-47bb-9946-e7611d45bd8f",\n        "resourceVersion": "161",\n        "generation": 3,\n        "creationTimestamp": "2025-01-01T00:00:30Z",\n        "labels": {\n            "app": "kubia",\n            "pod-template-hash": "5d86469bf9"\n        },\n        "annotations": {\n            "deployment.kubernetes.io/desired-replicas": "3",\n            "deployment.kubernetes.io/max-replicas": "4",\n            "deployment.kubernetes.io/revision": "2"\n        },\n        "ownerReferences": [\n            {\n                "apiVersion": "apps/v1",\n                "kind": "Deployment",\n                "name": "kubia",\n                "uid": "31f53ce3-5c6c-470f-972e-171ad7da5693",\n                "controller": true,\n                "blockOwnerDeletion": true\n            }\n        ]\n    },\n    "spec": {\n        "replicas": 3,\n        "minReadySeconds": 10,\n        "selector": {\n            "matchLabels": {\n                "app": "kubia",\n                "pod-template-hash": "5d86469bf9"\n            }\n        },\n        "template": {\n            "metadata": {\n                "name": "kubia",\n                "creationTimestamp": null,\n                "labels": {\n                    "app": "kubia",\n                    "pod-template-hash": "5d86469bf9"\n                }\n            },\n            "spec": {\n                "containers": [\n                    {\n                        "name": "nodejs",\n                        "image": "luksa/kubia:v2",\n                        "resources": {},\n                        "readinessProbe": {\n                            "httpGet": {\n                                "path": "/",\n                                "port": 8080,\n                                "scheme": "HTTP"\n                            },\n                            "timeoutSeconds": 1,\n                            "periodSeconds": 1,\n                            "successThreshold": 1,\n                            "failureThreshold": 3\n                        },\n                        "terminationMessagePath": "/dev/termination-log",\n                        "terminationMessagePolicy": "File",\n                        "imagePullPolicy": "IfNotPresent"\n                    }\n                ],\n                "restartPolicy": "Always",\n                "terminationGracePeriodSeconds": 30,\n                "dnsPolicy": "ClusterFirst",\n                "securityContext": {},\n                "schedulerName": "default-scheduler"\n            }\n        }\n    },\n    "status": {\n        "replicas": 3,\n        "fullyLabeledReplicas": 3,\n        "readyReplicas": 3,\n        "availableReplicas": 3,\n        "observedGeneration": 3\n    }\n}\n',
    '',
    0,
  ],
  [
    'rollout history -o name names the ReplicaSets by revision',
    'withPaused',
    'rollout history deploy kubia -o name',
    'replicaset.apps/kubia-dbb475ccb\nreplicaset.apps/kubia-5d86469bf9\nreplicaset.apps/kubia-99ccc8b46\n',
    '',
    0,
  ],
  [
    'rollout history -o wide is no format of its printer',
    'withPaused',
    'rollout history deploy kubia -o wide',
    '',
    'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    1,
  ],
  [
    'resource/name arguments after a bare type: the builder names `get`',
    'withPaused',
    'rollout undo deploy kubia deploy/paused',
    '',
    "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    1,
  ],
  [
    'annotate KEY- removes a key that holds a slash',
    'annotated2',
    'annotate deploy kubia kubernetes.io/change-cause-',
    'deployment.apps/kubia annotated\n',
    '',
    0,
  ],
  [
    'the change-cause annotation may be overwritten without --overwrite',
    'annotated2',
    'annotate deploy kubia kubernetes.io/change-cause=y',
    'deployment.apps/kubia annotated\n',
    '',
    0,
  ],
  [
    'another annotation may not',
    'annotated2',
    'annotate deploy kubia note=b',
    '',
    "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (a)\n",
    1,
  ],
  [
    'annotate: a key both set and removed',
    'annotated2',
    'annotate deploy kubia a=1 a-',
    '',
    'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    1,
  ],
  [
    'annotate: resources must come before the changes',
    'annotated2',
    'annotate deploy kubia a=1 deploy/x',
    '',
    'error: all resources must be specified before annotation changes: deploy/x\n',
    1,
  ],
  [
    'label: removing a label the object does not have (the object has no labels: kubectl still sends an empty map)',
    'annotated2',
    'label deploy kubia nothere-',
    'label "nothere" not found.\ndeployment.apps/kubia labeled\n',
    '',
    0,
  ],
  [
    'label: removing a label, without --overwrite, says unlabeled',
    'annotated2',
    'label pods kubia-556b495f69-7p2bb tier-',
    'pod/kubia-556b495f69-7p2bb unlabeled\n',
    '',
    0,
  ],
  [
    'label: setting the value a label already has: not labeled',
    'annotated2',
    'label pods kubia-556b495f69-7p2bb tier=web',
    'pod/kubia-556b495f69-7p2bb not labeled\n',
    '',
    0,
  ],
  [
    'label: a different value without --overwrite',
    'annotated2',
    'label pods kubia-556b495f69-7p2bb tier=db',
    '',
    "error: 'tier' already has a value (web), and --overwrite is false\n",
    1,
  ],
  [
    'label: the value is checked before anything is sent',
    'annotated2',
    'label deploy kubia x=bad/value',
    '',
    "error: invalid label value: \"x=bad/value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n",
    1,
  ],
  [
    'label -l selects the objects of a type',
    'annotated2',
    'label pods -l app=kubia tier=db --overwrite',
    'pod/kubia-556b495f69-7p2bb labeled\npod/kubia-556b495f69-jb2kc labeled\npod/kubia-556b495f69-kfcmw labeled\n',
    '',
    0,
  ],
  [
    'label --all',
    'annotated2',
    'label pods --all zone=a',
    'pod/kubia-556b495f69-7p2bb labeled\npod/kubia-556b495f69-jb2kc labeled\npod/kubia-556b495f69-kfcmw labeled\n',
    '',
    0,
  ],
  [
    'label: a name and a selector',
    'annotated2',
    'label deploy kubia -l app=kubia tier=web',
    '',
    'error: name cannot be provided when a selector is specified\n',
    1,
  ],
  [
    'label: a bare type without names, --all or -l',
    'annotated2',
    'label pods tier=web',
    '',
    'error: resource(s) were provided, but no name was specified\n',
    1,
  ],
  [
    'label --list of one object',
    'annotated2',
    'label pods kubia-556b495f69-7p2bb --list',
    'app=kubia\npod-template-hash=556b495f69\ntier=web\n',
    '',
    0,
  ],
  [
    'label --dry-run=client',
    'annotated2',
    'label deploy kubia tier=web --dry-run=client',
    'deployment.apps/kubia labeled (dry run)\n',
    '',
    0,
  ],
  [
    'label: a missing object is reported, the others are labeled',
    'annotated2',
    'label deploy nope kubia x=1',
    'deployment.apps/kubia labeled\n',
    'Error from server (NotFound): deployments.apps "nope" not found\n',
    1,
  ],
  [
    'label --resource-version with several objects',
    'annotated2',
    'label pods --all x=1 --resource-version=3',
    '',
    'error: --resource-version may only be used with a single resource\n',
    1,
  ],
  [
    'set image NAME= sends the patch; the API server refuses the empty image',
    'v3NotReady',
    'set image deployment/kubia nodejs=',
    '',
    'error: failed to patch image update to pod template: Deployment.apps "kubia" is invalid: spec.template.spec.containers[0].image: Required value\n',
    1,
  ],
  [
    "set image with no arguments: the builder's message",
    'v3NotReady',
    'set image',
    '',
    "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    1,
  ],
  [
    'set image without a pair',
    'v3NotReady',
    'set image deployment/kubia',
    '',
    'error: at least one image update is required\n',
    1,
  ],
  [
    'set image: * with another pair',
    'v3NotReady',
    'set image deploy/kubia nodejs=a *=b',
    '',
    'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    1,
  ],
  [
    'set image: a removal is no image format',
    'v3NotReady',
    'set image deploy/kubia foo-',
    '',
    'error: invalid image format: foo-\n',
    1,
  ],
  [
    'set image: an unknown container',
    'v3NotReady',
    'set image deploy/kubia foo=bar',
    '',
    'error: unable to find container named "foo"\n',
    1,
  ],
  [
    'set image: the image it already has changes nothing and prints nothing',
    'v3NotReady',
    'set image deploy/kubia nodejs=luksa/kubia:v3',
    '',
    '',
    0,
  ],
  [
    'set image of a Service',
    'v3NotReady',
    'set image svc/kubia nodejs=x',
    '',
    'error: services/kubia the object is not a pod or does not have a pod template: *v1.Service\n',
    1,
  ],
  [
    'set image -l over pods, client dry run',
    'v3NotReady',
    'set image pods -l app=kubia nodejs=x --dry-run=client',
    'pod/kubia-5d86469bf9-4zbz5 image updated (dry run)\npod/kubia-5d86469bf9-89lts image updated (dry run)\npod/kubia-5d86469bf9-w2k45 image updated (dry run)\npod/kubia-99ccc8b46-2r547 image updated (dry run)\n',
    '',
    0,
  ],
  [
    'set image: one container found, one not',
    'v3NotReady',
    'set image deploy/kubia nodejs=z foo=y',
    'deployment.apps/kubia image updated\n',
    'error: unable to find container named "foo"\n',
    1,
  ],
  [
    'set image --record: the deprecation warning comes first',
    'v3NotReady',
    'set image deploy kubia nodejs=q --record',
    'deployment.apps/kubia image updated\n',
    'Flag --record has been deprecated, --record will be removed in the future\n',
    0,
  ],
  [
    'set image -o name',
    'v3NotReady',
    'set image deploy/kubia nodejs=x -o name',
    'deployment.apps/kubia\n',
    '',
    0,
  ],
  [
    "set selector replaces a Service's selector",
    'v3NotReady',
    'set selector svc kubia app=kubia,tier=web',
    'service/kubia selector updated\n',
    '',
    0,
  ],
  [
    'set selector: the last argument is the selector',
    'v3NotReady',
    'set selector svc kubia',
    '',
    'error: resource(s) were provided, but no name was specified\n',
    1,
  ],
  [
    'set selector of a Deployment',
    'v3NotReady',
    'set selector deploy kubia app=kubia',
    '',
    'error: setting a selector is only supported for Services\n',
    1,
  ],
  [
    'set selector with a set-based requirement',
    'v3NotReady',
    "set selector svc kubia 'app in (a)'",
    '',
    'error: match expression [{app In [a]}] not supported on this object\n',
    1,
  ],
  [
    'set selector --dry-run=client -o json: a typed Service, status included',
    'v3NotReady',
    'set selector svc/kubia x=y --dry-run=client -o json',
    '{\n    "kind": "Service",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "kubia",\n        "namespace": "default",\n        "uid": "6399f181-8870-4a9d-acaa-dace0b6802e3",\n        "resourceVersion": "9",\n        "creationTimestamp": "2025-01-01T00:00:00Z",\n        "annotations": {\n            "kubectl.kubernetes.io/last-applied-configuration": "{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Service\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"kubia\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"ports\\":[{\\"port\\":80,\\"targetPort\\":8080}],\\"selector\\":{\\"app\\":\\"kubia\\"},\\"type\\":\\"LoadBalancer\\"}}\\n"\n        }\n    },\n    "spec": {\n        "ports": [\n            {\n                "protocol": "TCP",\n                "port": 80,\n                "targetPort": 8080,\n                "nodePort": 31782\n            }\n        ],\n        "selector": {\n            "x": "y"\n        },\n        "clusterIP": "10.96.20.205",\n        "clusterIPs": [\n            "10.96.20.205"\n        ],\n        "type": "LoadBalancer",\n        "sessionAffinity": "None",\n        "externalTrafficPolicy": "Cluster",\n        "ipFamilies": [\n            "IPv4"\n        ],\n        "ipFamilyPolicy": "SingleStack",\n        "allocateLoadBalancerNodePorts": true,\n        "internalTrafficPolicy": "Cluster"\n    },\n    "status": {\n        "loadBalancer": {}\n    }\n}\n',
    '',
    0,
  ],
  [
    'logs of a Deployment: one pod, chosen as kubectl orders them, named on stderr',
    'v3NotReady',
    'logs deploy/kubia --tail=3',
    'Received request from ::ffff:10.244.3.1\nReceived request from ::ffff:10.244.3.1\nReceived request from ::ffff:10.244.3.1\n',
    'Found 4 pods, using pod/kubia-5d86469bf9-89lts\n',
    0,
  ],
  [
    "logs of a pod with timestamps: the probe's requests, one a second",
    'v3NotReady',
    'logs kubia-99ccc8b46-2r547 --tail=3 --timestamps',
    '2025-01-01T00:02:47.9Z Received request from ::ffff:10.244.2.1\n2025-01-01T00:02:48.9Z Received request from ::ffff:10.244.2.1\n2025-01-01T00:02:49.9Z Received request from ::ffff:10.244.2.1\n',
    '',
    0,
  ],
  [
    'logs -l: the last 10 lines of each pod by default; --prefix names the source',
    'v3NotReady',
    'logs -l app=kubia --prefix --tail=1',
    '[pod/kubia-5d86469bf9-4zbz5/nodejs] Received request from ::ffff:10.244.1.1\n[pod/kubia-5d86469bf9-89lts/nodejs] Received request from ::ffff:10.244.3.1\n[pod/kubia-5d86469bf9-w2k45/nodejs] Received request from ::ffff:10.244.2.1\n[pod/kubia-99ccc8b46-2r547/nodejs] Received request from ::ffff:10.244.2.1\n',
    '',
    0,
  ],
  [
    'logs without arguments',
    'v3NotReady',
    'logs',
    '',
    "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    1,
  ],
  [
    'logs of a missing pod',
    'v3NotReady',
    'logs nope',
    '',
    'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    1,
  ],
  [
    'logs of a node',
    'v3NotReady',
    'logs node/node-1',
    '',
    'error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n',
    1,
  ],
  [
    'logs --previous of a container that never restarted',
    'v3NotReady',
    'logs kubia-99ccc8b46-2r547 -p',
    '',
    'Error from server (BadRequest): previous terminated container "nodejs" in pod "kubia-99ccc8b46-2r547" not found\n',
    1,
  ],
  [
    'logs of a container the pod does not have',
    'v3NotReady',
    'logs kubia-99ccc8b46-2r547 -c x',
    '',
    'error: container x is not valid for pod kubia-99ccc8b46-2r547\n',
    1,
  ],
  [
    "get events --sort-by=.metadata.creationTimestamp: the book's command, ties in the order Go's sort leaves them",
    'v3NotReady',
    'get events --sort-by=.metadata.creationTimestamp -o name',
    'event/kubia-dbb475ccb.181f0a3c9002\nevent/kubia.181f0a3c9001\nevent/kubia-dbb475ccb.181f0a3c9004\nevent/kubia-dbb475ccb.181f0a3c9003\nevent/kubia-dbb475ccb-zmtqn.181f0a3c9009\nevent/kubia-dbb475ccb-j2zqb.181f0a3c9007\nevent/kubia-dbb475ccb-zmtqn.181f0a3c9006\nevent/kubia-dbb475ccb-wwkkq.181f0a3c9008\nevent/kubia-dbb475ccb-wwkkq.181f0a3c9005\nevent/kubia-dbb475ccb-j2zqb.181f0a3c900a\nevent/kubia-dbb475ccb-j2zqb.181f0a3c900b\nevent/kubia-dbb475ccb-zmtqn.181f0a3c900c\nevent/kubia-dbb475ccb-wwkkq.181f0a3c900d\nevent/kubia-dbb475ccb-j2zqb.181f0a3c900f\nevent/kubia-dbb475ccb-j2zqb.181f0a3c900e\nevent/kubia-dbb475ccb-zmtqn.181f0a3c9011\nevent/kubia-dbb475ccb-zmtqn.181f0a3c9010\nevent/kubia-dbb475ccb-wwkkq.181f0a3c9013\nevent/kubia-dbb475ccb-wwkkq.181f0a3c9012\nevent/kubia.181f0a3c9014\nevent/kubia-5d86469bf9.181f0a3c9015\nevent/kubia-5d86469bf9-89lts.181f0a3c9016\nevent/kubia-5d86469bf9-89lts.181f0a3c9017\nevent/kubia-5d86469bf9-89lts.181f0a3c9018\nevent/kubia-5d86469bf9-89lts.181f0a3c901a\nevent/kubia-5d86469bf9-89lts.181f0a3c9019\nevent/kubia-dbb475ccb.181f0a3c901c\nevent/kubia-5d86469bf9.181f0a3c901f\nevent/kubia.181f0a3c901b\nevent/kubia-dbb475ccb-wwkkq.181f0a3c901d\nevent/kubia.181f0a3c901e\nevent/kubia-5d86469bf9-w2k45.181f0a3c9020\nevent/kubia-5d86469bf9-w2k45.181f0a3c9021\nevent/kubia-5d86469bf9-w2k45.181f0a3c9022\nevent/kubia-5d86469bf9-w2k45.181f0a3c9023\nevent/kubia-5d86469bf9-w2k45.181f0a3c9024\nevent/kubia-5d86469bf9.181f0a3c9029\nevent/kubia-dbb475ccb-j2zqb.181f0a3c9027\nevent/kubia.181f0a3c9025\nevent/kubia.181f0a3c9028\nevent/kubia-dbb475ccb.181f0a3c9026\nevent/kubia-5d86469bf9-4zbz5.181f0a3c902b\nevent/kubia-5d86469bf9-4zbz5.181f0a3c902a\nevent/kubia-5d86469bf9-4zbz5.181f0a3c902c\nevent/kubia-5d86469bf9-4zbz5.181f0a3c902e\nevent/kubia-5d86469bf9-4zbz5.181f0a3c902d\nevent/kubia-dbb475ccb.181f0a3c9030\nevent/kubia-dbb475ccb-zmtqn.181f0a3c9031\nevent/kubia.181f0a3c902f\nevent/kubia-99ccc8b46.181f0a3c9033\nevent/kubia.181f0a3c9032\nevent/kubia-99ccc8b46-2r547.181f0a3c9034\nevent/kubia-99ccc8b46-2r547.181f0a3c9035\nevent/kubia-99ccc8b46-2r547.181f0a3c9036\nevent/kubia-99ccc8b46-2r547.181f0a3c9037\nevent/kubia-99ccc8b46-2r547.181f0a3c9038\nevent/kubia-99ccc8b46-2r547.181f0a3c9039\n',
    '',
    0,
  ],
  [
    'get pods --sort-by a start time',
    'v3NotReady',
    'get pods --sort-by=.status.startTime -o name',
    'pod/kubia-5d86469bf9-89lts\npod/kubia-5d86469bf9-w2k45\npod/kubia-5d86469bf9-4zbz5\npod/kubia-99ccc8b46-2r547\n',
    '',
    0,
  ],
  [
    'get --sort-by a number',
    'v3NotReady',
    'get rs --sort-by=.spec.replicas -o name',
    'replicaset.apps/kubia-dbb475ccb\nreplicaset.apps/kubia-99ccc8b46\nreplicaset.apps/kubia-5d86469bf9\n',
    '',
    0,
  ],
  [
    'get --sort-by a field no object has',
    'v3NotReady',
    'get events --sort-by=.metadata.nope -o name',
    '',
    'error: couldn\'t find any field with path "{.metadata.nope}" in the list of objects\n',
    1,
  ],
  [
    'get --sort-by an expression that is not one',
    'v3NotReady',
    'get pods --sort-by=a{b -o name',
    '',
    "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
    1,
  ],
  [
    'the same as a table, early in the chapter',
    'chapter45',
    'get events --sort-by=.metadata.creationTimestamp',
    'LAST SEEN   TYPE     REASON              OBJECT                        MESSAGE\n45s         Normal   SuccessfulCreate    replicaset/kubia-dbb475ccb    Created pod: kubia-dbb475ccb-wwkkq\n45s         Normal   ScalingReplicaSet   deployment/kubia              Scaled up replica set kubia-dbb475ccb to 3\n45s         Normal   SuccessfulCreate    replicaset/kubia-dbb475ccb    Created pod: kubia-dbb475ccb-j2zqb\n45s         Normal   SuccessfulCreate    replicaset/kubia-dbb475ccb    Created pod: kubia-dbb475ccb-zmtqn\n44s         Normal   Pulling             pod/kubia-dbb475ccb-wwkkq     Pulling image "luksa/kubia:v1"\n44s         Normal   Scheduled           pod/kubia-dbb475ccb-zmtqn     Successfully assigned default/kubia-dbb475ccb-zmtqn to node-1\n44s         Normal   Scheduled           pod/kubia-dbb475ccb-j2zqb     Successfully assigned default/kubia-dbb475ccb-j2zqb to node-2\n44s         Normal   Pulling             pod/kubia-dbb475ccb-j2zqb     Pulling image "luksa/kubia:v1"\n44s         Normal   Scheduled           pod/kubia-dbb475ccb-wwkkq     Successfully assigned default/kubia-dbb475ccb-wwkkq to node-3\n44s         Normal   Pulling             pod/kubia-dbb475ccb-zmtqn     Pulling image "luksa/kubia:v1"\n40s         Normal   Pulled              pod/kubia-dbb475ccb-j2zqb     Successfully pulled image "luksa/kubia:v1" in 4.079s (4.079s including waiting). Image size: 45014129 bytes.\n39s         Normal   Pulled              pod/kubia-dbb475ccb-zmtqn     Successfully pulled image "luksa/kubia:v1" in 5.419s (5.419s including waiting). Image size: 45014129 bytes.\n39s         Normal   Pulled              pod/kubia-dbb475ccb-wwkkq     Successfully pulled image "luksa/kubia:v1" in 5.826s (5.826s including waiting). Image size: 45014129 bytes.\n38s         Normal   Created             pod/kubia-dbb475ccb-j2zqb     Created container: nodejs\n38s         Normal   Started             pod/kubia-dbb475ccb-j2zqb     Started container nodejs\n37s         Normal   Started             pod/kubia-dbb475ccb-wwkkq     Started container nodejs\n37s         Normal   Created             pod/kubia-dbb475ccb-wwkkq     Created container: nodejs\n37s         Normal   Created             pod/kubia-dbb475ccb-zmtqn     Created container: nodejs\n37s         Normal   Started             pod/kubia-dbb475ccb-zmtqn     Started container nodejs\n15s         Normal   SuccessfulCreate    replicaset/kubia-5d86469bf9   Created pod: kubia-5d86469bf9-89lts\n15s         Normal   ScalingReplicaSet   deployment/kubia              Scaled up replica set kubia-5d86469bf9 to 1\n14s         Normal   Scheduled           pod/kubia-5d86469bf9-89lts    Successfully assigned default/kubia-5d86469bf9-89lts to node-3\n14s         Normal   Pulling             pod/kubia-5d86469bf9-89lts    Pulling image "luksa/kubia:v2"\n10s         Normal   Pulled              pod/kubia-5d86469bf9-89lts    Successfully pulled image "luksa/kubia:v2" in 4.016s (4.016s including waiting). Image size: 45079666 bytes.\n9s          Normal   Started             pod/kubia-5d86469bf9-89lts    Started container nodejs\n9s          Normal   Created             pod/kubia-5d86469bf9-89lts    Created container: nodejs\n',
    '',
    0,
  ],
  [
    'describe node: the pressure conditions, its Lease, Kube-Proxy Version, PodCIDRs',
    'v3NotReady',
    'describe node node-2',
    'Name:               node-2\nRoles:              <none>\nLabels:             kubernetes.io/arch=amd64\n                    kubernetes.io/hostname=node-2\n                    kubernetes.io/os=linux\nAnnotations:        <none>\nCreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000\nTaints:             <none>\nUnschedulable:      false\nLease:\n  HolderIdentity:  node-2\n  AcquireTime:     <unset>\n  RenewTime:       Wed, 01 Jan 2025 00:02:50 +0000\nConditions:\n  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message\n  ----             ------  -----------------                 ------------------                ------                       -------\n  MemoryPressure   False   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available\n  DiskPressure     False   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure\n  PIDPressure      False   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available\n  Ready            True    Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletReady                 kubelet is posting ready status\nAddresses:\n  InternalIP:  172.18.0.3\n  Hostname:    node-2\nCapacity:\n  cpu:                4\n  ephemeral-storage:  100Gi\n  memory:             8Gi\n  pods:               110\nAllocatable:\n  cpu:                4\n  ephemeral-storage:  100Gi\n  memory:             8Gi\n  pods:               110\nSystem Info:\n  Machine ID:                 \n  System UUID:                \n  Boot ID:                    \n  Kernel Version:             \n  OS Image:                   Debian GNU/Linux 12 (bookworm)\n  Operating System:           linux\n  Architecture:               amd64\n  Container Runtime Version:  containerd://2.0.0\n  Kubelet Version:            v1.33.1\n  Kube-Proxy Version:         \nPodCIDR:                      10.244.2.0/24\nPodCIDRs:                     10.244.2.0/24\nNon-terminated Pods:          (2 in total)\n  Namespace                   Name                      CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n  ---------                   ----                      ------------  ----------  ---------------  -------------  ---\n  default                     kubia-5d86469bf9-w2k45    0 (0%)        0 (0%)      0 (0%)           0 (0%)         2m4s\n  default                     kubia-99ccc8b46-2r547     0 (0%)        0 (0%)      0 (0%)           0 (0%)         50s\nAllocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource           Requests  Limits\n  --------           --------  ------\n  cpu                0 (0%)    0 (0%)\n  memory             0 (0%)    0 (0%)\n  ephemeral-storage  0 (0%)    0 (0%)\nEvents:              <none>\n',
    '',
    0,
  ],
  [
    'describe TYPE NAME with a prefix: each match followed by a blank line',
    'v3NotReady',
    'describe deploy kub --show-events=false',
    'Name:                   kubia\nNamespace:              default\nCreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000\nLabels:                 <none>\nAnnotations:            deployment.kubernetes.io/revision: 3\nSelector:               app=kubia\nReplicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable\nStrategyType:           RollingUpdate\nMinReadySeconds:        10\nRollingUpdateStrategy:  0 max unavailable, 1 max surge\nPod Template:\n  Labels:  app=kubia\n  Containers:\n   nodejs:\n    Image:         luksa/kubia:v3\n    Port:          <none>\n    Host Port:     <none>\n    Readiness:     http-get http://:8080/ delay=0s timeout=1s period=1s #success=1 #failure=3\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\nConditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    ReplicaSetUpdated\nOldReplicaSets:  kubia-dbb475ccb (0/0 replicas created), kubia-5d86469bf9 (3/3 replicas created)\nNewReplicaSet:   kubia-99ccc8b46 (1/1 replicas created)\n\n',
    '',
    0,
  ],
  [
    'describe TYPE/NAME takes no prefix',
    'v3NotReady',
    'describe deploy/kub',
    '',
    'Error from server (NotFound): deployments.apps "kub" not found\n',
    1,
  ],
  [
    'expose without a port is no usage error',
    'v3NotReady',
    'expose deploy kubia --name=kubia2 --dry-run=client -o yaml',
    '',
    "error: couldn't find port via --port flag or introspection\n",
    1,
  ],
  [
    'scale --dry-run=client',
    'v3NotReady',
    'scale deploy kubia --replicas=5 --dry-run=client',
    'deployment.apps/kubia scaled (dry run)\n',
    '',
    0,
  ],
  [
    'scale -o yaml prints the object as it was fetched',
    'v3NotReady',
    'scale deploy kubia --replicas=5 --dry-run=client -o jsonpath={.spec.replicas}',
    '3',
    '',
    0,
  ],
  [
    'scale --all',
    'v3NotReady',
    'scale deploy --all --replicas=2 --dry-run=client',
    'deployment.apps/kubia scaled (dry run)\n',
    '',
    0,
  ],
  [
    'scale a bare type without names',
    'v3NotReady',
    'scale --replicas=2 deploy',
    '',
    'error: resource(s) were provided, but no name was specified\n',
    1,
  ],
  [
    'patch --dry-run=client: no dry-run suffix, as patch.go names the operation',
    'v3NotReady',
    'patch deploy kubia -p {} --dry-run=client',
    'deployment.apps/kubia patched (no change)\n',
    '',
    0,
  ],
  [
    'patch --dry-run=client of a change',
    'v3NotReady',
    'patch deploy kubia -p \'{"spec":{"replicas":5}}\' --dry-run=client',
    'deployment.apps/kubia patched\n',
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

describe('output order across stdout and stderr', () => {
  // cobra prints a deprecated flag's warning while it parses the flags, before the command runs.
  // kubia here was not made by apply: apply warns that it lacks the last-applied annotation, as
  // it patches, after the flag's warning.
  const unannotated = `Warning: resource deployments/kubia is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
  it.each([
    ['set image deploy/kubia nodejs=luksa/kubia:v2 --record', 'deployment.apps/kubia image updated\n', []],
    ['scale deploy/kubia --replicas=2 --record', 'deployment.apps/kubia scaled\n', []],
    ['apply -f kubia.yaml --record', 'deployment.apps/kubia configured\n', [`stderr: ${unannotated}`]],
  ])('%s: the --record warning first', (line, output, between) => {
    const c = withKubia();
    c.sim.files.set('kubia.yaml', kubiaYaml({ replicas: 4 }));
    const seen: string[] = [];
    executeKubectl(c.sim, line, undefined, {
      out: (t) => seen.push(`stdout: ${t}`),
      err: (t) => seen.push(`stderr: ${t}`),
    });
    expect(seen).toEqual([
      'stderr: Flag --record has been deprecated, --record will be removed in the future\n',
      ...between,
      `stdout: ${output}`,
    ]);
  });
});

it('the console stream delivers the warning and the output as separate chunks, in order', () => {
  const c = withKubia();
  const chunks: KubectlOutputChunk[] = [];
  startKubectl(c.sim, 'set image deploy/kubia nodejs=luksa/kubia:v2 --record', undefined, (ch) =>
    chunks.push(ch),
  );
  expect(chunks).toEqual([
    { stderr: 'Flag --record has been deprecated, --record will be removed in the future\n' },
    { stdout: 'deployment.apps/kubia image updated\n' },
  ]);
});

describe('kubectl logs: what the simulated kubia app wrote', () => {
  it('a container still pulling its image has no log yet', () => {
    const c = runScenario(chapter, 3);
    const pod = c.kubectl('get pods -o name').stdout.split('\n')[0]!.replace('pod/', '');
    expect(c.kubectl(`logs ${pod}`)).toEqual({
      stdout: '',
      stderr: `Error from server (BadRequest): container "nodejs" in pod "${pod}" is waiting to start: ContainerCreating\n`,
      exitCode: 1,
    });
  });

  it('the app starts with "Kubia server starting..." and logs each request, probes and clients', () => {
    const c = cluster();
    c.apply(
      `${kubiaYaml({ replicas: 1 })}        readinessProbe:\n          periodSeconds: 1\n          httpGet: { path: /, port: 8080 }\n`,
    );
    c.kubectl('expose deployment kubia --port=80 --target-port=8080');
    c.setTraffic('kubia', 4);
    c.advance(20);
    const pod = c.kubectl('get pods -o name').stdout.trim().replace('pod/', '');
    const ip = (c.get('pod', pod) as { status: { podIP: string } }).status.podIP;
    const lines = c.kubectl(`logs ${pod}`).stdout.split('\n').slice(0, -1);
    // Probed every second from 0 s to 20 s, and every client request the pod answered.
    const probes = 21;
    const served = c.requests(0, c.now()).filter((r) => r.pod === pod && r.status !== 0).length;
    expect(served).toBeGreaterThan(0);
    expect(lines[0]).toBe('Kubia server starting...');
    expect(lines.slice(1)).toEqual(
      new Array(probes + served).fill(`Received request from ::ffff:${ip.replace(/\.\d+$/, '.1')}`),
    );
  });

  it('--previous shows the log of the container that exited; a new run starts a new log', () => {
    const c = cluster();
    c.kubectl('create deployment crash --image=luksa/kubia:v1-crash');
    c.advance(15);
    const pod = c.kubectl('get pods -o name').stdout.trim().replace('pod/', '');
    expect(c.kubectl(`logs ${pod} --previous`)).toEqual({
      stdout: 'Kubia server starting...\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.kubectl(`logs ${pod} --timestamps`).stdout).toMatch(
      /^2025-01-01T00:00:\d\dZ Kubia server starting...\n$/,
    );
  });

  it('-f follows: the lines the app writes while time moves, until a minute has passed', () => {
    const c = runScenario(chapter, 170);
    const before = c.now();
    const r = c.kubectl('logs kubia-99ccc8b46-2r547 -f --tail=1');
    const lines = r.stdout.split('\n').slice(0, -1);
    // One line already there, then one probe a second for the 60 s a synchronous follow lasts.
    expect(c.now() - before).toBe(60);
    expect(lines).toEqual(new Array(1 + 60).fill('Received request from ::ffff:10.244.2.1'));
    expect(r.exitCode).toBe(0);
  });
});

describe("kubectl logs: what a container's own command printed (instant timing)", () => {
  it('date prints the moment it ran, as busybox prints it', () => {
    const c = cluster();
    c.advance(7);
    c.kubectl('run once --image=busybox:1.36 --restart=Never -- date');
    c.advance(30);
    expect(c.kubectl('logs once')).toEqual({
      stdout: 'Wed Jan  1 00:00:07 UTC 2025\n',
      stderr: '',
      exitCode: 0,
    });
    // Its run has ended: -f prints what there is and returns at once.
    expect(c.kubectl('logs once -f').stdout).toBe('Wed Jan  1 00:00:07 UTC 2025\n');
    expect(c.now()).toBe(37);
  });

  it('a script writes each line when it gets there; -f follows it until the run ends', () => {
    const c = cluster();
    c.kubectl(
      `run talk --image=busybox:1.36 --restart=Never -- sh -c "echo start; hostname; sleep 20; echo 'done now'"`,
    );
    c.advance(15);
    expect(c.kubectl('logs talk').stdout).toBe('start\ntalk\n');
    expect(c.kubectl('logs talk -f')).toEqual({ stdout: 'start\ntalk\ndone now\n', stderr: '', exitCode: 0 });
    // The stream closed when the container exited, 20 s after it started (not after a minute).
    expect(c.now()).toBeLessThan(21);
    expect(c.kubectl('get pod talk --no-headers').stdout).toMatch(/^talk\s+0\/1\s+Completed\s/);
    expect(c.kubectl('logs talk --timestamps').stdout).toBe(
      '2025-01-01T00:00:00Z start\n2025-01-01T00:00:00Z talk\n2025-01-01T00:00:20Z done now\n',
    );
  });

  it('a crash-looping command: the run that exited, and --previous the same while it waits', () => {
    const c = cluster();
    c.kubectl('create deployment loops --image=busybox:1.36 -- date');
    c.advance(40);
    const pod = c.kubectl('get pods -o name').stdout.trim().replace('pod/', '');
    expect(c.kubectl(`get pod ${pod} --no-headers`).stdout).toMatch(/CrashLoopBackOff/);
    const log = c.kubectl(`logs ${pod}`).stdout;
    expect(log).toMatch(/^Wed Jan {2}1 00:00:\d\d UTC 2025\n$/);
    expect(log).not.toBe('Wed Jan  1 00:00:00 UTC 2025\n');
    expect(c.kubectl(`logs ${pod} --previous`).stdout).toBe(log);
  });
});

describe('commands kubectl has and the simulator does not', () => {
  it.each([
    ['exec -it kubia-pod -- sh', 'exec'],
    ['port-forward svc/kubia 8080:80', 'port-forward'],
    ['attach kubia-pod', 'attach'],
    ['config view', 'config view'],
    ['config use-context other', 'config use-context'],
    ['cp a b', 'cp'],
  ])('kubectl %s says in one line that it is not simulated', (line, path) => {
    const r = withKubia().kubectl(line);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^error: kubectl ${path} is not simulated in Rollout Lab: [^\\n]+\\n$`),
    );
    expect(r.exitCode).toBe(1);
  });

  // As the real kubectl prints them from the kubeconfig `npm run serve` writes
  // (src/server/kubeconfig-compare.test.ts).
  it.each([
    ['config current-context', 'rollout-lab\n', '', 0],
    [
      'config get-contexts',
      'CURRENT   NAME          CLUSTER       AUTHINFO      NAMESPACE\n*         rollout-lab   rollout-lab   rollout-lab   default\n',
      '',
      0,
    ],
    ['config get-contexts -o name', 'rollout-lab\n', '', 0],
    ['config get-contexts -o name kind-kind', '', 'error: context kind-kind not found\n', 1],
    ['config get-clusters', 'NAME\nrollout-lab\n', '', 0],
    ['config get-users', 'NAME\nrollout-lab\n', '', 0],
  ])('kubectl %s reads the page’s kubeconfig', (line, stdout, stderr, exitCode) => {
    expect(withKubia().kubectl(line)).toEqual({ stdout, stderr, exitCode });
  });

  it('a context, cluster or user the kubeconfig does not have is refused as client-go refuses it', () => {
    const c = withKubia();
    expect(c.kubectl('--context kind-kind get pods').stderr).toBe(
      'Error in configuration: context was not found for specified context: kind-kind\n',
    );
    expect(c.kubectl('--context=kind-kind apply -f x.yaml').stderr).toBe(
      'error: context "kind-kind" does not exist\n',
    );
    expect(c.kubectl('--context rollout-lab get deploy kubia -o name').stdout).toBe(
      'deployment.apps/kubia\n',
    );
  });

  it('k is kubectl', () => {
    const c = withKubia();
    expect(c.kubectl('k get deploy kubia -o name')).toEqual(c.kubectl('kubectl get deploy kubia -o name'));
    expect(c.kubectl('k get deploy kubia -o name').stdout).toBe('deployment.apps/kubia\n');
  });

  it('api-versions lists what the simulated API server serves', () => {
    expect(cluster().kubectl('api-versions')).toEqual({
      stdout: 'apps/v1\ndiscovery.k8s.io/v1\npolicy/v1\nv1\n',
      stderr: '',
      exitCode: 0,
    });
  });
});

// The simulated cluster serves no Metrics API, as a cluster without metrics-server.
describe('kubectl top', () => {
  it.each([
    ['top pods', 'error: Metrics API not available\n'],
    ['top nodes', 'error: Metrics API not available\n'],
    ['top pod kubia-pod --containers', 'error: Metrics API not available\n'],
    ['top node node-1 --show-capacity', 'error: Metrics API not available\n'],
    ['top pods -A --sort-by=memory -l app=kubia', 'error: Metrics API not available\n'],
    ['top pod a b', "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n"],
    ['top node --sort-by=disk', 'error: --sort-by accepts only cpu or memory\n'],
    ['top pod a --field-selector=x=y', 'error: only one of NAME or selector can be provided\n'],
    ['top node a -l x=y', 'error: only one of NAME or --selector can be provided\n'],
    ['top pod --field-selector=bad', "error: invalid selector: 'bad'; can't understand 'bad'\n"],
    ['top foo', 'error: unknown command "foo"\nSee \'kubectl top -h\' for help and examples\n'],
  ])('kubectl %s checks its flags, then finds no Metrics API', (line, stderr) => {
    expect(withKubia().kubectl(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('kubectl top alone prints its help on stderr', () => {
    const r = withKubia().kubectl('top');
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^Display resource \(CPU\/memory\) usage\.\n[^]*Available Commands:\n {2}node {10}/,
    );
    expect(r.exitCode).toBe(1);
  });
});

describe("Go's sort.Sort, whose order of equal elements kubectl prints", () => {
  // Go's sort.Sort is insertion sort up to 12 elements: stable there.
  it('is stable up to 12 elements', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ k: i % 3, i }));
    const sorted = goSort([...items], (a, b) => a.k < b.k);
    expect(sorted).toEqual([...items].sort((a, b) => a.k - b.k || a.i - b.i));
  });

  it('sorts any length by the key (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (keys) => {
        const sorted = goSort([...keys], (a, b) => a < b);
        expect(sorted).toEqual([...keys].sort((a, b) => a - b));
      }),
    );
  });

  it.each([
    ['abc12', 'abc2', true],
    ['a-1', 'a02', true],
    ['a10', 'a9', true],
    ['web-7957885594-7p2bb', 'web2', true],
    ['web', 'web2', true],
    ['02', '2', true],
    ['a', 'a', false],
    ['\uffff', '\u{10000}', true],
  ])('stringLess(%s, %s) is %s (Go compares strings byte by byte)', (a, b, less) => {
    expect(stringLess(a, b)).toBe(less);
  });
});

describe('create deployment: a container name from an image name with _ or .', () => {
  it('has them replaced by - and a five-character suffix, as sanitizeAndUniquify makes it', () => {
    const r = cluster().kubectl(
      'create deployment kubia --image=docker.io/luksa/kubia_app.v2:v1 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].name}',
    );
    expect(r.stdout).toMatch(/^kubia-app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    // The same command in the same cluster state names it the same way (a replay is exact).
    expect(
      cluster().kubectl(
        'create deployment kubia --image=docker.io/luksa/kubia_app.v2:v1 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].name}',
      ),
    ).toEqual(r);
  });
});

describe('a manifest that is not YAML: checkErr’s `error: ` before the parser’s words', () => {
  it.each([
    ['apply -f -', 'a: [1\n'],
    ['create -f -', 'a: [1\n'],
    ['delete -f -', 'a: [1\n'],
    ['apply -f -', 'a:\n\tb: 1\n'],
    // get gathers its errors and prints them without it.
    ['get -f -', 'a: [1\n', ''],
  ])('%s', (line, stdin, prefix = 'error: ') => {
    const c = withKubia();
    const r = runKubectl(c.sim, line, stdin);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^${prefix}error parsing STDIN: error converting YAML to JSON: yaml: line \\d+: .+\n$`),
    );
  });
});

describe('kubectl logs: the options checked after the object is found, as LogsOptions.Validate does', () => {
  const c = runScenario(chapter, 60);
  const pod = c.kubectl('get pods -o name').stdout.split('\n')[0]!.replace('pod/', '');
  const all = c.kubectl(`logs ${pod}`).stdout;
  const tail = (n: number) =>
    all
      .split('\n')
      .slice(-n - 1)
      .join('\n');
  it.each([
    [`logs ${pod} --tail=-2`, '', 'error: --tail must be greater than or equal to -1\n', 1],
    [`logs ${pod} --limit-bytes=-1`, '', 'error: --limit-bytes must be greater than 0\n', 1],
    [`logs ${pod} --since=-1s`, '', 'error: --since must be greater than 0\n', 1],
    [
      `logs ${pod} --tail=-2 --limit-bytes=-1 --since=-1s`,
      '',
      'error: --limit-bytes must be greater than 0\n',
      1,
    ],
    [
      `logs ${pod} --since=1s --since-time=2025-01-01T00:00:00Z`,
      '',
      'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n',
      1,
    ],
    // The object is looked up first: a missing one is the error, whatever the options.
    [
      'logs nope --tail=-2',
      '',
      'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
      1,
    ],
    // --since=0s sets no sinceSeconds: every line.
    [`logs ${pod} --since=0s --tail=2`, tail(2), '', 0],
    [`logs ${pod} --since=-0s --tail=1`, tail(1), '', 0],
  ])('%s', (line, stdout, stderr, exitCode) => {
    expect(c.kubectl(line)).toEqual({ stdout, stderr, exitCode });
  });
});

describe("custom-columns: a value as Go's fmt prints it with %v", () => {
  it.each<[unknown, string]>([
    ['kubia', 'kubia'],
    [3, '3'],
    [-7, '-7'],
    [true, 'true'],
    [null, '<nil>'],
    [0.5, '0.5'],
    [123456.5, '123456.5'],
    [1234567.5, '1.2345675e+06'],
    [0.0001, '0.0001'],
    [0.000025, '2.5e-05'],
    [1e20, '1e+20'],
    [[], '[]'],
    [{}, 'map[]'],
    [['a', 1], '[a 1]'],
    [{ matchLabels: { tier: 'web', app: 'kubia' } }, 'map[matchLabels:map[app:kubia tier:web]]'],
    [[{ containerPort: 8080, protocol: 'TCP' }], '[map[containerPort:8080 protocol:TCP]]'],
    [{ lastProbeTime: null, status: 'True' }, 'map[lastProbeTime:<nil> status:True]'],
  ])('%j prints %s', (value, want) => {
    expect(goPrintValue(value)).toBe(want);
  });
});

describe('bool flags as pflag reads them (strconv.ParseBool)', () => {
  it.each<[string, boolean | undefined]>([
    ['1', true],
    ['t', true],
    ['T', true],
    ['TRUE', true],
    ['True', true],
    ['0', false],
    ['f', false],
    ['F', false],
    ['FALSE', false],
    ['yes', undefined],
    ['tRUE', undefined],
  ])('%s is %s', (text, value) => {
    expect(goBool(text)).toBe(value);
  });

  it('takes T and F as true and false, as the real kubectl does', () => {
    const c = withKubia();
    expect(c.kubectl('get deployments --all-namespaces=T').stdout).toMatch(/^NAMESPACE /);
    expect(c.kubectl('get deployments --all-namespaces=F').stdout).toMatch(/^NAME /);
  });
});

describe('--sort-by a value kubectl cannot order', () => {
  it("ends with klog's fatal line, stamped with the cluster's clock", () => {
    const c = withKubia();
    c.advance(61.25);
    const r = c.kubectl('get pods --sort-by=.metadata.labels');
    expect(r).toMatchObject({ stdout: '', exitCode: 1 });
    expect(r.stderr).toBe(
      'F0101 00:01:01.250000    4242 sorter.go:375] Field {.metadata.labels} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}\n',
    );
  });
});

describe('global flags that point at another server or write files', () => {
  it.each([
    ['get deploy -s https://example.com:6443', '-s'],
    ['get deploy --server=https://example.com:6443', '-s'],
    ['get deploy --certificate-authority=ca.crt', '--certificate-authority'],
    ['get deploy --client-certificate=me.crt --client-key=me.key', '--client-certificate'],
    ['get deploy --profile=cpu', '--profile'],
    ['get deploy --warnings-as-errors', '--warnings-as-errors'],
  ])('%s is refused as not simulated, before anything is asked', (line, flag) => {
    const c = withKubia();
    const r = c.kubectl(line);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error: kubectl get ${flag} is not simulated in Rollout Lab: `));
  });

  it('kubectl options names every global flag the page takes, help hidden', () => {
    const c = withKubia();
    const names = [...c.kubectl('options').stdout.matchAll(/^ {4}(?:-\w, )?--([\w-]+)=/gm)].map((m) => m[1]);
    expect(names).toHaveLength(27);
    expect(names).toEqual([...names].sort());
    expect(names).not.toContain('help');
  });
});
