/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
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
          setupFiles: ['src/test-helpers/setup.ts'],
        },
      },
    ],
  },
});
