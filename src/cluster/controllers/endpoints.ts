/**
 * The endpoints and endpointslice controllers (pkg/controller/endpoint, endpointslice), reduced
 * to what a Service needs here: ready, non-terminating pods with an IP become ready addresses;
 * pods that are running but not ready are listed as not ready; terminating pods leave at once.
 */
import { deepEqual } from '../../k8s/copy.ts';
import { mapSelectorMatches } from '../../k8s/labels.ts';
import type { EndpointAddress, EndpointSlice, Endpoints, Pod, Service } from '../../k8s/types.ts';
import type { ControllerContext } from '../context.ts';
import { isPodReady } from './deployment/util.ts';

export function syncEndpoints(ctx: ControllerContext, key: string): void {
  const [namespace, name] = key.split('/') as [string, string];
  const svc = ctx.store.get<Service>('Service', namespace, name);
  const slices = ctx.store
    .list<EndpointSlice>('EndpointSlice', namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
  if (!svc) {
    if (ctx.store.get('Endpoints', namespace, name)) ctx.delete('Endpoints', namespace, name);
    for (const s of slices) ctx.delete('EndpointSlice', namespace, s.metadata.name);
    return;
  }
  if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) return;
  // Members: running pods the selector picks that have an IP and are not terminating, by IP.
  const members: Member[] = [];
  for (const p of ctx.store.values<Pod>('Pod')) {
    if ((p.metadata.namespace ?? 'default') !== namespace || !p.status?.podIP || p.metadata.deletionTimestamp)
      continue;
    if (p.status.phase === 'Succeeded' || p.status.phase === 'Failed') continue;
    if (!mapSelectorMatches(svc.spec.selector, p.metadata.labels)) continue;
    members.push({ key: ipKey(p.status.podIP), ready: isPodReady(p), pod: p });
  }
  members.sort((a, b) => a.key - b.key);
  const pods = members.map((m) => m.pod);
  const ports = (svc.spec.ports ?? []).map((sp) => {
    const port: { name?: string; port: number; protocol?: string } = {
      port:
        typeof sp.targetPort === 'number'
          ? sp.targetPort
          : (resolveNamedPort(pods, sp.targetPort) ?? sp.port),
      protocol: sp.protocol ?? 'TCP',
    };
    if (sp.name) port.name = sp.name;
    return port;
  });
  // Most syncs find nothing new: compare the members with those of the last write first.
  const signature: Signature = { ports: JSON.stringify(ports), members };
  const address = (p: Pod): EndpointAddress => ({
    ip: p.status.podIP!,
    nodeName: p.spec.nodeName ?? '',
    targetRef: { kind: 'Pod', name: p.metadata.name, namespace, uid: p.metadata.uid ?? '' },
  });
  const existing = ctx.store.get<Endpoints>('Endpoints', namespace, name);
  const known = existing && signatureOf(existing);
  if (!existing || !sameSignature(known, signature)) {
    const ready = members.filter((m) => m.ready).map((m) => address(m.pod));
    const notReady = members.filter((m) => !m.ready).map((m) => address(m.pod));
    const subset: NonNullable<Endpoints['subsets']>[number] = {};
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    subset.ports = ports;
    const subsets = ready.length || notReady.length ? [subset] : [];
    const labels = {
      ...(svc.metadata.labels ?? {}),
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    };
    const written = !existing
      ? ctx.create<Endpoints>({
          apiVersion: 'v1',
          kind: 'Endpoints',
          metadata: { name, namespace, labels },
          subsets,
        })
      : // A signature that differs means the members did (see sameSignature); without one (the
        // object came back from a snapshot) compare the contents.
        !known && deepEqual(existing.subsets ?? [], subsets)
        ? existing
        : ctx.update<Endpoints>({ ...existing, subsets });
    signatures.set(written, signature);
  }

  const slice = slices[0];
  const knownSlice = slice && signatureOf(slice);
  if (slice && sameSignature(knownSlice, signature)) return;
  // A slice's port name is a pointer the endpointslice controller always sets, "" when the
  // Service port has none (kubectl's describe reads it without a nil check).
  const slicePorts = ports.map((p) => ({ ...p, name: p.name ?? '' }));
  const endpoints: EndpointSlice['endpoints'] = members.map((m) => ({
    addresses: [m.pod.status.podIP!],
    conditions: { ready: m.ready, serving: m.ready, terminating: false },
    nodeName: m.pod.spec.nodeName ?? '',
    targetRef: { kind: 'Pod', name: m.pod.metadata.name, namespace, uid: m.pod.metadata.uid ?? '' },
  }));
  if (!slice) {
    const created = ctx.create<EndpointSlice>({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${name}-${ctx.rand.string(5)}`,
        namespace,
        labels: {
          'kubernetes.io/service-name': name,
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name,
            uid: svc.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      addressType: 'IPv4',
      endpoints,
      ports: slicePorts,
    });
    signatures.set(created, signature);
  } else if (knownSlice || !deepEqual(slice.endpoints, endpoints) || !deepEqual(slice.ports, slicePorts)) {
    signatures.set(ctx.update<EndpointSlice>({ ...slice, endpoints, ports: slicePorts }), signature);
  } else signatures.set(slice, signature);
}

interface Member {
  key: number;
  ready: boolean;
  pod: Pod;
}

interface Signature {
  ports: string;
  members: Member[];
}

/** The members each (immutable) Endpoints or EndpointSlice object was written with. */
const signatures = new WeakMap<object, Signature>();

function signatureOf(obj: Endpoints | EndpointSlice): Signature | undefined {
  return signatures.get(obj);
}

function sameSignature(a: Signature | undefined, b: Signature): boolean {
  if (!a || a.ports !== b.ports || a.members.length !== b.members.length) return false;
  for (let i = 0; i < b.members.length; i++) {
    const x = a.members[i]!;
    const y = b.members[i]!;
    if (x.pod === y.pod) continue;
    if (
      x.key !== y.key ||
      x.ready !== y.ready ||
      x.pod.metadata.uid !== y.pod.metadata.uid ||
      x.pod.spec.nodeName !== y.pod.spec.nodeName
    )
      return false;
  }
  return true;
}

function resolveNamedPort(pods: Pod[], target: string | number | undefined): number | undefined {
  if (typeof target !== 'string') return undefined;
  for (const p of pods)
    for (const c of p.spec.containers)
      for (const port of c.ports ?? []) if (port.name === target) return port.containerPort;
  return undefined;
}

const ipKeys = new Map<string, number>();

/** An IPv4 address as a number, for sorting (10.244.1.2 < 10.244.1.10 < 10.244.2.1). */
function ipKey(ip: string): number {
  let key = ipKeys.get(ip);
  if (key === undefined) {
    key = 0;
    for (const part of ip.split('.')) key = key * 256 + (Number(part) || 0);
    ipKeys.set(ip, key);
  }
  return key;
}
