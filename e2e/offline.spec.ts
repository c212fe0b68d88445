/**
 * Offline: after one visit the app opens with the network cut (the service worker of
 * web/offline), lazily loaded parts and lessons included, and the browser finds it installable.
 */
import { expect, test } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

test('the app opens without a network after one visit', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
  // Installed, activated and in control of this page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeVisible();
  await expect(page.getByRole('img', { name: /requests per second over time/ })).toBeVisible();
  // A lesson link, and the YAML editor (its own chunk), offline too.
  await page.goto('/?lesson=rolling-update');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 9');
  await page.getByRole('button', { name: 'YAML editor' }).click();
  await expect(page.getByRole('textbox', { name: 'YAML manifest' })).toContainText('kind: Deployment');
  await context.setOffline(false);
});

test('the browser can install it as an app', async ({ page, context }) => {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito, where no browser installs apps: that one is not ours.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});

test.describe('a part that cannot be fetched', () => {
  // Requests go to the network, where the test cuts them (not answered by the service worker).
  test.use({ serviceWorkers: 'block' });

  test('says so where it would be, and is fetched again on request', async ({ page }) => {
    // The YAML editor's code is out of reach (the network dropped, or a new version of the site
    // replaced its chunk): the lab keeps working, with what is on screen. (A new try asks for the
    // chunk with a query: the browser keeps the failed module's own URL as failed.)
    const editor = /\/assets\/YamlEditor-[^/]*\.js(\?[^/]*)?$/;
    await page.route(editor, (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await page.getByRole('button', { name: 'Rolling update' }).click();
    await page.getByRole('button', { name: 'YAML editor' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'This part of the lab could not be loaded' });
    await expect(notice).toBeVisible();
    await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeVisible();
    // Still out of reach: the button says so again, and stays.
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect(notice.getByRole('button', { name: 'Try again' })).toBeEnabled();
    await page.unroute(editor);
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('textbox', { name: 'YAML manifest' })).toContainText('kind: Deployment');
    await expect(notice).toHaveCount(0);
  });
});
