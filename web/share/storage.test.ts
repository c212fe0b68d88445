import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserStorage, memoryStorage, readItem, removeItem, writeItem } from './storage.ts';

describe('storage that may be missing', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses localStorage when it can be written', () => {
    expect(browserStorage()).toBe(globalThis.localStorage);
  });

  it('is undefined when touching localStorage throws a SecurityError (sandboxed iframe)', () => {
    vi.stubGlobal('localStorage', undefined);
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException(
          'The document is sandboxed and lacks the allow-same-origin flag.',
          'SecurityError',
        );
      },
    });
    expect(browserStorage()).toBeUndefined();
  });

  it('reports a failed write instead of throwing (quota)', () => {
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(writeItem(full, 'k', 'v')).toBe(false);
    expect(writeItem(undefined, 'k', 'v')).toBe(false);
    expect(readItem(undefined, 'k')).toBeNull();
    expect(() => removeItem(undefined, 'k')).not.toThrow();
  });
});
