/**
 * Share links: a scenario (inputs, not state: the simulator replays them), the moment to open at
 * and the view, as a URL fragment `#2.<base64url(deflate(JSON))>.<checksum>`: the checksum is
 * the CRC-32 of the version and data, so a link changed or damaged in any one character (or
 * any burst of up to 32 bits) says so instead of opening as another scenario. Version 1 links
 * (`#1.<data>`, no checksum) still open.
 *
 * Decoding never throws and never runs anything: a truncated, corrupted, oversized, future or
 * hostile link gives `{ ok: false, error }` with a sentence that says what is wrong. Old versions
 * are migrated (each has a fixture in share.test.ts).
 */
import { Deflate, Inflate, strFromU8, strToU8 } from 'fflate';
import { parseScenario, ScenarioError, type Scenario } from './scenario.ts';

export const SHARE_VERSION = 2;
/** Caps that keep a hostile link from exhausting memory or time. */
export const SHARE_LIMITS = { encodedChars: 100_000, inflatedBytes: 1_000_000, depth: 64, at: 7 * 24 * 3600 };

export interface ShareView {
  /** Open panels, e.g. ["console", "events", "timeline"]. */
  panels?: string[];
  lang?: string;
  present?: boolean;
  lesson?: string;
  stop?: number;
  embed?: boolean;
}

export interface SharePayload {
  scenario: Scenario;
  /** Virtual seconds to open at. */
  at: number;
  view?: ShareView;
}

export type DecodeResult =
  { ok: true; payload: SharePayload; version: number } | { ok: false; error: string };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]!;
  }
  return out;
}

const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function fromBase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chunk = text.slice(i, i + 4);
    for (let j = 0; j < 4; j++) {
      const v = j < chunk.length ? B64_INDEX.get(chunk[j]!) : 0;
      if (v === undefined) return undefined;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (chunk.length > 2) out[o++] = (n >> 8) & 255;
    if (chunk.length > 3) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

function deflate(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  d.push(bytes, true);
  return concat(chunks);
}

/** Inflates, stopping with undefined as soon as the output passes `limit` bytes (a zip bomb). */
function inflateCapped(bytes: Uint8Array, limit: number): Uint8Array | undefined | 'too-large' {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  const inf = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) {
      tooLarge = true;
      throw new Error('too large');
    }
    chunks.push(chunk);
  });
  try {
    inf.push(bytes, true);
  } catch {
    return tooLarge ? 'too-large' : undefined;
  }
  return concat(chunks);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** CRC-32 (IEEE 802.3, as zlib computes it) of a string's UTF-8 bytes. */
function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of strToU8(text)) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The checksum a version 2 link ends with: CRC-32 of `<version>.<data>`, six base64url characters. */
function checksumOf(versionAndData: string): string {
  const n = crc32(versionAndData);
  return base64url(new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255])).slice(0, 6);
}

/** The fragment for a payload, without the leading `#`. */
export function encodeShare(payload: SharePayload): string {
  const json = JSON.stringify({
    v: SHARE_VERSION,
    s: payload.scenario,
    t: payload.at,
    ...(payload.view ? { w: payload.view } : {}),
  });
  const body = `${SHARE_VERSION}.${base64url(deflate(strToU8(json)))}`;
  return `${body}.${checksumOf(body)}`;
}

function depthOf(value: unknown, limit: number): number {
  const stack: [unknown, number][] = [[value, 1]];
  let max = 0;
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

/** Decodes a fragment (with or without `#`). Never throws. */
export function decodeShare(fragment: string): DecodeResult {
  try {
    return decode(fragment);
  } catch (e) {
    return { ok: false, error: `This link could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function decode(fragment: string): DecodeResult {
  let text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  text = text.trim();
  if (text === '') return { ok: false, error: 'This link carries no scenario.' };
  if (text.length > SHARE_LIMITS.encodedChars)
    return {
      ok: false,
      error: `This link is too long (${text.length} characters; at most ${SHARE_LIMITS.encodedChars} are read).`,
    };
  const dot = text.indexOf('.');
  const versionText = dot > 0 ? text.slice(0, dot) : '';
  if (!/^[0-9]{1,4}$/.test(versionText))
    return { ok: false, error: 'This is not a Rollout Lab link (it has no version).' };
  const version = Number(versionText);
  if (version > SHARE_VERSION)
    return {
      ok: false,
      error: `This link was made by a newer version of Rollout Lab (link format ${version}; this app reads up to ${SHARE_VERSION}). Reload the page to get the newest app.`,
    };
  if (version < 1) return { ok: false, error: `Unknown link format ${version}.` };
  let data = text.slice(dot + 1);
  if (version >= 2) {
    const last = text.lastIndexOf('.');
    if (last <= dot)
      return {
        ok: false,
        error: 'This link is damaged: it has no checksum (was it cut off?). It was not opened.',
      };
    if (checksumOf(text.slice(0, last)) !== text.slice(last + 1))
      return {
        ok: false,
        error:
          'This link was changed or damaged: its checksum does not match its content, so it was not opened. Ask for the link again, or copy all of it.',
      };
    data = text.slice(dot + 1, last);
  }
  const bytes = fromBase64url(data);
  if (!bytes || bytes.length === 0)
    return {
      ok: false,
      error: 'This link is damaged: its data is not valid base64url (was it cut off or edited?).',
    };
  const inflated = inflateCapped(bytes, SHARE_LIMITS.inflatedBytes);
  if (inflated === 'too-large')
    return {
      ok: false,
      error: `This link unpacks to more than ${SHARE_LIMITS.inflatedBytes} bytes and was not opened.`,
    };
  if (!inflated)
    return { ok: false, error: 'This link is damaged: its data does not decompress (was it cut off?).' };
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(inflated), (k, v: unknown) => (forbidden.has(k) ? undefined : v));
  } catch {
    return { ok: false, error: 'This link is damaged: its content is not valid JSON.' };
  }
  if (depthOf(raw, SHARE_LIMITS.depth) > SHARE_LIMITS.depth)
    return { ok: false, error: 'This link nests its data too deeply and was not opened.' };
  return migrate(version, raw);
}

/** Turns any supported version's payload into the current one. */
function migrate(version: number, raw: unknown): DecodeResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, error: 'This link is damaged: it does not hold a scenario.' };
  const r = raw as Record<string, unknown>;
  // Version 2 added only the checksum around the same payload.
  if (version === 1 || version === 2) {
    let scenario: Scenario;
    try {
      scenario = parseScenario((r['s'] ?? {}) as object);
    } catch (e) {
      return {
        ok: false,
        error: `This link's scenario is invalid: ${e instanceof ScenarioError || e instanceof Error ? e.message : String(e)}`,
      };
    }
    const at = r['t'] ?? 0;
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > SHARE_LIMITS.at)
      return { ok: false, error: `This link's time is invalid: ${JSON.stringify(at)}.` };
    const payload: SharePayload = { scenario, at };
    const view = viewOf(r['w']);
    if (view) payload.view = view;
    return { ok: true, payload, version };
  }
  return { ok: false, error: `Unknown link format ${version}.` };
}

function viewOf(w: unknown): ShareView | undefined {
  if (w === null || typeof w !== 'object' || Array.isArray(w)) return undefined;
  const r = w as Record<string, unknown>;
  const v: ShareView = {};
  if (Array.isArray(r['panels']))
    v.panels = r['panels']
      .filter((p): p is string => typeof p === 'string' && /^[a-z-]{1,20}$/.test(p))
      .slice(0, 10);
  if (typeof r['lang'] === 'string' && /^[a-z]{2}(-[A-Z]{2})?$/.test(r['lang'])) v.lang = r['lang'];
  if (typeof r['present'] === 'boolean') v.present = r['present'];
  if (typeof r['embed'] === 'boolean') v.embed = r['embed'];
  if (typeof r['lesson'] === 'string' && /^[a-z0-9-]{1,64}$/.test(r['lesson'])) v.lesson = r['lesson'];
  if (typeof r['stop'] === 'number' && Number.isInteger(r['stop']) && r['stop'] >= 0 && r['stop'] < 1000)
    v.stop = r['stop'];
  return v;
}
