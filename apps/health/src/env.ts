import { subgraphEnvSchema } from '@ecd/database';
import { parseEnv } from '@ecd/service-kit';

/** The health subgraph's settings, from `source` (tests) or, by default, the process environment (read by `parseEnv`). */
export const loadEnv = (source?: NodeJS.ProcessEnv) => parseEnv(subgraphEnvSchema('health', 4002), source);
export type Env = ReturnType<typeof loadEnv>;
