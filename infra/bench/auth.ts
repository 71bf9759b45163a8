/**
 * Authentication as production has it: the measured services run in production mode, which refuses
 * the development issuer and keys, so each bench run makes keys of its own (an identity provider's
 * and the gateway's). The generator signs in as an admin; the measured reads as the province's lead
 * agency, so every figure passes the territory check a real dashboard's does. The direct path signs
 * each subgraph call as the gateway does, once per request.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';

import { createGatewaySigner, type Identity } from '@ecd/service-kit';

import { GATEWAY_PORT, SUBGRAPH_PORTS, type SubgraphName } from './config.js';

const BENCH_ISSUER = 'urn:ecd:bench-issuer';
const AUDIENCE = 'ecd-federation';

function newKey(name: string): JWK & { kid: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    ...(privateKey.export({ format: 'jwk' }) as JWK),
    kid: `bench-${name}-${randomUUID().slice(0, 8)}`,
    alg: 'EdDSA',
  };
}
const publicSet = ({ d: _private, ...jwk }: JWK) => JSON.stringify({ keys: [jwk] });

const issuerKey = newKey('issuer');
const gatewayKey = newKey('gateway');
let identity: Identity = {
  userId: 'bench-admin',
  name: null,
  roles: ['admin'],
  sector: null,
  unitCode: null,
  agency: null,
};

/** A lead agency's officer of a province; `n` tells the officers of a load run apart. */
const leadAgencyOf = (province: string, n?: number): Identity => ({
  userId: `bench-lead-${province}${n === undefined ? '' : `-${n}`}`,
  name: null,
  roles: ['lead-agency'],
  sector: 'LDTBXH',
  unitCode: province,
  agency: null,
});

/** From now on, requests are those of the lead agency's officer of a province. */
export function signInAsLeadAgencyOf(province: string): void {
  identity = leadAgencyOf(province);
  userToken = undefined;
}

/** The authorization header of the `n`-th lead agency officer of a province, for the gateway. */
export async function leadAgencyAuthorization(province: string, n: number): Promise<string> {
  return `Bearer ${await signUserToken(leadAgencyOf(province, n))}`;
}

/** The variables each measured service starts with, besides its own. */
export function authEnv(service: SubgraphName | 'gateway'): Record<string, string> {
  if (service !== 'gateway') return { GATEWAY_JWKS: publicSet(gatewayKey) };
  return {
    OIDC_ISSUER: BENCH_ISSUER,
    OIDC_AUDIENCE: AUDIENCE,
    OIDC_JWKS: publicSet(issuerKey),
    OIDC_ALGORITHMS: 'EdDSA',
    GATEWAY_SIGNING_KEY: JSON.stringify(gatewayKey),
  };
}

let userToken: Promise<string> | undefined;
const signer = createGatewaySigner(gatewayKey);
const subgraphOfPort = new Map(Object.entries(SUBGRAPH_PORTS).map(([name, port]) => [port, name]));

async function signUserToken(person: Identity): Promise<string> {
  const key = (await importJWK(issuerKey, 'EdDSA')) as CryptoKey;
  return new SignJWT({ ecd_roles: person.roles, ecd_sector: person.sector, ecd_unit: person.unitCode })
    .setProtectedHeader({ alg: 'EdDSA', kid: issuerKey.kid })
    .setIssuer(BENCH_ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(person.userId)
    .setExpirationTime('12h')
    .sign(key);
}

/** The authorization header a request to a measured service carries: a person's token, or the gateway's. */
export async function authorizationFor(url: string): Promise<string> {
  const port = Number(new URL(url).port);
  if (port === GATEWAY_PORT) return `Bearer ${await (userToken ??= signUserToken(identity))}`;
  const subgraph = subgraphOfPort.get(port);
  if (!subgraph) throw new Error(`${url} is not a measured service`);
  return `Bearer ${await (await signer).sign(identity, subgraph, randomUUID())}`;
}
