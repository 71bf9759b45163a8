import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

import { TEST_KEYS_DIR } from './identity.js';

export interface TestDatabase {
  /** Set when the test runs on real PostgreSQL (TEST_DATABASE_URL); otherwise the subgraph uses `dataDir`. */
  url: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A database of the test's own: a fresh database on the PostgreSQL server named by TEST_DATABASE_URL
 * (CI and these machines), or a fresh embedded PGlite folder when it is not set.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), `ecd-${label}-`));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    return { url: undefined, dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `ecd_test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The environment a subgraph under test starts with: its own database, a free port, quiet logs. */
export function subgraphTestEnv(database: TestDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url ?? '',
    DATA_DIR: database.dataDir,
    ECD_KEYS_DIR: TEST_KEYS_DIR,
    ...extra,
  };
}

// PostgreSQL's pg_control: `state` (DBState) is the uint32 after the system identifier (8 bytes) and two versions (4 + 4).
const PG_CONTROL_STATE_OFFSET = 16;
const DB_SHUTDOWNED = 1;

/**
 * Whether an embedded cluster was closed as PostgreSQL closes one (shut-down state in its pg_control);
 * while it is open, or after a crash, its state is "in production".
 */
export async function clusterShutDown(dataDir: string): Promise<boolean> {
  const control = await readFile(join(dataDir, 'global', 'pg_control'));
  return control.readUInt32LE(PG_CONTROL_STATE_OFFSET) === DB_SHUTDOWNED;
}
