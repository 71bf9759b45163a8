import { z } from 'zod';

import { queryLimitsEnv } from './limits.js';

/** Variables every service reads; a service extends this with its own. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How far V8's heap may grow between full collections, in percent (0: V8's own choice); see heap.ts. */
  HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(400).default(50),
  /**
   * GraphQL introspection (`__schema`, `__type`): `on` or `off`; unset, on except in production, where it
   * maps the whole API for whoever holds any token. Federation's `_service { sdl }` is not introspection.
   */
  INTROSPECTION: z.enum(['on', 'off']).optional(),
  /** Overrides of the limits one GraphQL request must stay within (QUERY_MAX_DEPTH, _ALIASES, _TOKENS, _DIRECTIVES, _COST; see limits.ts). */
  ...queryLimitsEnv,
});

/** Whether a service answers introspection: as INTROSPECTION says, else everywhere but in production. */
export const introspectionEnabled = (env: { NODE_ENV: string; INTROSPECTION?: 'on' | 'off' | undefined }): boolean =>
  env.INTROSPECTION ? env.INTROSPECTION === 'on' : env.NODE_ENV !== 'production';

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses the environment once, failing with every invalid variable named (not just the first). */
export function parseEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** A TCP port, given as a string in the environment. */
export const portSchema = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);
