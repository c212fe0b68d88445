/**
 * The endpointslice controller's reconciler (staging/src/k8s.io/endpointslice/reconciler.go): a
 * Service's pods as EndpointSlices of at most MAX_ENDPOINTS_PER_SLICE endpoints each. Terminating
 * pods stay in them (not ready, `terminating: true`) until they are gone; a Service without any
 * endpoint keeps one empty placeholder slice.
 *
 * Like upstream, an endpoint keeps its place in its slice while it stays; a slice that lost or
 * changed endpoints is filled up again, fullest first; what is left goes into the unchanged slice
 * it fills closest to full, else into new slices; and a slice that would be deleted while another
 * is created is rewritten instead. Where upstream takes endpoints and slices in map order (any
 * order), this takes them in address order and by name, so a replay is exact.
 */
import { deepEqual, sameItems } from '../../k8s/copy.ts';
import type { EndpointSlice, Service, SliceEndpoint } from '../../k8s/types.ts';
import type { ControllerContext, StoreReader } from '../context.ts';
import { LAST_CHANGE_TRIGGER_TIME, withTrigger } from './triggertime.ts';

/** The endpointslice controller's --max-endpoints-per-slice (100 by default). */
export const MAX_ENDPOINTS_PER_SLICE = 100;

const MANAGED_BY = 'endpointslice-controller.k8s.io';

export type SlicePort = NonNullable<EndpointSlice['ports']>[number];

/** A Service's EndpointSlices: those labelled with its name, by name (as controllers find them). */
export function slicesOf(store: StoreReader, namespace: string, service: string): EndpointSlice[] {
  return store
    .list<EndpointSlice>('EndpointSlice', namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
}

/**
 * The endpoints controller's order of addresses (LessEndpointAddress, which RepackSubsets sorts
 * by): the IP as text, byte by byte (so 10.244.1.10 comes before 10.244.1.2), then the pod's uid.
 * kube-proxy lists endpoints by their text too, and the slices take new endpoints in this order.
 */
export function addressOrder(ipA: string, uidA: string, ipB: string, uidB: string): number {
  if (ipA !== ipB) return ipA < ipB ? -1 : 1;
  return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
}

/**
 * The identity of an endpoint within a Service's slices: its pod (whose address does not change),
 * else its address. A string already stored, so a map finds it without hashing it anew.
 */
export const endpointKey = (ep: SliceEndpoint): string => ep.targetRef?.uid || (ep.addresses[0] ?? '');

/**
 * A slice being worked out: the stored one it changes (none for a new slice), whether it is
 * written over as a new slice under that name, and its parts (null: the placeholder's none).
 */
interface Draft {
  base: EndpointSlice | undefined;
  replaces?: boolean;
  endpoints: SliceEndpoint[] | null;
  ports: SlicePort[] | null;
  labels: Record<string, string>;
  /** The endpoints put into it from the wanted ones (not kept from the slice). */
  added?: SliceEndpoint[];
}

/**
 * What changed among a Service's endpoints since its slices were last reconciled, for a
 * reconcile that looks only at the slices holding what changed (see SliceTracker).
 */
interface Changes {
  /** The endpoints (by endpointKey) that left or changed. */
  gone: ReadonlySet<string>;
  /** The versions that came or changed, in address order. */
  came: readonly SliceEndpoint[];
  /** The slice each endpoint is in, by endpointKey. */
  placed: ReadonlyMap<string, string>;
}

/**
 * Brings the Service's slices (`existing`, by name) to hold `desired` (in address order) under
 * `ports`; writes only the slices that change. Given the changes since the last reconcile of
 * these very slices under the same ports and labels instead, it works out the same from the
 * slices holding what changed. Returns each wanted endpoint put into a slice, with the slice's
 * name.
 */
export function reconcileSlices(
  ctx: ControllerContext,
  svc: Service,
  existing: readonly EndpointSlice[],
  input: { desired: readonly SliceEndpoint[] } | { changes: Changes },
  ports: SlicePort[],
  trigger: string,
): [SliceEndpoint, string][] {
  const labels = sliceLabels(svc);
  const portKey = JSON.stringify(ports);
  const changes = 'changes' in input ? input.changes : undefined;
  const want = new Map<string, SliceEndpoint>();
  for (const ep of 'desired' in input ? input.desired : input.changes.came) want.set(endpointKey(ep), ep);
  const toDelete: EndpointSlice[] = [];
  const group: EndpointSlice[] = [];
  // Slices of an address type the Service does not have (the deprecated "IP") go, after the rest.
  const otherType = existing.filter((s) => s.addressType !== 'IPv4');
  const ofType = otherType.length ? existing.filter((s) => s.addressType === 'IPv4') : existing;
  for (const s of ofType) {
    // Slices of another owner, or of ports no pod has any more, go.
    if (changes || (ownedBy(s, svc) && want.size > 0 && portsTextOf(s) === portKey)) group.push(s);
    else toDelete.push(s);
  }
  // With changes: the slices holding an endpoint that left or changed.
  const touched = new Set<string>();
  if (changes)
    for (const key of changes.gone) {
      const name = changes.placed.get(key);
      if (name !== undefined) touched.add(name);
    }

  const toUpdate = new Map<string, Draft>();
  const unchanged: EndpointSlice[] = [];
  const toCreate: Draft[] = [];
  /** Each wanted endpoint put into a slice, and the slice's name. */
  const placed: [SliceEndpoint, string][] = [];
  // 1. Each slice keeps the endpoints still wanted, in place, as they are wanted now.
  for (const s of group) {
    if (changes && !touched.has(s.metadata.name)) {
      // Every endpoint of it is still wanted as it is (and not in `want`: none came).
      unchanged.push(s);
      continue;
    }
    const kept: SliceEndpoint[] = [];
    let changed = false;
    for (const ep of s.endpoints ?? []) {
      const key = endpointKey(ep);
      if (changes && !changes.gone.has(key)) {
        kept.push(ep);
        continue;
      }
      const got = want.get(key);
      if (got === undefined) continue;
      kept.push(got);
      placed.push([got, s.metadata.name]);
      if (got !== ep && !deepEqual(got, ep)) changed = true;
      want.delete(key);
    }
    const labelsChanged = !deepEqual(s.metadata.labels ?? {}, labels);
    if (changed || kept.length !== (s.endpoints ?? []).length) {
      if (kept.length === 0) toDelete.push(s);
      else toUpdate.set(s.metadata.name, { base: s, endpoints: kept, ports, labels });
    } else if (labelsChanged) toUpdate.set(s.metadata.name, { base: s, endpoints: kept, ports, labels });
    else unchanged.push(s);
  }
  const rest = want.values();
  const fill = (d: Draft) => {
    const into = (d.endpoints ??= []);
    const added = (d.added ??= []);
    while (want.size > 0 && into.length < MAX_ENDPOINTS_PER_SLICE) {
      const ep = rest.next().value!;
      want.delete(endpointKey(ep));
      into.push(ep);
      added.push(ep);
    }
  };
  // 2. The slices being written anyway are filled up, the fullest first.
  if (want.size > 0)
    for (const d of [...toUpdate.values()].sort((a, b) => size(b) - size(a) || byName(a.base!, b.base!)))
      fill(d);
  // 3. The rest: into the unchanged slice it fills closest to full, else into new slices.
  while (want.size > 0) {
    const s = want.size < MAX_ENDPOINTS_PER_SLICE ? sliceToFill(unchanged, want.size) : undefined;
    const d: Draft = s
      ? { base: s, endpoints: [...(s.endpoints ?? [])], ports, labels: s.metadata.labels ?? {} }
      : { base: undefined, endpoints: [], ports, labels };
    fill(d);
    if (s) {
      unchanged.splice(unchanged.indexOf(s), 1);
      toUpdate.set(s.metadata.name, d);
    } else toCreate.push(d);
  }
  // A Service with no endpoint keeps one empty slice, with no ports. Both lists are stored empty,
  // and an API server returns an empty list as null.
  if (ofType.length === toDelete.length && toCreate.length === 0) {
    const placeholder: Draft = { base: undefined, endpoints: null, ports: null, labels };
    if (toDelete.length === 1 && isPlaceholder(toDelete[0]!, svc, labels)) toDelete.length = 0;
    else toCreate.push(placeholder);
  }

  // finalize: a slice to create takes the place of one to delete.
  for (let i = 0; i < toDelete.length && toCreate.length > 0;) {
    const gone = toDelete[i]!;
    if (ownedBy(gone, svc)) {
      const d = toCreate.pop()!;
      toUpdate.set(gone.metadata.name, { ...d, base: gone, replaces: true });
      toDelete.splice(i, 1);
    } else i++;
  }
  const namespace = svc.metadata.namespace ?? 'default';
  // None is created for a Service being deleted (the garbage collector is taking its slices).
  if (!svc.metadata.deletionTimestamp)
    for (const d of toCreate) {
      const created = ctx.create<EndpointSlice>({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: `${svc.metadata.name}-${ctx.rand.string(5)}`,
          namespace,
          labels: d.labels,
          ...(trigger ? { annotations: { [LAST_CHANGE_TRIGGER_TIME]: trigger } } : {}),
          ownerReferences: [ownerReference(svc)],
        },
        addressType: 'IPv4',
        endpoints: d.endpoints,
        ports: d.ports,
      });
      for (const ep of d.added ?? []) placed.push([ep, created.metadata.name]);
    }
  for (const name of [...toUpdate.keys()].sort()) {
    const d = toUpdate.get(name)!;
    const base = d.base!;
    for (const ep of d.added ?? []) placed.push([ep, name]);
    ctx.update<EndpointSlice>({
      ...base,
      metadata: d.replaces
        ? // The API server keeps the stored slice's uid and creation time.
          {
            name,
            namespace,
            labels: d.labels,
            ...(trigger ? { annotations: { [LAST_CHANGE_TRIGGER_TIME]: trigger } } : {}),
            ownerReferences: [ownerReference(svc)],
          }
        : withTriggerTime(base.metadata, d.labels, trigger),
      endpoints: d.endpoints,
      ports: d.ports,
    });
  }
  for (const s of [...toDelete, ...otherType]) ctx.delete('EndpointSlice', namespace, s.metadata.name);
  return placed;
}

/**
 * A Service's slices between reconciles: what changed among its endpoints since the last, and
 * which slice holds each endpoint, so a reconcile of a thousand endpoints after one pod changed
 * looks at the slice that holds it, not at every endpoint (upstream goes over them all; the
 * result is the same). Anything else that changed (the slices, written by someone else or
 * restored; the ports; the Service's labels; no endpoint left) takes the whole reconcile.
 */
export class SliceTracker {
  private readonly gone = new Set<string>();
  private readonly came = new Map<string, SliceEndpoint>();
  private placed: Map<string, string> | undefined;
  private last:
    | {
        slices: readonly EndpointSlice[];
        ports: string;
        labels: unknown;
        /** Every one of the slices has these ports (none is the placeholder). */
        uniform: boolean;
      }
    | undefined;

  /** An endpoint left, or this version of it was replaced. */
  left(ep: SliceEndpoint): void {
    const key = endpointKey(ep);
    this.gone.add(key);
    if (this.came.get(key) === ep) this.came.delete(key);
  }

  /** An endpoint came, or this is its new version. */
  arrived(ep: SliceEndpoint): void {
    this.came.set(endpointKey(ep), ep);
  }

  /**
   * Reconciles the slices (`existing`) with the endpoints (`desired`, in address order, asked
   * for only when the whole reconcile runs). `count`: how many endpoints there are.
   */
  sync(
    ctx: ControllerContext,
    svc: Service,
    existing: readonly EndpointSlice[],
    desired: () => readonly SliceEndpoint[],
    count: number,
    ports: SlicePort[],
    trigger: string,
  ): void {
    const portsText = JSON.stringify(ports);
    const last = this.last;
    const same =
      last !== undefined &&
      this.placed !== undefined &&
      last.ports === portsText &&
      last.labels === svc.metadata.labels &&
      sameItems(last.slices, existing);
    if (same && this.gone.size === 0 && this.came.size === 0) return;
    // The whole reconcile also when a slice would not be kept as it is (the placeholder, whose
    // ports differ, once endpoints come), or none may be created.
    const incremental =
      same && count > 0 && existing.length > 0 && !svc.metadata.deletionTimestamp && last.uniform;
    const placed = this.placed;
    const moved = incremental
      ? reconcileSlices(
          ctx,
          svc,
          existing,
          { changes: { gone: this.gone, came: [...this.came.values()].sort(byAddress), placed: placed! } },
          ports,
          trigger,
        )
      : reconcileSlices(ctx, svc, existing, { desired: desired() }, ports, trigger);
    const namespace = svc.metadata.namespace ?? 'default';
    const now = slicesOf(ctx.store, namespace, svc.metadata.name);
    if (incremental) {
      for (const key of this.gone) placed!.delete(key);
      for (const [ep, name] of moved) placed!.set(endpointKey(ep), name);
    } else {
      const all = new Map<string, string>();
      for (const s of now) for (const ep of s.endpoints ?? []) all.set(endpointKey(ep), s.metadata.name);
      this.placed = all;
    }
    this.gone.clear();
    this.came.clear();
    this.last = {
      slices: now,
      ports: portsText,
      labels: svc.metadata.labels,
      uniform: now.every((s) => portsTextOf(s) === portsText),
    };
  }
}

/** Endpoints in address order, as the members are kept. */
const byAddress = (a: SliceEndpoint, b: SliceEndpoint): number =>
  addressOrder(a.addresses[0] ?? '', a.targetRef?.uid ?? '', b.addresses[0] ?? '', b.targetRef?.uid ?? '');

/** Labels a Service's own do not override (isReservedLabelKey). */
const RESERVED = new Set([
  'kubernetes.io/service-name',
  'endpointslice.kubernetes.io/managed-by',
  'service.kubernetes.io/headless',
  'multicluster.kubernetes.io/source-cluster',
]);

const portsTexts = new WeakMap<EndpointSlice, string>();

/** A slice's ports as text, once per (immutable) slice. */
function portsTextOf(s: EndpointSlice): string {
  let text = portsTexts.get(s);
  if (text === undefined) portsTexts.set(s, (text = JSON.stringify(s.ports ?? [])));
  return text;
}

/** The labels of a Service's slices, once per (immutable) Service object. */
const labelsOf = new WeakMap<Service, Record<string, string>>();

function sliceLabels(svc: Service): Record<string, string> {
  let labels = labelsOf.get(svc);
  if (!labels) labelsOf.set(svc, (labels = computeSliceLabels(svc)));
  return labels;
}

/** setEndpointSliceLabels: the Service's own labels, its name, and who manages the slice. */
function computeSliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!RESERVED.has(k)) labels[k] = v;
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  labels['kubernetes.io/service-name'] = svc.metadata.name;
  labels['endpointslice.kubernetes.io/managed-by'] = MANAGED_BY;
  return labels;
}

/**
 * A slice's metadata as the reconciler writes it over: these labels, and the trigger time set, or
 * removed when there is none (addTriggerTimeAnnotation).
 */
function withTriggerTime(
  metadata: EndpointSlice['metadata'],
  labels: Record<string, string>,
  trigger: string,
): EndpointSlice['metadata'] {
  const { annotations, ...rest } = metadata;
  const kept = withTrigger(annotations, trigger);
  return { ...rest, labels, ...(kept ? { annotations: kept } : {}) };
}

function ownerReference(svc: Service) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    name: svc.metadata.name,
    uid: svc.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

function ownedBy(s: EndpointSlice, svc: Service): boolean {
  return (s.metadata.ownerReferences ?? []).some((r) => r.kind === 'Service' && r.uid === svc.metadata.uid);
}

/** The placeholder upstream would write now, compared as placeholderSliceCompare does. */
function isPlaceholder(s: EndpointSlice, svc: Service, labels: Record<string, string>): boolean {
  return (
    ownedBy(s, svc) &&
    (s.endpoints ?? []).length === 0 &&
    (s.ports ?? []).length === 0 &&
    deepEqual(s.metadata.labels ?? {}, labels)
  );
}

/** getSliceToFill: the slice that `n` more endpoints fill closest to full (first by name on a tie). */
function sliceToFill(slices: EndpointSlice[], n: number): EndpointSlice | undefined {
  let closest = MAX_ENDPOINTS_PER_SLICE;
  let found: EndpointSlice | undefined;
  for (const s of [...slices].sort(byName)) {
    const diff = MAX_ENDPOINTS_PER_SLICE - (n + (s.endpoints ?? []).length);
    if (diff >= 0 && diff < closest) {
      closest = diff;
      found = s;
      if (diff === 0) break;
    }
  }
  return found;
}

const size = (d: Draft): number => d.endpoints?.length ?? 0;

const byName = (a: EndpointSlice, b: EndpointSlice): number =>
  a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
