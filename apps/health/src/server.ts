import { startDatabaseSubgraph } from '@ecd/database';
import { PrismaClient } from './generated/prisma/client.js';
import { seedDemo } from './demo-seed.js';
import { loadEnv, type Env } from './env.js';
import { createLoaders } from './loaders.js';
import { ensureTallies } from './records/tallies.js';
import { createResolvers } from './resolvers/index.js';

/** Starts the health subgraph; tests call it with their own environment and port 0. */
export const startHealthSubgraph = (env: Env = loadEnv()) =>
  startDatabaseSubgraph({
    name: 'health',
    env,
    appRoot: new URL('..', import.meta.url),
    resolvers: createResolvers({ childKeySecret: env.CHILD_KEY_SECRET }),
    createClient: (options) => new PrismaClient(options),
    createLoaders,
    prepare: ensureTallies,
    seedDemo: (client, logger) => seedDemo(client, logger, env.CHILD_KEY_SECRET),
  });

export { loadEnv };
