/**
 * The recorder: what the controllers say about their work. Events are core/v1 Events as
 * client-go's recorder writes them (with its correlator: a repeat only bumps count and
 * lastTimestamp); decision records are the simulator's own, each a controller's action with the
 * numbers behind it. Both are kept for an hour of virtual time (kube-apiserver's --event-ttl).
 *
 * The recorder holds no clock and no store: the cluster passes the time, and Events take their
 * resourceVersions from the API (`nextResourceVersion`), one counter with every other write.
 */
import { deepFreeze } from '../k8s/copy.ts';
import { hashUuid } from '../k8s/hash.ts';
import { timestamp } from '../k8s/time.ts';
import type { KubeEvent, KubeObject } from '../k8s/types.ts';
import type { Decision } from './context.ts';
import { SharedList, SharedMemo, SharedSeries } from './snapshot-parts.ts';

/** How often old events are pruned, in virtual seconds. */
export const PRUNE_SECONDS = 60;
/** Event names are `<object>.<hex>` like upstream's `<name>.<unix nanos in hex>`. */
const EVENT_NAME_BASE = 0x181f0a3c9000;
/** Decision codes that say "nothing can happen yet"; repeats of these are recorded once. */
const WAITING_CODES = /Blocked$|^recreate\.waitOldPods$|^pod\.neverReady$/;
/** Kubernetes keeps events for an hour (kube-apiserver --event-ttl). */
const EVENT_TTL_SECONDS = 3600;

function eventKey(
  uid: string,
  type: string,
  reason: string,
  component: string,
  host: string,
  message: string,
): string {
  return `${uid}|${type}|${reason}|${component}|${host}|${message}`;
}

/**
 * Each recorded Event's key (events are frozen and shared by the snapshots that hold them), so a
 * restore indexes an hour of events without building their keys again.
 */
const eventKeys = new WeakMap<KubeEvent, string>();

function keyOfEvent(e: KubeEvent): string {
  let key = eventKeys.get(e);
  if (key === undefined) {
    const o = e.involvedObject;
    key = eventKey(o.uid || o.name, e.type, e.reason, e.source.component, e.source.host ?? '', e.message);
    eventKeys.set(e, key);
  }
  return key;
}

/** What a snapshot holds of the recorder. */
export interface RecorderState {
  events: KubeEvent[];
  decisions: Decision[];
  eventSeq: number;
  lastDecision: [string, [string, string][]][];
}

export class Recorder {
  private eventLog: KubeEvent[] = [];
  /** Where each event key is in the log; built when first needed after a restore or prune. */
  private eventIndexMap: Map<string, number> | undefined = new Map();
  /** At most the oldest lastTimestamp in the event log (undefined: not known). */
  private eventsNotBefore: string | undefined;
  private eventSeq = 0;
  private decisionLog: Decision[] = [];
  private lastDecision = new Map<string, Map<string, string>>();
  /** Bumped when the event log, the decision log or the waiting memory change (for snapshots). */
  private versions = { events: 0, decisions: 0, memo: 0 };
  /** What the last snapshot was made of, shared by the next while unchanged. */
  private readonly shared = {
    events: new SharedList<KubeEvent>(),
    decisions: new SharedList<Decision>(),
    memo: new SharedMemo(),
    checkpointEvents: new SharedSeries<KubeEvent>(),
    checkpointDecisions: new SharedSeries<Decision>(),
  };
  /** Called with every recorded or repeated Event (the previous version for a repeat). */
  private watchers = new Set<(e: KubeEvent, old: KubeEvent | undefined) => void>();

  /** `nextResourceVersion`: the API's counter, which every Event write takes a version of. */
  constructor(private readonly nextResourceVersion: () => string) {}

  /** Records a core/v1 Event about `obj` at virtual time `now`. */
  event(
    now: number,
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    host?: string,
  ): void {
    const namespace = obj.metadata.namespace ?? 'default';
    // The reference as upstream's recorders write it. A namespaced object's is its own; a Node's
    // has no namespace (its events go to `default`): the kubelet's nodeRef carries the node's
    // name as its uid and no apiVersion, the node controller's (RecordNodeStatusChange) the uid.
    const involvedObject: KubeEvent['involvedObject'] =
      obj.metadata.namespace !== undefined
        ? {
            kind: obj.kind,
            namespace,
            name: obj.metadata.name,
            uid: obj.metadata.uid ?? '',
            apiVersion: obj.apiVersion,
            resourceVersion: obj.metadata.resourceVersion ?? '',
          }
        : component === 'kubelet'
          ? { kind: obj.kind, name: obj.metadata.name, uid: obj.metadata.name }
          : {
              apiVersion: obj.apiVersion,
              kind: obj.kind,
              name: obj.metadata.name,
              uid: obj.metadata.uid ?? '',
            };
    // The event correlator: the same event about the same object only bumps count and lastTimestamp.
    const key = eventKey(
      involvedObject.uid || involvedObject.name,
      type,
      reason,
      component,
      host ?? '',
      message,
    );
    const ts = timestamp(now);
    const at = this.eventIndex().get(key);
    if (at !== undefined && this.eventLog[at]) {
      const prev = this.eventLog[at]!;
      const next: KubeEvent = deepFreeze({
        ...prev,
        metadata: { ...prev.metadata, resourceVersion: this.nextResourceVersion() },
        count: prev.count + 1,
        lastTimestamp: ts,
      });
      this.eventLog[at] = next;
      eventKeys.set(next, key);
      this.versions.events++;
      for (const w of this.watchers) w(next, prev);
      return;
    }
    this.eventSeq++;
    const source: KubeEvent['source'] = { component };
    if (host) source.host = host;
    const eventName = `${obj.metadata.name}.${(EVENT_NAME_BASE + this.eventSeq).toString(16)}`;
    // What client-go's recorder writes (core/v1 Events): reportingComponent and -Instance mirror
    // the source, eventTime stays null. The uid is derived, not drawn from the seeded generator.
    const ev: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: eventName,
        namespace,
        // Events are API objects: each write takes the next resourceVersion, like any other.
        uid: hashUuid(`${namespace}/${eventName}`),
        resourceVersion: this.nextResourceVersion(),
        creationTimestamp: ts,
      },
      involvedObject,
      reason,
      message,
      type,
      source,
      firstTimestamp: ts,
      lastTimestamp: ts,
      eventTime: null,
      count: 1,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    this.eventIndex().set(key, this.eventLog.length);
    this.eventLog.push(deepFreeze(ev));
    eventKeys.set(ev, key);
    this.versions.events++;
    for (const w of this.watchers) w(ev, undefined);
  }

  /** Records a decision at virtual time `now`. */
  decide(now: number, d: Omit<Decision, 't'>): void {
    // A "still waiting" record repeats on every sync while nothing changes: keep it once until
    // the object's controller acts again.
    const objKey = `${d.object.kind}/${d.object.namespace ?? ''}/${d.object.name}`;
    const signature = JSON.stringify(d.values);
    const waiting = WAITING_CODES.test(d.code);
    const seen = this.lastDecision.get(objKey);
    if (waiting && seen?.get(d.code) === signature) return;
    if (!waiting || !seen) this.lastDecision.set(objKey, new Map());
    else this.shared.memo.changed(seen);
    this.lastDecision.get(objKey)!.set(d.code, signature);
    this.versions.memo++;
    this.decisionLog.push(deepFreeze({ t: now, ...d }));
    this.versions.decisions++;
  }

  /** Calls `fn` with every Event recorded or repeated from now on; returns the stop function. */
  watchEvents(fn: (e: KubeEvent, old: KubeEvent | undefined) => void): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  /**
   * Events older than the TTL are dropped (by lastTimestamp, so repeating ones stay), with the
   * decision records of that age. The cluster calls this at every whole minute of virtual time,
   * so every replay prunes at the same moments.
   */
  prune(now: number): void {
    const cutoff = timestamp(now - EVENT_TTL_SECONDS);
    const t = now - EVENT_TTL_SECONDS;
    if (this.decisionLog.length && this.decisionLog[0]!.t < t) {
      this.decisionLog = this.decisionLog.filter((d) => d.t >= t);
      this.versions.decisions++;
    }
    // A lower bound of the oldest lastTimestamp stays one as events are recorded (they only get
    // later): with it, a minute with nothing to drop costs no scan of the log.
    if (this.eventsNotBefore === undefined || this.eventsNotBefore < cutoff)
      this.eventsNotBefore = oldestTimestamp(this.eventLog);
    if (this.eventsNotBefore >= cutoff) return;
    this.eventLog = this.eventLog.filter((e) => e.lastTimestamp >= cutoff);
    this.versions.events++;
    this.eventIndexMap = undefined;
    this.eventsNotBefore = undefined;
  }

  private eventIndex(): Map<string, number> {
    if (this.eventIndexMap) return this.eventIndexMap;
    const index = new Map<string, number>();
    const log = this.eventLog;
    for (let i = 0; i < log.length; i++) index.set(keyOfEvent(log[i]!), i);
    this.eventIndexMap = index;
    return index;
  }

  eventList(): readonly KubeEvent[] {
    return this.eventLog;
  }

  decisions(): readonly Decision[] {
    return this.decisionLog;
  }

  /** The event log as a frozen list: the same list until an event is recorded or pruned. */
  frozenEvents(): KubeEvent[] {
    return this.shared.events.of(this.eventLog, this.versions.events);
  }

  /** The decision records as a frozen list: the same list until one is recorded or pruned. */
  frozenDecisions(): Decision[] {
    return this.shared.decisions.of(this.decisionLog, this.versions.decisions);
  }

  /**
   * The recorder's part of a snapshot; unchanged parts are the previous snapshot's. Without
   * `logs` (a checkpoint, which keeps the logs in chunks) the event and decision lists are empty.
   */
  save(logs = true): RecorderState {
    return {
      events: logs ? this.frozenEvents() : [],
      decisions: logs ? this.frozenDecisions() : [],
      eventSeq: this.eventSeq,
      lastDecision: this.shared.memo.of(this.lastDecision, this.versions.memo),
    };
  }

  /** The logs in chunks, for a checkpoint (an hour of checkpoints shares all but the last). */
  checkpointLogs(): {
    events: readonly (readonly KubeEvent[])[];
    decisions: readonly (readonly Decision[])[];
  } {
    return {
      events: this.shared.checkpointEvents.of(this.eventLog, (e) => e, this.versions.events),
      decisions: this.shared.checkpointDecisions.of(this.decisionLog, (d) => d, this.versions.decisions),
    };
  }

  /** Puts back a saved state whose events and decisions are frozen. */
  load(s: RecorderState): void {
    this.eventLog = [...s.events];
    this.shared.events.adopt(s.events, ++this.versions.events);
    this.eventIndexMap = undefined;
    this.eventsNotBefore = undefined;
    this.decisionLog = [...s.decisions];
    this.shared.decisions.adopt(s.decisions, ++this.versions.decisions);
    this.eventSeq = s.eventSeq;
    this.lastDecision = new Map(s.lastDecision.map(([k, m]) => [k, new Map(m)]));
    this.versions.memo++;
  }
}

/** The least lastTimestamp of the events ('\uffff' for none: later than any). */
function oldestTimestamp(log: readonly KubeEvent[]): string {
  let oldest = '\uffff';
  for (const e of log) if (e.lastTimestamp < oldest) oldest = e.lastTimestamp;
  return oldest;
}
