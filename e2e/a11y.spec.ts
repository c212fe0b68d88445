/** axe in every mode the app has: no serious or critical violations. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { crowdedRollout, midRollout, openApp } from './scenes.ts';

async function noSerious(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const MODES: {
  name: string;
  path: string;
  size?: [number, number];
  setup?: (page: Page) => Promise<void>;
}[] = [
  { name: 'main', path: '/', setup: midRollout },
  { name: 'main, crowded lanes', path: '/', setup: crowdedRollout },
  { name: 'main, dark', path: '/', setup: async (p) => p.emulateMedia({ colorScheme: 'dark' }) },
  { name: 'lesson', path: '/?lesson=rolling-update&stop=2' },
  {
    name: 'lesson, a number question with what is no number refused',
    path: '/?lesson=rolling-update',
    setup: async (p) => {
      await p.getByTestId('lesson.number').fill('x');
      await p.getByTestId('lesson.number').press('Enter');
      await expect(p.getByTestId('lesson.panel').getByRole('alert')).toBeVisible();
    },
  },
  {
    name: 'presentation',
    path: '/?lesson=rolling-update&stop=3',
    setup: async (p) => {
      await expect(p.getByTestId('lesson.panel')).toBeVisible();
      await p.keyboard.press('p');
      await expect(p.getByTestId('present.root')).toBeVisible();
    },
  },
  {
    name: 'lesson builder, a stop with a question and claims',
    path: '/',
    setup: async (p) => {
      await p.getByTestId('lessons.open').click();
      await p.getByTestId('builder.open').click();
      await p.getByTestId('builder.addStop').click();
      await p.getByTestId('builder.ask').check();
      await p.getByTestId('builder.kind.number').check();
      await p.getByTestId('builder.claims').fill('pods: [');
      await p.getByTestId('builder.export').click();
      await expect(p.getByTestId('builder.stopProblem')).toBeVisible();
    },
  },
  { name: 'embed', path: '/?embed=1', size: [946, 618], setup: midRollout },
  { name: 'phone', path: '/?lesson=rolling-update&stop=4', size: [390, 844] },
  {
    name: 'YAML editor with an edit kept, at 150% text',
    path: '/',
    setup: async (p) => {
      for (let i = 0; i < 3; i++) await p.getByRole('button', { name: 'Larger text' }).click();
      await p.getByRole('button', { name: 'YAML editor' }).click();
      const editor = p.getByRole('textbox', { name: 'YAML manifest' });
      await editor.fill((await editor.innerText()).replace('replicas: 3', 'replicas: 4'));
      await p.keyboard.press('Escape');
      // At 150% the header's settings wait behind More; closing the editor gave the focus back there.
      await expect(p.locator('header.top summary', { hasText: 'More' })).toBeFocused();
      await p.keyboard.press('Enter');
      await p.getByRole('button', { name: 'YAML editor' }).click();
      await expect(p.getByText('Your edit, not applied, was kept')).toBeVisible();
    },
  },
  {
    name: 'shortcuts and wide console',
    path: '/',
    setup: async (p) => {
      await p.getByRole('button', { name: 'Widen' }).click();
      await p.locator('body').press('?');
    },
  },
];

for (const mode of MODES)
  test(`axe: ${mode.name}`, async ({ page }) => {
    // axe walks the whole page; on a shared 2-core machine that takes a while.
    test.setTimeout(120_000);
    if (mode.size) await page.setViewportSize({ width: mode.size[0], height: mode.size[1] });
    await openApp(page, mode.path);
    await mode.setup?.(page);
    await noSerious(page);
  });
