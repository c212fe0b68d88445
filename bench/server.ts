/**
 * `tsx bench/server.ts [--seconds 60] [--pods 1000] [--watches 20] [--speed 1]`
 *
 * The served cluster under load (issue 16): a Deployment of 1,000 pods created and then rolled to
 * a new image over HTTP, while 20 clients hold watches on its pods for 60 wall seconds as virtual
 * time follows the clock. The clients run in a separate process and check each stream: every
 * change the server made is received by every watch, in resourceVersion order, none twice.
 *
 * Prints events/s delivered (all watches together and per watch), the server's peak RSS and heap,
 * its CPU time, and whether any event was dropped (the process exits 1 if one was).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveResource } from '../src/k8s/resources.ts';
import type { KubeObject } from '../src/k8s/types.ts';
import { startServer } from '../src/server/server.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return v;
}

const SECONDS = flag('seconds', 60);
const PODS = flag('pods', 1000);
const WATCHES = flag('watches', 20);
const SPEED = flag('speed', 1);

function deployment(image: string): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'load' },
    spec: {
      replicas: PODS,
      selector: { matchLabels: { app: 'load' } },
      template: {
        metadata: { labels: { app: 'load' } },
        spec: { containers: [{ name: 'app', image }] },
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The clients: `--client URL RV` watches pods from RV and reports what each stream received.

interface StreamReport {
  events: number;
  lastResourceVersion: number;
  outOfOrder: number;
  bookmarks: number;
}

async function client(url: string, fromRv: string): Promise<void> {
  const reports: StreamReport[] = [];
  const controllers: AbortController[] = [];
  const streams = Array.from({ length: WATCHES }, async () => {
    const report: StreamReport = {
      events: 0,
      lastResourceVersion: Number(fromRv),
      outOfOrder: 0,
      bookmarks: 0,
    };
    reports.push(report);
    const ctrl = new AbortController();
    controllers.push(ctrl);
    const r = await fetch(
      `${url}/api/v1/namespaces/default/pods?watch=1&allowWatchBookmarks=true&resourceVersion=${fromRv}`,
      { signal: ctrl.signal },
    );
    const reader = r.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          const e = JSON.parse(line) as { type: string; object: KubeObject };
          const rv = Number(e.object.metadata.resourceVersion);
          if (e.type === 'BOOKMARK') {
            report.bookmarks++;
            continue;
          }
          if (rv <= report.lastResourceVersion) report.outOfOrder++;
          report.lastResourceVersion = rv;
          report.events++;
        }
      }
    } catch (e) {
      if (!(e instanceof Error && e.name === 'AbortError')) throw e;
    }
  });
  process.stdout.write('watching\n');
  // The parent writes the last resourceVersion it made once it stops; each stream reads up to it
  // (or gives up after 120 s, and then reports what it missed).
  let input = '';
  process.stdin.setEncoding('utf8');
  const target = await new Promise<number>((resolve) =>
    process.stdin.on('data', (d: string) => {
      input += d;
      if (input.includes('\n')) resolve(Number(input.trim()));
    }),
  );
  const giveUp = Date.now() + 120_000;
  while (Date.now() < giveUp && reports.some((r) => r.lastResourceVersion < target))
    await new Promise((r) => setTimeout(r, 100));
  for (const c of controllers) c.abort();
  await Promise.allSettled(streams);
  process.stdout.write(`${JSON.stringify(reports)}\n`);
}

// ---------------------------------------------------------------------------------------------
// The server side.

async function main(): Promise<void> {
  const server = await startServer({
    speed: 0,
    clusterOptions: { nodes: Math.ceil(PODS / 100) + 1, seed: 1 },
    bookmarkMillis: 5_000,
  });
  const pods = resolveResource('pods')!;
  // The reference: every pod change the API server makes, counted in the server's own process.
  let changes = 0;
  let lastRv = 0;
  const fromRv = server.api.resourceVersion();
  server.api.watch(pods, 'default', { resourceVersion: fromRv }, (e) => {
    changes++;
    lastRv = Number((e.object as KubeObject).metadata.resourceVersion);
  });

  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--client',
      server.url,
      fromRv,
      ...process.argv.slice(2),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve) =>
    child.stdout.on('data', () => out.includes('watching\n') && resolve()),
  );
  await server.waitForWatches(WATCHES, 30_000);

  const cpu0 = process.cpuUsage();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const post = (path: string, method: string, body: object, type = 'application/json') =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': type },
      body: JSON.stringify(body),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    });
  const started = performance.now();
  await post('/apis/apps/v1/namespaces/default/deployments', 'POST', deployment('luksa/kubia:v1'));
  // Virtual time follows the wall clock; halfway through, a rolling update to v2.
  let last = started;
  let rolled = false;
  while (performance.now() - started < SECONDS * 1000) {
    await new Promise((r) => setTimeout(r, 100));
    const t = performance.now();
    server.advance(((t - last) / 1000) * SPEED);
    last = t;
    sample();
    if (!rolled && t - started > (SECONDS * 1000) / 2) {
      rolled = true;
      await post(
        '/apis/apps/v1/namespaces/default/deployments/load',
        'PATCH',
        {
          spec: { template: { spec: { containers: [{ name: 'app', image: 'luksa/kubia:v2' }] } } },
        },
        'application/strategic-merge-patch+json',
      );
    }
  }
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // The clients read up to the last change, then report.
  child.stdin.end(`${lastRv}\n`);
  await new Promise((r) => child.on('exit', r));
  const reports = JSON.parse(out.split('\n').filter((l) => l.startsWith('['))[0] ?? '[]') as StreamReport[];
  const received = reports.reduce((a, r) => a + r.events, 0);
  const dropped = reports.filter(
    (r) => r.events !== changes || r.lastResourceVersion !== lastRv || r.outOfOrder > 0,
  );
  const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
  const running = server.cluster.store.list('Pod', 'default').length;
  console.log(
    [
      `server: ${PODS} pods, ${WATCHES} watches held ${wall.toFixed(1)} s (virtual ${server.cluster.now.toFixed(1)} s at speed ${SPEED}), ${running} pods at the end`,
      `  pod changes: ${changes} (${(changes / wall).toFixed(0)}/s); delivered: ${received} events (${(received / wall).toFixed(0)} events/s, ${(received / wall / Math.max(1, reports.length)).toFixed(0)}/s per watch)`,
      `  bookmarks per watch: ${reports.map((r) => r.bookmarks).join(',')}`,
      `  server peak RSS ${mib(peakRss)} MiB, peak heap ${mib(peakHeap)} MiB, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
      `  dropped or out of order: ${dropped.length === 0 && reports.length === WATCHES ? 'none' : `${dropped.length} of ${reports.length} watches`}`,
    ].join('\n'),
  );
  await server.close();
  process.exit(dropped.length === 0 && reports.length === WATCHES ? 0 : 1);
}

const clientAt = process.argv.indexOf('--client');
if (clientAt >= 0) void client(process.argv[clientAt + 1]!, process.argv[clientAt + 2]!);
else void main();
