/**
 * The objects of a followed namespace as the watches delivered them, and how they become a
 * simulator's cluster that nothing drives: the diagram, the timeline and read-only kubectl then
 * work on it exactly as on a simulated one.
 *
 * Objects arrive from another API server, so each is read like the simulated API server reads what
 * a client sends (decoded into the Go types; fields this simulator does not know are dropped, a
 * wrong type drops the object) and checked for the parts the diagram reads. Events written
 * through events.k8s.io (eventTime and series instead of firstTimestamp and count) are completed
 * the way `kubectl get events` shows them.
 */
import type { ClusterSnapshot, SimCluster } from '../cluster/cluster.ts';
import { endpointsLabels, endpointsSubsets, OVER_CAPACITY } from '../cluster/controllers/endpoints.ts';
import { addressOrder } from '../cluster/controllers/endpointslice.ts';
import { objectKey, byNamespaceAndName } from '../cluster/store.ts';
import { deepFreeze } from '../k8s/copy.ts';
import { decodeObjectWarn, DecodeError } from '../k8s/decode.ts';
import { parseTimestamp, timestamp } from '../k8s/time.ts';
import type {
  EndpointAddress,
  Endpoints,
  EndpointSlice,
  KubeEvent,
  KubeObject,
  Service,
} from '../k8s/types.ts';
import { FOLLOWED_RESOURCES } from './resources.ts';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change of the followed namespace, at the moment it arrived. */
export interface LogEntry {
  /** Seconds since connecting. */
  readonly t: number;
  readonly kind: string;
  readonly type: ChangeType;
  /** The object after the change; for DELETED, as it was last seen. */
  readonly obj: KubeObject;
  /** The object before the change (MODIFIED, DELETED). */
  readonly old?: KubeObject;
  /** It came with the first list of its kind: it was there when the session connected. */
  readonly initial?: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const apiVersionOf = new Map(
  FOLLOWED_RESOURCES.map((r) => [r.kind, r.group ? `${r.group}/${r.version}` : r.version]),
);

/**
 * An object received from the API server, as this simulator stores it; undefined when it is not
 * one (no name, a wrong type, or missing what the diagram reads). Frozen, like stored objects.
 */
export function normalize(kind: string, raw: unknown): KubeObject | undefined {
  if (!isObj(raw) || !isObj(raw['metadata']) || typeof raw['metadata']['name'] !== 'string') return undefined;
  // List items carry no kind or apiVersion; server-side apply bookkeeping is not shown by kubectl.
  const { managedFields: _managed, ...metadata } = raw['metadata'];
  const obj: Record<string, unknown> = {
    ...raw,
    kind,
    apiVersion: typeof raw['apiVersion'] === 'string' ? raw['apiVersion'] : (apiVersionOf.get(kind) ?? 'v1'),
    metadata,
  };
  if (kind === 'Event') return event(obj);
  let decoded: Record<string, unknown>;
  try {
    decoded = decodeObjectWarn<Record<string, unknown>>(obj, 'json').obj;
  } catch (e) {
    if (e instanceof DecodeError) return undefined;
    throw e;
  }
  return wellFormed(kind, decoded) ? (deepFreeze(decoded) as unknown as KubeObject) : undefined;
}

const containersOf = (podSpec: unknown): boolean =>
  isObj(podSpec) && Array.isArray(podSpec['containers']) && podSpec['containers'].every(isObj);

/** The parts the diagram and the controllers' helpers read without checking. */
function wellFormed(kind: string, o: Record<string, unknown>): boolean {
  const spec = o['spec'];
  switch (kind) {
    case 'Deployment':
      return (
        isObj(spec) &&
        isObj(spec['selector']) &&
        isObj(spec['template']) &&
        containersOf((spec['template'] as Record<string, unknown>)['spec'])
      );
    case 'ReplicaSet':
      return (
        isObj(spec) &&
        isObj(spec['template']) &&
        containersOf((spec['template'] as Record<string, unknown>)['spec'])
      );
    case 'Pod':
      return containersOf(spec);
    case 'Service':
      return isObj(spec);
    case 'EndpointSlice':
      if (o['endpoints'] === undefined) o['endpoints'] = [];
      return true;
    default:
      return true;
  }
}

/** A core/v1 Event completed as `kubectl get events` shows one written through events.k8s.io. */
function event(o: Record<string, unknown>): KubeEvent {
  const meta = o['metadata'] as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const series = isObj(o['series']) ? o['series'] : {};
  const source = isObj(o['source']) ? o['source'] : {};
  const first =
    str(o['firstTimestamp']) ?? str(o['eventTime']) ?? str(meta['creationTimestamp']) ?? timestamp(0);
  const last = str(o['lastTimestamp']) ?? str(series['lastObservedTime']) ?? first;
  const count =
    typeof o['count'] === 'number' ? o['count'] : typeof series['count'] === 'number' ? series['count'] : 1;
  const component =
    str(source['component']) ?? str(o['reportingComponent']) ?? str(o['reportingController']) ?? '';
  const involved = isObj(o['involvedObject'])
    ? o['involvedObject']
    : isObj(o['regarding'])
      ? o['regarding']
      : {};
  const host = str(source['host']) ?? str(o['reportingInstance']);
  return deepFreeze({
    ...o,
    kind: 'Event',
    involvedObject: {
      kind: str(involved['kind']) ?? '',
      name: str(involved['name']) ?? '',
      ...involved,
    },
    reason: str(o['reason']) ?? '',
    message: typeof o['message'] === 'string' ? o['message'] : '',
    type: o['type'] === 'Warning' ? 'Warning' : 'Normal',
    source: { component, ...(host ? { host } : {}) },
    firstTimestamp: first,
    lastTimestamp: last,
    count,
  } as unknown as KubeEvent);
}

/**
 * The newest moment an object says the server's clock has reached (virtual seconds of
 * `parseTimestamp`), or NaN: when it was created, its conditions' transitions, an Event's last
 * occurrence. A deletion timestamp is in the future and does not count.
 */
export function newestStamp(raw: unknown): number {
  if (!isObj(raw)) return Number.NaN;
  let best = Number.NaN;
  const see = (v: unknown) => {
    if (typeof v !== 'string') return;
    const s = parseTimestamp(v);
    if (Number.isFinite(s) && !(s <= best)) best = s;
  };
  const meta = isObj(raw['metadata']) ? raw['metadata'] : {};
  see(meta['creationTimestamp']);
  if (Array.isArray(meta['managedFields']))
    for (const f of meta['managedFields']) if (isObj(f)) see(f['time']);
  const status = isObj(raw['status']) ? raw['status'] : {};
  if (Array.isArray(status['conditions']))
    for (const c of status['conditions'])
      if (isObj(c)) {
        see(c['lastTransitionTime']);
        see(c['lastUpdateTime']);
      }
  see(raw['lastTimestamp']);
  see(raw['eventTime']);
  if (isObj(raw['series'])) see(raw['series']['lastObservedTime']);
  return best;
}

/** The followed objects at one moment: by kind, then by `namespace/name`. Objects are frozen and shared. */
export class MirrorState {
  readonly objects = new Map<string, Map<string, KubeObject>>();
  /** The newest resourceVersion seen (what a list taken now would carry). */
  resourceVersion = '0';

  private bucket(kind: string): Map<string, KubeObject> {
    let b = this.objects.get(kind);
    if (!b) {
      b = new Map();
      this.objects.set(kind, b);
    }
    return b;
  }

  get(kind: string, key: string): KubeObject | undefined {
    return this.objects.get(kind)?.get(key);
  }

  list(kind: string): KubeObject[] {
    return [...(this.objects.get(kind)?.values() ?? [])];
  }

  apply(e: LogEntry): void {
    const key = objectKey(e.obj.metadata.namespace, e.obj.metadata.name);
    if (e.type === 'DELETED') this.objects.get(e.kind)?.delete(key);
    else this.bucket(e.kind).set(key, e.obj);
    const rv = e.obj.metadata.resourceVersion;
    if (rv !== undefined && newerVersion(rv, this.resourceVersion)) this.resourceVersion = rv;
  }

  copy(): MirrorState {
    const c = new MirrorState();
    for (const [kind, b] of this.objects) c.objects.set(kind, new Map(b));
    c.resourceVersion = this.resourceVersion;
    return c;
  }
}

/**
 * The changes that turn `before` (objects of one kind by key) into `items` (a fresh list): ADDED
 * for new ones, MODIFIED for ones whose resourceVersion or uid moved, DELETED for ones gone.
 */
export function diffList(
  before: ReadonlyMap<string, KubeObject>,
  items: readonly KubeObject[],
): { type: ChangeType; obj: KubeObject; old?: KubeObject }[] {
  const out: { type: ChangeType; obj: KubeObject; old?: KubeObject }[] = [];
  const seen = new Set<string>();
  for (const obj of items) {
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    seen.add(key);
    const old = before.get(key);
    if (!old) out.push({ type: 'ADDED', obj });
    else if (
      old.metadata.resourceVersion !== obj.metadata.resourceVersion ||
      old.metadata.uid !== obj.metadata.uid
    )
      out.push({ type: 'MODIFIED', obj, old });
  }
  for (const [key, old] of before) if (!seen.has(key)) out.push({ type: 'DELETED', obj: old, old });
  return out;
}

/**
 * resourceVersions are opaque to clients; every API server in use counts them up, so a longer or
 * larger decimal is newer. Anything else replaces what was kept.
 */
function newerVersion(a: string, b: string): boolean {
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) return a !== b;
  return a.length !== b.length ? a.length > b.length : a > b;
}

/**
 * core/v1 Endpoints as the endpoints controller writes them, made from a Service's EndpointSlices
 * (a followed session reads the slices only, when the server serves them; see `insteadOf` in
 * resources.ts): ready endpoints as addresses, the others as not-ready ones, terminating ones
 * left out; each list in the controller's order (address as text, then pod uid), cut at its
 * capacity; the Service's labels and creation time.
 */
export function endpointsFromSlices(svc: Service, slices: readonly EndpointSlice[]): Endpoints {
  const addresses: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  const ports: { name?: string; port: number; protocol?: string }[] = [];
  for (const s of slices) {
    for (const p of s.ports ?? [])
      if (!ports.some((q) => q.name === p.name && q.port === p.port)) ports.push(p);
    for (const e of s.endpoints ?? []) {
      if (e.conditions?.terminating === true) continue;
      for (const ip of e.addresses ?? []) {
        const a: EndpointAddress = { ip };
        if (e.nodeName) a.nodeName = e.nodeName;
        if (e.targetRef) a.targetRef = { ...e.targetRef };
        (e.conditions?.ready === false ? notReady : addresses).push(a);
      }
    }
  }
  const order = (a: EndpointAddress, b: EndpointAddress) =>
    addressOrder(a.ip, a.targetRef?.uid ?? '', b.ip, b.targetRef?.uid ?? '');
  const { subsets, truncated } = endpointsSubsets(
    addresses.sort(order),
    notReady.sort(order),
    ports.length ? ports : undefined,
  );
  const m = svc.metadata;
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: m.name,
      ...(m.namespace !== undefined ? { namespace: m.namespace } : {}),
      ...(m.creationTimestamp !== undefined ? { creationTimestamp: m.creationTimestamp } : {}),
      labels: endpointsLabels(svc),
      ...(truncated ? { annotations: { [OVER_CAPACITY]: 'truncated' } } : {}),
    },
    ...(subsets.length ? { subsets } : {}),
  } as Endpoints);
}

/** Events oldest first, as the simulator lists them. */
function byTime(a: KubeEvent, b: KubeEvent): number {
  const x = parseTimestamp(a.lastTimestamp);
  const y = parseTimestamp(b.lastTimestamp);
  if (x !== y && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return byNamespaceAndName(a, b);
}

/**
 * Puts `state` into `cluster` at server clock `clock`, through a snapshot (so objects keep the
 * resourceVersions the real API server gave them). `empty` is a snapshot of a cluster with no
 * nodes and nothing to do: no controller, scheduler or kubelet ever runs on a mirror.
 */
export function materialize(
  cluster: SimCluster,
  state: MirrorState,
  clock: number,
  empty: ClusterSnapshot,
): void {
  const kinds: [string, [string, KubeObject][]][] = [];
  for (const [kind, b] of state.objects) if (kind !== 'Event' && b.size) kinds.push([kind, [...b]]);
  const endpoints = state.objects.get('Endpoints');
  const slices = state.list('EndpointSlice') as EndpointSlice[];
  const made: [string, KubeObject][] = [];
  for (const [key, svc] of state.objects.get('Service') ?? []) {
    if (endpoints?.has(key)) continue;
    const own = slices.filter(
      (s) =>
        s.metadata.namespace === svc.metadata.namespace &&
        s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
    );
    if (own.length) made.push([key, endpointsFromSlices(svc as Service, own)]);
  }
  if (made.length) {
    const i = kinds.findIndex(([k]) => k === 'Endpoints');
    if (i >= 0) kinds[i] = ['Endpoints', [...kinds[i]![1], ...made]];
    else kinds.push(['Endpoints', made]);
  }
  const rv = Number(state.resourceVersion);
  cluster.restore({
    ...empty,
    now: Math.max(0, clock),
    store: { kinds, resourceVersion: Number.isSafeInteger(rv) ? rv : 0 },
    events: (state.list('Event') as KubeEvent[]).sort(byTime),
  });
}
