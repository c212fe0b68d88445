/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import type { Plugin } from 'vite';
import { serviceWorker } from './web/offline/plugin.ts';

/**
 * `vite dev` injects an inline script (React Refresh's preamble) that index.html's CSP forbids:
 * drop the CSP meta while serving only. The built app keeps it.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'rollout-lab:dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  };
}

const COMPARE = /[\\/]src[\\/]compare[\\/]/;
/**
 * Parts of the core that only parts loaded on demand use: checking a lesson's claims (the lesson
 * builder), eviction, faults and the disruption controller (kubectl's extended commands, pod
 * details, the cluster's parts that load with them), the Korean explanations (loaded with the
 * Korean text) and `explain` with them in (code outside the page).
 */
const ON_DEMAND =
  /[\\/]src[\\/](run[\\/]claims|cluster[\\/]eviction|cluster[\\/]faults|cluster[\\/]controllers[\\/]disruption|explain[\\/]complete|explain[\\/]ko)\.ts$/;

export default defineConfig({
  plugins: [react(), devWithoutCsp(), serviceWorker('web/offline/sw.js')],
  build: {
    rolldownOptions: {
      // The comparison code (src/compare) is reached only from the Compare view and a lesson
      // stop's Compare button, both loaded on demand: it gets a chunk of its own, and its modules
      // are declared free of side effects (they only declare), or the core's shared chunk, which
      // the first paint loads, kept importing it for them.
      treeshake: {
        moduleSideEffects: (id) => (COMPARE.test(id) || ON_DEMAND.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'compare', test: COMPARE },
            { name: 'on-demand', test: ON_DEMAND },
          ],
        },
      },
    },
  },
  // Embeds run in `sandbox="allow-scripts"` iframes, whose origin is opaque: module scripts and
  // stylesheets then load with CORS, so the assets must allow any origin (public/_headers does the
  // same for static hosts).
  preview: {
    port: 4173,
    strictPort: true,
    headers: {
      'Access-Control-Allow-Origin': '*',
      // The frame benchmark (BENCH=1) runs cross-origin isolated: frame timestamps are then precise
      // to microseconds instead of the 0.1 ms steps a page otherwise gets.
      ...(process.env['BENCH']
        ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
        : {}),
    },
  },
  test: {
    // One test file per core: vitest's default leaves one core idle, half the machine on CI's two.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          // The core's files share one module graph per worker: each file imported the whole
          // simulator again (a minute and a half of CI's five). What src/ keeps in its modules is
          // caches loaded once and scratch space; the web project, with React and the DOM, stays
          // isolated.
          isolate: false,
          // Property tests run thousands of simulated rollouts; 2-core CI machines need the room.
          testTimeout: 60_000,
          include: ['src/**/*.test.ts'],
          setupFiles: ['src/test-helpers/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['web/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test-helpers/setup.ts', 'web/i18n/test-setup.ts'],
        },
      },
    ],
  },
});
