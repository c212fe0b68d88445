/**
 * The simulated API server's storage: objects by kind, namespace and name, a resourceVersion
 * counter and an index of objects by their controller's uid. Objects are immutable (deep-frozen)
 * values; a write replaces the stored object, so a snapshot is a cheap shallow copy of the maps.
 */
import { deepFreeze } from '../k8s/copy.ts';
import type { KubeObject } from '../k8s/types.ts';

export type ChangeType = 'added' | 'updated' | 'deleted';

export interface Change {
  type: ChangeType;
  kind: string;
  /** The object before the change (updated/deleted). */
  old: KubeObject | undefined;
  /** The object after the change (added/updated); for deleted, the last stored version. */
  obj: KubeObject;
}

const NO_CONTROLLER = '';

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function controllerUid(obj: KubeObject): string | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

export interface StoreData {
  kinds: [string, [string, KubeObject][]][];
  resourceVersion: number;
}

export class Store {
  private kinds = new Map<string, Map<string, KubeObject>>();
  /** controller uid → kind → keys of the objects it controls. */
  private owned = new Map<string, Map<string, Set<string>>>();
  /**
   * Per kind, each key's place in the order `values` iterates in (the order keys were first
   * written since they last appeared): lets an index order objects as a scan over them would.
   */
  private positions = new Map<string, Map<string, number>>();
  private nextPosition = 0;
  resourceVersion = 0;
  onChange: (c: Change) => void = () => {};

  private bucket(kind: string): Map<string, KubeObject> {
    let b = this.kinds.get(kind);
    if (!b) {
      b = new Map();
      this.kinds.set(kind, b);
    }
    return b;
  }

  get<T extends KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    return this.kinds.get(kind)?.get(objectKey(namespace, name)) as T | undefined;
  }

  /** Where an object comes in `values(kind)`: a number that grows with the order. */
  position(kind: string, key: string): number {
    return this.positions.get(kind)?.get(key) ?? Number.MAX_SAFE_INTEGER;
  }

  private placed(kind: string, key: string): void {
    let p = this.positions.get(kind);
    if (!p) {
      p = new Map();
      this.positions.set(kind, p);
    }
    p.set(key, this.nextPosition++);
  }

  /** An object by its key (`namespace/name`, or `name` for cluster-scoped kinds). */
  getByKey<T extends KubeObject>(kind: string, key: string): T | undefined {
    return this.kinds.get(kind)?.get(key) as T | undefined;
  }

  /** Objects of a kind, in one namespace or all, sorted by namespace and name (kubectl's order). */
  list<T extends KubeObject>(kind: string, namespace?: string): T[] {
    const b = this.kinds.get(kind);
    if (!b) return [];
    const cacheKey = `${kind}/${namespace ?? '*'}`;
    const version = this.kindVersion.get(kind) ?? 0;
    const cached = this.listCache.get(cacheKey);
    if (cached && cached.version === version) return [...cached.list] as T[];
    const out: T[] = [];
    for (const o of b.values())
      if (namespace === undefined || o.metadata.namespace === namespace) out.push(o as T);
    out.sort(byNamespaceAndName);
    this.listCache.set(cacheKey, { version, list: out });
    return [...out];
  }

  /**
   * Objects of a kind in all namespaces, sorted like `list`, as one list shared until the kind is
   * written again (for views that keep what did not change). Read-only: `list` hands out copies of
   * it, and a frozen Frame freezes it in place.
   */
  sorted<T extends KubeObject>(kind: string): readonly T[] {
    if (!this.kinds.get(kind)) return [];
    this.list(kind);
    return this.listCache.get(`${kind}/*`)!.list as readonly KubeObject[] as readonly T[];
  }

  /** Changes whenever an object of the kind is written or removed. */
  version(kind: string): number {
    return this.kindVersion.get(kind) ?? 0;
  }

  /** Sorted lists per kind and namespace, valid until that kind is written again. */
  private listCache = new Map<string, { version: number; list: readonly KubeObject[] }>();
  private kindVersion = new Map<string, number>();

  private touched(kind: string): void {
    this.kindVersion.set(kind, (this.kindVersion.get(kind) ?? 0) + 1);
  }

  /** Objects of `kind` whose controller ownerReference has this uid, in the order they were indexed. */
  listControlledBy<T extends KubeObject>(uid: string, kind: string): T[] {
    const keys = this.owned.get(uid)?.get(kind);
    if (!keys) return [];
    const b = this.bucket(kind);
    const out: T[] = [];
    for (const k of keys) {
      const o = b.get(k);
      if (o) out.push(o as T);
    }
    return out;
  }

  /** Every object of a kind, unsorted (for controllers that do not care about order). */
  values<T extends KubeObject>(kind: string): IterableIterator<T> {
    return this.bucket(kind).values() as IterableIterator<T>;
  }

  count(kind: string): number {
    return this.kinds.get(kind)?.size ?? 0;
  }

  /**
   * The next resourceVersion, for writes kept outside the object maps (Events): one counter for
   * every kind, as etcd's revision is.
   */
  nextResourceVersion(): string {
    this.resourceVersion++;
    return String(this.resourceVersion);
  }

  /** Writes an object (create or replace), stamping a new resourceVersion. */
  put<T extends KubeObject>(obj: T): T {
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    const b = this.bucket(obj.kind);
    const old = b.get(key);
    this.resourceVersion++;
    this.touched(obj.kind);
    // Frozen, so no holder of a stored object (a snapshot, a controller, a caller) can change it.
    const stored = deepFreeze({
      ...obj,
      metadata: { ...obj.metadata, resourceVersion: String(this.resourceVersion) },
    } as T);
    b.set(key, stored);
    if (!old) this.placed(obj.kind, key);
    if (old) this.unindex(old, key);
    this.index(stored, key);
    this.onChange({ type: old ? 'updated' : 'added', kind: obj.kind, old, obj: stored });
    return stored;
  }

  remove(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const key = objectKey(namespace, name);
    const b = this.kinds.get(kind);
    const old = b?.get(key);
    if (!b || !old) return undefined;
    b.delete(key);
    this.positions.get(kind)?.delete(key);
    this.unindex(old, key);
    this.resourceVersion++;
    this.touched(kind);
    this.onChange({ type: 'deleted', kind, old, obj: old });
    return old;
  }

  /** Objects of `kind` without a controller (orphans a controller may adopt), sorted by name. */
  listUncontrolled<T extends KubeObject>(kind: string): T[] {
    return this.listControlledBy<T>(NO_CONTROLLER, kind);
  }

  private index(obj: KubeObject, key: string): void {
    const uid = controllerUid(obj) ?? NO_CONTROLLER;
    let byKind = this.owned.get(uid);
    if (!byKind) {
      byKind = new Map();
      this.owned.set(uid, byKind);
    }
    let keys = byKind.get(obj.kind);
    if (!keys) {
      keys = new Set();
      byKind.set(obj.kind, keys);
    }
    keys.add(key);
  }

  private unindex(obj: KubeObject, key: string): void {
    const uid = controllerUid(obj) ?? NO_CONTROLLER;
    const byKind = this.owned.get(uid);
    const keys = byKind?.get(obj.kind);
    keys?.delete(key);
    if (keys && keys.size === 0) byKind!.delete(obj.kind);
    if (byKind && byKind.size === 0) this.owned.delete(uid);
  }

  /**
   * A structural copy: the maps are copied, the immutable objects shared. A kind not written since
   * the last save is the same frozen list as then, and each [key, object] pair is made once per
   * object, so a save costs what changed (snapshots are taken every 10 s and kept).
   * `remember` false (an undo point, dropped after its command): the lists it makes are not kept
   * for the next save to share.
   */
  save(remember = true): StoreData {
    return {
      kinds: [...this.kinds].map(([k, b]) => [k, this.entries(k, b, remember)]),
      resourceVersion: this.resourceVersion,
    };
  }

  /**
   * The last list of entries saved per kind, with the kind's version it was saved at: a kind not
   * written since is saved as the same list. Held strongly (one list per kind). A WeakRef would
   * hold its list until the end of the current job anyway (ECMAScript's KeepDuringJob), which in a
   * synchronous run of any length (Node, a benchmark, a test) is its end: every command's undo
   * point would stay. Undo points are saved without remembering (`save(false)`) instead.
   */
  private saved = new Map<string, { version: number; entries: [string, KubeObject][] }>();
  private pairs = new WeakMap<KubeObject, [string, KubeObject]>();

  private entries(kind: string, b: Map<string, KubeObject>, remember: boolean): [string, KubeObject][] {
    const version = this.kindVersion.get(kind) ?? 0;
    const last = this.saved.get(kind);
    if (last?.version === version) return last.entries;
    const entries: [string, KubeObject][] = [];
    for (const [key, o] of b) {
      let pair = this.pairs.get(o);
      if (pair?.[0] !== key) {
        pair = Object.freeze([key, o]) as [string, KubeObject];
        this.pairs.set(o, pair);
      }
      entries.push(pair);
    }
    Object.freeze(entries);
    if (remember) this.saved.set(kind, { version, entries });
    return entries;
  }

  load(data: StoreData): void {
    for (const k of this.kinds.keys()) this.touched(k);
    for (const [k] of data.kinds) this.touched(k);
    this.kinds = new Map(data.kinds.map(([k, entries]) => [k, new Map(entries)]));
    // What was saved (frozen) can be saved again as it is until the kind is written.
    this.saved = new Map();
    for (const [k, entries] of data.kinds)
      if (Object.isFrozen(entries)) this.saved.set(k, { version: this.kindVersion.get(k) ?? 0, entries });
    this.resourceVersion = data.resourceVersion;
    this.owned = new Map();
    this.positions = new Map();
    for (const [kind, b] of this.kinds) {
      for (const key of b.keys()) this.placed(kind, key);
      // Each write moves its object to the end of its controller's list, so the lists are in the
      // order of the last writes: by resourceVersion, as they were before the save.
      const byWrite = [...b].sort(([, x], [, y]) => writeOrder(x) - writeOrder(y));
      for (const [key, o] of byWrite) this.index(o, key);
    }
  }
}

/** The resourceVersion of an object's last write, as a number (0 when it has none). */
function writeOrder(o: KubeObject): number {
  return Number(o.metadata.resourceVersion) || 0;
}

export function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
