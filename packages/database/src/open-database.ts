import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Logger } from '@ecd/service-kit';
import { applyMigrations } from './migrations.js';

export interface DatabaseOptions {
  /** PostgreSQL URL; without one the subgraph runs on an embedded PGlite in `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  migrationsDir: string;
  logger: Logger;
  /** Connections in the pool (PostgreSQL only; the embedded database serves one at a time). */
  poolSize?: number;
}

export interface Database {
  /** What Prisma's client is built with. */
  adapter: PrismaPg;
  connectionString: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the subgraph's own database and brings it to the newest migration. The embedded default is
 * PGlite served over the PostgreSQL wire protocol, so the same driver, adapter, SQL and migrations
 * run against it as against production PostgreSQL.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { logger } = options;
  let connectionString = options.url;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!connectionString) {
    await mkdir(options.dataDir, { recursive: true });
    const pglite = await PGlite.create(options.dataDir);
    // One session serves every connection; pg-pool reconnects after each SQL error while the old
    // connection is still being released, so the server must accept more than one.
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 100 });
    await server.start();
    connectionString = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    logger.info({ dataDir: options.dataDir }, 'embedded PostgreSQL (PGlite) started');
    stopEmbedded = async () => {
      await server.stop();
      await pglite.close();
    };
  }
  const embedded = stopEmbedded !== undefined;
  try {
    await applyMigrations(connectionString, options.migrationsDir, logger);
  } catch (error) {
    await stopEmbedded?.();
    throw error;
  }
  const adapter = new PrismaPg({ connectionString, max: embedded ? 1 : (options.poolSize ?? 10) });
  return {
    adapter,
    connectionString,
    embedded,
    close: async () => {
      await stopEmbedded?.();
    },
  };
}
