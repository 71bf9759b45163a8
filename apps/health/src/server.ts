import { startDatabaseSubgraph, type DatabaseSubgraphOptions } from '@ecd/database';

import { createDataLayer, type DataLayer } from './data/index.js';
import { ensureTallies } from './data/tallies.js';
import { loadEnv, type Env } from './env.js';
import { PrismaClient } from './generated/prisma/client.js';
import { resolvers } from './resolvers/index.js';
import { healthRoutes } from './routes.js';

/**
 * Starts the health subgraph; tests call it with their own environment and port 0. `seedDemo` (demo
 * data, after the running totals are prepared) is given by the demo entry point (src/demo/main.ts) and tests only.
 */
export const startHealthSubgraph = (
  env: Env = loadEnv(),
  options: Pick<DatabaseSubgraphOptions<PrismaClient, DataLayer>, 'seedDemo'> = {},
) =>
  startDatabaseSubgraph({
    name: 'health',
    env,
    appRoot: new URL('..', import.meta.url),
    resolvers,
    createClient: (clientOptions) => new PrismaClient(clientOptions),
    createDataLayer: (prisma, shared) => createDataLayer(prisma, { childKeySecret: env.CHILD_KEY_SECRET, ...shared }),
    prepare: ensureTallies,
    routes: healthRoutes,
    ...options,
  });

export { loadEnv };
