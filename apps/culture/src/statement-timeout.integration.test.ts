import { describe, expect, it } from 'vitest';

import { useTestSubgraph } from '@ecd/test-kit';

import { seedDemo } from './demo/seed.js';
import { loadEnv, startCultureSubgraph } from './server.js';

// PostgreSQL only: the embedded PGlite has no timer to cancel a statement with, and ignores the setting.
describe.skipIf(!process.env.TEST_DATABASE_URL)('STATEMENT_TIMEOUT_MS on PostgreSQL', () => {
  // 1 ms would cut nearly every statement of the demo seeding, were start-up run on the requests' connections.
  const subgraph = useTestSubgraph('culture-timeout', (env) => startCultureSubgraph(loadEnv(env), { seedDemo }), {
    STATEMENT_TIMEOUT_MS: '1',
  });

  // Starting at all shows the seeding ran uncut.
  it('cuts a statement of the subgraph’s client that runs longer', async () => {
    const started = Date.now();
    await expect(subgraph.service.client.$queryRaw`SELECT pg_sleep(5)`).rejects.toThrow(/statement timeout/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
