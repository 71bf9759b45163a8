import { z } from 'zod';
import { baseEnvSchema, portSchema } from '@ecd/service-kit';

const booleanish = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/** The environment of a subgraph that owns a database: listen address, database, demo seeding. */
export const subgraphEnvSchema = (sector: string, defaultPort: number) =>
  baseEnvSchema.extend({
    PORT: portSchema(defaultPort),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    DATA_DIR: z.string().default(`.data/${sector}`),
    SEED_DEMO: booleanish,
  });

export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;
