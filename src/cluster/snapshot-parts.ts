/**
 * Structural sharing between snapshots. A Run keeps a snapshot every 10 virtual seconds for an
 * hour; most of the cluster does not change between two of them. Each part a snapshot is made of is
 * remembered here with what it was made from, and a part that has not changed since the last
 * snapshot is the same frozen value in both: an hour of checkpoints costs what changed, not what
 * exists. Frozen, so no holder of a snapshot can change another one (or the cluster) through them.
 *
 * The layout is ClusterSnapshot's; only the sharing is new.
 */
import { EMPTY_LOG, isWhole, logPrefix, sealLog, startsWith, type AppLog } from './applog.ts';
import type { PodRuntime } from './kubelet.ts';
import type { RequestRecord } from './traffic.ts';

/** A list copied (and frozen) once per version of its source. */
export class SharedList<T> {
  private version = -1;
  private copy: readonly T[] = Object.freeze([]);

  of(source: readonly T[], version: number): T[] {
    if (version !== this.version) {
      this.version = version;
      this.copy = Object.freeze([...source]);
    }
    return this.copy as T[];
  }

  /** After a restore from `list` at `version`: the next snapshot may hand out the same list. */
  adopt(list: readonly T[], version: number): void {
    if (!Object.isFrozen(list)) return;
    this.version = version;
    this.copy = list;
  }
}

/**
 * The kubelet's runtime records, copied for a snapshot. The kubelet changes its records in place
 * and says which ones it may have changed (`touched`); those are compared with the copy last made
 * of them: an unchanged record shares its copy (and its [key, copy] pair) with the last snapshot,
 * and when none changed the whole list is shared.
 *
 * `withoutRequests` (checkpoints): the copies hold 0 for the requests served and an empty app
 * log, which every request served adds to, all the time under traffic; the counts and logs are
 * kept apart (`requests`, SharedLogs), so a record that only served requests keeps its copy, and
 * serving one need not be told (`touched`).
 */
export class SharedRuntimes {
  /**
   * Each record's last copy (kept while the record lives), and the last list with the records it
   * was made from, place by place. Held strongly: a WeakRef holds its target until the end of the
   * current job anyway (ECMAScript's KeepDuringJob), which in a synchronous run (Node, a
   * benchmark) is its end. Copies made for an undo point are not remembered (`of(pods, false)`).
   */
  private copies = new WeakMap<PodRuntime, Pair>();
  private last: readonly Pair[] = NO_PAIRS;
  private lastRecords: PodRuntime[] = [];
  /** Keys touched since the last copy; undefined: any may have changed. */
  private changed: Set<string> | undefined;

  constructor(private readonly withoutRequests = false) {}

  touched(key: string): void {
    this.changed?.add(key);
  }

  /** After a restore: every record is new. */
  reset(): void {
    this.changed = undefined;
  }

  of(pods: Map<string, PodRuntime>, remember = true): [string, PodRuntime][] {
    const out: Pair[] = [];
    const { last, lastRecords, changed } = this;
    let same = pods.size === last.length;
    let i = 0;
    for (const [key, rt] of pods) {
      // The record last copied at this place, untouched since: its copy, without a lookup.
      let pair =
        changed && lastRecords[i] === rt && last[i]![0] === key && !changed.has(key) ? last[i] : undefined;
      if (!pair) {
        pair = this.copies.get(rt);
        if (
          !pair ||
          pair[0] !== key ||
          ((!changed || changed.has(key)) && !sameRuntime(rt, pair[1], this.withoutRequests))
        ) {
          pair = Object.freeze([key, freezeRuntime(rt, this.withoutRequests)] as const);
          if (remember) this.copies.set(rt, pair);
        }
      }
      if (same && last[i] !== pair) same = false;
      out.push(pair);
      i++;
    }
    const list = same ? last : Object.freeze(out);
    if (remember) {
      if (list !== last) {
        this.last = list;
        this.lastRecords = [...pods.values()];
      }
      this.changed = new Set();
    }
    return list as [string, PodRuntime][];
  }

  /** The requests each record of `pods` has served, in order (for copies made withoutRequests). */
  static requests(pods: Map<string, PodRuntime>): number[] {
    const out: number[] = [];
    for (const rt of pods.values()) out.push(rt.requests);
    return out;
  }

  /** A record from a copy made withoutRequests and what was kept apart. */
  static served(copy: PodRuntime, requests: number, log: AppLog | undefined): PodRuntime {
    const rt = { ...copy, requests };
    if (log) rt.log = log;
    return rt;
  }
}

/** A container run's app log as of the latest checkpoint that holds it (see SharedLogs). */
export class LogCell {
  constructor(public log: AppLog) {}
}

/** What a checkpoint keeps of the app logs: per record, its log or its log's cell and line count. */
export interface CheckpointLogs {
  readonly logs: readonly (AppLog | LogCell | undefined)[];
  readonly counts: readonly number[];
}

/**
 * The app logs checkpoints keep (apart from the kubelet's records). A log grows by a new copy of
 * its last chunk per line (appendRequest), so keeping each checkpoint's version of each log would
 * keep a copy of that chunk per log and checkpoint: under traffic, most of an hour's memory for
 * logs. A whole log (isWhole: nothing rotated away) is kept instead as its line count and a cell
 * shared by the checkpoints of its container run, holding the latest version, which each earlier
 * one begins (each is checked when it replaces the one before); `at` makes an earlier one again.
 */
export class SharedLogs {
  /**
   * The last checkpoint's record keys, in order, and each one's cell (undefined where none). Kept
   * as lists, not a map: records rarely come or go between two checkpoints, so each is found at its
   * place without a lookup.
   */
  private keys: readonly string[] = [];
  private cells: readonly (LogCell | undefined)[] = [];
  /** The last checkpoint's list, handed out again while no entry changes (no log began or ended). */
  private last: readonly (AppLog | LogCell | undefined)[] = [];

  of(pods: Map<string, PodRuntime>): CheckpointLogs {
    const logs: (AppLog | LogCell | undefined)[] = [];
    const counts: number[] = [];
    const keys: string[] = [];
    const cells: (LogCell | undefined)[] = [];
    const { keys: lastKeys, cells: lastCells } = this;
    /** The last cells by key, once a record is not at its place. */
    let moved: Map<string, LogCell | undefined> | undefined;
    let same = pods.size === this.last.length;
    let i = 0;
    for (const [key, rt] of pods) {
      const log = rt.log;
      let cell: LogCell | undefined;
      if (lastKeys[i] === key) cell = lastCells[i];
      else {
        moved ??= new Map(lastKeys.map((k, j) => [k, lastCells[j]]));
        cell = moved.get(key);
      }
      if (log && cell && cell.log !== log) {
        if (isWhole(log) && startsWith(log, cell.log)) cell.log = log;
        else cell = undefined;
      }
      if (log && !cell && isWhole(log)) cell = new LogCell(log);
      keys.push(key);
      cells.push(log ? cell : undefined);
      const kept = log && cell ? cell : log;
      if (same && this.last[i] !== kept) same = false;
      logs.push(kept);
      counts.push(log ? log.count : 0);
      i++;
    }
    this.keys = keys;
    this.cells = cells;
    if (!same) this.last = Object.freeze(logs);
    return { logs: this.last, counts };
  }

  /** The i-th record's log as the checkpoint kept it. */
  static at(kept: CheckpointLogs, i: number): AppLog | undefined {
    const log = kept.logs[i];
    return log instanceof LogCell ? logPrefix(log.log, kept.counts[i]!) : log;
  }
}

/** A kubelet record's key and its frozen copy. */
type Pair = readonly [string, PodRuntime];
const NO_PAIRS: readonly Pair[] = Object.freeze([]);

/**
 * A frozen copy. Object.assign, not spread: V8 gives a frozen copy made by spread a shape of its own
 * (about 650 bytes instead of 230; a Run keeps thousands).
 */
function freezeRuntime(rt: PodRuntime, withoutRequests: boolean): PodRuntime {
  const copy: PodRuntime = Object.assign({}, rt);
  if (withoutRequests) {
    copy.requests = 0;
    if (copy.log) copy.log = EMPTY_LOG;
  } else {
    // Handed out: logs that the live ones' later lines cannot reach (see appendRequest).
    if (copy.log) copy.log = sealLog(copy.log);
    if (copy.previousLog) copy.previousLog = sealLog(copy.previousLog);
  }
  if (rt.lastState) copy.lastState = Object.freeze(Object.assign({}, rt.lastState));
  return Object.freeze(copy);
}

/**
 * Field by field (lastState by value): what a snapshot's copy would hold. Without requests, the
 * count and the log are not compared, but a log only `a` has still differs.
 */
function sameRuntime(a: PodRuntime, b: PodRuntime, withoutRequests: boolean): boolean {
  let n = 0;
  for (const k in a) {
    n++;
    if (withoutRequests && (k === 'requests' || (k === 'log' && k in b))) continue;
    const x = (a as unknown as Record<string, unknown>)[k];
    const y = (b as unknown as Record<string, unknown>)[k];
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
    if (k !== 'lastState' || !x || !y) return false;
    const s = x as NonNullable<PodRuntime['lastState']>;
    const t = y as NonNullable<PodRuntime['lastState']>;
    if (
      s.startedAt !== t.startedAt ||
      s.finishedAt !== t.finishedAt ||
      s.exitCode !== t.exitCode ||
      s.reason !== t.reason
    )
      return false;
  }
  for (const _ in b) n--;
  return n === 0;
}

/**
 * The controllers' "still waiting" memory (object → code → signature) as pairs, each object's pairs
 * made again only when that object's map changed.
 */
export class SharedMemo {
  private pairs = new WeakMap<
    Map<string, string>,
    readonly [string, readonly (readonly [string, string])[]]
  >();
  private version = -1;
  private last: readonly (readonly [string, readonly (readonly [string, string])[]])[] = Object.freeze([]);

  /** A map was changed in place: its pairs are made again. */
  changed(m: Map<string, string> | undefined): void {
    if (m) this.pairs.delete(m);
  }

  of(memo: Map<string, Map<string, string>>, version: number): [string, [string, string][]][] {
    if (version !== this.version) {
      this.version = version;
      const out: (readonly [string, readonly (readonly [string, string])[]])[] = [];
      for (const [key, m] of memo) {
        let p = this.pairs.get(m);
        if (!p || p[0] !== key) {
          p = Object.freeze([key, Object.freeze([...m].map((e) => Object.freeze(e)))] as const);
          this.pairs.set(m, p);
        }
        out.push(p);
      }
      this.last = Object.freeze(out);
    }
    return this.last as [string, [string, string][]][];
  }
}

/**
 * Per-second traffic aggregates in frozen chunks of 256 (a checkpoint's copy). Only the last
 * aggregate still changes, so every full chunk is the same as in the last checkpoint.
 */
export class SharedSeries<T extends object> {
  private chunks = new WeakMap<T, readonly T[]>();
  private version: number | undefined;
  private last: (readonly T[])[] = [];

  /**
   * `version`, when the owner keeps one that changes with every change to `series` (the event
   * log's): an unchanged series is the last copy, without looking at it.
   */
  of(series: readonly T[], copyLast: (x: T) => T, version?: number): (readonly T[])[] {
    if (version !== undefined && version === this.version) return this.last;
    const out: (readonly T[])[] = [];
    for (let start = 0; start < series.length; start += CHUNK) {
      const end = Math.min(series.length, start + CHUNK);
      const full = end - start === CHUNK && end < series.length;
      let chunk = full ? this.chunks.get(series[start]!) : undefined;
      if (chunk && !sameItems(chunk, series, start)) chunk = undefined;
      if (!chunk) {
        const part = series.slice(start, end);
        if (end === series.length) part[part.length - 1] = copyLast(part[part.length - 1]!);
        chunk = Object.freeze(part);
        if (full) this.chunks.set(series[start]!, chunk);
      }
      out.push(chunk);
    }
    this.version = version;
    this.last = out;
    return out;
  }
}

/** The chunks one after another (what `flat()` gives, without its generic walk over each item). */
export function joinChunks<T>(chunks: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const chunk of chunks) for (let i = 0; i < chunk.length; i++) out.push(chunk[i]!);
  return out;
}

function sameItems<T>(chunk: readonly T[], series: readonly T[], start: number): boolean {
  for (let i = 0; i < chunk.length; i++) if (chunk[i] !== series[start + i]) return false;
  return true;
}

const CHUNK = 256;

/**
 * The requests of the last RECENT_SECONDS as a checkpoint keeps them: one typed array per number
 * field and one index per text field into a table of the texts, about 30 bytes a request instead
 * of an object's 80 to 100. Under 20 requests/s each checkpoint keeps 600 that none before or after
 * it shares, which made them the largest part of an hour's checkpoints.
 */
export interface PackedRequests {
  readonly t: Float64Array;
  readonly latencyMs: Float64Array;
  readonly status: Uint16Array;
  /** Per request, [service, pod, version] as indexes into `texts` (0: null). */
  readonly text: Uint32Array;
  readonly texts: readonly (string | null)[];
}

export function packRequests(records: readonly RequestRecord[]): PackedRequests {
  const n = records.length;
  const t = new Float64Array(n);
  const latencyMs = new Float64Array(n);
  const status = new Uint16Array(n);
  const text = new Uint32Array(3 * n);
  const texts: (string | null)[] = [null];
  const index = new Map<string, number>();
  const of = (s: string | null): number => {
    if (s === null) return 0;
    let i = index.get(s);
    if (i === undefined) {
      i = texts.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    t[i] = r.t;
    latencyMs[i] = r.latencyMs;
    status[i] = r.status;
    text[3 * i] = of(r.service);
    text[3 * i + 1] = of(r.pod);
    text[3 * i + 2] = of(r.version);
  }
  return Object.freeze({ t, latencyMs, status, text, texts: Object.freeze(texts) });
}

/** The requests again, equal field by field (and in the same order) to those packed. */
export function unpackRequests(p: PackedRequests): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (let i = 0; i < p.t.length; i++)
    out.push({
      t: p.t[i]!,
      service: p.texts[p.text[3 * i]!]!,
      pod: p.texts[p.text[3 * i + 1]!]!,
      version: p.texts[p.text[3 * i + 2]!]!,
      status: p.status[i]!,
      latencyMs: p.latencyMs[i]!,
    });
  return out;
}
