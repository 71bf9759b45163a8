/**
 * The development sign-in of the embedded default: a minimal OpenID Connect provider for the demo users,
 * so the web application signs in with the same authorization code flow with PKCE (RFC 7636) as against a
 * real provider (Keycloak, the national identity service). Served by the gateway under `/oidc` only while it
 * trusts the development issuer, never in production (`NODE_ENV=production` refuses both; see docs/SECURITY.md):
 *
 * - `GET /oidc/.well-known/openid-configuration`: the discovery document;
 * - `GET /oidc/authorize`: checks the request (client, redirect URI on this host or loopback, `S256`
 *   challenge) and shows the picker of demo users, in Vietnamese; choosing one (`POST`) redirects back with a
 *   one-time code (60 s);
 * - `POST /oidc/token`: exchanges the code once, checking the client, the redirect URI and the PKCE verifier,
 *   for the development issuer's access token (what `npm run token` signs: the gateway's bearer) and an ID token;
 * - `GET /oidc/jwks`: the issuer's public keys; `GET /oidc/logout`: back to the application.
 */
import { createHash, randomBytes } from 'node:crypto';
import express from 'express';

import { ROLE_LABELS } from '../auth/identity.js';
import { DEVELOPMENT_ISSUER } from '../auth/user-token.js';
import { DEMO_USERS, developmentKeys, signDevelopmentIdToken, signDevelopmentToken } from './issuer.js';

/** The web application's client id at the development provider (any real provider: configured). */
export const DEVELOPMENT_CLIENT_ID = 'ecd-web';
/** Where the provider is served on the gateway. */
export const DEVELOPMENT_SIGN_IN_PATH = '/oidc';

const CODE_LIFETIME_MS = 60_000;
const TOKEN_LIFETIME_SECONDS = 8 * 3600;

export interface DevelopmentSignInOptions {
  /** The keys folder of the development issuer (the one the gateway verifies tokens with). */
  keysDir: string;
  /** The service's NODE_ENV: production refuses to serve the development sign-in. */
  nodeEnv: string;
  clientIds?: readonly string[];
}

interface PendingCode {
  user: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
  expires: number;
}

const base64url = (buffer: Buffer) => buffer.toString('base64url');
const PKCE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const single = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The origin the request came to (this gateway as the browser sees it). */
const originOf = (req: express.Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/**
 * A redirect URI the development provider sends codes to: the application on the same host as the provider,
 * or on a loopback address (the Vite development server). Never anywhere else.
 */
export function allowedRedirect(redirectUri: string, providerOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password || url.hash) return false;
  if (url.origin === new URL(providerOrigin).origin) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Whether a PKCE verifier matches the S256 challenge sent with the authorization request. */
export const verifierMatches = (verifier: string, challenge: string) =>
  PKCE_VERIFIER.test(verifier) && base64url(createHash('sha256').update(verifier).digest()) === challenge;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, 'Segoe UI', Roboto, sans-serif; margin: 0; background: #f4f6f8; color: #1b2733; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem; }
  h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
  p.note { background: #fff4d6; border: 1px solid #e0b84c; padding: .6rem .8rem; border-radius: 6px; }
  ul { list-style: none; padding: 0; margin: 1rem 0; display: grid; gap: .5rem; }
  button { width: 100%; text-align: left; font: inherit; padding: .7rem .9rem; border: 1px solid #9aa9b8; border-radius: 8px;
    background: #fff; cursor: pointer; min-height: 44px; }
  button:hover, button:focus-visible { border-color: #0b5cad; outline: 3px solid #0b5cad55; }
  .who { display: block; font-weight: 600; }
  .what { display: block; font-size: .9rem; color: #44566a; }
</style></head>
<body><main>${body}</main></body></html>`;
}

function oauthError(res: express.Response, status: number, error: string, description: string) {
  res.status(status).set('cache-control', 'no-store').json({ error, error_description: description });
}

/** Mounts the development provider on an Express app (the gateway's), refusing production. */
export function developmentSignIn(app: express.Express, options: DevelopmentSignInOptions): void {
  if (options.nodeEnv === 'production')
    throw new Error('the development sign-in is never served in production: configure the identity provider');
  const keys = developmentKeys(options.keysDir);
  const clientIds = options.clientIds ?? [DEVELOPMENT_CLIENT_ID];
  const codes = new Map<string, PendingCode>();
  const path = DEVELOPMENT_SIGN_IN_PATH;
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  const forget = () => {
    const now = Date.now();
    for (const [code, pending] of codes) if (pending.expires < now) codes.delete(code);
  };

  router.get('/.well-known/openid-configuration', (req, res) => {
    const base = `${originOf(req)}${path}`;
    res.json({
      issuer: DEVELOPMENT_ISSUER,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/jwks`,
      end_session_endpoint: `${base}/logout`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['EdDSA'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'profile'],
    });
  });

  router.get('/jwks', (_req, res) => {
    res.json(keys.issuerJwks);
  });

  /** The authorization request's parameters, checked; a problem is shown, never redirected to an unchecked URI. */
  function authorizationRequest(source: Record<string, unknown>, req: express.Request) {
    const clientId = single(source.client_id) ?? '';
    const redirectUri = single(source.redirect_uri) ?? '';
    const problems: string[] = [];
    if (!clientIds.includes(clientId)) problems.push('Ứng dụng (client_id) không được đăng ký với máy chủ đăng nhập.');
    if (!allowedRedirect(redirectUri, originOf(req)))
      problems.push('Địa chỉ quay lại (redirect_uri) phải thuộc máy chủ này hoặc máy cục bộ.');
    if (single(source.response_type) !== 'code') problems.push('Chỉ hỗ trợ response_type=code.');
    if (single(source.code_challenge_method) !== 'S256' || !PKCE_CHALLENGE.test(single(source.code_challenge) ?? ''))
      problems.push('Cần PKCE: code_challenge với code_challenge_method=S256.');
    return {
      problems,
      clientId,
      redirectUri,
      challenge: single(source.code_challenge) ?? '',
      state: single(source.state),
      nonce: single(source.nonce),
      scope: single(source.scope) ?? 'openid',
    };
  }

  router.get('/authorize', (req, res) => {
    const request = authorizationRequest(req.query, req);
    res.set('cache-control', 'no-store').set('x-frame-options', 'DENY');
    if (request.problems.length) {
      res
        .status(400)
        .type('html')
        .send(
          page(
            'Yêu cầu đăng nhập không hợp lệ',
            `<h1>Yêu cầu đăng nhập không hợp lệ</h1><ul>${request.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`,
          ),
        );
      return;
    }
    const hidden = Object.entries({
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
      response_type: 'code',
      code_challenge: request.challenge,
      code_challenge_method: 'S256',
      state: request.state,
      nonce: request.nonce,
      scope: request.scope,
    })
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
      .join('');
    const users = Object.entries(DEMO_USERS)
      .map(([id, user]) => {
        const roles = user.roles.map((r) => ROLE_LABELS[r]).join(', ');
        const where = user.unitCode ? `đơn vị ${user.unitCode}` : 'toàn quốc';
        return `<li><button type="submit" name="user" value="${escapeHtml(id)}">
<span class="who">${escapeHtml(user.name ?? id)} (${escapeHtml(id)})</span>
<span class="what">${escapeHtml(roles)}${user.sector ? ` — ngành ${escapeHtml(user.sector)}` : ''} — ${escapeHtml(where)}</span></button></li>`;
      })
      .join('');
    res.type('html').send(
      page(
        'Đăng nhập (môi trường phát triển)',
        `<h1>Đăng nhập</h1>
<p class="note">Máy chủ đăng nhập dành cho môi trường phát triển và trình diễn: chọn một người dùng mẫu. Khi vận hành thật,
đăng nhập qua nhà cung cấp định danh của tỉnh (OpenID Connect).</p>
<form method="post" action="${path}/authorize">${hidden}
<fieldset style="border:0;padding:0;margin:0"><legend>Chọn người dùng mẫu</legend><ul>${users}</ul></fieldset></form>`,
      ),
    );
  });

  router.post('/authorize', form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const request = authorizationRequest(body, req);
    const user = single(body.user);
    if (request.problems.length || !user || !(user in DEMO_USERS)) {
      res
        .status(400)
        .type('html')
        .send(page('Yêu cầu đăng nhập không hợp lệ', '<h1>Yêu cầu đăng nhập không hợp lệ</h1>'));
      return;
    }
    forget();
    const code = base64url(randomBytes(32));
    codes.set(code, {
      user,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      challenge: request.challenge,
      nonce: request.nonce,
      expires: Date.now() + CODE_LIFETIME_MS,
    });
    const target = new URL(request.redirectUri);
    target.searchParams.set('code', code);
    if (request.state !== undefined) target.searchParams.set('state', request.state);
    res.redirect(303, target.toString());
  });

  router.post('/token', form, async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (single(body.grant_type) !== 'authorization_code')
        return oauthError(res, 400, 'unsupported_grant_type', 'Chỉ hỗ trợ grant_type=authorization_code.');
      const code = single(body.code) ?? '';
      const pending = codes.get(code);
      // A code is used once, whatever the outcome.
      codes.delete(code);
      if (!pending || pending.expires < Date.now())
        return oauthError(res, 400, 'invalid_grant', 'Mã xác thực không hợp lệ, đã dùng hoặc đã hết hạn.');
      if (single(body.client_id) !== pending.clientId || single(body.redirect_uri) !== pending.redirectUri)
        return oauthError(
          res,
          400,
          'invalid_grant',
          'Ứng dụng hoặc địa chỉ quay lại không khớp với yêu cầu đăng nhập.',
        );
      if (!verifierMatches(single(body.code_verifier) ?? '', pending.challenge))
        return oauthError(res, 400, 'invalid_grant', 'Mã kiểm chứng PKCE (code_verifier) không khớp.');
      const [accessToken, idToken] = await Promise.all([
        signDevelopmentToken(keys, pending.user, { expiresIn: `${TOKEN_LIFETIME_SECONDS}s` }),
        signDevelopmentIdToken(keys, pending.user, { clientId: pending.clientId, nonce: pending.nonce }),
      ]);
      res.set('cache-control', 'no-store').json({
        access_token: accessToken,
        id_token: idToken,
        token_type: 'Bearer',
        expires_in: TOKEN_LIFETIME_SECONDS,
        scope: 'openid profile',
      });
    } catch (error) {
      next(error);
    }
  });

  router.get('/logout', (req, res) => {
    const back = single(req.query.post_logout_redirect_uri);
    if (back && allowedRedirect(back, originOf(req))) return res.redirect(303, back);
    res.type('html').send(page('Đã đăng xuất', '<h1>Đã đăng xuất</h1><p><a href="/">Về trang chủ</a></p>'));
  });

  app.use(path, router);
}
