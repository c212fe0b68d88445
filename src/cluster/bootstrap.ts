/**
 * What a fresh simulated cluster holds before anyone acts: its namespaces and its Nodes.
 */
import { hashUuid } from '../k8s/hash.ts';
import { timestamp } from '../k8s/time.ts';
import { KUBERNETES_VERSION } from '../k8s/version.ts';
import type { KubeObject, NodeObject } from '../k8s/types.ts';

/** A Node's size (ClusterOptions). */
export interface NodeOptions {
  cpu?: string;
  memory?: string;
  maxPods?: number;
}

/**
 * The namespaces of a fresh cluster. Their uids are derived from their names, not drawn from the
 * seeded generator, so adding them moved no pod name or uid.
 */
export function namespaceObject(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: hashUuid(`namespace/${name}`),
      creationTimestamp: timestamp(0),
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  } as KubeObject;
}

/** The `index`th Node (from 1) of a fresh cluster, as a healthy kubelet registers it. */
export function nodeObject(name: string, index: number, options: NodeOptions): NodeObject {
  const capacity = {
    cpu: options.cpu ?? '4',
    memory: options.memory ?? '8Gi',
    pods: String(options.maxPods ?? 110),
    'ephemeral-storage': '100Gi',
  };
  const node: NodeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
      },
    },
    spec: { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`] },
    status: {
      capacity,
      allocatable: { ...capacity },
      // The conditions a healthy kubelet reports.
      conditions: [
        ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
        ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
        ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
        ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
      ].map(([type, status, reason, message]) => ({
        type: type!,
        status: status!,
        reason: reason!,
        message: message!,
        lastHeartbeatTime: timestamp(0),
        lastTransitionTime: timestamp(0),
      })),
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 1}` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: KUBERNETES_VERSION,
        containerRuntimeVersion: 'containerd://2.0.0',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        architecture: 'amd64',
        operatingSystem: 'linux',
      },
    },
  };
  return node;
}
