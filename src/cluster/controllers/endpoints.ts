/**
 * The endpoints and endpointslice controllers (pkg/controller/endpoint, endpointslice), reduced
 * to what a Service needs here. Endpoints: pods with an IP that are not terminating, ready ones as
 * addresses and the others as not ready, sorted, at most MAX_CAPACITY of them. EndpointSlices
 * (endpointslice.ts): the same pods and the terminating ones, at most a hundred a slice.
 */
import { deepEqual, deepFreeze, sameItems } from '../../k8s/copy.ts';
import { formatLabels, mapSelectorMatches } from '../../k8s/labels.ts';
import type {
  EndpointAddress,
  EndpointSlice,
  Endpoints,
  Pod,
  Service,
  SliceEndpoint,
} from '../../k8s/types.ts';
import type { ControllerContext, InformerHandlers, StoreReader } from '../context.ts';
import { podEndpointChanged } from './podfacts.ts';
import { objectKey } from '../store.ts';
import { isPodReady } from './deployment/util.ts';
import { addressOrder, SliceTracker, slicesOf, type SlicePort } from './endpointslice.ts';
import { podTriggerTime, TriggerTimes, withTrigger } from './triggertime.ts';

export function syncEndpoints(ctx: ControllerContext, key: string, cache: ServiceMembers): void {
  const [namespace, name] = key.split('/') as [string, string];
  const svc = ctx.store.get<Service>('Service', namespace, name);
  const slices = slicesOf(ctx.store, namespace, name);
  if (!svc) {
    cache.forget(key);
    if (ctx.store.get('Endpoints', namespace, name)) ctx.delete('Endpoints', namespace, name);
    for (const s of slices) ctx.delete('EndpointSlice', namespace, s.metadata.name);
    return;
  }
  if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) return;
  const view = cache.members(ctx.store, key, svc);
  // Worked out at every sync, written only with what is written anyway (both controllers).
  const trigger = cache.triggers.end(svc);
  const ports = (svc.spec.ports ?? []).map((sp) => {
    const port: { name?: string; port: number; protocol?: string } = {
      port:
        typeof sp.targetPort === 'number'
          ? sp.targetPort
          : (resolveNamedPort(view.sorted, sp.targetPort) ?? sp.port),
      protocol: sp.protocol ?? 'TCP',
    };
    if (sp.name) port.name = sp.name;
    return port;
  });
  const portsText = JSON.stringify(ports);
  writeEndpoints(ctx, svc, view, ports, portsText, trigger);

  // A slice's port name is a pointer the endpointslice controller always sets, "" when the
  // Service port has none (kubectl's describe reads it without a nil check).
  const slicePorts: SlicePort[] = ports.map((p) => ({ ...p, name: p.name ?? '' }));
  if (cache.reselected.has(key)) {
    const before = cache.reselected.get(key);
    cache.reselected.delete(key);
    decideReselected(ctx, svc, before, view);
  }
  view.slices.sync(
    ctx,
    svc,
    slices,
    () => view.sorted.map((m) => m.sliceEndpoint),
    view.sorted.length,
    slicePorts,
    trigger,
  );
}

/**
 * Why the Service's endpoints changed all at once (blue/green's switch): its selector picks other
 * pods now. Upstream logs nothing of it; here it is the step a learner looks for.
 */
function decideReselected(
  ctx: ControllerContext,
  svc: Service,
  before: Record<string, string> | undefined,
  view: MembersView,
): void {
  const selector = formatLabels(svc.spec.selector);
  const previous = formatLabels(before);
  const ready = view.readyAddresses.length;
  const notReady = view.notReadyAddresses.length;
  ctx.decide({
    controller: 'endpoint-controller',
    object: { kind: 'Service', namespace: svc.metadata.namespace ?? 'default', name: svc.metadata.name },
    code: 'endpoints.reselected',
    message: `Service ${svc.metadata.name} now selects ${selector} instead of ${previous}: its endpoints are the pods that selector picks, ${ready} ready${notReady ? ` and ${notReady} not ready` : ''}, and requests go to the ready ones only.`,
    values: { selector, previous, ready, notReady },
  });
}

/** The Endpoints object: written when what it shows changed. */
function writeEndpoints(
  ctx: ControllerContext,
  svc: Service,
  view: MembersView,
  ports: Ports,
  portsText: string,
  trigger: string,
): void {
  const { namespace = 'default', name } = svc.metadata;
  const signature: Signature = {
    ports: portsText,
    ready: view.readyAddresses,
    notReady: view.notReadyAddresses,
  };
  const existing = ctx.store.get<Endpoints>('Endpoints', namespace, name);
  const known = existing && signatures.get(existing);
  const labels = endpointsLabels(svc);
  // Upstream compares the labels too: a label put on the Service is put on its Endpoints.
  const sameLabels =
    !!existing && (existing.metadata.labels === labels || deepEqual(existing.metadata.labels ?? {}, labels));
  if (existing && sameLabels && sameSignature(known, signature)) return;
  // Frozen here (their addresses already are): the store's deep freeze then stops at the lists
  // instead of visiting every address of every write.
  const { subsets, truncated } = endpointsSubsets(
    Object.freeze(view.readyAddresses) as EndpointAddress[],
    Object.freeze(view.notReadyAddresses) as EndpointAddress[],
    ports,
  );
  const capacity = withCapacity(existing?.metadata.annotations, truncated);
  // A signature that differs means the addresses did (see sameSignature); without one (the object
  // came back from a snapshot) compare the contents. The trigger time alone is no reason to write.
  if (
    existing &&
    !known &&
    sameLabels &&
    deepEqual(existing.subsets ?? [], subsets) &&
    existing.metadata.annotations === capacity
  ) {
    signatures.set(existing, signature);
    return;
  }
  const annotations = withTrigger(capacity, trigger);
  const written = !existing
    ? ctx.create<Endpoints>({
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name, namespace, labels, ...(annotations ? { annotations } : {}) },
        subsets,
      })
    : ctx.update<Endpoints>({
        ...existing,
        metadata: { ...withAnnotations(existing.metadata, annotations), labels },
        subsets,
      });
  signatures.set(written, signature);
}

type Ports = NonNullable<NonNullable<Endpoints['subsets']>[number]['ports']>;

/**
 * The subsets the endpoints controller writes of a Service's addresses, each list in its order
 * (addressOrder), and whether they were cut: past MAX_CAPACITY addresses, ready ones are kept
 * first (truncateEndpoints, with one subset: the first MAX_CAPACITY of its sorted lists).
 */
export function endpointsSubsets(
  ready: EndpointAddress[],
  notReady: EndpointAddress[],
  ports: Ports | undefined,
): { subsets: NonNullable<Endpoints['subsets']>; truncated: boolean } {
  const truncated = ready.length + notReady.length > MAX_CAPACITY;
  if (truncated) {
    if (ready.length > MAX_CAPACITY) {
      ready = ready.slice(0, MAX_CAPACITY);
      notReady = [];
    } else notReady = notReady.slice(0, MAX_CAPACITY - ready.length);
  }
  const subset: NonNullable<Endpoints['subsets']>[number] = {};
  if (ready.length) subset.addresses = ready;
  if (notReady.length) subset.notReadyAddresses = notReady;
  if (ports) subset.ports = ports;
  return { subsets: ready.length || notReady.length ? [subset] : [], truncated };
}

/** The labels of a Service's Endpoints: the Service's, and the controller's managed-by. */
export function endpointsLabels(svc: Service): Record<string, string> {
  let labels = labelsOf.get(svc);
  if (!labels) {
    labels = { ...(svc.metadata.labels ?? {}), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' };
    labelsOf.set(svc, labels);
  }
  return labels;
}

/** Each (immutable) Service's Endpoints labels, once: a sync compares one reference. */
const labelsOf = new WeakMap<Service, Record<string, string>>();

/** The most addresses an Endpoints object holds (the endpoints controller's maxCapacity). */
export const MAX_CAPACITY = 1000;

/** The annotation of an Endpoints object whose addresses were cut to MAX_CAPACITY. */
export const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';

/**
 * `annotations` with OVER_CAPACITY set to "truncated" or removed; the same object when that
 * changes nothing.
 */
function withCapacity(
  annotations: Record<string, string> | undefined,
  truncated: boolean,
): Record<string, string> | undefined {
  const correct = truncated
    ? annotations?.[OVER_CAPACITY] === 'truncated'
    : annotations?.[OVER_CAPACITY] === undefined;
  if (correct) return annotations;
  const next = { ...annotations };
  if (truncated) next[OVER_CAPACITY] = 'truncated';
  else delete next[OVER_CAPACITY];
  return Object.keys(next).length ? next : undefined;
}

function withAnnotations<M extends { annotations?: Record<string, string> }>(
  metadata: M,
  annotations: Record<string, string> | undefined,
): M {
  if (metadata.annotations === annotations) return metadata;
  const next = { ...metadata };
  if (annotations) next.annotations = annotations;
  else delete next.annotations;
  return next;
}

/** ShouldPodBeInEndpoints(pod, includeTerminating: true), for a Service in `namespace`. */
function isMember(p: Pod, namespace: string, selector: Record<string, string>): boolean {
  if ((p.metadata.namespace ?? 'default') !== namespace || !p.status?.podIP) return false;
  if (p.status.phase === 'Succeeded' || p.status.phase === 'Failed') return false;
  return mapSelectorMatches(selector, p.metadata.labels);
}

/** The pod as a member, with what each object shows of it; undefined when it is none. */
function memberOf(p: Pod, namespace: string, selector: Record<string, string>): Member | undefined {
  const ip = p.status?.podIP;
  if (!ip || !isMember(p, namespace, selector)) return undefined;
  const ready = isPodReady(p);
  const terminating = !!p.metadata.deletionTimestamp;
  const name = p.metadata.name;
  const uid = p.metadata.uid ?? '';
  return {
    ip,
    uid,
    ready,
    terminating,
    pod: p,
    // Frozen as the store would freeze them, once per member instead of once per write.
    address: deepFreeze({
      ip,
      nodeName: p.spec.nodeName ?? '',
      targetRef: { kind: 'Pod', name, namespace, uid },
    }),
    // podToEndpoint: serving is the pod's readiness; a terminating endpoint is never ready.
    sliceEndpoint: deepFreeze({
      addresses: [ip],
      conditions: { ready: ready && !terminating, serving: ready, terminating },
      nodeName: p.spec.nodeName ?? '',
      targetRef: { kind: 'Pod', name, namespace, uid },
    }),
  };
}

interface Member {
  ip: string;
  /** The pod's uid: pods sharing an IP are listed by it. */
  uid: string;
  /** The pod's Ready condition. */
  ready: boolean;
  /** The pod is being deleted: in the slices (not ready), not in the Endpoints object. */
  terminating: boolean;
  /** The pod as last seen (kept up to date while what the endpoints show of it stays the same). */
  pod: Pod;
  /** What Endpoints and EndpointSlices show of it (immutable: shared by every write). */
  address: EndpointAddress;
  sliceEndpoint: SliceEndpoint;
}

/** A Service's members, and what the Endpoints object's lists show of them. */
interface MembersView {
  /** Every member, in address order: what the slices hold. */
  sorted: Member[];
  /** The addresses of the members that are not terminating, ready or not. */
  readyAddresses: EndpointAddress[];
  notReadyAddresses: EndpointAddress[];
  /** The Service's slices as last reconciled, and what changed since (the informer's entry). */
  slices: SliceTracker;
}

/** Which of the Endpoints object's lists a member is in: neither while it terminates. */
const inReady = (m: Member): boolean => !m.terminating && m.ready;
const inNotReady = (m: Member): boolean => !m.terminating && !m.ready;
const addressOf = (m: Member): EndpointAddress => m.address;

/**
 * Whether the pod, were it a member, would show as `m` does: same address, node, uid, readiness and
 * termination (then `m`, as last written, stands).
 */
function showsAs(p: Pod, m: Member): boolean {
  return (
    p.status?.podIP === m.ip &&
    !!p.metadata.deletionTimestamp === m.terminating &&
    p.metadata.uid === m.pod.metadata.uid &&
    p.spec.nodeName === m.pod.spec.nodeName &&
    isPodReady(p) === m.ready
  );
}

/** What an Endpoints object was written with: its ports, and its address lists. */
interface Signature {
  ports: string;
  ready: EndpointAddress[];
  notReady: EndpointAddress[];
}

/** The addresses each (immutable) Endpoints object was written with. */
const signatures = new WeakMap<object, Signature>();

function sameSignature(a: Signature | undefined, b: Signature): boolean {
  return (
    !!a && a.ports === b.ports && sameAddresses(a.ready, b.ready) && sameAddresses(a.notReady, b.notReady)
  );
}

function sameAddresses(a: EndpointAddress[], b: EndpointAddress[]): boolean {
  // The informer's lists are replaced whenever a member changes what it shows.
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.ip !== y.ip || x.nodeName !== y.nodeName || x.targetRef?.uid !== y.targetRef?.uid))
      return false;
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

/** Members and endpoint targets in address order (addressOrder). */
const byAddress = (a: { ip: string; uid: string }, b: { ip: string; uid: string }): number =>
  addressOrder(a.ip, a.uid, b.ip, b.uid);

/**
 * The members of one Service, kept from pod changes: in address order, and the ready and not-ready
 * ones that are not terminating with their addresses. Each list is replaced, never changed in
 * place, when a member comes, goes or shows otherwise: what was written keeps its lists, and a
 * sync that finds nothing new compares one reference.
 */
class MembersEntry implements MembersView {
  readonly byPod = new Map<string, Member>();
  sorted: Member[] = [];
  ready: Member[] = [];
  notReady: Member[] = [];
  readyAddresses: EndpointAddress[] = [];
  notReadyAddresses: EndpointAddress[] = [];
  readonly dirty = new Set<string>();
  readonly slices = new SliceTracker();

  constructor(
    readonly namespace: string,
    readonly selector: Record<string, string>,
  ) {}

  fill(members: Member[]): void {
    this.sorted = members.sort(byAddress);
    this.ready = this.sorted.filter(inReady);
    this.notReady = this.sorted.filter(inNotReady);
    this.readyAddresses = this.ready.map(addressOf);
    this.notReadyAddresses = this.notReady.map(addressOf);
  }

  /**
   * Copies every list that a write or a signature may hold before the first change of a catch-up
   * (`ready` and `notReady` are this entry's own).
   */
  private copied = false;

  private copy(): void {
    if (this.copied) return;
    this.copied = true;
    // Spread, not slice(): the address lists were frozen by the last write, and V8 copies a
    // frozen array with slice() some fifty times slower.
    this.sorted = [...this.sorted];
    this.readyAddresses = [...this.readyAddresses];
    this.notReadyAddresses = [...this.notReadyAddresses];
  }

  /** The Endpoints list a member is in, with its addresses (none for a terminating member). */
  private listOf(m: Member): [Member[], EndpointAddress[]] | undefined {
    if (inReady(m)) return [this.ready, this.readyAddresses];
    if (inNotReady(m)) return [this.notReady, this.notReadyAddresses];
    return undefined;
  }

  remove(m: Member): void {
    this.copy();
    this.sorted.splice(indexOf(this.sorted, m), 1);
    this.slices.left(m.sliceEndpoint);
    const lists = this.listOf(m);
    if (!lists) return;
    const [list, addresses] = lists;
    const j = indexOf(list, m);
    list.splice(j, 1);
    addresses.splice(j, 1);
  }

  insert(m: Member): void {
    this.copy();
    this.sorted.splice(lowerBound(this.sorted, m), 0, m);
    this.slices.arrived(m.sliceEndpoint);
    const lists = this.listOf(m);
    if (!lists) return;
    const [list, addresses] = lists;
    const j = lowerBound(list, m);
    list.splice(j, 0, m);
    addresses.splice(j, 0, m.address);
  }

  done(): void {
    this.copied = false;
  }
}

/**
 * The endpoints controller's view of each Service's pods (upstream's pod informer and the
 * per-Service tracker of endpointslice's reconciler): the members by IP, kept from pod changes, so
 * a sync reads them instead of going over every pod, and a write builds only what changed. Gives
 * exactly the members a scan gives, in the same order.
 */
export class ServiceMembers {
  private entries = new Map<string, MembersEntry>();
  /**
   * Services whose selector changed, with the selector before, until their next sync (the same
   * instant: a snapshot never holds one).
   */
  readonly reselected = new Map<string, Record<string, string> | undefined>();
  /** The trigger-time tracker: controller state that snapshots keep, not a cache (reset() keeps it). */
  readonly triggers = new TriggerTimes();

  /** A pod in `namespace` was written or deleted. */
  onPodChange(key: string, namespace: string): void {
    for (const e of this.entries.values()) if (e.namespace === namespace) e.dirty.add(key);
    this.triggers.podChanged(key, namespace);
  }

  forget(serviceKey: string): void {
    this.entries.delete(serviceKey);
    this.triggers.forget(serviceKey);
  }

  /** Forget everything (after a restore): each Service is scanned afresh on its next sync. */
  reset(): void {
    this.entries = new Map();
    this.reselected.clear();
  }

  /**
   * The members of a Service with a selector, at a sync: the trigger-time tracker is told of the
   * pods that changed since the last (of every pod the selector picks, when scanning afresh).
   */
  members(store: StoreReader, serviceKey: string, svc: Service): MembersView {
    const selector = svc.spec.selector ?? {};
    const namespace = svc.metadata.namespace ?? 'default';
    let e = this.entries.get(serviceKey);
    if (
      e &&
      e.namespace === namespace &&
      (e.selector === selector || deepEqual(e.selector, selector)) &&
      this.triggers.has(serviceKey)
    )
      this.catchUp(store, e, serviceKey);
    else {
      e = new MembersEntry(namespace, selector);
      this.triggers.begin(serviceKey, true);
      for (const p of store.values<Pod>('Pod')) {
        if (
          (p.metadata.namespace ?? 'default') !== namespace ||
          !mapSelectorMatches(selector, p.metadata.labels)
        )
          continue;
        const key = objectKey(namespace, p.metadata.name);
        this.triggers.pod(key, podTriggerTime(p));
        const m = memberOf(p, namespace, selector);
        if (m) e.byPod.set(key, m);
      }
      e.fill([...e.byPod.values()]);
      this.entries.set(serviceKey, e);
    }
    return e;
  }

  private catchUp(store: StoreReader, e: MembersEntry, serviceKey: string): void {
    this.triggers.begin(serviceKey, false);
    if (e.dirty.size === 0) return;
    for (const key of e.dirty) {
      const pod = store.getByKey<Pod>('Pod', key);
      const picked = pod !== undefined && mapSelectorMatches(e.selector, pod.metadata.labels);
      this.triggers.pod(key, picked ? podTriggerTime(pod) : '');
      const prev = e.byPod.get(key);
      // Most pod writes (the kubelet's progress) change nothing the endpoints show: tell so before
      // making the member's objects.
      if (prev && pod && showsAs(pod, prev) && isMember(pod, e.namespace, e.selector)) {
        prev.pod = pod;
        continue;
      }
      const next = pod && memberOf(pod, e.namespace, e.selector);
      if (!prev && !next) continue;
      if (prev) {
        e.remove(prev);
        e.byPod.delete(key);
      }
      if (next) {
        e.insert(next);
        e.byPod.set(key, next);
      }
    }
    e.dirty.clear();
    e.done();
  }
}

/** Where `m` is in `list` (sorted byAddress, `m` in it). */
function indexOf(list: Member[], m: Member): number {
  let i = lowerBound(list, m);
  while (list[i] !== m) i++;
  return i;
}

/** The first place in `list` (sorted byAddress) not before `m`. */
function lowerBound(list: Member[], m: Member): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byAddress(list[mid]!, m) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The endpoints controller's informers: a Service's own changes, and any change of a pod it
 * selects (or selected before the change) that changes what it routes to.
 */
export function endpointsInformers(members: ServiceMembers): InformerHandlers {
  return {
    Service: (c, key, ctx) => {
      const old = c.old as Service | undefined;
      const now = c.obj as Service;
      if (c.type === 'updated' && old && !deepEqual(old.spec.selector ?? {}, now.spec.selector ?? {}))
        members.reselected.set(
          key,
          members.reselected.has(key) ? members.reselected.get(key) : old.spec.selector,
        );
      ctx.enqueue('endpoints', key);
    },
    Pod: (c, key, ctx) => {
      const pod = c.obj as Pod;
      const old = c.old as Pod | undefined;
      const ns = pod.metadata.namespace ?? 'default';
      members.onPodChange(key, ns);
      if (!podEndpointChanged(c)) return;
      for (const svc of ctx.store.values<Service>('Service')) {
        if ((svc.metadata.namespace ?? 'default') !== ns) continue;
        if (
          mapSelectorMatches(svc.spec.selector, pod.metadata.labels) ||
          (old && mapSelectorMatches(svc.spec.selector, old.metadata.labels))
        )
          ctx.enqueue('endpoints', objectKey(ns, svc.metadata.name));
      }
    },
  };
}

/**
 * What kube-proxy routes a Service's traffic to: the endpoints of every EndpointSlice labelled
 * with the Service's name (kube-proxy reads slices, not the Endpoints object, which stops at a
 * thousand addresses), each pod once, ordered as kube-proxy orders them.
 */
export interface ServiceEndpoints {
  /** The pods of the ready endpoints. */
  readonly ready: readonly EndpointTarget[];
  /** The pods of the endpoints neither ready nor terminating. */
  readonly notReady: readonly EndpointTarget[];
}

export interface EndpointTarget {
  readonly ip: string;
  readonly name: string;
  readonly uid: string;
}

const NO_ENDPOINTS: ServiceEndpoints = Object.freeze({ ready: [], notReady: [] });

/** The last ServiceEndpoints worked out from each set of slices, by its first slice. */
const routed = new WeakMap<EndpointSlice, { slices: EndpointSlice[]; endpoints: ServiceEndpoints }>();

const targets = new WeakMap<EndpointSlice, ServiceEndpoints>();

/** One slice's endpoints for pods, ready and not (terminating ones are neither), in address order. */
function targetsOf(slice: EndpointSlice): ServiceEndpoints {
  let t = targets.get(slice);
  if (!t) {
    const ready: EndpointTarget[] = [];
    const notReady: EndpointTarget[] = [];
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses[0];
      const ref = ep.targetRef;
      if (ip === undefined || ref?.kind !== 'Pod') continue;
      const target = { ip, name: ref.name, uid: ref.uid ?? '' };
      if (ep.conditions.ready) ready.push(target);
      else if (!ep.conditions.terminating) notReady.push(target);
    }
    // Stable: endpoints of one IP keep the order the slice lists them in.
    t = { ready: ready.sort(byAddress), notReady: notReady.sort(byAddress) };
    targets.set(slice, t);
  }
  return t;
}

/** Lists in address order merged into one, each pod once (the first list holding it keeps it). */
function merge(lists: (readonly EndpointTarget[])[]): readonly EndpointTarget[] {
  if (lists.length === 1) return lists[0]!;
  const out: EndpointTarget[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < lists.length; k++) {
      const x = lists[k]![at[k]!];
      if (x !== undefined && (best < 0 || byAddress(x, lists[best]![at[best]!]!) < 0)) best = k;
    }
    if (best < 0) return out;
    const x = lists[best]![at[best]!++]!;
    // A pod listed twice comes out twice in a row (same address, same uid).
    const last = out[out.length - 1];
    if (!last || last.ip !== x.ip || (last.uid || last.name) !== (x.uid || x.name)) out.push(x);
  }
}

export function serviceEndpoints(store: StoreReader, namespace: string, service: string): ServiceEndpoints {
  const slices = slicesOf(store, namespace, service);
  if (slices.length === 0) return NO_ENDPOINTS;
  const hit = routed.get(slices[0]!);
  if (hit && sameItems(hit.slices, slices)) return hit.endpoints;
  // Each slice's lists once per (immutable) slice, merged: a write changes one slice of many.
  // Traffic reads only the ready ones; the not-ready ones are merged when the diagram asks.
  const lists = slices.map(targetsOf);
  let notReady: readonly EndpointTarget[] | undefined;
  const endpoints: ServiceEndpoints = {
    ready: merge(lists.map((l) => l.ready)),
    get notReady() {
      return (notReady ??= merge(lists.map((l) => l.notReady)));
    },
  };
  routed.set(slices[0]!, { slices, endpoints });
  return endpoints;
}
