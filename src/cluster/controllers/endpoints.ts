/**
 * The endpoints and endpointslice controllers (pkg/controller/endpoint, endpointslice), reduced
 * to what a Service needs here: ready, non-terminating pods with an IP become ready addresses;
 * pods that are running but not ready are listed as not ready; terminating pods leave at once.
 */
import { deepEqual } from '../../k8s/copy.ts';
import { mapSelectorMatches } from '../../k8s/labels.ts';
import type { EndpointAddress, EndpointSlice, Endpoints, Pod, Service } from '../../k8s/types.ts';
import type { ControllerContext } from '../context.ts';
import { objectKey, type Store } from '../store.ts';
import { isPodReady } from './deployment/util.ts';

export function syncEndpoints(ctx: ControllerContext, key: string, cache?: ServiceMembers): void {
  const [namespace, name] = key.split('/') as [string, string];
  const svc = ctx.store.get<Service>('Service', namespace, name);
  const slices = ctx.store
    .list<EndpointSlice>('EndpointSlice', namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
  if (!svc) {
    cache?.forget(key);
    if (ctx.store.get('Endpoints', namespace, name)) ctx.delete('Endpoints', namespace, name);
    for (const s of slices) ctx.delete('EndpointSlice', namespace, s.metadata.name);
    return;
  }
  if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) return;
  const members = cache?.members(ctx.store, key, svc) ?? scanMembers(ctx, namespace, svc.spec.selector);
  const ports = (svc.spec.ports ?? []).map((sp) => {
    const port: { name?: string; port: number; protocol?: string } = {
      port:
        typeof sp.targetPort === 'number'
          ? sp.targetPort
          : (resolveNamedPort(members, sp.targetPort) ?? sp.port),
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
      ports,
    });
    signatures.set(created, signature);
  } else if (knownSlice || !deepEqual(slice.endpoints, endpoints) || !deepEqual(slice.ports, ports)) {
    signatures.set(ctx.update<EndpointSlice>({ ...slice, endpoints, ports }), signature);
  } else signatures.set(slice, signature);
}

/**
 * Members: running pods the selector picks that have an IP and are not terminating, by IP (pods
 * sharing an IP in the order the store holds them).
 */
function scanMembers(ctx: ControllerContext, namespace: string, selector: Record<string, string>): Member[] {
  const members: Member[] = [];
  for (const p of ctx.store.values<Pod>('Pod')) {
    const m = memberOf(p, namespace, selector);
    if (m) members.push(m);
  }
  return members.sort((a, b) => a.key - b.key);
}

function memberOf(p: Pod, namespace: string, selector: Record<string, string>): Member | undefined {
  if ((p.metadata.namespace ?? 'default') !== namespace || !p.status?.podIP || p.metadata.deletionTimestamp)
    return undefined;
  if (p.status.phase === 'Succeeded' || p.status.phase === 'Failed') return undefined;
  if (!mapSelectorMatches(selector, p.metadata.labels)) return undefined;
  return { key: ipKey(p.status.podIP), ready: isPodReady(p), pod: p };
}

interface Member {
  key: number;
  ready: boolean;
  /** The pod as last seen (kept up to date while what the endpoints show of it stays the same). */
  pod: Pod;
}

/** Whether two members show the same in Endpoints and EndpointSlices (sameSignature's test). */
function sameMember(x: Member, y: Member): boolean {
  return (
    x.key === y.key &&
    x.ready === y.ready &&
    x.pod.metadata.uid === y.pod.metadata.uid &&
    x.pod.spec.nodeName === y.pod.spec.nodeName
  );
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
  // The informer's member list is replaced whenever a member changes what it shows.
  if (a.members === b.members) return true;
  for (let i = 0; i < b.members.length; i++) {
    const x = a.members[i]!;
    const y = b.members[i]!;
    if (x.pod === y.pod) continue;
    if (!sameMember(x, y)) return false;
  }
  return true;
}

function resolveNamedPort(members: Member[], target: string | number | undefined): number | undefined {
  if (typeof target !== 'string') return undefined;
  for (const { pod: p } of members)
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

/** The members of one Service, sorted by IP, kept from pod changes. */
class MembersEntry {
  readonly byPod = new Map<string, Member>();
  /** Sorted by IP; replaced (never changed in place) when a member comes, goes or shows otherwise. */
  sorted: Member[] = [];
  readonly dirty = new Set<string>();
  /** Members per IP: pods sharing an IP are ordered by the store, which only a scan knows. */
  private readonly perIp = new Map<number, number>();
  shared = 0;

  constructor(
    readonly namespace: string,
    readonly selector: Record<string, string>,
  ) {}

  count(m: Member, sign: 1 | -1): void {
    const before = this.perIp.get(m.key) ?? 0;
    const after = before + sign;
    if (after === 0) this.perIp.delete(m.key);
    else this.perIp.set(m.key, after);
    this.shared += Math.max(0, after - 1) - Math.max(0, before - 1);
  }
}

/**
 * The endpoints controller's view of each Service's pods (upstream's pod informer and the
 * per-Service tracker of endpointslice's reconciler): the members by IP, kept from pod changes, so
 * a sync reads them instead of going over every pod, and a sync that finds nothing new compares
 * one reference. Gives exactly the members a scan gives (pods sharing an IP, possible after the
 * addresses of a node wrap around, are left to the scan, which orders them as the store does).
 */
export class ServiceMembers {
  private entries = new Map<string, MembersEntry>();

  /** A pod in `namespace` was written or deleted. */
  onPodChange(key: string, namespace: string): void {
    for (const e of this.entries.values()) if (e.namespace === namespace) e.dirty.add(key);
  }

  forget(serviceKey: string): void {
    this.entries.delete(serviceKey);
  }

  /** Forget everything (after a restore): each Service is scanned afresh on its next sync. */
  reset(): void {
    this.entries = new Map();
  }

  /** The members of a Service with a selector, or undefined when only a scan can order them. */
  members(store: Store, serviceKey: string, svc: Service): Member[] | undefined {
    const selector = svc.spec.selector ?? {};
    const namespace = svc.metadata.namespace ?? 'default';
    let e = this.entries.get(serviceKey);
    if (e && e.namespace === namespace && (e.selector === selector || deepEqual(e.selector, selector)))
      this.catchUp(store, e);
    else {
      e = new MembersEntry(namespace, selector);
      for (const p of store.values<Pod>('Pod')) {
        const m = memberOf(p, namespace, selector);
        if (!m) continue;
        e.byPod.set(objectKey(p.metadata.namespace, p.metadata.name), m);
        e.count(m, 1);
      }
      e.sorted = [...e.byPod.values()].sort((a, b) => a.key - b.key);
      this.entries.set(serviceKey, e);
    }
    return e.shared > 0 ? undefined : e.sorted;
  }

  private catchUp(store: Store, e: MembersEntry): void {
    if (e.dirty.size === 0) return;
    let sorted: Member[] | undefined;
    for (const key of e.dirty) {
      const pod = store.getByKey<Pod>('Pod', key);
      const next = pod && memberOf(pod, e.namespace, e.selector);
      const prev = e.byPod.get(key);
      if (!prev && !next) continue;
      if (prev && next && sameMember(prev, next)) {
        prev.pod = next.pod;
        continue;
      }
      sorted ??= e.sorted.slice();
      if (prev) {
        let i = lowerBound(sorted, prev.key);
        while (sorted[i] !== prev) i++;
        sorted.splice(i, 1);
        e.count(prev, -1);
        e.byPod.delete(key);
      }
      if (next) {
        sorted.splice(upperBound(sorted, next.key), 0, next);
        e.count(next, 1);
        e.byPod.set(key, next);
      }
    }
    e.dirty.clear();
    if (sorted) e.sorted = sorted;
  }
}

function lowerBound(list: Member[], key: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(list: Member[], key: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.key <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
