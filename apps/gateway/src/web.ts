import type { ApolloServerPlugin } from '@apollo/server';
import type { Express, Request } from 'express';

import { DEVELOPMENT_ISSUER, serveStaticSite } from '@ecd/service-kit';

import { claimPaths, type Env } from './env.js';

/** The web application's page for the GraphQL explorer (bundled GraphiQL: works with no internet). */
export const EXPLORER_PATH = '/kham-pha';

/** Paths of the gateway itself: never answered with the web application's page. */
const RESERVED_PATHS = ['/graphql', '/health', '/ready', '/files', '/oidc', '/config.json'];

/** Whether the gateway serves the development sign-in (the embedded default; production refuses the issuer). */
export const servesDevelopmentSignIn = (env: Env) =>
  env.OIDC_ISSUER === DEVELOPMENT_ISSUER && env.NODE_ENV !== 'production';

/** What the web application needs to sign in and read its identity: the provider, its client, the claims. */
export function webConfig(env: Env, req: Pick<Request, 'protocol' | 'get'>) {
  const authority =
    env.WEB_OIDC_AUTHORITY ??
    (servesDevelopmentSignIn(env) ? `${req.protocol}://${req.get('host') ?? 'localhost'}/oidc` : null);
  return {
    oidc: authority ? { authority, clientId: env.WEB_OIDC_CLIENT_ID, scope: env.WEB_OIDC_SCOPE } : null,
    development: servesDevelopmentSignIn(env),
    claims: claimPaths(env),
  };
}

/**
 * The web application on the gateway's origin: `/config.json`, the development sign-in under `/oidc` (embedded
 * default only) and the built pages (`WEB_DIST`, `off` for none).
 */
export async function webRoutes(env: Env): Promise<(app: Express) => void> {
  // Loaded only here: a production gateway never reaches the development provider's code.
  const developmentSignIn = servesDevelopmentSignIn(env)
    ? (await import('@ecd/service-kit/development/sign-in')).developmentSignIn
    : undefined;
  return (app) => {
    app.get('/config.json', (req, res) => {
      res.set('cache-control', 'no-store').json(webConfig(env, req));
    });
    developmentSignIn?.(app, {
      keysDir: env.ECD_KEYS_DIR,
      nodeEnv: env.NODE_ENV,
      clientIds: [env.WEB_OIDC_CLIENT_ID],
    });
    if (env.WEB_DIST === 'off') return;
    serveStaticSite(app, {
      dir: env.WEB_DIST,
      reserved: RESERVED_PATHS,
      connectOrigins: env.WEB_OIDC_AUTHORITY ? [new URL(env.WEB_OIDC_AUTHORITY).origin] : [],
      missingMessage:
        'Ứng dụng web chưa được xây dựng: chạy `npm run build -w @ecd/web` (npm start tự làm việc này). ' +
        `GraphQL: /graphql, trình khám phá: ${EXPLORER_PATH}.`,
    });
  };
}

/**
 * The page a browser gets at `/graphql`: instead of Apollo Sandbox (loaded from a CDN, blank with no internet),
 * a link to the web application's bundled explorer, which signs in like every other page.
 */
export const explorerLandingPage = (env: Env): ApolloServerPlugin => ({
  serverWillStart() {
    return Promise.resolve({
      renderLandingPage() {
        const target = env.WEB_DIST === 'off' ? null : EXPLORER_PATH;
        const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>ECD Federation — GraphQL</title>
${target ? `<meta http-equiv="refresh" content="0; url=${target}">` : ''}</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>ECD Federation — GraphQL</h1>
<p>Mọi yêu cầu tới <code>/graphql</code> cần mã truy cập (Authorization: Bearer …).</p>
${target ? `<p><a href="${target}">Mở trình khám phá GraphQL</a> (đăng nhập như các trang khác, chạy được khi không có Internet).</p>` : ''}
</body></html>`;
        return Promise.resolve({ html });
      },
    });
  },
});
