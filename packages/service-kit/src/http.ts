import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import type { Identity } from './auth/identity.js';
import { AuthenticationError } from './auth/user-token.js';
import { createRequestContext, REQUEST_ID_HEADER, type RequestContext } from './context.js';
import { BODY_LIMIT, jsonErrorHandler, notFoundHandler } from './http-errors.js';
import { TooManyInFlightError, type InFlightLimit } from './in-flight-limit.js';
import type { Logger } from './logger.js';
import { RateLimitedError, type RateLimit } from './rate-limit.js';

export interface HttpServiceOptions<TContext extends RequestContext> {
  name: string;
  logger: Logger;
  host: string;
  port: number;
  /** Builds the Apollo server; it receives the HTTP server so draining can close it cleanly. */
  apollo: (httpServer: Server) => ApolloServer<TContext>;
  /**
   * Verifies who is calling, for every `/graphql` request (throws AuthenticationError → 401 and no
   * data): the bearer token at the gateway, the gateway's signed token in a subgraph.
   */
  authenticate: (req: express.Request) => Promise<Caller>;
  /** Lets a browser's plain GET of `/graphql` reach the landing page (it carries no data) unauthenticated. */
  landingPage?: boolean;
  /**
   * Counts each authenticated request against its caller's verified user id (see rate-limit.ts);
   * a caller over the limit gets HTTP 429 with `Retry-After` and a JSON error, before any GraphQL work.
   */
  rateLimit?: RateLimit | undefined;
  /**
   * Holds a turn among the caller's requests in flight (see in-flight-limit.ts) from after the rate limit
   * until the response closes; the wait is in `inFlightWaitMs(res)`. A caller whose queue is full gets
   * HTTP 429 with `Retry-After` and a JSON error.
   */
  inFlightLimit?: InFlightLimit | undefined;
  /** Adds service resources (database client, loaders...) to the request context; `http` is this request's. */
  context: (
    base: RequestContext,
    http: { req: express.Request; res: express.Response },
  ) => TContext | Promise<TContext>;
  /** Throws when the service cannot serve (e.g. its database is unreachable). */
  readiness?: () => Promise<void>;
  /** Runs on `/graphql` after the caller is verified and before Apollo (the gateway's answer cache). */
  beforeGraphql?: express.RequestHandler;
  /** Adds the service's routes beside `/graphql` (file downloads and uploads). */
  routes?: (app: express.Express, tools: RouteTools) => void;
  /** Releases resources after the HTTP server stopped. */
  onClose?: () => Promise<void>;
}

/** How long a service keeps an idle keep-alive connection open (see startHttpService). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** What a route beside `/graphql` gets to serve a verified caller the way `/graphql` does. */
export interface RouteTools {
  /** The same caller check, rate limit and turn in flight as `/graphql`; it leaves the verified caller in `res.locals.caller`. */
  authenticated: express.RequestHandler;
  /**
   * Runs a GraphQL operation in process as the verified caller of this request (after `authenticated`),
   * with the same context, authorisation and limits as a request to `/graphql`.
   */
  execute: (
    http: { req: express.Request; res: express.Response },
    request: { query: string; variables?: Record<string, unknown> },
  ) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;
}

export interface Caller {
  identity: Identity;
  /** The id the service files the request under (logs, audit log, the gateway's signed token); sent back in `x-request-id`. */
  requestId: string;
  /** The client's own `x-request-id`, if safe to log: tagged on the logs, never filed in the audit log. */
  clientRequestId?: string | undefined;
}

export interface RunningService {
  /** The service's name: `gateway` or the subgraph's (the audience of the gateway's tokens to it). */
  name: string;
  url: string;
  graphqlUrl: string;
  port: number;
  close(): Promise<void>;
}

/** How long a request waited for a turn among its caller's requests in flight (0 if it did not wait). */
export const inFlightWaitMs = (res: { locals: Record<string, unknown> }): number =>
  typeof res.locals.inFlightWaitMs === 'number' ? res.locals.inFlightWaitMs : 0;

/**
 * Waits for the caller's turn in flight and gives it back when the response closes (answered, or its client
 * gone). False when the client went away while it waited: there is nobody left to answer.
 */
async function holdTurn(limit: InFlightLimit, key: string, res: express.Response): Promise<boolean> {
  const started = performance.now();
  const gone = new AbortController();
  const leaving = () => gone.abort(new Error('client closed the request'));
  if (res.closed) return false;
  res.once('close', leaving);
  let leave: () => void;
  try {
    leave = await limit.enter(key, gone.signal);
  } catch (error) {
    if (gone.signal.aborted) return false;
    throw error;
  } finally {
    res.off('close', leaving);
  }
  if (res.closed) {
    leave();
    return false;
  }
  res.once('close', leave);
  // Whole milliseconds: a turn free at once is taken within the same tick, and subtracts nothing from the deadline.
  const waited = Math.round(performance.now() - started);
  if (waited > 0) res.locals.inFlightWaitMs = waited;
  return true;
}

/**
 * Starts a GraphQL service with `/graphql`, `/health` (the process is alive) and `/ready`
 * (its dependencies answer). Port 0 picks a free port, which tests use.
 */
export async function startHttpService<TContext extends RequestContext>(
  options: HttpServiceOptions<TContext>,
): Promise<RunningService> {
  const app = express();
  const httpServer = createServer(app);
  const apollo = options.apollo(httpServer);
  await apollo.start();

  app.disable('x-powered-by');
  // Express hashes every body it sends for an ETag: a third of a millisecond for a province's progress, and
  // no GraphQL POST is ever asked again conditionally (static files keep theirs: serve-static makes its own).
  app.disable('etag');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await options.readiness?.();
      res.json({ status: 'ready', service: options.name });
    } catch (error) {
      options.logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', service: options.name });
    }
  });
  /**
   * Verifies the caller, counts it against the rate limit and waits for its turn in flight; the verified
   * caller is left in `res.locals.caller`.
   */
  const authenticateRequest: express.RequestHandler = async (req, res, next) => {
    try {
      const caller = await options.authenticate(req);
      res.locals.caller = caller;
      // The id this request is logged and audited under, for the client to quote.
      res.set(REQUEST_ID_HEADER, caller.requestId);
      const { userId } = caller.identity;
      await options.rateLimit?.(userId);
      if (options.inFlightLimit && !(await holdTurn(options.inFlightLimit, userId, res))) return;
      next();
    } catch (error) {
      if (error instanceof RateLimitedError || error instanceof TooManyInFlightError) {
        res
          .status(429)
          .set('retry-after', String(error.retryAfterSeconds))
          .json({
            errors: [
              {
                message: error.message,
                extensions: {
                  code: error.code,
                  reason: error.reason,
                  limit: error.limit,
                  ...(error instanceof TooManyInFlightError ? { queueLimit: error.queueLimit } : {}),
                  retryAfterSeconds: error.retryAfterSeconds,
                },
              },
            ],
          });
        return;
      }
      if (!(error instanceof AuthenticationError)) return next(error);
      res
        .status(401)
        .set('www-authenticate', 'Bearer')
        .json({
          errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED', reason: error.reason } }],
        });
    }
  };
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    (req, res, next) => {
      // Only a bare GET (no query, no persisted-query hash) is the landing page; anything else is authenticated.
      if (options.landingPage && req.method === 'GET' && Object.keys(req.query).length === 0 && req.accepts('html'))
        return next();
      void authenticateRequest(req, res, next);
    },
    options.beforeGraphql ?? ((_req, _res, next) => next()),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const caller = res.locals.caller as Caller | undefined;
        if (!caller) {
          const { message, reason } = new AuthenticationError('TOKEN_REQUIRED');
          throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } } });
        }
        return options.context(
          createRequestContext(caller.requestId, caller.identity, options.logger, caller.clientRequestId),
          { req, res },
        );
      },
    }),
  );

  options.routes?.(app, {
    authenticated: authenticateRequest,
    execute: async ({ req, res }, request) => {
      const caller = res.locals.caller as Caller;
      const contextValue = await options.context(
        createRequestContext(caller.requestId, caller.identity, options.logger, caller.clientRequestId),
        { req, res },
      );
      const { body } = await apollo.executeOperation(request, { contextValue });
      if (body.kind !== 'single') throw new Error('incremental delivery is not used by this service');
      return body.singleResult;
    },
  });

  // Every other path, and every error reaching Express (a body too large or not JSON...), answered as a
  // GraphQL JSON error: never Express's HTML page with a stack trace, nor its print of the error to stderr.
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(options.logger));

  // A request (headers and body) must arrive within a minute: a client trickling its body a byte at a
  // time would otherwise hold a connection for Node's default five minutes.
  httpServer.requestTimeout = 60_000;
  // An idle kept-alive connection stays open 65 s, not Node's 5 s: longer than the gateway's client keeps an
  // idle socket (30 s, sector-data-source.ts), so the server never closes a socket the client is about to
  // reuse (a request sent on it at that moment failed with `socket hang up` / ECONNRESET), and longer than a
  // load balancer's usual 60 s in front of the gateway.
  httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Above keepAliveTimeout, as Node advises (before Node 18 it cut a kept-alive connection whose next request
  // came later than headersTimeout after its previous one); requestTimeout's minute still bounds each request.
  httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host}:${port}`;
  options.logger.info({ url: `${url}/graphql` }, `${options.name} listening`);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await apollo.stop();
      await options.onClose?.();
      options.logger.info(`${options.name} stopped`);
    })();
    return closing;
  };
  return { name: options.name, url, graphqlUrl: `${url}/graphql`, port, close };
}

/** The Apollo plugin that lets in-flight requests finish before the HTTP server closes. */
export const drainPlugin = (httpServer: Server) => ApolloServerPluginDrainHttpServer({ httpServer });

/** Stops the service on SIGTERM/SIGINT after in-flight requests finish; exits non-zero if that fails. */
export function closeOnSignals(service: RunningService, logger: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
