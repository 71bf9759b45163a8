import { indicatorRoutes, startDatabaseSubgraph, type DatabaseSubgraphOptions } from '@ecd/database';

import { createDataLayer, type DataLayer } from './data/index.js';
import { loadRegistries } from './data/registry.js';
import { loadReferenceUnits } from './data/units.js';
import { loadEnv, type Env } from './env.js';
import { PrismaClient } from './generated/prisma/client.js';
import { resolvers } from './resolvers/index.js';

/**
 * Starts the LĐTBXH subgraph; tests call it with their own environment and port 0. `seedDemo` (demo
 * data, after the reference data) is given by the demo entry point (src/demo/main.ts) and tests only.
 */
export const startLdtbxhSubgraph = (
  env: Env = loadEnv(),
  options: Pick<DatabaseSubgraphOptions<PrismaClient, DataLayer>, 'seedDemo'> = {},
) =>
  startDatabaseSubgraph({
    name: 'ldtbxh',
    env,
    appRoot: new URL('..', import.meta.url),
    resolvers,
    createClient: (clientOptions) => new PrismaClient(clientOptions),
    createDataLayer: (prisma, shared) => createDataLayer(prisma, env.CHILD_KEY_SECRET, shared),
    // Aggregate figures as files (the Excel template and its import) beside /graphql.
    routes: (app, tools) => indicatorRoutes(app, tools, (data) => data.figureFiles),
    prepare: async (prisma, logger) => {
      await loadReferenceUnits(prisma, logger);
      await loadRegistries(prisma, logger);
    },
    ...options,
  });

export { loadEnv };
