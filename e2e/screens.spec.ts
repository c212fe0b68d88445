import { expect, test } from '@playwright/test';
import { lab } from './lab.ts';

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`screenshot ${w}x${h} mid-rollout`, async ({ page }, info) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
    await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2'));
    await lab(page, (l) => l.advance(9));
    await page.screenshot({ path: info.outputPath(`app-${w}x${h}.png`) });
    await page.screenshot({ path: `test-results/screens/app-${w}x${h}.png` });
  });
}
