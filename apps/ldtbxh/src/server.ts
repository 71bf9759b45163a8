import { startDatabaseSubgraph } from '@ecd/database';
import { PrismaClient } from './generated/prisma/client.js';
import { seedDemo } from './demo-seed.js';
import { loadEnv, type Env } from './env.js';
import { createLoaders } from './loaders.js';
import { loadReferenceUnits } from './reference-units.js';
import { resolvers } from './resolvers/index.js';

export const schemaUrl = new URL('../src/schema.graphql', import.meta.url);

/** Starts the LĐTBXH subgraph; tests call it with their own environment and port 0. */
export function startLdtbxhSubgraph(env: Env = loadEnv()) {
  return startDatabaseSubgraph({
    name: 'ldtbxh',
    env,
    schemaUrl,
    migrationsUrl: new URL('../prisma/migrations', import.meta.url),
    resolvers,
    createClient: (adapter) => new PrismaClient({ adapter }),
    context: (prisma) => ({ prisma, loaders: createLoaders(prisma) }),
    prepare: async (prisma, logger) => {
      await loadReferenceUnits(prisma, logger);
      if (env.SEED_DEMO) await seedDemo(prisma, logger);
    },
  });
}

export { loadEnv };
