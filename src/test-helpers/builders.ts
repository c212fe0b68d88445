/**
 * Tiny builders for controller tests, shaped like upstream's `newDeployment`, `rs` and `newPod`
 * helpers in pkg/controller/deployment/*_test.go and pkg/controller/controller_utils_test.go:
 *
 *   deployment('kubia', { replicas: 3, maxSurge: '25%' })
 *   rs('kubia-v2', 5, { available: 3, created: 60, revision: 2 })
 *   pod({ phase: 'Running', ready: true, node: 'node-1' })
 *
 * Times are virtual seconds (the simulator's clock), rendered as RFC 3339 timestamps.
 */
import { SimCluster } from '../cluster/cluster.ts';
import type { Timing } from '../cluster/context.ts';
import {
  DefaultDeploymentUniqueLabelKey,
  DesiredReplicasAnnotation,
  MaxReplicasAnnotation,
  RevisionAnnotation,
} from '../cluster/controllers/deployment/util.ts';
import { timestamp } from '../k8s/time.ts';
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  IntOrString,
  KubeEvent,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
  ReplicaSetStatus,
} from '../k8s/types.ts';

/** Every stage of a pod's life takes no time: a pod is Ready when created, gone when deleted. */
export const zeroTiming: Timing = {
  scheduleSeconds: 0,
  imagePullSeconds: 0,
  containerStartSeconds: 0,
  terminationSeconds: 0,
  jitter: 0,
};

/** A pod template with one container `nodejs` running `image`, labelled `app=<app>`. */
export function template(image = 'luksa/kubia:v1', labels: Record<string, string> = { app: 'kubia' }) {
  const t: PodTemplateSpec = {
    metadata: { labels: { ...labels } },
    spec: { containers: [{ name: 'nodejs', image }] },
  };
  return t;
}

export interface DeploymentOptions {
  replicas?: number;
  strategy?: 'RollingUpdate' | 'Recreate';
  /** Left unset when `null`; the API default (25%) when omitted. */
  maxSurge?: IntOrString | null;
  /** Left unset when `null`; the API default (25%) when omitted. */
  maxUnavailable?: IntOrString | null;
  image?: string;
  labels?: Record<string, string>;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  minReadySeconds?: number;
  paused?: boolean;
  generation?: number;
  uid?: string;
  annotations?: Record<string, string>;
  status?: DeploymentStatus;
}

/** An apps/v1 Deployment as the API server would store it (defaults applied unless overridden). */
export function deployment(name: string, o: DeploymentOptions = {}): Deployment {
  const labels = o.labels ?? { app: name };
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: o.uid ?? `uid-${name}`, generation: o.generation ?? 1 },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { ...labels } },
      template: template(o.image, labels),
      strategy: { type: o.strategy ?? 'RollingUpdate' },
    },
    status: o.status ?? {},
  };
  if (o.annotations) d.metadata.annotations = { ...o.annotations };
  if ((o.strategy ?? 'RollingUpdate') === 'RollingUpdate') {
    const ru: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } = {};
    if (o.maxSurge !== null) ru.maxSurge = o.maxSurge ?? '25%';
    if (o.maxUnavailable !== null) ru.maxUnavailable = o.maxUnavailable ?? '25%';
    d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: ru };
  }
  if (o.revisionHistoryLimit !== undefined) d.spec.revisionHistoryLimit = o.revisionHistoryLimit;
  if (o.progressDeadlineSeconds !== undefined) d.spec.progressDeadlineSeconds = o.progressDeadlineSeconds;
  if (o.minReadySeconds !== undefined) d.spec.minReadySeconds = o.minReadySeconds;
  if (o.paused !== undefined) d.spec.paused = o.paused;
  return d;
}

export interface RSOptions {
  /** status.replicas (defaults to `available`, else the spec size). */
  statusReplicas?: number;
  ready?: number;
  available?: number;
  /** Creation time in virtual seconds. */
  created?: number;
  revision?: number | string;
  /** desired-replicas / max-replicas annotations. */
  desired?: number;
  max?: number;
  annotations?: Record<string, string>;
  image?: string;
  /** The owning Deployment (its uid becomes the controller ownerReference). */
  owner?: Deployment;
  labels?: Record<string, string>;
  generation?: number;
  observedGeneration?: number;
  deleting?: boolean;
}

/** An apps/v1 ReplicaSet of `replicas`, by default with every pod available. */
export function rs(name: string, replicas: number, o: RSOptions = {}): ReplicaSet {
  const labels = { ...(o.labels ?? { app: 'kubia' }), [DefaultDeploymentUniqueLabelKey]: name };
  const annotations: Record<string, string> = { ...(o.annotations ?? {}) };
  if (o.revision !== undefined) annotations[RevisionAnnotation] = String(o.revision);
  if (o.desired !== undefined) annotations[DesiredReplicasAnnotation] = String(o.desired);
  if (o.max !== undefined) annotations[MaxReplicasAnnotation] = String(o.max);
  const available = o.available ?? replicas;
  const status: ReplicaSetStatus = { replicas: o.statusReplicas ?? replicas };
  if (o.ready ?? available) status.readyReplicas = o.ready ?? available;
  if (available) status.availableReplicas = available;
  status.observedGeneration = o.observedGeneration ?? o.generation ?? 1;
  const t = template(o.image ?? `image-of-${name}`, labels);
  const out: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      generation: o.generation ?? 1,
      creationTimestamp: timestamp(o.created ?? 0),
      labels,
    },
    spec: { replicas, selector: { matchLabels: { ...labels } }, template: t },
    status,
  };
  if (Object.keys(annotations).length) out.metadata.annotations = annotations;
  if (o.owner)
    out.metadata.ownerReferences = [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: o.owner.metadata.name,
        uid: o.owner.metadata.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ];
  if (o.deleting) out.metadata.deletionTimestamp = timestamp(o.created ?? 0);
  return out;
}

export interface PodOptions {
  name?: string;
  uid?: string;
  phase?: Pod['status']['phase'];
  /** Ready condition True. */
  ready?: boolean;
  /** When the Ready condition last became True (virtual seconds). */
  readySince?: number;
  node?: string;
  created?: number;
  restarts?: number;
  deletionCost?: number;
  labels?: Record<string, string>;
  owner?: ReplicaSet;
  terminating?: boolean;
}

/** A core/v1 Pod; by default Running, Ready since 0 and bound to node-1. */
export function pod(o: PodOptions = {}): Pod {
  const name = o.name ?? 'pod';
  const ready = o.ready ?? true;
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: o.uid ?? `uid-${name}`,
      creationTimestamp: timestamp(o.created ?? 0),
      labels: { ...(o.labels ?? { app: 'kubia' }) },
    },
    spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: timestamp(o.readySince ?? o.created ?? 0),
        },
      ],
      containerStatuses: [
        {
          name: 'nodejs',
          image: 'luksa/kubia:v1',
          ready,
          restartCount: o.restarts ?? 0,
          state: ready ? { running: {} } : { waiting: {} },
        },
      ],
    },
  };
  if (o.node !== '') p.spec.nodeName = o.node ?? 'node-1';
  if (o.deletionCost !== undefined)
    p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': String(o.deletionCost) };
  if (o.owner)
    p.metadata.ownerReferences = [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: o.owner.metadata.name,
        uid: o.owner.metadata.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ];
  if (o.terminating) p.metadata.deletionTimestamp = timestamp((o.created ?? 0) + 30);
  return p;
}

/** A Progressing (or other) condition with both timestamps at virtual second `at`. */
export function condition(
  type: string,
  status: DeploymentCondition['status'],
  reason: string,
  at = 0,
): DeploymentCondition {
  return { type, status, reason, lastUpdateTime: timestamp(at), lastTransitionTime: timestamp(at) };
}

/** A simulator with no pods, controllers idle until `settle()`/`advance()`. */
export function newSim(seed = 1, timing: Partial<Timing> = zeroTiming): SimCluster {
  return new SimCluster({ seed, timing });
}

/**
 * Put objects into the simulator's store exactly as built (uids, creation times, statuses kept),
 * without running any controller. Returns the stored copies.
 */
export function seed<T extends Deployment | ReplicaSet | Pod>(sim: SimCluster, ...objects: T[]): T[] {
  return objects.map((o) => sim.api.seed(structuredClone(o)));
}

/** The stored ReplicaSet's spec.replicas. */
export function sizeOf(sim: SimCluster, name: string): number | undefined {
  return sim.store.get<ReplicaSet>('ReplicaSet', 'default', name)?.spec.replicas;
}

/** Messages of the `ScalingReplicaSet` events, oldest first (repeated messages are aggregated). */
export function scalingMessages(events: readonly KubeEvent[] | object[]): string[] {
  return (events as KubeEvent[]).filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
}

/** The book's kubia Service (port 80 to the pods' 8080), selecting `app: kubia`. */
export const KUBIA_SERVICE = `apiVersion: v1
kind: Service
metadata: { name: kubia }
spec:
  selector: { app: kubia }
  ports: [{ port: 80, targetPort: 8080 }]
`;

/** The book's kubia Deployment (Kubernetes in Action, ch. 9), with overridable fields. */
export function kubiaYaml(
  o: {
    replicas?: number;
    image?: string;
    strategy?: string;
    maxSurge?: IntOrString;
    maxUnavailable?: IntOrString;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
    minReadySeconds?: number;
  } = {},
): string {
  const strategy =
    o.strategy === 'Recreate'
      ? '  strategy:\n    type: Recreate\n'
      : o.maxSurge !== undefined || o.maxUnavailable !== undefined
        ? `  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n${o.maxSurge !== undefined ? `      maxSurge: ${JSON.stringify(o.maxSurge)}\n` : ''}${o.maxUnavailable !== undefined ? `      maxUnavailable: ${JSON.stringify(o.maxUnavailable)}\n` : ''}`
        : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: ${o.replicas ?? 3}
${strategy}${o.revisionHistoryLimit !== undefined ? `  revisionHistoryLimit: ${o.revisionHistoryLimit}\n` : ''}${o.progressDeadlineSeconds !== undefined ? `  progressDeadlineSeconds: ${o.progressDeadlineSeconds}\n` : ''}${o.minReadySeconds !== undefined ? `  minReadySeconds: ${o.minReadySeconds}\n` : ''}  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      name: kubia
      labels:
        app: kubia
    spec:
      containers:
      - image: ${o.image ?? 'luksa/kubia:v1'}
        name: nodejs
`;
}
