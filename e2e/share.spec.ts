/**
 * Share links, embeds, files and autosave, end to end: virtual time moves through the test hook
 * (never sleeps); hostile links are built with the real codec or by hand.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { createRun } from '../src/index.ts';
import { base64url, encodeShare } from '../src/scenario/share.ts';
import { defaultScenario } from '../web/lab/defaultScenario.ts';
import { lab, state } from './lab.ts';

const WORK_KEY = 'rollout-lab.work';
/** Screenshots to review (another directory with SHARE_SHOTS=…). */
const SHOTS = process.env['SHARE_SHOTS'] ?? 'test-results/share';

const open = async (page: Page, url = '/') => {
  await page.goto(url);
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  await expect(page.getByRole('group', { name: 'Scenario' }).first()).toBeVisible();
};

/** The pods the diagram draws, by accessible name (name, version, state). */
const diagramPods = (page: Page) =>
  page
    .getByRole('button', { name: /^Pod / })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? '').sort());

const savedWork = (page: Page) => page.evaluate((k) => localStorage.getItem(k), WORK_KEY);
const savedSteps = async (page: Page) => {
  const text = await savedWork(page);
  return text
    ? (JSON.parse(text) as { scenario: { spec: { steps: { run: string }[] } } }).scenario.spec.steps.map(
        (s) => s.run,
      )
    : [];
};

/** A rolling update caught in the middle, with the work autosaved. */
async function midRollout(page: Page) {
  await open(page);
  await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2'));
  await lab(page, (l) => l.advance(9));
  await expect
    .poll(() => savedSteps(page))
    .toEqual(['kubectl set image deployment/kubia nodejs=luksa/kubia:v2']);
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this moment' });
  await expect(dialog).toBeVisible();
  return dialog.getByRole('textbox', { name: 'Link' }).inputValue();
}

test('a shared link rebuilds the same frame in a fresh browser', async ({ page, browser }) => {
  await midRollout(page);
  const before = await state(page);
  const pods = await diagramPods(page);
  expect(pods.length).toBeGreaterThan(3);
  const url = await shareLink(page);
  expect(url.length).toBeLessThan(1000);
  await expect(page.getByTestId('share.length')).toContainText(`${url.length} characters`);
  await page.getByRole('button', { name: 'Copy' }).first().click();
  await expect(page.getByRole('dialog').getByRole('status').first()).not.toBeEmpty();
  await page.screenshot({ path: `${SHOTS}/share-dialog.png` });

  const fresh = await browser.newContext({ reducedMotion: 'reduce' });
  const other = await fresh.newPage();
  await open(other, url);
  await expect.poll(async () => (await state(other)).t).toBe(before.t);
  const after = await state(other);
  expect(after.playing).toBe(false);
  expect(after.pods).toEqual(before.pods);
  expect(after.deployments).toEqual(before.deployments);
  expect(after.steps).toEqual(before.steps);
  expect(after.duration).toBe(before.duration);
  expect(await diagramPods(other)).toEqual(pods);
  await expect(other.locator('.timeline .step-marker')).toHaveCount(
    await page.locator('.timeline .step-marker').count(),
  );
  // It plays on from there like the original.
  await lab(other, (l) => l.advance(60));
  await lab(page, (l) => l.advance(60));
  expect((await state(other)).pods).toEqual((await state(page)).pods);
  await fresh.close();
});

test('a lesson’s address with a link as well opens the lesson and keeps the link one click away', async ({
  page,
}) => {
  const scaled = defaultScenario();
  scaled.spec.steps = [{ at: 25, run: 'kubectl scale deployment/kubia --replicas=5' }];
  await open(page, `/?lesson=recreate#${encodeShare({ scenario: scaled, at: 40 })}`);
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 1 of 3');
  const notice = page.getByTestId('share.notice');
  await expect(notice).toContainText('This address opens a lesson and carries a shared link as well');
  await expect(page.getByRole('button', { name: /^Pod / })).toHaveCount(3);
  await notice.getByRole('button', { name: 'Open the link' }).click();
  await expect.poll(async () => (await state(page)).t).toBe(40);
  await expect(page.getByRole('button', { name: /^Pod / })).toHaveCount(5);
  await expect(page.getByTestId('lesson.panel')).toHaveCount(0);
  // The lesson's part of the address is gone: a reload shows the link's moment, not the lesson.
  expect(new URL(page.url()).search).toBe('');
});

test('a lesson opened over saved work keeps the work waiting, and Back to my saved work returns to it', async ({
  page,
}) => {
  await open(page);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl scale deployment kubia --replicas=5');
  await input.press('Enter');
  await expect.poll(() => savedSteps(page)).toEqual(['kubectl scale deployment kubia --replicas=5']);
  await open(page, '/?lesson=rolling-update');
  await expect(page.getByTestId('lesson.progress')).toHaveText(/^Stop 1 of/);
  const notice = page.getByTestId('share.notice');
  await expect(notice).toContainText('A lesson is open over your saved work.');
  await lab(page, (l) => l.advance(30));
  expect(await savedSteps(page)).toEqual(['kubectl scale deployment kubia --replicas=5']);
  await notice.getByRole('button', { name: 'Back to my saved work' }).click();
  await expect(page.getByTestId('lesson.panel')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Pod kubia-/ })).toHaveCount(5);
  expect(new URL(page.url()).search).toBe('');
});

test('a link too long for the page to open says so in the Share dialog, and points to Export', async ({
  page,
}) => {
  await open(page);
  // A manifest with 150,000 characters that do not compress, in a comment: one step.
  const exit = await page.evaluate(() => {
    let noise = '';
    let x = 12345;
    for (let i = 0; i < 150_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      noise += String.fromCharCode(33 + ((x >>> 16) % 90));
    }
    const yaml = `apiVersion: v1\nkind: Service\nmetadata:\n  name: noise\nspec:\n  ports:\n  - port: 80\n# ${noise.replace(/[#\\]/g, 'x')}\n`;
    const r = window.__rolloutLab!.run('kubectl apply -f -', yaml);
    return r.exitCode ? r.stderr : 0;
  });
  expect(exit).toBe(0);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const length = page.getByTestId('share.length');
  await expect(length).toContainText(
    'Rollout Lab does not open links this long (at most 100,000 characters)',
  );
  await expect(length).toContainText('use Export');
});

test('embed in a sandboxed iframe: compact chrome, no console, open in the full app', async ({
  page,
  baseURL,
}) => {
  const fragment = encodeShare({
    scenario: {
      ...defaultScenario(),
      spec: {
        ...defaultScenario().spec,
        steps: [{ at: 20, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' }],
      },
    },
    at: 29,
  });
  await page.setContent(
    `<h1>Course page</h1><iframe title="lab" src="${baseURL}/?embed=1#${fragment}" sandbox="allow-scripts" style="width:900px;height:600px"></iframe>`,
  );
  const frame = page.frameLocator('iframe[title="lab"]');
  await expect(frame.getByRole('link', { name: 'Open in Rollout Lab' })).toBeVisible();
  await expect(frame.getByRole('button', { name: /^Pod kubia-/ }).first()).toBeVisible();
  await expect(frame.getByRole('log', { name: 'kubectl output' })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Export' })).toHaveCount(0);
  const link = frame.getByRole('link', { name: 'Open in Rollout Lab' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  expect(await link.getAttribute('href')).toMatch(new RegExp(`^${baseURL}/#2\\.`));
  await page.screenshot({ path: `${SHOTS}/embed.png` });
  // No clipboard and no storage in the sandbox: copying selects the text instead.
  await frame.getByRole('button', { name: 'Share', exact: true }).click();
  await frame.getByRole('button', { name: 'Copy' }).first().click();
  await expect(frame.getByRole('dialog').getByRole('status').first()).toContainText(/copied|selected/i);
});

test('the embed example page runs the lab in its iframe, console on request', async ({ page }) => {
  await page.goto('/embed-example.html');
  const frame = page.frameLocator('#lab');
  await expect(frame.getByRole('button', { name: /^Pod kubia-/ }).first()).toBeVisible();
  await expect(frame.getByRole('link', { name: 'Open in Rollout Lab' })).toBeVisible();
  const src = await page.locator('#lab').getAttribute('src');
  await page.goto(`/${src!.replace('./?embed=1', '?embed=1&console=1')}`);
  await expect(page.getByRole('log', { name: 'kubectl output' })).toBeVisible();
});

test('export, then import by file picker; the CLI runs the exported file', async ({ page }, info) => {
  await midRollout(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('kubia.rollout.yaml');
  const file = info.outputPath('kubia.rollout.yaml');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('kind: Scenario');
  expect(text).toContain('manifests: |');
  expect(text).toContain('run: kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
  const cli = execFileSync('npx', ['tsx', 'src/cli.ts', file, '--until', '120'], { encoding: 'utf8' });
  expect(cli).toContain('ScalingReplicaSet');

  // Exported, so starting over needs no confirmation.
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await state(page)).steps).toEqual([]);
  await page.getByTestId('share.file').setInputFiles(file);
  await expect
    .poll(async () => (await state(page)).steps.map((s) => s.run))
    .toEqual(['kubectl set image deployment/kubia nodejs=luksa/kubia:v2']);
  // A file that is not a scenario: a clear message, the scenario stays.
  writeFileSync(info.outputPath('bad.yaml'), 'apiVersion: apps/v1\nkind: Deployment\n');
  await page.getByTestId('share.file').setInputFiles(info.outputPath('bad.yaml'));
  await expect(page.getByRole('alert')).toContainText('“bad.yaml” is not a scenario Rollout Lab can open.');
  expect((await state(page)).steps).toHaveLength(1);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss this message' }).click();
  // A misspelt field is refused as the API server refuses it, not dropped: `aftr:` would have
  // run the step at once.
  writeFileSync(
    info.outputPath('typo.yaml'),
    text.replace(
      '    run: kubectl set image',
      '    aftr: kubectl rollout status deployment/kubia\n    run: kubectl set image',
    ),
  );
  await page.getByTestId('share.file').setInputFiles(info.outputPath('typo.yaml'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('“typo.yaml” is not a scenario Rollout Lab can open.');
  await alert.getByText('Technical details').click();
  await expect(alert).toContainText('strict decoding error: unknown field "spec.steps[0].aftr"');
  expect((await state(page)).steps).toHaveLength(1);
});

test('drag and drop a scenario file onto the page', async ({ page }) => {
  await open(page);
  const s = defaultScenario();
  s.metadata.name = 'dropped';
  s.spec.steps = [{ at: 5, run: 'kubectl scale deployment/kubia --replicas=5' }];
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.rollout.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(s));
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
  await expect(page.getByText('Drop a scenario file')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await expect.poll(async () => (await state(page)).pods.length).toBe(5);
});

test('New scenario asks before discarding unsaved work', async ({ page }) => {
  await midRollout(page);
  await page.getByRole('button', { name: 'New scenario' }).click();
  const confirm = page.getByRole('dialog', { name: 'Start a new scenario?' });
  await expect(confirm).toContainText('has not been exported or shared');
  expect(await confirm.evaluate((d) => d.matches(':modal'))).toBe(true);
  await page.screenshot({ path: `${SHOTS}/confirm-new.png` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect((await state(page)).steps).toHaveLength(1);
  await page.getByRole('button', { name: 'New scenario' }).click();
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  expect((await state(page)).steps).toEqual([]);
  await expect.poll(() => savedSteps(page)).toEqual([]);
});

test('reload restores the work, the time and the open panels', async ({ page }) => {
  await midRollout(page);
  const before = await state(page);
  await page.reload();
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  await expect.poll(async () => (await state(page)).t).toBe(before.t);
  const after = await state(page);
  expect(after.steps).toEqual(before.steps);
  expect(after.pods).toEqual(before.pods);
});

test('a link opened while saved work exists keeps the saved work and offers the way back', async ({
  page,
}) => {
  await midRollout(page);
  // The work as autosave keeps it once it has caught up with the moment shown (it writes at most
  // every half second; leaving the page writes what is pending).
  const { t } = await state(page);
  await expect.poll(async () => (JSON.parse((await savedWork(page)) ?? '{}') as { at?: number }).at).toBe(t);
  const saved = await savedWork(page);
  const s = defaultScenario();
  s.spec.steps = [{ at: 10, run: 'kubectl scale deployment/kubia --replicas=5' }];
  await page.goto('about:blank');
  await open(page, `/#${encodeShare({ scenario: s, at: 30 })}`);
  await expect(
    page.getByRole('status').filter({ hasText: 'You are looking at a shared link.' }),
  ).toBeVisible();
  expect((await state(page)).pods).toHaveLength(5);
  await lab(page, (l) => l.run('kubectl scale deployment/kubia --replicas=2'));
  await lab(page, (l) => l.advance(5));
  expect(await savedWork(page)).toBe(saved);
  await page.getByRole('button', { name: 'Back to my saved work' }).first().click();
  await expect
    .poll(async () => (await state(page)).steps.map((x) => x.run))
    .toEqual(['kubectl set image deployment/kubia nodejs=luksa/kubia:v2']);
  expect(new URL(page.url()).hash).toBe('');
});

test('a link with kubectl explain among its steps replays what explain printed', async ({ page }) => {
  const s = defaultScenario();
  s.spec.steps = [{ at: 25, run: 'kubectl explain deployment.spec.strategy' }];
  await open(page, `/#${encodeShare({ scenario: s, at: 30 })}`);
  const log = page.getByRole('log', { name: 'kubectl output' });
  // The schemas explain reads load only when needed: the replay waited for them.
  await expect(log).toContainText('FIELD: strategy <DeploymentStrategy>');
  await expect(log).toContainText('enum: Recreate, RollingUpdate');
  await expect(log).not.toContainText('still loading');
});

test('a step waiting for its condition shows what the condition says: progress, or why it cannot hold', async ({
  page,
}) => {
  const s = defaultScenario();
  s.spec.steps = [
    { at: 20, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
    { at: 20, after: 'kubectl rollout status deployment/kubia', run: 'kubectl get deploy kubia' },
  ];
  await open(page, `/#${encodeShare({ scenario: s, at: 21 })}`);
  const waiting = page.locator('.terminal .entry.waiting');
  await expect(waiting).toContainText('waiting until: kubectl rollout status deployment/kubia');
  // What `rollout status` says at 0:21 of the same scenario, run here without the page.
  const run = createRun(s);
  run.seek(21);
  const now = run.query('kubectl rollout status deployment/kubia').stdout;
  expect(now).toMatch(/^Waiting for deployment "kubia" rollout to finish: /);
  await expect(waiting.locator('pre')).toHaveText(now.trimEnd());
  await page.screenshot({ path: `${SHOTS}/condition-progress.png` });

  // A typo in the condition: the step cannot run, and the console says why.
  s.spec.steps[1] = {
    at: 20,
    after: 'kubectl rollout staus deployment/kubia',
    run: 'kubectl get deploy kubia',
  };
  await page.goto('about:blank');
  await open(page, `/#${encodeShare({ scenario: s, at: 90 })}`);
  await expect(waiting).toContainText('waiting until: kubectl rollout staus deployment/kubia');
  await expect(waiting.locator('pre.stderr')).toHaveText(
    `error: unknown command "staus deployment/kubia"\nSee 'kubectl rollout -h' for help and examples`,
  );
  await page.screenshot({ path: `${SHOTS}/condition-error.png` });
});

test('a link whose condition watches until stopped is refused in Kubernetes words', async ({ page }) => {
  const s = defaultScenario();
  s.spec.steps = [{ at: 20, after: 'kubectl get pods -w', run: 'kubectl get deploy kubia' }];
  await open(page, `/#${encodeShare({ scenario: s, at: 30 })}`);
  const alert = page.getByRole('alert');
  await alert.getByText('Technical details').click();
  await expect(alert).toContainText(
    'spec.steps[0].after: Invalid value: "kubectl get pods -w": a condition must exit, and -w keeps it running',
  );
});

const good = encodeShare({ scenario: defaultScenario(), at: 30 });
const raw = (json: string) => `1.${base64url(deflateSync(strToU8(json)))}`;
const named = (name: string) => {
  const s = defaultScenario();
  s.spec.manifests = s.spec.manifests.replaceAll('"name": "kubia"', `"name": ${JSON.stringify(name)}`);
  return encodeShare({ scenario: s, at: 30 });
};
const polluting = raw(
  `{"v":1,"s":${JSON.stringify(defaultScenario()).replace('"spec":{', '"spec":{"__proto__":{"polluted":"yes"},')},"t":30,"__proto__":{"polluted":"yes"},"w":{"constructor":{"prototype":{"polluted":"yes"}}}}`,
);

for (const [name, fragment, message] of [
  ['truncated', good.slice(0, -9), 'This link is damaged'],
  ['from a future version', `7${good.slice(1)}`, 'made by a newer version of Rollout Lab'],
  [
    'carrying a script in a pod name',
    named('<img src=x onerror=window.__pwned=1>'),
    'The simulated cluster refused this scenario.',
  ],
] as const)
  test(`a hostile link ${name} shows a message and leaves saved work intact`, async ({ page }) => {
    page.on('dialog', (d) => {
      throw new Error(`unexpected dialog: ${d.message()}`);
    });
    await midRollout(page);
    const saved = await savedWork(page);
    await page.goto('about:blank');
    await open(page, `/#${fragment}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Your saved work is unchanged; showing it instead.');
    expect((await state(page)).steps.map((s) => s.run)).toEqual([
      'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
    ]);
    expect(JSON.parse((await savedWork(page))!)).toEqual(JSON.parse(saved!));
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    if (name.includes('script')) {
      await alert.getByText('Technical details').click();
      await expect(alert).toContainText('<img src=x onerror=window.__pwned=1>');
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      await page.screenshot({ path: `${SHOTS}/hostile-link.png` });
    }
    await alert.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

test('a link with prototype-pollution keys opens without polluting anything', async ({ page }) => {
  await midRollout(page);
  const saved = await savedWork(page);
  await page.goto('about:blank');
  await open(page, `/#${polluting}`);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
  expect(
    await page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted']),
  ).toBeUndefined();
  expect((await state(page)).t).toBe(30);
  expect(JSON.parse((await savedWork(page))!)).toEqual(JSON.parse(saved!));
});

test('a link to a late moment replays in slices with its progress shown, and can be cancelled', async ({
  page,
}) => {
  const late = (name: string, at: number) => {
    const s = defaultScenario();
    s.metadata.name = name;
    s.spec.steps = [{ at: 30, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' }];
    return encodeShare({ scenario: s, at });
  };
  await open(page);
  // Opening a link while the page runs: the page stays responsive and tells how far it is. What
  // the notice said is collected as it changes: a fast machine may replay 15 minutes before an
  // assertion polls it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __opening: string[] }).__opening = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="opening"]')?.textContent;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.evaluate((f) => (location.hash = f), late('later', 900));
  await expect.poll(() => state(page).then((s) => s.t), { timeout: 60_000 }).toBe(900);
  await expect(page.getByTestId('opening')).toBeHidden();
  const seen = await page.evaluate(() => (window as unknown as { __opening: string[] }).__opening);
  expect(seen.some((text) => text.includes('Replaying the scenario to 15:00.0'))).toBe(true);
  expect((await state(page)).pods.every((p) => p.version === 'v2')).toBe(true);

  // Another one, cancelled: the lab keeps what it showed. Ten hours, so that the replay is still
  // going when the button is pressed.
  await page.evaluate((f) => (location.hash = f), late('never', 36_000));
  await page.getByTestId('opening').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('opening')).toBeHidden();
  await expect(page.getByRole('alert')).toContainText('Opening was cancelled.');
  expect((await state(page)).t).toBe(900);
});

test('a link to a moment far away tells how long the replay would take, and opens where it got to', async ({
  page,
}) => {
  await open(page);
  const s = defaultScenario();
  s.metadata.name = 'a week';
  s.spec.steps = [{ at: 30, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' }];
  // A week of virtual time, the most a link may ask for: far more than a page replays quickly.
  await page.evaluate((f) => (location.hash = f), encodeShare({ scenario: s, at: 7 * 24 * 3600 }));
  const opening = page.getByTestId('opening');
  await expect(opening.getByTestId('opening-left')).toHaveText(
    /· (under a minute|about \d+ min|about \d+ h( \d+ min)?) to go at this pace$/,
    {
      timeout: 10_000,
    },
  );
  await expect
    .poll(() => page.evaluate(() => document.querySelector('progress')?.value ?? 0))
    .toBeGreaterThan(60);
  await opening.getByRole('button', { name: /^Open at (\d+:)?\d+:\d\d\.\d instead$/ }).click();
  await expect(opening).toBeHidden();
  const after = await state(page);
  expect(after.t).toBeGreaterThan(60);
  expect(after.t).toBeLessThan(7 * 24 * 3600);
  expect(after.playing).toBe(false);
  // The scenario opened as it is at that moment: its update ran.
  expect(after.pods.every((p) => p.version === 'v2')).toBe(true);
  await expect(
    page.getByRole('status').filter({ hasText: 'You are looking at a shared link.' }),
  ).toBeHidden();
});

/**
 * Every text the clock showed since the page began, in order: the first is the first moment drawn.
 * Installed before the page's own scripts run.
 */
async function recordClock(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { __clocks?: string[] }).__clocks = seen;
    new MutationObserver(() => {
      const text = document.querySelector('output.time')?.textContent ?? '';
      if (text && text !== seen[seen.length - 1]) seen.push(text);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}
const clocks = (page: Page) => page.evaluate(() => (window as { __clocks?: string[] }).__clocks ?? []);

test('a link is the first thing drawn, not the example before it; a broken one shows the example', async ({
  page,
  browser,
}) => {
  await recordClock(page);
  await open(page, `/#${encodeShare({ scenario: defaultScenario(), at: 45 })}`);
  await expect(page.locator('output.time')).toHaveText('t = 0:45.0');
  expect(await clocks(page)).toEqual(['t = 0:45.0']);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A link that cannot open, with no saved work (another browser): the example, at the moment it
  // always opens at.
  const other = await browser.newPage();
  await recordClock(other);
  await open(other, `/#${good.slice(0, -9)}`);
  await expect(other.getByRole('alert')).toContainText('This link is damaged');
  await expect(other.locator('output.time')).toHaveText('t = 0:20.0');
  expect(await clocks(other)).toEqual(['t = 0:20.0']);
  await other.close();
});
