import { startDatabaseSubgraph, type DatabaseSubgraphOptions } from '@ecd/database';

import { createDataLayer, type DataLayer } from './data/index.js';
import { loadEnv, type Env } from './env.js';
import { PrismaClient } from './generated/prisma/client.js';
import { resolvers } from './resolvers/index.js';
import { cultureRoutes } from './routes.js';

/**
 * Starts the culture subgraph; tests call it with their own environment and port 0. `seedDemo` (demo data,
 * seeded at start-up) is given by the demo entry point (src/demo/main.ts) and tests only.
 */
export const startCultureSubgraph = (
  env: Env = loadEnv(),
  options: Pick<DatabaseSubgraphOptions<PrismaClient, DataLayer>, 'seedDemo'> = {},
) =>
  startDatabaseSubgraph({
    name: 'culture',
    env,
    appRoot: new URL('..', import.meta.url),
    resolvers,
    createClient: (clientOptions) => new PrismaClient(clientOptions),
    createDataLayer,
    routes: cultureRoutes,
    ...options,
  });

export { loadEnv };
