/**
 * Where the keyboard's focus goes: it never gets stuck in the console, stays on an action button
 * that was pressed, comes back to the control that opened a dialog or view, and stays inside
 * presentation mode. Keyboard-only journeys, asserting the focused element after each key.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './scenes.ts';

/** What has focus, for messages: tag, id and accessible name when there is one. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30);
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${name}`;
  });

const notOnBody = async (page: Page) => expect.poll(() => focused(page)).not.toMatch(/^body /);

test.describe('the console', () => {
  const input = (page: Page) => page.getByRole('textbox', { name: 'kubectl command' });

  test('Tab completes, then moves on once there is nothing new to add; Shift+Tab always goes back', async ({
    page,
  }) => {
    await openApp(page);
    await page.keyboard.press('/');
    await expect(input(page)).toBeFocused();
    await page.keyboard.type('kubectl get');
    // The command's name, then the list of resource types (nothing to add to the line).
    await page.keyboard.press('Tab');
    await expect(input(page)).toHaveValue('kubectl get ');
    await expect(input(page)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('.console .hint')).toContainText('deployments');
    await expect(input(page)).toBeFocused();
    // Listed already: the next Tab leaves the prompt, as Tab does everywhere else.
    await page.keyboard.press('Tab');
    await expect(input(page)).not.toBeFocused();
    await notOnBody(page);
    await expect(input(page)).toHaveValue('kubectl get ');
    // Shift+Tab from the prompt goes back, whatever completion could do.
    await input(page).focus();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('log', { name: 'kubectl output' })).toBeFocused();
  });

  test('Tab ×5 and Shift+Tab ×5 after `kubectl get pods` leave the prompt', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('/');
    await expect(input(page)).toBeFocused();
    await page.keyboard.type('kubectl get pods');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    await expect(input(page)).not.toBeFocused();
    // It completed on the way: the type, then the pods' common prefix.
    await expect(input(page)).toHaveValue(/^kubectl get pods kubia-\S+-$/);
    await input(page).focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
    await expect(input(page)).not.toBeFocused();
    await expect(input(page)).toHaveValue(/^kubectl get pods kubia-\S+-$/);
  });
});
