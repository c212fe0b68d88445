/**
 * The lesson builder, end to end: a teacher builds a three-stop lesson with a question from moments
 * of the example, a bad claim is refused without losing anything, the lesson is shared by link,
 * and a fresh browser opens the link and presents it. Virtual time moves through the test hook.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lab, state } from './lab.ts';
import { openApp } from './scenes.ts';

const SHOTS = process.env['BUILDER_SHOTS'] ?? 'test-results/builder';
const SET_IMAGE = 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2';

const open = async (page: Page, url = '/') => {
  await page.goto(url);
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  await expect(page.getByRole('group', { name: 'Scenario' }).first()).toBeVisible();
};

const panel = (page: Page) => page.getByTestId('builder.panel');

async function openBuilder(page: Page) {
  await page.getByTestId('lessons.open').click();
  await page.getByTestId('builder.open').click();
  await expect(panel(page)).toBeVisible();
}

/** The keyboard's way to a control: the focus on it, then a key (Enter unless said). */
async function press(l: Locator, key = 'Enter') {
  await l.focus();
  await l.page().keyboard.press(key);
}

/** Opens the builder from the keyboard: Lessons, then Lesson builder in its menu. */
async function openBuilderByKeyboard(page: Page) {
  await press(page.getByTestId('lessons.open'));
  await press(page.getByTestId('builder.open'));
  await expect(panel(page)).toBeVisible();
}

async function buildThreeStops(page: Page) {
  const p = panel(page);
  await p.getByTestId('builder.title.en').fill('Watch a rollout');
  await p.getByTestId('builder.title.ko').fill('롤아웃 지켜보기');
  // Stop 1: the example at 5 s, before anything changes.
  await lab(page, (l) => l.seek(5));
  await p.getByTestId('builder.addStop').click();
  await expect(p.getByTestId('builder.stop.0')).toContainText('Stop 1 at 0:05');
  await p.getByTestId('builder.say.en').fill('Three pods of **v1** answer.');
  await p.getByTestId('builder.say.ko').fill('**v1** 파드 세 개가 응답합니다.');
  // Stop 2: the update, with a question about what comes next.
  await lab(page, (l) => l.seek(10));
  await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2'));
  await p.getByTestId('builder.addStop').click();
  await expect(p.getByTestId('builder.stop.1')).toContainText('Stop 2 at 0:10');
  await p.getByTestId('builder.say.en').fill('The image is now v2.');
  await p.getByTestId('builder.ask').check();
  await p.getByTestId('builder.prompt.en').fill('At most how many pods may exist during the rollout?');
  await p.getByTestId('builder.choice.0').fill('3');
  await p.getByTestId('builder.choice.1').fill('4');
  await p.getByTestId('builder.right.1').check();
  // Stop 3: thirty seconds later.
  await lab(page, (l) => l.advance(30));
  await p.getByTestId('builder.addStop').click();
  await expect(p.getByTestId('builder.stop.2')).toContainText('Stop 3 at 0:40');
  await p.getByTestId('builder.say.en').fill('Done: three pods of v2.');
  await p.getByTestId('builder.claims').fill("pods: { v2: 'x' }");
}

test('a lesson built in the browser is shared by link and presented in a fresh browser', async ({
  page,
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await open(page);
  await openBuilder(page);
  await buildThreeStops(page);
  const p = panel(page);

  // A bad claim: the share is refused with the claim parser's words at its stop; nothing is lost.
  await p.getByTestId('builder.share').click();
  await expect(p.getByTestId('builder.message')).toContainText('1 problem to fix first');
  await expect(p.getByTestId('builder.stopProblem')).toContainText(
    'spec.steps[2].expect.pods.v2: Invalid value: "x"',
  );
  // Where the teacher reads it: in view beside the claims, not under the presenter notes below.
  await expect(p.getByTestId('builder.stopProblem')).toBeInViewport({ ratio: 1 });
  await expect(p.getByTestId('builder.claims')).toHaveValue("pods: { v2: 'x' }");
  await expect(p.getByTestId('builder.say.en')).toHaveValue('Done: three pods of v2.');
  await page.screenshot({ path: `${SHOTS}/builder-claim-error-1280.png` });
  // A claim the screen contradicts: checking plays the lesson and says what the screen shows.
  await p.getByTestId('builder.claims').fill('pods: { v2: 5 }');
  await p.getByTestId('builder.checkClaims').click();
  await expect(p.getByTestId('builder.message')).toContainText('1 claim does not hold (of 1)');
  await expect(p.getByTestId('builder.stopProblem')).toContainText(
    '0:40.0 expect.pods.v2: claims 5, the screen shows 3',
  );
  await p.getByTestId('builder.claims').fill('pods: { v2: 3 }');
  await p.getByTestId('builder.checkClaims').click();
  await expect(p.getByTestId('builder.message')).toContainText('The claim holds');
  await expect(p.getByTestId('builder.stopProblem')).toHaveCount(0);

  // The draft is kept in this browser as it is written.
  await expect
    .poll(async () =>
      page.evaluate(
        () =>
          (
            JSON.parse(localStorage.getItem('rollout-lab.lesson-draft') ?? '{}') as {
              steps?: { stop?: boolean }[];
            }
          ).steps?.filter((s) => s.stop).length,
      ),
    )
    .toBe(3);

  await p.getByTestId('builder.share').click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  await expect(dialog).toBeVisible();
  const url = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await page.screenshot({ path: `${SHOTS}/builder-share-1280.png` });
  // Sharing opened the lesson itself at its first stop; closing the builder shows it.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await p.getByRole('button', { name: 'Close the lesson builder' }).click();
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 3');

  // A fresh browser: no storage, no draft; the link alone carries the lesson.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await open(other, url);
  await expect(other.getByTestId('lesson.progress')).toHaveText('Stop 1 of 3');
  await lab(other, (l) => l.hold());
  await other.getByTestId('present.enter').click();
  const root = other.getByTestId('present.root');
  await expect(root).toBeVisible();
  await expect(other.getByTestId('present.progress')).toHaveText('Stop 1 of 3');
  await expect(other.getByTestId('present.say')).toHaveText('Three pods of v1 answer.');
  await other.keyboard.press('PageDown');
  await lab(other, (l) => l.advance(10));
  await expect(other.getByTestId('present.progress')).toHaveText('Stop 2 of 3');
  await expect(other.getByTestId('present.say')).toHaveText('The image is now v2.');
  await expect(root.getByText('At most how many pods may exist during the rollout?')).toBeVisible();
  expect((await state(other)).steps.map((s) => s.run)).toContain(SET_IMAGE);
  await other.screenshot({ path: `${SHOTS}/builder-present-question-1280.png` });
  // The first press shows the answer; the next plays on to the last stop.
  await other.keyboard.press('PageDown');
  await expect(root.getByRole('status').filter({ hasText: 'Answer: 4' })).toBeVisible();
  await other.keyboard.press('PageDown');
  await lab(other, (l) => l.advance(30));
  await expect(other.getByTestId('present.progress')).toHaveText('Stop 3 of 3');
  await expect(other.getByTestId('present.say')).toHaveText('Done: three pods of v2.');
  // The presenter window knows the lesson only from the presenting window: it comes over the channel.
  const [presenter] = await Promise.all([
    fresh.waitForEvent('page'),
    other.getByRole('button', { name: 'Presenter view' }).click(),
  ]);
  await expect(presenter.getByTestId('presenter.progress')).toHaveText('Stop 3 of 3');
  await expect(presenter.getByTestId('presenter.say')).toContainText('Done: three pods of v2.');
  await fresh.close();
});

test('a built-in lesson opens in the builder as a template, and the draft survives a reload', async ({
  page,
}) => {
  await open(page);
  await openBuilder(page);
  const p = panel(page);
  await p.getByTestId('builder.template').selectOption('rolling-update');
  await p.getByTestId('builder.new').click();
  await expect(p.getByTestId('builder.stops').getByRole('listitem')).toHaveCount(9);
  // The template plays at its first stop.
  await expect.poll(async () => (await state(page)).t).toBeCloseTo(20, 3);
  await expect(p.getByTestId('builder.say.en')).toHaveValue(/^Ten pods of v1\./);
  // Reorder by keyboard: stop 1's words move to stop 2.
  await p.getByRole('button', { name: 'Move stop 1 later' }).focus();
  await page.keyboard.press('Enter');
  await p.getByTestId('builder.stop.1').click();
  await expect(p.getByTestId('builder.say.en')).toHaveValue(/^Ten pods of v1\./);
  // Its question asks for a number of pods, 13; the teacher allows ±1, and switching to choices
  // and back loses nothing.
  await expect(p.getByTestId('builder.kind.number')).toBeChecked();
  await expect(p.getByTestId('builder.number.answer')).toHaveValue('13');
  await expect(p.getByTestId('builder.number.unit.en')).toHaveValue('pods');
  await expect(p.getByTestId('builder.number.unit.ko')).toHaveValue('개');
  await p.getByTestId('builder.number.tolerance').fill('1');
  await p.getByTestId('builder.kind.choices').check();
  await expect(p.getByTestId('builder.choice.0')).toBeVisible();
  await expect(p.getByTestId('builder.number.answer')).toHaveCount(0);
  await p.getByTestId('builder.kind.number').check();
  await expect(p.getByTestId('builder.number.tolerance')).toHaveValue('1');
  await p.getByRole('button', { name: 'Delete stop 9' }).click();
  await expect(p.getByTestId('builder.stops').getByRole('listitem')).toHaveCount(8);
  await page.screenshot({ path: `${SHOTS}/builder-template-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await p.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/builder-template-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.reload();
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  await openBuilder(page);
  await expect(panel(page).getByTestId('builder.stops').getByRole('listitem')).toHaveCount(8);
  await panel(page).getByTestId('builder.stop.1').click();
  await expect(panel(page).getByTestId('builder.number.answer')).toHaveValue('13');
  await expect(panel(page).getByTestId('builder.number.tolerance')).toHaveValue('1');
  // Play: the draft as a learner sees it, with its stops.
  await panel(page).getByTestId('builder.play').click();
  await expect(panel(page)).toBeHidden();
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 8');
});

test('an exported lesson file, imported in another browser, opens in the builder with all of it', async ({
  page,
  browser,
}) => {
  await open(page);
  await openBuilder(page);
  await buildThreeStops(page);
  const p = panel(page);
  await p.getByTestId('builder.claims').fill('pods: { v2: 3 }');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    p.getByTestId('builder.export').click(),
  ]);
  expect(download.suggestedFilename()).toBe('watch-a-rollout.rollout.yaml');
  const file = test.info().outputPath('watch-a-rollout.rollout.yaml');
  await download.saveAs(file);

  // Another computer: no draft kept; the file is all there is.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await open(other);
  await other.getByTestId('share.file').setInputFiles(file);
  await expect.poll(async () => (await state(other)).steps.map((s) => s.run)).toContain(SET_IMAGE);
  // It opens as the lesson it is, at its first stop, ready to play or present.
  await expect(other.getByTestId('lesson.progress')).toHaveText('Stop 1 of 3');
  await expect(other.getByTestId('lesson.say')).toContainText('Three pods of v1 answer.');
  await openBuilder(other);
  const q = panel(other);
  await expect(q.getByTestId('builder.stops').getByRole('listitem')).toHaveCount(3);
  await expect(q.getByTestId('builder.title.en')).toHaveValue('Watch a rollout');
  await expect(q.getByTestId('builder.say.en')).toHaveValue('Three pods of **v1** answer.');
  await q.getByTestId('builder.stop.1').click();
  await expect(q.getByTestId('builder.prompt.en')).toHaveValue(
    'At most how many pods may exist during the rollout?',
  );
  await expect(q.getByTestId('builder.right.1')).toBeChecked();
  await q.getByTestId('builder.stop.2').click();
  await expect(q.getByTestId('builder.claims')).toHaveValue(/v2: 3/);
  await q.getByTestId('builder.checkClaims').click();
  await expect(q.getByTestId('builder.message')).toContainText('The claim holds');
  await fresh.close();
});

test('the keyboard keeps its place when a stop is deleted and when the builder closes', async ({ page }) => {
  await open(page);
  await openBuilder(page);
  const p = panel(page);
  await lab(page, (l) => l.seek(5));
  await p.getByTestId('builder.addStop').click();
  await lab(page, (l) => l.seek(8));
  await p.getByTestId('builder.addStop').click();
  await expect(p.getByTestId('builder.stops').getByRole('listitem')).toHaveCount(2);
  await p.getByRole('button', { name: 'Delete stop 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(p.getByTestId('builder.stops').getByRole('listitem')).toHaveCount(1);
  await expect(p.getByTestId('builder.stop.0')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(p.getByRole('button', { name: 'Delete stop 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(p.getByTestId('builder.addStop')).toBeFocused();
  await p.getByRole('button', { name: 'Close the lesson builder' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel(page)).toBeHidden();
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
});

test('Add stop at a moment that already has a stop says so, and the words there stay', async ({ page }) => {
  await open(page);
  await openBuilder(page);
  const p = panel(page);
  await lab(page, (l) => l.seek(5));
  await p.getByTestId('builder.addStop').click();
  await p.getByTestId('builder.say.en').fill('Three pods of v1.');
  await p.getByTestId('builder.addStop').click();
  await expect(p.getByTestId('builder.stops').getByRole('listitem')).toHaveCount(1);
  await expect(p.getByTestId('builder.message')).toContainText('Stop 1 is already at 0:05.0');
  await expect(p.getByTestId('builder.say.en')).toHaveValue('Three pods of v1.');
  // A new moment, a new stop, and the message is gone.
  await lab(page, (l) => l.seek(8));
  await p.getByTestId('builder.addStop').click();
  await expect(p.getByTestId('builder.stops').getByRole('listitem')).toHaveCount(2);
  await expect(p.getByTestId('builder.message')).toHaveCount(0);
});

test('with the builder open, the skip links lead to it and not to the hidden console', async ({ page }) => {
  await open(page);
  await openBuilder(page);
  const skips = page.getByRole('navigation', { name: 'Skip links' });
  await expect(skips.getByRole('link', { name: 'Skip to the console' })).toBeHidden();
  await skips.getByRole('link', { name: 'Skip to actions' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByTestId('builder.addStop')).toBeFocused();
  // Closed, the side column's actions and console are back, and so are their skip links.
  await panel(page).getByRole('button', { name: 'Close the lesson builder' }).click();
  await expect(skips.getByRole('link', { name: 'Skip to the console' })).toBeAttached();
  await skips.getByRole('link', { name: 'Skip to the console' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#kubectl-input')).toBeFocused();
});

test('Start over asks before replacing the draft, and the keyboard follows the question', async ({
  page,
}) => {
  await open(page);
  await openBuilder(page);
  const p = panel(page);
  await lab(page, (l) => l.seek(5));
  await p.getByTestId('builder.addStop').click();
  await p.getByTestId('builder.new').focus();
  await page.keyboard.press('Enter');
  await expect(p.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(p.getByTestId('builder.new')).toBeFocused();
  await expect(p.getByTestId('builder.stops').getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(p.getByRole('button', { name: 'Replace' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(p.getByTestId('builder.new')).toBeFocused();
  await expect(p.getByText('No stops yet.')).toBeVisible();
});

test('a choice removed from the keyboard leaves the focus on the choice in its place', async ({ page }) => {
  await open(page);
  await openBuilder(page);
  const p = panel(page);
  await lab(page, (l) => l.seek(5));
  await p.getByTestId('builder.addStop').click();
  await p.getByTestId('builder.ask').check();
  await p.getByRole('button', { name: 'Add a choice' }).click();
  await p.getByTestId('builder.choice.0').fill('3');
  await p.getByTestId('builder.choice.1').fill('4');
  await p.getByTestId('builder.choice.2').fill('5');
  await p.getByRole('button', { name: 'Remove choice 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(p.getByTestId('builder.choice.1')).toHaveValue('5');
  await expect(p.getByTestId('builder.choice.1')).toBeFocused();
});

test("a question's problem shows by the question, and the claims are not marked wrong", async ({ page }) => {
  await open(page);
  await openBuilder(page);
  const p = panel(page);
  await lab(page, (l) => l.seek(5));
  await p.getByTestId('builder.addStop').click();
  await p.getByTestId('builder.claims').fill('pods: { v1: 3 }');
  await p.getByTestId('builder.ask').check();
  await p.getByTestId('builder.share').click();
  const problem = p.getByTestId('builder.stopProblem');
  await expect(problem).toHaveText('spec.steps[0].question.prompt: Required value');
  await expect(problem).toBeInViewport({ ratio: 1 });
  await expect(p.getByTestId('builder.claims')).toHaveAttribute('aria-invalid', 'false');
  // Above the claims field, after the question.
  const [problemY, claimsY] = await Promise.all([
    problem.evaluate((e) => e.getBoundingClientRect().top),
    p.getByTestId('builder.claims').evaluate((e) => e.getBoundingClientRect().top),
  ]);
  expect(problemY).toBeLessThan(claimsY);
});

test('claims written as a list are refused at their stop, with the field to fix', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await open(page);
  await openBuilderByKeyboard(page);
  const p = panel(page);
  await lab(page, (l) => l.seek(5));
  await press(p.getByTestId('builder.addStop'));
  const claims = p.getByTestId('builder.claims');
  // Written as a list of claims, as steps are, instead of one map.
  await claims.focus();
  await page.keyboard.type('- pods: { v1: 3 }');
  await press(p.getByTestId('builder.export'));
  await expect(p.getByTestId('builder.message')).toContainText('1 problem to fix first');
  const problem = p.getByTestId('builder.stopProblem');
  await expect(problem).toHaveText('spec.steps[0].expect: Invalid value: [{"pods":{"v1":3}}]: must be a map');
  await expect(problem).toBeInViewport({ ratio: 1 });
  await expect(claims).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SHOTS}/builder-claims-list-1280.png` });
  // A list of words, not of claims: the same field named, not a manifest reader's message.
  await claims.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('["pods", "v1"]');
  await press(p.getByTestId('builder.export'));
  await expect(problem).toHaveText('spec.steps[0].expect: Invalid value: ["pods","v1"]: must be a map');
  // Fixed, the lesson exports.
  await claims.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('pods: { v1: 3 }');
  await press(p.getByTestId('builder.export'));
  await expect(p.getByTestId('builder.message')).toContainText('Exported as');
  await expect(problem).toHaveCount(0);
});

test('in Korean, a claim the screen contradicts is told in Korean', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await openApp(page, '/', 'ko');
  await openBuilderByKeyboard(page);
  const p = panel(page);
  await lab(page, (l) => l.seek(20));
  await press(p.getByTestId('builder.addStop'));
  await p.getByTestId('builder.claims').focus();
  await page.keyboard.type('pods: { v1: 5 }\nreplicaSets: { v2: 3 }');
  await press(p.getByTestId('builder.checkClaims'));
  await expect(p.getByTestId('builder.message')).toContainText('주장 2개 중 2개가 맞지 않습니다');
  const problems = p.getByTestId('builder.stopProblem');
  await expect(problems).toHaveText([
    '0:20.0 expect.pods.v1: 주장은 5, 화면에는 3',
    '0:20.0 expect.replicaSets.v2: 주장은 3, 화면에는 없음',
  ]);
  await page.screenshot({ path: `${SHOTS}/builder-claims-fail-ko-1280.png` });
  // The same check read in English after a switch of language: the words follow the reader.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(problems).toHaveText([
    '0:20.0 expect.pods.v1: claims 5, the screen shows 3',
    '0:20.0 expect.replicaSets.v2: claims 3, the screen shows absent',
  ]);
});

test('a command that failed while exploring is no step of the lesson', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await open(page);
  await lab(page, (l) => l.hold());
  await lab(page, (l) => l.seek(20));
  // Typed in the console: one that works, then two that fail (objects that are not there).
  const prompt = page.getByRole('textbox', { name: 'kubectl command' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  await prompt.focus();
  for (const line of [
    'kubectl scale deployment/kubia --replicas=4',
    'kubectl set image deployment/kubia-typo nodejs=luksa/kubia:v2',
    'kubectl delete deployment nothing-here',
  ]) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expect(log).toContainText('deployments.apps "nothing-here" not found');
  // The Run keeps them, errors and all: a link replays the console as it was.
  expect((await state(page)).steps.map((s) => s.run)).toHaveLength(3);
  await openBuilderByKeyboard(page);
  const p = panel(page);
  await press(p.getByTestId('builder.addStop'));
  await expect(p.getByTestId('builder.stop.0')).toContainText('Stop 1 at 0:20');
  // The scale, the last command that did something, is the stop; the failed ones are not steps.
  await expect(p.getByTestId('builder.stop.0')).toContainText('kubectl scale deployment/kubia --replicas=4');
  await press(p.getByText('Steps up to here'));
  await expect(p.locator('.builder-steps pre')).toHaveText(
    '0:20.0 $ kubectl scale deployment/kubia --replicas=4',
  );
  await page.screenshot({ path: `${SHOTS}/builder-failed-commands-1280.png` });
});

for (const [width, height] of [
  [360, 740],
  [390, 844],
] as const)
  test(`${width}×${height}: what the builder says shows where the teacher is, clear of the button pressed`, async ({
    page,
  }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width, height });
    await open(page);
    await openBuilderByKeyboard(page);
    const p = panel(page);
    const message = p.getByTestId('builder.message');
    const add = p.getByTestId('builder.addStop');
    await press(add);
    await expect(p.getByTestId('builder.stop.0')).toBeVisible();
    // Again at the same moment: the builder says the stop is there, and the stop's form opened under
    // the button, so the footer is far below.
    await press(add);
    await expect(message).toContainText('Stop 1 is already at 0:20');
    await expect(message).toBeInViewport({ ratio: 1 });
    const overlap = async (a: Locator, b: Locator) => {
      const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
      return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
    };
    expect(await overlap(message, add)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/builder-message-${width}.png` });
    // A check pressed in the middle of the stop's form.
    const check = p.getByTestId('builder.checkClaims');
    await press(check);
    await expect(message).toContainText('No stop makes a claim yet');
    await expect(message).toBeInViewport({ ratio: 1 });
    expect(await overlap(message, check)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/builder-message-check-${width}.png` });
    // At the builder's end the message rests above the buttons, not over them.
    const play = p.getByTestId('builder.play');
    await play.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await overlap(message, play)).toBe(false);
    await expect(play).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `${SHOTS}/builder-message-end-${width}.png` });
  });
