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
  const pods = ctx.store
    .list<Pod>('Pod', namespace)
    .filter(
      (p) =>
        mapSelectorMatches(svc.spec.selector, p.metadata.labels) &&
        p.status?.podIP &&
        !p.metadata.deletionTimestamp,
    )
    .filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
    // Sorted by IP once (numeric key), so every list below keeps that order without re-sorting.
    .map((p) => ({ p, key: ipKey(p.status.podIP!) }))
    .sort((a, b) => a.key - b.key)
    .map(({ p }) => p);
  const address = (p: Pod): EndpointAddress => ({
    ip: p.status.podIP!,
    nodeName: p.spec.nodeName ?? '',
    targetRef: { kind: 'Pod', name: p.metadata.name, namespace, uid: p.metadata.uid ?? '' },
  });
  const ready = pods.filter(isPodReady).map(address);
  const notReady = pods.filter((p) => !isPodReady(p)).map(address);
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
  const subset: NonNullable<Endpoints['subsets']>[number] = {};
  if (ready.length) subset.addresses = ready;
  if (notReady.length) subset.notReadyAddresses = notReady;
  subset.ports = ports;
  const subsets = ready.length || notReady.length ? [subset] : [];
  const existing = ctx.store.get<Endpoints>('Endpoints', namespace, name);
  const labels = {
    ...(svc.metadata.labels ?? {}),
    'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
  };
  if (!existing) {
    ctx.create<Endpoints>({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace, labels },
      subsets,
    });
  } else if (!deepEqual(existing.subsets ?? [], subsets)) {
    ctx.update<Endpoints>({ ...existing, subsets });
  }

  const endpoints: EndpointSlice['endpoints'] = pods.map((p) => ({
    addresses: [p.status.podIP!],
    conditions: { ready: isPodReady(p), serving: isPodReady(p), terminating: false },
    nodeName: p.spec.nodeName ?? '',
    targetRef: { kind: 'Pod', name: p.metadata.name, namespace, uid: p.metadata.uid ?? '' },
  }));
  const slice = slices[0];
  if (!slice) {
    ctx.create<EndpointSlice>({
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
      ports,
    });
  } else if (!deepEqual(slice.endpoints, endpoints) || !deepEqual(slice.ports, ports)) {
    ctx.update<EndpointSlice>({ ...slice, endpoints, ports });
  }
}

function resolveNamedPort(pods: Pod[], target: string | number | undefined): number | undefined {
  if (typeof target !== 'string') return undefined;
  for (const p of pods)
    for (const c of p.spec.containers)
      for (const port of c.ports ?? []) if (port.name === target) return port.containerPort;
  return undefined;
}

/** An IPv4 address as a number, for sorting (10.244.1.2 < 10.244.1.10 < 10.244.2.1). */
function ipKey(ip: string): number {
  let key = 0;
  for (const part of ip.split('.')) key = key * 256 + (Number(part) || 0);
  return key;
}
