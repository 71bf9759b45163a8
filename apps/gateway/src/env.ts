import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { baseEnvSchema, parseEnv, portSchema } from '@ecd/service-kit';

const optionalUrl = z.url().optional().or(z.literal('').transform(() => undefined));

export const gatewayEnvSchema = baseEnvSchema.extend({
  PORT: portSchema(4000),
  /** `file` serves the committed supergraph; `introspect` composes from the running subgraphs (development). */
  SUPERGRAPH_MODE: z.enum(['file', 'introspect']).default('file'),
  SUPERGRAPH_PATH: z.string().default(fileURLToPath(new URL('../../../infra/supergraph.graphql', import.meta.url))),
  /** Override the URLs baked into the supergraph, e.g. when a sector runs its subgraph elsewhere. */
  LDTBXH_URL: optionalUrl,
  HEALTH_URL: optionalUrl,
  EDUCATION_URL: optionalUrl,
  CULTURE_URL: optionalUrl,
  /** How long a subgraph may take to answer before its fields fail, in milliseconds. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export const loadEnv = (source: NodeJS.ProcessEnv = process.env) => parseEnv(gatewayEnvSchema, source);
export type Env = ReturnType<typeof loadEnv>;

/** The per-subgraph URL overrides set in the environment, by subgraph name. */
export function subgraphUrlOverrides(env: Env): Record<string, string> {
  const entries = Object.entries({ ldtbxh: env.LDTBXH_URL, health: env.HEALTH_URL, education: env.EDUCATION_URL, culture: env.CULTURE_URL });
  return Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));
}
