import { startDatabaseSubgraph, type DatabaseSubgraphOptions } from '@ecd/database';

import { createDataLayer, type DataLayer } from './data/index.js';
import { loadEnv, type Env } from './env.js';
import { PrismaClient } from './generated/prisma/client.js';
import { resolvers } from './resolvers/index.js';
import { educationRoutes } from './routes.js';

/**
 * Starts the education subgraph; tests call it with their own environment and port 0. `seedDemo` (demo data,
 * seeded at start-up) is given by the demo entry point (src/demo/main.ts) and tests only.
 */
export const startEducationSubgraph = (
  env: Env = loadEnv(),
  options: Pick<DatabaseSubgraphOptions<PrismaClient, DataLayer>, 'seedDemo'> = {},
) =>
  startDatabaseSubgraph({
    name: 'education',
    env,
    appRoot: new URL('..', import.meta.url),
    resolvers,
    createClient: (clientOptions) => new PrismaClient(clientOptions),
    createDataLayer,
    // Files beside /graphql: aggregate figures (the Excel template and its import) and schools' enrolment.
    routes: educationRoutes,
    ...options,
  });

export { loadEnv };
