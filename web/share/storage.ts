/**
 * Local storage that may be missing: a sandboxed iframe throws a SecurityError on the first touch
 * of `localStorage`, private modes throw QuotaExceededError on write. Every call here returns a
 * value instead of throwing, so autosave degrades to "not saved" and never breaks the page.
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

/** False when the write failed (quota, blocked storage). */
export function writeItem(store: KeyValueStore | undefined, key: string, value: string): boolean {
  if (!store) return false;
  try {
    store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeItem(store: KeyValueStore | undefined, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing to do: the entry stays.
  }
}

/** An in-memory store for tests. */
export function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
