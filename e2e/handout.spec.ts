/**
 * Handouts: lesson 4's handout has one diagram per stop with the narration, the commands and the
 * questions, prints through Chromium as a PDF of several pages (turned into pictures to look at:
 * with pdftoppm when installed, otherwise a screenshot of the page as printed), downloads as
 * Markdown, follows the app's language, and closes with Esc.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const STOPS = 9;

async function openHandout(page: Page) {
  await page.goto('/?lesson=rolling-update');
  await expect(page.getByTestId('lesson.progress')).toHaveText(/ 9$/);
  await page.getByTestId('handout.open').click();
  const handout = page.getByTestId('handout.root');
  await expect(handout).toBeVisible();
  // Every stop's diagram is drawn (the handout replays the lesson once, stop by stop).
  await expect(handout).toHaveAttribute('data-ready', 'true');
  return handout;
}

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object each. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('the handout of lesson 4 prints as a PDF with one diagram per stop', async ({ page }, testInfo) => {
  const handout = await openHandout(page);
  const stops = handout.getByTestId('handout.stop');
  await expect(stops).toHaveCount(STOPS);
  await expect(handout.locator('svg.diagram')).toHaveCount(STOPS);
  for (let k = 0; k < STOPS; k++) await expect(stops.nth(k).locator('svg.diagram')).toHaveCount(1);

  // The narration, the commands since the previous stop, the moment each diagram shows.
  const first = stops.nth(0);
  await expect(first.getByRole('heading', { level: 2 })).toHaveText('Stop 1 · 0:20.0');
  await expect(first).toContainText('Ten pods of v1. The Deployment has no strategy in its manifest');
  await expect(first.getByTestId('handout.commands')).toHaveText('$ kubectl get deployment kubia');
  await expect(first.locator('svg.diagram .pod')).toHaveCount(10);
  // Its question asks for the upper limit: the diagram hides it, as predict mode does.
  await expect(first.locator('svg.diagram')).toContainText('pods 10 ≤ ?');
  await expect(first).toContainText('maxSurge 25% of 10 replicas: at most how many pods');
  // It asks for a number: no choices, a line to write it on before its unit.
  await expect(first.getByRole('listitem')).toHaveCount(0);
  await expect(first.locator('.handout-answer-line')).toHaveText('Your answer:pods');
  const third = stops.nth(2);
  await expect(third.getByTestId('handout.commands')).toHaveText(
    '$ kubectl set image deployment kubia nodejs=luksa/kubia:v2\n$ kubectl get replicasets',
  );
  await expect(third.locator('svg.diagram')).toContainText('rev 2 · v2');
  await expect(third.locator('svg.diagram')).toContainText('pods 13 ≤ 13');
  await expect(stops.nth(8).locator('svg.diagram')).toContainText('rev 4 · v2.2');
  // The answers only in the key at the end.
  const key = handout.getByTestId('handout.key');
  await expect(key.getByRole('heading', { level: 3 })).toHaveText(['Stop 1', 'Stop 2', 'Stop 5', 'Stop 7']);
  await expect(key).toContainText('13 pods');
  await expect(key).toContainText('B. 8');
  await expect(key).toContainText('10 + 3 = 13 pods at most');

  const axe = await new AxeBuilder({ page }).include('[data-testid="handout.root"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // Printed: the handout alone, without its buttons, on white even where the system is dark.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.locator('#root')).toBeHidden();
  expect(
    await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      return [
        root.colorScheme,
        root.backgroundColor,
        getComputedStyle(document.querySelector('.handout')!).color,
      ];
    }),
  ).toEqual(['light', 'rgb(255, 255, 255)', 'rgb(27, 31, 36)']);
  await expect(handout.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(handout.locator('svg.diagram')).toHaveCount(STOPS);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pageCount(pdf);
  // Nine stops with a diagram each and the key: more than a page, and not a page per line.
  expect(pages).toBeGreaterThan(4);
  expect(pages).toBeLessThan(20);
  // The diagrams are vectors: a few hundred KB, not a blank document's few KB.
  expect(pdf.length).toBeGreaterThan(200_000);
  const file = testInfo.outputPath('lesson-4-handout.pdf');
  writeFileSync(file, pdf);
  await testInfo.attach('lesson-4-handout.pdf', { path: file, contentType: 'application/pdf' });

  // Pictures of the pages, to look at.
  if (hasPdftoppm()) {
    execFileSync('pdftoppm', ['-r', '60', '-png', file, testInfo.outputPath('page')]);
    const pngs = readdirSync(testInfo.outputPath()).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pngs).toHaveLength(pages);
    for (const png of pngs.sort())
      await testInfo.attach(png, { path: testInfo.outputPath(png), contentType: 'image/png' });
  } else {
    const shot = await page.screenshot({ fullPage: true });
    await testInfo.attach('handout-as-printed.png', { body: shot, contentType: 'image/png' });
  }
});

test('the handout downloads as Markdown, follows the language and closes with Esc', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('rollout-lab.lang', 'ko'));
  const handout = await openHandout(page);
  await expect(handout.getByTestId('handout.stop').first().getByRole('heading', { level: 2 })).toHaveText(
    '멈춤 1 · 0:20.0',
  );
  await expect(handout).toContainText('v1 파드 열 개입니다.');
  await expect(handout.locator('svg.diagram').first()).toContainText('리비전 1 · v1');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    handout.getByRole('button', { name: 'Markdown 내려받기' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('rolling-update.handout.ko.md');
  const md = readFileSync((await download.path())!, 'utf8');
  expect(md.startsWith('# 롤링 업데이트\n')).toBe(true);
  expect(md).toContain('## 멈춤 3 · 0:31.0');
  expect(md).toContain(
    '```sh\nkubectl set image deployment kubia nodejs=luksa/kubia:v2\nkubectl get replicasets\n```',
  );
  expect(md).toContain('## 정답');

  // Keys belong to the handout: Space does not play the lesson behind it; Esc closes it.
  const t = await page.evaluate(() => window.__rolloutLab?.state().t);
  await page.keyboard.press('Space');
  expect(await page.evaluate(() => window.__rolloutLab?.state().playing)).toBe(false);
  await page.keyboard.press('Escape');
  await expect(handout).toBeHidden();
  await expect(page.getByTestId('lesson.progress')).toHaveText('멈춤 1 / 9');
  expect(await page.evaluate(() => window.__rolloutLab?.state().t)).toBe(t);
  // Back in the app, at the button that opened it.
  await expect(page.getByTestId('handout.open')).toBeFocused();
});
