/**
 * Node heartbeats as coordination.k8s.io/v1 Leases in `kube-node-lease`. A kubelet renews its
 * node's Lease every 10 s (nodeLeaseRenewIntervalFraction 0.25 of the 40 s lease duration); the
 * simulator keeps no Lease objects, it derives them from the Node and the clock when asked (by
 * `describe node`, and by clients of the served API).
 */
import { hashUuid } from '../k8s/hash.ts';
import { timestamp } from '../k8s/time.ts';
import type { KubeObject, NodeObject } from '../k8s/types.ts';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
export const NODE_LEASE_DURATION_SECONDS = 40;
export const NODE_LEASE_RENEW_SECONDS = 10;

export interface Lease extends KubeObject {
  kind: 'Lease';
  spec: {
    holderIdentity: string;
    leaseDurationSeconds: number;
    /** metav1.MicroTime: RFC 3339 with six fractional digits. */
    renewTime: string;
  };
}

/** The second at which the node's kubelet last renewed its Lease, at virtual time `now`. */
export function leaseRenewedAt(now: number): number {
  return Math.floor(now / NODE_LEASE_RENEW_SECONDS) * NODE_LEASE_RENEW_SECONDS;
}

/** The Lease of `node` as the API server would return it at virtual time `now`. */
export function nodeLease(node: NodeObject, now: number): Lease {
  const name = node.metadata.name;
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: NODE_LEASE_NAMESPACE,
      uid: hashUuid(`lease/${name}`),
      resourceVersion: node.metadata.resourceVersion ?? '1',
      ...(node.metadata.creationTimestamp ? { creationTimestamp: node.metadata.creationTimestamp } : {}),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }],
    },
    spec: {
      holderIdentity: name,
      leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS,
      renewTime: timestamp(leaseRenewedAt(now)).replace(/Z$/, '.000000Z'),
    },
  };
}
