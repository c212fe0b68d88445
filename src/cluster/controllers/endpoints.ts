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
  const members = cache ? cache.members(ctx.store, key, svc) : scanMembers(ctx, namespace, svc.spec.selector);
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
  const existing = ctx.store.get<Endpoints>('Endpoints', namespace, name);
  const known = existing && signatureOf(existing);
  if (!existing || !sameSignature(known, signature)) {
    const ready = members.filter((m) => m.ready).map((m) => addressOf(m, namespace));
    const notReady = members.filter((m) => !m.ready).map((m) => addressOf(m, namespace));
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
  const endpoints: EndpointSlice['endpoints'] = members.map((m) => sliceEndpointOf(m, namespace));
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

function memberOf(
  p: Pod,
  namespace: string,
  selector: Record<string, string>,
  position = 0,
): Member | undefined {
  if ((p.metadata.namespace ?? 'default') !== namespace || !p.status?.podIP || p.metadata.deletionTimestamp)
    return undefined;
  if (p.status.phase === 'Succeeded' || p.status.phase === 'Failed') return undefined;
  if (!mapSelectorMatches(selector, p.metadata.labels)) return undefined;
  return { key: ipKey(p.status.podIP), position, ready: isPodReady(p), pod: p };
}

interface Member {
  key: number;
  /** The pod's place in the store's order: pods sharing an IP are listed in it. */
  position: number;
  ready: boolean;
  /** The pod as last seen (kept up to date while what the endpoints show of it stays the same). */
  pod: Pod;
  /** The address written for `pod` (objects are immutable: unchanged pods share theirs). */
  address?: [Pod, EndpointAddress];
  sliceEndpoint?: [Pod, EndpointSlice['endpoints'][number]];
}

function addressOf(m: Member, namespace: string): EndpointAddress {
  if (m.address?.[0] === m.pod) return m.address[1];
  const p = m.pod;
  const address: EndpointAddress = {
    ip: p.status.podIP!,
    nodeName: p.spec.nodeName ?? '',
    targetRef: { kind: 'Pod', name: p.metadata.name, namespace, uid: p.metadata.uid ?? '' },
  };
  m.address = [p, address];
  return address;
}

function sliceEndpointOf(m: Member, namespace: string): EndpointSlice['endpoints'][number] {
  if (m.sliceEndpoint?.[0] === m.pod) return m.sliceEndpoint[1];
  const p = m.pod;
  const endpoint = {
    addresses: [p.status.podIP!],
    conditions: { ready: m.ready, serving: m.ready, terminating: false },
    nodeName: p.spec.nodeName ?? '',
    targetRef: { kind: 'Pod', name: p.metadata.name, namespace, uid: p.metadata.uid ?? '' },
  };
  m.sliceEndpoint = [p, endpoint];
  return endpoint;
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

/** Orders members by IP, then by the store's order (as a stable sort of a scan would). */
function byIp(a: Member, b: Member): number {
  return a.key - b.key || a.position - b.position;
}

/** The members of one Service, sorted by IP, kept from pod changes. */
class MembersEntry {
  readonly byPod = new Map<string, Member>();
  /** Sorted by IP; replaced (never changed in place) when a member comes, goes or shows otherwise. */
  sorted: Member[] = [];
  readonly dirty = new Set<string>();

  constructor(
    readonly namespace: string,
    readonly selector: Record<string, string>,
  ) {}
}

/**
 * The endpoints controller's view of each Service's pods (upstream's pod informer and the
 * per-Service tracker of endpointslice's reconciler): the members by IP, kept from pod changes, so
 * a sync reads them instead of going over every pod, and a sync that finds nothing new compares
 * one reference. Gives exactly the members a scan gives, pods sharing an IP (after a node's
 * addresses wrap around) in the store's order.
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

  /** The members of a Service with a selector. */
  members(store: Store, serviceKey: string, svc: Service): Member[] {
    const selector = svc.spec.selector ?? {};
    const namespace = svc.metadata.namespace ?? 'default';
    let e = this.entries.get(serviceKey);
    if (e && e.namespace === namespace && (e.selector === selector || deepEqual(e.selector, selector)))
      this.catchUp(store, e);
    else {
      e = new MembersEntry(namespace, selector);
      for (const p of store.values<Pod>('Pod')) {
        const key = objectKey(p.metadata.namespace, p.metadata.name);
        const m = memberOf(p, namespace, selector, store.position('Pod', key));
        if (m) e.byPod.set(key, m);
      }
      e.sorted = [...e.byPod.values()].sort(byIp);
      this.entries.set(serviceKey, e);
    }
    return e.sorted;
  }

  private catchUp(store: Store, e: MembersEntry): void {
    if (e.dirty.size === 0) return;
    let sorted: Member[] | undefined;
    for (const key of e.dirty) {
      const pod = store.getByKey<Pod>('Pod', key);
      const next = pod && memberOf(pod, e.namespace, e.selector, store.position('Pod', key));
      const prev = e.byPod.get(key);
      if (!prev && !next) continue;
      if (prev && next && prev.position === next.position && sameMember(prev, next)) {
        prev.pod = next.pod;
        continue;
      }
      sorted ??= e.sorted.slice();
      if (prev) {
        let i = lowerBound(sorted, prev);
        while (sorted[i] !== prev) i++;
        sorted.splice(i, 1);
        e.byPod.delete(key);
      }
      if (next) {
        sorted.splice(lowerBound(sorted, next), 0, next);
        e.byPod.set(key, next);
      }
    }
    e.dirty.clear();
    if (sorted) e.sorted = sorted;
  }
}

/** The first place in `list` (sorted byIp) not before `m`. */
function lowerBound(list: Member[], m: Member): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byIp(list[mid]!, m) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
