import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '@ecd/service-kit';
import { createTestDatabase, type TestDatabase } from '@ecd/test-kit';

import { openDatabase } from './open-database.js';
import { arrayLiteral, sql, type Sql, type SqlQueryable } from './typed-sql.js';
import { countByUnit } from './unit-rollup.js';

const logger = createLogger('test', 'silent');
let migrationsDir: string;

async function writeMigration(name: string, sql: string) {
  await mkdir(join(migrationsDir, name), { recursive: true });
  await writeFile(join(migrationsDir, name, 'migration.sql'), sql);
}

beforeAll(async () => {
  migrationsDir = await mkdtemp(join(tmpdir(), 'ecd-migrations-'));
  await writeMigration(
    '20250101000000_init',
    `CREATE TABLE located (id serial PRIMARY KEY, kind text NOT NULL,
       commune_code text NOT NULL, commune_valid_from date NOT NULL,
       province_code text NOT NULL, province_valid_from date NOT NULL);`,
  );
});
afterAll(() => rm(migrationsDir, { recursive: true, force: true }));

async function rows<T extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.each(['postgresql', 'embedded'] as const)('openDatabase on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(`db_${kind}`);
    if (kind === 'embedded') database.url = undefined;
  });
  afterAll(() => database.drop());
  const open = () => openDatabase({ url: database.url, dataDir: database.dataDir, migrationsDir, logger });
  /** The requests' reader of the database, opened for one test and closed after it. */
  async function withReader(work: (reader: SqlQueryable) => Promise<void>) {
    const db = await open();
    try {
      await work(db.reader);
    } finally {
      await db.close();
    }
  }

  it('applies migrations once, records them as Prisma does, and keeps data across a restart', async (context) => {
    if (kind === 'postgresql' && !process.env.TEST_DATABASE_URL) context.skip();
    const first = await open();
    expect(first.embedded).toBe(kind === 'embedded');
    await rows(
      first.connectionString,
      `INSERT INTO located (kind, commune_code, commune_valid_from, province_code, province_valid_from)
      VALUES ('a', '05977', '2025-07-01', '20', '2025-07-01')`,
    );
    await first.close();

    const second = await open();
    const applied = await rows<{ migration_name: string }>(
      second.connectionString,
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(applied.map((r) => r.migration_name)).toEqual(['20250101000000_init']);
    expect(await rows(second.connectionString, 'SELECT kind FROM located')).toEqual([{ kind: 'a' }]);
    await second.close();
  });

  it('rolls back a failing migration whole and reports which one failed', async (context) => {
    if (kind === 'postgresql' && !process.env.TEST_DATABASE_URL) context.skip();
    await writeMigration('20250102000000_broken', 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;');
    try {
      await expect(open()).rejects.toThrow(/20250102000000_broken failed/);
    } finally {
      await rm(join(migrationsDir, '20250102000000_broken'), { recursive: true });
    }
    const db = await open();
    expect(await rows(db.connectionString, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    await db.close();
  });

  it('prepares each statement of its reader once per connection on PostgreSQL, and reads the rows of each call', async (context) => {
    if (kind === 'postgresql' && !process.env.TEST_DATABASE_URL) context.skip();
    await withReader(async (reader) => {
      const kindsIn = (commune: string) => sql`SELECT kind FROM located WHERE commune_code = ${commune} ORDER BY kind`;
      expect(await reader.$queryRaw(kindsIn('05977'))).toEqual([{ kind: 'a' }]);
      expect(await reader.$queryRaw(kindsIn('00001'))).toEqual([]);
      expect(await reader.$queryRaw(kindsIn('05977'))).toEqual([{ kind: 'a' }]);
      // One after another, the calls had the pool's one idle connection: the text was prepared there once.
      // Not on PGlite, whose one session serves every connection (see openDatabase).
      const prepared = sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = ${kindsIn('').text}`;
      expect(await reader.$queryRaw(prepared)).toEqual([{ n: kind === 'postgresql' ? 1 : 0 }]);
    });
  });

  it('answers a statement of its reader again after a failed one made the pool replace its connection', async (context) => {
    if (kind === 'postgresql' && !process.env.TEST_DATABASE_URL) context.skip();
    await withReader(async (reader) => {
      const located = (commune: string) => sql`SELECT count(*)::int AS n FROM located WHERE commune_code = ${commune}`;
      expect(await reader.$queryRaw(located('05977'))).toEqual([{ n: 1 }]);
      await expect(reader.$queryRaw(sql`SELECT 1 / ${0}::int AS n`)).rejects.toThrow(/division by zero/);
      expect(await reader.$queryRaw(located('05977'))).toEqual([{ n: 1 }]);
    });
  });

  it('reads back every element of an array literal as it was written', async (context) => {
    if (kind === 'postgresql' && !process.env.TEST_DATABASE_URL) context.skip();
    await withReader(async (reader) => {
      const texts = ['05977', 'NULL', '', ' a, b ', '{x}', 'say "hi"', 'back\\slash\\', 'Đông Kinh', "it's"];
      const read = await reader.$queryRaw<{ text: string; n: number; flag: boolean }[]>(
        sql`SELECT * FROM unnest(${arrayLiteral(texts)}::text[], ${arrayLiteral(texts.map((_, i) => i - 4))}::int[],
                                 ${arrayLiteral(texts.map((_, i) => i % 2 === 0))}::boolean[]) AS t(text, n, flag)`,
      );
      expect(read).toEqual(texts.map((text, i) => ({ text, n: i - 4, flag: i % 2 === 0 })));
      expect(() => arrayLiteral([Number.NaN])).toThrow(/finite/);
    });
  });
});

describe('countByUnit', () => {
  it('counts per commune and per province in one statement, split by a column', async () => {
    const database = await createTestDatabase('rollup');
    const db = await openDatabase({ url: database.url, dataDir: database.dataDir, migrationsDir, logger });
    try {
      await rows(
        db.connectionString,
        `INSERT INTO located (kind, commune_code, commune_valid_from, province_code, province_valid_from) VALUES
        ('x', '05977', '2025-07-01', '20', '2025-07-01'), ('y', '05977', '2025-07-01', '20', '2025-07-01'),
        ('x', '05983', '2025-07-01', '20', '2025-07-01'), ('x', '17365', '2019-01-01', '20', '2019-01-01')`,
      );
      const client = new pg.Client({ connectionString: db.connectionString });
      await client.connect();
      // The statement as Prisma would send it: PostgreSQL's $n placeholders and the bound values.
      const run = async (query: TemplateStringsArray | Sql) => client.query((query as Sql).text, (query as Sql).values);
      const queryable: SqlQueryable = {
        $queryRaw: async <T>(query: TemplateStringsArray | Sql) => (await run(query)).rows as T,
        $executeRaw: async (query) => (await run(query)).rowCount ?? 0,
      };
      const counts = await countByUnit(
        queryable,
        'located',
        [
          { code: '20', validFrom: '2025-07-01' },
          { code: '05977', validFrom: '2025-07-01' },
          { code: '20', validFrom: '2019-01-01' },
          { code: '99', validFrom: '2025-07-01' },
        ],
        { groupBy: 'kind' },
      );
      await client.end();
      const sorted = (key: string) =>
        [...counts.get(key)!].sort((a, b) => String(a.group).localeCompare(String(b.group)));
      expect(sorted('20@2025-07-01').map((r) => [r.group, r.count])).toEqual([
        ['x', 2],
        ['y', 1],
      ]);
      expect(sorted('05977@2025-07-01').map((r) => [r.group, r.count])).toEqual([
        ['x', 1],
        ['y', 1],
      ]);
      expect(sorted('20@2019-01-01').map((r) => [r.group, r.count])).toEqual([['x', 1]]);
      expect(counts.get('99@2025-07-01')).toEqual([]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
