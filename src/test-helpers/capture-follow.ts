/**
 * Captures the fixture of src/follow/fixture.test.ts: the raw output of
 * `kubectl get --raw '<resource path>?watch=1'` for each followed resource of `npm run serve`'s
 * server, while the real kubectl rolls kubia to v2, rolls it back, scales it and creates a second
 * Deployment. Virtual time stands still except when this script moves it, one second at a time,
 * and only once every watch has printed what it had; so the second each line was printed at is
 * known exactly and is written beside the output (`capture.json`).
 *
 *   npx tsx src/test-helpers/capture-follow.ts [/path/to/kubectl]
 */
import '../k8s/yaml-impl.ts';
import '../kubectl/commands/extended.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FOLLOWED_RESOURCES, resourcePath } from '../follow/resources.ts';
import { parseScenario } from '../scenario/scenario.ts';
import { KUBIA_SVC, KUBIA_V1 } from '../server/fixtures.ts';
import { pickKubectl } from '../server/paired.ts';
import { startServer } from '../server/server.ts';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'follow', '__fixtures__', 'kubia');

/** What the fixture replays: the served scenario and the commands the real kubectl ran, by second. */
export const CAPTURE = {
  scenario: {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: 'kubia-followed' },
    spec: {
      seed: 7,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      manifests: `${KUBIA_V1}---\n${KUBIA_SVC}`,
      steps: [],
    },
  },
  commands: [
    { at: 5, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
    { at: 70, run: 'kubectl rollout undo deployment/kubia' },
    { at: 100, run: 'kubectl scale deployment/kubia --replicas=5' },
    { at: 110, run: 'kubectl create deployment web --image=nginx:1.27 --replicas=2' },
  ],
  until: 140,
};

async function main(): Promise<void> {
  const binary = process.argv[2] ?? pickKubectl(['kubectl.1.33'])?.path;
  if (!binary) throw new Error('no kubectl binary found');
  const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-capture-'));
  mkdirSync(join(dir, 'home'));
  const server = await startServer({
    scenario: parseScenario(CAPTURE.scenario),
    speed: 0,
    kubeconfig: join(dir, 'kubeconfig'),
  });
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: join(dir, 'home'),
    KUBECONFIG: server.kubeconfig,
    TZ: 'UTC',
  };
  const version = spawnSync(binary, ['version', '--client', '-o', 'json'], { env, encoding: 'utf8' });
  const outputs = new Map<string, { text: string; times: number[] }>();
  let lastOutput = Date.now();
  const children: ChildProcess[] = [];
  for (const r of FOLLOWED_RESOURCES) {
    const out = { text: '', times: [] as number[] };
    outputs.set(r.plural, out);
    const child = spawn(binary, ['get', '--raw', `${resourcePath(r, 'default')}?watch=1`], { env });
    children.push(child);
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      lastOutput = Date.now();
      out.text += d;
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const _ of lines) out.times.push(server.cluster.now);
    });
  }
  await server.waitForWatches(FOLLOWED_RESOURCES.length, 30_000);
  // Every watch has printed what this second changed: nothing new for a while after the move.
  const quiet = async () => {
    const since = Date.now();
    while (Date.now() - Math.max(lastOutput, since) < 400) await new Promise((r) => setTimeout(r, 50));
  };
  // The server runs in this process: kubectl must not block its event loop.
  const kubectl = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(binary, line.split(' ').slice(1), { env });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      child.on('close', (code) => {
        process.stdout.write(`t=${server.cluster.now} $ ${line}\n${text}`);
        if (code === 0) resolve();
        else reject(new Error(`${line} failed`));
      });
    });
  await quiet();
  for (let s = 1; s <= CAPTURE.until; s++) {
    server.advance(1);
    for (const c of CAPTURE.commands) if (c.at === s) await kubectl(c.run);
    await quiet();
  }
  for (const c of children) c.kill();
  await server.close();
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const times: Record<string, [number, number][]> = {};
  for (const [plural, out] of outputs) {
    writeFileSync(join(FIXTURE_DIR, `${plural}.jsonl`), out.text);
    // Run-length: [second, lines printed at that second].
    const runs: [number, number][] = [];
    for (const t of out.times) {
      const last = runs[runs.length - 1];
      if (last && last[0] === t) last[1]++;
      else runs.push([t, 1]);
    }
    times[plural] = runs;
  }
  const kubectlVersion = (JSON.parse(version.stdout) as { clientVersion: { gitVersion: string } })
    .clientVersion.gitVersion;
  writeFileSync(
    join(FIXTURE_DIR, 'capture.json'),
    `${JSON.stringify({ kubectl: kubectlVersion, ...CAPTURE, times }, null, 1)}\n`,
  );
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
