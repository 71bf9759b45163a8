import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { GraphQLError, OperationTypeNode } from 'graphql';

import {
  createErrorFormatter,
  createGatewaySigner,
  createInFlightLimit,
  createLogger,
  createRateLimit,
  createUserTokenVerifier,
  drainPlugin,
  GATEWAY_QUERY_LIMITS,
  hookResult,
  inFlightWaitMs,
  inputSafetyPlugin,
  introspectionEnabled,
  limitHeapGrowth,
  loggableRequestId,
  oneLookupPerRequestRule,
  operationLogPlugin,
  queryLimitOptions,
  queryLimitsFromEnv,
  readHeader,
  REQUEST_ID_HEADER,
  startHttpService,
} from '@ecd/service-kit';

import { answerWaitMs, createAnswerCache } from './answer-cache.js';
import { createBulkhead } from './bulkhead.js';
import {
  applyGatewayTelemetry,
  dhis2Mapping,
  gatewaySigningKey,
  loadEnv,
  oidcConfig,
  subgraphUrlOverrides,
  type Env,
} from './env.js';
import { fileRoutes } from './files/routes.js';
import { uploadRoutes, uploadSubgraphUrls } from './files/uploads.js';
import { idempotencyKeyPlugin } from './idempotency.js';
import { createKeyClaims } from './key-claims.js';
import { requestSignal, SECTOR_LABELS, SectorDataSource, type GatewayContext } from './sector-data-source.js';
import { explorerLandingPage, webRoutes } from './web.js';

export interface GatewayOptions {
  env?: Env;
  /** Subgraph URLs by name, overriding the environment and the supergraph (tests start subgraphs on free ports). */
  subgraphUrls?: Record<string, string>;
}

/**
 * An operation the document does not hold (a wrong or missing operation name) or a subscription: a
 * typed 400 before planning. The gateway's executor would throw a plain error, answered as a 500.
 */
const operationResolutionPlugin: ApolloServerPlugin<GatewayContext> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ operation, request }) {
        return hookResult(() => {
          if (!operation) {
            throw new GraphQLError(
              request.operationName
                ? `Văn bản truy vấn không có thao tác tên "${request.operationName}".`
                : 'Văn bản truy vấn có nhiều thao tác: hãy ghi tên thao tác cần chạy (operationName).',
              {
                extensions: {
                  code: 'OPERATION_RESOLUTION_FAILURE',
                  reason: 'UNKNOWN_OPERATION',
                  http: { status: 400 },
                },
              },
            );
          }
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError('Hệ thống không hỗ trợ subscription; hãy dùng query.', {
              extensions: {
                code: 'OPERATION_RESOLUTION_FAILURE',
                reason: 'SUBSCRIPTIONS_NOT_SUPPORTED',
                http: { status: 400 },
              },
            });
          }
        });
      },
    });
  },
};

/** Where the gateway sends a subgraph's calls: its URL from the environment (or a test), else the supergraph's. */
function subgraphUrl(overrides: Record<string, string>, name: string, url: string | undefined): string {
  const target = overrides[name] ?? url;
  if (target === undefined)
    throw new Error(`subgraph ${name} has no URL in the supergraph; set ${name.toUpperCase()}_URL`);
  return target;
}

/** Starts the gateway over the committed supergraph (or, in `introspect` mode, the running subgraphs). */
export async function startGateway(options: GatewayOptions = {}) {
  const env = options.env ?? loadEnv();
  limitHeapGrowth(env.HEAP_GROWTH_PERCENT);
  const logger = createLogger('gateway', env.LOG_LEVEL);
  const overrides = { ...subgraphUrlOverrides(env), ...options.subgraphUrls };
  const verifyUserToken = createUserTokenVerifier(oidcConfig(env));
  const signer = await createGatewaySigner(gatewaySigningKey(env));
  const limits = queryLimitOptions(queryLimitsFromEnv(GATEWAY_QUERY_LIMITS, env));
  const rateLimit = createRateLimit({ perMinute: env.RATE_LIMIT_PER_MINUTE, redisUrl: env.REDIS_URL, logger });
  const keyClaims = createKeyClaims({ ttlHours: env.IDEMPOTENCY_KEY_TTL_HOURS, redisUrl: env.REDIS_URL, logger });
  // A request that waited half its deadline for a turn is refused, sent nowhere: it keeps at least half to run in.
  const inFlightLimit = createInFlightLimit({
    perCaller: env.PERSON_CONCURRENCY,
    queue: env.PERSON_QUEUE,
    maxWaitMs: Math.floor(env.REQUEST_TIMEOUT_MS / 2),
  });
  applyGatewayTelemetry(env);
  const gateway = new ApolloGateway({
    logger,
    ...(env.SUPERGRAPH_MODE === 'file'
      ? { supergraphSdl: readFileSync(env.SUPERGRAPH_PATH, 'utf8') }
      : {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: Object.entries(overrides).map(([name, url]) => ({ name, url })),
          }),
        }),
    buildService: ({ name, url }) =>
      new SectorDataSource(
        name,
        subgraphUrl(overrides, name, url),
        env.SUBGRAPH_TIMEOUT_MS,
        signer,
        createBulkhead(env.SUBGRAPH_CONCURRENCY),
      ),
  });
  const web = await webRoutes(env);
  const fileOptions = { dhis2Mapping: dhis2Mapping(env) };
  const uploadUrls = uploadSubgraphUrls(overrides, env.SUPERGRAPH_MODE === 'file' ? env.SUPERGRAPH_PATH : undefined);
  const answerCache =
    env.ANSWER_CACHE === 'on'
      ? createAnswerCache({
          subgraphs: Object.fromEntries(
            Object.keys(SECTOR_LABELS).flatMap((name) => {
              const url = uploadUrls(name);
              return url ? [[name, url]] : [];
            }),
          ),
          signer,
          schema: () => schemaId,
          maxBytes: env.ANSWER_CACHE_MB * 1024 * 1024,
          redisUrl: env.REDIS_URL,
          logger,
        })
      : undefined;
  // The composed schema the kept answers were made with (it changes in `introspect` mode when a subgraph does).
  let schemaId = '';
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    schemaId = createHash('sha256').update(coreSupergraphSdl).digest('base64url');
  });
  const service = await startHttpService<GatewayContext>({
    name: 'gateway',
    landingPage: true,
    authenticate: async (req) => ({
      identity: await verifyUserToken(readHeader(req.headers, 'authorization')),
      // The gateway's own id, signed, forwarded and audited: a client's x-request-id is only logged beside it.
      requestId: randomUUID(),
      clientRequestId: loggableRequestId(readHeader(req.headers, REQUEST_ID_HEADER)),
    }),
    rateLimit,
    inFlightLimit,
    beforeGraphql: answerCache?.middleware,
    logger,
    host: env.HOST,
    port: env.PORT,
    apollo: (httpServer) =>
      new ApolloServer<GatewayContext>({
        gateway,
        logger,
        introspection: introspectionEnabled(env),
        // No client of ours sends persisted queries; off, a request naming one gets a typed refusal.
        persistedQueries: false,
        includeStacktraceInErrorResponses: false,
        // closeOnSignals (src/index.ts) stops the gateway: Apollo's own handler would re-raise the signal
        // before onClose ran (exit 143, "gateway stopped" never logged).
        stopOnTerminationSignals: false,
        formatError: createErrorFormatter(logger),
        // Depth, aliases, tokens, directives and cost are checked before the query is planned.
        // One personal number per request (a lookup or a write that takes one), refused here before planning and again in each subgraph.
        validationRules: [...limits.validationRules, oneLookupPerRequestRule()],
        parseOptions: limits.parseOptions,
        // inputSafetyPlugin: the same refusal of NUL characters, 1e309 and impossible dates as every subgraph, before planning.
        plugins: [
          ...limits.plugins,
          operationResolutionPlugin,
          operationLogPlugin,
          inputSafetyPlugin,
          idempotencyKeyPlugin(keyClaims),
          explorerLandingPage(env),
          // The subgraphs' cache-control marks answers shareable; the gateway never tells clients to keep one.
          ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
          ...(answerCache ? [answerCache.plugin] : []),
          drainPlugin(httpServer),
        ],
      }),
    context: (base, { res }) => ({
      ...base,
      subgraphTokens: new Map(),
      // The time a query waited for its person's turn and for the same query's answer (answer-cache.ts) counts against its deadline.
      signal: requestSignal(res, Math.max(1, env.REQUEST_TIMEOUT_MS - inFlightWaitMs(res) - answerWaitMs(res))),
      answerKey: res.locals.answerKey as string | undefined,
    }),
    routes: (app, tools) => {
      // Downloads (files/): the same caller check as /graphql, their data through GraphQL as that caller.
      fileRoutes(app, tools, fileOptions);
      // Uploads and templates (files/uploads.ts): streamed to the subgraph owning the data, signed as its GraphQL calls.
      uploadRoutes(app, tools, { signer, subgraphUrl: uploadUrls, logger });
      // The web application, its configuration and (embedded default) the development sign-in, on this origin.
      web(app);
    },
    onClose: async () => {
      await rateLimit?.close();
      await keyClaims.close();
      await answerCache?.close();
    },
  });
  return { ...service, logger };
}
