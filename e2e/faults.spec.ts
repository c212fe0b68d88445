import { expect, test, type Page } from '@playwright/test';
import { lab, state } from './lab.ts';

const open = async (page: Page) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
};
const nodeBox = (page: Page, node: string) =>
  page.getByRole('img', { name: new RegExp(`^Node ${node}: \\d+ of \\d+ pods`) });
const podsOnNode = async (page: Page, node: string) => {
  const label = (await nodeBox(page, node).getAttribute('aria-label')) ?? '';
  return Number(/: (\d+) of/.exec(label)?.[1] ?? NaN);
};

test('draining a node during a rolling update moves its pods to the other nodes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1300 });
  await open(page);
  await lab(page, (l) => l.hold());
  await page.getByRole('button', { name: 'Nodes', exact: true }).click();
  await expect(nodeBox(page, 'node-1')).toBeVisible();
  const faults = page.getByRole('region', { name: 'Faults' });
  await expect(faults).toBeVisible();
  // A budget that keeps 2 of the 3 pods, then v2, then node-1 drained while v2 rolls out.
  await faults.getByRole('button', { name: 'Add a PodDisruptionBudget (minAvailable 2)' }).click();
  const log = page.getByRole('log', { name: 'kubectl output' });
  await expect(log).toContainText('poddisruptionbudget.policy/kubia created');
  await page.getByRole('combobox', { name: 'Image' }).selectOption('luksa/kubia:v2');
  await page.getByRole('button', { name: 'Rolling update' }).click();
  await expect(log).toContainText('deployment.apps/kubia image updated');
  await lab(page, (l) => l.advance(4));
  expect(await podsOnNode(page, 'node-1')).toBeGreaterThan(0);
  await faults.getByTestId('fault-node-node-1').getByRole('button', { name: 'Drain' }).click();
  await expect(log).toContainText('node/node-1 cordoned');
  await expect(log).toContainText('evicting pod default/kubia-');
  await expect(nodeBox(page, 'node-1')).toContainText('SchedulingDisabled');
  await expect(faults.getByTestId('fault-node-node-1')).toContainText('Ready,SchedulingDisabled');
  // Watch the pods move: node-1 empties while the rollout goes on on node-2 and node-3.
  await lab(page, (l) => l.advance(3));
  await page.screenshot({ path: 'test-results/faults-drain-mid.png' });
  for (let i = 0; i < 12 && (await podsOnNode(page, 'node-1')) > 0; i++) await lab(page, (l) => l.advance(5));
  await expect(log).toContainText('node/node-1 drained');
  expect(await podsOnNode(page, 'node-1')).toBe(0);
  await lab(page, (l) => l.advance(60));
  const s = await state(page);
  expect(s.deployments[0]).toMatchObject({ name: 'kubia', replicas: 3, updated: 3, available: 3 });
  expect(s.pods.filter((p) => p.version === 'v2' && p.state === 'available')).toHaveLength(3);
  expect((await podsOnNode(page, 'node-2')) + (await podsOnNode(page, 'node-3'))).toBe(3);
  await page.screenshot({ path: 'test-results/faults-drain.png', fullPage: true });
});

test('a node whose kubelet stops goes NotReady and its pods are replaced after 300 s', async ({ page }) => {
  await open(page);
  await lab(page, (l) => l.hold());
  await page.getByRole('button', { name: 'Nodes', exact: true }).click();
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByTestId('fault-node-node-2').getByRole('button', { name: 'Stop kubelet' }).click();
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(
    'node/node-2 kubelet stopped (simulated)',
  );
  await lab(page, (l) => l.advance(60));
  await expect(nodeBox(page, 'node-2')).toContainText('NotReady');
  await expect(page.getByRole('region', { name: /Why/ }).first()).toContainText('Node lifecycle controller');
  await lab(page, (l) => l.advance(300));
  const s = await state(page);
  expect(s.pods.filter((p) => p.state === 'available')).toHaveLength(3);
  await page.screenshot({ path: 'test-results/faults-node-down.png', fullPage: true });
});

test('a drain the budget holds back prints its refusal where it happened, before "drained"', async ({
  page,
}) => {
  await open(page);
  await lab(page, (l) => l.hold());
  await page.getByRole('button', { name: 'Nodes', exact: true }).click();
  const faults = page.getByRole('region', { name: 'Faults' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  await faults.getByRole('button', { name: 'Add a PodDisruptionBudget (minAvailable 2)' }).click();
  await expect(log).toContainText('poddisruptionbudget.policy/kubia created');
  // node-1's pod moves to node-2; draining node-2 then asks for two at once and the budget
  // allows one: the other is refused and retried 5 s later.
  await faults.getByTestId('fault-node-node-1').getByRole('button', { name: 'Drain' }).click();
  await expect(log).toContainText('node/node-1 cordoned');
  await lab(page, (l) => l.advance(10));
  await expect(log).toContainText('node/node-1 drained');
  await faults.getByTestId('fault-node-node-2').getByRole('button', { name: 'Drain' }).click();
  await expect(log).toContainText('node/node-2 cordoned');
  for (let i = 0; i < 12 && !(await log.innerText()).includes('node/node-2 drained'); i++)
    await lab(page, (l) => l.advance(5));
  const text = await log.innerText();
  const refused = text.indexOf('error when evicting pods/');
  expect(refused).toBeGreaterThan(text.indexOf('node/node-2 cordoned'));
  expect(refused).toBeLessThan(text.lastIndexOf('evicting pod default/'));
  expect(refused).toBeLessThan(text.indexOf('node/node-2 drained'));
  await page.screenshot({ path: 'test-results/faults-drain-retry.png' });
});
