import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { PrismaPg } from '@prisma/adapter-pg';

import {
  Access,
  ANSWER_VERSION_PATH,
  auditPlugin,
  AuthenticationError,
  childKeyOf,
  collectGarbage,
  createGatewayTokenVerifier,
  createLogger,
  createRequestContext,
  createSubgraphApollo,
  gatewayPublicKeys,
  idempotencyPlugin,
  introspectionEnabled,
  limitHeapGrowth,
  LookupLimiter,
  lookupLimitsFromEnv,
  POLICIES,
  queryLimitsFromEnv,
  readHeader,
  readSubgraphSdl,
  RequestAudit,
  safeRequestId,
  startHttpService,
  SUBGRAPH_QUERY_LIMITS,
  type Caller,
  type HttpServiceOptions,
  type Logger,
  type RequestContext,
  type RouteTools,
  type RunningService,
  type Sector,
} from '@ecd/service-kit';

import { createAuditStore, type AuditDatabase } from './audit.js';
import { createBulkWriter, type BulkWriter } from './bulk-write.js';
import type { SubgraphEnv } from './env.js';
import {
  dataVersionReader,
  ensureDataVersion,
  memoryFigureCache,
  redisFigureCache,
  type FigureCache,
} from './figure-cache.js';
import { createIdempotencyStore, pruneIdempotencyKeys, type TransactionalClient } from './idempotency.js';
import { openDatabase, type Database } from './open-database.js';
import { sql, type SqlQueryable } from './typed-sql.js';

interface PrismaLike extends AuditDatabase, TransactionalClient {
  $disconnect(): Promise<void>;
}

/** How often the idempotency keys past their time are deleted. */
const PRUNE_KEYS_EVERY_MS = 60 * 60 * 1000;

/**
 * What every request's context holds besides the caller: the app's data layer (its features' reads,
 * batched by DataLoaders made for this request, and writes), the person's rights and the audit log.
 * The Prisma client is not in it: resolvers reach the database only through the data layer.
 */
export type DatabaseSubgraphContext<Data> = RequestContext & { data: Data; access: Access; audit: RequestAudit };

export interface ClientOptions {
  adapter: PrismaPg;
  transactionOptions: { maxWait: number; timeout: number };
}

/**
 * Waiting for a connection may take seconds on a busy server (Prisma's default gives up after 2 s),
 * and start-up transactions load thousands of reference rows.
 */
export const TRANSACTION_LIMITS = { maxWait: 30_000, timeout: 120_000 };

export interface DatabaseSubgraphOptions<Client extends PrismaLike, Data> {
  name: string;
  env: SubgraphEnv;
  /** The app's folder, holding `src/schema.graphql` and `prisma/migrations`: `new URL('..', import.meta.url)`. */
  appRoot: URL;
  resolvers: object;
  /** `(options) => new PrismaClient(options)`: the options carry the adapter and transaction limits. */
  createClient(options: ClientOptions): Client;
  /**
   * The data layer of one request (fresh DataLoaders each time); the context gets `{ data, access, audit }`.
   * `shared` holds what outlives a request: the figure cache.
   */
  createDataLayer(client: Client, shared: SharedData): Data;
  /** Runs at every start after migrations and before serving: reference data. */
  prepare?(client: Client, logger: Logger): Promise<void>;
  /** Demo data, idempotently, after `prepare`: given only by the demo entry point and tests, never by production's. */
  seedDemo?(client: Client, logger: Logger, env: SubgraphEnv): Promise<void>;
  /**
   * Routes beside `/graphql` (file imports, templates): `tools.authenticated` verifies the gateway's
   * token as `/graphql` does, and `tools.context(res)` is then the request's context (data layer,
   * access, audit), built as for a GraphQL request.
   */
  routes?(app: RouteApp, tools: SubgraphRouteTools<Data>): void;
}

type RouteApp = Parameters<NonNullable<HttpServiceOptions<RequestContext>['routes']>>[0];

/** What a subgraph's routes beside `/graphql` get: the service kit's route tools and the request's context. */
export interface SubgraphRouteTools<Data> extends RouteTools {
  /** The context of a request `authenticated` let through (made once per request). */
  context(res: { locals: Record<string, unknown> }): DatabaseSubgraphContext<Data>;
  logger: Logger;
}

/** What a subgraph's data layers share across requests. */
export interface SharedData {
  /** Computed figures by data version (undefined when FIGURE_CACHE is off). */
  figureCache: FigureCache | undefined;
  /** Bulk writes (imports): COPY on PostgreSQL, batched INSERTs on the embedded database (always set by a running subgraph). */
  bulk?: BulkWriter;
  /**
   * Where the figure statements run: the database's `reader` (see `Database`), or in a transaction the
   * transaction's client, whose writes its figures may count.
   */
  figureReader: SqlQueryable;
}

/** The figure cache the environment asks for: Redis shared by the replicas when REDIS_URL is set, else this process's memory. */
function figureCacheFromEnv(env: SubgraphEnv, name: string, logger: Logger): FigureCache | undefined {
  if (env.FIGURE_CACHE === 'off') return undefined;
  return env.REDIS_URL ? redisFigureCache(env.REDIS_URL, name, logger) : memoryFigureCache();
}

export interface RunningSubgraph<Client> extends RunningService {
  client: Client;
  logger: Logger;
}

/** Everything a sector subgraph does to start: database, migrations, preparation, GraphQL over HTTP. */
export async function startDatabaseSubgraph<Client extends PrismaLike, Data>(
  options: DatabaseSubgraphOptions<Client, Data>,
): Promise<RunningSubgraph<Client>> {
  const { env } = options;
  limitHeapGrowth(env.HEAP_GROWTH_PERCENT);
  const logger = createLogger(options.name, env.LOG_LEVEL);
  const verifyGatewayToken = createGatewayTokenVerifier(gatewayPublicKeys(env), options.name);
  const sector = options.name.toUpperCase() as Sector;
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    migrationsDir: fileURLToPath(new URL('prisma/migrations', options.appRoot)),
    logger,
    statementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
    // Stopped the usual way (requests drained, then exit 1): `npm start` starts it again.
    onEmbeddedExit: () => process.kill(process.pid, 'SIGTERM'),
  });
  const client = options.createClient({ adapter: database.adapter, transactionOptions: TRANSACTION_LIMITS });
  const figureCache = figureCacheFromEnv(env, options.name, logger);
  const bulk = createBulkWriter({
    connectionString: database.connectionString,
    embedded: database.embedded,
    client,
  });
  const shared: SharedData = { figureCache, bulk, figureReader: database.reader };
  const pruneKeys = () =>
    pruneIdempotencyKeys(client).then(
      (n) => n && logger.info({ keys: n }, 'expired idempotency keys deleted'),
      (error: unknown) => logger.warn({ err: error }, 'expired idempotency keys not deleted'),
    );
  const pruning = setInterval(() => void pruneKeys(), PRUNE_KEYS_EVERY_MS).unref();
  const versionReader = dataVersionReader(database.connectionString);
  const release = async () => {
    clearInterval(pruning);
    await versionReader.close();
    await figureCache?.close();
    await bulk.close();
    await client.$disconnect();
    await database.close();
  };
  try {
    await prepareAndSeed(options, database, logger);
    await database.releaseStartupMemory();
    collectGarbage();
    await pruneKeys();
    // The audit log (audit_event, append-only) and the per-person limit of lookups by personal number.
    const auditStore = createAuditStore(client, options.name);
    const lookupLimiter = new LookupLimiter(lookupLimitsFromEnv(env));
    const subjectKeyOf = (personalId: string) =>
      /^\d{12}$/.test(personalId) ? childKeyOf(personalId, env.CHILD_KEY_SECRET) : null;
    // A mutation carrying an Idempotency-Key runs whole in one transaction, its key's row committed
    // with its writes: the request's data layer is rebuilt on the transaction's client, whose own
    // `$transaction` calls become savepoints (see idempotency.ts).
    const idempotency = createIdempotencyStore<DatabaseSubgraphContext<Data>>({
      client,
      ttlHours: env.IDEMPOTENCY_KEY_TTL_HOURS,
      logger,
      useTransaction(context, tx) {
        // The transaction's client is the app's client without $connect, $disconnect, $on and
        // $extends, which no data layer calls.
        // Figures read in the transaction may count its writes before they commit: none is cached.
        context.data = options.createDataLayer(tx as unknown as Client, {
          ...shared,
          figureCache: undefined,
          figureReader: tx,
        });
      },
    });
    const contextOf = (base: RequestContext): DatabaseSubgraphContext<Data> => {
      const access = new Access(base.identity, sector);
      const audit = new RequestAudit({
        access,
        requestId: base.requestId,
        store: auditStore,
        limiter: lookupLimiter,
        logger: base.logger,
        subjectKeyOf,
      });
      return { ...base, data: options.createDataLayer(client, shared), access, audit };
    };
    const typeDefs = readSubgraphSdl(new URL('src/schema.graphql', options.appRoot));
    // What this process's answers depend on besides its data: its schema and the policies.
    const codeVersion = createHash('sha256')
      .update(typeDefs)
      .update(JSON.stringify(POLICIES))
      .digest('base64url')
      .slice(0, 16);
    const answerVersion = async () => `${await versionReader.read()}:${codeVersion}`;
    const service = await startHttpService<DatabaseSubgraphContext<Data>>({
      name: options.name,
      // Only the gateway may call: every request carries its signed token, `_service` and `_entities` included.
      authenticate: async (req) => {
        const token = /^Bearer (\S+)$/i.exec(readHeader(req.headers, 'authorization') ?? '')?.[1];
        if (!token) throw new AuthenticationError('GATEWAY_TOKEN_REQUIRED');
        const call = await verifyGatewayToken(token).catch(() => {
          throw new AuthenticationError('GATEWAY_TOKEN_INVALID');
        });
        return { identity: call.identity, requestId: safeRequestId(call.requestId) };
      },
      logger,
      host: env.HOST,
      port: env.PORT,
      apollo: (httpServer) =>
        createSubgraphApollo({
          typeDefs,
          resolvers: options.resolvers,
          logger,
          httpServer,
          limits: queryLimitsFromEnv(SUBGRAPH_QUERY_LIMITS, env),
          introspection: introspectionEnabled(env),
          answerVersion,
          plugins: [auditPlugin(), idempotencyPlugin(idempotency)],
        }),
      context: contextOf,
      routes: (app, tools) => {
        // The gateway's answer cache asks it before serving a kept answer (shareable-answer.ts): any write
        // of this subgraph, or a new version of its code, makes the answers it helped make unusable.
        app.get(ANSWER_VERSION_PATH, tools.authenticated, (_req, res, next) => {
          answerVersion().then((version) => res.json({ version }), next);
        });
        options.routes?.(app, {
          ...tools,
          logger,
          context: (res) => {
            const caller = res.locals.caller as Caller;
            res.locals.context ??= contextOf(createRequestContext(caller.requestId, caller.identity, logger));
            return res.locals.context as DatabaseSubgraphContext<Data>;
          },
        });
      },
      readiness: async () => {
        await client.$queryRaw(sql`SELECT 1`);
      },
      onClose: release,
    });
    return { ...service, client, logger };
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * Start-up work on a client of its own without the requests' statement timeout: the data version's
 * triggers, then loading the unit lists, seeding the demo or rebuilding running totals, which may take
 * minutes on a large database; last, the planner's statistics where nothing else gathers them in time.
 */
async function prepareAndSeed<Client extends PrismaLike, Data>(
  options: DatabaseSubgraphOptions<Client, Data>,
  database: Pick<Database, 'startupAdapter' | 'embedded'>,
  logger: Logger,
): Promise<void> {
  const client = options.createClient({ adapter: database.startupAdapter, transactionOptions: TRANSACTION_LIMITS });
  try {
    // Before any write of this process: every table's writes increment the data version.
    await ensureDataVersion(client);
    await options.prepare?.(client, logger);
    await options.seedDemo?.(client, logger, options.env);
    // PGlite has no autovacuum, so nothing else ever gathers them; PostgreSQL's gathers them within a
    // minute or so of the demo's writes, after the first reads. Without them the first figure read of a
    // freshly seeded embedded education database took 6.2 s instead of 0.3 (gateway test, resilience).
    if (database.embedded || options.seedDemo) {
      const started = performance.now();
      await client.$executeRaw(sql`ANALYZE`);
      logger.info({ ms: Math.round(performance.now() - started) }, 'planner statistics gathered');
    }
  } finally {
    await client.$disconnect();
  }
}
