import { z } from 'zod';

import {
  baseEnvSchema,
  DEVELOPMENT_CHILD_KEY_SECRET,
  gatewayKeyEnv,
  lookupLimitsEnv,
  portSchema,
} from '@ecd/service-kit';

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
      DATA_DIR: z.string().default(`.data/${sector}`),
      // Longest one SQL statement of a request may run (ms; 0: no limit), so no query holds a
      // connection forever; above the gateway's SUBGRAPH_TIMEOUT_MS, after which nobody waits anyway.
      STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
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
