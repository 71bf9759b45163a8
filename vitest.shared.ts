import { defineConfig } from 'vitest/config';

/**
 * One test configuration for every package: unit tests (`*.test.ts`) and integration tests
 * (`*.integration.test.ts`, real databases and servers, hence the longer timeouts) beside the code.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
