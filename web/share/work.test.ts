import { afterEach, describe, expect, it } from 'vitest';
import { loadShareCodec } from '../../src/index.ts';
import { defaultScenario } from '../lab/defaultScenario.ts';
import { isQuotaError, memoryStorage, tryWrite, watchBrowserStorage } from './storage.ts';
import { MAX_FILE_BYTES } from './store.ts';
import {
  decodeWork,
  discardRecovery,
  LEGACY_ASIDE_KEY,
  listRecovery,
  RECOVERY_PREFIX,
  RECOVERY_SLOTS,
  recoveryText,
  serializeWork,
  setAside,
  WORK_KEY,
  WORK_LIMITS,
  WorkSlot,
} from './work.ts';

const { SHARE_LIMITS } = await loadShareCodec();

const good = serializeWork({ scenario: defaultScenario(), at: 42, view: { panels: ['nodes'], lang: 'ko' } });
/** `good` with one top-level field replaced (raw JSON text for the value). */
const withField = (field: string, json: string) =>
  good.replace(new RegExp(`"${field}":(\\d+|"[^"]*"|\\{[^}]*\\})`), `"${field}":${json}`);
const cause = { key: 'share.problem.rejected', detail: 'spec.replicas: Invalid value: -1' };

describe('decodeWork: saved work gets the checks a link gets', () => {
  it('reads what serializeWork wrote, with the view cleaned', () => {
    const r = decodeWork(good);
    expect(r.ok && r.work.at).toBe(42);
    expect(r.ok && r.work.view).toEqual({ panels: ['nodes'], lang: 'ko' });
    expect(r.ok && r.work.scenario.metadata.name).toBe(defaultScenario().metadata.name);
  });

  const nested = `{"v":1,"scenario":${JSON.stringify(defaultScenario())},"at":1,"view":{"x":${'['.repeat(70)}${']'.repeat(70)}}}`;
  it.each([
    ['empty', '', 'share.problem.savedUnreadable', /not valid JSON/],
    ['cut off', good.slice(0, good.length / 2), 'share.problem.savedUnreadable', /not valid JSON/],
    ['an array', '[1,2]', 'share.problem.savedUnreadable', /does not hold saved work/],
    ['without a version', good.replace('"v":1,', ''), 'share.problem.savedUnreadable', /format null/],
    ['a version as text', withField('v', '"1"'), 'share.problem.savedUnreadable', /format "1"/],
    [
      'from a future version',
      withField('v', '2'),
      'share.problem.savedFuture',
      /format 2; this app reads up to 1/,
    ],
    ['nested too deeply', nested, 'share.problem.savedUnreadable', /too deeply/],
    [
      'larger than a file may be',
      `${good}${' '.repeat(WORK_LIMITS.chars)}`,
      'share.problem.savedUnreadable',
      /characters/,
    ],
    ['without a scenario', '{"v":1,"at":3}', 'share.problem.savedInvalid', /no scenario/],
    [
      'with another kind',
      good.replace('"kind":"Scenario"', '"kind":"Deployment"'),
      'share.problem.savedInvalid',
      /not a scenario/,
    ],
    ['at a negative time', withField('at', '-1'), 'share.problem.savedInvalid', /time is invalid: -1/],
    ['at a time as text', withField('at', '"30"'), 'share.problem.savedInvalid', /time is invalid: "30"/],
    [
      'past a week',
      withField('at', String(SHARE_LIMITS.at + 1)),
      'share.problem.savedInvalid',
      /time is invalid/,
    ],
  ])('refuses an entry %s', (_name, text, key, detail) => {
    const r = decodeWork(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.key).toBe(key);
    expect(r.problem.detail).toMatch(detail);
  });

  it('drops prototype keys instead of applying them', () => {
    const text = good.replace(
      '{"v":1,',
      '{"v":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},',
    );
    expect(decodeWork(text).ok).toBe(true);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('uses the limits of links and files', () => {
    expect(WORK_LIMITS).toEqual({ chars: MAX_FILE_BYTES, depth: SHARE_LIMITS.depth, at: SHARE_LIMITS.at });
  });
});

describe('recovery copies', () => {
  it('copies the entry exactly as stored, then empties the work key', () => {
    const text = `${good.slice(0, 300)}`;
    const store = memoryStorage({ [WORK_KEY]: text });
    const r = setAside(store, text, cause, 1000);
    expect(r).toEqual({ ok: true, key: `${RECOVERY_PREFIX}1` });
    expect(store.data.has(WORK_KEY)).toBe(false);
    expect(listRecovery(store)).toEqual([
      { key: `${RECOVERY_PREFIX}1`, text, savedAt: 1000, problem: cause },
    ]);
    expect(recoveryText(store, `${RECOVERY_PREFIX}1`)).toBe(text);
  });

  it('leaves the work key alone when another tab saved over it in the meantime', () => {
    const store = memoryStorage({ [WORK_KEY]: good });
    expect(setAside(store, 'older text', cause, 1).ok).toBe(true);
    expect(store.data.get(WORK_KEY)).toBe(good);
  });

  it('keeps one copy of the same text, and lists the newest first', () => {
    const store = memoryStorage({ [LEGACY_ASIDE_KEY]: 'from an earlier version' });
    setAside(store, 'a', cause, 1);
    setAside(store, 'b', cause, 3);
    setAside(store, 'a', cause, 5);
    expect(listRecovery(store).map((e) => e.text)).toEqual(['b', 'a', 'from an earlier version']);
  });

  it('lists a slot edited by hand as it is', () => {
    const store = memoryStorage({ [`${RECOVERY_PREFIX}3`]: '{"kind":"something else"}' });
    expect(listRecovery(store)).toEqual([{ key: `${RECOVERY_PREFIX}3`, text: '{"kind":"something else"}' }]);
  });

  it('leaves the work key in place when the copy does not fit (storage full)', () => {
    const text = good;
    const store = memoryStorage({ [WORK_KEY]: text }, { quota: text.length + WORK_KEY.length + 100 });
    const r = setAside(store, text, cause, 1);
    expect(r.ok).toBe(false);
    expect(store.data.get(WORK_KEY)).toBe(text);
    expect(listRecovery(store)).toEqual([]);
  });

  it('leaves the work key in place when every slot is taken', () => {
    const slots = Object.fromEntries(
      Array.from({ length: RECOVERY_SLOTS }, (_, i) => [`${RECOVERY_PREFIX}${i + 1}`, `old ${i}`]),
    );
    const store = memoryStorage({ ...slots, [WORK_KEY]: 'x' });
    expect(setAside(store, 'x', cause, 1)).toEqual({
      ok: false,
      detail: `all ${RECOVERY_SLOTS} recovery slots are in use`,
    });
    expect(store.data.get(WORK_KEY)).toBe('x');
  });

  it('discards only recovery copies and the work key', () => {
    const store = memoryStorage({ [`${RECOVERY_PREFIX}1`]: 'a', 'rollout-lab.lang': 'ko' });
    discardRecovery(store, `${RECOVERY_PREFIX}1`);
    discardRecovery(store, 'rollout-lab.lang');
    expect([...store.data.keys()]).toEqual(['rollout-lab.lang']);
  });
});

describe('WorkSlot: two tabs on one storage', () => {
  it('a tab does not save over work another tab saved after it read', () => {
    const store = memoryStorage({ [WORK_KEY]: 'start' });
    const older = new WorkSlot(store);
    const newer = new WorkSlot(store);
    older.read();
    newer.read();
    expect(newer.save('newer steps')).toEqual({ ok: true });
    expect(older.changedElsewhere()).toBe(true);
    expect(older.save('older with the Nodes panel open')).toEqual({ ok: false, reason: 'conflict' });
    expect(store.data.get(WORK_KEY)).toBe('newer steps');
    // Asked, the user keeps the older tab's work.
    expect(older.replace('older with the Nodes panel open')).toEqual({ ok: true });
    expect(newer.save('newer again')).toEqual({ ok: false, reason: 'conflict' });
  });

  it('saves over its own writes and over an emptied key', () => {
    const store = memoryStorage();
    const tab = new WorkSlot(store);
    tab.read();
    expect(tab.save('one')).toEqual({ ok: true });
    expect(tab.save('two')).toEqual({ ok: true });
    store.data.delete(WORK_KEY);
    expect(tab.save('three')).toEqual({ ok: true });
    expect(store.data.get(WORK_KEY)).toBe('three');
  });

  it('reports a full store and keeps what was saved', () => {
    const store = memoryStorage({}, { quota: WORK_KEY.length + 10 });
    const tab = new WorkSlot(store);
    tab.read();
    expect(tab.save('saved')).toEqual({ ok: true });
    const r = tab.save('much longer than the quota');
    expect(r).toMatchObject({ ok: false, reason: 'quota' });
    expect(store.data.get(WORK_KEY)).toBe('saved');
    expect(tab.base).toBe('saved');
  });
});

describe("the browser's localStorage", () => {
  afterEach(() => localStorage.clear());

  it('a full localStorage reports quota and keeps the value it had', () => {
    localStorage.setItem(WORK_KEY, good);
    const tab = new WorkSlot(localStorage);
    tab.read();
    // Fill the rest of the origin's quota.
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i++) {
      if (!tryWrite(localStorage, `filler.${i}`, chunk).ok) chunk = chunk.slice(Math.ceil(chunk.length / 2));
    }
    const r = tab.save(`${good} `.repeat(3));
    expect(r).toMatchObject({ ok: false, reason: 'quota' });
    expect(localStorage.getItem(WORK_KEY)).toBe(good);
  });

  it('hears changes made by other tabs', () => {
    const keys: (string | null)[] = [];
    const stop = watchBrowserStorage((k) => keys.push(k));
    window.dispatchEvent(new StorageEvent('storage', { key: WORK_KEY, storageArea: localStorage }));
    window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }));
    window.dispatchEvent(new StorageEvent('storage', { key: WORK_KEY, storageArea: sessionStorage }));
    stop();
    window.dispatchEvent(new StorageEvent('storage', { key: WORK_KEY, storageArea: localStorage }));
    expect(keys).toEqual([WORK_KEY, null]);
  });

  it.each([
    [new DOMException('full', 'QuotaExceededError'), true],
    [{ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 }, true],
    [{ name: 'Error', code: 22 }, true],
    [new DOMException('blocked', 'SecurityError'), false],
    [new TypeError('x'), false],
    [null, false],
  ])('isQuotaError(%s) is %s', (e, want) => {
    expect(isQuotaError(e)).toBe(want);
  });
});
