import { subgraphEnvSchema } from '@ecd/database';
import { parseEnv } from '@ecd/service-kit';

export const loadEnv = (source: NodeJS.ProcessEnv = process.env) => parseEnv(subgraphEnvSchema('ldtbxh', 4001), source);
export type Env = ReturnType<typeof loadEnv>;

/** Who runs a command of the `plan` CLI (its imports record `cli:<user>`). */
export const commandUser = (source: NodeJS.ProcessEnv = process.env) => source.USER ?? 'unknown';
