import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

import {
  baseEnvSchema,
  DEVELOPMENT_CHILD_KEY_SECRET,
  gatewayKeyEnv,
  idempotencyKeyEnv,
  lookupLimitsEnv,
  portSchema,
} from '@ecd/service-kit';

/**
 * `.data/` at the repository's root, where `npm start` keeps each subgraph's embedded database
 * (`.data/<sector>`): a subgraph started alone (`npm start -w`, `npm run dev -w`, the plan CLI) opens the
 * same folder whatever its working directory, not one of its own under `apps/<sector>/`.
 */
const REPOSITORY_DATA_DIR = fileURLToPath(new URL('../../../.data/', import.meta.url));

/**
 * The environment of a subgraph that owns a database: listen address, database, and the
 * secret from which sectors derive the same key for a child (refused in production if left at the
 * development value).
 */
export const subgraphEnvSchema = (sector: string, defaultPort: number) =>
  baseEnvSchema
    .extend({
      PORT: portSchema(defaultPort),
      DATABASE_URL: z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
        .optional()
        .or(z.literal('').transform(() => undefined)),
      DATA_DIR: z.string().default(join(REPOSITORY_DATA_DIR, sector)),
      // Longest one SQL statement of a request may run (ms; 0: no limit), so no query holds a
      // connection forever; above the gateway's SUBGRAPH_TIMEOUT_MS, after which nobody waits anyway.
      STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
      // Computed figures are cached by data version (never stale); `off` computes every figure afresh.
      FIGURE_CACHE: z.enum(['on', 'off']).default('on'),
      // Redis shared by the replicas of the subgraph for the figure cache; unset: this process's memory.
      REDIS_URL: z
        .string()
        .regex(/^rediss?:\/\//, 'must be a redis:// URL')
        .optional()
        .or(z.literal('').transform(() => undefined)),
      // How long a mutation's Idempotency-Key is kept (hours): a retry within it gets the first answer.
      ...idempotencyKeyEnv,
      CHILD_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_CHILD_KEY_SECRET),
      ...gatewayKeyEnv,
      // Lookups by personal identification number one person may make per window (default 10 per 600 s).
      ...lookupLimitsEnv,
    })
    .refine((env) => env.NODE_ENV !== 'production' || env.CHILD_KEY_SECRET !== DEVELOPMENT_CHILD_KEY_SECRET, {
      path: ['CHILD_KEY_SECRET'],
      message: 'must be set in production (the development value is public)',
    });

export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;
