/**
 * Where the keyboard's focus goes: it never gets stuck in the console, stays on an action button
 * that was pressed, comes back to the control that opened a dialog or view, and stays inside
 * presentation mode. Keyboard-only journeys, asserting the focused element after each key.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lab, state } from './lab.ts';
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

/** Focus `el` and press Enter on it: a keyboard user's press of a control. */
async function pressOn(el: Locator, key = 'Enter') {
  await el.focus();
  await expect(el).toBeFocused();
  await el.page().keyboard.press(key);
}

const steps = (page: Page) => state(page).then((s) => s.steps.length);

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

test.describe('the actions', () => {
  test('a pressed action button keeps the focus, and the form shows the Deployment as it is now', async ({
    page,
  }) => {
    await openApp(page);
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const replicas = page.getByRole('spinbutton', { name: 'Replicas' });
    await expect(replicas).toHaveValue('3');

    await pressOn(button('Rolling update'));
    await expect.poll(() => steps(page)).toBe(1);
    await expect(button('Rolling update')).toBeFocused();

    // Pause disables itself: the focus goes to Resume beside it, and back.
    await pressOn(button('Pause rollout'));
    await expect(button('Pause rollout')).toBeDisabled();
    await expect(button('Resume rollout')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(button('Resume rollout')).toBeDisabled();
    await expect(button('Pause rollout')).toBeFocused();

    await replicas.focus();
    await page.keyboard.press('ArrowUp');
    await expect(replicas).toHaveValue('4');
    await pressOn(button('Scale'));
    await expect.poll(async () => (await state(page)).deployments[0]?.replicas).toBe(4);
    await expect(button('Scale')).toBeFocused();

    await pressOn(button('Roll back'));
    await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText('rolled back');
    await expect(button('Roll back')).toBeFocused();

    await pressOn(button('Recreate'));
    await expect(page.getByTestId('actions.strategy')).toContainText('Recreate');
    await expect(button('Recreate')).toBeFocused();

    // A change made elsewhere (the console) shows in the form; stepping back shows the earlier one.
    await lab(page, (l) => l.advance(5));
    await page.keyboard.press('/');
    await page.keyboard.type('kubectl scale deployment/kubia --replicas=6');
    await page.keyboard.press('Enter');
    await expect(replicas).toHaveValue('6');
    await lab(page, (l) => l.advance(2));
    await button('Scale').focus();
    const specReplicas = () => state(page).then((s) => s.deployments[0]?.replicas);
    for (let i = 0; i < 20 && (await specReplicas()) === 6; i++) await page.keyboard.press('ArrowLeft');
    expect(await specReplicas()).toBe(4);
    await expect(replicas).toHaveValue('4');
    await expect(button('Scale')).toBeFocused();
  });
});

test('a pod focused before the animation code arrives keeps the focus when it is drawn animated', async ({
  page,
}) => {
  // The animated glyphs' code held back until the still glyph has the focus.
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  await page.route(/AnimatedPods[-.][^/]*\.(js|tsx)(\?.*)?$/, async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page);
  const first = page.getByRole('button', { name: /^Pod kubia-/ }).first();
  const name = ((await first.getAttribute('aria-label')) ?? '').match(/^Pod (\S+),/)![1]!;
  const pod = page.getByRole('button', { name: new RegExp(`^Pod ${name},`) });
  await pod.focus();
  await expect(pod).toBeFocused();
  const still = await pod.elementHandle();
  release();
  // The still glyph is replaced by an animated one: a new element, which has the focus.
  await expect.poll(() => still!.evaluate((e) => e.isConnected)).toBe(false);
  await expect(pod).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Pod ${name}` })).toBeVisible();
});

test.describe('closing a dialog or view gives the focus back to what opened it', () => {
  /** Opened by keyboard, closed by Esc, opened again with Enter and closed by its Close button. */
  async function escAndClose(page: Page, opener: Locator, dialog: Locator): Promise<void> {
    await pressOn(opener);
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await pressOn(dialog.getByRole('button', { name: 'Close' }));
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  }

  test('Share: Esc and Close', async ({ page }) => {
    await openApp(page);
    await escAndClose(
      page,
      page.getByRole('button', { name: 'Share', exact: true }),
      page.getByRole('dialog', { name: 'Share this moment' }),
    );
  });

  test('Lessons: Esc and ✕', async ({ page }) => {
    await openApp(page);
    await escAndClose(page, page.getByTestId('lessons.open'), page.getByRole('dialog', { name: 'Lessons' }));
  });

  test('Keyboard shortcuts: ✕', async ({ page }) => {
    await openApp(page);
    const keys = page.getByRole('button', { name: 'Keyboard shortcuts' });
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await pressOn(keys);
    await expect(sheet).toBeVisible();
    await pressOn(sheet.getByRole('button', { name: 'Close' }));
    await expect(sheet).toBeHidden();
    await expect(keys).toBeFocused();
  });

  test('Compare: Esc', async ({ page }) => {
    await openApp(page);
    const compare = page.getByTestId('compare.open');
    await pressOn(compare);
    await expect(page.getByTestId('compare.root')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('compare.root')).toBeHidden();
    await expect(compare).toBeFocused();
  });

  test('Connect: Esc and Cancel', async ({ page }) => {
    await openApp(page);
    const connect = page.getByTestId('follow.open');
    const dialog = page.getByTestId('follow.dialog');
    await pressOn(connect);
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('follow.url')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(connect).toBeFocused();
    await page.keyboard.press('Enter');
    await pressOn(dialog.getByRole('button', { name: 'Cancel' }));
    await expect(dialog).toBeHidden();
    await expect(connect).toBeFocused();
  });

  test('Pod details: Esc and Close, back on the pod', async ({ page }) => {
    await openApp(page);
    const pods = page.getByRole('button', { name: /^Pod kubia-/ });
    const first = pods.first();
    const name = ((await first.getAttribute('aria-label')) ?? '').match(/^Pod (\S+),/)![1]!;
    const pod = page.getByRole('button', { name: new RegExp(`^Pod ${name},`) });
    const details = page.getByRole('heading', { name: `Pod ${name}` });
    await pressOn(pod);
    await expect(details).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
    await expect(pod).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(details).toBeVisible();
    await pressOn(page.locator('.pod-details').getByRole('button', { name: 'Close' }));
    await expect(details).toBeHidden();
    await expect(pod).toBeFocused();
    // Its pod gone (deleted, then removed), the focus lands on the diagram, not on the page.
    await pressOn(pod);
    await pressOn(page.getByRole('button', { name: 'Delete pod' }));
    await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(`pod "${name}" deleted`);
    await lab(page, (l) => l.advance(40));
    await expect(pod).toHaveCount(0);
    await page.locator('.pod-details').getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await expect(details).toBeHidden();
    await notOnBody(page);
  });

  test('Presentation: Esc and Leave', async ({ page }) => {
    await openApp(page, '/?lesson=rolling-update');
    await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 9');
    const present = page.getByTestId('present.enter');
    const root = page.getByTestId('present.root');
    await pressOn(present);
    await expect(root).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(root).toBeHidden();
    await expect(present).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(root).toBeVisible();
    await pressOn(root.getByRole('button', { name: 'Leave' }));
    await expect(root).toBeHidden();
    await expect(present).toBeFocused();
  });
});

test('presentation keeps Tab inside it: the app underneath is out of reach', async ({ page }) => {
  await openApp(page, '/?lesson=rolling-update');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 9');
  await lab(page, (l) => l.hold());
  const root = page.getByTestId('present.root');
  await pressOn(page.getByTestId('present.enter'));
  await expect(root).toBeVisible();
  // Inside the presentation, or past its ends in the browser's own controls (the page has no
  // focused element then); never on the skip links, the console or the timeline behind it.
  const where = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'browser';
      return el.closest('[data-testid="present.root"]') ? 'presentation' : el.outerHTML.slice(0, 80);
    });
  for (const key of ['Tab', 'Shift+Tab'])
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press(key);
      expect(['presentation', 'browser'], `${key} ×${i + 1}`).toContain(await where());
    }
});

test('P inside a dialog does not present underneath it; Esc closes the dialog', async ({ page }) => {
  await openApp(page, '/?lesson=rolling-update');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 9');
  const root = page.getByTestId('present.root');
  // Present once, so that presentation mode has loaded and would show at once.
  await page.keyboard.press('p');
  await expect(root).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(root).toBeHidden();
  const frames = () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The shortcuts sheet, focus on its ✕.
  await page.locator('body').press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await page.keyboard.press('p');
  await frames();
  await expect(root).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(root).toHaveCount(0);
  // Share, focus on its Copy button.
  await pressOn(page.getByRole('button', { name: 'Share', exact: true }));
  const share = page.getByRole('dialog', { name: 'Share this moment' });
  await expect(share).toBeVisible();
  await share.getByRole('button', { name: 'Copy' }).first().focus();
  await page.keyboard.press('p');
  await frames();
  await expect(root).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();
  await expect(root).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeFocused();
});

test('? opens the shortcuts above the presentation; Esc closes the sheet, then the presentation', async ({
  page,
}) => {
  await openApp(page, '/?lesson=rolling-update');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 9');
  await lab(page, (l) => l.hold());
  const root = page.getByTestId('present.root');
  await page.keyboard.press('p');
  await expect(root).toBeVisible();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Leave presentation mode');
  // The sheet's keys are its own: arrows and Space do not move the lesson.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('present.progress')).toHaveText('Stop 1 of 9');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(root).toBeVisible();
  await expect(root).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(root).toBeHidden();
});

test('the presenter window: keys typed in the audience link stay there', async ({ page, context }) => {
  await openApp(page, '/?lesson=canary');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 4');
  await lab(page, (l) => l.hold());
  await page.keyboard.press('p');
  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Presenter view' }).click(),
  ]);
  await expect(presenter.getByTestId('presenter.progress')).toHaveText('Stop 1 of 4');
  const link = presenter.getByRole('textbox', { name: /audience/i });
  await link.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'End', 'ArrowLeft', 'PageDown', 'b', 'r'])
    await presenter.keyboard.press(key);
  // Outside the field the clicker keys still drive the lesson (had the field's b blanked the
  // screen, this one would show it again); the field's arrows moved nothing.
  await presenter.getByRole('heading', { level: 1 }).click();
  await presenter.keyboard.press('b');
  await expect(page.getByTestId('present.blank')).toBeVisible();
  await presenter.keyboard.press('b');
  await expect(page.getByTestId('present.blank')).toBeHidden();
  await expect(page.getByTestId('present.progress')).toHaveText('Stop 1 of 4');
  await expect(page.getByTestId('present.root').getByRole('status')).toHaveCount(0);
});
