import { subgraphEnvSchema } from '@ecd/database';
import { parseEnv } from '@ecd/service-kit';

export const loadEnv = (source: NodeJS.ProcessEnv = process.env) =>
  parseEnv(subgraphEnvSchema('culture', 4004), source);
export type Env = ReturnType<typeof loadEnv>;
