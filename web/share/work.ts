/**
 * The user's work as it is kept in the browser: the scenario (inputs only; the simulator replays
 * them), the moment shown and the view.
 *
 * Three rules keep it from being lost:
 * - Reading never trusts storage. The entry goes through the checks a link gets (size, nesting,
 *   version, `parseScenario`, a valid time); the caller then replays it through `prepare` like a
 *   link or a file. An entry that fails any of them is not opened and not overwritten.
 * - Work that fails to open is moved to a recovery slot first (the text exactly as stored), and
 *   only then removed from the work key; when there is no room for the copy it stays where it is.
 * - A tab writes the work key only if it still holds what that tab last read or wrote
 *   (`WorkSlot`): a tab never silently replaces work another tab saved after it.
 */
import { parseScenario, type Scenario, type ShareView } from '../../src/index.ts';
import type { Problem } from './link.ts';
import { readItem, removeItem, tryWrite, type KeyValueStore } from './storage.ts';

export const WORK_KEY = 'rollout-lab.work';
/** Where earlier versions moved an entry they could not read; still listed as a recovery copy. */
export const LEGACY_ASIDE_KEY = 'rollout-lab.work.unreadable';
/** Recovery copies live in `rollout-lab.recovery.1` … `.RECOVERY_SLOTS`. */
export const RECOVERY_PREFIX = 'rollout-lab.recovery.';
export const RECOVERY_SLOTS = 8;
const WORK_VERSION = 1;
const RECOVERY_KIND = 'rollout-lab.recovery';

/**
 * The limits a link has (SHARE_LIMITS in src/scenario/share.ts, checked equal by work.test.ts)
 * and the size a scenario file may have.
 */
export const WORK_LIMITS = { chars: 1_000_000, depth: 64, at: 7 * 24 * 3600 };

export interface SavedWork {
  scenario: Scenario;
  /** Virtual seconds shown when it was saved. */
  at: number;
  view: ShareView;
}

const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse without prototype keys. */
export function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (k, v: unknown) => (forbidden.has(k) ? undefined : v));
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > limit) return true;
    if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
  return false;
}

/** Panels the app knows how to open; anything else in a link or in storage is ignored. */
export const PANELS = ['editor', 'nodes', 'console'] as const;

/** Keeps only the view fields the app understands, with safe values. */
export function cleanView(raw: unknown): ShareView {
  if (!isRecord(raw)) return {};
  const v: ShareView = {};
  if (Array.isArray(raw['panels']))
    v.panels = raw['panels'].filter(
      (p): p is string => typeof p === 'string' && (PANELS as readonly string[]).includes(p),
    );
  if (raw['lang'] === 'en' || raw['lang'] === 'ko') v.lang = raw['lang'];
  if (typeof raw['present'] === 'boolean') v.present = raw['present'];
  if (typeof raw['embed'] === 'boolean') v.embed = raw['embed'];
  if (typeof raw['lesson'] === 'string' && /^[a-z0-9-]{1,64}$/.test(raw['lesson'])) v.lesson = raw['lesson'];
  const stop = raw['stop'];
  if (typeof stop === 'number' && Number.isInteger(stop) && stop >= 0 && stop < 1000) v.stop = stop;
  return v;
}

export type DecodedWork = { ok: true; work: SavedWork } | { ok: false; problem: Problem };

const unreadable = (detail: string): DecodedWork => ({
  ok: false,
  problem: { key: 'share.problem.savedUnreadable', detail },
});

/** Saved work from its stored text, or what is wrong with it. Never throws. */
export function decodeWork(text: string): DecodedWork {
  if (text.length > WORK_LIMITS.chars)
    return unreadable(`the entry has ${text.length} characters; at most ${WORK_LIMITS.chars} are read`);
  let raw: unknown;
  try {
    raw = parseJsonSafely(text);
  } catch (e) {
    return unreadable(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isRecord(raw)) return unreadable('the entry does not hold saved work');
  if (deeperThan(raw, WORK_LIMITS.depth)) return unreadable('the entry nests its data too deeply');
  const v = raw['v'];
  if (typeof v === 'number' && Number.isInteger(v) && v > WORK_VERSION)
    return {
      ok: false,
      problem: {
        key: 'share.problem.savedFuture',
        detail: `saved work format ${v}; this app reads up to ${WORK_VERSION}`,
      },
    };
  if (v !== WORK_VERSION) return unreadable(`unknown saved work format ${JSON.stringify(v ?? null)}`);
  let scenario: Scenario;
  try {
    if (!isRecord(raw['scenario'])) throw new Error('the entry holds no scenario');
    scenario = parseScenario(raw['scenario']);
  } catch (e) {
    return {
      ok: false,
      problem: { key: 'share.problem.savedInvalid', detail: e instanceof Error ? e.message : String(e) },
    };
  }
  const at = raw['at'] ?? 0;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > WORK_LIMITS.at)
    return {
      ok: false,
      problem: { key: 'share.problem.savedInvalid', detail: `its time is invalid: ${JSON.stringify(at)}` },
    };
  return { ok: true, work: { scenario, at, view: cleanView(raw['view']) } };
}

/** The text the work key holds (compare it to skip writes that change nothing). */
export function serializeWork(work: SavedWork): string {
  return JSON.stringify({ v: WORK_VERSION, scenario: work.scenario, at: work.at, view: work.view });
}

/** The scenario in parseScenario's key order, so equal inputs give equal text. */
export function canonical(s: Scenario): string {
  try {
    return JSON.stringify(parseScenario(s));
  } catch {
    return JSON.stringify(s);
  }
}

export const sameScenario = (a: Scenario, b: Scenario): boolean => canonical(a) === canonical(b);

// ---------------------------------------------------------------------------------------------
// Recovery copies

export interface RecoveryEntry {
  /** The storage key holding it (Download and Discard act on it). */
  key: string;
  /** The work entry exactly as it was stored. */
  text: string;
  /** When it was set aside (ms since the epoch), when known. */
  savedAt?: number;
  /** Why it could not be opened, when known. */
  problem?: Problem;
}

const recoveryKeys = () => [
  ...Array.from({ length: RECOVERY_SLOTS }, (_, i) => `${RECOVERY_PREFIX}${i + 1}`),
  LEGACY_ASIDE_KEY,
];

function problemOf(raw: unknown): Problem | undefined {
  if (!isRecord(raw) || typeof raw['key'] !== 'string' || !raw['key'].startsWith('share.problem.'))
    return undefined;
  const p: Problem = { key: raw['key'] };
  if (typeof raw['detail'] === 'string') p.detail = raw['detail'];
  if (isRecord(raw['vars'])) {
    const vars: Record<string, string | number> = {};
    for (const [k, x] of Object.entries(raw['vars']))
      if (typeof x === 'string' || typeof x === 'number') vars[k] = x;
    p.vars = vars;
  }
  return p;
}

function readRecovery(store: KeyValueStore | undefined, key: string): RecoveryEntry | undefined {
  const value = readItem(store, key);
  if (value === null) return undefined;
  if (key === LEGACY_ASIDE_KEY) return { key, text: value };
  let raw: unknown;
  try {
    raw = parseJsonSafely(value);
  } catch {
    raw = undefined;
  }
  // A slot someone edited by hand is still a copy: all of it is the text.
  if (!isRecord(raw) || raw['kind'] !== RECOVERY_KIND || typeof raw['text'] !== 'string')
    return { key, text: value };
  const entry: RecoveryEntry = { key, text: raw['text'] };
  if (typeof raw['savedAt'] === 'number' && Number.isFinite(raw['savedAt'])) entry.savedAt = raw['savedAt'];
  const problem = problemOf(raw['problem']);
  if (problem) entry.problem = problem;
  return entry;
}

/** Every recovery copy, the most recently set aside first. */
export function listRecovery(store: KeyValueStore | undefined): RecoveryEntry[] {
  const entries = recoveryKeys()
    .map((k) => readRecovery(store, k))
    .filter((e): e is RecoveryEntry => e !== undefined);
  return entries.sort((a, b) => (b.savedAt ?? -1) - (a.savedAt ?? -1));
}

export type SetAsideResult = { ok: true; key: string } | { ok: false; detail: string };

/**
 * Copies `text` (the work key's content, which could not be opened) to a free recovery slot, then
 * removes it from the work key if the key still holds it. When the copy cannot be written, the
 * work key is left alone and the caller must not save over it.
 */
export function setAside(
  store: KeyValueStore | undefined,
  text: string,
  problem: Problem,
  savedAt: number,
): SetAsideResult {
  const existing = listRecovery(store).find((e) => e.text === text);
  let key = existing?.key;
  if (!key) {
    key = recoveryKeys()
      .slice(0, RECOVERY_SLOTS)
      .find((k) => readItem(store, k) === null);
    if (!key) return { ok: false, detail: `all ${RECOVERY_SLOTS} recovery slots are in use` };
    const detail =
      problem.detail && problem.detail.length > 2000 ? problem.detail.slice(0, 2000) : problem.detail;
    const value = JSON.stringify({
      kind: RECOVERY_KIND,
      savedAt,
      problem: { ...problem, ...(detail === undefined ? {} : { detail }) },
      text,
    });
    const w = tryWrite(store, key, value);
    if (!w.ok) return { ok: false, detail: w.detail };
    // Read back: a store that dropped the write must not lead to removing the original.
    if (readRecovery(store, key)?.text !== text)
      return { ok: false, detail: 'the copy could not be read back' };
  }
  if (readItem(store, WORK_KEY) === text) removeItem(store, WORK_KEY);
  return { ok: true, key };
}

/** The stored text behind a recovery key (or the work key itself when it could not be moved). */
export function recoveryText(store: KeyValueStore | undefined, key: string): string | undefined {
  if (key === WORK_KEY) return readItem(store, WORK_KEY) ?? undefined;
  return readRecovery(store, key)?.text;
}

export function discardRecovery(store: KeyValueStore | undefined, key: string): void {
  if (key === WORK_KEY || recoveryKeys().includes(key)) removeItem(store, key);
}

// ---------------------------------------------------------------------------------------------
// One tab's view of the work key

export type SaveResult =
  | { ok: true }
  | { ok: false; reason: 'conflict' }
  | { ok: false; reason: 'quota' | 'failed'; detail: string };

/**
 * The work key as one tab knows it. `base` is what the tab last read or wrote there: a save goes
 * through only while the key still holds it, so another tab's later save is never replaced
 * without the user choosing to (`replace`).
 */
export class WorkSlot {
  /** The entry's text as this tab last read or wrote it; null when there was none. */
  base: string | null = null;

  constructor(readonly store: KeyValueStore | undefined) {}

  /** Reads the entry and takes it as the base. */
  read(): string | null {
    this.base = readItem(this.store, WORK_KEY);
    return this.base;
  }

  /** The entry now, without changing the base. */
  peek(): string | null {
    return readItem(this.store, WORK_KEY);
  }

  /**
   * Another tab saved since this one last read or wrote. An emptied key is no conflict: there is
   * nothing there to lose.
   */
  changedElsewhere(): boolean {
    const now = this.peek();
    return now !== null && now !== this.base;
  }

  /** Writes `text` unless another tab saved in between. */
  save(text: string): SaveResult {
    if (this.changedElsewhere()) return { ok: false, reason: 'conflict' };
    return this.replace(text);
  }

  /** Writes `text` whatever the key holds (the user chose to). */
  replace(text: string): SaveResult {
    const w = tryWrite(this.store, WORK_KEY, text);
    if (!w.ok) return { ok: false, reason: w.quota ? 'quota' : 'failed', detail: w.detail };
    this.base = text;
    return { ok: true };
  }
}
