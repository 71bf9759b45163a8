import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '@ecd/service-kit';
import { createTestDatabase, type TestDatabase } from '@ecd/test-kit';

import {
  cachedBatch,
  dataVersionReader,
  ensureDataVersion,
  memoryFigureCache,
  redisFigureCache,
  type FigureCache,
} from './figure-cache.js';
import { pgQueryable, type SqlQueryable } from './typed-sql.js';

/**
 * The figure cache on the real PostgreSQL (and the real Redis of these machines): a figure is computed
 * once per data version, and any write, to any table, in its own transaction, makes the next read compute.
 */
const logger = createLogger('test', 'silent');
let database: TestDatabase;
let client: pg.Client;
let db: SqlQueryable;

// On the embedded default (no TEST_DATABASE_URL) the same triggers are covered by the subgraphs' tests.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase('figure_cache');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  db = pgQueryable(client);
  await client.query('CREATE TABLE figure (unit text PRIMARY KEY, value int NOT NULL)');
  await client.query(`INSERT INTO figure VALUES ('20', 1), ('38', 2)`);
  await client.query('CREATE TABLE audit_event (id serial PRIMARY KEY)');
  await ensureDataVersion(db);
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const version = async () =>
  (await client.query<{ version: string }>('SELECT version::text FROM data_version')).rows[0]!.version;

describe.runIf(onPostgres).each([
  ['this process’s memory', () => memoryFigureCache()],
  ['Redis', () => redisFigureCache('redis://127.0.0.1:6379', `test-${Date.now()}`, logger)],
] as const)('figures cached in %s', (_, makeCache) => {
  let cache: FigureCache;
  beforeAll(() => {
    cache = makeCache();
  });
  afterAll(() => cache?.close());

  /** One request's batch: a fresh loader (the version read once), counting what it computes. */
  const computed: string[][] = [];
  const read = (units: string[]) =>
    cachedBatch(
      db,
      cache,
      'figure',
      (unit: string) => unit,
      async (keys) => {
        computed.push([...keys]);
        const { rows } = await client.query<{ unit: string; value: number }>(
          'SELECT unit, value FROM figure WHERE unit = ANY($1)',
          [keys],
        );
        return keys.map((unit) => rows.find((r) => r.unit === unit)?.value ?? null);
      },
    )(units);

  it('computes a figure once per data version, and again after any write', async () => {
    await client.query(`UPDATE figure SET value = CASE unit WHEN '20' THEN 1 ELSE 2 END`);
    computed.length = 0;
    expect(await read(['20', '38'])).toEqual([1, 2]);
    expect(await read(['20', '38'])).toEqual([1, 2]);
    // The second request found both figures: nothing computed.
    expect(computed).toEqual([['20', '38']]);

    await client.query(`UPDATE figure SET value = 5 WHERE unit = '20'`);
    expect(await read(['20', '38', '99'])).toEqual([5, 2, null]);
    expect(computed.at(-1)).toEqual(['20', '38', '99']);
    // A figure of no row (null) is cached too.
    expect(await read(['99'])).toEqual([null]);
    expect(computed).toHaveLength(2);
  });

  it('counts a write only when its transaction commits', async () => {
    await read(['20']);
    const before = await version();
    await client.query('BEGIN');
    await client.query(`UPDATE figure SET value = 7 WHERE unit = '20'`);
    await client.query('ROLLBACK');
    expect(await version()).toBe(before);
    expect(await read(['20'])).toEqual([5]);
  });
});

describe.runIf(onPostgres)('the data version', () => {
  it('is incremented by every kind of statement on every table, in the writing transaction, but not by the audit log', async () => {
    const statements = [
      `INSERT INTO figure VALUES ('01', 3)`,
      `UPDATE figure SET value = value + 1 WHERE unit = '01'`,
      `DELETE FROM figure WHERE unit = '01'`,
      // A statement that touches no row still fires the statement trigger: no write is ever missed.
      `UPDATE figure SET value = 0 WHERE false`,
    ];
    for (const statement of statements) {
      const before = BigInt(await version());
      await client.query(statement);
      expect(BigInt(await version()), statement).toBe(before + 1n);
    }
    const before = await version();
    await client.query('INSERT INTO audit_event DEFAULT VALUES');
    expect(await version()).toBe(before);
  });

  it('puts its trigger on a table a later migration adds, at the next start', async () => {
    await client.query('CREATE TABLE later (id int)');
    await ensureDataVersion(db);
    const before = BigInt(await version());
    await client.query('INSERT INTO later VALUES (1)');
    expect(BigInt(await version())).toBe(before + 1n);
  });

  it('is read on a connection of its own: a committed write shows, one still open does not', async () => {
    // Only on PostgreSQL (runIf above), where the test database has a URL.
    const url = database.url ?? '';
    const reader = dataVersionReader(url);
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    try {
      const before = await reader.read();
      await writer.query('BEGIN');
      await writer.query(`UPDATE figure SET value = value + 1 WHERE unit = '20'`);
      expect(await reader.read()).toBe(before);
      await writer.query('COMMIT');
      const [epoch, count = ''] = before.split(':');
      expect(await reader.read()).toBe(`${epoch}:${BigInt(count) + 1n}`);
    } finally {
      await writer.end();
      await reader.close();
    }
  });
});
