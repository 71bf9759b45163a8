import { startDatabaseSubgraph } from '@ecd/database';
import { PrismaClient } from './generated/prisma/client.js';
import { seedDemo } from './demo-seed.js';
import { loadEnv, type Env } from './env.js';
import { createLoaders } from './loaders.js';
import { loadRegistries } from './plans/registries.js';
import { loadReferenceUnits } from './units/reference-units.js';
import { resolvers } from './resolvers/index.js';

/** Starts the LĐTBXH subgraph; tests call it with their own environment and port 0. */
export const startLdtbxhSubgraph = (env: Env = loadEnv()) =>
  startDatabaseSubgraph({
    name: 'ldtbxh',
    env,
    appRoot: new URL('..', import.meta.url),
    resolvers,
    createClient: (options) => new PrismaClient(options),
    createLoaders: (prisma) => createLoaders(prisma, env.CHILD_KEY_SECRET),
    prepare: async (prisma, logger) => {
      await loadReferenceUnits(prisma, logger);
      await loadRegistries(prisma, logger);
    },
    seedDemo: (prisma, logger) => seedDemo(prisma, logger, env.CHILD_KEY_SECRET),
  });

export { loadEnv };
