/**
 * Autosave never loses work: each sequence that used to destroy saved work ends with it either
 * open again or kept as a recovery copy the user can download; two tabs never silently save over
 * each other; a full localStorage is reported. Virtual time moves through the test hook.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { defaultScenario } from '../web/lab/defaultScenario.ts';
import { lab, state } from './lab.ts';

const WORK_KEY = 'rollout-lab.work';
/** Screenshots to review (another directory with SHARE_SHOTS=…). */
const SHOTS = process.env['SHARE_SHOTS'] ?? 'test-results/share';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
] as const;

const open = async (page: Page, url = '/') => {
  await page.goto(url);
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  await expect(page.getByRole('group', { name: 'Scenario' }).first()).toBeVisible();
};

/** Writes localStorage for the app's origin from a blank page of that origin (the app never runs). */
async function seed(page: Page, entries: Record<string, string>): Promise<void> {
  await page.route('**/seed.html', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  await page.goto('/seed.html');
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  await page.unroute('**/seed.html');
}

const savedWork = (page: Page) => page.evaluate((k) => localStorage.getItem(k), WORK_KEY);
interface WorkFile {
  at: number;
  scenario: { metadata: { name: string }; spec: { steps: { run: string }[] } };
}
const stepsOf = (text: string | null) =>
  text ? (JSON.parse(text) as WorkFile).scenario.spec.steps.map((s) => s.run) : [];

async function typeCommand(page: Page, command: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill(command);
  await input.press('Enter');
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/autosave-${name}-${size.width}.png` });
  }
  await page.setViewportSize(SIZES[0]);
}

/** Clicks "Download it" in the notice and returns the file's name and text. */
async function downloadFromNotice(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('share.notice').getByRole('button', { name: 'Download it' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/**
 * After a reload, the work saved before it is recoverable: it opened again (its steps, at least
 * `atLeast` seconds), or the notice says it could not be opened and Download gives it back.
 * (Which one depends on the app's caps; losing it is the only wrong answer.)
 */
async function expectRecoverable(page: Page, want: { steps: string[]; atLeast?: number }): Promise<void> {
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  const download = page.getByTestId('share.notice').getByRole('button', { name: 'Download it' });
  const opened = async () => {
    const s = await state(page);
    return want.steps.every((r) => s.steps.some((x) => x.run === r)) && s.t >= (want.atLeast ?? 0);
  };
  await expect.poll(async () => (await opened()) || (await download.isVisible())).toBe(true);
  if (await opened()) return;
  await expect(page.getByRole('alert')).toContainText('kept in this browser as a recovery copy');
  const file = await downloadFromNotice(page);
  const work = JSON.parse(file.text) as WorkFile;
  expect(work.scenario.spec.steps.map((s) => s.run)).toEqual(expect.arrayContaining(want.steps));
  expect(work.at).toBeGreaterThanOrEqual(want.atLeast ?? 0);
  // The copy survives the next start-up too, and autosave saves beside it.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'could not be opened is kept' })).toBeVisible();
  expect(await savedWork(page)).not.toBeNull();
}

const SET_IMAGE = 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2';
/** Every test here reloads or drives two tabs several times: room for a busy CI machine. */
test.describe.configure({ timeout: 90_000 });

test.describe('each sequence that lost saved work ends with it recoverable', () => {
  test('typing a scale to 1,001 replicas, then reloading', async ({ page }) => {
    await open(page);
    await typeCommand(page, SET_IMAGE);
    await typeCommand(page, 'kubectl scale deployment/kubia --replicas=1001');
    await expect
      .poll(async () => stepsOf(await savedWork(page)))
      .toContain('kubectl scale deployment/kubia --replicas=1001');
    await page.reload();
    await expectRecoverable(page, { steps: [SET_IMAGE, 'kubectl scale deployment/kubia --replicas=1001'] });
  });

  test('playing past an hour, then reloading', async ({ page }) => {
    await open(page);
    await typeCommand(page, SET_IMAGE);
    await lab(page, (l) => l.seek(3595));
    await lab(page, (l) => l.play(16));
    await expect.poll(async () => (await state(page)).t, { timeout: 30_000 }).toBeGreaterThan(3601);
    await lab(page, (l) => l.pause());
    await expect
      .poll(async () => (JSON.parse((await savedWork(page))!) as WorkFile).at)
      .toBeGreaterThan(3601);
    await page.reload();
    await expectRecoverable(page, { steps: [SET_IMAGE], atLeast: 3601 });
  });

  test('a patch that gives the image a number, then reloading', async ({ page }) => {
    const poisoned = `kubectl patch deployment kubia -p '{"spec":{"template":{"spec":{"containers":[{"name":"nodejs","image":1.5}]}}}}'`;
    await open(page);
    await typeCommand(page, SET_IMAGE);
    await typeCommand(page, poisoned);
    await page.getByRole('button', { name: 'Nodes', exact: true }).click();
    await expect.poll(async () => stepsOf(await savedWork(page))).toContain(poisoned);
    await page.reload();
    await expectRecoverable(page, { steps: [SET_IMAGE, poisoned] });
  });
});

/** Saved work built by hand (the format autosave writes). */
const stored = (scenario: object, at = 40) => JSON.stringify({ v: 1, scenario, at, view: { lang: 'en' } });
const mine = (() => {
  const s = defaultScenario();
  s.metadata.name = 'mine';
  s.spec.steps = [{ at: 25, run: 'kubectl scale deployment/kubia --replicas=5' }];
  return s;
})();
const refused = (() => {
  const s = structuredClone(mine);
  s.spec.manifests = s.spec.manifests.replace('"replicas": 3', '"replicas": -1');
  return s;
})();

for (const [name, text, message] of [
  ['corrupted', stored(mine).slice(0, 200), 'Your saved work could not be read.'],
  [
    'from a future version',
    stored(mine).replace('"v":1', '"v":2'),
    'Your saved work was made by a newer version',
  ],
  ['refused by the cluster', stored(refused), 'The simulated cluster refused this scenario.'],
] as const)
  test(`saved work that is ${name} is kept, downloadable exactly as stored, and discarded only when asked`, async ({
    page,
  }) => {
    await seed(page, { [WORK_KEY]: text });
    await open(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('not overwritten: it is kept in this browser as a recovery copy');
    expect((await state(page)).steps).toEqual([]);
    // Autosave goes on with the example beside the copy.
    await typeCommand(page, SET_IMAGE);
    await expect.poll(async () => stepsOf(await savedWork(page))).toEqual([SET_IMAGE]);
    const file = await downloadFromNotice(page);
    expect(file.text).toBe(text);
    expect(file.name).toMatch(/\.saved-work\.json$/);
    if (name === 'refused by the cluster') {
      await screenshots(page, 'recovery');
      await page.getByRole('button', { name: '한국어' }).click();
      await expect(page.getByRole('alert')).toContainText('복구용 사본');
      await screenshots(page, 'recovery-ko');
      await page.getByRole('button', { name: 'EN', exact: true }).click();
    }

    // Still there after a reload; Discard asks first.
    await page.reload();
    const reminder = page.getByRole('status').filter({ hasText: 'could not be opened is kept' });
    await expect(reminder).toBeVisible();
    await reminder.getByRole('button', { name: 'Discard' }).click();
    const confirm = page.getByRole('dialog', { name: 'Discard the saved work?' });
    await expect(confirm).toBeVisible();
    if (name === 'refused by the cluster') {
      await screenshots(page, 'discard');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await page.reload();
      await expect(reminder).toBeVisible();
      await screenshots(page, 'reminder');
      await reminder.getByRole('button', { name: 'Discard' }).click();
    }
    await confirm.getByRole('button', { name: 'Discard it' }).click();
    await expect(reminder).toHaveCount(0);
    await page.reload();
    await page.waitForFunction(() => window.__rolloutLab !== undefined);
    await expect(page.getByTestId('share.notice')).toHaveCount(0);
    expect(stepsOf(await savedWork(page))).toEqual([SET_IMAGE]);
  });

test('a downloaded copy imports back at the moment it was saved', async ({ page }, info) => {
  const text = stored(mine, 40);
  await seed(page, { [WORK_KEY]: text.replace('"v":1', '"v":2') });
  await open(page);
  await downloadFromNotice(page);
  const path = info.outputPath('mine.saved-work.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, text);
  await page.getByTestId('share.file').setInputFiles(path);
  await expect.poll(async () => (await state(page)).t).toBe(40);
  expect((await state(page)).steps.map((s) => s.run)).toEqual([
    'kubectl scale deployment/kubia --replicas=5',
  ]);
});

test('two tabs never silently save over each other', async ({ page, context }) => {
  await open(page);
  await typeCommand(page, SET_IMAGE);
  await expect.poll(async () => stepsOf(await savedWork(page))).toEqual([SET_IMAGE]);

  const second = await context.newPage();
  await open(second);
  await expect.poll(async () => (await state(second)).steps.map((s) => s.run)).toEqual([SET_IMAGE]);
  await typeCommand(second, 'kubectl scale deployment/kubia --replicas=5');
  const theirs = [SET_IMAGE, 'kubectl scale deployment/kubia --replicas=5'];
  await expect.poll(async () => stepsOf(await savedWork(second))).toEqual(theirs);

  // The first tab is now the older one: it asks, and toggling a panel saves nothing.
  const notice = page.getByRole('alert').filter({ hasText: 'This work was changed in another tab.' });
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'Nodes', exact: true }).click();
  await lab(page, (l) => l.advance(5));
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect(stepsOf(await savedWork(page))).toEqual(theirs);
  await screenshots(page, 'conflict');
  // Dismissed, the header still says so and brings the question back.
  await notice.getByRole('button', { name: 'Dismiss this message' }).click();
  await page.getByTestId('share.notSaved').click();
  await notice.getByRole('button', { name: 'Load it' }).click();
  await expect.poll(async () => (await state(page)).steps.map((s) => s.run)).toEqual(theirs);
  await expect(page.getByTestId('share.notSaved')).toHaveCount(0);

  // Now the first tab saves; the second asks, and keeps its own work only when told to.
  await typeCommand(page, 'kubectl scale deployment/kubia --replicas=2');
  const ours = [...theirs, 'kubectl scale deployment/kubia --replicas=2'];
  await expect.poll(async () => stepsOf(await savedWork(page))).toEqual(ours);
  const back = second.getByRole('alert').filter({ hasText: 'This work was changed in another tab.' });
  await expect(back).toBeVisible();
  await typeCommand(second, 'kubectl scale deployment/kubia --replicas=7');
  await second.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect(stepsOf(await savedWork(second))).toEqual(ours);
  await back.getByRole('button', { name: 'Keep mine' }).click();
  await expect
    .poll(async () => stepsOf(await savedWork(second)))
    .toEqual([...theirs, 'kubectl scale deployment/kubia --replicas=7']);
  await expect(
    page.getByRole('alert').filter({ hasText: 'This work was changed in another tab.' }),
  ).toBeVisible();
  await second.close();
});

test('a full localStorage is shown, and what was saved stays', async ({ page }) => {
  await open(page);
  await typeCommand(page, SET_IMAGE);
  await expect.poll(async () => stepsOf(await savedWork(page))).toEqual([SET_IMAGE]);
  const before = await savedWork(page);
  // Fill the origin's storage to the last character.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i++) {
      try {
        localStorage.setItem(`filler.${i}`, chunk);
      } catch {
        chunk = chunk.slice(Math.ceil(chunk.length / 2));
      }
    }
  });
  await typeCommand(page, 'kubectl scale deployment/kubia --replicas=5');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('this browser’s storage for this site is full');
  await expect(alert).toContainText('What was saved before is still there.');
  await expect(page.getByTestId('share.notSaved')).toBeVisible();
  expect(await savedWork(page)).toBe(before);
  await screenshots(page, 'storage-full');
  // Export from the notice keeps the latest changes.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(readFileSync((await download.path())!, 'utf8')).toContain('--replicas=5');
  // Room again: the next save goes through and the warning leaves.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k);
  });
  await lab(page, (l) => l.advance(2));
  await expect(page.getByTestId('share.notSaved')).toHaveCount(0);
  expect(stepsOf(await savedWork(page))).toEqual([SET_IMAGE, 'kubectl scale deployment/kubia --replicas=5']);
});
