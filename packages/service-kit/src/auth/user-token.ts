import { fileURLToPath } from 'node:url';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';

import { territoryOf } from '@ecd/reference-data';

import { identitySchema, SECTORS, type Identity, type Role, type Sector } from './identity.js';
import { asList, claimAt, DEFAULT_CLAIMS, knownRoles, NATIONAL_UNIT, type ClaimPaths } from './token-claims.js';
import { VerifiedTokens } from './verified-tokens.js';

export { DEFAULT_CLAIMS, NATIONAL_UNIT, type ClaimPaths };

/** The built-in development issuer of the embedded default; production refuses it. */
export const DEVELOPMENT_ISSUER = 'urn:ecd:development-issuer';
/** The audience tokens for the federation's API are issued for, unless configured otherwise. */
export const FEDERATION_AUDIENCE = 'ecd-federation';

/** Roles that may come without a unit claim, and then serve the whole country. */
const NATIONAL_ROLES: readonly Role[] = ['admin', 'auditor'];

/** Where the embedded default keeps its keys: `.data/keys` at the top of the repository. */
export const DEFAULT_KEYS_DIR = fileURLToPath(new URL('../../../../.data/keys', import.meta.url));

/**
 * How the gateway checks a person's bearer token: any OpenID Connect provider (Keycloak, the national
 * identity service) plugs in by configuration — issuer, audience, where its keys are, which
 * algorithms it signs with, and which claims carry the roles, sector, unit and agency.
 */
export interface OidcConfig {
  issuer: string;
  audience: string;
  /** The provider's JWKS endpoint (fetched and cached, refetched when an unknown key id appears)… */
  jwksUrl?: string | undefined;
  /** …or a JWKS given directly (the development issuer). */
  jwks?: unknown;
  algorithms: string[];
  claims: ClaimPaths;
  clockToleranceSeconds?: number;
}

/** Vietnamese messages for people, one per reason a request is not authenticated (HTTP 401). */
export const AUTHENTICATION_MESSAGES = {
  TOKEN_REQUIRED: 'Cần đăng nhập: yêu cầu phải có mã truy cập (Authorization: Bearer …).',
  TOKEN_EXPIRED: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  TOKEN_INVALID: 'Mã truy cập không hợp lệ.',
  CLAIMS_INVALID: 'Mã truy cập không ghi đủ vai trò, ngành hoặc đơn vị của người dùng.',
  UNKNOWN_SCOPE_UNIT: 'Đơn vị phụ trách ghi trong mã truy cập không phải đơn vị hành chính hiện hành.',
  GATEWAY_TOKEN_REQUIRED: 'Dịch vụ ngành chỉ trả lời yêu cầu do cổng liên thông (gateway) ký.',
  GATEWAY_TOKEN_INVALID: 'Chữ ký của cổng liên thông (gateway) không hợp lệ hoặc đã hết hạn.',
} as const;
export type AuthenticationReason = keyof typeof AUTHENTICATION_MESSAGES;

export class AuthenticationError extends Error {
  constructor(readonly reason: AuthenticationReason) {
    super(AUTHENTICATION_MESSAGES[reason]);
  }
}

const authError = (reason: AuthenticationReason) => new AuthenticationError(reason);

/** Turns a verified token's claims into an identity; roles the federation does not know are ignored. */
export function identityFromClaims(payload: JWTPayload, claims: OidcConfig['claims']): Identity {
  const roles = knownRoles(asList(claimAt(payload, claims.roles)));
  const sectorClaim = claimAt(payload, claims.sector);
  const sector = typeof sectorClaim === 'string' ? sectorClaim.toUpperCase() : null;
  const unitClaim = claimAt(payload, claims.unit) ?? null;
  // A missing unit never means the whole country, except for the roles that are national by nature:
  // a provider that forgets the attribute must not hand a commune's staff every province.
  if (unitClaim === null && roles.some((role) => !NATIONAL_ROLES.includes(role))) throw authError('CLAIMS_INVALID');
  const unitCode = unitClaim === NATIONAL_UNIT ? null : unitClaim;
  if (sector !== null && !(SECTORS as readonly string[]).includes(sector)) throw authError('CLAIMS_INVALID');
  const parsed = identitySchema.safeParse({
    userId: payload.sub,
    name: claimAt(payload, claims.name) ?? null,
    roles,
    sector: sector as Sector | null,
    unitCode,
    agency: claimAt(payload, claims.agency) ?? null,
  });
  if (!parsed.success) throw authError('CLAIMS_INVALID');
  if (parsed.data.unitCode !== null && !territoryOf(parsed.data.unitCode)) throw authError('UNKNOWN_SCOPE_UNIT');
  return parsed.data;
}

export type UserTokenVerifier = (authorization: string | undefined) => Promise<Identity>;

export function createUserTokenVerifier(config: OidcConfig): UserTokenVerifier {
  const keys = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : createLocalJWKSet(config.jwks as JSONWebKeySet);
  // Remembered until the token's own expiry, without the clock tolerance. A key the provider withdraws
  // stops new tokens at once; tokens already verified with it run out at their expiry (minutes).
  const verified = new VerifiedTokens<Identity>(10_000);
  return async (authorization) => {
    // The group is never empty when the pattern matches: no token and no match are the same case.
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization?.trim() ?? '')?.[1];
    if (!authorization) throw authError('TOKEN_REQUIRED');
    if (!token) throw authError('TOKEN_INVALID');
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: config.clockToleranceSeconds ?? 30,
      });
      const identity = identityFromClaims(payload, config.claims);
      verified.set(token, identity, payload.exp ?? 0);
      return identity;
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw authError('TOKEN_EXPIRED');
      throw authError('TOKEN_INVALID');
    }
  };
}
