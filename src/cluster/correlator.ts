/**
 * client-go's event correlator (tools/record/events_cache.go), which every component's recorder
 * runs before it writes an Event:
 *
 * - **Aggregation.** Events from one source about one object with the same type and reason but a
 *   different message are "similar". Once 10 distinct messages were seen with no gap of more than
 *   10 minutes between similar events, each further one is written as one combined event,
 *   "(combined from similar events): <message>", whose count goes up (a ReplicaSet that creates
 *   1,000 pods writes 9 "Created pod" events and one combined event).
 * - **Spam filter.** A source may write 25 events about an object at once, then one every 5
 *   minutes (a token bucket per source and object, repeats included): the rest are dropped,
 *   though counted, so the next one written shows the count with them.
 * - **Counting.** A repeat of the same event (same message too) bumps the count of the one written
 *   (the recorder finds it in the event log; this keeps what the log cannot show: the count of a
 *   dropped repeat, the combined event of each group).
 *
 * Each source (component and host) has its own correlator, as each upstream recorder has, keeping
 * at most 4,096 objects, least recently used dropped first. What upstream leaves to chance is
 * fixed here, so every replay is the same: when a group is over its 10 messages, the oldest is
 * forgotten (upstream forgets any one); and an object's entry goes when the object does.
 */

import { deepFreeze } from '../k8s/copy.ts';

/** Distinct messages in a group before the next is combined (defaultAggregateMaxEvents). */
export const AGGREGATE_MAX_EVENTS = 10;
/** A group with no similar event for longer than this starts afresh (defaultAggregateIntervalInSeconds). */
export const AGGREGATE_INTERVAL_SECONDS = 600;
/** Events a source may write about an object at once (defaultSpamBurst). */
export const SPAM_BURST = 25;
/** Seconds per event after the burst (defaultSpamQPS = 1/300). */
export const SPAM_REFILL_SECONDS = 300;
/** Objects per correlator (maxLruCacheEntries, the size of each of upstream's caches). */
export const LRU_ENTRIES = 4096;
export const COMBINED_PREFIX = '(combined from similar events): ';

/** What the logger remembers of an event whose record is not in the log as it stands. */
export interface Observation {
  readonly name: string;
  readonly count: number;
  readonly firstTimestamp: string;
}

/**
 * What a correlator keeps about one object, as one flat list: the object; its spam bucket, as the
 * moment it is full again (a bucket with 25 - n tokens at t is full at t + n * 300 s; at or before
 * now: full); what the logger observed that the event log does not show; then its groups of
 * similar events, four entries each: type, reason, when the last came, and the distinct messages
 * (one as itself, several as a list, oldest first, at most 9 kept). Changed in place until a
 * snapshot takes it; frozen then, and copied on the next change.
 */
export type ObjectRecord = [
  key: string,
  fullAt: number,
  observed: readonly ObservedRecord[],
  ...groups: (string | number | readonly string[])[],
];
/**
 * An event's observation: a group's combined event (message null), or an event the spam filter
 * dropped, which the next one let through is written as (count and first time included).
 */
export type ObservedRecord = readonly [
  type: string,
  reason: string,
  message: string | null,
  name: string,
  count: number,
  firstTimestamp: string,
];

/** One source's correlator as plain data: its objects, least recently used first. */
export type CorrelatorState = [source: string, objects: ObjectRecord[]];

/** Where an object record's groups start, and how many entries each takes. */
export const GROUPS = 3;
export const GROUP_ENTRIES = 4;

const NONE: readonly never[] = Object.freeze([]);

/**
 * One source's correlator. Upstream keeps groups, buckets and observations in three caches
 * keyed by object (and type, reason, message); here each object's are kept together, in one
 * cache of at most 4,096 objects, so a rollout of thousands of pods keeps one entry per pod, and
 * a pod's entry goes with the pod (`forget`): no event can be about it after that.
 */
export class Correlator {
  private readonly objects = new Map<string, ObjectRecord>();
  /** Bumped on every change: a snapshot shares the last one's copy while it is unchanged. */
  private version = 0;
  private saved: { version: number; state: CorrelatorState } | undefined;
  /** The most recently used object's key, if it is still there. */
  private last: string | undefined;

  constructor(readonly source: string) {}

  /**
   * Records an event about `object` in its group and its bucket. Says whether it is to be written
   * as the group's combined event, and whether the spam filter lets it through.
   */
  correlate(
    object: string,
    type: string,
    reason: string,
    message: string,
    now: number,
  ): { combined: boolean; accepted: boolean } {
    const record = this.own(object) ?? this.put([object, now, NONE]);
    let i = GROUPS;
    while (i < record.length && (record[i] !== type || record[i + 1] !== reason)) i += GROUP_ENTRIES;
    // The aggregator: a group quiet for longer than the interval starts afresh.
    const kept =
      i < record.length && now - (record[i + 2] as number) <= AGGREGATE_INTERVAL_SECONDS
        ? (record[i + 3] as string | readonly string[])
        : undefined;
    let messages: string | readonly string[] = message;
    let combined = false;
    if (typeof kept === 'string') messages = kept === message ? kept : Object.freeze([kept, message]);
    else if (kept?.includes(message)) messages = kept;
    else if (kept) {
      const next = [...kept, message];
      combined = next.length >= AGGREGATE_MAX_EVENTS;
      messages = Object.freeze(combined ? next.slice(1) : next);
    }
    record[i] = type;
    record[i + 1] = reason;
    record[i + 2] = now;
    record[i + 3] = messages;
    // The spam filter: through while fewer than 24 refills are owed (within a microsecond:
    // virtual times are kept to microseconds).
    const fullAt = Math.max(record[1], now);
    const accepted = fullAt - now <= (SPAM_BURST - 1) * SPAM_REFILL_SECONDS + 1e-6;
    record[1] = accepted ? fullAt + SPAM_REFILL_SECONDS : fullAt;
    return { combined, accepted };
  }

  /** The observation of an event (message null: of the group's combined event). */
  observed(object: string, type: string, reason: string, message: string | null): Observation | undefined {
    const o = this.objects.get(object)?.[2].find((x) => x[0] === type && x[1] === reason && x[2] === message);
    return o && { name: o[3], count: o[4], firstTimestamp: o[5] };
  }

  /** Keeps (or, with none, forgets) the observation of an event about an object it has correlated. */
  observe(
    object: string,
    type: string,
    reason: string,
    message: string | null,
    o: Observation | undefined,
  ): void {
    const known = this.objects.get(object);
    if (!known || (!o && known[2].length === 0)) return;
    const others = known[2].filter((x) => x[0] !== type || x[1] !== reason || x[2] !== message);
    if (!o && others.length === known[2].length) return;
    if (o) others.push(Object.freeze([type, reason, message, o.name, o.count, o.firstTimestamp] as const));
    this.own(object)![2] = Object.freeze(others);
  }

  /** Whether it has a record of the object. */
  has(object: string): boolean {
    return this.objects.has(object);
  }

  /** The objects it has a record of. */
  keys(): IterableIterator<string> {
    return this.objects.keys();
  }

  /** The object is gone: no event can be about it any more. */
  forget(object: string): void {
    if (!this.objects.delete(object)) return;
    if (this.last === object) this.last = undefined;
    this.version++;
  }

  /** The object's record to change, now the most recently used; undefined when there is none. */
  private own(object: string): ObjectRecord | undefined {
    const record = this.objects.get(object);
    return record && this.put(Object.isFrozen(record) ? ([...record] as ObjectRecord) : record);
  }

  /** Puts a record last (most recently used); past 4,096 objects the least recently used goes. */
  private put(record: ObjectRecord): ObjectRecord {
    const key = record[0];
    // An object's events often come in a row: it is last already.
    if (this.last === key) this.objects.set(key, record);
    else {
      this.objects.delete(key);
      this.objects.set(key, record);
      this.last = key;
      if (this.objects.size > LRU_ENTRIES) this.objects.delete(this.objects.keys().next().value as string);
    }
    this.version++;
    return record;
  }

  /**
   * Plain data, frozen: the records changed since the last copy are frozen now (and copied when
   * next changed). Without `remember` (an undo point) the copy is not kept for the next snapshot.
   */
  save(remember = true): CorrelatorState {
    if (this.saved?.version === this.version) return this.saved.state;
    const state = deepFreeze<CorrelatorState>([this.source, [...this.objects.values()]]);
    if (remember) this.saved = { version: this.version, state };
    return state;
  }

  /** A correlator from a saved state (frozen: its records are shared until changed). */
  static load(s: CorrelatorState): Correlator {
    const c = new Correlator(s[0]);
    for (const r of s[1]) c.objects.set(r[0], r);
    c.saved = { version: c.version, state: s };
    return c;
  }
}
