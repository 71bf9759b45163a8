import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

import {
  baseEnvSchema,
  DEFAULT_CLAIMS,
  DEFAULT_KEYS_DIR,
  DEVELOPMENT_ISSUER,
  DEVELOPMENT_KEY_PREFIX,
  EnvError,
  FEDERATION_AUDIENCE,
  idempotencyKeyEnv,
  parseEnv,
  portSchema,
  readJson,
  type OidcConfig,
} from '@ecd/service-kit';

import { DEFAULT_DHIS2_MAPPING, dhis2MappingSchema, type Dhis2Mapping } from './files/dhis2.js';

const optionalUrl = z
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));

export const gatewayEnvSchema = baseEnvSchema
  .extend({
    PORT: portSchema(4000),
    /** `file` serves the committed supergraph; `introspect` composes from the running subgraphs (development). */
    SUPERGRAPH_MODE: z.enum(['file', 'introspect']).default('file'),
    SUPERGRAPH_PATH: z.string().default(fileURLToPath(new URL('../../../infra/supergraph.graphql', import.meta.url))),
    /** Override the URLs baked into the supergraph, e.g. when a sector runs its subgraph elsewhere. */
    LDTBXH_URL: optionalUrl,
    HEALTH_URL: optionalUrl,
    EDUCATION_URL: optionalUrl,
    CULTURE_URL: optionalUrl,
    /** How long a subgraph may take to answer before its fields fail, in milliseconds (the call is aborted). */
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** Calls in flight to one subgraph at most; the others wait their turn (bulkhead.ts). */
    SUBGRAPH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(8),
    /** How long one request may take in all, in milliseconds: then every subgraph call it still waits for is aborted. */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /** Requests one person (verified user id) may send per minute; 0 turns the limit off. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
    /**
     * Requests of one person (verified user id) in flight at once; 0 turns the cap off. The rest wait in
     * that person's own queue, so one person's burst never fills the subgraphs' queues (SUBGRAPH_CONCURRENCY,
     * shared by everyone) ahead of others. 4: half of a subgraph's 8 calls at once, since a request calls
     * each subgraph about once at a time, so one person leaves at least half to the others; the c=4 benchmark
     * and a page of the web application asking a few queries at once run unhindered.
     */
    PERSON_CONCURRENCY: z.coerce.number().int().min(0).max(1000).default(4),
    /**
     * Requests of one person waiting for a turn at most; more are refused (HTTP 429, TOO_MANY_IN_FLIGHT).
     * 16 absorbs a page's burst without an error and bounds what one person holds in the gateway.
     */
    PERSON_QUEUE: z.coerce.number().int().min(0).max(1000).default(16),
    /**
     * Apollo Gateway's own usage metrics, sent to Apollo's servers (with the host's description, after
     * probing cloud metadata addresses) every hour and when it stops. Off unless asked for: a system
     * holding children's personal data sends nothing out of its network by itself.
     */
    APOLLO_TELEMETRY: z.enum(['on', 'off']).default('off'),
    /**
     * `on`: a query's whole answer is kept while no sector writes, for people with the same claims
     * (answer-cache.ts); `off`: every query is planned and sent to the subgraphs.
     */
    ANSWER_CACHE: z.enum(['on', 'off']).default('on'),
    /** Memory the kept answers may take in this process, in MiB (unused with REDIS_URL: Redis keeps them). */
    ANSWER_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(64),
    /** A Redis shared by the gateway replicas for the per-user rate limit, the answer cache and the Idempotency-Keys; unset: each keeps its own in memory. */
    REDIS_URL: optionalUrl,
    /** How long the gateway binds a mutation's Idempotency-Key to its request (hours): the subgraphs' setting, the same variable. */
    ...idempotencyKeyEnv,
    /** The OpenID Connect provider whose bearer tokens people sign in with (the development issuer by default). */
    OIDC_ISSUER: z.string().min(1).default(DEVELOPMENT_ISSUER),
    OIDC_AUDIENCE: z.string().min(1).default(FEDERATION_AUDIENCE),
    /** The provider's JWKS endpoint, e.g. Keycloak's `…/realms/<realm>/protocol/openid-connect/certs`. */
    OIDC_JWKS_URL: optionalUrl,
    /** Or its keys as a JWKS file or inline JSON (the development issuer's are in the keys folder). */
    OIDC_JWKS: z.string().optional(),
    OIDC_ALGORITHMS: z
      .string()
      .default('RS256,ES256,EdDSA')
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      ),
    OIDC_ROLES_CLAIM: z.string().default(DEFAULT_CLAIMS.roles),
    OIDC_SECTOR_CLAIM: z.string().default(DEFAULT_CLAIMS.sector),
    OIDC_UNIT_CLAIM: z.string().default(DEFAULT_CLAIMS.unit),
    OIDC_AGENCY_CLAIM: z.string().default(DEFAULT_CLAIMS.agency),
    OIDC_NAME_CLAIM: z.string().default(DEFAULT_CLAIMS.name),
    /** The gateway's private Ed25519 key (JWK file or inline JSON) signing its calls to the subgraphs. */
    GATEWAY_SIGNING_KEY: z.string().optional(),
    /** Where the embedded default keeps the development keys. */
    ECD_KEYS_DIR: z.string().default(DEFAULT_KEYS_DIR),
    /** The built web application the gateway serves on its own origin (`npm run build -w @ecd/web`); `off`: none. */
    WEB_DIST: z.string().default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
    /**
     * The OpenID Connect provider the web application signs people in with (its issuer URL, where
     * `/.well-known/openid-configuration` is); unset with the development issuer: the development sign-in.
     */
    WEB_OIDC_AUTHORITY: optionalUrl,
    /** The web application's client id at that provider (a public client: authorization code with PKCE). */
    WEB_OIDC_CLIENT_ID: z.string().min(1).default('ecd-web'),
    /** The scopes the web application asks for. */
    WEB_OIDC_SCOPE: z.string().min(1).default('openid profile'),
    /** How figures are identified in a DHIS2 export (a JSON file or inline JSON; README "DHIS2 exchange"); unset: by code. */
    DHIS2_MAPPING: z.string().optional(),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.OIDC_ISSUER !== DEVELOPMENT_ISSUER, {
    path: ['OIDC_ISSUER'],
    message: 'production refuses the development issuer: set the identity provider',
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.GATEWAY_SIGNING_KEY !== undefined, {
    path: ['GATEWAY_SIGNING_KEY'],
    message: 'must be set in production',
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.OIDC_JWKS_URL !== undefined || env.OIDC_JWKS !== undefined, {
    path: ['OIDC_JWKS_URL'],
    message: 'must be set in production (or OIDC_JWKS)',
  });

export const loadEnv = (source: NodeJS.ProcessEnv = process.env) => parseEnv(gatewayEnvSchema, source);
export type Env = ReturnType<typeof loadEnv>;

/** Apollo Gateway reads its telemetry switch from the process environment only, when it is constructed. */
export function applyGatewayTelemetry(env: Env): void {
  process.env.APOLLO_TELEMETRY_DISABLED = env.APOLLO_TELEMETRY === 'on' ? 'false' : 'true';
}

/** The per-subgraph URL overrides set in the environment, by subgraph name. */
export function subgraphUrlOverrides(env: Env): Record<string, string> {
  const entries = Object.entries({
    ldtbxh: env.LDTBXH_URL,
    health: env.HEALTH_URL,
    education: env.EDUCATION_URL,
    culture: env.CULTURE_URL,
  });
  return Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));
}

function readKey(name: string, source: string): unknown {
  try {
    return readJson(source);
  } catch (error) {
    throw new EnvError(
      `${name}: cannot read ${source} (${(error as Error).message}); \`npm start\` or \`npm run token\` creates development keys`,
    );
  }
}

/** How people's tokens are checked: the configured provider, or the development issuer's keys. */
export function oidcConfig(env: Env): OidcConfig {
  const jwks = env.OIDC_JWKS_URL
    ? undefined
    : readKey('OIDC_JWKS', env.OIDC_JWKS ?? join(env.ECD_KEYS_DIR, 'dev-issuer.jwks.json'));
  return {
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    jwksUrl: env.OIDC_JWKS_URL,
    jwks,
    algorithms: env.OIDC_ALGORITHMS,
    claims: claimPaths(env),
  };
}

/** The claims that say who a person is: how the gateway reads a token, and the web application too. */
export const claimPaths = (env: Env): OidcConfig['claims'] => ({
  roles: env.OIDC_ROLES_CLAIM,
  sector: env.OIDC_SECTOR_CLAIM,
  unit: env.OIDC_UNIT_CLAIM,
  agency: env.OIDC_AGENCY_CLAIM,
  name: env.OIDC_NAME_CLAIM,
});

/** The gateway's signing key; production refuses a development one. */
export function gatewaySigningKey(env: Env): unknown {
  const key = readKey(
    'GATEWAY_SIGNING_KEY',
    env.GATEWAY_SIGNING_KEY ?? join(env.ECD_KEYS_DIR, 'gateway.private.jwk.json'),
  );
  if (env.NODE_ENV === 'production' && String((key as { kid?: unknown }).kid).startsWith(DEVELOPMENT_KEY_PREFIX)) {
    throw new EnvError('GATEWAY_SIGNING_KEY: production refuses the development key');
  }
  return key;
}

/** The DHIS2 mapping of the exports: the configured file (or inline JSON), checked, else the default (by code). */
export function dhis2Mapping(env: Env): Dhis2Mapping {
  if (!env.DHIS2_MAPPING) return DEFAULT_DHIS2_MAPPING;
  let raw: unknown;
  try {
    raw = readJson(env.DHIS2_MAPPING);
  } catch (error) {
    throw new EnvError(`DHIS2_MAPPING: cannot read ${env.DHIS2_MAPPING} (${(error as Error).message})`);
  }
  const parsed = dhis2MappingSchema.safeParse(raw);
  if (!parsed.success) throw new EnvError(`DHIS2_MAPPING: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
