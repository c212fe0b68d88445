import type { Locator, Page } from '@playwright/test';
import type { RolloutLabHook, RolloutLabState } from '../web/rolloutLab.d.ts';

/** Runs `fn` against the app's test hook (virtual time, never sleeps). */
export async function lab<T>(page: Page, fn: (l: RolloutLabHook) => T): Promise<T> {
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  return page.evaluate(`(${fn.toString()})(window.__rolloutLab)`) as Promise<T>;
}

export const state = (page: Page): Promise<RolloutLabState> => lab(page, (l) => l.state());

/**
 * The font size, in screen pixels, of the first small label (`text.tiny`) of the diagram in
 * `within`: its CSS size times the SVG's scale.
 */
export function smallestTextPx(within: Page | Locator): Promise<number> {
  return within
    .locator('svg.diagram text.tiny')
    .first()
    .evaluate((el) => {
      const svg = el.closest('svg')!;
      const unit = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return parseFloat(getComputedStyle(el).fontSize) * unit;
    });
}
