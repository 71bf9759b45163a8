import { Buffer } from 'node:buffer';
import { fork } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';

import type { Logger } from '@ecd/service-kit';

import { applyMigrations } from './migrations.js';
import { pgPool, pgQueryable, PREPARED_LIFETIME_SECONDS, type SqlQueryable } from './typed-sql.js';

export interface DatabaseOptions {
  /** PostgreSQL URL; without one the subgraph runs on an embedded PGlite in `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  migrationsDir: string;
  logger: Logger;
  /** Connections in the pool (PostgreSQL only; the embedded database serves one at a time). */
  poolSize?: number;
  /**
   * Longest a statement of `adapter` may run, in ms (PostgreSQL's `statement_timeout`, set on every
   * connection); unset or 0: no limit. The embedded PGlite ignores it (see README, Configuration).
   */
  statementTimeoutMs?: number;
  /** Called when the embedded database's process exits unasked (after it is logged): the subgraph should stop. */
  onEmbeddedExit?: () => void;
}

export interface Database {
  /** What Prisma's client for requests is built with: each statement is cut after `statementTimeoutMs`. */
  adapter: PrismaPg;
  /**
   * Typed SQL reads on the connections of `adapter`, without Prisma's handling of parameters and rows:
   * a province's figure statement cost LĐTBXH 6.3 ms of CPU through Prisma, 2.6 ms so. For statements
   * whose parameters and columns are numbers, text, booleans and days as text: pg, unlike Prisma, reads a
   * DATE as local midnight and a bigint or numeric as text. On PostgreSQL each statement is prepared once
   * per connection (`pgQueryable`'s `prepared`), which the pool renews every `PREPARED_LIFETIME_SECONDS`.
   */
  reader: SqlQueryable;
  /** For start-up work (reference data, demo seeding, rebuilding totals), whose statements may run long: no limit. */
  startupAdapter: PrismaPg;
  connectionString: string;
  embedded: boolean;
  /**
   * Once migrations and seeding are done, and no connection is open: the embedded PGlite is closed and
   * opened again in a new process. Its WebAssembly heap grows to what that work needed (hundreds of MiB
   * on a first start) and never shrinks; the new one holds only what serving needs. Nothing to do on
   * PostgreSQL.
   */
  releaseStartupMemory(): Promise<void>;
  /** The embedded database's process id (it changes when start-up memory is released); undefined on PostgreSQL. */
  embeddedPid(): number | undefined;
  close(): Promise<void>;
}

/**
 * Opens the subgraph's own database and brings it to the newest migration. The embedded default is
 * PGlite in a process of its own, served over the PostgreSQL wire protocol, so the same driver,
 * adapter, SQL and migrations run against it as against production PostgreSQL.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { logger } = options;
  let connectionString = options.url;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let reopenEmbedded: (() => Promise<number>) | undefined;
  let embeddedPid: (() => number) | undefined;
  if (!connectionString) {
    // PGlite writes its files world-writable (0666): only a folder of the owner's keeps others out.
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    await chmod(options.dataDir, 0o700);
    // PGlite's server asks no password, so it listens on no TCP port: only on a Unix socket in a
    // folder only this user may enter, whose permissions are the credential.
    const socket = await privateSocketDir(options.dataDir);
    const socketPath = join(socket.dir, SOCKET_FILE);
    // The folder beside the data stays on failure: another process may be serving from it.
    const dropTemporary = () =>
      socket.temporary ? rm(socket.dir, { recursive: true, force: true }) : Promise.resolve();
    // Before PGlite opens the folder: a second process on it (the plan CLI while the subgraph runs) would corrupt it.
    await removeStaleSocket(socketPath).catch(async (error: unknown) => {
      await dropTemporary();
      throw error;
    });
    // The database's process exits only when asked; if it dies, this subgraph cannot serve.
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      logger.fatal({ code, signal }, 'the embedded database process exited');
      options.onEmbeddedExit?.();
    };
    let served: ServedPGlite;
    try {
      served = await servePGlite(options.dataDir, socketPath, onExit);
    } catch (error) {
      await dropTemporary();
      throw error;
    }
    connectionString = socketConnectionString(socket.dir);
    logger.info(
      { dataDir: options.dataDir, socketDir: socket.dir, pid: served.pid },
      'embedded PostgreSQL (PGlite) started',
    );
    embeddedPid = () => served.pid;
    stopEmbedded = async () => {
      await served.stop();
      await rm(socket.dir, { recursive: true, force: true });
    };
    reopenEmbedded = async () => {
      await served.unlisten();
      // Until the new process listens, a guard answers on the socket: another process probing it finds the
      // folder served (removeStaleSocket) while PGlite is closed and opened again.
      const guard = createServer((connection) => connection.destroy());
      await new Promise<void>((resolve, reject) => guard.once('error', reject).listen(socketPath, resolve));
      const releaseGuard = () => new Promise<void>((resolve) => guard.close(() => resolve()));
      try {
        await served.stop();
        served = await servePGlite(options.dataDir, socketPath, onExit, releaseGuard);
      } finally {
        if (guard.listening) await releaseGuard();
      }
      return served.pid;
    };
  }
  const embedded = stopEmbedded !== undefined;
  try {
    await applyMigrations(connectionString, options.migrationsDir, logger);
  } catch (error) {
    await stopEmbedded?.();
    throw error;
  }
  const max = embedded ? 1 : (options.poolSize ?? 10);
  // pg sends statement_timeout when it opens each connection, so no request can run SQL without it.
  const limit = options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {};
  // Prepared statements on PostgreSQL only: PGlite serves every connection from one session, where a
  // statement prepared by a connection the pool replaced (after any SQL error) is still there, and
  // preparing it again on the new one fails.
  const prepared = !embedded;
  const lifetime = prepared ? { maxLifetimeSeconds: PREPARED_LIFETIME_SECONDS } : {};
  const pool = pgPool({ connectionString, max, ...lifetime, ...limit });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return {
    adapter,
    reader: pgQueryable(pool, { prepared }),
    startupAdapter: new PrismaPg({ connectionString, max }),
    connectionString,
    embedded,
    releaseStartupMemory: async () => {
      if (!reopenEmbedded) return;
      const pid = await reopenEmbedded();
      logger.info(
        { pid },
        'embedded PostgreSQL (PGlite) opened again in a new process, without the memory start-up grew',
      );
    },
    embeddedPid: () => embeddedPid?.(),
    close: async () => {
      await stopEmbedded?.();
    },
  };
}

/**
 * PGlite's PostgreSQL with a 16 MB buffer pool instead of PostgreSQL's default 128 MB, which lives in its
 * WebAssembly heap and stays resident once filled: 100-270 MiB less per subgraph on the demo (`npm start`),
 * with the same throughput under 200 clients (bench, load run on the embedded default: 859 and 858 req/s),
 * the pages beyond it being read from the operating system's file cache.
 */
const EMBEDDED_SHARED_BUFFERS = ['-c', 'shared_buffers=16MB'];

/** The embedded database's process (plain JavaScript: the same file from the source and from the bundles). */
const EMBEDDED_SERVER = fileURLToPath(new URL('embedded-server.mjs', import.meta.url));

type EmbeddedMessage =
  { type: 'opened' } | { type: 'listening' } | { type: 'unlistened' } | { type: 'failed'; message: string };

interface ServedPGlite {
  pid: number;
  /** Stops serving the socket (PGlite stays open), so another listener may take its path. */
  unlisten(): Promise<void>;
  /** Stops the process cleanly (its server, then PGlite) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * PGlite on `dataDir` in a process of its own (`embedded-server.mjs`), served on the Unix socket
 * `socketPath` once `freeSocket` has let it go. `onExit` hears of an exit nobody asked for.
 */
async function servePGlite(
  dataDir: string,
  socketPath: string,
  onExit: (code: number | null, signal: NodeJS.Signals | null) => void,
  freeSocket: () => Promise<void> = () => Promise.resolve(),
): Promise<ServedPGlite> {
  const child = fork(EMBEDDED_SERVER, [dataDir, socketPath, ...EMBEDDED_SHARED_BUFFERS], {
    // Not the parent's flags (a test runner's loaders, a profiler): the database needs none.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let serving = false;
  let stopping = false;
  const exited = new Promise<string | null>((resolve) =>
    child.once('exit', (code, signal) => {
      if (serving && !stopping) onExit(code, signal);
      // What went wrong, if anything: a code other than 0, or the signal that killed it.
      resolve(code === 0 ? null : code === null ? `by ${signal}` : `with code ${code}`);
    }),
  );
  /** The process's next message, which must be `expected`; rejects if it fails, exits or cannot be started. */
  const next = (expected: EmbeddedMessage['type']) =>
    new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        child.off('message', onMessage).off('exit', onEarlyExit).off('error', settle);
        if (error) reject(error);
        else resolve();
      };
      const onMessage = (message: EmbeddedMessage) =>
        settle(
          message.type === expected
            ? undefined
            : new Error(
                `the embedded database: ${message.type === 'failed' ? message.message : `${message.type}, not ${expected}`}`,
              ),
        );
      const onEarlyExit = (code: number | null) =>
        settle(new Error(`the embedded database's process exited (code ${code}) before it was ${expected}`));
      child.on('message', onMessage).once('exit', onEarlyExit).once('error', settle);
    });
  const stop = async () => {
    stopping = true;
    if (child.connected) child.send({ type: 'stop' });
    const failure = await exited;
    if (failure) throw new Error(`the embedded database's process ended ${failure}, not stopped`);
  };
  const opened = next('opened');
  try {
    await opened;
    await freeSocket();
    const listening = next('listening');
    child.send({ type: 'listen' });
    await listening;
    serving = true;
  } catch (error) {
    if (child.pid !== undefined) await stop().catch(() => undefined);
    throw error;
  }
  const unlisten = async () => {
    const unlistened = next('unlistened');
    child.send({ type: 'unlisten' });
    await unlistened;
  };
  // It answered, so it was spawned and has an id.
  if (child.pid === undefined) throw new Error('the embedded database process has no id');
  return { pid: child.pid, unlisten, stop };
}

/** The name pg (like libpq) looks for in a socket folder given as `host`, for the default port 5432. */
const SOCKET_FILE = '.s.PGSQL.5432';
// sun_path holds 108 bytes on Linux and 104 on macOS, the terminating NUL included.
const MAX_SOCKET_PATH_BYTES = 103;

/**
 * `<dataDir>.socket/` beside the data folder (kept out of PGlite's own folder), made 0700 and checked
 * to be this user's; when that path is too long for a socket, a fresh private folder in the temp dir.
 */
async function privateSocketDir(dataDir: string): Promise<{ dir: string; temporary: boolean }> {
  const beside = `${resolve(dataDir)}.socket`;
  if (Buffer.byteLength(join(beside, SOCKET_FILE)) > MAX_SOCKET_PATH_BYTES) {
    // mkdtemp makes it 0700.
    return { dir: await mkdtemp(join(tmpdir(), 'ecd-pg-')), temporary: true };
  }
  await mkdir(beside, { recursive: true, mode: 0o700 });
  const stats = await lstat(beside);
  // Another user's folder (or a link to one) would let that user connect.
  if (!stats.isDirectory() || (process.getuid && stats.uid !== process.getuid())) {
    throw new Error(`${beside} must be a folder owned by this user: it holds the embedded database's socket`);
  }
  await chmod(beside, 0o700);
  return { dir: beside, temporary: false };
}

/**
 * A socket file left by a process that died (kill -9, power loss) would make listening fail; one that
 * still answers means another process serves this data folder, and two would corrupt it.
 */
async function removeStaleSocket(socketPath: string): Promise<void> {
  const answers = await new Promise<boolean>((done) => {
    const probe = connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      done(true);
    });
    probe.once('error', () => done(false));
  });
  if (answers)
    throw new Error(
      `${socketPath} is served by another process: is this subgraph already running on the same DATA_DIR?`,
    );
  await rm(socketPath, { force: true });
}

/** pg and pg-connection-string take a socket folder as the `host` parameter; the URL's host is then ignored. */
const socketConnectionString = (socketDir: string) =>
  `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&sslmode=disable`;
