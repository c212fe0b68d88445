import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's chromium when present (TOOLCHAIN.md §2); otherwise Playwright's own browser. */
const executablePath =
  process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Several checkouts on one machine each serve on their own port (`E2E_PORT`). */
const PORT = Number(process.env['E2E_PORT'] ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  forbidOnly: !!process.env['CI'],
  timeout: Number(process.env['E2E_TIMEOUT'] ?? 30_000),
  // A busy machine (several checkouts testing at once) may ask for more patience: E2E_EXPECT_TIMEOUT.
  expect: { timeout: Number(process.env['E2E_EXPECT_TIMEOUT'] ?? 5_000) },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: 'reports/e2e.json' }],
  ],
  use: {
    browserName: 'chromium',
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    viewport: { width: 1280, height: 720 },
    reducedMotion: 'reduce',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs },
    // A trace records every action's snapshots, a fifth of the suite's time: CI, which retries a
    // failure once, records the retry; a run without retries keeps the failure's.
    trace: process.env['CI'] ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The service worker precaches the whole build after each first load: only offline.spec.ts,
    // which is about it, lets it run.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'e2e', testDir: 'e2e' },
    // `npm run bench:frames` (BENCH=1): frame times and scrubbing in the built app; no traces or videos.
    ...(process.env['BENCH']
      ? [
          {
            name: 'bench',
            testDir: 'bench',
            testMatch: '**/*.spec.ts',
            timeout: 240_000,
            use: { trace: 'off' as const, video: 'off' as const, screenshot: 'off' as const },
          },
        ]
      : []),
  ],
  webServer: {
    // `vite preview` serves dist/: build first (npx vite build), as `npm test` does.
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
