/**
 * The moments the layout must hold, reached through the test hook and the app's own buttons (no
 * sleeps): shared by the layout checks and the screenshot matrix.
 */
import { expect, type Page } from '@playwright/test';
import type { Scenario } from '../src/index.ts';
import { lab, state } from './lab.ts';

export type Lang = 'en' | 'ko';

/** Opens `path` in `lang` (saved as the reader's choice before the app boots). */
export async function openApp(page: Page, path = '/', lang: Lang = 'en'): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('rollout-lab.lang', l), lang);
  await page.goto(path);
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  await expect(page.locator('svg.diagram')).toBeVisible();
}

/** Beside the diagram blue/green has a tab of its own (named like its first button): open it. */
export async function showBlueGreen(page: Page, name: string | RegExp = 'Blue/green'): Promise<void> {
  const tab = page.getByRole('tab', { name });
  if (await tab.isVisible()) await tab.click();
}

/** Mid rolling update: both ReplicaSets have pods, requests in flight. */
export async function midRollout(page: Page): Promise<void> {
  await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2'));
  await lab(page, (l) => l.advance(9.3));
}

/**
 * Blue/green with the Blue/green button, advanced until every green pod is ready while blue's pods
 * are still there: both Deployments' pods on screen, as the Service's selector switches.
 */
export async function blueGreenReady(page: Page, button: string | RegExp = 'Blue/green'): Promise<void> {
  await showBlueGreen(page, button);
  await page.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
  await expect.poll(async () => (await state(page)).deployments.length).toBe(2);
  const ready = await lab(page, (l) => {
    for (let i = 0; i < 400; i++) {
      const s = l.state();
      const green = s.deployments.find((d) => d.name.endsWith('-green'));
      const bluePods = s.pods.filter((p) => green && !p.name.startsWith(`${green.name}-`));
      if (green && green.replicas > 0 && green.available === green.replicas && bluePods.length > 0)
        return true;
      l.advance(0.25);
    }
    return false;
  });
  expect(ready, 'green ready while blue still runs').toBe(true);
}

/** The rollback exercise: v2 rolled out, then a broken v3 stuck: three ReplicaSets (v1 idle). */
export async function threeReplicaSets(page: Page): Promise<void> {
  await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2'));
  await lab(page, (l) => l.advance(60));
  await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v3'));
  await lab(page, (l) => l.advance(20));
  const s = await state(page);
  expect(s.deployments[0]?.replicaSets.length).toBe(3);
}

/**
 * 80 replicas mid rolling update: too many pods for a lane's glyphs one by one, so each lane's
 * pods are drawn as paths and reached as one listbox (PodLayer).
 */
export async function crowdedRollout(page: Page): Promise<void> {
  await lab(page, (l) => l.run('kubectl scale deployment/kubia --replicas=80'));
  await lab(page, (l) => l.advance(40));
  await midRollout(page);
}

/**
 * A rolling update of 1,000 replicas (8 nodes of 250 pods) ten seconds in: four-digit counts in
 * the Deployment's words and its budget gauge (`available 750 ≥ 750`, `available 750/1000`).
 */
export async function thousandReplicas(page: Page): Promise<void> {
  const container = { name: 'nodejs', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] };
  const manifests = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'kubia', labels: { app: 'kubia' } },
      spec: {
        replicas: 1000,
        selector: { matchLabels: { app: 'kubia' } },
        template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [container] } },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubia' },
      spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] },
    },
  ];
  const scenario: Scenario = {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: 'thousand' },
    spec: {
      seed: 7,
      cluster: { nodes: 8, cpu: '16', memory: '64Gi', maxPods: 250 },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 20 },
      manifests: JSON.stringify(manifests),
      steps: [{ at: 30, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' }],
    },
  };
  await page.evaluate((s) => window.__rolloutLab!.load(s, 40), scenario);
  await expect.poll(async () => (await state(page)).deployments[0]?.replicas).toBe(1000);
}
