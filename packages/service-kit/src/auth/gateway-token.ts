import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import { z } from 'zod';

import { EnvError } from '../env.js';
import { identitySchema, type Identity } from './identity.js';
import { DEFAULT_KEYS_DIR } from './user-token.js';
import { VerifiedTokens } from './verified-tokens.js';

/**
 * Only the gateway talks to subgraphs. For each subgraph call it signs the verified identity with its
 * own key (EdDSA, a minute of validity, the subgraph named as audience so a token meant for one sector
 * cannot be replayed against another); each subgraph holds only the gateway's public keys.
 */
export const GATEWAY_ISSUER = 'ecd-gateway';
export const GATEWAY_ALGORITHM = 'EdDSA';
const TOKEN_LIFETIME_SECONDS = 60;

export const subgraphAudience = (subgraph: string) => `ecd-subgraph:${subgraph}`;

/** Development keys carry this prefix in their key id; production refuses them. */
export const DEVELOPMENT_KEY_PREFIX = 'dev-';

export interface GatewaySigner {
  sign(identity: Identity, subgraph: string, requestId: string): Promise<string>;
  keyId: string;
}

const privateJwkSchema = z.looseObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  d: z.string(),
  x: z.string(),
  kid: z.string().min(1),
});

export function readJson(pathOrJson: string): unknown {
  return JSON.parse(pathOrJson.trimStart().startsWith('{') ? pathOrJson : readFileSync(pathOrJson, 'utf8'));
}

/** The gateway's signer from its private key (a JWK, inline or in a file). */
export async function createGatewaySigner(privateJwk: unknown): Promise<GatewaySigner> {
  const jwk = privateJwkSchema.parse(privateJwk) as JWK & { kid: string };
  const key = (await importJWK(jwk, GATEWAY_ALGORITHM)) as CryptoKey;
  return {
    keyId: jwk.kid,
    sign: (identity, subgraph, requestId) =>
      new SignJWT({ ecd: identity, rid: requestId })
        .setProtectedHeader({ alg: GATEWAY_ALGORITHM, kid: jwk.kid, typ: 'JWT' })
        .setIssuer(GATEWAY_ISSUER)
        .setAudience(subgraphAudience(subgraph))
        .setSubject(identity.userId)
        .setIssuedAt()
        .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
        .sign(key),
  };
}

export interface GatewayCall {
  identity: Identity;
  requestId: string | undefined;
}

export type GatewayTokenVerifier = (token: string) => Promise<GatewayCall>;

/**
 * A subgraph's check of the gateway's token, against the gateway's public keys (a JWKS: during a key
 * rotation it holds the old and the new key). The gateway's own token, which asks for the answer version
 * before every kept answer it serves, is verified once, not a hundred times a second.
 */
export function createGatewayTokenVerifier(publicJwks: unknown, subgraph: string): GatewayTokenVerifier {
  const keys = createLocalJWKSet(publicJwks as JSONWebKeySet);
  const verified = new VerifiedTokens<GatewayCall>(256);
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    const maxAgeSeconds = TOKEN_LIFETIME_SECONDS * 2;
    const { payload } = await jwtVerify(token, keys, {
      issuer: GATEWAY_ISSUER,
      audience: subgraphAudience(subgraph),
      algorithms: [GATEWAY_ALGORITHM],
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge: `${maxAgeSeconds}s`,
    });
    const identity = identitySchema.parse(payload.ecd);
    const call = { identity, requestId: typeof payload.rid === 'string' ? payload.rid : undefined };
    // Both claims are required above; were one missing, nothing would be remembered.
    verified.set(token, call, Math.min(payload.exp ?? 0, (payload.iat ?? 0) + maxAgeSeconds));
    return call;
  };
}

/** Whether a key set still holds a development key (refused in production). */
export const hasDevelopmentKey = (jwks: unknown) =>
  ((jwks as { keys?: { kid?: string }[] }).keys ?? [jwks as { kid?: string }]).some((k) =>
    k.kid?.startsWith(DEVELOPMENT_KEY_PREFIX),
  );

/**
 * The variables a subgraph reads to know the gateway: its public keys (a JWKS file or inline JSON;
 * by default the embedded default's `.data/keys/gateway.jwks.json`).
 */
export const gatewayKeyEnv = {
  ECD_KEYS_DIR: z.string().default(DEFAULT_KEYS_DIR),
  GATEWAY_JWKS: z.string().optional(),
};

/** The gateway's public keys a subgraph verifies with; production refuses development keys. */
export function gatewayPublicKeys(env: {
  NODE_ENV: string;
  ECD_KEYS_DIR: string;
  GATEWAY_JWKS?: string | undefined;
}): unknown {
  const source = env.GATEWAY_JWKS ?? join(env.ECD_KEYS_DIR, 'gateway.jwks.json');
  let jwks: unknown;
  try {
    jwks = readJson(source);
  } catch (error) {
    throw new EnvError(
      `GATEWAY_JWKS: cannot read the gateway's public keys from ${env.GATEWAY_JWKS ? 'GATEWAY_JWKS' : source} (${(error as Error).message}); \`npm start\` or \`npm run token\` creates development keys`,
    );
  }
  if (env.NODE_ENV === 'production' && hasDevelopmentKey(jwks))
    throw new EnvError('GATEWAY_JWKS: production refuses the development keys');
  return jwks;
}
