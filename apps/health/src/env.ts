import { parseEnv } from '@ecd/service-kit';
import { subgraphEnvSchema } from '@ecd/database';

export const loadEnv = (source: NodeJS.ProcessEnv = process.env) => parseEnv(subgraphEnvSchema('health', 4002), source);
export type Env = ReturnType<typeof loadEnv>;
