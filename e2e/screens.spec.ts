/**
 * Screenshots of the main states at the sizes the app must hold (projector to 1440p, tablet), in
 * light and dark, for review by eye (test-results/screens/, or SCREENS_DIR). They assert only that
 * nothing overflows the page sideways; layout regressions are caught by looking. `SCREENS=1` takes
 * all of them; the default run takes 1280×720 and the tablet in light.
 */
import { expect, test, type Page } from '@playwright/test';
import { lab } from './lab.ts';

const DIR = process.env['SCREENS_DIR'] ?? 'test-results/screens';

const SIZES = [
  [1280, 720],
  [1920, 1080],
  [2560, 1440],
  [820, 1180],
] as const;

test.use({ reducedMotion: 'no-preference' });

async function midRollout(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
  await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2'));
  await lab(page, (l) => l.advance(9.3));
  await expect(page.getByTestId('traffic-layer')).toHaveAttribute('data-dots', /^[1-9]/);
}

// The whole matrix with SCREENS=1 (for review); the default run keeps the projector and tablet shots.
const ALL = !!process.env['SCREENS'];

for (const scheme of ['light', 'dark'] as const) {
  for (const [w, h] of SIZES) {
    if (!ALL && (scheme === 'dark' || w > 1280)) continue;
    test(`screenshot ${w}x${h} ${scheme} mid-rollout`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: w, height: h });
      await midRollout(page);
      await page.screenshot({ path: `${DIR}/app-${w}x${h}-${scheme}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}

test('screenshot 1280x720 blue/green with nodes, Korean', async ({ page }) => {
  test.skip(!ALL, 'SCREENS=1 only');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('button', { name: '한국어' }).click();
  await page.getByRole('button', { name: '블루/그린' }).click();
  await lab(page, (l) => l.advance(12));
  await page.getByRole('button', { name: '노드' }).click();
  await page.screenshot({ path: `${DIR}/app-1280x720-ko-bluegreen-nodes.png` });
  await page.getByRole('button', { name: 'EN', exact: true }).click();
});
