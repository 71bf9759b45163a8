import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT, type CryptoKey } from 'jose';
import { describe, expect, it, vi } from 'vitest';

import { demoIdentity, developmentKeys, signDevelopmentToken } from '../development/issuer.js';
import { createGatewaySigner, createGatewayTokenVerifier, hasDevelopmentKey } from './gateway-token.js';
import {
  createUserTokenVerifier,
  DEFAULT_CLAIMS,
  DEVELOPMENT_ISSUER,
  FEDERATION_AUDIENCE,
  type OidcConfig,
} from './user-token.js';

const keys = developmentKeys(mkdtempSync(join(tmpdir(), 'ecd-keys-test-')));
const otherKeys = developmentKeys(mkdtempSync(join(tmpdir(), 'ecd-keys-other-')));
const config: OidcConfig = {
  issuer: DEVELOPMENT_ISSUER,
  audience: FEDERATION_AUDIENCE,
  jwks: keys.issuerJwks,
  algorithms: ['EdDSA'],
  claims: DEFAULT_CLAIMS,
};
const verify = createUserTokenVerifier(config);
const bearer = async (...args: Parameters<typeof signDevelopmentToken>) =>
  `Bearer ${await signDevelopmentToken(...args)}`;
/** Changes the signature's first character: an Ed25519 signature often already ends in "AA" (its last byte is below 16). */
const withChangedSignature = (token: string) => {
  const at = token.lastIndexOf('.') + 1;
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
};

describe("the gateway's check of a person's token", () => {
  it('remembers a verified token until it expires, and never a changed one', async () => {
    const remembering = createUserTokenVerifier(config);
    const authorization = await bearer(keys, 'lead.langson');
    const identity = await remembering(authorization);
    expect(await remembering(authorization)).toEqual(identity);
    await expect(remembering(withChangedSignature(authorization))).rejects.toMatchObject({ reason: 'TOKEN_INVALID' });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 24 * 60 * 60_000);
      await expect(remembering(authorization)).rejects.toMatchObject({ reason: 'TOKEN_EXPIRED' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns a valid token into the identity it states', async () => {
    expect(await verify(await bearer(keys, 'station.dongkinh'))).toEqual(demoIdentity('station.dongkinh'));
  });

  it.each([
    ['no header', undefined, 'TOKEN_REQUIRED'],
    ['not a bearer token', 'Basic YWRtaW46YWRtaW4=', 'TOKEN_INVALID'],
    [
      'an unsigned token',
      `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"admin"}').toString('base64url')}.`,
      'TOKEN_INVALID',
    ],
  ])('refuses %s', async (_case, header, reason) => {
    await expect(verify(header)).rejects.toMatchObject({ reason });
  });

  it('refuses a token signed by another key, for another audience or issuer, or expired', async () => {
    await expect(verify(await bearer(otherKeys, 'admin'))).rejects.toMatchObject({ reason: 'TOKEN_INVALID' });
    await expect(verify(await bearer(keys, 'admin', { audience: 'another-api' }))).rejects.toMatchObject({
      reason: 'TOKEN_INVALID',
    });
    await expect(verify(await bearer(keys, 'admin', { issuer: 'https://evil.example' }))).rejects.toMatchObject({
      reason: 'TOKEN_INVALID',
    });
    await expect(verify(await bearer(keys, 'admin', { expiresIn: '-5min' }))).rejects.toMatchObject({
      reason: 'TOKEN_EXPIRED',
    });
  });

  it('refuses a unit that does not exist today and a sector it does not know', async () => {
    const identity = { ...demoIdentity('health.langson'), unitCode: '721' };
    await expect(verify(await bearer(keys, identity))).rejects.toMatchObject({ reason: 'UNKNOWN_SCOPE_UNIT' });
    const key = (await importJWK(keys.issuerPrivate, 'EdDSA')) as CryptoKey;
    const token = await new SignJWT({ ecd_roles: ['viewer'], ecd_sector: 'police' })
      .setProtectedHeader({ alg: 'EdDSA', kid: keys.issuerPrivate.kid! })
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(FEDERATION_AUDIENCE)
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(key);
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ reason: 'CLAIMS_INVALID' });
  });

  it('refuses a token without a unit unless its roles serve the whole country, or it names the country', async () => {
    const key = (await importJWK(keys.issuerPrivate, 'EdDSA')) as CryptoKey;
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid: keys.issuerPrivate.kid! })
        .setIssuer(DEVELOPMENT_ISSUER)
        .setAudience(FEDERATION_AUDIENCE)
        .setSubject('u1')
        .setExpirationTime('1h')
        .sign(key);
    await expect(
      verify(`Bearer ${await sign({ ecd_roles: ['sector-officer'], ecd_sector: 'HEALTH' })}`),
    ).rejects.toMatchObject({ reason: 'CLAIMS_INVALID' });
    expect(await verify(`Bearer ${await sign({ ecd_roles: ['auditor'] })}`)).toMatchObject({
      roles: ['auditor'],
      unitCode: null,
    });
    expect(await verify(`Bearer ${await sign({ ecd_roles: ['lead-agency'], ecd_unit: 'VN' })}`)).toMatchObject({
      roles: ['lead-agency'],
      unitCode: null,
    });
  });

  it("reads a provider's own claim layout (Keycloak's realm_access.roles) and ignores roles it does not know", async () => {
    const keycloak = createUserTokenVerifier({
      ...config,
      claims: { ...DEFAULT_CLAIMS, roles: 'realm_access.roles', unit: 'unit' },
    });
    const key = (await importJWK(keys.issuerPrivate, 'EdDSA')) as CryptoKey;
    const token = await new SignJWT({ realm_access: { roles: ['offline_access', 'viewer'] }, unit: '22' })
      .setProtectedHeader({ alg: 'EdDSA', kid: keys.issuerPrivate.kid! })
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(FEDERATION_AUDIENCE)
      .setSubject('kc-user-1')
      .setExpirationTime('1h')
      .sign(key);
    expect(await keycloak(`Bearer ${token}`)).toMatchObject({
      userId: 'kc-user-1',
      roles: ['viewer'],
      unitCode: '22',
      sector: null,
    });
  });
});

describe("a subgraph's check of the gateway's token", () => {
  it('accepts the gateway’s statement for its own audience only', async () => {
    const signer = await createGatewaySigner(keys.gatewayPrivate);
    const token = await signer.sign(demoIdentity('admin'), 'health', 'req-1');
    expect(await createGatewayTokenVerifier(keys.gatewayJwks, 'health')(token)).toEqual({
      identity: demoIdentity('admin'),
      requestId: 'req-1',
    });
    await expect(createGatewayTokenVerifier(keys.gatewayJwks, 'ldtbxh')(token)).rejects.toThrow();
    await expect(createGatewayTokenVerifier(otherKeys.gatewayJwks, 'health')(token)).rejects.toThrow();
  });

  it('remembers a token it verified only until the token expires, and never a changed one', async () => {
    const signer = await createGatewaySigner(keys.gatewayPrivate);
    const token = await signer.sign(demoIdentity('admin'), 'health', 'gateway');
    const verifyToken = createGatewayTokenVerifier(keys.gatewayJwks, 'health');
    const first = await verifyToken(token);
    expect(await verifyToken(token)).toEqual(first);
    await expect(verifyToken(withChangedSignature(token))).rejects.toThrow();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 10 * 60_000);
      await expect(verifyToken(token)).rejects.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a person’s token presented directly to a subgraph', async () => {
    const personal = await signDevelopmentToken(keys, 'admin');
    await expect(
      createGatewayTokenVerifier({ keys: [...keys.gatewayJwks.keys, ...keys.issuerJwks.keys] }, 'health')(personal),
    ).rejects.toThrow();
  });

  it('recognises development keys, which production refuses', () => {
    expect(hasDevelopmentKey(keys.gatewayJwks)).toBe(true);
    expect(hasDevelopmentKey({ keys: [{ kid: 'prod-2026-12' }] })).toBe(false);
  });
});
