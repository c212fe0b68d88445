/**
 * Local storage that may be missing: a sandboxed iframe throws a SecurityError on the first touch
 * of `localStorage`, private modes and a full store throw QuotaExceededError on write. Every call
 * here returns a value instead of throwing, so autosave degrades to "not saved" (and says so)
 * and never breaks the page.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The browser's localStorage when it can be read and written, else undefined. */
export function browserStorage(): KeyValueStore | undefined {
  try {
    const s = globalThis.localStorage;
    if (!s) return undefined;
    const probe = 'rollout-lab.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return undefined;
  }
}

export function readItem(store: KeyValueStore | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** A write that failed: `quota` when the store is full (the previous value is still there). */
export type WriteResult = { ok: true } | { ok: false; quota: boolean; detail: string };

/**
 * QuotaExceededError as browsers name it: Chromium and WebKit (`QuotaExceededError`, legacy code
 * 22), Firefox (`NS_ERROR_DOM_QUOTA_REACHED`, code 1014).
 */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

/** Writes `value`; a failure comes back as data (a failed setItem leaves the old value in place). */
export function tryWrite(store: KeyValueStore | undefined, key: string, value: string): WriteResult {
  if (!store) return { ok: false, quota: false, detail: 'storage is not available' };
  try {
    store.setItem(key, value);
    return { ok: true };
  } catch (e) {
    return { ok: false, quota: isQuotaError(e), detail: e instanceof Error ? e.message : String(e) };
  }
}

/** False when the write failed (quota, blocked storage). */
export function writeItem(store: KeyValueStore | undefined, key: string, value: string): boolean {
  return tryWrite(store, key, value).ok;
}

export function removeItem(store: KeyValueStore | undefined, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing to do: the entry stays.
  }
}

/**
 * Calls `onChange` when another tab of this origin changes localStorage (the `storage` event
 * never fires in the tab that wrote). `key` is null when the other tab cleared everything.
 */
export function watchBrowserStorage(onChange: (key: string | null) => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const listener = (e: StorageEvent) => {
    let ours = true;
    try {
      ours = e.storageArea === null || e.storageArea === globalThis.localStorage;
    } catch {
      // localStorage itself is blocked: there is nothing to follow.
      ours = false;
    }
    if (ours) onChange(e.key);
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

/**
 * An in-memory store for tests. With `quota`, a write that would make the keys and values hold
 * more than `quota` characters throws QuotaExceededError like a full browser store.
 */
export function memoryStorage(
  initial: Record<string, string> = {},
  options: { quota?: number } = {},
): KeyValueStore & { data: Map<string, string>; quota: number } {
  const data = new Map(Object.entries(initial));
  const size = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const store = {
    data,
    quota: options.quota ?? Infinity,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      const old = data.get(k);
      const after = size() - (old === undefined ? 0 : k.length + old.length) + k.length + v.length;
      if (after > store.quota)
        throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return store;
}
