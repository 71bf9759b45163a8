import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '@ecd/service-kit';

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

/** Local addresses of the TCP sockets this process listens on (Linux: /proc), to see that none was added. */
async function listeningTcp(): Promise<string[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
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

const socketDirOf = (database: Database) => new URL(database.connectionString).searchParams.get('host')!;

describe('the embedded database', () => {
  it('listens on no TCP port, only on a Unix socket in a folder only its owner may enter', async () => {
    const before = process.platform === 'linux' ? await listeningTcp() : [];
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
      if (process.platform === 'linux') expect(await listeningTcp()).toEqual(before);
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
});
