/**
 * Predict mode: while a lesson's question is open, the numbers that answer it are hidden behind
 * "Answer first" (the budget gauge's limit and ticks, the controllers' reasons, the timeline past
 * the moment shown); answering or skipping shows them. Outside lessons it is a switch that keeps
 * the timeline from showing what comes after the moment on screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { lab, state } from './lab.ts';

const panel = (page: Page) => page.getByTestId('lesson.panel');
const progress = (page: Page) => page.getByTestId('lesson.progress');
const budget = (page: Page) => page.locator('svg g.budget');

/**
 * Every piece of text on the screen that reads `n` as a number of its own (not 130, not 0:13.5,
 * not the age "13s"): visible text, SVG text, tooltips (<title>) and accessible names. The
 * question's answer buttons are left out: they are the choices.
 */
function screenSaying(page: Page, n: number): Promise<string[]> {
  return page.evaluate((n) => {
    const word = new RegExp(`(^|[^\\w.:])${n}($|[^\\w.:%])`);
    const out: string[] = [];
    const skip = (el: Element | null) => !el || !!el.closest('.lesson-choices, script, style');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (skip(el) || !word.test(node.textContent ?? '')) continue;
      // Text in a closed <details> or a display:none subtree is not on screen; <title> is (hover).
      const shown = el!.closest('title') !== null || el!.getClientRects().length > 0;
      if (shown) out.push(node.textContent!.trim());
    }
    for (const el of document.body.querySelectorAll('[aria-label]'))
      if (!skip(el) && word.test(el.getAttribute('aria-label')!))
        out.push(`aria-label: ${el.getAttribute('aria-label')}`);
    return out;
  }, n);
}

test('lesson 4 stop 1: nothing says 13 until the number is answered; a wrong one is told, then the right one', async ({
  page,
}, info) => {
  await page.goto('/?lesson=rolling-update');
  await lab(page, (l) => l.hold());
  await expect(progress(page)).toHaveText('Stop 1 of 9');
  await expect(panel(page)).toContainText('at most how many pods may exist');
  // Everything that loads after the first paint is on screen: the timeline and the console.
  await expect(page.locator('figure.timeline svg')).toBeVisible();
  await expect(page.locator('#kubectl-input')).toBeVisible();
  await expect(budget(page)).toContainText('Answer first');
  await expect(page.locator('section.why')).toContainText('Answer first');
  await expect(panel(page).getByRole('region', { name: 'What the controllers did' })).toContainText(
    'Answer first',
  );
  // The question asks for a number: no choice on screen says it either.
  const field = panel(page).getByRole('textbox', { name: 'Answer with a number of pods' });
  await expect(field).toBeVisible();
  expect(await screenSaying(page, 13)).toEqual([]);
  await page.screenshot({ path: info.outputPath('predict-lesson4-stop1-open.png') });

  // What is no number is refused and keeps the question open.
  await field.fill('thirteen');
  await field.press('Enter');
  await expect(panel(page).getByRole('alert')).toHaveText(
    'Type a number, in digits (a decimal point or comma is fine).',
  );
  await expect(budget(page)).toContainText('Answer first');
  await field.fill('13');
  await field.press('Enter');
  await expect(panel(page).getByRole('status').filter({ hasText: 'Right.' })).toBeVisible();
  await expect(panel(page).getByRole('status').filter({ hasText: 'Answer: 13 pods' })).toBeVisible();
  // Answered: the gauge shows its limit and arithmetic, the Why panel its reasons, at 0:20 still.
  expect((await state(page)).t).toBeCloseTo(20, 3);
  await expect(budget(page)).toContainText('max 13');
  await expect(budget(page)).toContainText('pods 10 ≤ 13');
  await expect(budget(page)).not.toContainText('Answer first');
  await expect(page.locator('section.why')).toContainText('allows 13 pods in all');
  // The same search now finds them: it would have found them before, had they been there.
  const saying = (await screenSaying(page, 13)).join('\n');
  for (const text of ['max 13', 'pods 10 ≤ 13', 'allows 13 pods in all']) expect(saying).toContain(text);
  await page.screenshot({ path: info.outputPath('predict-lesson4-stop1-answered.png') });
});

test('presentation mode in Korean: hidden until Next shows the answer, at the same moment', async ({
  page,
}, info) => {
  await page.goto('/?lesson=rolling-update');
  await lab(page, (l) => l.hold());
  await expect(progress(page)).toHaveText('Stop 1 of 9');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await page.keyboard.press('p');
  const root = page.getByTestId('present.root');
  await expect(root).toBeVisible();
  await expect(root).toContainText('최대 몇 개까지');
  await expect(root.locator('svg g.budget')).toContainText('먼저 답하세요');
  await expect(page.getByTestId('present.revealHint')).toBeVisible();
  expect(await screenSaying(page, 13)).toEqual([]);
  await page.screenshot({ path: info.outputPath('predict-present-ko-open.png') });

  // The clicker's Next shows the answer and what it hid; time stays at the question's moment.
  await page.keyboard.press('PageDown');
  await expect(root.getByRole('status').filter({ hasText: '정답: 13' })).toBeVisible();
  await expect(root.locator('svg g.budget')).toContainText('최대 13');
  await expect(root.locator('svg g.budget')).not.toContainText('먼저 답하세요');
  await expect(page.getByTestId('present.revealHint')).toHaveCount(0);
  expect((await state(page)).t).toBeCloseTo(20, 3);
  expect((await state(page)).playing).toBe(false);
  await page.screenshot({ path: info.outputPath('predict-present-ko-answered.png') });

  // Leaving presentation keeps it answered: the panel shows the answer, nothing to type.
  await page.keyboard.press('Escape');
  await expect(panel(page).getByRole('status').filter({ hasText: '정답: 13개' })).toBeVisible();
  await expect(page.getByTestId('lesson.number')).toHaveCount(0);
});

test('back at a question after playing further, the timeline shows nothing later', async ({ page }) => {
  await page.goto('/?lesson=rolling-update');
  await lab(page, (l) => l.hold());
  await expect(progress(page)).toHaveText('Stop 1 of 9');
  // Skip both questions and play on to 0:31, where 13 pods are specified.
  for (const stop of [2, 3]) {
    await panel(page)
      .getByRole('button', { name: /Skip the question/ })
      .click();
    await panel(page)
      .getByRole('button', { name: /Skip to the stop/ })
      .click();
    await expect(progress(page)).toHaveText(`Stop ${stop} of 9`);
  }
  await expect(budget(page)).toContainText('pods 13 ≤ 13');
  expect((await state(page)).until).toBeCloseTo(31, 3);
  await panel(page).getByRole('button', { name: /Back/ }).click();
  await panel(page).getByRole('button', { name: /Back/ }).click();
  await expect(progress(page)).toHaveText('Stop 1 of 9');
  // The question is open again: its numbers and the future (0:20 to 0:31) are hidden.
  await expect(page.getByTestId('lesson.number')).toBeVisible();
  await expect(page.getByTestId('predict.timeline')).toBeVisible();
  await expect(budget(page)).toContainText('Answer first');
  expect(await screenSaying(page, 13)).toEqual([]);
  // Skipping the question reveals them.
  await panel(page)
    .getByRole('button', { name: /Skip the question/ })
    .click();
  await expect(page.getByTestId('predict.timeline')).toBeHidden();
  await expect(budget(page)).toContainText('max 13');
});

test('a question hides only what answers it, and Korean says “answer first”', async ({ page }) => {
  await page.goto('/?lesson=rolling-update&stop=2');
  await lab(page, (l) => l.hold());
  await expect(progress(page)).toHaveText('Stop 2 of 9');
  // "How many v1 pods are left": the lower limit (8) is hidden, the upper one (13) is not.
  await expect(budget(page)).toContainText('max 13');
  await expect(budget(page)).toContainText('available 10 ≥ ?');
  const minimum = /(^|[^\w.:])8($|[^\w.:%])/;
  expect(await budget(page).getAttribute('aria-label')).not.toMatch(minimum);
  for (const part of [budget(page), page.locator('section.why'), panel(page).locator('.lesson-why')])
    expect(await part.textContent()).not.toMatch(minimum);
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await expect(budget(page)).toContainText('먼저 답하세요');
  await expect(page.locator('section.why')).toContainText('먼저 답하세요');
});

test('outside lessons predict mode is a switch: the timeline stops at the moment shown', async ({ page }) => {
  await page.goto('/');
  await lab(page, (l) => l.hold());
  const toggle = page.getByTestId('predict.toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await lab(page, (l) => l.seek(60));
  await lab(page, (l) => l.seek(20));
  await expect(page.getByTestId('predict.timeline')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('predict.timeline')).toBeVisible();
  // Nothing else is hidden: no question is open.
  await expect(page.getByTestId('predict.hidden')).toHaveCount(0);
  // At the front of what was played there is nothing later to hide.
  await lab(page, (l) => l.seek(60));
  await expect(page.getByTestId('predict.timeline')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});
