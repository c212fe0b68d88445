import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import regexp from 'eslint-plugin-regexp';
import { reactRefresh } from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

// The simulator core must stay deterministic and framework-free: no React, no DOM, no wall clock,
// no global randomness. These rules make that mechanical (see ARCHITECTURE.md).
const coreRestrictedImports = {
  patterns: [
    {
      group: ['react', 'react-*', 'react/*', 'framer-motion', 'motion', 'zustand', 'zustand/*', 'd3-*'],
      message: 'src/ is framework-free: render in web/.',
    },
    { group: ['**/web/**', '../web', '../../web'], message: 'Dependencies point one way: web -> src.' },
    { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/ runs in the browser too.' },
  ],
};
// The controllers write only through the API (ARCHITECTURE.md, "The cluster's parts"): what they
// are given is a ControllerContext, whose store is read-only; the writable Store, the API that holds
// it and the cluster that composes them stay out of their reach.
const controllerFiles = [
  'src/cluster/controllers/**/*.ts',
  'src/cluster/kubelet.ts',
  'src/cluster/world.ts',
  'src/cluster/traffic.ts',
  'src/cluster/eviction.ts',
];
const controllerRestrictedImports = {
  patterns: [
    ...coreRestrictedImports.patterns,
    {
      group: ['**/store.ts'],
      importNames: ['Store'],
      message:
        'Controllers read through ControllerContext.store and write through the API (ctx.create/update/updateStatus/delete).',
    },
    {
      group: ['**/cluster.ts', '**/api.ts', '**/manager.ts', '**/recorder.ts'],
      message: 'Controllers see the cluster only through their ControllerContext.',
    },
  ],
};
const coreRestrictedGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'performance',
  'process',
  'fetch',
].map((name) => ({
  name,
  message: 'src/ is deterministic and DOM-free: virtual time lives in the cluster state.',
}));
const coreRestrictedProperties = [
  { object: 'Date', property: 'now', message: 'Use the cluster clock (virtual time).' },
  { object: 'Math', property: 'random', message: 'Use the seeded generator in the cluster state.' },
];

export default defineConfig([
  globalIgnores(['dist', 'playwright-report', 'test-results', 'bench-results', 'node_modules']),
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, reactRefresh.configs.vite()],
    rules: {
      // One door: the app talks to the simulator through its public API only (ARCHITECTURE.md).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(?!index\\.ts$)',
              message: 'web/ imports nothing from src/ but src/index.ts (the Run is its only door).',
            },
          ],
          paths: [
            {
              name: 'react',
              importNames: ['lazy'],
              message:
                'Load a part with lazyPart (web/ui/lazyPart.tsx): a chunk that fails to load must not unmount the lab.',
            },
          ],
        },
      ],
    },
  },
  { files: ['web/ui/lazyPart.tsx'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['web/main.tsx'], rules: { 'react-refresh/only-export-components': 'off' } },
  {
    // Regular expressions in the core see what users type, open and import: none may backtrack
    // super-linearly (a 2,000-digit --request-timeout once took seconds). regexpp's analysis
    // (scslre) proves each pattern linear or reports the input that is not.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'certain' }],
      'regexp/no-super-linear-move': ['error', { report: 'certain', ignorePartial: false }],
    },
  },
  {
    files: ['src/**/*.ts'],
    // Node entry points: the CLI and the simulated cluster served over HTTP (src/server).
    ignores: ['src/cli.ts', 'src/server/**', 'src/**/*.test.ts', 'src/test-helpers/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', coreRestrictedImports],
      'no-restricted-globals': ['error', ...coreRestrictedGlobals],
      'no-restricted-properties': ['error', ...coreRestrictedProperties],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the wall clock; use the cluster clock.',
        },
      ],
    },
  },
  {
    files: controllerFiles,
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', controllerRestrictedImports] },
  },
]);
