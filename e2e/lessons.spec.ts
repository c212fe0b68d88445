/**
 * The lessons in the browser: the picker, every lesson played from its first stop to its last
 * (its final pods are those of the golden run in Node), a question answered, free exploring and
 * the way back, and the lesson UI in Korean. Virtual time moves through the app's test hook and
 * the player's own "Skip to the stop"; nothing sleeps.
 */
import { expect, test, type Page } from '@playwright/test';
import '../src/eager.ts';
import { LESSONS } from '../src/scenario/lessons/index.ts';
import { runLesson } from '../src/scenario/lessons/transcript.ts';
import { lessons as dict } from '../web/i18n/lessons.ts';
import { plainText } from '../web/text/markdown.ts';
import { lab, state } from './lab.ts';

const panel = (page: Page) => page.getByTestId('lesson.panel');
const progress = (page: Page) => page.getByTestId('lesson.progress');

/** Fails the test on any uncaught error or console error. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

test('the picker lists every lesson with its summary and length, and starts one', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Lessons' }).click();
  const picker = page.getByRole('dialog', { name: 'Lessons' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('listitem')).toHaveCount(LESSONS.length);
  for (const l of LESSONS) await expect(picker).toContainText(plainText(l.summary.en));
  await expect(picker).toContainText('about 9 min');
  await picker.getByRole('button', { name: /Rolling update/ }).focus();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(panel(page)).toContainText('Lesson 4');
  await expect(progress(page)).toHaveText('Stop 1 of 9');
  // The focus goes into the lesson, not back to the Lessons button.
  await expect(panel(page).getByRole('heading', { level: 2 })).toBeFocused();
});

for (const lesson of LESSONS) {
  test(`lesson "${lesson.id}" plays from its first stop to its last`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/?lesson=${lesson.id}`);
    const stops = lesson.scenario.spec.steps.filter((s) => s.stop);
    await expect(progress(page)).toHaveText(`Stop 1 of ${stops.length}`);
    // Playing towards a stop moves no time by itself: the player's own Skip takes it there.
    await lab(page, (l) => l.hold());
    for (let k = 1; k < stops.length; k++) {
      // Rendered from Markdown: the words without the markers.
      await expect(panel(page).getByTestId('lesson.say')).toHaveText(plainText(stops[k - 1]!.say!.en));
      const next = panel(page).getByRole('button', { name: /^(Next|Skip the question) ▶$/ });
      await next.click();
      // Jump the rest of the way (a stop at the same moment is there at once).
      const skip = panel(page).getByRole('button', { name: /Skip to the stop/ });
      await expect(async () => {
        if (await skip.isVisible()) await skip.click();
        await expect(progress(page)).toHaveText(`Stop ${k + 1} of ${stops.length}`, { timeout: 1000 });
      }).toPass();
      expect((await state(page)).t).toBeCloseTo(stops[k]!.at, 3);
    }
    await expect(panel(page)).toContainText('End of the lesson.');
    // The browser's final pods are the golden run's.
    const golden = runLesson(lesson)
      .cluster.store.list('Pod')
      .map((p) => p.metadata.name)
      .sort();
    const s = await state(page);
    expect(s.pods.map((p) => p.name).sort()).toEqual(golden);
    expect(errors).toEqual([]);
  });
}

test('a question is answered before the animation shows it, with the arithmetic', async ({ page }) => {
  await page.goto('/?lesson=rolling-update');
  // The spec moves time itself: playing towards a stop waits for it.
  await lab(page, (l) => l.hold());
  await expect(panel(page)).toContainText('at most how many pods may exist');
  // A number to type, not a choice: Enter sends it.
  await panel(page).getByRole('textbox', { name: 'Answer with a number of pods' }).fill('13');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('status').filter({ hasText: 'Right.' })).toBeVisible();
  await expect(panel(page)).toContainText('25% of 10 is 2.5; maxSurge rounds up, to 3');
  await lab(page, (l) => l.advance(30));
  await expect(progress(page)).toHaveText('Stop 2 of 9');
  // The answer stays on screen at the next stop; the next question waits for its answer.
  await expect(panel(page)).toContainText('Answer: 13 pods');
  await panel(page).getByRole('button', { name: '10', exact: true }).click();
  await expect(panel(page)).toContainText('Not quite.');
  await panel(page)
    .getByRole('button', { name: /Skip to the stop/ })
    .click();
  await expect(progress(page)).toHaveText('Stop 3 of 9');
  // The controllers' explanation of what just happened, with its numbers.
  await expect(panel(page).getByRole('region', { name: 'What the controllers did' })).toContainText(
    'maxSurge 25% of 10 is 2.5, rounded up to 3',
  );
  // The rest, folded, named by the controllers that made them.
  await expect(
    panel(page).getByRole('region', { name: 'What the controllers did' }).locator('summary'),
  ).toHaveText('6 more decisions (Deployment controller, ReplicaSet controller, kubelet)');
});

test('with the keyboard alone, the focus stays in the lesson from answer to next stop', async ({ page }) => {
  await page.goto('/?lesson=rolling-update');
  await lab(page, (l) => l.hold());
  const field = panel(page).getByRole('textbox', { name: 'Answer with a number of pods' });
  await field.fill('13');
  await field.press('Enter');
  await expect(panel(page).getByRole('status').filter({ hasText: 'Right.' })).toBeVisible();
  // The field is gone with the question, and the lesson plays on: the focus is on Skip.
  const skip = panel(page).getByRole('button', { name: /Skip to the stop/ });
  await expect(skip).toBeFocused();
  await lab(page, (l) => l.advance(30));
  await expect(progress(page)).toHaveText('Stop 2 of 9');
  // At the stop its question asks first: the focus is on the first choice.
  await expect(panel(page).getByRole('button', { name: '7', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel(page).getByRole('button', { name: '8', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('status').filter({ hasText: 'Right.' })).toBeVisible();
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(progress(page)).toHaveText('Stop 3 of 9');
  await expect(panel(page).getByRole('button', { name: 'Next ▶' })).toBeFocused();
});

test('after the blue/green switch, the lesson names the endpoints controller’s step', async ({ page }) => {
  // Stop 5 comes after the patch of the Service's selector (at 1:05); its answer says the
  // endpoints controller replaced the addresses, and the box below says so too.
  await page.goto('/?lesson=blue-green&stop=5');
  await expect(progress(page)).toHaveText('Stop 5 of 6');
  const did = panel(page).getByRole('region', { name: 'What the controllers did' });
  await expect(did).toContainText('Endpoints controller');
  await expect(did).toContainText(
    'Service kubia now selects app=kubia,color=green instead of app=kubia,color=blue: its endpoints are the pods that selector picks, 3 ready',
  );
  await expect(did).not.toContainText('No controller acted');
});

test('a link to a lesson this page does not have says so, and the app opens as it would', async ({
  page,
}) => {
  await page.goto('/?lesson=nope');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This link opens a lesson this page does not have: “nope”.');
  await expect(alert).toContainText('pick a lesson under Lessons');
  await expect(page.getByRole('button', { name: /^Pod kubia-/ })).toHaveCount(3);
});

test('exploring at a stop, then returning to the lesson', async ({ page }) => {
  await page.goto('/?lesson=recreate');
  await expect(progress(page)).toHaveText('Stop 1 of 3');
  await lab(page, (l) => l.run('kubectl scale deployment kubia --replicas=5'));
  await expect(panel(page)).toContainText('You are exploring. The lesson waits at stop 1.');
  await lab(page, (l) => l.advance(20));
  expect((await state(page)).deployments[0]!.replicas).toBe(5);
  await panel(page).getByRole('button', { name: 'Return to the lesson' }).click();
  await expect(panel(page)).not.toContainText('You are exploring');
  const s = await state(page);
  expect(s.t).toBeCloseTo(20, 3);
  expect(s.deployments[0]!.replicas).toBe(3);
  await panel(page)
    .getByRole('button', { name: /Skip the question/ })
    .click();
  await panel(page)
    .getByRole('button', { name: /Skip to the stop/ })
    .click();
  await expect(progress(page)).toHaveText('Stop 2 of 3');
  await panel(page).getByRole('button', { name: /Back/ }).click();
  await expect(progress(page)).toHaveText('Stop 1 of 3');
});

test('switching to Korean translates the lesson UI', async ({ page }) => {
  await page.goto('/?lesson=canary');
  await expect(progress(page)).toHaveText('Stop 1 of 4');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await expect(progress(page)).toHaveText('멈춤 1 / 4');
  await expect(panel(page)).toContainText('일시 정지와 재개: 카나리');
  await expect(panel(page)).toContainText('롤아웃이 일시 정지된 동안 v2 파드는 몇 개 실행될까요?');
  await expect(panel(page).getByRole('button', { name: /질문 건너뛰기/ })).toBeVisible();
  // No string of the lesson UI is left in English (kubectl output and pod names aside).
  const visible = await panel(page).evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('pre').forEach((p) => p.remove());
    return clone.innerText;
  });
  const english = Object.values(dict).filter((s) => s.length > 3 && !s.includes('{') && visible.includes(s));
  expect(english).toEqual([]);
  await page.getByRole('button', { name: '레슨', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '레슨' })).toContainText('롤링 업데이트');
  await expect(page.getByRole('dialog', { name: '레슨' })).toContainText('약 9분');
});
