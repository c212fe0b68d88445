/**
 * Kubernetes object shapes (apps/v1, core/v1, events.k8s.io-like core/v1 Event) as the API server
 * returns them. Only the fields the simulator reads or writes are typed; every object stays a plain
 * JSON value so it can be printed as YAML/JSON exactly like `kubectl get -o yaml`.
 *
 * Objects in the store are never mutated in place: controllers build new objects with spreads.
 */

/** An integer or a percent string such as "25%" (k8s.io/apimachinery/pkg/util/intstr). */
export type IntOrString = number | string;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  /** RFC 3339, second precision, in virtual time. */
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

// ---------------------------------------------------------------------------------------------
// core/v1 Pod

export interface HTTPGetAction {
  path?: string;
  port: IntOrString;
  scheme?: string;
}

export interface Probe {
  httpGet?: HTTPGetAction;
  tcpSocket?: { port: IntOrString };
  exec?: { command: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface ContainerPort {
  containerPort: number;
  name?: string;
  protocol?: string;
}

export interface ResourceRequirements {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: string;
  ports?: ContainerPort[];
  resources?: ResourceRequirements;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
}

export interface PodSpec {
  containers: Container[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: string;
  schedulerName?: string;
  securityContext?: Record<string, unknown>;
  nodeName?: string;
  activeDeadlineSeconds?: number;
  serviceAccountName?: string;
  serviceAccount?: string;
  priority?: number;
  enableServiceLinks?: boolean;
  preemptionPolicy?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: {
    key?: string;
    operator?: string;
    value?: string;
    effect?: string;
    tolerationSeconds?: number;
  }[];
}

export interface PodTemplateSpec {
  metadata?: Omit<ObjectMeta, 'name'> & { name?: string };
  spec: PodSpec;
}

export interface PodCondition {
  type: 'PodScheduled' | 'Initialized' | 'ContainersReady' | 'Ready' | string;
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: {
    containerID?: string;
    exitCode: number;
    reason?: string;
    startedAt?: string;
    finishedAt?: string;
  };
}

export interface ContainerStatus {
  /** `containerd://<id>` once the container exists. */
  containerID?: string;
  name: string;
  image: string;
  imageID?: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state: ContainerState;
  lastState?: ContainerState;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodStatus {
  phase: PodPhase;
  conditions?: PodCondition[];
  containerStatuses?: ContainerStatus[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: string;
  reason?: string;
  message?: string;
}

export interface Pod extends KubeObject {
  kind: 'Pod';
  spec: PodSpec;
  status: PodStatus;
}

// ---------------------------------------------------------------------------------------------
// apps/v1 ReplicaSet and Deployment

export interface ReplicaSetCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ReplicaSetSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[];
}

export interface ReplicaSet extends KubeObject {
  kind: 'ReplicaSet';
  spec: ReplicaSetSpec;
  status: ReplicaSetStatus;
}

export interface RollingUpdateDeployment {
  maxUnavailable?: IntOrString;
  maxSurge?: IntOrString;
}

export interface DeploymentStrategy {
  type?: 'Recreate' | 'RollingUpdate' | string;
  rollingUpdate?: RollingUpdateDeployment | null;
}

export interface DeploymentSpec {
  replicas?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  strategy?: DeploymentStrategy;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
}

export interface DeploymentCondition {
  type: 'Available' | 'Progressing' | 'ReplicaFailure' | string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export interface Deployment extends KubeObject {
  kind: 'Deployment';
  spec: DeploymentSpec;
  status: DeploymentStatus;
}

// ---------------------------------------------------------------------------------------------
// core/v1 Service, Endpoints, discovery.k8s.io/v1 EndpointSlice, Node, Event

export interface ServicePort {
  name?: string;
  protocol?: string;
  port: number;
  targetPort?: IntOrString;
  nodePort?: number;
}

export interface Service extends KubeObject {
  kind: 'Service';
  spec: {
    type?: string;
    selector?: Record<string, string>;
    ports?: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    sessionAffinity?: string;
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    internalTrafficPolicy?: string;
    externalTrafficPolicy?: string;
    allocateLoadBalancerNodePorts?: boolean;
  };
  status?: { loadBalancer?: Record<string, unknown> };
}

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: string; name: string; namespace?: string; uid?: string };
}

export interface Endpoints extends KubeObject {
  kind: 'Endpoints';
  subsets?: {
    addresses?: EndpointAddress[];
    notReadyAddresses?: EndpointAddress[];
    ports?: { name?: string; port: number; protocol?: string }[];
  }[];
}

/** discovery/v1 Endpoint: one address of an EndpointSlice. */
export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  nodeName?: string;
  targetRef?: { kind: string; name: string; namespace?: string; uid?: string };
}

export interface EndpointSlice extends KubeObject {
  kind: 'EndpointSlice';
  addressType: 'IPv4';
  /** Null when there are none (as an API server returns an empty list; a placeholder slice). */
  endpoints: SliceEndpoint[] | null;
  ports?: { name?: string; port: number; protocol?: string }[] | null;
}

/** core/v1 Taint: a node repels pods that do not tolerate it. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /** Set for NoExecute taints: when it was added (tolerationSeconds count from here). */
  timeAdded?: string;
}

export interface NodeObject extends KubeObject {
  kind: 'Node';
  spec: { podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean; taints?: Taint[] };
  status: {
    capacity: Record<string, string>;
    allocatable: Record<string, string>;
    conditions: {
      type: string;
      status: string;
      reason?: string;
      message?: string;
      lastHeartbeatTime?: string;
      lastTransitionTime?: string;
    }[];
    addresses: { type: string; address: string }[];
    nodeInfo?: Record<string, string>;
  };
}

export interface ObjectReference {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface KubeEvent extends KubeObject {
  kind: 'Event';
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  /** events.k8s.io's MicroTime; core/v1 Events written by client-go's recorder leave it null. */
  eventTime?: string | null;
  reportingComponent?: string;
  reportingInstance?: string;
}

/** policy/v1 PodDisruptionBudget. */
export interface PodDisruptionBudgetSpec {
  minAvailable?: IntOrString;
  maxUnavailable?: IntOrString;
  selector?: LabelSelector;
  unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
}

export interface PodDisruptionBudgetStatus {
  observedGeneration?: number;
  /** Pods the eviction API let go and the controller has not seen deleted yet, with the time. */
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: {
    type: string;
    status: string;
    reason?: string;
    message: string;
    observedGeneration?: number;
    lastTransitionTime?: string;
  }[];
}

export interface PodDisruptionBudget extends KubeObject {
  kind: 'PodDisruptionBudget';
  spec: PodDisruptionBudgetSpec;
  status?: PodDisruptionBudgetStatus;
}

export type AnyObject = Deployment | ReplicaSet | Pod | Service | Endpoints | EndpointSlice | NodeObject;
