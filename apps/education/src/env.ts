import { subgraphEnvSchema } from '@ecd/database';
import { parseEnv } from '@ecd/service-kit';

export const loadEnv = (source: NodeJS.ProcessEnv = process.env) =>
  parseEnv(subgraphEnvSchema('education', 4003), source);
export type Env = ReturnType<typeof loadEnv>;
