/**
 * Following a Kubernetes API: the app connects to `npm run serve`, the real kubectl rolls the
 * served Deployment to v2, and the app draws the rolling update as the watches deliver it. Nothing
 * that writes can be done while following; Share and Export carry a scenario that replays what was
 * seen; Disconnect returns to the lab as it was. Skipped, saying why, without a kubectl binary.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { KUBIA_SVC, KUBIA_V1 } from '../src/server/fixtures.ts';
import { lab, state } from './lab.ts';

const KUBECTL = ['kubectl', '/usr/lib/google-cloud-sdk/bin/kubectl.1.33'].find(
  (k) => spawnSync(k, ['version', '--client'], { encoding: 'utf8' }).status === 0,
);
const SHOTS = process.env['FOLLOW_SHOTS'];

interface Served {
  url: string;
  kubeconfig: string;
  child: ChildProcess;
  dir: string;
}

/** `npm run serve` of the chapter's kubia on a free port, virtual time five times the wall clock. */
async function serve(appOrigin: string): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-follow-e2e-'));
  const file = join(dir, 'kubia.yaml');
  const scenario = {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: 'kubia-served' },
    spec: { seed: 7, cluster: { nodes: 3 }, manifests: `${KUBIA_V1}---\n${KUBIA_SVC}`, steps: [] },
  };
  writeFileSync(file, JSON.stringify(scenario));
  const origin = appOrigin.replace(/[.]/g, '\\.');
  const child = spawn(
    'npm',
    [
      'run',
      '--silent',
      'serve',
      '--',
      file,
      '--port',
      '0',
      '--speed',
      '5',
      `--cors-allowed-origins=^${origin}$`,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const lines = await new Promise<string[]>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const l = out.split('\n');
      if (l.length > 2) resolve(l);
    });
    child.on('exit', (code) => reject(new Error(`npm run serve exited ${code}: ${err}`)));
  });
  const url = /^Kubernetes API at (\S+)$/.exec(lines[0]!)?.[1];
  const kubeconfig = /^KUBECONFIG=(.+)$/.exec(lines[1]!)?.[1];
  if (!url || !kubeconfig) throw new Error(`unexpected output of npm run serve: ${out}`);
  return { url, kubeconfig, child, dir };
}

function stopServing(s: Served | undefined): void {
  if (!s) return;
  try {
    process.kill(-s.child.pid!, 'SIGTERM');
  } catch {
    // Already gone.
  }
  rmSync(s.dir, { recursive: true, force: true });
}

const kubectl = (s: Served, args: string[]) =>
  spawnSync(KUBECTL!, args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: s.kubeconfig } });

const pods = (page: Page, version: string) =>
  page.getByRole('button', { name: new RegExp(`^Pod kubia-\\S+, version ${version}`) });

async function connect(page: Page, url: string, namespace = 'default') {
  await page.getByTestId('follow.open').click();
  const dialog = page.getByTestId('follow.dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('follow.url').fill(url);
  await dialog.getByTestId('follow.namespace').fill(namespace);
  await dialog.getByTestId('follow.connect').click();
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

test.describe('following npm run serve', () => {
  let served: Served | undefined;
  test.afterEach(() => {
    stopServing(served);
    served = undefined;
  });

  test('draws a rolling update the real kubectl starts; writes disabled; export replays it; disconnect returns', async ({
    browser,
    page,
    baseURL,
  }) => {
    if (!KUBECTL) console.log('skipped: no kubectl binary on this machine (kubectl, kubectl.1.33)');
    test.skip(!KUBECTL, 'no kubectl binary on this machine');
    // A server to start and a rollout in real time (virtual time five times the wall clock).
    test.slow();
    served = await serve(new URL(baseURL!).origin);
    // The served kubia settles first (the real kubectl says when), so what is drawn on connecting is known.
    const settled = kubectl(served, ['rollout', 'status', 'deployment/kubia', '--timeout=90s']);
    expect(settled.stdout).toContain('deployment "kubia" successfully rolled out');
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
    const before = await state(page);

    // Errors first, in kubectl's words: nothing listening, and a server that is not a Kubernetes API.
    await connect(page, 'http://127.0.0.1:1');
    await expect(page.getByTestId('follow.error')).toHaveText(
      'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?',
    );
    await page.getByTestId('follow.url').fill(new URL(baseURL!).origin);
    await page.getByTestId('follow.connect').click();
    await expect(page.getByTestId('follow.error')).toContainText(
      "error: couldn't get current server API group list",
    );
    await page.getByTestId('follow.url').fill(served.url);
    await page.getByTestId('follow.namespace').fill('nowhere');
    await page.getByTestId('follow.connect').click();
    await expect(page.getByTestId('follow.error')).toHaveText(
      'Error from server (NotFound): namespaces "nowhere" not found',
    );
    await shot(page, 'follow-error');
    await page.getByTestId('follow.namespace').fill('default');
    await page.getByTestId('follow.connect').click();

    await expect(page.getByTestId('follow.bar')).toContainText(`Following default at ${served.url}`);
    await expect(page.getByTestId('follow.dialog')).toHaveCount(0);
    await expect(pods(page, 'v1')).toHaveCount(3);
    await expect(page.getByText('A followed cluster’s controllers do not say why they act')).toBeVisible();
    // Nothing that writes: the action buttons, the lessons, New and Import say why they are off.
    await expect(page.getByTestId('actions.readOnly')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Rolling update' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'New scenario' })).toBeDisabled();
    await expect(page.getByTestId('lessons.open')).toBeDisabled();
    // The console reads the followed cluster and refuses to write to it.
    const input = page.getByRole('textbox', { name: 'kubectl command' });
    await input.fill('kubectl get deployment kubia');
    await input.press('Enter');
    const log = page.getByRole('log', { name: 'kubectl output' });
    await expect(log).toContainText('kubia   3/3     3            3');
    await input.fill('kubectl scale deployment/kubia --replicas=1');
    await input.press('Enter');
    await expect(log).toContainText('read-only and never writes to the cluster');
    await shot(page, 'follow-connected');

    // The real kubectl starts a rolling update on the served cluster; the app draws it.
    const set = kubectl(served, ['set', 'image', 'deployment/kubia', 'nodejs=luksa/kubia:v2']);
    expect(set.stdout + set.stderr).toBe('deployment.apps/kubia image updated\n');
    await expect(pods(page, 'v2').first()).toBeVisible();
    // Mid-rollout: both versions on screen.
    await expect(pods(page, 'v1').first()).toBeVisible();
    await shot(page, 'follow-rolling');
    await expect(pods(page, 'v2')).toHaveCount(3, { timeout: 60_000 });
    await expect(pods(page, 'v1')).toHaveCount(0, { timeout: 60_000 });
    const s = await state(page);
    expect(s.deployments[0]).toMatchObject({ name: 'kubia', replicas: 3 });
    expect(s.deployments[0]!.replicaSets.map((r) => r.image).sort()).toEqual([
      'luksa/kubia:v1',
      'luksa/kubia:v2',
    ]);
    await shot(page, 'follow-rolled');

    // Export: the scenario reconstructed from what was watched, with the real kubectl's change as a step.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const file = await (await download).path();
    const exported = readFileSync(file, 'utf8');
    expect(exported).toContain('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
    expect(exported).toContain('luksa/kubia:v1');

    // Share: the link opens in the simulator and replays the rollout.
    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.getByTestId('share.url').inputValue();
    await page.keyboard.press('Escape');
    // In a browser of its own: opening a link in this one would replace the work this tab keeps.
    const other = await browser.newContext();
    const replay = await other.newPage();
    await replay.goto(link);
    await expect(replay.getByRole('button', { name: 'Rolling update' })).toBeVisible();
    await lab(replay, (l) => l.seek(300));
    const r = await state(replay);
    expect(r.steps.map((x) => x.run)).toContain('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
    expect(r.deployments[0]!.replicaSets.find((x) => x.image === 'luksa/kubia:v2')?.replicas).toBe(3);
    await other.close();

    // Disconnect: the lab as it was, its own run, moment and steps.
    await page.getByTestId('follow.disconnect').click();
    await expect(page.getByTestId('follow.open')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Rolling update' })).toBeEnabled();
    const after = await state(page);
    expect({ t: after.t, steps: after.steps, deployments: after.deployments }).toEqual({
      t: before.t,
      steps: before.steps,
      deployments: before.deployments,
    });
    await shot(page, 'follow-disconnected');
  });

  test('a page from an origin the server does not allow is told so (CORS)', async ({ page, baseURL }) => {
    served = await serve(new URL(baseURL!).origin);
    // Same app, another origin: localhost instead of 127.0.0.1.
    await page.goto(baseURL!.replace('127.0.0.1', 'localhost'));
    await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
    await connect(page, served.url);
    await expect(page.getByTestId('follow.error')).toContainText(
      `answered, but does not let pages from ${new URL(baseURL!.replace('127.0.0.1', 'localhost')).origin} read it`,
    );
    await shot(page, 'follow-cors');
  });
});
