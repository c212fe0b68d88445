import { expect, test, type Page } from '@playwright/test';
import { lab, state } from './lab.ts';
import { crowdedRollout } from './scenes.ts';

const open = async (page: Page) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
};
const podsOf = (page: Page, version: string) =>
  page.getByRole('button', { name: new RegExp(`^Pod kubia-\\S+, version ${version}, Ready`) });

/** Pastes `lines` into the console's field as a browser does (a paste event with the text), focused first. */
const paste = async (page: Page, lines: string[]) => {
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.focus();
  await input.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, lines.join('\n'));
};

test('first load shows a running Deployment with pods behind the Service', async ({ page }) => {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await open(page);
  await expect(podsOf(page, 'v1')).toHaveCount(3);
  await expect(page.getByText('Service kubia')).toBeVisible();
  const s = await state(page);
  expect(s.deployments[0]).toMatchObject({ name: 'kubia', replicas: 3, available: 3 });
  expect([...origins]).toEqual([new URL(page.url()).origin]);
});

/** Requests the timeline counts as failed or refused over the whole run (from its accessible name). */
const failedInRun = async (page: Page) => {
  const label =
    (await page.getByRole('img', { name: /requests per second over time/ }).getAttribute('aria-label')) ?? '';
  const m = /(\d+) failed or refused/.exec(label);
  expect(m, label).not.toBeNull();
  return Number(m![1]);
};

/**
 * The pixels of the timeline where it draws failed requests, as the screen shows them: how many are
 * the danger red of the legend, and how many are near black.
 */
const failedBarColours = async (page: Page) => {
  const box = await page.locator('.timeline .requests-failed').boundingBox();
  expect(box).not.toBeNull();
  const png = await page.screenshot({ clip: box! });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let red = 0;
    let black = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, gr, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
      if (r > 150 && gr < 110 && b < 110) red++;
      if (r < 60 && gr < 60 && b < 60) black++;
    }
    return { red, black };
  }, png.toString('base64'));
};

test('Recreate deletes every old pod before new ones start: the timeline shows the outage', async ({
  page,
}) => {
  await open(page);
  const before = await failedInRun(page);
  await page.getByRole('combobox', { name: 'Image' }).selectOption('luksa/kubia:v2');
  await page.getByRole('button', { name: 'Recreate' }).click();
  const log = page.getByRole('log', { name: 'kubectl output' });
  await expect(log).toContainText('deployment.apps/kubia patched');
  await expect(log).toContainText('deployment.apps/kubia image updated');
  await lab(page, (l) => l.advance(60));
  await expect(podsOf(page, 'v2')).toHaveCount(3);
  await expect(podsOf(page, 'v1')).toHaveCount(0);
  await expect(page.getByText('Rollout complete')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Events table' })).toContainText('Scaled down replica set');
  await expect(page.locator('.timeline .step-marker')).toHaveCount(2);
  expect(await failedInRun(page)).toBeGreaterThan(before);
  // In the legend's red: nothing drawn over the bars (their hover targets paint nothing).
  const colours = await failedBarColours(page);
  expect(colours.red).toBeGreaterThan(100);
  expect(colours.black).toBe(0);
});

test('Rolling update completes and the diagram, timeline and events show it', async ({ page }) => {
  await open(page);
  const failedBefore = await failedInRun(page);
  await page.getByRole('combobox', { name: 'Image' }).selectOption('luksa/kubia:v2');
  await page.getByRole('button', { name: 'Rolling update' }).click();
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(
    'deployment.apps/kubia image updated',
  );
  await lab(page, (l) => l.advance(60));
  await expect(podsOf(page, 'v2')).toHaveCount(3);
  await expect(podsOf(page, 'v1')).toHaveCount(0);
  await expect(page.getByText('Rollout complete')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Events table' })).toContainText('ScalingReplicaSet');
  await expect(page.locator('.timeline .step-marker')).toHaveCount(1);
  // No request fails while both versions serve.
  expect(await failedInRun(page)).toBe(failedBefore);
});

test('maxSurge and maxUnavailable both 0 are refused with the upstream message', async ({ page }) => {
  await open(page);
  await page.getByRole('textbox', { name: 'maxSurge' }).fill('0');
  await page.getByRole('textbox', { name: 'maxUnavailable' }).fill('0');
  await expect(page.getByRole('alert').first()).toContainText('may not be 0 when `maxSurge` is 0');
});

test('broken v3 and Roll back recovers', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Deploy broken v3' }).click();
  await lab(page, (l) => l.advance(40));
  const mid = await state(page);
  test.info().annotations.push({ type: 'v3 after 40 s', description: mid.deployments[0]?.phase ?? '' });
  await page.getByRole('button', { name: 'Roll back' }).click();
  await lab(page, (l) => l.advance(90));
  await expect(podsOf(page, 'v1')).toHaveCount(3);
  const s = await state(page);
  expect(s.pods.filter((p) => p.version === 'v3')).toEqual([]);
});

test('pause and resume a rollout', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Rolling update' }).click();
  await lab(page, (l) => l.advance(3));
  await page.getByRole('button', { name: 'Pause rollout' }).click();
  await lab(page, (l) => l.advance(60));
  let s = await state(page);
  expect(s.deployments[0]?.paused).toBe(true);
  expect(s.pods.some((p) => p.version === 'v1')).toBe(true);
  await page.getByRole('button', { name: 'Resume rollout' }).click();
  await lab(page, (l) => l.advance(60));
  s = await state(page);
  expect(s.pods.map((p) => p.version)).toEqual(['v2', 'v2', 'v2']);
});

test('scrubbing back shows the earlier state', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Rolling update' }).click();
  await lab(page, (l) => l.advance(60));
  await expect(podsOf(page, 'v2')).toHaveCount(3);
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.fill('10');
  await expect(podsOf(page, 'v1')).toHaveCount(3);
  await expect(podsOf(page, 'v2')).toHaveCount(0);
  await slider.fill('100');
  await expect(podsOf(page, 'v2')).toHaveCount(3);
});

test('a mistyped command after scrubbing back says what is wrong and keeps the update that came later', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Rolling update' }).click();
  await lab(page, (l) => l.advance(60));
  const markers = page.locator('.timeline .step-marker');
  await expect(markers).toHaveCount(1);
  await page.getByRole('slider', { name: 'Time' }).fill('10');
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl sclae deployment kubia --replicas=5');
  await input.press('Enter');
  const log = page.getByRole('log', { name: 'kubectl output' });
  await expect(log).toContainText('kubectl sclae deployment kubia --replicas=5');
  await expect(log).toContainText('error: unknown command "sclae" for "kubectl"');
  await input.fill('kubectl scale deployment kubia --replicas=-4');
  await input.press('Enter');
  await expect(log).toContainText('--replicas=COUNT');
  // The rolling update at 0:20 is still there, and plays as it did.
  expect((await state(page)).steps.map((s) => s.run)).toEqual([
    'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
  ]);
  await expect(markers).toHaveCount(1);
  await page.getByRole('slider', { name: 'Time' }).fill('60');
  await expect(podsOf(page, 'v2')).toHaveCount(3);
});

test('console commands change the diagram', async ({ page }) => {
  await open(page);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl scale deployment/kubia --replicas=5');
  await input.press('Enter');
  await lab(page, (l) => l.advance(30));
  await expect(podsOf(page, 'v1')).toHaveCount(5);
  await input.fill('rollout history deployment/kubia');
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText('REVISION');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('rollout history deployment/kubia');
  await input.fill('kubectl rollo');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl rollout ');
});

test('console: lines pasted together run one by one, a here-document as its command’s input', async ({
  page,
}) => {
  await open(page);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  // As copied from a handout: a here-document as the Kubernetes documentation writes it, a line
  // continued with a backslash, and a last line without its line break, left to edit.
  const pasted = [
    'kubectl scale deployment/kubia --replicas=4',
    'cat <<EOF | kubectl apply -f -',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: web }',
    'spec:',
    '  replicas: 2',
    '  selector: { matchLabels: { app: web } }',
    '  template:',
    '    metadata: { labels: { app: web } }',
    '    spec: { containers: [{ name: web, image: luksa/kubia:v1 }] }',
    'EOF',
    'kubectl get deploy web \\',
    "  -o jsonpath='{.spec.replicas}'",
    'kubectl get deploy',
  ];
  await paste(page, pasted);
  await expect
    .poll(async () => (await state(page)).steps.map((s) => s.run))
    .toEqual(['kubectl scale deployment/kubia --replicas=4', 'kubectl apply -f -']);
  await expect(log).toContainText('deployment.apps/web created');
  await expect(log).toContainText("$ kubectl get deploy web   -o jsonpath='{.spec.replicas}'");
  await expect(input).toHaveValue('kubectl get deploy');
  await lab(page, (l) => l.advance(30));
  await expect(page.getByRole('button', { name: /^Pod web-\S+, version v1, Ready/ })).toHaveCount(2);
  await expect(podsOf(page, 'v1')).toHaveCount(4);

  // Typed line by line: the prompt asks for more until the delimiter, and Ctrl-C drops it all.
  await input.fill('kubectl apply -f - <<EOF');
  await input.press('Enter');
  await expect(page.getByTestId('console.heredoc')).toHaveText(/\$ kubectl apply -f - <<EOF/);
  await expect(input).toHaveAttribute('placeholder', 'here-document: a line EOF ends it');
  await input.fill('kind: Nope');
  await input.press('Enter');
  await expect(page.getByTestId('console.heredoc')).toContainText('> kind: Nope');
  await expect(page.getByTestId('console.heredoc')).toBeInViewport();
  await page.screenshot({ path: 'test-results/console-heredoc.png' });
  await input.press('Control+c');
  await expect(page.getByTestId('console.heredoc')).toHaveCount(0);
  expect((await state(page)).steps).toHaveLength(2);
});

test('console: a pasted watch holds the lines after it until it ends, and Ctrl-C drops them', async ({
  page,
}) => {
  await open(page);
  await lab(page, (l) => l.hold());
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  // As the documentation's walkthrough goes: update, watch the rollout, then look.
  await paste(page, [
    'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
    'kubectl rollout status deployment/kubia',
    'kubectl get rs -o name',
    'kubectl get deploy kubia -o jsonpath={.status.updatedReplicas}',
    '',
  ]);
  const queued = page.getByTestId('console.queued');
  await expect(log).toContainText('Waiting for deployment "kubia" rollout to finish');
  await expect(queued).toContainText('$ kubectl get rs -o name');
  await expect(queued).toContainText('2 commands wait their turn');
  expect(await log.innerText()).not.toContain('replicaset.apps/');
  // Time moves: the rollout ends, and only then do the lines after it run, in order.
  await lab(page, (l) => l.advance(60));
  await expect(log).toContainText('deployment "kubia" successfully rolled out');
  await expect(queued).toHaveCount(0);
  await expect(log).toContainText('replicaset.apps/');
  const text = await log.innerText();
  expect(text.indexOf('successfully rolled out')).toBeLessThan(text.indexOf('$ kubectl get rs -o name'));
  expect(text.indexOf('$ kubectl get rs -o name')).toBeLessThan(text.indexOf('$ kubectl get deploy kubia'));

  // Ctrl-C stops the watch and drops what waits behind it, as a terminal's interrupt does.
  await paste(page, [
    'kubectl rollout undo deployment/kubia',
    'kubectl rollout status deployment/kubia',
    'kubectl get pods',
    '',
  ]);
  await expect(queued).toContainText('1 command waits its turn');
  await input.press('Control+c');
  await expect(queued).toHaveCount(0);
  await expect(log.getByText('watching… (Ctrl-C stops)')).toHaveCount(0);
  await lab(page, (l) => l.advance(60));
  expect((await log.innerText()).match(/\$ kubectl get pods/g)).toBeNull();
});

test('the Events panel says how many events there are when it lists only the newest', async ({ page }) => {
  await open(page);
  const heading = page.getByRole('heading', { name: /^Events/ });
  await expect(heading).toHaveText(/^Events \(\d+\)$/i);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl scale deployment/kubia --replicas=20');
  await input.press('Enter');
  await lab(page, (l) => l.advance(60));
  await input.fill('kubectl get events --no-headers');
  await input.press('Enter');
  const log = page.getByRole('log', { name: 'kubectl output' });
  await expect(log).toContainText('Scaled up replica set');
  const printed = (await log.innerText()).split('kubectl get events --no-headers')[1] ?? '';
  const listed = printed.split('\n').filter((l) => /^\d+s\s+(Normal|Warning)\s/.test(l.trim())).length;
  expect(listed).toBeGreaterThan(40);
  await expect(heading).toHaveText(new RegExp(`^Events \\(the newest 40 of ${listed}\\)$`, 'i'));
});

test('ReplicaSets made by hand are drawn as theirs, and one replaces a pod deleted', async ({ page }) => {
  // Lesson 1 updates pods by hand with two ReplicaSets and no Deployment.
  await page.goto('/?lesson=by-hand&stop=4');
  await expect(page.getByTestId('lesson.progress')).toHaveText('Stop 4 of 5');
  const sets = page.getByRole('group', {
    name: /^2 ReplicaSets without a Deployment: each replaces a pod deleted or lost/,
  });
  await expect(sets).toBeVisible();
  await expect(sets).toContainText('ReplicaSet kubia-v1');
  await expect(sets).toContainText('ReplicaSet kubia-v2');
  await expect(sets.getByRole('button', { name: /^Pod kubia-v1-\w+, version v1/ })).toHaveCount(3);
  await expect(sets.getByRole('button', { name: /^Pod kubia-v2-\w+, version v2/ })).toHaveCount(3);
  await expect(page.getByRole('group', { name: /pods? without a Deployment/ })).toHaveCount(0);
  await expect(page.getByText('No Deployments. Apply one')).toHaveCount(0);
  const victim = (await sets
    .getByRole('button', { name: /^Pod kubia-v1-/ })
    .first()
    .getAttribute('aria-label'))!
    .split(',')[0]!
    .replace('Pod ', '');
  await lab(page, (l) => l.hold());
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill(`kubectl delete pod ${victim} --wait=false`);
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(`pod "${victim}" deleted`);
  await lab(page, (l) => l.advance(40));
  await expect(sets.getByRole('button', { name: new RegExp(`^Pod ${victim},`) })).toHaveCount(0);
  await expect(sets.getByRole('button', { name: /^Pod kubia-v1-\w+, version v1, Ready/ })).toHaveCount(3);
});

test('console: kubectl run starts pods no Deployment owns, drawn in a box of their own; deleted, one stays gone', async ({
  page,
}) => {
  await open(page);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl run nginx --image=nginx --labels=app=kubia');
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText('pod/nginx created');
  // A Service of its own, named before kubia: the diagram still shows the one the clients call.
  await input.fill('kubectl run api --image=nginx:1.27 --expose --port=80');
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText('service/api created');
  await lab(page, (l) => l.advance(20));
  const loose = page.getByRole('group', { name: /^2 pods without a Deployment: no ReplicaSet owns them/ });
  await expect(loose).toBeVisible();
  await expect(loose.getByRole('button', { name: /^Pod nginx, version latest, Ready/ })).toBeVisible();
  await expect(loose.getByRole('button', { name: /^Pod api, version 1.27, Ready/ })).toBeVisible();
  // Service kubia selects app=kubia: the bare nginx pod is one of its endpoints, and its answers
  // are counted under the version its glyph shows (an image without a tag is latest).
  const service = page.getByRole('img', { name: /^Service kubia, selector app=kubia, ready endpoints: 4\./ });
  await expect(service).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Service kubia, .*last 10 s: latest [\d.]+\/s/ }),
  ).toBeVisible();
  await input.fill('kubectl delete pod nginx');
  await input.press('Enter');
  await lab(page, (l) => l.advance(40));
  await expect(page.getByRole('group', { name: /^1 pod without a Deployment/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Pod nginx,/ })).toHaveCount(0);
  await expect(podsOf(page, 'v1')).toHaveCount(3);
  await expect(
    page.getByRole('img', { name: /^Service kubia, selector app=kubia, ready endpoints: 3\./ }),
  ).toBeVisible();
});

test('console: a pod whose command ends is Completed; restarted by its policy, it crash-loops', async ({
  page,
}) => {
  await open(page);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  await input.fill('kubectl run once --image=busybox:1.36 --restart=Never -- date');
  await input.press('Enter');
  await expect(log).toContainText('pod/once created');
  await input.fill('kubectl run again --image=busybox:1.36 -- date');
  await input.press('Enter');
  await expect(log).toContainText('pod/again created');
  await lab(page, (l) => l.advance(60));
  const loose = page.getByRole('group', { name: /^2 pods without a Deployment/ });
  await expect(loose.getByRole('button', { name: /^Pod once, version 1\.36, Completed/ })).toBeVisible();
  await expect(loose.getByRole('button', { name: /^Pod again, version 1\.36, Failed/ })).toBeVisible();
  await input.fill('kubectl get pods once again');
  await input.press('Enter');
  await expect(log).toContainText(/once\s+0\/1\s+Completed\s+0\s/);
  await expect(log).toContainText(/again\s+0\/1\s+CrashLoopBackOff\s+\d+ \(\d+s ago\)\s/);
  // Neither is an endpoint of the Service: its three kubia pods still are.
  await expect(
    page.getByRole('img', { name: /^Service kubia, selector app=kubia, ready endpoints: 3\./ }),
  ).toBeVisible();
});

test("console: kubectl's warnings print before the output, its errors after, as in a terminal", async ({
  page,
}) => {
  await open(page);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  const pod = (await lab(page, (l) => l.state().pods[0]!.name)) as string;
  await input.fill('kubectl get endpoints');
  await input.press('Enter');
  await expect(log).toContainText('ENDPOINTS');
  await input.fill(`kubectl get pods nope ${pod}`);
  await input.press('Enter');
  await expect(log).toContainText('pods "nope" not found');
  const text = (await log.innerText()).replace(/\s+/g, ' ');
  const at = (s: string) => text.indexOf(s);
  expect(at('Warning: v1 Endpoints is deprecated')).toBeGreaterThan(-1);
  expect(at('Warning: v1 Endpoints is deprecated')).toBeLessThan(at('NAME ENDPOINTS'));
  expect(at(`${pod} 1/1`)).toBeGreaterThan(-1);
  expect(at(`${pod} 1/1`)).toBeLessThan(at('Error from server (NotFound): pods "nope" not found'));
});

test('console: a watch prints what it printed in the order it printed it, as a terminal shows it', async ({
  page,
}) => {
  await open(page);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  // kubectl 1.32 against the served cluster (`kubectl get pods -w --sort-by=… 2>&1 | cat`): its
  // own warning, lower case, before the table, and the rows of the rollout after both.
  await lab(page, (l) => l.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2'));
  await input.fill('kubectl get pods -w --sort-by=.metadata.name');
  await input.press('Enter');
  await expect(log).toContainText('watching…');
  await lab(page, (l) => l.advance(60));
  await expect(log).toContainText(/kubia-\S+\s+1\/1\s+Terminating/);
  const entry = log.locator('.entry').last();
  const text = (await entry.innerText()).replace(/\s+/g, ' ');
  const at = (s: string) => text.indexOf(s);
  const warning = 'warning: --watch requested, --sort-by will be ignored for watch events received';
  expect(at(warning)).toBeGreaterThan(-1);
  expect(at(warning)).toBeLessThan(at('NAME READY STATUS'));
  expect(at('NAME READY STATUS')).toBeLessThan(text.search(/ 1\/1 Terminating/));
  // The warning is the one line in red.
  await expect(entry.locator('pre.stderr')).toHaveText(`${warning}\n`);
  // A missing name's error where kubectl prints it: after the table of the names it found.
  const pod = (await lab(page, (l) => l.state().pods[0]!.name)) as string;
  await input.fill(`kubectl get endpoints,pods ${pod}`);
  await input.press('Enter');
  const last = log.locator('.entry').last();
  await expect(last).toContainText('not found');
  const parts = await last
    .locator('pre')
    .evaluateAll((els) =>
      els.map((el) => `${el.className === 'stderr' ? 'E' : 'O'}:${(el.textContent ?? '').split('\n')[0]}`),
    );
  expect(parts.map((p) => p.replace(/ +/g, ' '))).toEqual([
    'E:Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
    'O:NAME READY STATUS RESTARTS AGE',
    `E:Error from server (NotFound): endpoints "${pod}" not found`,
  ]);
});

test('console: kubectl explain prints the documentation of the served API, fetched only when explain runs', async ({
  page,
}) => {
  const schemas: string[] = [];
  page.on('request', (r) => {
    if (/openapi-schemas/.test(r.url())) schemas.push(r.url());
  });
  await open(page);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  await input.fill('kubectl get deployments');
  await input.press('Enter');
  await expect(log).toContainText('kubia');
  expect(schemas).toEqual([]);
  // As the real kubectl prints it against the served simulator (src/server/explain-compare.test.ts).
  await input.fill('kubectl explain deployment.spec.strategy.rollingUpdate');
  await input.press('Enter');
  const entry = log.locator('.entry').last();
  await expect(entry).toContainText('FIELD: rollingUpdate <RollingUpdateDeployment>');
  await expect(entry).toContainText('maxSurge\t<IntOrString>');
  await expect(entry).toContainText(
    'The maximum number of pods that can be scheduled above the desired number of',
  );
  expect(schemas).toHaveLength(1);
  await input.fill('kubectl explain deployment.spec.foo');
  await input.press('Enter');
  await expect(log.locator('.entry').last().locator('pre.stderr')).toHaveText(
    'error: field "foo" does not exist\n',
  );
});

/** Opens the app and its YAML editor on the Deployment; the editor's text box. */
async function openYamlEditor(page: Page) {
  await open(page);
  await page.getByRole('button', { name: 'YAML editor' }).click();
  const editor = page.getByRole('textbox', { name: 'YAML manifest' });
  await expect(editor).toContainText('kind: Deployment');
  return editor;
}

test('YAML editor applies a change and shows a validation error', async ({ page }) => {
  const editor = await openYamlEditor(page);
  const text = (await editor.innerText()).replace('replicas: 3', 'replicas: 4');
  await editor.fill(text);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'configured' })).toBeVisible();
  await lab(page, (l) => l.advance(30));
  await expect(podsOf(page, 'v1')).toHaveCount(4);
  await editor.fill(text.replace('replicas: 4', 'replicas: -1'));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.editor .error')).toContainText('spec.replicas');
});

test('YAML editor: Diff shows what applying would change, and changes nothing', async ({ page }) => {
  const editor = await openYamlEditor(page);
  const original = await editor.innerText();
  await page.getByRole('button', { name: 'Diff' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'changes nothing' })).toBeVisible();
  await editor.fill(original.replace('luksa/kubia:v1', 'luksa/kubia:v2'));
  await page.getByRole('button', { name: 'Diff' }).click();
  const diff = page.getByLabel('What applying would change (kubectl diff)');
  await expect(diff).toContainText('diff -u -N /tmp/LIVE-');
  await expect(diff).toContainText('-  generation: 1');
  await expect(diff).toContainText('+  generation: 2');
  await expect(diff).toContainText('-      - image: luksa/kubia:v1');
  await expect(diff).toContainText('+      - image: luksa/kubia:v2');
  // Only a look: no step was added and the Deployment still runs v1.
  const s = await state(page);
  expect(s.deployments[0]).toMatchObject({ name: 'kubia', replicas: 3 });
  await expect(podsOf(page, 'v1')).toHaveCount(3);
  await expect(podsOf(page, 'v2')).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'configured' })).toBeVisible();
  await expect(diff).toHaveCount(0);
});

test('YAML editor: a misspelt field is warned of by Diff and refused by Apply, as kubectl does', async ({
  page,
}) => {
  const editor = await openYamlEditor(page);
  const text = (await editor.innerText()).replace(/^ {2}replicas: 3$/m, '  replicas: 3\n  replcas: 4');
  await editor.fill(text);
  // kubectl diff sends no field validation: the server's default warns and drops the field.
  await page.getByRole('button', { name: 'Diff' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'changes nothing' })).toBeVisible();
  await expect(page.locator('.editor-warnings')).toHaveText('Warning: unknown field "spec.replcas"\n');
  // kubectl apply validates strictly: the same text is refused.
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.editor .error')).toContainText('unknown field "spec.replcas"');
  await expect(page.locator('.editor-warnings')).toHaveCount(0);
});

test('YAML editor: of several documents, those the server takes stay, and the refused one is told', async ({
  page,
}) => {
  const editor = await openYamlEditor(page);
  const text = (await editor.innerText()).replace('replicas: 3', 'replicas: 4');
  const refused = text.replace('replicas: 4', 'replicas: -1').replace(/name: kubia$/m, 'name: kubia-other');
  await editor.fill(`${text}\n---\n${refused}`);
  await page.getByRole('button', { name: 'Apply' }).click();
  // As kubectl apply: the first document is applied, the second refused, exit code 1.
  await expect(
    page.getByRole('status').filter({ hasText: 'deployment.apps/kubia configured' }),
  ).toBeVisible();
  await expect(page.locator('.editor .error')).toContainText('"kubia-other" is invalid: spec.replicas');
  await lab(page, (l) => l.advance(30));
  await expect(podsOf(page, 'v1')).toHaveCount(4);
});

test('YAML editor reads YAML as kubectl does: a label `yes` is a boolean, refused in kubectl’s words', async ({
  page,
}) => {
  const editor = await openYamlEditor(page);
  const text = await editor.innerText();
  await editor.fill(text.replace(/^ {4}app: kubia$/m, '    app: kubia\n    enabled: yes'));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.editor .error')).toHaveText(
    'error: unable to decode "STDIN": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
  );
  // Quoted, it is the word: the label is applied, and what was typed is still there.
  await editor.fill(text.replace(/^ {4}app: kubia$/m, '    app: kubia\n    enabled: "yes"'));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'deployment.apps/kubia configured' }),
  ).toBeVisible();
  await expect(editor).toContainText('enabled: "yes"');
});

test('what is typed in the YAML editor stays when the language changes', async ({ page }) => {
  const editor = await openYamlEditor(page);
  await editor.fill((await editor.innerText()).replace('replicas: 3', 'replicas: 7'));
  await page.getByRole('button', { name: '한국어' }).click();
  // The editor is named in Korean now, and still holds the edit.
  const ko = page.getByRole('textbox', { name: 'YAML 매니페스트' });
  await expect(ko).toContainText('replicas: 7');
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(editor).toContainText('replicas: 7');
  await expect(editor).toBeVisible();
});

test('YAML editor by keyboard: it takes the focus, Escape closes it, and an edit not applied is kept', async ({
  page,
}) => {
  const editor = await openYamlEditor(page);
  const opener = page.getByRole('button', { name: 'YAML editor' });
  await expect(editor).toBeFocused();
  const revert = page.getByRole('button', { name: 'Revert' });
  await expect(revert).toBeDisabled();
  await editor.fill((await editor.innerText()).replace('replicas: 3', 'replicas: 6'));
  await expect(revert).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(opener).toBeFocused();

  // Opened again (Enter on its button): the edit is there, said to be kept.
  await page.keyboard.press('Enter');
  await expect(editor).toBeFocused();
  await expect(editor).toContainText('replicas: 6');
  await expect(
    page.getByRole('status').filter({ hasText: 'Your edit, not applied, was kept' }),
  ).toBeVisible();
  // Another object and back: still there.
  const object = page.getByLabel('Object');
  await object.selectOption('Service/kubia');
  await expect(editor).toContainText('kind: Service');
  await object.selectOption('Deployment/kubia');
  await expect(editor).toContainText('replicas: 6');
  // Revert puts back the cluster's, and nothing is kept once it is closed.
  await revert.click();
  await expect(editor).toContainText('replicas: 3');
  await expect(editor).toBeFocused();
  await expect(revert).toBeDisabled();
  await page.getByRole('button', { name: 'Close editor' }).click();
  await opener.click();
  await expect(editor).toContainText('replicas: 3');
  await expect(page.getByText('Your edit, not applied, was kept')).toBeHidden();
  expect((await state(page)).deployments[0]?.replicas).toBe(3);
});

test('a long error from the YAML editor stays in the window and scrolls in its own box', async ({ page }) => {
  const editor = await openYamlEditor(page);
  const text = await editor.innerText();
  // The API server's answer quotes the whole patch: more lines than fit under the manifest.
  await editor.fill(text.replace('replicas: 3', 'replicas: three'));
  await page.getByRole('button', { name: 'Apply' }).click();
  const error = page.locator('.editor .error');
  await expect(error).toContainText('unrecognized type: int32');
  const height = page.viewportSize()!.height;
  const panel = (await page.locator('.editor-wrap').boundingBox())!;
  const box = (await error.boundingBox())!;
  expect(panel.y + panel.height).toBeLessThanOrEqual(height);
  expect(box.y + box.height).toBeLessThanOrEqual(panel.y + panel.height);
  // Its end is reached by scrolling the error, and the manifest typed is still there.
  await error.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(error.getByText('unrecognized type: int32')).toBeInViewport();
  await expect(editor).toContainText('replicas: three');
});

test('keyboard only: Space plays, arrows step, / focuses the console', async ({ page }) => {
  await open(page);
  await page.locator('body').click({ position: { x: 2, y: 700 } });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const t0 = (await state(page)).t;
  await page.keyboard.press('ArrowLeft');
  expect((await state(page)).t).toBeLessThan(t0);
  await page.keyboard.press('/');
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeFocused();
  await page.keyboard.type('kubectl set image deployment/kubia nodejs=luksa/kubia:v4');
  await page.keyboard.press('Enter');
  // Tab to a pod and open its details with Enter.
  await page
    .getByRole('button', { name: /^Pod kubia-/ })
    .first()
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Pod kubia-/ })).toBeVisible();
});

test('a crowded lane: one list of its pods; arrow keys choose a pod, Enter or a click opens it', async ({
  page,
}) => {
  await open(page);
  await crowdedRollout(page);
  // No element per pod: each lane is one listbox named with its counts.
  await expect(page.getByRole('button', { name: /^Pod kubia-/ })).toHaveCount(0);
  const lanes = page.getByRole('listbox', { name: /pods of v\d/ });
  await expect(lanes).toHaveCount(2);
  const old = page.getByRole('listbox', { name: /pods of v1: .*\d+ Ready/ });
  const count = Number((await old.getAttribute('aria-label'))!.match(/^(\d+) pods/)![1]);
  await old.focus();
  const active = old.getByRole('option');
  await expect(active).toHaveAttribute('aria-posinset', '1');
  await expect(active).toHaveAttribute('aria-setsize', String(count));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(active).toHaveAttribute('aria-posinset', '3');
  await page.keyboard.press('End');
  await expect(active).toHaveAttribute('aria-posinset', String(count));
  // The arrow keys moved in the list, not in time.
  const t = (await state(page)).t;
  await page.keyboard.press('ArrowLeft');
  expect((await state(page)).t).toBe(t);
  const name = ((await active.getAttribute('aria-label')) ?? '').match(/^Pod (\S+),/)![1]!;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Pod ${name}` })).toBeVisible();
  // Its name as kubectl prints it, not in the heading's capitals.
  expect(await page.getByRole('heading', { name: `Pod ${name}` }).innerText()).toContain(name);
  // A click on the first pod of the new lane opens it.
  const fresh = page.getByRole('listbox', { name: /pods of v2/ });
  await fresh.focus();
  const first = ((await fresh.getByRole('option').getAttribute('aria-label')) ?? '').match(
    /^Pod (\S+),/,
  )![1]!;
  const ring = (await fresh.getByRole('option').boundingBox())!;
  await page.mouse.click(ring.x + ring.width / 2, ring.y + ring.height / 2);
  await expect(page.getByRole('heading', { name: `Pod ${first}` })).toBeVisible();
});

test('Blue/green in four visible steps: create green, switch, switch back, retire blue', async ({ page }) => {
  await open(page);
  // Beside the diagram, blue/green has its own tab.
  await page.getByRole('tab', { name: 'Blue/green' }).click();
  const bg = page.getByTestId('actions.blueGreen');
  const switchTo = bg.getByRole('button', { name: 'Switch Service' });
  const switchBack = bg.getByRole('button', { name: 'Switch back' });
  const retire = bg.getByRole('button', { name: 'Scale kubia to 0' });
  const selector = async () => (await state(page)).services[0]?.selector;

  await bg.getByRole('button', { name: 'Blue/green' }).click();
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(
    'deployment.apps/kubia-green created',
  );
  // Green is starting: the switch waits for it.
  await expect(switchTo).toBeDisabled();
  await expect(page.getByTestId('bg.status')).toContainText('Waiting for kubia-green');
  await lab(page, (l) => l.advance(60));
  await expect(switchTo).toBeEnabled();
  await expect(page.getByTestId('bg.status')).toContainText('kubia-green is ready');
  const readyAt = (await state(page)).t;

  await switchTo.click();
  await lab(page, (l) => l.advance(3));
  expect(await selector()).toBe('app=kubia-green');
  expect((await state(page)).services[0]!.endpoints.every((n) => n.startsWith('kubia-green-'))).toBe(true);

  // Blue still runs: one click takes the Service back.
  await switchBack.click();
  await lab(page, (l) => l.advance(3));
  expect(await selector()).toBe('app=kubia');
  await switchTo.click();
  await retire.click();
  await lab(page, (l) => l.advance(30));
  const s = await state(page);
  expect(s.deployments.find((d) => d.name === 'kubia')?.replicas).toBe(0);
  expect(s.steps.map((x) => x.run.split(' ').slice(0, 3).join(' '))).toEqual([
    'kubectl apply -f',
    'kubectl patch service',
    'kubectl patch service',
    'kubectl patch service',
    'kubectl scale deployment/kubia',
  ]);
  await expect(switchBack).toBeDisabled();

  // Back before the switch, another command: the switches and the scale-down are gone.
  await lab(page, (l) => l.pause());
  await lab(page, (l) => l.seek(30));
  expect((await state(page)).t).toBeLessThan(readyAt);
  await lab(page, (l) => l.console('kubectl scale deployment/kubia-green --replicas=1'));
  const after = await state(page);
  expect(after.steps.map((x) => x.run.split(' ').slice(0, 3).join(' '))).toEqual([
    'kubectl apply -f',
    'kubectl scale deployment/kubia-green',
  ]);
  expect(await selector()).toBe('app=kubia');
  await lab(page, (l) => l.advance(60));
  expect(await selector()).toBe('app=kubia');
  expect((await state(page)).deployments.find((d) => d.name === 'kubia')?.replicas).toBe(3);
});

test.describe('traffic, drawn', () => {
  test.use({ reducedMotion: 'no-preference' });
  test('request dots travel and the Service counts requests per version during a rollout', async ({
    page,
  }) => {
    await open(page);
    await page.getByRole('button', { name: 'Rolling update' }).click();
    await lab(page, (l) => l.advance(12.3));
    await expect(page.getByTestId('traffic-layer')).toHaveAttribute('data-dots', /^[1-9]/);
    const counter = page.getByTestId('traffic-counter');
    await expect(counter).toContainText(/v1 \d+\.\d\/s/);
    await expect(counter).toContainText(/v2 \d+\.\d\/s/);
    await expect(counter).toContainText('errors');
    const s = await state(page);
    expect(Object.keys(s.traffic.ok).sort()).toEqual(['v1', 'v2']);
  });
});

test('switching to Korean changes the visible strings, and back', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: '롤링 업데이트' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /이벤트/ })).toBeVisible();
  await expect(page.getByText('서비스 kubia')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Rolling update' })).toBeVisible();
});

test('Delete pod in the details panel runs kubectl delete and the ReplicaSet replaces it', async ({
  page,
}) => {
  await open(page);
  const first = podsOf(page, 'v1').first();
  const name = ((await first.getAttribute('aria-label')) ?? '').match(/^Pod (\S+),/)?.[1] ?? '';
  await first.click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(`pod "${name}" deleted`);
  await lab(page, (l) => l.advance(30));
  const s = await state(page);
  expect(s.pods.map((p) => p.name)).not.toContain(name);
  await expect(podsOf(page, 'v1')).toHaveCount(3);
});

test('a hovered pod keeps its button on its glyph: the tooltip is drawn beside it, not in it', async ({
  page,
}) => {
  await open(page);
  const pod = podsOf(page, 'v1').first();
  // What a pointer aimed at the middle of the hovered button finds there: the pod, not the lane
  // behind. Measured in one go with the tooltip shown; again should the still glyphs give way to
  // the animated ones in between (their element is new then, and not hovered until the pointer
  // moves onto it: it leaves first).
  await expect(async () => {
    await page.mouse.move(0, 0);
    await pod.hover();
    const seen = await pod.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        tooltip: document.querySelector('svg.diagram .tooltip')?.textContent ?? '',
        hit: el.isConnected && at !== null && el.contains(at),
      };
    });
    expect(seen.tooltip).toContain('kubia-');
    expect(seen.hit).toBe(true);
  }).toPass();
  await pod.click();
  await expect(page.getByRole('button', { name: 'Delete pod' })).toBeVisible();
});

test('console: rollout status streams as time moves', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Rolling update' }).click();
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl rollout status deployment/kubia');
  await input.press('Enter');
  const log = page.getByRole('log', { name: 'kubectl output' });
  await expect(log).toContainText('Waiting for deployment');
  await expect(log).not.toContainText('successfully rolled out');
  await lab(page, (l) => l.advance(60));
  await expect(log).toContainText('deployment "kubia" successfully rolled out');
});

test('console: kubectl wait ends when its condition holds as time moves, or at its timeout', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Rolling update' }).click();
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  // The new ReplicaSet grows one surge pod at a time: three updated pods come later.
  await input.fill('kubectl wait --for=jsonpath={.status.updatedReplicas}=3 deployment/kubia --timeout=120s');
  await input.press('Enter');
  await expect(log).toContainText('watching…');
  await expect(log).not.toContainText('condition met');
  await lab(page, (l) => l.advance(60));
  await expect(log).toContainText('deployment.apps/kubia condition met');
  await expect(log).not.toContainText('watching…');
  // A Deployment has no Ready condition: the wait gives up at its timeout, in virtual time.
  await input.fill('kubectl wait --for=condition=Ready deployment/kubia --timeout=5s');
  await input.press('Enter');
  await expect(log).toContainText('watching…');
  await lab(page, (l) => l.advance(10));
  await expect(log).toContainText('error: timed out waiting for the condition on deployments/kubia');
});

test('console: a command typed during a watch ends it and prints below it; get pods -w shows pods come and go', async ({
  page,
}) => {
  await open(page);
  const input = page.getByRole('textbox', { name: 'kubectl command' });
  const log = page.getByRole('log', { name: 'kubectl output' });
  await input.fill('kubectl get pods -w');
  await input.press('Enter');
  await expect(log).toContainText('watching…');
  // At the same moment: the set image comes after the watch it interrupted, as typed.
  await input.fill('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
  await input.press('Enter');
  await expect(log).toContainText('deployment.apps/kubia image updated');
  await expect(log).not.toContainText('watching…');
  const typed = (await log.innerText()).split('\n').filter((l) => l.includes('$ kubectl'));
  expect(typed.map((l) => l.replace(/^.*\$ /, ''))).toEqual([
    'kubectl get pods -w',
    'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
  ]);
  // A watch follows the rollout: each old pod Terminating, then its containers' final status.
  await input.fill('kubectl get pods -w');
  await input.press('Enter');
  await lab(page, (l) => l.advance(60));
  await expect(log).toContainText(/kubia-\S+\s+1\/1\s+Terminating/);
  await expect(log).toContainText(/kubia-\S+\s+0\/1\s+Completed/);
});

test('tablet width: everything reachable, nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await open(page);
  await expect(podsOf(page, 'v1')).toHaveCount(3);
  for (const name of ['Rolling update', 'Recreate', 'Blue/green', 'Roll back', 'Play', 'Step forward']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('textbox', { name: 'kubectl command' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Events table' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
