/**
 * Field order of the Go structs behind the API types. kubectl prints the objects it holds as typed
 * values (`create deployment -o json`, `rollout history -o json`) with encoding/json, which writes
 * fields in struct order; objects it holds as unstructured maps print with sorted keys. This table
 * lists, per struct, its JSON fields in declaration order (k8s.io/api v0.33) and the struct type of
 * each nested field.
 */

type Fields = [name: string, type?: string][];

const STRUCTS: Record<string, Fields> = {
  ObjectMeta: [
    ['name'],
    ['generateName'],
    ['namespace'],
    ['selfLink'],
    ['uid'],
    ['resourceVersion'],
    ['generation'],
    ['creationTimestamp'],
    ['deletionTimestamp'],
    ['deletionGracePeriodSeconds'],
    ['labels'],
    ['annotations'],
    ['ownerReferences', 'OwnerReference'],
    ['finalizers'],
    ['managedFields'],
  ],
  OwnerReference: [['apiVersion'], ['kind'], ['name'], ['uid'], ['controller'], ['blockOwnerDeletion']],
  LabelSelector: [['matchLabels'], ['matchExpressions', 'LabelSelectorRequirement']],
  LabelSelectorRequirement: [['key'], ['operator'], ['values']],

  PodDisruptionBudget: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'PodDisruptionBudgetSpec'],
    ['status', 'PodDisruptionBudgetStatus'],
  ],
  PodDisruptionBudgetSpec: [
    ['minAvailable'],
    ['selector', 'LabelSelector'],
    ['maxUnavailable'],
    ['unhealthyPodEvictionPolicy'],
  ],
  PodDisruptionBudgetStatus: [
    ['observedGeneration'],
    ['disruptedPods'],
    ['disruptionsAllowed'],
    ['currentHealthy'],
    ['desiredHealthy'],
    ['expectedPods'],
    ['conditions', 'Condition'],
  ],
  Condition: [['type'], ['status'], ['observedGeneration'], ['lastTransitionTime'], ['reason'], ['message']],

  Deployment: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'DeploymentSpec'],
    ['status', 'DeploymentStatus'],
  ],
  DeploymentSpec: [
    ['replicas'],
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec'],
    ['strategy', 'DeploymentStrategy'],
    ['minReadySeconds'],
    ['revisionHistoryLimit'],
    ['paused'],
    ['progressDeadlineSeconds'],
  ],
  DeploymentStrategy: [['type'], ['rollingUpdate', 'RollingUpdateDeployment']],
  RollingUpdateDeployment: [['maxUnavailable'], ['maxSurge']],
  DeploymentStatus: [
    ['observedGeneration'],
    ['replicas'],
    ['updatedReplicas'],
    ['readyReplicas'],
    ['availableReplicas'],
    ['unavailableReplicas'],
    ['terminatingReplicas'],
    ['conditions', 'DeploymentCondition'],
    ['collisionCount'],
  ],
  DeploymentCondition: [
    ['type'],
    ['status'],
    ['lastUpdateTime'],
    ['lastTransitionTime'],
    ['reason'],
    ['message'],
  ],

  ReplicaSet: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'ReplicaSetSpec'],
    ['status', 'ReplicaSetStatus'],
  ],
  ReplicaSetSpec: [
    ['replicas'],
    ['minReadySeconds'],
    ['selector', 'LabelSelector'],
    ['template', 'PodTemplateSpec'],
  ],
  ReplicaSetStatus: [
    ['replicas'],
    ['fullyLabeledReplicas'],
    ['readyReplicas'],
    ['availableReplicas'],
    ['terminatingReplicas'],
    ['observedGeneration'],
    ['conditions', 'ReplicaSetCondition'],
  ],
  ReplicaSetCondition: [['type'], ['status'], ['lastTransitionTime'], ['reason'], ['message']],

  PodTemplateSpec: [
    ['metadata', 'ObjectMeta'],
    ['spec', 'PodSpec'],
  ],
  Pod: [['kind'], ['apiVersion'], ['metadata', 'ObjectMeta'], ['spec', 'PodSpec'], ['status', 'PodStatus']],
  PodSpec: [
    ['volumes'],
    ['initContainers', 'Container'],
    ['containers', 'Container'],
    ['ephemeralContainers'],
    ['restartPolicy'],
    ['terminationGracePeriodSeconds'],
    ['activeDeadlineSeconds'],
    ['dnsPolicy'],
    ['nodeSelector'],
    ['serviceAccountName'],
    ['serviceAccount'],
    ['automountServiceAccountToken'],
    ['nodeName'],
    ['hostNetwork'],
    ['hostPID'],
    ['hostIPC'],
    ['shareProcessNamespace'],
    ['securityContext'],
    ['imagePullSecrets'],
    ['hostname'],
    ['subdomain'],
    ['affinity'],
    ['schedulerName'],
    ['tolerations', 'Toleration'],
    ['hostAliases'],
    ['priorityClassName'],
    ['priority'],
    ['dnsConfig'],
    ['readinessGates'],
    ['runtimeClassName'],
    ['enableServiceLinks'],
    ['preemptionPolicy'],
    ['overhead'],
    ['topologySpreadConstraints'],
    ['setHostnameAsFQDN'],
    ['os'],
    ['hostUsers'],
    ['schedulingGates'],
    ['resourceClaims'],
    ['resources', 'ResourceRequirements'],
  ],
  Container: [
    ['name'],
    ['image'],
    ['command'],
    ['args'],
    ['workingDir'],
    ['ports', 'ContainerPort'],
    ['envFrom'],
    ['env', 'EnvVar'],
    ['resources', 'ResourceRequirements'],
    ['resizePolicy'],
    ['restartPolicy'],
    ['volumeMounts'],
    ['volumeDevices'],
    ['livenessProbe', 'Probe'],
    ['readinessProbe', 'Probe'],
    ['startupProbe', 'Probe'],
    ['lifecycle'],
    ['terminationMessagePath'],
    ['terminationMessagePolicy'],
    ['imagePullPolicy'],
    ['securityContext'],
    ['stdin'],
    ['stdinOnce'],
    ['tty'],
  ],
  ContainerPort: [['name'], ['hostPort'], ['containerPort'], ['protocol'], ['hostIP']],
  EnvVar: [['name'], ['value'], ['valueFrom']],
  ResourceRequirements: [['limits'], ['requests'], ['claims']],
  Probe: [
    ['exec', 'ExecAction'],
    ['httpGet', 'HTTPGetAction'],
    ['tcpSocket', 'TCPSocketAction'],
    ['grpc'],
    ['initialDelaySeconds'],
    ['timeoutSeconds'],
    ['periodSeconds'],
    ['successThreshold'],
    ['failureThreshold'],
    ['terminationGracePeriodSeconds'],
  ],
  ExecAction: [['command']],
  HTTPGetAction: [['path'], ['port'], ['host'], ['scheme'], ['httpHeaders']],
  TCPSocketAction: [['port'], ['host']],
  Toleration: [['key'], ['operator'], ['value'], ['effect'], ['tolerationSeconds']],
  PodStatus: [
    ['observedGeneration'],
    ['phase'],
    ['conditions', 'PodCondition'],
    ['message'],
    ['reason'],
    ['nominatedNodeName'],
    ['hostIP'],
    ['hostIPs'],
    ['podIP'],
    ['podIPs'],
    ['startTime'],
    ['initContainerStatuses', 'ContainerStatus'],
    ['containerStatuses', 'ContainerStatus'],
    ['qosClass'],
    ['ephemeralContainerStatuses', 'ContainerStatus'],
    ['resize'],
    ['resourceClaimStatuses'],
  ],
  PodCondition: [
    ['type'],
    ['observedGeneration'],
    ['status'],
    ['lastProbeTime'],
    ['lastTransitionTime'],
    ['reason'],
    ['message'],
  ],
  ContainerStatus: [
    ['name'],
    ['state', 'ContainerState'],
    ['lastState', 'ContainerState'],
    ['ready'],
    ['restartCount'],
    ['image'],
    ['imageID'],
    ['containerID'],
    ['started'],
    ['allocatedResources'],
    ['resources'],
    ['volumeMounts'],
    ['user'],
    ['allocatedResourcesStatus'],
    ['stopSignal'],
  ],
  ContainerState: [
    ['waiting', 'ContainerStateWaiting'],
    ['running'],
    ['terminated', 'ContainerStateTerminated'],
  ],
  ContainerStateWaiting: [['reason'], ['message']],
  ContainerStateTerminated: [
    ['exitCode'],
    ['signal'],
    ['reason'],
    ['message'],
    ['startedAt'],
    ['finishedAt'],
    ['containerID'],
  ],

  Service: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['spec', 'ServiceSpec'],
    ['status', 'ServiceStatus'],
  ],
  ServiceSpec: [
    ['ports', 'ServicePort'],
    ['selector'],
    ['clusterIP'],
    ['clusterIPs'],
    ['type'],
    ['externalIPs'],
    ['sessionAffinity'],
    ['loadBalancerIP'],
    ['loadBalancerSourceRanges'],
    ['externalName'],
    ['externalTrafficPolicy'],
    ['healthCheckNodePort'],
    ['publishNotReadyAddresses'],
    ['sessionAffinityConfig'],
    ['ipFamilies'],
    ['ipFamilyPolicy'],
    ['allocateLoadBalancerNodePorts'],
    ['loadBalancerClass'],
    ['internalTrafficPolicy'],
    ['trafficDistribution'],
  ],
  ServicePort: [['name'], ['protocol'], ['appProtocol'], ['port'], ['targetPort'], ['nodePort']],
  ServiceStatus: [['loadBalancer'], ['conditions']],

  EventList: [['kind'], ['apiVersion'], ['metadata'], ['items', 'Event']],
  Event: [
    ['kind'],
    ['apiVersion'],
    ['metadata', 'ObjectMeta'],
    ['involvedObject', 'ObjectReference'],
    ['reason'],
    ['message'],
    ['source', 'EventSource'],
    ['firstTimestamp'],
    ['lastTimestamp'],
    ['count'],
    ['type'],
    ['eventTime'],
    ['series', 'EventSeries'],
    ['action'],
    ['related', 'ObjectReference'],
    ['reportingComponent'],
    ['reportingInstance'],
  ],
  ObjectReference: [
    ['kind'],
    ['namespace'],
    ['name'],
    ['uid'],
    ['apiVersion'],
    ['resourceVersion'],
    ['fieldPath'],
  ],
  EventSource: [['component'], ['host']],
  EventSeries: [['count'], ['lastObservedTime']],
};

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** `value` with its keys in the field order of Go struct `type` (maps keep sorted keys). */
function ordered(value: unknown, type: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, type));
  if (!isObj(value)) return value;
  const fields = type ? STRUCTS[type] : undefined;
  if (!fields) {
    // A map (labels, annotations, …) or a struct not listed: encoding/json sorts map keys.
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort())
      if (value[k] !== undefined) out[k] = ordered(value[k], undefined);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [name, child] of fields) if (value[name] !== undefined) out[name] = ordered(value[name], child);
  for (const k of Object.keys(value))
    if (!(k in out) && value[k] !== undefined) out[k] = ordered(value[k], undefined);
  return out;
}

/** Whether kubectl's typed printing of this kind is known here. */
export function hasGoOrder(kind: string): boolean {
  return kind in STRUCTS;
}

/** An object with its keys in Go struct order, for `json.MarshalIndent` of a typed value. */
export function inGoOrder<T>(obj: T & { kind?: string }): T {
  return ordered(obj, obj.kind) as T;
}
