import { afterAll, beforeAll } from 'vitest';

import type { RunningService } from '@ecd/service-kit';

import { createTestDatabase, subgraphTestEnv, type TestDatabase } from './database.js';
import { registerService } from './identity.js';

export interface TestSubgraph<S extends RunningService> {
  /** The running subgraph (set once `beforeAll` ran). */
  service: S;
  database: TestDatabase;
  /** Stops the subgraph and starts it again on the same database, as after a crash or a deployment. */
  restart(): Promise<S>;
}

/**
 * Runs one subgraph for a test file: its own fresh database before the tests, everything stopped
 * and dropped after them.
 */
export function useTestSubgraph<S extends RunningService>(
  label: string,
  start: (env: NodeJS.ProcessEnv) => Promise<S>,
  extraEnv: Record<string, string> = {},
): TestSubgraph<S> {
  const handle = {
    async restart() {
      await handle.service.close();
      handle.service = await start(subgraphTestEnv(handle.database, extraEnv));
      registerService(handle.service);
      return handle.service;
    },
  } as TestSubgraph<S>;
  beforeAll(async () => {
    handle.database = await createTestDatabase(label);
    handle.service = await start(subgraphTestEnv(handle.database, extraEnv));
    registerService(handle.service);
  });
  afterAll(async () => {
    await handle.service?.close();
    await handle.database?.drop();
  });
  return handle;
}
