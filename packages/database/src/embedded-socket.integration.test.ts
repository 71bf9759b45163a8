import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '@ecd/service-kit';
import { clusterShutDown } from '@ecd/test-kit';

import { openDatabase, type Database } from './open-database.js';

const logger = createLogger('test', 'silent');
let root: string;
let migrationsDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ecd-socket-'));
  migrationsDir = join(root, 'migrations');
  await mkdir(migrationsDir);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Local addresses of the TCP sockets a process listens on (Linux: /proc), to see that none was added. */
async function listeningTcp(pid: number | 'self'): Promise<string[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  const listening: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const columns of lines.map((line) => line.trim().split(/\s+/))) {
      // st 0A is LISTEN; the tenth column is the socket's inode.
      if (columns[3] === '0A' && inodes.has(columns[9] ?? '')) listening.push(columns[1]!);
    }
  }
  return listening.sort();
}

/** Asks the database through what Prisma's client is built with. */
const selectThroughAdapter = (database: Database) => queryThroughAdapter(database, 'SELECT 40 + 2 AS answer');

async function queryThroughAdapter(database: Database, sql: string): Promise<unknown[][]> {
  const connection = await database.adapter.connect();
  try {
    return (await connection.queryRaw({ sql, args: [], argTypes: [] })).rows;
  } finally {
    await connection.dispose();
  }
}

/** Whether a process runs (signal 0 only checks). */
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const socketDirOf = (database: Database) => new URL(database.connectionString).searchParams.get('host')!;

describe('the embedded database', () => {
  it('listens on no TCP port, only on a Unix socket in a folder only its owner may enter', async () => {
    const before = process.platform === 'linux' ? await listeningTcp('self') : [];
    const database = await openDatabase({ dataDir: join(root, 'private'), migrationsDir, logger });
    let socketDir: string;
    try {
      const url = new URL(database.connectionString);
      socketDir = socketDirOf(database);
      expect(url.port).toBe('');
      expect(socketDir).toBe(`${join(root, 'private')}.socket`);
      expect((await stat(socketDir)).mode & 0o777).toBe(0o700);
      // PGlite writes its own files world-writable; the data folder keeps everyone but the owner out.
      expect((await stat(join(root, 'private'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(socketDir, '.s.PGSQL.5432'))).isSocket()).toBe(true);
      if (process.platform === 'linux') {
        expect(await listeningTcp('self')).toEqual(before);
        // Nor does the database's own process.
        const databasePid = database.embeddedPid();
        expect(databasePid).toEqual(expect.any(Number));
        expect(await listeningTcp(databasePid as number)).toEqual([]);
      }
      expect(await selectThroughAdapter(database)).toEqual([[42]]);
    } finally {
      await database.close();
    }
    await expect(stat(socketDir)).rejects.toThrow(/ENOENT/);
  });

  it('uses a private folder in the temp dir when the data folder’s path is too long for a socket', async () => {
    const database = await openDatabase({ dataDir: join(root, 'x'.repeat(120)), migrationsDir, logger });
    const socketDir = socketDirOf(database);
    try {
      expect(socketDir.startsWith(join(tmpdir(), 'ecd-pg-'))).toBe(true);
      expect((await stat(socketDir)).mode & 0o777).toBe(0o700);
      expect(await selectThroughAdapter(database)).toEqual([[42]]);
    } finally {
      await database.close();
    }
    await expect(stat(socketDir)).rejects.toThrow(/ENOENT/);
  });

  it('starts again after a crash left its socket file behind', async () => {
    const dataDir = join(root, 'crashed');
    const socketDir = `${dataDir}.socket`;
    const socketPath = join(socketDir, '.s.PGSQL.5432');
    await mkdir(socketDir, { mode: 0o700 });
    // A process killed while listening leaves its socket file: nothing unlinks it.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [
        '-e',
        `require('node:net').createServer().listen(${JSON.stringify(socketPath)}, () => process.kill(process.pid, 'SIGKILL'))`,
      ]);
      child.once('error', reject);
      child.once('exit', () => resolve());
    });
    expect((await stat(socketPath)).isSocket()).toBe(true);

    const second = await openDatabase({ dataDir, migrationsDir, logger });
    try {
      expect(await selectThroughAdapter(second)).toEqual([[42]]);
    } finally {
      await second.close();
    }
  });

  it('refuses to start while another process serves the same data folder', async () => {
    const dataDir = join(root, 'busy');
    const socketDir = `${dataDir}.socket`;
    await mkdir(socketDir, { mode: 0o700 });
    const other = createServer().listen(join(socketDir, '.s.PGSQL.5432'));
    await new Promise((resolve) => other.once('listening', resolve));
    try {
      await expect(openDatabase({ dataDir, migrationsDir, logger })).rejects.toThrow(/served by another process/);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('opens again after start-up (its memory released) with its data, still refusing a second process', async () => {
    const dataDir = join(root, 'reopened');
    const database = await openDatabase({ dataDir, migrationsDir, logger });
    try {
      await queryThroughAdapter(database, 'CREATE TABLE kept (n int)');
      await queryThroughAdapter(database, 'INSERT INTO kept VALUES (7)');
      await database.releaseStartupMemory();
      expect(await queryThroughAdapter(database, 'SELECT n FROM kept')).toEqual([[7]]);
      await expect(openDatabase({ dataDir, migrationsDir, logger })).rejects.toThrow(/served by another process/);
    } finally {
      await database.close();
    }
    await expect(stat(`${dataDir}.socket`)).rejects.toThrow(/ENOENT/);
  });

  it('runs in a process of its own, which the subgraph is told of when it dies', async () => {
    let died!: () => void;
    const heard = new Promise<void>((resolve) => (died = resolve));
    const database = await openDatabase({
      dataDir: join(root, 'dies'),
      migrationsDir,
      logger,
      onEmbeddedExit: () => died(),
    });
    try {
      const pid = database.embeddedPid()!;
      expect(pid).not.toBe(process.pid);
      expect(await selectThroughAdapter(database)).toEqual([[42]]);
      process.kill(pid, 'SIGKILL');
      await heard;
    } finally {
      await database.close().catch(() => undefined);
    }
  });

  it('stops its database process when the subgraph is killed; the folder opens again with its data', async () => {
    const dataDir = join(root, 'orphan');
    // A subgraph's process: opens the database, writes, says which process serves it, and waits to be killed.
    const script = `
      import { openDatabase } from ${JSON.stringify(new URL('./open-database.ts', import.meta.url).href)};
      import { createLogger } from '@ecd/service-kit';
import { clusterShutDown } from '@ecd/test-kit';
      const database = await openDatabase({
        dataDir: ${JSON.stringify(dataDir)},
        migrationsDir: ${JSON.stringify(migrationsDir)},
        logger: createLogger('test', 'silent'),
      });
      const connection = await database.adapter.connect();
      await connection.executeRaw({ sql: 'CREATE TABLE kept (n int)', args: [], argTypes: [] });
      await connection.executeRaw({ sql: 'INSERT INTO kept VALUES (7)', args: [], argTypes: [] });
      console.log(String(database.embeddedPid()));
      setInterval(() => {}, 1000);`;
    const subgraph = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const databasePid = await new Promise<number>((resolve, reject) => {
      subgraph.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
      subgraph.once('exit', (code) => reject(new Error(`the subgraph's process exited (${code}) before it was ready`)));
    });
    expect(isRunning(databasePid)).toBe(true);
    expect(await clusterShutDown(dataDir)).toBe(false);
    subgraph.kill('SIGKILL');
    await waitUntil(() => !isRunning(databasePid), 'the database process still runs');
    // It closed the cluster as PostgreSQL does, not left it to recover from a crash.
    expect(await clusterShutDown(dataDir)).toBe(true);

    const reopened = await openDatabase({ dataDir, migrationsDir, logger });
    try {
      expect(await queryThroughAdapter(reopened, 'SELECT n FROM kept')).toEqual([[7]]);
    } finally {
      await reopened.close();
    }
  });
});
