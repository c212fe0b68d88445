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
import { deepEqual } from '../../k8s/copy.ts';
import type { EndpointSlice, Service, SliceEndpoint } from '../../k8s/types.ts';
import type { ControllerContext } from '../context.ts';

/** The endpointslice controller's --max-endpoints-per-slice (100 by default). */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export const MANAGED_BY = 'endpointslice-controller.k8s.io';

export type SlicePort = NonNullable<EndpointSlice['ports']>[number];

/** The identity of an endpoint within a Service's slices: its address and its pod. */
export const endpointKey = (ep: SliceEndpoint): string =>
  `${ep.addresses[0] ?? ''}/${ep.targetRef?.uid ?? ''}`;

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
}

/**
 * Brings the Service's slices (`existing`, by name) to hold `desired` (in address order) under
 * `ports`; writes only the slices that change.
 */
export function reconcileSlices(
  ctx: ControllerContext,
  svc: Service,
  existing: readonly EndpointSlice[],
  desired: readonly SliceEndpoint[],
  ports: SlicePort[],
): void {
  const labels = sliceLabels(svc);
  const portKey = JSON.stringify(ports);
  const want = new Map<string, SliceEndpoint>();
  for (const ep of desired) want.set(endpointKey(ep), ep);
  const toDelete: EndpointSlice[] = [];
  const group: EndpointSlice[] = [];
  // Slices of an address type the Service does not have (the deprecated "IP") go, after the rest.
  const otherType = existing.filter((s) => s.addressType !== 'IPv4');
  const ofType = otherType.length ? existing.filter((s) => s.addressType === 'IPv4') : existing;
  for (const s of ofType) {
    // Slices of another owner, or of ports no pod has any more, go.
    if (ownedBy(s, svc) && want.size > 0 && JSON.stringify(s.ports ?? []) === portKey) group.push(s);
    else toDelete.push(s);
  }

  const toUpdate = new Map<string, Draft>();
  const unchanged: EndpointSlice[] = [];
  const toCreate: Draft[] = [];
  // 1. Each slice keeps the endpoints still wanted, in place, as they are wanted now.
  for (const s of group) {
    const kept: SliceEndpoint[] = [];
    let changed = false;
    for (const ep of s.endpoints ?? []) {
      const key = endpointKey(ep);
      const got = want.get(key);
      if (got === undefined) continue;
      kept.push(got);
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
    while (want.size > 0 && into.length < MAX_ENDPOINTS_PER_SLICE) {
      const ep = rest.next().value!;
      want.delete(endpointKey(ep));
      into.push(ep);
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
    for (const d of toCreate)
      ctx.create<EndpointSlice>({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: `${svc.metadata.name}-${ctx.rand.string(5)}`,
          namespace,
          labels: d.labels,
          ownerReferences: [ownerReference(svc)],
        },
        addressType: 'IPv4',
        endpoints: d.endpoints,
        ports: d.ports,
      });
  for (const name of [...toUpdate.keys()].sort()) {
    const d = toUpdate.get(name)!;
    const base = d.base!;
    ctx.update<EndpointSlice>({
      ...base,
      metadata: d.replaces
        ? // The API server keeps the stored slice's uid and creation time.
          { name, namespace, labels: d.labels, ownerReferences: [ownerReference(svc)] }
        : { ...base.metadata, labels: d.labels },
      endpoints: d.endpoints,
      ports: d.ports,
    });
  }
  for (const s of [...toDelete, ...otherType]) ctx.delete('EndpointSlice', namespace, s.metadata.name);
}

/** Labels a Service's own do not override (isReservedLabelKey). */
const RESERVED = new Set([
  'kubernetes.io/service-name',
  'endpointslice.kubernetes.io/managed-by',
  'service.kubernetes.io/headless',
  'multicluster.kubernetes.io/source-cluster',
]);

/** setEndpointSliceLabels: the Service's own labels, its name, and who manages the slice. */
function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!RESERVED.has(k)) labels[k] = v;
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  labels['kubernetes.io/service-name'] = svc.metadata.name;
  labels['endpointslice.kubernetes.io/managed-by'] = MANAGED_BY;
  return labels;
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
