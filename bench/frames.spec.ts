/**
 * Frame benchmark (`npm run bench:frames`): the built app in headless Chromium, driven through
 * `window.__rolloutLab`. Each case loads a Deployment of N replicas with 20 requests/s, starts a
 * rolling update, plays it at 1× and records requestAnimationFrame intervals for 10 s
 * (TOOLCHAIN.md §3(a)); then replays the same 10 s recording the renderer main thread's work per
 * frame from a browser trace. The page is cross-origin isolated (see vite.config.ts), so frame timestamps are
 * precise rather than in 0.1 ms steps. Then it times scrubbing: `seek(t)` to 10 random moments of a 10-minute
 * run, and the same up to the next painted frame; and it weighs the JavaScript the first paint
 * needs. The comparison case plays three lanes of 10 pods each (Recreate, rolling update,
 * blue/green) in the Compare view beside one lane of the same 10 pods, so the two frame budgets
 * can be read side by side. Last, the heap after an hour of playback of 1,000 pods against the
 * first minute's. Prints one JSON line per measurement; asserts
 * nothing about speed (benchmarks report, tests decide).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { test, type Page } from '@playwright/test';
import type { Scenario } from '../src/scenario/scenario.ts';
import { comparisonOf } from '../src/compare/presets.ts';
import { encodeShare } from '../src/scenario/share.ts';
import { defaultScenario } from '../web/lab/defaultScenario.ts';

function scenario(replicas: number, steps: Scenario['spec']['steps'], nodes: number): Scenario {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia', labels: { app: 'kubia' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'kubia' } },
      template: {
        metadata: { labels: { app: 'kubia' } },
        spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }] },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubia' },
    spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] },
  };
  return {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: `bench-${replicas}` },
    spec: {
      seed: 7,
      cluster: { nodes, cpu: '16', memory: '64Gi', maxPods: 250 },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 20 },
      manifests: JSON.stringify([deployment, service]),
      steps,
    },
  };
}

const setImage = (at: number, tag: string) => ({
  at,
  run: `kubectl set image deployment/kubia nodejs=luksa/kubia:${tag}`,
});

async function open(page: Page, s: Scenario, t: number) {
  await page.goto('/');
  await page.waitForFunction(() => window.__rolloutLab !== undefined);
  await page.evaluate(([sc, at]) => window.__rolloutLab!.load(sc as Scenario, at as number), [s, t] as const);
}

async function rafWithLoaf(page: Page, ms: number) {
  return page.evaluate(
    (ms) =>
      new Promise<{ intervals: number[]; wall: number; loaf: number }>((resolve) => {
        let loaf = 0;
        const po = new PerformanceObserver((l) => {
          loaf += l.getEntries().length;
        });
        try {
          po.observe({ type: 'long-animation-frame', buffered: false });
        } catch {
          // Older engines: no LoAF entries.
        }
        const intervals: number[] = [];
        let last = -1;
        let start = -1;
        const tick = (t: number) => {
          if (start < 0) start = t;
          if (last >= 0) intervals.push(t - last);
          last = t;
          if (t - start < ms) requestAnimationFrame(tick);
          else {
            po.disconnect();
            resolve({ intervals, wall: t - start, loaf });
          }
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

const VSYNC = 1000 / 60;
/** Each measurement covers t = 30…40 s: the update's first ten seconds, its busiest. */
const WINDOW_MS = 10_000;

/**
 * The renderer's main-thread work per frame (script, style, layout, paint, commit) over `ms`,
 * from the browser's own trace: what must fit in a frame for the page to keep up.
 */
async function mainThreadFrameWork(page: Page, ms: number): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: {
    name: string;
    ph: string;
    dur?: number;
    pid: number;
    tid: number;
    args?: { name?: string };
  }[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,cc', transferMode: 'ReportEvents' });
  await page.waitForTimeout(ms);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter((e) => e.ph === 'X' && e.name === 'ProxyMain::BeginMainFrame' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => (e.dur ?? 0) / 1000);
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const round = (x: number) => Math.round(x * 100) / 100;

test.use({ reducedMotion: 'no-preference', viewport: { width: 1920, height: 1080 } });
test.describe.configure({ mode: 'serial' });

for (const [pods, nodes] of [
  [100, 3],
  [1000, 8],
] as const) {
  test(`frames: ${pods} pods, 20 requests/s, rolling update at 1×`, async ({ page }) => {
    test.setTimeout(240_000);
    const start = async () => {
      await open(page, scenario(pods, [setImage(30, 'v2')], nodes), 29);
      await page.evaluate(() => window.__rolloutLab!.play(1));
      await rafWithLoaf(page, 1000); // warm-up
    };
    // The same 10 s of the rollout twice (the simulation is deterministic): once for frame
    // intervals, once under the trace, so tracing does not slow the frames it measures.
    await start();
    const isolated = await page.evaluate(() => crossOriginIsolated);
    const r = await rafWithLoaf(page, WINDOW_MS);
    await start();
    const work = await mainThreadFrameWork(page, WINDOW_MS);
    const st = await page.evaluate(() => {
      const s = window.__rolloutLab!.state();
      return {
        t: s.t,
        pods: s.pods.length,
        dots: document.querySelector('canvas.traffic-layer')?.getAttribute('data-dots'),
      };
    });
    await page.evaluate(() => window.__rolloutLab!.pause());
    const line = {
      bench: 'frames',
      pods,
      requestsPerSecond: 20,
      frames: r.intervals.length,
      p50ms: round(quantile(r.intervals, 0.5)),
      p95ms: round(quantile(r.intervals, 0.95)),
      // Frames that took longer than one display frame (a missed vsync at 60 Hz).
      missedFrames: r.intervals.filter((x) => x > VSYNC * 1.5).length,
      fps: round((r.intervals.length / r.wall) * 1000),
      mainThreadWorkP50ms: round(quantile(work, 0.5)),
      mainThreadWorkP95ms: round(quantile(work, 0.95)),
      timestampsPrecise: isolated,
      longAnimationFrames: r.loaf,
      podsAtEnd: st.pods,
      virtualT: round(st.t),
      dotsInLastFrame: Number(st.dots ?? 0),
    };
    console.log(JSON.stringify(line));
    test.info().annotations.push({ type: 'bench', description: JSON.stringify(line) });
  });
}

/**
 * One lane against a comparison of three: 10 pods each, 20 requests/s, the updates at 30 s, played
 * at 1× over t = 30…40 s at 1280×720 (the view a class sees).
 */
for (const lanes of [1, 3] as const) {
  test(`frames: ${lanes === 1 ? 'one lane' : 'Compare view, three lanes'} of 10 pods, 20 requests/s`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const base = scenario(10, [], 3);
    const start = async () => {
      if (lanes === 1) {
        await open(page, scenario(10, [setImage(30, 'v2')], 3), 29);
        await page.evaluate(() => window.__rolloutLab!.play(1));
      } else {
        const s = comparisonOf(
          base,
          [
            { strategy: 'recreate' },
            { strategy: 'rolling', maxSurge: '25%', maxUnavailable: '25%' },
            { strategy: 'blue-green' },
          ],
          { name: 'bench-compare' },
          30,
        );
        await page.goto('/');
        await page.getByTestId('compare.open').click();
        await page.waitForFunction(() => window.__rolloutCompare !== undefined);
        await page.evaluate((sc) => window.__rolloutCompare!.load(sc as Scenario, 29), s);
        await page.evaluate(() => window.__rolloutCompare!.play(1));
      }
      await rafWithLoaf(page, 1000); // warm-up
    };
    await start();
    const r = await rafWithLoaf(page, WINDOW_MS);
    await start();
    const work = await mainThreadFrameWork(page, WINDOW_MS);
    const st = await page.evaluate(() =>
      window.__rolloutCompare
        ? {
            t: window.__rolloutCompare.state().t,
            pods: window.__rolloutCompare.state().lanes.map((l) => l.pods),
          }
        : { t: window.__rolloutLab!.state().t, pods: [window.__rolloutLab!.state().pods.length] },
    );
    const line = {
      bench: 'frames-compare',
      lanes,
      podsPerLane: 10,
      requestsPerSecond: 20,
      frames: r.intervals.length,
      p50ms: round(quantile(r.intervals, 0.5)),
      p95ms: round(quantile(r.intervals, 0.95)),
      missedFrames: r.intervals.filter((x) => x > VSYNC * 1.5).length,
      fps: round((r.intervals.length / r.wall) * 1000),
      mainThreadWorkP50ms: round(quantile(work, 0.5)),
      mainThreadWorkP95ms: round(quantile(work, 0.95)),
      longAnimationFrames: r.loaf,
      podsAtEnd: st.pods,
      virtualT: round(st.t),
    };
    console.log(JSON.stringify(line));
    test.info().annotations.push({ type: 'bench', description: JSON.stringify(line) });
  });
}

test('scrubbing: seek to 10 random moments of a 10-minute run (100 pods)', async ({ page }) => {
  test.setTimeout(240_000);
  const steps = [setImage(30, 'v2'), setImage(180, 'v3'), setImage(300, 'v4'), setImage(450, 'v1')];
  await open(page, scenario(100, steps, 3), 0);
  const prepare = await page.evaluate(() => {
    const t0 = performance.now();
    window.__rolloutLab!.seek(600); // the recorder computes the whole run once
    return performance.now() - t0;
  });
  // A fixed pseudo-random sequence, so runs compare.
  let x = 12345;
  const moments = Array.from({ length: 10 }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return Math.round((x / 2 ** 31) * 6000) / 10;
  });
  const r = await page.evaluate(
    (ts) =>
      (async () => {
        const seek: number[] = [];
        const painted: number[] = [];
        for (const t of ts) {
          const t0 = performance.now();
          window.__rolloutLab!.seek(t);
          seek.push(performance.now() - t0);
          await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
          painted.push(performance.now() - t0);
        }
        return { seek, painted };
      })(),
    moments,
  );
  const line = {
    bench: 'scrub',
    pods: 100,
    runSeconds: 600,
    moments,
    firstComputeMs: round(prepare),
    seekMedianMs: round(quantile(r.seek, 0.5)),
    seekMaxMs: round(Math.max(...r.seek)),
    paintedMedianMs: round(quantile(r.painted, 0.5)),
    paintedMaxMs: round(Math.max(...r.painted)),
    paintedMs: r.painted.map(round),
  };
  console.log(JSON.stringify(line));
  test.info().annotations.push({ type: 'bench', description: JSON.stringify(line) });
});

/**
 * Issue 17's memory goal in the browser: an hour of playback of 1,000 pods under 20 requests/s (a
 * rolling update at 0:30, a rollback at 30:00), a second of virtual time per painted frame, and
 * the page's JavaScript heap after a full collection at one minute and at the hour.
 */
test('memory: an hour of playback of 1,000 pods, heap at the hour against the first minute', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const steps = [setImage(30, 'v2'), { at: 1800, run: 'kubectl rollout undo deployment/kubia' }];
  await open(page, scenario(1000, steps, 6), 0);
  const cdp = await page.context().newCDPSession(page);
  const heapMiB = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  };
  // Played forward a second at a time, each second drawn, as playback draws it.
  const play = (from: number, to: number) =>
    page.evaluate(
      async ([a, b]) => {
        for (let s = a; s < b; s++) {
          window.__rolloutLab!.advance(1);
          await new Promise((done) => requestAnimationFrame(() => done(undefined)));
        }
      },
      [from, to] as const,
    );
  const t0 = Date.now();
  await play(0, 60);
  const minute = await heapMiB();
  for (let s = 60; s < 3600; s += 300) await play(s, Math.min(3600, s + 300));
  const hour = await heapMiB();
  const st = await page.evaluate(() => window.__rolloutLab!.state());
  await cdp.detach();
  const line = {
    bench: 'memory',
    pods: st.pods.length,
    virtualT: round(st.t),
    minuteMiB: round(minute),
    hourMiB: round(hour),
    ratio: round(hour / minute),
    playSeconds: round((Date.now() - t0) / 1000),
  };
  console.log(JSON.stringify(line));
  test.info().annotations.push({ type: 'bench', description: JSON.stringify(line) });
});

/**
 * Opening a share link in the browser, from navigation to the clock reading the link's moment with
 * the replay's notice gone (what a person who follows the link waits for), in a fresh page each
 * time: the built files are fetched, parsed and run cold. The chapter's example at 0:45 (the
 * budget: the shared frame under 100 ms after the scripts load, DESIGN.md §6); issue 11's hour of
 * 1,000 pods under 20 requests/s, and the same with a rolling update at 0:30 and a rollback at
 * 30:00 (every pod replaced twice more). Each also from when the page's scripts had arrived (the
 * last one fetched before DOMContentLoaded), and when the app was first drawn (its root's first
 * element). Median of three.
 */
const LINKS = [
  { name: "the chapter's example at 0:45", scenario: defaultScenario(), at: 45, clock: 't = 0:45.0' },
  { name: 'an hour of 1,000 pods', scenario: scenario(1000, [], 6), at: 3600, clock: '1:00:00.0' },
  {
    name: 'an hour of 1,000 pods, two rollouts',
    scenario: scenario(
      1000,
      [setImage(30, 'v2'), { at: 1800, run: 'kubectl rollout undo deployment/kubia' }],
      6,
    ),
    at: 3600,
    clock: '1:00:00.0',
  },
];
for (const link of LINKS) {
  test(`link open: ${link.name}`, async ({ browser }) => {
    test.setTimeout(300_000);
    const fragment = encodeShare({ scenario: link.scenario, at: link.at });
    const runs: { shown: number; scripts: number; drawn: number }[] = [];
    let pods = 0;
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // When the app is first drawn: its root gets its first element.
      await page.addInitScript(() => {
        const seen = new MutationObserver(() => {
          if (!document.getElementById('root')?.firstElementChild) return;
          (window as { __drawnAt?: number }).__drawnAt = performance.now();
          seen.disconnect();
        });
        seen.observe(document, { childList: true, subtree: true });
      });
      await page.goto(`/#${fragment}`);
      // Polled every frame: the first frame that shows the moment, in the page's own clock.
      const shown = await page.waitForFunction(
        (clock) => {
          const text = document.querySelector('output.time')?.textContent ?? '';
          const opening = document.querySelector('[data-testid="opening"]');
          return text.includes(clock) && !opening ? performance.now() : false;
        },
        link.clock,
        { polling: 'raf', timeout: 240_000 },
      );
      const at = (await shown.jsonValue()) as number;
      const times = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.name.endsWith('.js') && r.responseEnd <= nav.domContentLoadedEventStart)
          .map((r) => r.responseEnd);
        const drawn = (window as { __drawnAt?: number }).__drawnAt ?? NaN;
        return { scripts: Math.max(0, ...scripts), drawn };
      });
      runs.push({ shown: at, ...times });
      pods = await page.evaluate(() => window.__rolloutLab!.state().pods.length);
      await context.close();
    }
    const median = (f: (r: (typeof runs)[number]) => number) => round(quantile(runs.map(f), 0.5));
    const line = {
      bench: 'link-open',
      link: link.name,
      pods,
      medianMs: median((r) => r.shown),
      afterScriptsMs: median((r) => r.shown - r.scripts),
      firstDrawnMs: median((r) => r.drawn),
      ms: runs.map((r) => round(r.shown)),
    };
    console.log(JSON.stringify(line));
    test.info().annotations.push({ type: 'bench', description: JSON.stringify(line) });
  });
}

test('first load: the JavaScript index.html loads before the first paint, gzip', () => {
  // Modules the page needs to paint: the entry script and what it preloads. The YAML library,
  // the rest of kubectl, the lessons, the timeline, the console and the editor load afterwards.
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const sizes = files.map((f) => {
    const bytes = readFileSync(`dist/${f}`);
    return { file: f, bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
  const line = {
    bench: 'first-load',
    files: sizes.length,
    bytes: sizes.reduce((a, s) => a + s.bytes, 0),
    gzipKB: round(sizes.reduce((a, s) => a + s.gzip, 0) / 1024),
  };
  console.log(JSON.stringify(line));
  test.info().annotations.push({ type: 'bench', description: JSON.stringify(line) });
});
