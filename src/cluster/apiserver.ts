/**
 * The simulated cluster as an API server sees requests: get, list, create, update, patch and
 * delete of a resource, with what the store alone does not give a client.
 *
 * - **resourceVersion semantics**: lists carry the store's resourceVersion; a write whose object
 *   names a resourceVersion that is no longer current fails with 409 Conflict (optimistic
 *   concurrency, as upstream's GuaranteedUpdate).
 * - **Watch from a resourceVersion**: every change (store writes and Events) is kept in a bounded
 *   history, so a watch replays what came after the version it names; older than the history is
 *   410 Expired, as a compacted etcd answers. Selectors are applied per watcher, with an object
 *   leaving a selector seen as DELETED and entering as ADDED (the watch cache's behaviour).
 * - **Server-side dry run**: the write runs, then the cluster is restored to the moment before
 *   it; watchers never see it.
 * - **The scale subresource** of Deployments and ReplicaSets (autoscaling/v1 Scale).
 * - **Status errors** with the API server's reason, code and message (NotFound, AlreadyExists,
 *   Conflict, Invalid with the simulator's field errors as causes, BadRequest, Expired…).
 *
 * Framework-free and deterministic: the HTTP layer (src/server) only maps requests onto it, and
 * the same methods serve any other client.
 */
import { deepCopy, deepEqual } from '../k8s/copy.ts';
import { setDefaults } from '../k8s/defaults.ts';
import { jsonPatch, PatchError } from '../k8s/jsonpatch.ts';
import { formatSelector, selectorMatches } from '../k8s/labels.ts';
import { parseSelector } from '../k8s/selector.ts';
import { fieldSelection } from '../k8s/fields.ts';
import { mergePatch } from '../k8s/merge.ts';
import { strategicMergePatch } from '../k8s/strategic-patch.ts';
import { apiVersionOf, groupResource, type ResourceInfo } from '../k8s/resources.ts';
import type { KubeEvent, KubeObject, LabelSelector } from '../k8s/types.ts';
import {
  decodeObject,
  decodeObjectWarn,
  DecodeError,
  goPrintValue,
  withoutEmptyMaps,
} from '../k8s/decode.ts';
import { formatFieldError, goQuote, validate, type FieldError } from '../k8s/validation.ts';
import { NAMESPACES } from './apply.ts';
import { goJsonText } from '../k8s/go-json.ts';
import { unwritten } from './dryrun.ts';
import { evictPod } from './eviction.ts';
import { FOREGROUND_UNSIMULATED, hasDependents } from './api.ts';
import type { SimCluster } from './cluster.ts';
import { byNamespaceAndName, type Change } from './store.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObj = (v: unknown): v is { [k: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Status errors (k8s.io/apimachinery/pkg/api/errors)

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

/** A metav1.Status failure: what the API server answers a request it refuses. */
export class StatusError extends Error {
  override readonly name = 'StatusError';
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  /** The metav1.Status object, as sent on the wire. */
  status(): Record<string, unknown> {
    const s: Record<string, unknown> = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) s['details'] = this.details;
    return s;
  }
}

const causeTypes: Record<FieldError['type'], string> = {
  'Invalid value': 'FieldValueInvalid',
  'Required value': 'FieldValueRequired',
  'Unsupported value': 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  'Duplicate value': 'FieldValueDuplicate',
  'Too long': 'FieldValueTooLong',
  'Not found': 'FieldValueNotFound',
};

function qualifiedKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

export function notFoundError(info: ResourceInfo, name: string): StatusError {
  return new StatusError(404, 'NotFound', `${groupResource(info)} "${name}" not found`, {
    name,
    ...(info.group ? { group: info.group } : {}),
    kind: info.plural,
  });
}

function alreadyExists(info: ResourceInfo, name: string): StatusError {
  return new StatusError(409, 'AlreadyExists', `${groupResource(info)} "${name}" already exists`, {
    name,
    ...(info.group ? { group: info.group } : {}),
    kind: info.plural,
  });
}

function conflict(info: ResourceInfo, name: string): StatusError {
  return new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${groupResource(info)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, ...(info.group ? { group: info.group } : {}), kind: info.plural },
  );
}

/** errors.NewInvalid: 422 with one cause per field error, the message aggregating them. */
export function invalid(info: ResourceInfo, name: string, errors: FieldError[]): StatusError {
  const causes = errors.map((e) => {
    const text = formatFieldError(e);
    return { reason: causeTypes[e.type], message: text.slice(e.field.length + 2), field: e.field };
  });
  const texts = errors.map(formatFieldError);
  const aggregate = texts.length === 1 ? texts[0]! : `[${texts.join(', ')}]`;
  return new StatusError(422, 'Invalid', `${qualifiedKind(info)} "${name}" is invalid: ${aggregate}`, {
    name,
    ...(info.group ? { group: info.group } : {}),
    kind: info.kind,
    causes,
  });
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, 'BadRequest', message);
}

function methodNotSupported(info: ResourceInfo, verb: string): StatusError {
  return new StatusError(
    405,
    'MethodNotAllowed',
    `${verb} is not supported on resources of kind "${info.kind}"`,
    {
      ...(info.group ? { group: info.group } : {}),
      kind: info.plural,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Selectors

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

type Matcher = (o: KubeObject) => boolean;

function labelMatcher(text: string | undefined): Matcher {
  if (!text) return () => true;
  const r = parseSelector(text);
  if (!r.ok) throw badRequest(r.error);
  const sel: LabelSelector = r.selector;
  return (o) => selectorMatches(sel, o.metadata.labels);
}

/** The list's field selector, read for objects of `kind` (fields.ts). */
function fieldMatcher(kind: string, text: string | undefined): Matcher {
  const selection = fieldSelection(kind, text);
  if (!selection.ok) throw badRequest(selection.error);
  return selection.matches;
}

function matcher(kind: string, opts: ListOptions): Matcher {
  const l = labelMatcher(opts.labelSelector);
  const f = fieldMatcher(kind, opts.fieldSelector);
  return (o) => l(o) && f(o);
}

// ---------------------------------------------------------------------------------------------
// Watch

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/**
 * The object a watch event carries for a change made at resourceVersion `rv`: a deleted object is
 * reported with the resourceVersion of its deletion.
 */
export function watchedObject(c: Change, rv: number): KubeObject {
  return c.type === 'deleted'
    ? { ...c.obj, metadata: { ...c.obj.metadata, resourceVersion: String(rv) } }
    : c.obj;
}

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject | Record<string, unknown>;
}

interface HistoryEntry {
  rv: number;
  kind: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  obj: KubeObject;
  old: KubeObject | undefined;
}

export interface WatchOptions extends ListOptions {
  /** Start after this version; unset or "0" starts with the current objects as ADDED events. */
  resourceVersion?: string;
  /** Streaming lists: the current objects as ADDED, then a bookmark marking their end. */
  sendInitialEvents?: boolean;
}

interface Watcher {
  info: ResourceInfo;
  namespace: string | undefined;
  match: Matcher;
  send(e: WatchEvent): void;
}

/** How many changes a watch can resume from (upstream's watch cache holds a similar window). */
export const WATCH_HISTORY = 100_000;

export interface WriteOptions {
  dryRun?: boolean;
  /**
   * The request's `fieldValidation`: `Strict` refuses unknown fields (what kubectl sends by
   * default); otherwise they are dropped, with a warning under `Warn` (also when it is not given).
   */
  fieldValidation?: string | undefined;
  /** Receives the warnings the response carries (`unknown field "spec.foo"`). */
  warnings?: string[];
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  /** Background (the default), Orphan, or Foreground (refused where it would keep the owner). */
  propagationPolicy?: string;
  /** Preconditions: the object must still have this uid / resourceVersion. */
  uid?: string;
  resourceVersion?: string;
}

export type PatchType = 'json' | 'merge' | 'strategic';

const serverFields = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
] as const;

/**
 * The served kinds whose Go type has a status struct, which encoding/json always writes. (A
 * PodDisruptionBudget's is written with its four counts at 0: apiEncode adds them, as for the page.)
 */
const KINDS_WITH_STATUS = new Set(['Deployment', 'ReplicaSet', 'Service', 'Node', 'Namespace']);

export class ApiServer {
  private history: HistoryEntry[] = [];
  /** Index of the oldest kept entry in `history` (the array is trimmed in batches). */
  private watchers = new Set<Watcher>();
  private muted = 0;

  constructor(readonly cluster: SimCluster) {
    cluster.watch((c) => this.record(c));
    cluster.watchEvents((e, old) => {
      if (this.muted) return;
      this.push({
        rv: Number(e.metadata.resourceVersion),
        kind: 'Event',
        type: old ? 'MODIFIED' : 'ADDED',
        obj: e,
        old,
      });
    });
  }

  /** The current resourceVersion: the one a list taken now carries. */
  resourceVersion(): string {
    return String(this.cluster.store.resourceVersion);
  }

  /** The oldest resourceVersion a watch can still start from. */
  oldestResourceVersion(): number {
    return this.history.length ? this.history[0]!.rv - 1 : this.cluster.store.resourceVersion;
  }

  watcherCount(): number {
    return this.watchers.size;
  }

  private record(c: Change): void {
    if (this.muted) return;
    const rv = this.cluster.store.resourceVersion;
    const type = c.type === 'added' ? 'ADDED' : c.type === 'updated' ? 'MODIFIED' : 'DELETED';
    this.push({ rv, kind: c.kind, type, obj: watchedObject(c, rv), old: c.old });
  }

  private push(e: HistoryEntry): void {
    this.history.push(e);
    if (this.history.length > WATCH_HISTORY * 1.25) this.history = this.history.slice(-WATCH_HISTORY);
    for (const w of this.watchers) if (w.info.kind === e.kind) this.deliver(w, e);
  }

  private inScope(w: Watcher, o: KubeObject | undefined): boolean {
    if (!o) return false;
    if (w.info.namespaced && w.namespace !== undefined && o.metadata.namespace !== w.namespace) return false;
    return w.match(o);
  }

  private deliver(w: Watcher, e: HistoryEntry): void {
    const now = e.type !== 'DELETED' && this.inScope(w, e.obj);
    const before = e.type !== 'ADDED' && this.inScope(w, e.old);
    if (e.type === 'DELETED') {
      if (before || this.inScope(w, e.obj)) w.send({ type: 'DELETED', object: e.obj });
      return;
    }
    if (now && before) w.send({ type: 'MODIFIED', object: e.obj });
    else if (now) w.send({ type: 'ADDED', object: e.obj });
    else if (before) w.send({ type: 'DELETED', object: e.obj });
  }

  /**
   * Starts a watch; `send` is called synchronously with every event from then on. Throws
   * StatusError (410 Expired) when the history no longer reaches back to `resourceVersion`.
   */
  watch(
    info: ResourceInfo,
    namespace: string | undefined,
    opts: WatchOptions,
    send: (e: WatchEvent) => void,
  ): () => void {
    const w: Watcher = {
      info,
      namespace: info.namespaced ? namespace : undefined,
      match: matcher(info.kind, opts),
      send,
    };
    const rvText = opts.resourceVersion ?? '';
    if (opts.sendInitialEvents || rvText === '' || rvText === '0') {
      for (const o of this.list(info, namespace, opts).items) send({ type: 'ADDED', object: o });
      if (opts.sendInitialEvents)
        send({
          type: 'BOOKMARK',
          object: this.bookmarkObject(info, { 'k8s.io/initial-events-end': 'true' }),
        });
    } else {
      const rv = Number(rvText);
      if (!/^[0-9]+$/.test(rvText)) throw badRequest(`invalid resource version: ${rvText}`);
      if (rv < this.oldestResourceVersion())
        throw new StatusError(
          410,
          'Expired',
          `too old resource version: ${rv} (${this.oldestResourceVersion()})`,
        );
      // Binary search for the first change after rv.
      let lo = 0;
      let hi = this.history.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.history[mid]!.rv <= rv) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.history.length; i++) {
        const e = this.history[i]!;
        if (e.kind === info.kind) this.deliver(w, e);
      }
    }
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  /** A BOOKMARK event's object: the kind and the current resourceVersion, nothing else. */
  bookmarkObject(info: ResourceInfo, annotations?: Record<string, string>): Record<string, unknown> {
    return {
      kind: info.kind,
      apiVersion: apiVersionOf(info),
      metadata: { resourceVersion: this.resourceVersion(), ...(annotations ? { annotations } : {}) },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  get(info: ResourceInfo, namespace: string | undefined, name: string): KubeObject {
    const ns = info.namespaced ? (namespace ?? 'default') : undefined;
    let obj: KubeObject | undefined;
    if (info.kind === 'Event')
      obj = this.cluster.eventList().find((e) => e.metadata.namespace === ns && e.metadata.name === name);
    else obj = this.cluster.store.get(info.kind, ns, name);
    if (!obj) throw notFoundError(info, name);
    return obj;
  }

  /** Objects of a resource in one namespace (or all), in the API server's order (namespace, name). */
  list(
    info: ResourceInfo,
    namespace: string | undefined,
    opts: ListOptions = {},
  ): { items: KubeObject[]; resourceVersion: string } {
    const ns = info.namespaced ? namespace : undefined;
    const match = matcher(info.kind, opts);
    let items: KubeObject[];
    if (info.kind === 'Event')
      items = (this.cluster.eventList() as KubeEvent[])
        .filter((e) => ns === undefined || e.metadata.namespace === ns)
        .sort(byNamespaceAndName);
    else items = this.cluster.store.list<KubeObject>(info.kind, ns);
    return { items: items.filter(match), resourceVersion: this.resourceVersion() };
  }

  // -------------------------------------------------------------------------------------------
  // Writing

  /** Runs a write; with dryRun, undoes it (and hides it from watchers) and returns what it wrote. */
  private write<T>(opts: WriteOptions, fn: () => T): T {
    if (!opts.dryRun) {
      const out = fn();
      this.cluster.settle();
      this.cluster.notify();
      return out;
    }
    const before = this.cluster.transientSnapshot();
    this.muted++;
    let out: T;
    try {
      out = deepCopy(fn());
    } finally {
      this.cluster.restore(before);
      this.muted--;
    }
    return unwritten(this.cluster, out);
  }

  private writable(info: ResourceInfo, verb: string): void {
    if (
      info.kind === 'Event' ||
      info.kind === 'Namespace' ||
      info.kind === 'Endpoints' ||
      info.kind === 'EndpointSlice' ||
      // Nodes are the simulator's fixed machines: kubectl cordon may update or patch one
      // (spec.unschedulable), nothing may add or remove one.
      (info.kind === 'Node' && verb !== 'update' && verb !== 'patch')
    )
      throw methodNotSupported(info, verb);
  }

  private namespaceFor(info: ResourceInfo, namespace: string | undefined): string | undefined {
    if (!info.namespaced) return undefined;
    const ns = namespace ?? 'default';
    if (!NAMESPACES.includes(ns)) throw notFoundError({ ...info, plural: 'namespaces', group: '' }, ns);
    return ns;
  }

  create(
    info: ResourceInfo,
    namespace: string | undefined,
    body: unknown,
    opts: WriteOptions = {},
  ): KubeObject {
    this.writable(info, 'create');
    const obj = this.checkTypes(info, this.decode(info, body), 'json', opts);
    const ns = this.namespaceFor(info, namespace);
    if (obj.metadata.namespace !== undefined && ns !== undefined && obj.metadata.namespace !== ns)
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    const metadata = { ...obj.metadata } as KubeObject['metadata'];
    for (const k of serverFields) delete metadata[k];
    if (ns !== undefined) metadata.namespace = ns;
    if (!metadata.name && metadata.generateName)
      metadata.name = `${metadata.generateName}${this.cluster.rand.string(5)}`;
    const next = setDefaults({ ...obj, metadata } as KubeObject);
    // PrepareForCreate: a new object's status is the server's to write, and starts empty (a Pod's
    // is kept until the kubelet writes it). Kinds without a status have none.
    if (obj.kind !== 'Pod') {
      const o = next as { status?: unknown };
      if (KINDS_WITH_STATUS.has(obj.kind)) o.status = {};
      else delete o.status;
    }
    if (metadata.name && this.cluster.store.get(info.kind, ns, metadata.name))
      throw alreadyExists(info, metadata.name);
    const errors = validate(next);
    if (errors.length) throw invalid(info, next.metadata.name ?? '', errors);
    return this.write(opts, () => this.cluster.create(next));
  }

  /** PUT: replaces the object (or, for the status subresource, its status). */
  update(
    info: ResourceInfo,
    namespace: string | undefined,
    name: string,
    body: unknown,
    opts: WriteOptions & { subresource?: 'status' } = {},
  ): KubeObject {
    this.writable(info, 'update');
    const obj = this.checkTypes(info, this.decode(info, body), 'json', opts);
    const ns = this.namespaceFor(info, namespace);
    if (obj.metadata.name !== name)
      throw badRequest(
        `the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`,
      );
    if (obj.metadata.namespace !== undefined && ns !== undefined && obj.metadata.namespace !== ns)
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    const existing = this.cluster.store.get(info.kind, ns, name);
    if (!existing) throw notFoundError(info, name);
    const rv = obj.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== existing.metadata.resourceVersion) throw conflict(info, name);
    return this.replace(info, existing, keepEmptyResourcesAsStored(obj, existing), opts);
  }

  private replace(
    info: ResourceInfo,
    existing: KubeObject,
    obj: KubeObject,
    opts: WriteOptions & { subresource?: 'status' },
  ): KubeObject {
    if (opts.subresource === 'status')
      return this.write(opts, () =>
        this.cluster.updateStatus({
          ...existing,
          status: (obj as { status?: unknown }).status,
        } as KubeObject),
      );
    const r = replacement(info, existing, obj);
    if (!r) return existing;
    if (r.errors.length) throw invalid(info, name(existing), r.errors);
    return this.write(opts, () => this.cluster.update(r.next));
  }

  patch(
    info: ResourceInfo,
    namespace: string | undefined,
    objectName: string,
    type: PatchType,
    patch: unknown,
    opts: WriteOptions & { subresource?: 'status' } = {},
  ): KubeObject {
    this.writable(info, 'patch');
    const ns = this.namespaceFor(info, namespace);
    const existing = this.cluster.store.get(info.kind, ns, objectName);
    if (!existing) throw notFoundError(info, objectName);
    const patched = applyPatch(existing, type, patch);
    const decoded = this.checkTypes(
      info,
      this.decode(info, patched),
      type === 'strategic' ? 'unstructured' : 'json',
      opts,
      () => (type === 'strategic' ? goPrintValue(patch) : goJsonText(patched)),
    );
    const obj = keepEmptyResourcesAsStored(decoded, existing);
    if (obj.metadata.name !== objectName)
      throw badRequest(
        `the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${objectName})`,
      );
    const rv = obj.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== existing.metadata.resourceVersion)
      throw conflict(info, objectName);
    return this.replace(info, existing, obj, opts);
  }

  /**
   * POST pods/NAME/eviction (upstream pkg/registry/core/pod/storage/eviction.go): the pod goes
   * through evictPod, which asks its disruption budget; a refusal is a Status error (429 with
   * a DisruptionBudget cause), success the bare Status upstream answers with.
   */
  evict(
    info: ResourceInfo,
    namespace: string | undefined,
    podName: string,
    body: unknown,
    opts: WriteOptions = {},
  ): Record<string, unknown> {
    if (info.kind !== 'Pod')
      throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    const ns = this.namespaceFor(info, namespace) ?? 'default';
    const eviction = isObj(body) ? body : {};
    const deleteOptions = isObj(eviction['deleteOptions']) ? eviction['deleteOptions'] : {};
    const grace = deleteOptions['gracePeriodSeconds'];
    const dryRun =
      opts.dryRun || (Array.isArray(deleteOptions['dryRun']) && deleteOptions['dryRun'].includes('All'));
    const result = this.write({ dryRun }, () =>
      evictPod(this.cluster, ns, podName, typeof grace === 'number' ? grace : undefined),
    );
    if (!result.ok) {
      if (result.code === 404) throw notFoundError(info, podName);
      throw new StatusError(
        result.code,
        result.reason,
        result.message,
        result.code === 429 && result.cause !== undefined
          ? { causes: [{ reason: 'DisruptionBudget', message: result.cause }] }
          : undefined,
      );
    }
    return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' };
  }

  /**
   * DELETE: pods on a node get their grace period (the pod is returned with its
   * deletionTimestamp); everything else goes at once, dependents through the garbage collector.
   * Returns the pod, or undefined for "Success".
   */
  delete(
    info: ResourceInfo,
    namespace: string | undefined,
    objectName: string,
    opts: DeleteOptions = {},
  ): KubeObject | undefined {
    this.writable(info, 'delete');
    const ns = this.namespaceFor(info, namespace);
    const existing = this.cluster.store.get(info.kind, ns, objectName);
    if (!existing) throw notFoundError(info, objectName);
    if (opts.uid !== undefined && opts.uid !== existing.metadata.uid)
      throw new StatusError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${groupResource(info)} "${objectName}": Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${existing.metadata.uid ?? ''}`,
        { name: objectName, ...(info.group ? { group: info.group } : {}), kind: info.plural },
      );
    if (opts.resourceVersion !== undefined && opts.resourceVersion !== existing.metadata.resourceVersion)
      throw conflict(info, objectName);
    if (opts.propagationPolicy === 'Foreground' && hasDependents(this.cluster.store, existing))
      throw new StatusError(400, 'BadRequest', FOREGROUND_UNSIMULATED);
    return this.write(opts, () => {
      this.cluster.delete(
        info.kind,
        ns,
        objectName,
        opts.gracePeriodSeconds,
        opts.propagationPolicy === 'Orphan',
      );
      return info.kind === 'Pod'
        ? (this.cluster.store.get(info.kind, ns, objectName) ?? existing)
        : undefined;
    });
  }

  // -------------------------------------------------------------------------------------------
  // The scale subresource

  private scalable(info: ResourceInfo): void {
    if (info.kind !== 'Deployment' && info.kind !== 'ReplicaSet')
      throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
  }

  /** The autoscaling/v1 Scale of a Deployment or ReplicaSet. */
  getScale(info: ResourceInfo, namespace: string | undefined, objectName: string): KubeObject {
    this.scalable(info);
    return toScale(this.get(info, namespace, objectName));
  }

  updateScale(
    info: ResourceInfo,
    namespace: string | undefined,
    objectName: string,
    body: unknown,
    opts: WriteOptions = {},
  ): KubeObject {
    this.scalable(info);
    const scale = body as {
      metadata?: { name?: string; resourceVersion?: string };
      spec?: { replicas?: unknown };
    };
    if (!isObj(body)) throw badRequest("Object 'Kind' is missing in the request body");
    const existing = this.get(info, namespace, objectName);
    if (scale.metadata?.name !== undefined && scale.metadata.name !== objectName)
      throw badRequest(
        `the name of the object (${scale.metadata.name}) does not match the name on the URL (${objectName})`,
      );
    const rv = scale.metadata?.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== existing.metadata.resourceVersion)
      throw conflict(info, objectName);
    const replicas = scale.spec?.replicas ?? 0;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas))
      throw badRequest(
        `Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`,
      );
    if (replicas < 0)
      throw new StatusError(
        422,
        'Invalid',
        `Scale.autoscaling "${objectName}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`,
        {
          name: objectName,
          group: 'autoscaling',
          kind: 'Scale',
          causes: [
            {
              reason: 'FieldValueInvalid',
              message: `Invalid value: ${replicas}: must be greater than or equal to 0`,
              field: 'spec.replicas',
            },
          ],
        },
      );
    const spec = (existing as { spec?: Record<string, unknown> }).spec ?? {};
    const stored = this.replace(
      info,
      existing,
      { ...existing, spec: { ...spec, replicas } } as KubeObject,
      opts,
    );
    return toScale(stored);
  }

  patchScale(
    info: ResourceInfo,
    namespace: string | undefined,
    objectName: string,
    type: PatchType,
    patch: unknown,
    opts: WriteOptions = {},
  ): KubeObject {
    const scale = this.getScale(info, namespace, objectName);
    return this.updateScale(info, namespace, objectName, applyPatch(scale, type, patch), opts);
  }

  /**
   * Reads the object into its Go type as the apiserver does before anything else, so a value of
   * the wrong type (`replicas: "three"`) is refused instead of reaching the controllers. A create
   * or an update answers transformDecodeError's 400; a patch, applyPatchToObject's 422 about the
   * patch (`shown`: the `%+v` of a strategic merge patch, the patched object's JSON otherwise).
   * Unknown fields alone are refused only under `fieldValidation=Strict` (400, `strict decoding
   * error: unknown field "spec.foo"`, after transformDecodeError's words for a create or an
   * update); otherwise they are dropped, as decoding into the Go type drops them, each with a
   * warning unless the request asked to `Ignore` them. Returns the object to go on with.
   */
  private checkTypes(
    info: ResourceInfo,
    obj: KubeObject,
    mode: 'json' | 'unstructured',
    opts: WriteOptions,
    shown?: () => string,
  ): KubeObject {
    try {
      decodeObject(obj as unknown as Record<string, unknown>, mode);
      // The body as sent, as stored (decodeObjectWarn's object below already is).
      return withoutEmptyMaps(obj);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      if (e.strict && opts.fieldValidation !== 'Strict') {
        const r = decodeObjectWarn<KubeObject>(obj as unknown as Record<string, unknown>, mode);
        if (opts.fieldValidation !== 'Ignore') opts.warnings?.push(...r.warnings);
        return r.obj;
      }
      if (e.strict && shown) throw badRequest(e.detail);
      if (!shown)
        throw badRequest(
          `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${e.detail}`,
        );
      const message = `Invalid value: ${goQuote(shown())}: ${e.detail}`;
      throw new StatusError(422, 'Invalid', ` "" is invalid: patch: ${message}`, {
        name: '',
        kind: '',
        causes: [{ reason: 'FieldValueInvalid', message, field: 'patch' }],
      });
    }
  }

  /** Checks a body is an object of the resource's kind and version. */
  private decode(info: ResourceInfo, body: unknown): KubeObject {
    if (!isObj(body)) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
    const kind = body['kind'];
    const apiVersion = body['apiVersion'];
    if (kind === undefined || kind === '')
      throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
    if (kind !== info.kind || (apiVersion !== undefined && apiVersion !== apiVersionOf(info)))
      throw badRequest(
        `the API version in the data (${String(apiVersion)}) does not match the expected API version (${apiVersionOf(info)})`,
      );
    const decoded = decodedForm(body) as { [k: string]: Json };
    const metadata = isObj(decoded['metadata']) ? decoded['metadata'] : {};
    return {
      ...(decoded as unknown as KubeObject),
      apiVersion: apiVersionOf(info),
      metadata: deepCopy(metadata) as unknown as KubeObject['metadata'],
    };
  }
}

/**
 * What decoding a request body into the simulator's objects keeps: a `null` is an absent field.
 * Clients that encode Go structs send nulls for empty pointers (`creationTimestamp: null` in
 * every pod template `kubectl rollout undo` sends back).
 */
export function decodedForm(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => decodedForm(x));
  if (!isObj(v)) return v;
  const out: { [k: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = decodedForm(x) as Json;
  return out;
}

/** The pod specs of an object: its own (a Pod) or its template's. */
function podSpecs(o: unknown): { containers?: { name?: string; resources?: unknown }[] }[] {
  if (!isObj(o) || !isObj(o['spec'])) return [];
  const spec = o['spec'];
  const template =
    isObj(spec['template']) && isObj(spec['template']['spec']) ? [spec['template']['spec']] : [];
  return [spec, ...template] as { containers?: { name?: string; resources?: unknown }[] }[];
}

/**
 * An empty `resources` of a container is no change where the stored container has none: Go
 * clients send `resources: {}` for every container, the simulator stores only what it was given.
 * Without this a template sent back (`rollout undo`) would hash differently from the stored one.
 */
export function keepEmptyResourcesAsStored(next: KubeObject, existing: KubeObject): KubeObject {
  const before = podSpecs(existing);
  podSpecs(next).forEach((spec, i) => {
    for (const c of spec.containers ?? []) {
      if (!isObj(c.resources) || Object.keys(c.resources).length > 0) continue;
      const old = before[i]?.containers?.find((x) => x.name === c.name);
      if (old && old.resources === undefined) delete c.resources;
    }
  });
  return next;
}

/**
 * What a PUT of a whole object (not its status) stores in place of `existing`: the object given,
 * in the stored one's namespace, defaulted, with its validation errors for the caller to refuse it
 * in its own words; undefined when it changes nothing. The store keeps the stored uid, creation
 * time and status (SimCluster.update).
 */
export function replacement(
  info: ResourceInfo,
  existing: KubeObject,
  obj: KubeObject,
): { next: KubeObject; errors: FieldError[] } | undefined {
  const metadata = { ...obj.metadata, namespace: existing.metadata.namespace } as KubeObject['metadata'];
  if (!info.namespaced) delete metadata.namespace;
  const next = setDefaults({ ...obj, metadata } as KubeObject);
  if (deepEqual(stripServerFields(next), stripServerFields(existing))) return undefined;
  return { next, errors: validate(next, existing) };
}

function name(o: KubeObject): string {
  return o.metadata.name;
}

function stripServerFields(o: KubeObject): unknown {
  const { status: _s, ...rest } = o as KubeObject & { status?: unknown };
  const metadata = { ...rest.metadata };
  delete metadata.resourceVersion;
  return { ...rest, metadata };
}

/** Applies a patch of the given type the way the API server does; BadRequest when it cannot. */
export function applyPatch(target: unknown, type: PatchType, patch: unknown): unknown {
  const current = deepCopy(target) as Json;
  try {
    if (type === 'json') return jsonPatch(current, patch as Json);
    if (!isObj(patch))
      throw new PatchError(
        `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
      );
    return type === 'merge' ? mergePatch(current, patch) : strategicMergePatch(current, patch);
  } catch (e) {
    if (e instanceof PatchError) throw badRequest(e.message);
    throw e;
  }
}

/** A Deployment's or ReplicaSet's autoscaling/v1 Scale. */
export function toScale(o: KubeObject): KubeObject {
  const w = o as KubeObject & {
    spec: { replicas?: number; selector?: LabelSelector };
    status?: { replicas?: number };
  };
  const metadata: KubeObject['metadata'] = { name: o.metadata.name };
  if (o.metadata.namespace !== undefined) metadata.namespace = o.metadata.namespace;
  if (o.metadata.uid !== undefined) metadata.uid = o.metadata.uid;
  if (o.metadata.resourceVersion !== undefined) metadata.resourceVersion = o.metadata.resourceVersion;
  if (o.metadata.creationTimestamp !== undefined) metadata.creationTimestamp = o.metadata.creationTimestamp;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata,
    spec: { replicas: w.spec.replicas ?? 0 },
    status: { replicas: w.status?.replicas ?? 0, selector: formatSelector(w.spec.selector) },
  } as KubeObject;
}
