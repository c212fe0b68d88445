/**
 * Keyboard only: skip links put the actions and playback one key away, Space plays whatever has
 * focus (and never presses the focused button again), `?` lists the shortcuts.
 */
import { expect, test, type Page } from '@playwright/test';
import { state } from './lab.ts';
import { openApp } from './scenes.ts';

const playing = (page: Page) => state(page).then((s) => s.playing);

test('open the app, start a rolling update and play it in three keys after the first Tab', async ({
  page,
}) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to actions' })).toBeFocused();
  const keys = ['Enter', 'Enter', 'Space'];
  await page.keyboard.press(keys[0]!);
  await expect(page.getByRole('button', { name: 'Rolling update' })).toBeFocused();
  await page.keyboard.press(keys[1]!);
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(
    'deployment.apps/kubia image updated',
  );
  await page.keyboard.press(keys[2]!);
  await expect.poll(() => playing(page)).toBe(true);
  expect(keys.length).toBeLessThanOrEqual(6);
  // Space again pauses; the focused action never runs a second time.
  await page.keyboard.press('Space');
  await expect.poll(() => playing(page)).toBe(false);
  expect((await state(page)).steps.filter((s) => s.run.startsWith('kubectl set image'))).toHaveLength(1);
});

test('Space plays and arrows step whatever button has focus', async ({ page }) => {
  await openApp(page);
  const scale = page.getByRole('button', { name: 'Scale', exact: true });
  await scale.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await state(page)).steps.length).toBe(1);
  await page.keyboard.press('Space');
  await expect.poll(() => playing(page)).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(() => playing(page)).toBe(false);
  expect((await state(page)).steps).toHaveLength(1);
  await expect(scale).toBeFocused();
  const t = (await state(page)).t;
  await page.keyboard.press('ArrowLeft');
  expect((await state(page)).t).toBeLessThan(t);
  await page.keyboard.press('ArrowRight');
  expect((await state(page)).t).toBeGreaterThan((await state(page)).t - 1e-9);
});

test('on the time slider, Space, / and ? still work, and the arrows move the slider', async ({ page }) => {
  await openApp(page);
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.focus();
  const t = (await state(page)).t;
  // The slider's own keys: a tenth of a second a press, not a step to the next controller action.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await state(page)).t).toBeCloseTo(t - 0.1, 3);
  await page.keyboard.press('Space');
  await expect.poll(() => playing(page)).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(() => playing(page)).toBe(false);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(slider).toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeFocused();
});

test('skip to playback, and to the console', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to playback' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeFocused();
  // From a button, / goes to the console.
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeFocused();
  // Typing keeps its keys: Space is a space, ? a question mark.
  await page.keyboard.type('kubectl get ?');
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toHaveValue('kubectl get ?');
  expect(await playing(page)).toBe(false);
});

test('/ pressed while the console is still loading focuses it once it is there', async ({ page }) => {
  // Hold the console's code back until / has been pressed.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/Console-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('svg.diagram')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toHaveCount(0);
  await page.keyboard.press('/');
  release();
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeFocused();
});

test('? lists the shortcuts in a dialog that Esc closes', async ({ page }) => {
  await openApp(page);
  await page.locator('body').press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Play or pause');
  // Inside the dialog, Space is the dialog's (it does not play).
  await page.keyboard.press('Space');
  await expect(sheet).toBeHidden();
  expect(await playing(page)).toBe(false);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('in a lesson, the first Tab offers the lesson', async ({ page }) => {
  await openApp(page, '/?lesson=rolling-update');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 9');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the lesson' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Stop 1 asks for a number: its field has focus.
  await expect(page.getByTestId('lesson.number')).toBeFocused();
});
