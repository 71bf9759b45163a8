import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Two projects in one run (one report, test-results/vitest.json, read by the CI summary):
 * - components: the pages and UI pieces in jsdom with Testing Library (`src/**\/*.test.tsx`, pure `*.test.ts`);
 * - e2e: Debian's Chromium driven by playwright-core against the real system, started by e2e/global-setup.ts
 *   (the demo on a temporary data folder and free ports) and stopped after (`e2e/*.e2e.test.ts`).
 */
export default defineConfig({
  plugins: [react()],
  test: {
    reporters: ['default', 'json'],
    // The system's stop: each service drains and closes its database.
    teardownTimeout: 60_000,
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'components',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/test-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // A poll waits for the real system's answer through the gateway, not for a figure of speed: on two
          // busy cores a write to a subgraph on the embedded database was still unanswered after Vitest's
          // default second (2026-12-04, in the full test run on PGlite).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
