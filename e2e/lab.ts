import type { Page } from '@playwright/test';
import type { RolloutLabHook, RolloutLabState } from '../web/rolloutLab.d.ts';

/** Runs `fn` against the app's test hook (virtual time, never sleeps). */
export async function lab<T>(page: Page, fn: (l: RolloutLabHook) => T): Promise<T> {
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  return page.evaluate(`(${fn.toString()})(window.__rolloutLab)`) as Promise<T>;
}

export const state = (page: Page): Promise<RolloutLabState> => lab(page, (l) => l.state());
