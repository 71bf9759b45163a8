import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';

export interface StaticSiteOptions {
  /** The built single-page application (its `index.html` and `assets/`). */
  dir: string;
  /** Paths that belong to the service, never to the application (`/graphql`, `/files`...). */
  reserved: readonly string[];
  /** Extra origins the pages may connect to (a real identity provider's token endpoint). */
  connectOrigins?: readonly string[];
  /** Shown when the application has not been built. */
  missingMessage: string;
}

/**
 * Serves a built single-page application beside a service's API on the same origin (no CORS): hashed
 * assets cached for a year, `index.html` never cached and answered for every other page address the
 * browser asks for (client-side routes). Pages get a content security policy that lets them load only
 * from this origin: no CDN, no inline script.
 */
export function serveStaticSite(app: express.Express, options: StaticSiteOptions): void {
  const index = join(options.dir, 'index.html');
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // React, ECharts and the GraphiQL editor set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src ${["'self'", ...(options.connectOrigins ?? [])].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  const securityHeaders: express.RequestHandler = (_req, res, next) => {
    res.set({
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    next();
  };
  app.use(
    '/assets',
    securityHeaders,
    express.static(join(options.dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }),
  );
  app.get(/.*/, securityHeaders, (req, res, next) => {
    if (options.reserved.some((path) => req.path === path || req.path.startsWith(`${path}/`))) return next();
    // A file of the build other than assets (icons...), else the application's page for a client-side route.
    if (/\.[a-z0-9]+$/i.test(req.path) && !req.path.endsWith('.html')) {
      return express.static(options.dir, { index: false, fallthrough: true })(req, res, next);
    }
    if (!req.accepts('html')) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send(options.missingMessage);
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  });
}
