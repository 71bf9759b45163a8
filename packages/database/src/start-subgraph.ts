import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrismaPg } from '@prisma/adapter-pg';
import {
  Access,
  AuthenticationError,
  LookupLimiter,
  RequestAudit,
  SUBGRAPH_QUERY_LIMITS,
  auditPlugin,
  childKeyOf,
  createGatewayTokenVerifier,
  createLogger,
  createSubgraphApollo,
  gatewayPublicKeys,
  lookupLimitsFromEnv,
  queryLimitsFromEnv,
  readHeader,
  safeRequestId,
  startHttpService,
  type Logger,
  type RequestContext,
  type RunningService,
  type Sector,
} from '@ecd/service-kit';
import { createAuditStore, type AuditDatabase } from './audit.js';
import { openDatabase } from './open-database.js';
import type { SubgraphEnv } from './env.js';

interface PrismaLike extends AuditDatabase {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $disconnect(): Promise<void>;
}

/** What every request's context holds besides the caller: the database, loaders, rights and audit log. */
export type DatabaseSubgraphContext<Client, Loaders> = RequestContext & { prisma: Client; loaders: Loaders; access: Access; audit: RequestAudit };

export interface ClientOptions {
  adapter: PrismaPg;
  transactionOptions: { maxWait: number; timeout: number };
}

/**
 * Waiting for a connection may take seconds on a busy server (Prisma's default gives up after 2 s),
 * and start-up transactions load thousands of reference rows.
 */
export const TRANSACTION_LIMITS = { maxWait: 30_000, timeout: 120_000 };

export interface DatabaseSubgraphOptions<Client extends PrismaLike, Loaders> {
  name: string;
  env: SubgraphEnv;
  /** The app's folder, holding `src/schema.graphql` and `prisma/migrations`: `new URL('..', import.meta.url)`. */
  appRoot: URL;
  resolvers: object;
  /** `(options) => new PrismaClient(options)`: the options carry the adapter and transaction limits. */
  createClient(options: ClientOptions): Client;
  /** Fresh DataLoaders for each request; the context gets `{ prisma, loaders, access, audit }`. */
  createLoaders(client: Client): Loaders;
  /** Runs at every start after migrations and before serving: reference data. */
  prepare?(client: Client, logger: Logger): Promise<void>;
  /** Runs after `prepare` when SEED_DEMO is set: demo data, idempotently. */
  seedDemo?(client: Client, logger: Logger): Promise<void>;
}

export interface RunningSubgraph<Client> extends RunningService {
  client: Client;
  logger: Logger;
}

/** Everything a sector subgraph does to start: database, migrations, preparation, GraphQL over HTTP. */
export async function startDatabaseSubgraph<Client extends PrismaLike, Loaders>(
  options: DatabaseSubgraphOptions<Client, Loaders>,
): Promise<RunningSubgraph<Client>> {
  const { env } = options;
  const logger = createLogger(options.name, env.LOG_LEVEL);
  const verifyGatewayToken = createGatewayTokenVerifier(gatewayPublicKeys(env), options.name);
  const sector = options.name.toUpperCase() as Sector;
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    migrationsDir: fileURLToPath(new URL('prisma/migrations', options.appRoot)),
    logger,
    statementTimeoutMs: env.STATEMENT_TIMEOUT_MS,
  });
  const client = options.createClient({ adapter: database.adapter, transactionOptions: TRANSACTION_LIMITS });
  const release = async () => {
    await client.$disconnect();
    await database.close();
  };
  try {
    await prepareAndSeed(options, database.startupAdapter, logger);
    // The audit log (audit_event, append-only) and the per-person limit of lookups by personal number.
    const auditStore = createAuditStore(client, options.name);
    const lookupLimiter = new LookupLimiter(lookupLimitsFromEnv(env));
    const subjectKeyOf = (personalId: string) => (/^\d{12}$/.test(personalId) ? childKeyOf(personalId, env.CHILD_KEY_SECRET) : null);
    const service = await startHttpService<DatabaseSubgraphContext<Client, Loaders>>({
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
        createSubgraphApollo({ typeDefs: readFileSync(new URL('src/schema.graphql', options.appRoot), 'utf8'), resolvers: options.resolvers, logger, httpServer, limits: queryLimitsFromEnv(SUBGRAPH_QUERY_LIMITS, env), plugins: [auditPlugin()] }),
      context: (base) => {
        const access = new Access(base.identity, sector);
        const audit = new RequestAudit({ access, requestId: base.requestId, store: auditStore, limiter: lookupLimiter, logger: base.logger, subjectKeyOf });
        return { ...base, prisma: client, loaders: options.createLoaders(client), access, audit };
      },
      readiness: async () => {
        await client.$queryRawUnsafe('SELECT 1');
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
 * Start-up work on a client of its own without the requests' statement timeout: loading the unit lists,
 * seeding the demo or rebuilding running totals may take minutes on a large database.
 */
async function prepareAndSeed<Client extends PrismaLike, Loaders>(
  options: DatabaseSubgraphOptions<Client, Loaders>,
  adapter: PrismaPg,
  logger: Logger,
): Promise<void> {
  if (!options.prepare && !(options.env.SEED_DEMO && options.seedDemo)) return;
  const client = options.createClient({ adapter, transactionOptions: TRANSACTION_LIMITS });
  try {
    await options.prepare?.(client, logger);
    if (options.env.SEED_DEMO) await options.seedDemo?.(client, logger);
  } finally {
    await client.$disconnect();
  }
}
