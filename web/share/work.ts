/**
 * The user's work as it is kept in the browser: the scenario (inputs only; the simulator replays
 * them), the moment shown and the view. Reading never trusts storage: the scenario goes through
 * `parseScenario` again and prototype keys are dropped, so a tampered entry is an error, not a crash.
 */
import { parseScenario, type Scenario } from '../../src/scenario/scenario.ts';
import type { ShareView } from '../../src/scenario/share.ts';
import { readItem, writeItem, removeItem, type KeyValueStore } from './storage.ts';

export const WORK_KEY = 'rollout-lab.work';
/** Where an entry that could not be read is moved, so restoring never destroys it. */
export const BROKEN_KEY = 'rollout-lab.work.unreadable';
const WORK_VERSION = 1;

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

export type ReadWork = { ok: true; work: SavedWork } | { ok: false; error: string } | undefined;

/** The saved work, an error when the entry is unreadable, or undefined when there is none. */
export function readWork(store: KeyValueStore | undefined): ReadWork {
  const text = readItem(store, WORK_KEY);
  if (text === null) return undefined;
  try {
    const raw = parseJsonSafely(text);
    if (!isRecord(raw) || raw['v'] !== WORK_VERSION) throw new Error('unknown format');
    const scenario = parseScenario(isRecord(raw['scenario']) ? raw['scenario'] : {});
    const at = typeof raw['at'] === 'number' && Number.isFinite(raw['at']) && raw['at'] >= 0 ? raw['at'] : 0;
    return { ok: true, work: { scenario, at, view: cleanView(raw['view']) } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The text `writeWork` stores (compare it to skip writes that change nothing). */
export function serializeWork(work: SavedWork): string {
  return JSON.stringify({ v: WORK_VERSION, scenario: work.scenario, at: work.at, view: work.view });
}

export function writeWork(store: KeyValueStore | undefined, text: string): boolean {
  return writeItem(store, WORK_KEY, text);
}

/** Moves an unreadable entry aside (never deletes it) so new work can be saved. */
export function setAsideUnreadable(store: KeyValueStore | undefined): void {
  const text = readItem(store, WORK_KEY);
  if (text === null) return;
  if (writeItem(store, BROKEN_KEY, text)) removeItem(store, WORK_KEY);
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
