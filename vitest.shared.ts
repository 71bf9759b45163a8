import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * One test configuration for every package: unit tests (`*.test.ts`) and integration tests
 * (`*.integration.test.ts`, real databases and servers, hence the longer timeouts) beside the code.
 */
export default defineConfig({
  // One graphql-js for everything: Apollo's CommonJS packages load its CommonJS build, so the tests must too.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
