/**
 * The simulated API server's core: the only holder of the writable store. Every write of every
 * client goes through it: the controllers (through their ControllerContext), the in-page kubectl
 * and the HTTP server (`apiserver.ts`, which adds request decoding, validation, preconditions and
 * a watch history in front of it).
 *
 * What it does to a write, as the API server's registry does:
 * - **create**: namespace defaulting, uid, creationTimestamp, generation 1 for kinds that have
 *   one; admission of new pods (default service account, priority, default tolerations, QoS
 *   class) and the pod limit; cluster IPs and node ports for Services.
 * - **update**: keeps uid, creationTimestamp and (where there is a status subresource) the
 *   stored status; bumps generation when the spec changed; a write that changes nothing is
 *   dropped, which is how an instant comes to rest.
 * - **updateStatus**: the status subresource (and, for Deployments, annotations).
 * - **delete**: a pod on a node gets its grace period (deletionTimestamp), everything else goes.
 * - **resourceVersions**: one counter for every write, Events included (`nextResourceVersion`).
 * - **watch**: every stored change goes to the watchers, then to the controller manager's
 *   informers.
 */
import { deepEqual } from '../k8s/copy.ts';
import { podQOS } from '../k8s/qos.ts';
import type { Rand } from '../k8s/rand.ts';
import { resourceForKind } from '../k8s/resources.ts';
import { timestamp } from '../k8s/time.ts';
import type { KubeObject, Pod, Service } from '../k8s/types.ts';
import { DEPENDENT_KINDS } from './controllers/garbagecollector.ts';
import { ApiError } from './errors.ts';
import type { CommandBudget } from './manager.ts';
import { Store, type Change, type StoreData } from './store.ts';

/** What the API reads of the cluster it serves: the virtual clock and the seeded generator. */
export interface ApiHost {
  readonly now: number;
  readonly rand: Rand;
}

/** Kinds whose objects count their changes in metadata.generation, from 1 at creation. */
const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'PodDisruptionBudget', 'EndpointSlice']);

export class ClusterApi {
  readonly store = new Store();
  /** Watches (kubectl's `--watch`, the HTTP server, a Run's recording), called on every write. */
  private watchers = new Set<(c: Change) => void>();

  /**
   * `informers` is called with every change after the watchers (the controller manager's);
   * `maxPods` is the simulator's pod limit; `budget` counts the pods a command creates.
   */
  constructor(
    private readonly host: ApiHost,
    readonly maxPods: number,
    private readonly budget: CommandBudget,
    informers: (c: Change) => void,
  ) {
    this.store.onChange = (c) => {
      for (const w of this.watchers) w(c);
      informers(c);
    };
  }

  /** Calls `fn` with every change from now on, as a watch would; returns the stop function. */
  watch(fn: (c: Change) => void): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  /** The next resourceVersion, for writes kept outside the store (Events). */
  nextResourceVersion(): string {
    return this.store.nextResourceVersion();
  }

  /**
   * Stores an object exactly as given (uid, timestamps and status kept, no admission): what a
   * fresh cluster starts with (its namespaces) and a test's fixtures, not a client's write.
   */
  seed<T extends KubeObject>(obj: T): T {
    return this.store.put(obj);
  }

  create<T extends KubeObject>(obj: T): T {
    if (obj.kind === 'Pod' && this.store.count('Pod') >= this.maxPods)
      throw new ApiError(
        `pods "${obj.metadata.name}" is forbidden: this simulated cluster holds at most ${this.maxPods} pods`,
        'Forbidden',
      );
    const info = resourceForKind(obj.kind);
    const metadata = { ...obj.metadata };
    if (info?.namespaced) metadata.namespace = metadata.namespace ?? 'default';
    else delete metadata.namespace;
    metadata.uid = this.host.rand.uuid();
    metadata.creationTimestamp = timestamp(this.host.now);
    if (GENERATION_KINDS.has(obj.kind)) metadata.generation = 1;
    let out = { ...obj, metadata } as T;
    if (obj.kind === 'Pod') {
      out = admitPod(out as unknown as Pod) as unknown as T;
      this.budget.podCreated();
    }
    if (obj.kind === 'Service') out = this.allocateClusterIP(out as unknown as Service) as unknown as T;
    return this.store.put(out);
  }

  private allocateClusterIP(svc: Service): Service {
    svc = this.allocateNodePorts(svc);
    // An ExternalName Service is a DNS name: it gets no cluster IP (the allocator skips it).
    if (svc.spec.type === 'ExternalName') return svc;
    if (svc.spec.clusterIP === 'None' || (svc.spec.clusterIP && svc.spec.clusterIP !== '')) return svc;
    let ip = '';
    const used = new Set(this.store.list<Service>('Service').map((s) => s.spec.clusterIP));
    do ip = `10.96.${this.host.rand.int(255)}.${1 + this.host.rand.int(254)}`;
    while (used.has(ip));
    return { ...svc, spec: { ...svc.spec, clusterIP: ip, clusterIPs: [ip] } };
  }

  /** NodePort and LoadBalancer Services get a node port from 30000–32767 for each port without one. */
  allocateNodePorts(svc: Service): Service {
    if (svc.spec.type !== 'NodePort' && svc.spec.type !== 'LoadBalancer') return svc;
    const used = new Set(
      this.store.list<Service>('Service').flatMap((s) => (s.spec.ports ?? []).map((p) => p.nodePort)),
    );
    const ports = (svc.spec.ports ?? []).map((p) => {
      if (p.nodePort) return p;
      let port: number;
      do port = 30000 + this.host.rand.int(2768);
      while (used.has(port));
      used.add(port);
      return { ...p, nodePort: port };
    });
    return { ...svc, spec: { ...svc.spec, ports } };
  }

  update<T extends KubeObject>(obj: T): T {
    const old = this.store.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!old) return this.create(obj);
    const hasStatusSubresource = obj.kind !== 'Pod' && 'status' in old;
    const withPorts =
      obj.kind === 'Service' ? (this.allocateNodePorts(obj as unknown as Service) as unknown as T) : obj;
    const next = { ...withPorts, metadata: { ...withPorts.metadata } } as T & {
      spec?: unknown;
      status?: unknown;
    };
    if (old.metadata.uid !== undefined) next.metadata.uid = old.metadata.uid;
    if (old.metadata.creationTimestamp !== undefined)
      next.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (hasStatusSubresource) (next as { status?: unknown }).status = (old as { status?: unknown }).status;
    if (old.metadata.generation !== undefined) {
      const changed =
        obj.kind === 'EndpointSlice'
          ? // Its strategy: anything but metadata, or the labels.
            !deepEqual({ ...old, metadata: undefined }, { ...next, metadata: undefined }) ||
            !deepEqual(old.metadata.labels ?? {}, next.metadata.labels ?? {})
          : !deepEqual((old as { spec?: unknown }).spec, next.spec);
      next.metadata.generation = (old.metadata.generation ?? 0) + (changed ? 1 : 0);
    }
    if (old.metadata.resourceVersion !== undefined)
      next.metadata.resourceVersion = old.metadata.resourceVersion;
    if (deepEqual(old, next)) return old;
    return this.store.put(next);
  }

  updateStatus<T extends KubeObject>(obj: T): T {
    const old = this.store.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!old) return obj;
    const metadata =
      obj.kind === 'Deployment'
        ? { ...old.metadata, annotations: obj.metadata.annotations ?? {} }
        : old.metadata;
    if (metadata.annotations && Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
    const next = { ...old, metadata, status: (obj as { status?: unknown }).status } as T;
    if (deepEqual(old, next)) return old;
    return this.store.put(next);
  }

  /**
   * `orphan` (propagationPolicy Orphan): the objects it owns lose their owner reference to it
   * first, as the garbage collector's orphan finalizer does before the owner goes, and stay.
   */
  delete(
    kind: string,
    namespace: string | undefined,
    name: string,
    gracePeriodSeconds?: number,
    orphan = false,
  ): void {
    const obj = this.store.get(kind, namespace, name);
    if (!obj) return;
    if (orphan && obj.metadata.uid) this.orphanDependents(obj.metadata.uid);
    if (kind === 'Pod') {
      const pod = obj as Pod;
      const grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      if (
        pod.spec.nodeName &&
        grace > 0 &&
        pod.status?.phase !== 'Succeeded' &&
        pod.status?.phase !== 'Failed'
      ) {
        if (pod.metadata.deletionTimestamp) return;
        this.store.put<Pod>({
          ...pod,
          metadata: {
            ...pod.metadata,
            deletionTimestamp: timestamp(this.host.now + grace),
            deletionGracePeriodSeconds: grace,
          },
        });
        return;
      }
    }
    this.store.remove(kind, namespace, name);
  }

  /** Removes the owner reference to `uid` from every object that has one (orphanDependents). */
  private orphanDependents(uid: string): void {
    for (const kind of DEPENDENT_KINDS)
      for (const o of this.store.list(kind)) {
        const refs = o.metadata.ownerReferences;
        if (!refs?.some((r) => r.uid === uid)) continue;
        const kept = refs.filter((r) => r.uid !== uid);
        const metadata = { ...o.metadata, ownerReferences: kept };
        if (kept.length === 0) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
        this.store.put({ ...o, metadata });
      }
  }

  /** Puts a saved store back; nobody is told (a restore is not a change anyone watches). */
  load(data: StoreData): void {
    const onChange = this.store.onChange;
    this.store.onChange = () => {};
    try {
      this.store.load(data);
    } finally {
      this.store.onChange = onChange;
    }
  }
}

/**
 * Foreground deletion keeps the owner (with a deletionTimestamp) until the garbage collector has
 * deleted what it owns; the simulated collector does not: for an owner that has dependents, such a
 * delete is refused rather than done in the background.
 */
export const FOREGROUND_UNSIMULATED =
  'foreground cascading deletion is not simulated in Rollout Lab: dependents are deleted in the background, or orphaned';

/** Whether objects name `obj` as their controller (a Deployment's ReplicaSets, their pods). */
export function hasDependents(store: Pick<Store, 'listControlledBy'>, obj: KubeObject): boolean {
  const uid = obj.metadata.uid;
  return !!uid && DEPENDENT_KINDS.some((k) => store.listControlledBy(uid, k).length > 0);
}

/**
 * What admission plugins add to every new pod: the default service account, priority 0 and the
 * not-ready/unreachable tolerations of 300 s (ServiceAccount, Priority, DefaultTolerationSeconds),
 * and the QoS class the API server stores in the status.
 */
function admitPod(pod: Pod): Pod {
  const spec = admittedSpec(pod.spec);
  // The pod strategy's PrepareForCreate records the QoS class in the status.
  return { ...pod, spec, status: { ...pod.status, qosClass: qosOf(spec) } };
}

/**
 * The spec with the API server's defaults, per given (frozen, so unchanging) spec: pods a
 * ReplicaSet creates share their template's until they are bound.
 */
const specsAdmitted = new WeakMap<Pod['spec'], Pod['spec']>();

function admittedSpec(given: Pod['spec']): Pod['spec'] {
  let spec = specsAdmitted.get(given);
  if (!spec) {
    spec = { ...given };
    spec.serviceAccountName ??= 'default';
    spec.serviceAccount ??= spec.serviceAccountName;
    spec.priority ??= 0;
    spec.enableServiceLinks ??= true;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
    spec.tolerations = admittedTolerations(spec.tolerations);
    if (Object.isFrozen(given)) specsAdmitted.set(given, spec);
  }
  return spec;
}

const qosClasses = new WeakMap<Pod['spec'], ReturnType<typeof podQOS>>();

function qosOf(spec: Pod['spec']): ReturnType<typeof podQOS> {
  let qos = qosClasses.get(spec);
  if (!qos) {
    qos = podQOS({ spec } as Pod);
    qosClasses.set(spec, qos);
  }
  return qos;
}

type Tolerations = NonNullable<Pod['spec']['tolerations']>;
/** Admitted tolerations per given list (pods of one template share the list; it never changes). */
const tolerationsAdmitted = new WeakMap<Tolerations, Tolerations>();
const NO_TOLERATIONS: Tolerations = [];

function admittedTolerations(given: Tolerations | undefined): Tolerations {
  const from = given ?? NO_TOLERATIONS;
  let tolerations = tolerationsAdmitted.get(from);
  if (!tolerations) {
    tolerations = [...from];
    for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'])
      if (!tolerations.some((t) => t.key === key))
        tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    tolerationsAdmitted.set(from, tolerations);
  }
  return tolerations;
}
