import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Deflate, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  base64url,
  decodeShare,
  encodeShare,
  SHARE_LIMITS,
  SHARE_VERSION,
  type SharePayload,
} from './share.ts';
import { parseScenario } from './scenario.ts';

const chapter = parseScenario(
  readFileSync(new URL('./examples/kubia-chapter.yaml', import.meta.url), 'utf8'),
);

function deflateRaw(text: string): string {
  const chunks: Uint8Array[] = [];
  new Deflate({ level: 9 }, (c) => chunks.push(c)).push(strToU8(text), true);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return base64url(all);
}

describe('share links', () => {
  it('round-trips a scenario, the moment and the view', () => {
    const payload: SharePayload = {
      scenario: chapter,
      at: 142.5,
      view: { panels: ['console', 'events'], lang: 'ko', present: true, lesson: 'rolling-update', stop: 3 },
    };
    const link = encodeShare(payload);
    const back = decodeShare(`#${link}`);
    expect(back).toEqual({ ok: true, payload, version: SHARE_VERSION });
  });

  it('keeps a typical rollout scenario under 1,000 characters', () => {
    const small = parseScenario({
      apiVersion: 'rolloutlab/v1',
      kind: 'Scenario',
      metadata: { name: 'rolling' },
      spec: {
        seed: 7,
        manifests: chapter.spec.manifests,
        steps: chapter.spec.steps.slice(0, 2).map(({ at, run }) => ({ at, run })),
      },
    });
    expect(encodeShare({ scenario: small, at: 60 }).length).toBeLessThan(1000);
  });

  it('opens the version 1 fixture made by an earlier build', () => {
    const fixture = readFileSync(new URL('./__fixtures__/share-v1.txt', import.meta.url), 'utf8').trim();
    const r = decodeShare(fixture);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.payload.scenario.metadata.name).toBe('kubia-chapter');
      expect(r.payload.at).toBe(95);
      expect(r.payload.scenario.spec.steps.map((s) => s.at)).toEqual([30, 120, 180, 190, 230]);
    }
  });

  it('opens the version 2 fixture (with its checksum) made by an earlier build', () => {
    const fixture = readFileSync(new URL('./__fixtures__/share-v2.txt', import.meta.url), 'utf8').trim();
    const r = decodeShare(fixture);
    expect(r).toMatchObject({ ok: true, version: 2 });
    if (r.ok) {
      expect(r.payload.scenario).toEqual(chapter);
      expect(r.payload.at).toBe(95);
      expect(r.payload.view).toEqual({ panels: ['console', 'events'], lang: 'en' });
    }
  });

  it('says a link was changed when any one character of it is (every position, two ways)', () => {
    const link = readFileSync(new URL('./__fixtures__/share-v2.txt', import.meta.url), 'utf8').trim();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let checked = 0;
    for (let i = 1; i < link.length; i++) {
      for (const shift of [1, 17]) {
        const c = link[i]!;
        const k = alphabet.indexOf(c);
        const other = k < 0 ? (c === '.' ? '_' : 'A') : alphabet[(k + shift) % alphabet.length]!;
        const r = decodeShare(link.slice(0, i) + other + link.slice(i + 1));
        expect(r.ok, `position ${i}: ${c} → ${other}`).toBe(false);
        if (!r.ok && link.slice(i).includes('.') && i > 2)
          expect(r.error).toMatch(/changed or damaged|damaged/);
        checked++;
      }
    }
    expect(checked).toBe(2 * (link.length - 1));
  });

  it.each([
    ['a version 2 link without its checksum', '#2.AAAA', 'no checksum'],
    ['an empty fragment', '#', 'carries no scenario'],
    ['no version', '#abc', 'not a Rollout Lab link'],
    ['a future version', '#9.AAAA', 'newer version of Rollout Lab'],
    ['bad base64', '#1.@@@@', 'not valid base64url'],
    ['data that does not inflate', '#1.AAAAAAAA', 'does not decompress'],
    ['a link that is too long', `#1.${'A'.repeat(SHARE_LIMITS.encodedChars + 1)}`, 'too long'],
    ['JSON that is not a scenario', `#1.${deflateRaw('{"v":1,"s":{"kind":"Pod"}}')}`, 'scenario is invalid'],
    ['not JSON', `#1.${deflateRaw('<script>alert(1)</script>')}`, 'not valid JSON'],
    ['a negative time', `#1.${deflateRaw(JSON.stringify({ v: 1, s: chapter, t: -5 }))}`, 'time is invalid'],
    [
      'deep nesting',
      `#1.${deflateRaw(`{"v":1,"s":${'['.repeat(200)}${']'.repeat(200)}}`)}`,
      'nests its data too deeply',
    ],
    ['a zip bomb', `#1.${deflateRaw(`{"v":1,"pad":"${'a'.repeat(2_000_000)}"}`)}`, 'unpacks to more than'],
  ])('refuses %s with a clear message', (_name, link, message) => {
    const r = decodeShare(link);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('drops prototype-pollution keys instead of applying them', () => {
    const hostile = `{"v":1,"s":${JSON.stringify({ ...chapter, __proto__: { polluted: true } }).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},')},"t":1}`;
    const r = decodeShare(`#1.${deflateRaw(hostile)}`);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('caps what a hostile scenario may ask for', () => {
    const many = {
      ...chapter,
      spec: {
        ...chapter.spec,
        steps: Array.from({ length: 5000 }, (_, i) => ({ at: i, run: 'kubectl get pods' })),
      },
    };
    const r = decodeShare(`#1.${deflateRaw(JSON.stringify({ v: 1, s: many, t: 0 }))}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/at most 2000/);
  });

  it('fuzz: random and mutated links always decode to a valid scenario or an error (10,000 cases)', () => {
    const good = encodeShare({ scenario: chapter, at: 10 });
    const mutated = fc
      .tuple(
        fc.nat({ max: good.length - 1 }),
        fc.integer({ min: 0, max: 3 }),
        fc.string({ minLength: 0, maxLength: 8 }),
      )
      .map(([pos, op, s]) => {
        if (op === 0) return good.slice(0, pos); // truncated
        if (op === 1) return good.slice(0, pos) + s + good.slice(pos + 1); // replaced
        if (op === 2) return good.slice(0, pos) + s + good.slice(pos); // inserted
        return good.slice(0, pos) + good.slice(pos + s.length + 1); // deleted
      });
    const arbitrary = fc.oneof(
      mutated,
      fc.string({ maxLength: 200 }),
      fc.string({ maxLength: 200 }).map((s) => `1.${s}`),
    );
    fc.assert(
      fc.property(arbitrary, (link) => {
        const r = decodeShare(link);
        if (r.ok) expect(r.payload.scenario.kind).toBe('Scenario');
        else expect(typeof r.error).toBe('string');
      }),
      { numRuns: 10_000, seed: 42 },
    );
  });
});
