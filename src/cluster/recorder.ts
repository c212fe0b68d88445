/**
 * The recorder: what the controllers say about their work. Events are core/v1 Events as
 * client-go's recorder writes them, through its correlator (correlator.ts: repeats counted,
 * similar events combined, spam dropped); decision records are the simulator's own, each a
 * controller's action with the numbers behind it. Both are kept for an hour of virtual time
 * (kube-apiserver's --event-ttl).
 *
 * The recorder holds no clock and no store: the cluster passes the time, and Events take their
 * resourceVersions from the API (`nextResourceVersion`), one counter with every other write.
 */
import { deepFreeze, flatString, joinFlat } from '../k8s/copy.ts';
import { hashUuid } from '../k8s/hash.ts';
import { timestamp } from '../k8s/time.ts';
import type { KubeEvent, KubeObject, ObjectReference } from '../k8s/types.ts';
import type { Decision } from './context.ts';
import { COMBINED_PREFIX, Correlator, type CorrelatorState } from './correlator.ts';
import { SharedList, SharedMemo, SharedSeries } from './snapshot-parts.ts';

/** How often old events are pruned, in virtual seconds. */
export const PRUNE_SECONDS = 60;
/** Event names are `<object>.<hex>` like upstream's `<name>.<unix nanos in hex>`. */
const EVENT_NAME_BASE = 0x181f0a3c9000;
/** Decision codes that say "nothing can happen yet"; repeats of these are recorded once. */
const WAITING_CODES = /Blocked$|^recreate\.waitOldPods$|^pod\.neverReady$/;
/** Kubernetes keeps events for an hour (kube-apiserver --event-ttl). */
const EVENT_TTL_SECONDS = 3600;

/** The object an Event is about, as the correlator tells objects apart: its uid, else its name. */
const objectKey = (e: KubeEvent) => e.involvedObject.uid || e.involvedObject.name;

/**
 * Whether `e` is the event the correlator would repeat: same object and message (the caller looks
 * among that object's events with that message), type, reason, source and field path.
 */
function sameEvent(
  e: KubeEvent,
  type: string,
  reason: string,
  component: string,
  host: string,
  fieldPath: string,
): boolean {
  return (
    e.type === type &&
    e.reason === reason &&
    e.source.component === component &&
    (e.source.host ?? '') === host &&
    (e.involvedObject.fieldPath ?? '') === fieldPath
  );
}

/**
 * The correlator's index: where the events with each message are in the log. A message one event
 * has (most name their object) is its position; one that several events have ("Started container
 * nodejs") maps each object (uid, or name when it has none) to its event's position, or positions
 * when that object's events with the message differ in type, reason or source.
 */
type EventIndex = Map<string, number | Map<string, number | number[]>>;

function indexEvent(index: EventIndex, log: readonly KubeEvent[], at: number): void {
  const e = log[at]!;
  const slot = index.get(e.message);
  if (slot === undefined) {
    index.set(e.message, at);
    return;
  }
  let byObject = slot;
  if (typeof byObject === 'number') {
    byObject = new Map([[objectKey(log[byObject]!), byObject]]);
    index.set(e.message, byObject);
  }
  const key = objectKey(e);
  const positions = byObject.get(key);
  if (positions === undefined) byObject.set(key, at);
  else if (typeof positions === 'number') byObject.set(key, [positions, at]);
  else positions.push(at);
}

/** Where the events about the object `key` with this message are (see EventIndex). */
function positionsOf(
  index: EventIndex,
  log: readonly KubeEvent[],
  key: string,
  message: string,
): number | number[] | undefined {
  const slot = index.get(message);
  if (typeof slot === 'number') return objectKey(log[slot]!) === key ? slot : undefined;
  return slot?.get(key);
}

/** Notes that `c` has a record of the object `key` (see Recorder.correlatedBy). */
function correlatedBy(index: Map<string, Correlator | Correlator[]>, key: string, c: Correlator): void {
  const by = index.get(key);
  index.set(key, by === undefined ? c : [...(Array.isArray(by) ? by : [by]), c]);
}

/** The object an event is about, as the correlator keys it: its uid (else kind, namespace and name). */
function correlationKey(ref: ObjectReference): string {
  return ref.uid || joinFlat(ref.kind, '/', ref.namespace ?? '', '/', ref.name);
}

/**
 * Whether `ref` is the reference `reference` would make of `obj` for `component` now: field by
 * field, as each of its three shapes has them (absent fields included).
 */
function refersTo(ref: ObjectReference, obj: KubeObject, component: string): boolean {
  const m = obj.metadata;
  if (ref.kind !== obj.kind || ref.name !== m.name) return false;
  if (m.namespace !== undefined)
    return (
      ref.namespace === m.namespace &&
      ref.uid === (m.uid ?? '') &&
      ref.apiVersion === obj.apiVersion &&
      ref.resourceVersion === (m.resourceVersion ?? '')
    );
  if (ref.namespace !== undefined || ref.resourceVersion !== undefined) return false;
  return component === 'kubelet'
    ? ref.uid === m.name && ref.apiVersion === undefined
    : ref.uid === (m.uid ?? '') && ref.apiVersion === obj.apiVersion;
}

/** Texts kept by many events (messages) are kept once while this many distinct ones are in use. */
const SHARED_TEXTS = 4096;

/** What a snapshot holds of the recorder. */
export interface RecorderState {
  events: KubeEvent[];
  decisions: Decision[];
  eventSeq: number;
  lastDecision: [string, [string, string][]][];
  /** Each source's event correlator (absent in snapshots made before it was simulated). */
  correlators?: CorrelatorState[];
}

export class Recorder {
  private eventLog: KubeEvent[] = [];
  /** The correlator's index; built when first needed after a restore or prune. */
  private eventIndexMap: EventIndex | undefined = new Map();
  /** Where each combined event is in the log, by name; built when first needed after a prune. */
  private combinedMap: Map<string, number> | undefined = new Map();
  /** Each source's event correlator (correlator.ts), by component and host. */
  private correlators = new Map<string, Correlator>();
  /**
   * Which correlators have a record of each object (most have one or two: a pod's kubelet and the
   * scheduler), so a deleted object is forgotten by those alone; built when first needed.
   */
  private correlatedBy: Map<string, Correlator | Correlator[]> | undefined = new Map();
  /**
   * An Event is kept for an hour and large rollouts record 150,000: its parts that repeat are
   * shared between events (immutable, so sharing is invisible). The reference made of each stored
   * object version, kept by that object (the same version is the subject of several events).
   */
  private references = new WeakMap<KubeObject, ObjectReference>();
  /** The reference last made to a part of each stored object version (a pod's container). */
  private partReferences = new WeakMap<KubeObject, ObjectReference>();
  /** Sources by component and host. */
  private sources = new Map<string, Map<string, KubeEvent['source']>>();
  /** Messages seen lately, each held in one piece (see SHARED_TEXTS). */
  private texts = new Map<string, string>();
  /** At most the oldest lastTimestamp in the event log (undefined: not known). */
  private eventsNotBefore: string | undefined;
  private eventSeq = 0;
  private decisionLog: Decision[] = [];
  /** Per object, the waiting records since its controller last acted: code → their values. */
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

  /**
   * Records a core/v1 Event about `obj` at virtual time `now`, through the source's correlator
   * (correlator.ts): a repeat bumps the count of the event written, the eleventh similar message
   * in ten minutes is written as the group's combined event, and past its burst a source's events
   * about an object are dropped (counted all the same).
   */
  event(
    now: number,
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    host?: string,
    fieldPath?: string,
  ): void {
    const ref = this.reference(obj, component, fieldPath);
    const correlator = this.correlator(component, host ?? '');
    const object = correlationKey(ref);
    // In one piece, and the same string as other events' with that text: the correlator keeps it.
    const flat = this.text(message);
    if (this.correlatedBy && !correlator.has(object)) correlatedBy(this.correlatedBy, object, correlator);
    // The spam filter and aggregation key on the object without the field path (getSpamKey,
    // EventAggregatorByReasonFunc); the logger, which counts repeats, with it (getEventKey).
    const { combined, accepted } = correlator.correlate(object, type, reason, flat, now);
    // The logger: a combined event is the group's; another is found in the log, unless the spam
    // filter dropped its last occurrence (then the correlator has it).
    const observedMessage = combined
      ? null
      : fieldPath
        ? this.text(joinFlat(flat, '\u0000', fieldPath))
        : flat;
    let observed = correlator.observed(object, type, reason, observedMessage);
    let at: number | undefined;
    if (combined) at = observed && this.combinedAt(observed.name);
    else {
      at = this.repeated(ref.uid || ref.name, type, reason, component, host ?? '', message, fieldPath ?? '');
      if (!observed && at !== undefined) {
        const e = this.eventLog[at]!;
        observed = { name: e.metadata.name, count: e.count, firstTimestamp: e.firstTimestamp };
      }
    }
    const ts = timestamp(now);
    const seen = {
      name: observed?.name ?? this.eventName(obj),
      count: (observed?.count ?? 0) + 1,
      firstTimestamp: observed?.firstTimestamp ?? ts,
    };
    if (!accepted) {
      correlator.observe(object, type, reason, observedMessage, seen);
      return;
    }
    // The log shows a written event's count from now on; a combined one's stays observed.
    correlator.observe(object, type, reason, observedMessage, combined ? seen : undefined);
    const text = combined ? this.text(COMBINED_PREFIX + flat) : flat;
    if (at !== undefined) {
      const prev = this.eventLog[at]!;
      const next: KubeEvent = deepFreeze({
        ...prev,
        metadata: { ...prev.metadata, resourceVersion: this.nextResourceVersion() },
        message: text,
        count: seen.count,
        lastTimestamp: ts,
      });
      this.eventLog[at] = next;
      this.versions.events++;
      for (const w of this.watchers) w(next, prev);
      return;
    }
    const namespace = obj.metadata.namespace ?? 'default';
    // What client-go's recorder writes (core/v1 Events): reportingComponent and -Instance mirror
    // the source, eventTime stays null. The uid is derived, not drawn from the seeded generator.
    const ev: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: seen.name,
        namespace,
        // Events are API objects: each write takes the next resourceVersion, like any other.
        uid: hashUuid(namespace, '/', seen.name),
        resourceVersion: this.nextResourceVersion(),
        creationTimestamp: ts,
      },
      involvedObject: ref,
      reason,
      message: text,
      type,
      source: this.source(component, host),
      firstTimestamp: seen.firstTimestamp,
      lastTimestamp: ts,
      eventTime: null,
      count: seen.count,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
    const index = this.eventIndex();
    this.eventLog.push(deepFreeze(ev));
    if (combined) this.combinedIndex().set(seen.name, this.eventLog.length - 1);
    else indexEvent(index, this.eventLog, this.eventLog.length - 1);
    this.versions.events++;
    for (const w of this.watchers) w(ev, undefined);
  }

  /** An object was deleted: its correlators forget it (no event can be about it any more). */
  forget(obj: KubeObject): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    let index = this.correlatedBy;
    if (!index) {
      this.correlatedBy = index = new Map();
      for (const c of this.correlators.values()) for (const key of c.keys()) correlatedBy(index, key, c);
    }
    const by = index.get(uid);
    if (by === undefined) return;
    index.delete(uid);
    if (Array.isArray(by)) for (const c of by) c.forget(uid);
    else by.forget(uid);
  }

  /** A new event's name: `<object>.<hex>`, the hex counting up. */
  private eventName(obj: KubeObject): string {
    this.eventSeq++;
    // In two small parts: toString(16) of a number past 2^31 is some ten times slower.
    const n = EVENT_NAME_BASE + this.eventSeq;
    const low = n % 0x1000000;
    return joinFlat(
      obj.metadata.name,
      '.',
      ((n - low) / 0x1000000).toString(16),
      low.toString(16).padStart(6, '0'),
    );
  }

  /** The correlator of a source (a component on a host). */
  private correlator(component: string, host: string): Correlator {
    const source = joinFlat(component, '\u0000', host);
    let c = this.correlators.get(source);
    if (!c) this.correlators.set(source, (c = new Correlator(source)));
    return c;
  }

  /** Where a combined event is in the log, by name. */
  private combinedAt(name: string): number | undefined {
    return this.combinedIndex().get(name);
  }

  private combinedIndex(): Map<string, number> {
    if (this.combinedMap) return this.combinedMap;
    const index = new Map<string, number>();
    this.eventLog.forEach((e, i) => {
      if (e.message.startsWith(COMBINED_PREFIX)) index.set(e.metadata.name, i);
    });
    return (this.combinedMap = index);
  }

  /** Where the event that this one repeats is in the log (the last, should there be several). */
  private repeated(
    key: string,
    type: string,
    reason: string,
    component: string,
    host: string,
    message: string,
    fieldPath: string,
  ): number | undefined {
    const positions = positionsOf(this.eventIndex(), this.eventLog, key, message);
    const same = (at: number) => sameEvent(this.eventLog[at]!, type, reason, component, host, fieldPath);
    if (typeof positions === 'number') return same(positions) ? positions : undefined;
    for (let i = (positions?.length ?? 0) - 1; i >= 0; i--) if (same(positions![i]!)) return positions![i];
    return undefined;
  }

  /**
   * The reference as upstream's recorders write it. A namespaced object's is its own; a Node's
   * has no namespace (its events go to `default`): the kubelet's nodeRef carries the node's name
   * as its uid and no apiVersion, the node controller's (RecordNodeStatusChange) the uid. The
   * same as the last one made of `obj` is that one. With `fieldPath` (GenerateContainerRef's), the
   * same with the path last.
   */
  private reference(obj: KubeObject, component: string, fieldPath?: string): ObjectReference {
    if (fieldPath) {
      const last = this.partReferences.get(obj);
      if (last?.fieldPath === fieldPath && refersTo(last, obj, component)) return last;
      const m = obj.metadata;
      // A container's object is a pod, namespaced: the reference's fields in one shape.
      const ref: ObjectReference =
        m.namespace !== undefined
          ? {
              kind: obj.kind,
              namespace: m.namespace,
              name: m.name,
              uid: m.uid ?? '',
              apiVersion: obj.apiVersion,
              resourceVersion: m.resourceVersion ?? '',
              fieldPath,
            }
          : { ...this.reference(obj, component), fieldPath };
      this.partReferences.set(obj, ref);
      return ref;
    }
    const last = this.references.get(obj);
    if (last && refersTo(last, obj, component)) return last;
    const ref: ObjectReference =
      obj.metadata.namespace !== undefined
        ? {
            kind: obj.kind,
            namespace: obj.metadata.namespace,
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
    this.references.set(obj, ref);
    return ref;
  }

  /** The source of `component` on `host`, one object for all their events. */
  private source(component: string, host: string | undefined): KubeEvent['source'] {
    let byHost = this.sources.get(component);
    if (!byHost) this.sources.set(component, (byHost = new Map()));
    let source = byHost.get(host ?? '');
    if (!source) {
      source = { component };
      if (host) source.host = host;
      byHost.set(host ?? '', deepFreeze(source));
    }
    return source;
  }

  /** `text` in one piece, the same string as the last events' with that text. */
  private text(text: string): string {
    let kept = this.texts.get(text);
    if (kept === undefined) {
      if (this.texts.size >= SHARED_TEXTS) this.texts.clear();
      kept = flatString(text);
      this.texts.set(kept, kept);
    }
    return kept;
  }

  /** Records a decision at virtual time `now`. */
  decide(now: number, d: Omit<Decision, 't'>): void {
    // A "still waiting" record repeats on every sync while nothing changes: keep it once until
    // the object's controller acts again. An action forgets the object's waiting records (only
    // those are looked up), so objects that are gone or no longer wait are not kept for the rest
    // of the run.
    const objKey = joinFlat(d.object.kind, '/', d.object.namespace ?? '', '/', d.object.name);
    const seen = this.lastDecision.get(objKey);
    if (WAITING_CODES.test(d.code)) {
      const signature = JSON.stringify(d.values);
      if (seen?.get(d.code) === signature) return;
      if (seen) {
        this.shared.memo.changed(seen);
        seen.set(d.code, signature);
      } else this.lastDecision.set(objKey, new Map([[d.code, signature]]));
      this.versions.memo++;
    } else if (seen) {
      this.lastDecision.delete(objKey);
      this.versions.memo++;
    }
    // Kept for an hour: the message in one piece (see joinFlat).
    this.decisionLog.push(deepFreeze({ t: now, ...d, message: flatString(d.message) }));
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
    this.combinedMap = undefined;
    this.eventsNotBefore = undefined;
  }

  private eventIndex(): EventIndex {
    if (this.eventIndexMap) return this.eventIndexMap;
    const index: EventIndex = new Map();
    const log = this.eventLog;
    for (let i = 0; i < log.length; i++)
      if (!log[i]!.message.startsWith(COMBINED_PREFIX)) indexEvent(index, log, i);
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
   * Without `remember` (a transient snapshot: an undo point) it shares what the last one made but
   * keeps nothing of its own, so it does not keep every correlated object of its moment alive.
   */
  save(logs = true, remember = true): RecorderState {
    return {
      events: logs ? this.frozenEvents() : [],
      decisions: logs ? this.frozenDecisions() : [],
      eventSeq: this.eventSeq,
      lastDecision: this.shared.memo.of(this.lastDecision, this.versions.memo),
      correlators: [...this.correlators.values()].map((c) => c.save(remember)),
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
    this.combinedMap = undefined;
    this.correlatedBy = undefined;
    this.correlators = new Map();
    for (const state of s.correlators ?? []) {
      const c = Correlator.load(state);
      this.correlators.set(c.source, c);
    }
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
