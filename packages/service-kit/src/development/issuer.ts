/**
 * The built-in development identity provider of the embedded default: demo users, and keys generated
 * once per data folder for this issuer and for the gateway. Only the demo start, `npm run token` and
 * tests import this module; production refuses the issuer and every `dev-` key (see the gateway's env).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';

import { DEVELOPMENT_KEY_PREFIX } from '../auth/gateway-token.js';
import type { Identity } from '../auth/identity.js';
import { DEFAULT_CLAIMS, DEVELOPMENT_ISSUER, FEDERATION_AUDIENCE, NATIONAL_UNIT } from '../auth/user-token.js';

type DemoUser = Omit<Identity, 'userId'> & { description: string };

/** The demo users of the embedded default (listed in the README). */
export const DEMO_USERS: Record<string, DemoUser> = {
  admin: {
    name: 'Quản trị hệ thống',
    roles: ['admin'],
    sector: null,
    unitCode: null,
    agency: null,
    description: 'every right, the whole country',
  },
  'lead.langson': {
    name: 'Nguyễn Văn An',
    roles: ['lead-agency'],
    sector: 'LDTBXH',
    unitCode: '20',
    agency: 'SLDTBXH-20',
    description: 'lead agency of Lạng Sơn: plans, progress, reporting cycle, aggregates of every sector',
  },
  'health.langson': {
    name: 'Trần Thị Bình',
    roles: ['sector-officer'],
    sector: 'HEALTH',
    unitCode: '20',
    agency: 'SYT-20',
    description: 'Sở Y tế Lạng Sơn: health records and figures of the province',
  },
  'station.dongkinh': {
    name: 'Lê Thị Cúc',
    roles: ['facility-staff'],
    sector: 'HEALTH',
    unitCode: '05977',
    agency: null,
    description: 'trạm y tế phường Đông Kinh (Lạng Sơn): its children, measurements, doses',
  },
  'caseworker.langson': {
    name: 'Phạm Văn Dũng',
    roles: ['case-worker'],
    sector: 'LDTBXH',
    unitCode: '20',
    agency: 'SLDTBXH-20',
    description: 'child protection in Lạng Sơn: cases, special circumstances, support, referrals',
  },
  'education.ninhbinh': {
    name: 'Hoàng Thị Em',
    roles: ['sector-officer'],
    sector: 'EDUCATION',
    unitCode: '37',
    agency: 'SGDDT-37',
    description: 'Sở GD&ĐT Ninh Bình: schools, surveys, enrolment and figures of the province',
  },
  'culture.langson': {
    name: 'Vũ Văn Phúc',
    roles: ['sector-officer'],
    sector: 'CULTURE',
    unitCode: '20',
    agency: 'SVHTTDL-20',
    description: 'Sở VH-TT-DL Lạng Sơn: facilities, activities and campaigns of the province',
  },
  'viewer.quangninh': {
    name: 'Đỗ Thị Giang',
    roles: ['viewer'],
    sector: null,
    unitCode: '22',
    agency: 'UBND-22',
    description: 'reads the aggregates and plans of Quảng Ninh only',
  },
  auditor: {
    name: 'Bùi Văn Hải',
    roles: ['auditor'],
    sector: null,
    unitCode: null,
    agency: null,
    description: 'reads the audit logs of every sector',
  },
};

export interface DevelopmentKeys {
  issuerPrivate: JWK;
  /** The development issuer's public keys, as an OpenID provider publishes them. */
  issuerJwks: { keys: JWK[] };
  gatewayPrivate: JWK;
  gatewayJwks: { keys: JWK[] };
}

/** File names in a keys folder; the `.jwks.json` files are public and are what the verifiers read. */
export const KEY_FILES = {
  issuerPrivate: 'dev-issuer.private.jwk.json',
  issuerJwks: 'dev-issuer.jwks.json',
  gatewayPrivate: 'gateway.private.jwk.json',
  gatewayJwks: 'gateway.jwks.json',
} as const;

function newKey(name: string): JWK {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    ...(privateKey.export({ format: 'jwk' }) as JWK),
    kid: `${DEVELOPMENT_KEY_PREFIX}${name}-${randomUUID().slice(0, 8)}`,
    alg: 'EdDSA',
    use: 'sig',
  };
}

const publicOf = ({ d: _private, ...jwk }: JWK): JWK => jwk;

/** Writes aside and renames, so a process starting at the same moment never reads half a file. */
function writeOnce(path: string, content: () => string, mode: number) {
  if (existsSync(path)) return;
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content(), { mode });
  if (existsSync(path)) rmSync(temporary);
  else renameSync(temporary, path);
}

/**
 * Reads the development keys of a keys folder, creating them the first time: private keys readable
 * by the owner only, and the public key sets the gateway (issuer) and the subgraphs (gateway) verify with.
 */
export function developmentKeys(dir: string): DevelopmentKeys {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateKey = (file: string, name: string): JWK => {
    const path = join(dir, file);
    writeOnce(path, () => JSON.stringify(newKey(name)), 0o600);
    chmodSync(path, 0o600);
    return JSON.parse(readFileSync(path, 'utf8')) as JWK;
  };
  const issuerPrivate = privateKey(KEY_FILES.issuerPrivate, 'issuer');
  const gatewayPrivate = privateKey(KEY_FILES.gatewayPrivate, 'gateway');
  const keys = {
    issuerPrivate,
    issuerJwks: { keys: [publicOf(issuerPrivate)] },
    gatewayPrivate,
    gatewayJwks: { keys: [publicOf(gatewayPrivate)] },
  };
  writeOnce(join(dir, KEY_FILES.issuerJwks), () => JSON.stringify(keys.issuerJwks), 0o644);
  writeOnce(join(dir, KEY_FILES.gatewayJwks), () => JSON.stringify(keys.gatewayJwks), 0o644);
  return keys;
}

/** A bearer token of the development issuer for a demo user (or any identity, for tests). */
export async function signDevelopmentToken(
  keys: DevelopmentKeys,
  user: string | Identity,
  options: { expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  const identity = typeof user === 'string' ? demoIdentity(user) : user;
  const key = (await importJWK(keys.issuerPrivate, 'EdDSA')) as CryptoKey;
  return (
    new SignJWT({
      [DEFAULT_CLAIMS.roles]: identity.roles,
      [DEFAULT_CLAIMS.sector]: identity.sector,
      [DEFAULT_CLAIMS.unit]: identity.unitCode ?? NATIONAL_UNIT,
      [DEFAULT_CLAIMS.agency]: identity.agency,
      [DEFAULT_CLAIMS.name]: identity.name,
    })
      // A header's kid is optional too: a key file without one signs tokens without one, which a one-key JWKS still verifies.
      .setProtectedHeader({ alg: 'EdDSA', kid: keys.issuerPrivate.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? DEVELOPMENT_ISSUER)
      .setAudience(options.audience ?? FEDERATION_AUDIENCE)
      .setSubject(identity.userId)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '8h')
      .sign(key)
  );
}

/**
 * The ID token the development sign-in (sign-in.ts) returns beside the access token: who signed in, for
 * the client (audience: its client id), with the nonce it sent. The gateway never accepts it as a bearer.
 */
export async function signDevelopmentIdToken(
  keys: DevelopmentKeys,
  user: string,
  options: { clientId: string; nonce?: string | undefined; expiresIn?: string },
): Promise<string> {
  const identity = demoIdentity(user);
  const key = (await importJWK(keys.issuerPrivate, 'EdDSA')) as CryptoKey;
  return new SignJWT({ name: identity.name, ...(options.nonce ? { nonce: options.nonce } : {}) })
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.issuerPrivate.kid, typ: 'JWT' })
    .setIssuer(DEVELOPMENT_ISSUER)
    .setAudience(options.clientId)
    .setSubject(identity.userId)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(key);
}

export function demoIdentity(userId: string): Identity {
  const user = DEMO_USERS[userId];
  if (!user) throw new Error(`Unknown demo user "${userId}"; demo users: ${Object.keys(DEMO_USERS).join(', ')}`);
  const { description: _description, ...identity } = user;
  return { userId, ...identity };
}
