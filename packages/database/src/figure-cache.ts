import { Redis } from 'ioredis';
import { z } from 'zod';

import type { Logger } from '@ecd/service-kit';

import { execute, identifier, pgPool, pgQueryable, queryRows, sql, type SqlQueryable } from './typed-sql.js';

/**
 * Figures cached by data version. Every write to a subgraph's database increments its version in the
 * write's own transaction (a statement trigger on every table, so no write path can forget it), and a
 * figure is cached under (version, what was asked): the first read after a write sees a new version
 * and computes afresh, so a cached figure is never stale. The cache holds figures, never who may see
 * them: access is decided on every request, above the data layer.
 */
export interface FigureCache {
  /** The database's data version now (one row read; its epoch changes when the database is recreated). */
  version(db: SqlQueryable): Promise<string>;
  /** The values held for these keys under a version; `undefined` where none is. */
  get(version: string, keys: readonly string[]): Promise<unknown[]>;
  set(version: string, entries: readonly (readonly [string, unknown])[]): Promise<void>;
  close(): Promise<void>;
}

/** Tables whose writes change no figure: the version itself, the migrations, the audit log (written by reads). */
const UNVERSIONED_TABLES = ['data_version', '_prisma_migrations', 'audit_event', 'idempotent_request'];

/**
 * Creates the version row and puts the trigger on every table of the schema (those a later migration
 * adds get it at the next start, before anything is served). Idempotent; run at every start.
 */
export async function ensureDataVersion(db: SqlQueryable): Promise<void> {
  await execute(
    db,
    sql`CREATE TABLE IF NOT EXISTS data_version (
          singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
          epoch uuid NOT NULL DEFAULT gen_random_uuid(),
          version bigint NOT NULL DEFAULT 0)`,
  );
  await execute(db, sql`INSERT INTO data_version DEFAULT VALUES ON CONFLICT DO NOTHING`);
  await execute(
    db,
    sql`CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE data_version SET version = version + 1; RETURN NULL; END $$`,
  );
  const tables = await queryRows(
    db,
    z.object({ name: z.string() }),
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
           AND NOT (c.relname = ANY(${UNVERSIONED_TABLES}::text[]))
           AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'data_version_bump')`,
  );
  for (const { name } of tables)
    await execute(
      db,
      sql`CREATE TRIGGER data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${identifier(name)}
            FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`,
    );
}

const versionRow = z.object({ version: z.string() });
/** The database's data version now: `epoch:version` (the epoch changes when the database is recreated). */
export const readDataVersion = async (db: SqlQueryable) => {
  const [row] = await queryRows(
    db,
    versionRow,
    sql`SELECT epoch::text || ':' || version::text AS version FROM data_version`,
  );
  if (!row) throw new Error('data_version has no row: ensureDataVersion did not run');
  return row.version;
};

/**
 * Reads the data version on a connection of its own. The gateway asks it before serving every kept
 * answer: behind the queries that fill the subgraph's pool under load, the asks would wait past their
 * limit and every kept answer be computed again, which is the load the cache is there to take off.
 */
export function dataVersionReader(connectionString: string): {
  read: () => Promise<string>;
  close: () => Promise<void>;
} {
  const pool = pgPool({ connectionString, max: 1 });
  const db = pgQueryable(pool);
  return { read: () => readDataVersion(db), close: () => pool.end() };
}

/** At most this many figures are held in a process; the oldest go first. */
const MEMORY_LIMIT = 200_000;

/** The embedded default's cache: this process's memory, holding the current version's figures only. */
export function memoryFigureCache(): FigureCache {
  let held = { version: '', figures: new Map<string, unknown>() };
  const of = (version: string) => {
    if (held.version !== version) held = { version, figures: new Map() };
    return held.figures;
  };
  return {
    version: readDataVersion,
    get: (version, keys) => {
      const figures = of(version);
      return Promise.resolve(keys.map((key) => figures.get(key)));
    },
    set: (version, entries) => {
      const figures = of(version);
      for (const [key, value] of entries) figures.set(key, value);
      for (const key of figures.keys()) {
        if (figures.size <= MEMORY_LIMIT) break;
        figures.delete(key);
      }
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

/** How long a version's figures stay in Redis: a new version makes them unreachable anyway. */
const REDIS_TTL_SECONDS = 3_600;

/**
 * The cache every replica of a subgraph shares, in Redis (`prefix` names the subgraph). While Redis
 * cannot be reached the figures are computed, never refused: the cache only saves work.
 */
export function redisFigureCache(url: string, prefix: string, logger: Logger): FigureCache {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true });
  redis.on('error', (error: unknown) => logger.warn({ err: error }, 'figure cache (Redis) unavailable'));
  const keyOf = (version: string, key: string) => `ecd:figures:${prefix}:${version}:${key}`;
  return {
    version: readDataVersion,
    async get(version, keys) {
      if (!keys.length) return [];
      try {
        const values = await redis.mget(keys.map((key) => keyOf(version, key)));
        return values.map((value) => (value === null ? undefined : (JSON.parse(value) as unknown)));
      } catch {
        return keys.map(() => undefined);
      }
    },
    async set(version, entries) {
      if (!entries.length) return;
      const pipeline = redis.pipeline();
      for (const [key, value] of entries)
        pipeline.set(keyOf(version, key), JSON.stringify(value), 'EX', REDIS_TTL_SECONDS);
      await pipeline.exec().catch(() => undefined);
    },
    close: async () => {
      redis.disconnect();
      return Promise.resolve();
    },
  };
}

/**
 * A DataLoader batch function answering from the cache what it holds and computing the rest with
 * `compute` (which sees only the missing keys). The version is read once per loader, that is once per
 * request: a request sees one state of the data.
 */
export function cachedBatch<K, V>(
  db: SqlQueryable,
  cache: FigureCache | undefined,
  kind: string,
  keyOf: (key: K) => string,
  compute: (keys: readonly K[]) => Promise<V[]>,
): (keys: readonly K[]) => Promise<V[]> {
  if (!cache) return compute;
  let version: Promise<string> | undefined;
  return async (keys) => {
    version ??= cache.version(db);
    const at = await version;
    const ids = keys.map((key) => `${kind}|${keyOf(key)}`);
    const values = await cache.get(at, ids);
    const missing = keys.flatMap((_, i) => (values[i] === undefined ? [i] : []));
    if (missing.length) {
      const computed = await compute(missing.map((i) => keys[i] as K));
      missing.forEach((i, j) => (values[i] = computed[j]));
      await cache.set(
        at,
        missing.map((i, j) => [ids[i] as string, computed[j]] as const),
      );
    }
    return values as V[];
  };
}
