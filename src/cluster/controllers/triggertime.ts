/**
 * The trigger-time tracker of the endpoints and endpointslice controllers
 * (pkg/controller/util/endpoint/trigger_time_tracker.go): the time written as an Endpoints object's
 * and an EndpointSlice's `endpoints.kubernetes.io/last-change-trigger-time` when they are written.
 *
 * At each sync of a Service it remembers each pod's trigger time (the last transition of its
 * Ready condition) among the pods the selector picks. The time to write is the earliest trigger
 * time that is later than the one remembered from the last sync (a new pod's counts), or the
 * Service's creation at its first sync; none when no pod's changed (a pod that left changes
 * nothing), and the annotation is then removed.
 *
 * Both controllers sync a Service at the same moments here (on the same changes), so one tracker
 * serves both. Its memory is controller state, not a cache: snapshots keep it (save/load).
 */
import type { Pod, Service } from '../../k8s/types.ts';
import { mapSelectorMatches } from '../../k8s/labels.ts';
import { parseTimestamp } from '../../k8s/time.ts';
import type { StoreReader } from '../context.ts';
import { objectKey } from '../store.ts';
import { podReadyCondition } from './deployment/util.ts';

/** The annotation (v1.EndpointsLastChangeTriggerTime). */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

/** What a snapshot holds: per Service known, the pods whose remembered time differs from now's. */
export type TriggerTimesState = [service: string, differences: [pod: string, time: string | null][]][];

/** getPodTriggerTime: the Ready condition's last transition, '' without one. */
export function podTriggerTime(p: Pod): string {
  return podReadyCondition(p)?.lastTransitionTime ?? '';
}

/** Whether timestamp `a` is after `b` (both RFC 3339; the simulator writes them in one form). */
function after(a: string, b: string): boolean {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a > b;
  return parseTimestamp(a) > parseTimestamp(b);
}

/**
 * `annotations` with LAST_CHANGE_TRIGGER_TIME set to `trigger`, or removed when there is none
 * (upstream's "no new trigger time, clear the annotation"); the same object when that changes
 * nothing.
 */
export function withTrigger(
  annotations: Record<string, string> | undefined,
  trigger: string,
): Record<string, string> | undefined {
  if ((annotations?.[LAST_CHANGE_TRIGGER_TIME] ?? '') === trigger) return annotations;
  const next = { ...annotations };
  if (trigger) next[LAST_CHANGE_TRIGGER_TIME] = trigger;
  else delete next[LAST_CHANGE_TRIGGER_TIME];
  return Object.keys(next).length ? next : undefined;
}

/** The namespace of an object key (`objectKey`). */
const namespaceOf = (key: string): string => key.slice(0, key.indexOf('/'));

/** The selector of a Service by key, when it has one that picks pods. */
function selectorOf(store: StoreReader, serviceKey: string): Record<string, string> | undefined {
  const namespace = namespaceOf(serviceKey);
  const name = serviceKey.slice(namespace.length + 1);
  const selector = store.get<Service>('Service', namespace, name)?.spec.selector;
  return selector && Object.keys(selector).length > 0 ? selector : undefined;
}

/** The trigger time a sync would remember now for a pod ('' when none or not picked). */
function timeNow(store: StoreReader, selector: Record<string, string> | undefined, podKey: string): string {
  const p = selector && store.getByKey<Pod>('Pod', podKey);
  return p && mapSelectorMatches(selector, p.metadata.labels) ? podTriggerTime(p) : '';
}

/** The selector's pods of a Service's namespace with a trigger time: what a sync would remember now. */
function remembered(store: StoreReader, serviceKey: string): Map<string, string> {
  const out = new Map<string, string>();
  const namespace = namespaceOf(serviceKey);
  const selector = selectorOf(store, serviceKey);
  if (!selector) return out;
  for (const p of store.values<Pod>('Pod')) {
    if ((p.metadata.namespace ?? 'default') !== namespace) continue;
    if (!mapSelectorMatches(selector, p.metadata.labels)) continue;
    const time = podTriggerTime(p);
    if (time) out.set(objectKey(namespace, p.metadata.name), time);
  }
  return out;
}

export class TriggerTimes {
  /** Per Service key: each pod's trigger time as its last sync saw it. */
  private services = new Map<string, Map<string, string>>();
  /**
   * Per Service key, the pods written since its last sync: only these may be remembered otherwise
   * than they are now (what a snapshot keeps), so saving looks at them and not at every pod.
   */
  private unsynced = new Map<string, { namespace: string; pods: Set<string> }>();
  // The sync in progress (begin … end).
  private last = new Map<string, string>();
  private next = new Map<string, string>();
  private earliest = '';
  private known = false;

  /**
   * A sync of the Service begins. `every`: the pods about to be told are all that the selector
   * picks (the others are forgotten); else only those that changed since the last sync.
   */
  begin(serviceKey: string, every: boolean): void {
    const seen = this.services.get(serviceKey);
    this.known = seen !== undefined;
    this.last = seen ?? new Map();
    this.next = every || !seen ? new Map() : seen;
    this.earliest = '';
    this.services.set(serviceKey, this.next);
    this.unsynced.set(serviceKey, { namespace: namespaceOf(serviceKey), pods: new Set() });
  }

  /** A pod in `namespace` was written or deleted. */
  podChanged(podKey: string, namespace: string): void {
    for (const u of this.unsynced.values()) if (u.namespace === namespace) u.pods.add(podKey);
  }
  /** A pod the selector picks now, with its trigger time ('' when it has none, or is not picked). */
  pod(key: string, time: string): void {
    if (time === '') {
      this.next.delete(key);
      return;
    }
    const before = this.last.get(key);
    if ((before === undefined || after(time, before)) && (this.earliest === '' || after(this.earliest, time)))
      this.earliest = time;
    this.next.set(key, time);
  }

  /**
   * The sync's trigger time: the Service's creation at its first sync, else the earliest changed
   * one; '' for none.
   */
  end(svc: Service): string {
    return this.known ? this.earliest : (svc.metadata.creationTimestamp ?? '');
  }

  /** Whether a sync of the Service was seen (wasKnown). */
  has(serviceKey: string): boolean {
    return this.services.has(serviceKey);
  }

  /** The Service is gone (DeleteService). */
  forget(serviceKey: string): void {
    this.services.delete(serviceKey);
    this.unsynced.delete(serviceKey);
  }

  /**
   * The memory as a snapshot keeps it: only where it differs from what a sync would see now,
   * which can be only for the pods written since the Service's last sync.
   */
  save(store: StoreReader): TriggerTimesState {
    const out: TriggerTimesState = [];
    for (const [service, seen] of this.services) {
      const differences: [string, string | null][] = [];
      const pods = this.unsynced.get(service)?.pods;
      if (pods?.size) {
        const selector = selectorOf(store, service);
        for (const pod of pods) {
          const now = timeNow(store, selector, pod);
          const was = seen.get(pod) ?? '';
          if (now !== was) differences.push([pod, was || null]);
        }
      }
      out.push([service, differences]);
    }
    return out;
  }

  /**
   * Puts saved memory back over the store it was saved with. Without any (a snapshot older than
   * the tracker), every Service with a selector is taken as synced with its pods as they are.
   */
  load(store: StoreReader, state: TriggerTimesState | undefined): void {
    this.services = new Map();
    this.unsynced = new Map();
    const saved: TriggerTimesState =
      state ??
      [...store.values<Service>('Service')].map((s) => [
        objectKey(s.metadata.namespace ?? 'default', s.metadata.name),
        [],
      ]);
    for (const [service, differences] of saved) {
      const seen = remembered(store, service);
      for (const [pod, time] of differences) {
        if (time === null) seen.delete(pod);
        else seen.set(pod, time);
      }
      this.services.set(service, seen);
      // They still differ until the Service's next sync.
      this.unsynced.set(service, {
        namespace: namespaceOf(service),
        pods: new Set(differences.map(([pod]) => pod)),
      });
    }
  }
}
