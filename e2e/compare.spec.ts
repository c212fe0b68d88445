/**
 * The Compare view as a person uses it: open it, pick a preset, play every lane on one clock, read
 * the measured table (and each cell's explanation), scrub back, share the moment, take it away as
 * a file and bring it back, build lanes in the form, and reach it from the Recreate lesson's last
 * stop (presented too, in Korean). Virtual time moves only when the spec moves it (`hold()`).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { RolloutCompareHook } from '../web/rolloutLab.d.ts';
import { smallestTextPx } from './lab.ts';

const DIR = process.env['SCREENS_DIR'] ?? 'test-results/screens';

/** Runs `fn` against the Compare view's test hook (present while the view is open). */
async function cmp<T>(page: Page, fn: (c: RolloutCompareHook) => T): Promise<T> {
  await page.waitForFunction(() => window.__rolloutCompare !== undefined);
  return page.evaluate(`(${fn.toString()})(window.__rolloutCompare)`) as Promise<T>;
}

const view = (page: Page) => page.getByRole('dialog', { name: 'Compare update strategies side by side' });
const table = (page: Page) => page.getByRole('table', { name: 'Comparison' });
/** The cells of the table's row that starts with `label`, as text. */
const row = (page: Page, label: RegExp) => table(page).getByRole('row', { name: label }).getByRole('cell');
const time = (page: Page) => page.getByTestId('compare.time');

async function openAllThree(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(view(page)).toBeVisible();
  await page.getByLabel('Preset').selectOption({ label: 'All three strategies' });
  await expect(view(page).getByRole('heading', { level: 3 })).toHaveText([
    /Recreate/,
    /Rolling update 25%\/25%/,
    /Blue\/green/,
  ]);
  await cmp(page, (c) => c.hold());
}

test('All three strategies: one Play for every lane, the outage and the cost measured', async ({ page }) => {
  await openAllThree(page);
  // It opens a second before the update, every lane settled on the same three v1 pods: the
  // start-up before it is the same everywhere, shaded on the chart and its refusals grey.
  await expect(time(page)).toHaveText('t = 0:19.0');
  for (const l of ['Recreate', 'Rolling update 25%/25%', 'Blue/green']) {
    const lane = view(page).getByRole('region', { name: new RegExp(l) });
    await expect(lane).toContainText('update at 0:20');
    await expect(lane.getByRole('button', { name: /^Pod kubia-.*version v1, Ready/ })).toHaveCount(3);
  }
  const chart = page.getByTestId('compare.timeline');
  await expect(chart.locator('.startup-band')).toHaveCount(1);
  await expect(chart).toContainText('start-up, before the update: not measured');
  await expect(chart.locator('.requests-failed.before-update').first()).toBeAttached();
  await expect(chart.locator('.requests-failed:not(.before-update)')).toHaveCount(0);
  // Before the update nothing is measured yet, and the note says where measuring starts.
  const note = view(page).locator('.compare-note');
  await expect(note).toContainText('Measured from 0:20, when the update starts');
  await expect(row(page, /^Failed \+ refused requests/)).toHaveText(['—', '—', '—']);
  // Play: the lanes move together; the spec moves the shared clock to the end.
  await view(page).getByRole('button', { name: 'Play' }).click();
  await expect(view(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await cmp(page, (c) => c.advance(c.state().end - c.state().t));
  await expect(view(page).getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(time(page)).toHaveText('t = 1:30.0');
  await expect(note).toContainText('Measured from 0:20 to 1:30');
  const s = await cmp(page, (c) => c.state());
  expect(s.lanes.map((l) => l.t)).toEqual([s.t, s.t, s.t]);

  // The numbers the unit tests check for this preset, as the table shows them.
  await expect(row(page, /^Failed \+ refused requests/)).toHaveText([/^[1-9]\d*$/, '0', '0']);
  await expect(row(page, /^Seconds with failed or refused/)).toHaveText([/^[1-9]\d* s$/, '0 s', '0 s']);
  await expect(row(page, /^Peak pods/)).toHaveText([
    /^3 \(3 v2\)$/,
    /^4 \(3 v1 \+ 1 v2\)$/,
    /^6 \(3 v1 \+ 3 v2\)$/,
  ]);
  await expect(row(page, /^Time to complete/)).toHaveText([/^\d+ s$/, /^\d+ s$/, /^\d+ s$/]);
  for (const l of ['Recreate', 'Rolling update 25%/25%', 'Blue/green'])
    await expect(view(page).getByRole('region', { name: new RegExp(l) })).toContainText('rolled out in');

  // Each cell says how it was measured: on hover, and as its description (focus, screen readers).
  const peakGreen = row(page, /^Peak pods/).nth(2);
  await peakGreen.hover();
  await expect(page.getByTestId('compare.tip')).toHaveText(/^Peak 6 pods at 0:2\d: 3 v1 \+ 3 v2/);
  const refused = row(page, /^Failed \+ refused requests/).first();
  await refused.focus();
  await expect(refused).toHaveAccessibleDescription(
    /refused \(no ready endpoint\), of 700 requests since 0:20/,
  );
  await expect(page.getByTestId('compare.tip')).toHaveText(/refused \(no ready endpoint\)/);

  // Scrub back: every lane shows that moment again, and the table measures up to it.
  await view(page).getByRole('slider', { name: 'Time' }).fill('25');
  await expect(time(page)).toHaveText('t = 0:25.0');
  await expect(table(page)).toHaveAccessibleDescription(/Measured from 0:20 to 0:25/);
  // Blue/green has steps still to run (the switch waits for green): "not yet".
  await expect(row(page, /^Time to complete/)).toHaveText(['not complete', 'not complete', 'not yet']);
  const back = await cmp(page, (c) => c.state());
  expect(back.lanes.map((l) => l.t)).toEqual([25, 25, 25]);

  // Play at the end plays again from the opening, not from the start-up.
  await cmp(page, (c) => c.seek(c.state().end));
  await view(page).getByRole('button', { name: 'Play' }).click();
  await expect(time(page)).toHaveText('t = 0:19.0');
});

test('a share link opens the same comparison at the same moment in a fresh browser', async ({
  page,
  browser,
}) => {
  await openAllThree(page);
  await cmp(page, (c) => c.seek(31));
  await expect(time(page)).toHaveText('t = 0:31.0');
  const cells = await table(page).getByRole('cell').allTextContents();
  await view(page).getByRole('button', { name: 'Copy link' }).click();
  const url = await page.getByTestId('compare.link').inputValue();
  expect(new URL(url).searchParams.get('compare')).toBeTruthy();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(view(other)).toBeVisible();
  await expect(time(other)).toHaveText('t = 0:31.0');
  await expect(other.getByLabel('Preset')).toHaveValue('all-three');
  await expect(table(other).getByRole('cell')).toHaveText(cells);
  // Back to the lab: the link leaves the address.
  await other.getByRole('button', { name: 'Back to the lab' }).click();
  await expect(view(other)).toBeHidden();
  expect(new URL(other.url()).searchParams.has('compare')).toBe(false);
  await fresh.close();

  // A link to a preset by its id opens it where a preset opens, a second before its update.
  await page.goto('/?compare=broken-v3');
  await expect(page.getByLabel('Preset')).toHaveValue('broken-v3');
  await cmp(page, (c) => c.seek(90));
  // Readiness protects the rolling update: few errors, no rollout; Recreate is down throughout.
  await expect(row(page, /^Time to complete/)).toHaveText(['not complete', 'not complete']);
  await expect(view(page).getByRole('region', { name: /Rolling update 1\/0 · broken v3/ })).toContainText(
    'not rolled out',
  );
});

test('export as a scenario file with variants, and import it back', async ({ page }) => {
  await openAllThree(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view(page).getByRole('button', { name: 'Export' }).click(),
  ]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  expect(text).toContain('variants:');
  expect(text).toMatch(/name: recreate\b/);
  await page.getByLabel('Preset').selectOption({ label: 'Recreate vs rolling update' });
  await expect(view(page).getByRole('heading', { level: 3 })).toHaveCount(2);
  await page.getByTestId('compare.importFile').setInputFiles({
    name: 'all-three.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(text),
  });
  await expect(view(page).getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(page.getByLabel('Preset')).toHaveValue('all-three');
  // A scenario without variants is refused with a reason, and the comparison stays.
  await page.getByTestId('compare.importFile').setInputFiles({
    name: 'single.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(text.replace(/\n {2}variants:[\s\S]*$/, '\n')),
  });
  await expect(view(page).getByRole('alert')).toContainText('single.yaml is not a comparison');
  await expect(view(page).getByRole('heading', { level: 3 })).toHaveCount(3);
});

test('the lane form: strategies and numbers per lane, refused as the API server refuses', async ({
  page,
}) => {
  await openAllThree(page);
  await view(page).getByRole('button', { name: 'Edit lanes' }).click();
  const lane2 = page.getByRole('group', { name: 'Lane 2' });
  await lane2.getByLabel('maxSurge').fill('0');
  await lane2.getByLabel('maxUnavailable').fill('0');
  await page.getByRole('button', { name: 'Compare these' }).click();
  await expect(page.getByRole('alert')).toContainText('may not be 0 when `maxSurge` is 0');
  await lane2.getByLabel('maxSurge').fill('1');
  const lane3 = page.getByRole('group', { name: 'Lane 3' });
  await lane3.getByLabel('Update').selectOption({ label: 'Rolling update' });
  await lane3.getByLabel('maxSurge').fill('0');
  await lane3.getByLabel('maxUnavailable').fill('1');
  await page.getByRole('button', { name: 'Add a lane' }).click();
  await page.getByRole('group', { name: 'Lane 4' }).getByLabel('broken v3').check();
  await page.getByRole('button', { name: 'Compare these' }).click();
  await expect(view(page).getByRole('heading', { level: 3 })).toHaveText([
    /Recreate/,
    /Rolling update 1\/0/,
    /Rolling update 0\/1/,
    /Recreate · broken v3/,
  ]);
  await expect(page.getByLabel('Preset')).toHaveValue('custom');
});

test('presented at 1280×720: all three diagrams and the table without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openAllThree(page);
  await cmp(page, (c) => c.seek(30));
  await view(page).getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
  const fits = async (el: ReturnType<Page['locator']>) => {
    const b = (await el.boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(720);
    expect(b.x + b.width).toBeLessThanOrEqual(1280);
    expect(b.height).toBeGreaterThan(50);
  };
  const diagrams = view(page).getByRole('group', { name: /diagram/i });
  await expect(diagrams).toHaveCount(3);
  for (let i = 0; i < 3; i++) await fits(diagrams.nth(i));
  await fits(table(page));
  const scroll = await view(page).evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(scroll).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${DIR}/compare-1280x720-present.png` });
});

/** The three lanes of All three strategies. */
const laneRegions = (page: Page) => view(page).getByRole('region', { name: /Recreate|Rolling|Blue/ });

/**
 * How far each lane's drawing (and each of its pods) reaches past the box that shows it, and
 * whether that box scrolls: all 0 when every diagram is whole.
 */
const overflow = (page: Page) =>
  laneRegions(page).evaluateAll((els) =>
    els.map((lane) => {
      const box = lane.querySelector('.compare-diagram')!.getBoundingClientRect();
      const svg = lane.querySelector('svg.diagram')!.getBoundingClientRect();
      const pods = [...lane.querySelectorAll('[aria-label^="Pod kubia-"]')].map(
        (p) => p.getBoundingClientRect().bottom,
      );
      const scroller = lane.querySelector('.diagram-box')!;
      return Math.max(
        0,
        Math.round(svg.bottom - box.bottom),
        Math.round(svg.right - box.right),
        ...pods.map((b) => Math.round(b - box.bottom)),
        scroller.scrollHeight - scroller.clientHeight,
      );
    }),
  );

test('at 1280×720 each lane shows its whole diagram, at the moments with the most rows', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openAllThree(page);
  const lanes = laneRegions(page);
  // 0:25: blue/green runs both Deployments (kubia's 3 v1 pods and kubia-green's 3 v2 pods);
  // 0:40: the rolling update still has pods in both ReplicaSets.
  for (const [t, shown] of [
    [25, 't = 0:25.0'],
    [40, 't = 0:40.0'],
  ] as const) {
    await page.evaluate((t) => window.__rolloutCompare!.seek(t), t);
    await expect(time(page)).toHaveText(shown);
    await expect.poll(() => overflow(page)).toEqual([0, 0, 0]);
    await page.screenshot({ path: `${DIR}/compare-1280x720-${t}s.png` });
  }
  await page.evaluate(() => window.__rolloutCompare!.seek(25));
  await expect(lanes.nth(2).getByRole('button', { name: /^Pod kubia-green-/ })).toHaveCount(3);
  // Blue/green draws two Deployments one above the other: its lane is wider, so that each is laid
  // out with its words beside the pods, and its smallest words are as large as the rolling lane's.
  const widths = await lanes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(widths[2]! / widths[0]!).toBeCloseTo(1.6, 1);
  expect(widths[1]).toBeCloseTo(widths[0]!, 0);
  const rolling = await smallestTextPx(lanes.nth(1));
  expect(await smallestTextPx(lanes.nth(2))).toBeGreaterThanOrEqual(rolling);
});

test('with larger text at 1280×720 each lane still shows its whole diagram', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  // 150%: the Compare bar takes two rows, the chart's legend three.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Larger text' }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByLabel('Preset').selectOption({ label: 'All three strategies' });
  await cmp(page, (c) => c.hold());
  for (const t of [25, 40]) {
    await page.evaluate((t) => window.__rolloutCompare!.seek(t), t);
    await expect.poll(() => overflow(page)).toEqual([0, 0, 0]);
  }
  await page.screenshot({ path: `${DIR}/compare-1280x720-larger-text.png` });
});

test('on a phone the lanes stack, one under another', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAllThree(page);
  await cmp(page, (c) => c.seek(30));
  const lanes = view(page).getByRole('region', { name: /Recreate|Rolling|Blue/ });
  const a = (await lanes.nth(0).boundingBox())!;
  const b = (await lanes.nth(1).boundingBox())!;
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  expect(a.width).toBeLessThanOrEqual(390);
  // Each lane's diagram fits its width, as the lab's does on a phone: nothing scrolls sideways,
  // every pod and every line of text is inside its lane's diagram, and text is still readable.
  for (let i = 0; i < 3; i++) {
    const diagram = lanes.nth(i).locator('.diagram-box');
    expect(await diagram.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const box = (await diagram.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(a.width);
    const rights = await lanes
      .nth(i)
      .getByRole('button', { name: /^Pod kubia-/ })
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(rights.length).toBeGreaterThan(0);
    expect(Math.max(...rights)).toBeLessThanOrEqual(box.x + box.width);
    const texts = await diagram
      .locator('svg.diagram text')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(Math.max(...texts)).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(await smallestTextPx(diagram)).toBeGreaterThanOrEqual(11);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${DIR}/compare-390x844.png` });
});

test('the Recreate lesson ends with the comparison, in the panel and presented in Korean', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?lesson=recreate&stop=3');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 3 of 3');
  await page.getByRole('button', { name: 'Compare: Recreate vs rolling update' }).click();
  await expect(view(page)).toBeVisible();
  await expect(page.getByLabel('Preset')).toHaveValue('recreate-vs-rolling');
  await page.getByRole('button', { name: 'Back to the lesson' }).click();
  await expect(view(page)).toBeHidden();
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 3 of 3');

  await page.getByRole('button', { name: '한국어' }).click();
  await page.keyboard.press('p');
  await expect(page.getByTestId('present.root')).toBeVisible();
  await page.getByRole('button', { name: '비교: Recreate와 롤링 업데이트' }).click();
  const ko = page.getByRole('dialog', { name: '업데이트 전략을 나란히 비교' });
  await expect(ko).toBeVisible();
  await expect(ko).toHaveClass(/compare--present/);
  await expect(page.getByRole('table', { name: '비교' })).toBeVisible();
  await cmp(page, (c) => c.seek(60));
  await expect(
    page.getByRole('table', { name: '비교' }).getByRole('row', { name: /^최대 파드/ }),
  ).toBeVisible();
  await page.screenshot({ path: `${DIR}/compare-1280x720-lesson-ko.png` });
  // Esc goes back to the presented lesson, still at its last stop.
  await page.keyboard.press('Escape');
  await expect(ko).toBeHidden();
  await expect(page.getByTestId('present.root')).toBeVisible();
  await expect(page.getByTestId('present.progress')).toContainText('3');
});
