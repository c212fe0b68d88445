/**
 * Progress remembered per browser: a lesson's furthest stop and answers show in the picker, stay
 * after a reload, and "Reset progress" forgets them.
 */
import { expect, test } from '@playwright/test';
import { lab } from './lab.ts';

test('the picker shows how far a lesson got and the answers, across a reload, until reset', async ({
  page,
}) => {
  await page.goto('/?lesson=canary');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 4');
  await lab(page, (l) => l.hold());
  const panel = page.getByTestId('lesson.panel');
  // Answer the first question right (1 v2 pod), then skip to the stop it plays to.
  await panel.getByRole('button', { name: '1', exact: true }).click();
  await panel.getByRole('button', { name: /Skip to the stop/ }).click();
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 2 of 4');

  const picker = page.getByRole('dialog', { name: 'Lessons' });
  await page.getByTestId('lessons.open').click();
  await expect(picker.getByTestId('progress.canary')).toHaveText(
    'Reached stop 2 of 4 · 1 of 1 answered right',
  );
  await expect(picker.getByTestId('progress.rolling-update')).toHaveCount(0);

  await page.reload();
  await page.getByTestId('lessons.open').click();
  await expect(picker.getByTestId('progress.canary')).toContainText('Reached stop 2 of 4');

  await picker.getByRole('button', { name: 'Reset progress' }).click();
  await expect(picker).toContainText('Forget the lessons completed');
  await picker
    .getByRole('group', { name: 'Reset progress' })
    .getByRole('button', { name: 'Reset progress' })
    .click();
  await expect(picker.getByTestId('progress.canary')).toHaveCount(0);
  await expect(picker.getByRole('button', { name: 'Reset progress' })).toBeDisabled();
});
