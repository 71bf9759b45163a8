import { defineConfig } from 'vitest/config';

import shared from './vitest.shared.ts';

/**
 * `npm run test:unit`: the pure unit tests (`*.test.ts`) of every workspace in one Vitest process — no
 * database, no server, no generated code needed. `npm test` runs these and the integration tests.
 * The files share one module graph (no isolation: a pure test leaves no global state behind), which
 * makes the tier about six times faster than a fresh process per file.
 */
export default defineConfig({
  resolve: shared.resolve,
  test: {
    include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'infra/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.integration.test.ts'],
    pool: 'forks',
    isolate: false,
    reporters: ['default'],
  },
});
