import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { developmentSignIn } from '@ecd/service-kit/development/sign-in';
import { gatewayTestEnv, testKeys } from '@ecd/test-kit';

import { loadEnv } from './env.js';
import { startGateway } from './server.js';

/**
 * The web application's side of the gateway, with no subgraph behind it: the configuration it reads, its
 * pages on the gateway's origin, the bundled explorer instead of the CDN sandbox, and the embedded default's
 * development sign-in (authorization code with PKCE) whose tokens the gateway accepts — never in production.
 */
const webDist = mkdtempSync(join(tmpdir(), 'ecd-web-dist-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>web</title><div id="root"></div>');
writeFileSync(join(webDist, 'assets', 'app-1234.js'), 'console.log(1)');

let gateway: Awaited<ReturnType<typeof startGateway>>;
const unreachable = { ldtbxh: 'http://127.0.0.1:9/graphql' };

beforeAll(async () => {
  gateway = await startGateway({ env: loadEnv(gatewayTestEnv({ WEB_DIST: webDist })), subgraphUrls: unreachable });
});
afterAll(async () => {
  await gateway?.close();
  rmSync(webDist, { recursive: true, force: true });
});

const base64url = (buffer: Buffer) => buffer.toString('base64url');
const pkce = () => {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash('sha256').update(verifier).digest()) };
};

/** Picks a demo user on the provider's page; returns the code the browser is sent back with. */
async function authorize(url: string, user: string, challenge: string, redirectUri: string) {
  const params = {
    client_id: 'ecd-web',
    redirect_uri: redirectUri,
    response_type: 'code',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'xyz',
    nonce: 'n-1',
    scope: 'openid profile',
  };
  const page = await fetch(`${url}/oidc/authorize?${new URLSearchParams(params).toString()}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Nguyễn Văn An (lead.langson)');
  expect(html).toContain('Chọn người dùng mẫu');
  const chosen = await fetch(`${url}/oidc/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...params, user }).toString(),
    redirect: 'manual',
  });
  expect(chosen.status).toBe(303);
  const location = new URL(chosen.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  expect(location.searchParams.get('state')).toBe('xyz');
  return location.searchParams.get('code') ?? '';
}

const exchange = (url: string, fields: Record<string, string>) =>
  fetch(`${url}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'ecd-web', ...fields }).toString(),
  });

describe('the web application on the gateway', () => {
  it('tells the application where to sign in and which claims say who', async () => {
    const response = await fetch(`${gateway.url}/config.json`);
    expect(await response.json()).toEqual({
      oidc: { authority: `${gateway.url}/oidc`, clientId: 'ecd-web', scope: 'openid profile' },
      development: true,
      claims: { roles: 'ecd_roles', sector: 'ecd_sector', unit: 'ecd_unit', agency: 'ecd_agency', name: 'name' },
    });
  });

  it('serves the pages for client-side routes and the assets, with a policy allowing only this origin', async () => {
    const page = await fetch(`${gateway.url}/ke-hoach/abc/chi-tieu/1?year=2025`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${gateway.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // The gateway's own paths stay its own.
    const missing = await fetch(`${gateway.url}/files/none`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toHaveProperty('errors');
  });

  it('leads a browser at /graphql to the bundled explorer instead of a sandbox loaded from a CDN', async () => {
    const page = await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('url=/kham-pha');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });

  it('signs a demo user in with the authorization code and PKCE, and the gateway accepts the token', async () => {
    const redirectUri = `${gateway.url}/dang-nhap/xong`;
    const discovery = (await (await fetch(`${gateway.url}/oidc/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.token_endpoint).toBe(`${gateway.url}/oidc/token`);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);

    const { verifier, challenge } = pkce();
    const code = await authorize(gateway.url, 'lead.langson', challenge, redirectUri);
    // Another verifier is refused, and the code is spent with it.
    const wrong = await exchange(gateway.url, { code, redirect_uri: redirectUri, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    const spent = await exchange(gateway.url, { code, redirect_uri: redirectUri, code_verifier: verifier });
    expect(spent.status).toBe(400);

    const fresh = pkce();
    const second = await authorize(gateway.url, 'lead.langson', fresh.challenge, redirectUri);
    const tokens = await exchange(gateway.url, {
      code: second,
      redirect_uri: redirectUri,
      code_verifier: fresh.verifier,
    });
    expect(tokens.status).toBe(200);
    const body = (await tokens.json()) as { access_token: string; id_token: string; token_type: string };
    expect(body.token_type).toBe('Bearer');
    const idClaims = JSON.parse(Buffer.from(body.id_token.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(idClaims).toMatchObject({ sub: 'lead.langson', aud: 'ecd-web', nonce: 'n-1' });

    // The access token is the gateway's bearer; the ID token is not.
    const ask = (token: string) =>
      fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    const answer = await ask(body.access_token);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await ask(body.id_token)).status).toBe(401);
  });

  it('sends codes only back to this host or a loopback address, for the registered client', async () => {
    const { challenge } = pkce();
    const ask = (params: Record<string, string>) =>
      fetch(
        `${gateway.url}/oidc/authorize?${new URLSearchParams({
          client_id: 'ecd-web',
          redirect_uri: `${gateway.url}/dang-nhap/xong`,
          response_type: 'code',
          code_challenge: challenge,
          code_challenge_method: 'S256',
          ...params,
        }).toString()}`,
      );
    expect((await ask({ redirect_uri: 'https://attacker.example/callback' })).status).toBe(400);
    expect((await ask({ client_id: 'someone-else' })).status).toBe(400);
    expect((await ask({ code_challenge_method: 'plain' })).status).toBe(400);
  });
});

describe('the development sign-in outside the embedded default', () => {
  it('is not served when the gateway trusts a real provider, whose address the application gets', async () => {
    const real = await startGateway({
      env: loadEnv(
        gatewayTestEnv({
          OIDC_ISSUER: 'https://sso.example.gov.vn/realms/ecd',
          OIDC_JWKS: JSON.stringify(testKeys.issuerJwks),
          WEB_OIDC_AUTHORITY: 'https://sso.example.gov.vn/realms/ecd',
          WEB_OIDC_CLIENT_ID: 'ecd-web-langson',
          WEB_DIST: webDist,
        }),
      ),
      subgraphUrls: unreachable,
    });
    try {
      expect((await fetch(`${real.url}/oidc/.well-known/openid-configuration`)).status).toBe(404);
      expect(await (await fetch(`${real.url}/config.json`)).json()).toMatchObject({
        oidc: { authority: 'https://sso.example.gov.vn/realms/ecd', clientId: 'ecd-web-langson' },
        development: false,
      });
      const page = await fetch(`${real.url}/`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' https://sso.example.gov.vn");
    } finally {
      await real.close();
    }
  });

  it('is refused in production, as the development issuer is', () => {
    // Refused before it touches the application.
    expect(() => developmentSignIn(undefined as never, { keysDir: tmpdir(), nodeEnv: 'production' })).toThrow(
      /production/,
    );
    expect(() => loadEnv(gatewayTestEnv({ NODE_ENV: 'production' }))).toThrow(/OIDC_ISSUER/);
  });
});
