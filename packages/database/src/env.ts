import { z } from 'zod';
import { DEVELOPMENT_CHILD_KEY_SECRET, baseEnvSchema, gatewayKeyEnv, lookupLimitsEnv, portSchema } from '@ecd/service-kit';

const booleanish = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/**
 * The environment of a subgraph that owns a database: listen address, database, demo seeding, and the
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
      DATA_DIR: z.string().default(`.data/${sector}`),
      // Longest one SQL statement of a request may run (ms; 0: no limit), so no query holds a
      // connection forever; above the gateway's SUBGRAPH_TIMEOUT_MS, after which nobody waits anyway.
      STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
      SEED_DEMO: booleanish,
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
