/**
 * Presentation mode: entered with P or the button, operated by keyboard and clicker keys
 * (PageDown/→/Space, PageUp/←, B, Esc); a presenter window and an audience window follow it over
 * the BroadcastChannel; screenshots at 1280×720 and 1920×1080 for review.
 */
import { expect, test, type Page } from '@playwright/test';
import { lab, smallestTextPx, state } from './lab.ts';

const root = (page: Page) => page.getByTestId('present.root');
const progress = (page: Page) => page.getByTestId('present.progress');

test('presentation mode is reachable and operable by keyboard and clicker keys', async ({ page }) => {
  await page.goto('/?lesson=rolling-update');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 9');
  // The spec moves time itself: playing towards a stop waits for it.
  await lab(page, (l) => l.hold());
  await page.keyboard.press('p');
  await expect(root(page)).toBeVisible();
  await expect(progress(page)).toHaveText('Stop 1 of 9');
  // The chrome is hidden: no console, no side panel.
  await expect(page.getByTestId('lesson.panel')).toBeHidden();
  // At a question PageDown first shows the answer; then it plays to the next stop, and a third
  // press skips the rest of the animation.
  await page.keyboard.press('PageDown');
  await expect(root(page).getByRole('status').filter({ hasText: 'Answer: 13' })).toBeVisible();
  expect((await state(page)).t).toBeCloseTo(20, 3);
  // The controllers' newest reason says when it was given: at the start, not now.
  await expect(root(page).getByTestId('present.why')).toHaveText(/^0:00\.0 · The pod template changed/);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(progress(page)).toHaveText('Stop 2 of 9');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await lab(page, (l) => l.advance(30));
  await expect(progress(page)).toHaveText('Stop 3 of 9');
  expect((await state(page)).t).toBeCloseTo(31, 3);
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(progress(page)).toHaveText('Stop 4 of 9');
  await page.keyboard.press('PageUp');
  await expect(progress(page)).toHaveText('Stop 3 of 9');
  await page.keyboard.press('ArrowLeft');
  await expect(progress(page)).toHaveText('Stop 2 of 9');
  await page.keyboard.press('b');
  await expect(page.getByTestId('present.blank')).toBeVisible();
  await page.keyboard.press('B');
  await expect(page.getByTestId('present.blank')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(root(page)).toBeHidden();
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 2 of 9');
  // The header button enters it too.
  await page.getByTestId('present.enter').click();
  await expect(root(page)).toBeVisible();
});

test('Present without a lesson opens the picker first, and presents the lesson picked', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('present.enter').click();
  const picker = page.getByRole('dialog', { name: 'Choose a lesson to present' });
  await expect(picker).toBeVisible();
  await picker.getByRole('button', { name: /The Recreate strategy/ }).click();
  await expect(root(page)).toBeVisible();
  await expect(progress(page)).toHaveText('Stop 1 of 3');
  // Lessons picked from the header's Lessons are not presented.
  await page.keyboard.press('Escape');
  await expect(root(page)).toBeHidden();
  await page.getByRole('button', { name: 'Lessons' }).click();
  const lessons = page.getByRole('dialog', { name: 'Lessons' });
  await lessons.getByRole('button', { name: /Rolling update The default strategy/ }).click();
  await expect(page.getByTestId('lesson.progress')).toHaveText(/^Stop 1 of/);
  await expect(root(page)).toBeHidden();
});

test('the presenter window and an audience window follow the presentation', async ({ page, context }) => {
  await page.goto('/?lesson=canary');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 4');
  // Time moves only when the spec says: a press that plays on cannot arrive before the next press
  // (which would then play on from the stop it meant to skip to).
  await lab(page, (l) => l.hold());
  await page.keyboard.press('p');
  await expect(root(page)).toBeVisible();

  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Presenter view' }).click(),
  ]);
  await expect(presenter.getByTestId('presenter.progress')).toHaveText('Stop 1 of 4');
  await expect(presenter.getByTestId('presenter.say')).toContainText('Three pods of v1');
  await expect(presenter.getByTestId('presenter.next')).toContainText('The canary');
  await expect(presenter.getByRole('timer')).toContainText('Elapsed');

  const audience = await context.newPage();
  await audience.goto('/?audience=1&lesson=canary');
  await expect(audience.getByTestId('present.root')).toBeVisible();
  await expect(audience.getByTestId('present.progress')).toHaveText('Stop 1 of 4');

  // The presenting window shows the answer, then moves: both follow.
  await page.bringToFront();
  await page.keyboard.press('PageDown');
  await expect(audience.getByTestId('present.root').getByRole('status')).toContainText('Answer:');
  await expect(audience.getByTestId('present.revealHint')).toHaveCount(0);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(progress(page)).toHaveText('Stop 2 of 4');
  await expect(presenter.getByTestId('presenter.progress')).toHaveText('Stop 2 of 4');
  await expect(audience.getByTestId('present.progress')).toHaveText('Stop 2 of 4');
  await expect(audience.getByTestId('present.say')).toContainText('The canary');

  // The presenter drives: Next three times (the answer, play, skip), Blank.
  await presenter.getByRole('button', { name: 'Next ▶' }).click();
  await presenter.getByRole('button', { name: 'Next ▶' }).click();
  await presenter.getByRole('button', { name: 'Next ▶' }).click();
  await expect(progress(page)).toHaveText('Stop 3 of 4');
  await expect(presenter.getByTestId('presenter.progress')).toHaveText('Stop 3 of 4');
  await expect(audience.getByTestId('present.progress')).toHaveText('Stop 3 of 4');
  expect((await state(audience)).t).toBeCloseTo(55, 3);
  await presenter.getByRole('button', { name: 'Blank' }).click();
  await expect(page.getByTestId('present.blank')).toBeVisible();
  await expect(audience.getByTestId('present.blank')).toBeVisible();
  await presenter.keyboard.press('b');
  await expect(page.getByTestId('present.blank')).toBeHidden();
  await presenter.keyboard.press('ArrowLeft');
  await expect(progress(page)).toHaveText('Stop 2 of 4');
  // The audience window is read-only: its keys do nothing.
  await audience.keyboard.press('PageDown');
  await audience.keyboard.press('Escape');
  await expect(audience.getByTestId('present.root')).toBeVisible();
  await expect(progress(page)).toHaveText('Stop 2 of 4');
});

test('on a projector the diagram grows to fill the stage, and keeps its size as the rollout adds a lane', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?lesson=rolling-update');
  await lab(page, (l) => l.hold());
  await page.keyboard.press('p');
  await expect(root(page)).toBeVisible();
  const box = root(page).locator('.diagram-box');
  const lanes = root(page).locator('svg.diagram g.lane');
  const scale = async () => Number(await box.getAttribute('data-scale'));
  await expect(lanes).toHaveCount(1);
  const first = await scale();
  // A 1,920 px stage starts at 1.4; the presentation draws larger than that.
  expect(first).toBeGreaterThan(1.5);
  expect(await smallestTextPx(root(page))).toBeGreaterThanOrEqual(16);
  // Into the rolling update: the new ReplicaSet's lane comes, and the drawing keeps its size.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(progress(page)).toHaveText('Stop 2 of 9');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await lab(page, (l) => l.advance(5));
  await expect(lanes).toHaveCount(2);
  expect(await scale()).toBe(first);
  // Whole, and clear of the narration under it.
  const drawn = (await root(page).locator('svg.diagram').boundingBox())!;
  const text = (await root(page).locator('.present-text').boundingBox())!;
  expect(drawn.y).toBeGreaterThanOrEqual(0);
  expect(drawn.y + drawn.height).toBeLessThanOrEqual(text.y + 1);
});

test('a long stop text is set smaller to fit the projector, not cut off', async ({ page }) => {
  // Blue/green's second stop with its answer shown, under the first stop's: the longest text.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?lesson=blue-green&stop=2');
  await expect(page.getByTestId('lesson.panel')).toBeVisible();
  await page.keyboard.press('p');
  await expect(root(page)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(root(page)).toContainText('Answer: It stays Pending');
  const text = root(page).locator('.present-text');
  const fits = () => text.evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
  await expect.poll(fits).toBe(true);
  // Smaller, but still read from the back of the room: at least three quarters of the size.
  const size = (sel: string) =>
    page.evaluate((q) => parseFloat(getComputedStyle(document.querySelector(q)!).fontSize), sel);
  expect(await size('.present-say')).toBeGreaterThanOrEqual(0.75 * (await size('.present')));
  await expect(root(page).getByText(/The pod template changed/)).toBeInViewport();
});

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`presentation screenshots at ${w}×${h}`, async ({ browser }, info) => {
    for (const [lesson, stop, lang] of [
      ['rolling-update', 4, 'en'],
      ['rolling-update', 2, 'ko'],
      ['blue-green', 4, 'en'],
    ] as const) {
      // A fresh browser profile per shot (no autosaved work): the lesson opens at its stop.
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`${info.project.use.baseURL ?? ''}/?lesson=${lesson}&stop=${stop}`);
      await expect(page.getByTestId('lesson.panel')).toBeVisible();
      await page
        .getByRole('group', { name: /Language|언어/ })
        .getByRole('button', { name: lang === 'ko' ? '한국어' : 'EN' })
        .click();
      await page.keyboard.press('p');
      await expect(root(page)).toBeVisible();
      await expect(progress(page)).toContainText(lang === 'ko' ? `멈춤 ${stop}` : `Stop ${stop}`);
      // Nothing in the narration or the footer is cut off.
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll('.present-text, .present-foot, .present-say, .present-foot > *')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.className),
      );
      expect(clipped).toEqual([]);
      await page.screenshot({ path: info.outputPath(`present-${lesson}-${stop}-${lang}-${w}x${h}.png`) });
      await context.close();
    }
  });
}
