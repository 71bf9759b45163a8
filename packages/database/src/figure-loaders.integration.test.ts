import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { communesOfProvince } from '@ecd/reference-data';
import { createTestDatabase, type TestDatabase } from '@ecd/test-kit';

import {
  atUnit,
  createFigureLoaders,
  figureRows,
  type ComputedIndicators,
  type IndicatorValueKey,
} from './indicator-values.js';
import { pgQueryable, sql, type Sql, type SqlQueryable } from './typed-sql.js';

/**
 * A sector's figure and split loaders on the real PostgreSQL: what one tick asks of both is read in one
 * statement, and gives the figures each loader gives alone.
 */
let database: TestDatabase;
let client: pg.Client;
/** Every statement the loaders sent, in order. */
const statements: string[] = [];
let db: SqlQueryable;

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const SOURCE = 'Sổ theo dõi thử nghiệm';
const PROVINCE = { code: '20', validFrom: '2025-07-01' };
const [first, second, withoutRows] = communesOfProvince(PROVINCE.code, '2025-12-31').map((unit) => ({
  code: unit.code,
  validFrom: PROVINCE.validFrom,
}));

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase('figure_loaders');
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const real = pgQueryable(client);
  db = {
    $queryRaw: (query, ...values) => {
      statements.push((query as Sql).sql);
      return real.$queryRaw(query, ...values);
    },
    $executeRaw: (query, ...values) => real.$executeRaw(query, ...values),
  };
  await client.query(`CREATE TABLE tally (indicator_code text, year int, commune_code text, commune_valid_from date,
    province_code text, province_valid_from date, sex text NOT NULL, numerator int, denominator int)`);
  // Two communes with boys and girls; the third has no rows.
  await client.query(
    `INSERT INTO tally VALUES ('RATIO', 2025, $1, $3, $4, $3, 'MALE', 3, 10), ('RATIO', 2025, $1, $3, $4, $3, 'FEMALE', 5, 12),
                              ('RATIO', 2025, $2, $3, $4, $3, 'MALE', 7, 7), ('RATIO', 2024, $2, $3, $4, $3, 'FEMALE', 1, 9)`,
    [first!.code, second!.code, PROVINCE.validFrom, PROVINCE.code],
  );
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const TALLY = sql`${figureRows('tally', ['commune', 'province'])} t ON t.indicator_code = k.indicator AND t.year = k.year AND ${atUnit('t')}`;
/** The test indicator, its whole made from its split or computed on its own. */
const indicator = (wholeFromSplit: boolean): ComputedIndicators => ({
  RATIO: {
    sql: (
      keys,
    ) => sql`SELECT k.i, sum(t.numerator) AS numerator, sum(t.denominator) AS denominator, ${SOURCE}::text AS source
                         FROM ${keys} k JOIN ${TALLY} GROUP BY k.i`,
    bySexSql: (keys) => sql`SELECT k.i, t.sex, sum(t.numerator) AS numerator, sum(t.denominator) AS denominator
                              FROM ${keys} k JOIN ${TALLY} GROUP BY k.i, t.sex`,
    ...(wholeFromSplit ? { wholeFromSplit: { source: SOURCE } } : {}),
  },
});

const key = (unit: { code: string; validFrom: string }, year = 2025): IndicatorValueKey => ({
  indicatorCode: 'RATIO',
  year,
  unit,
});
const WHOLE_KEYS = [key(PROVINCE), key(first!), key(second!), key(withoutRows!), key(PROVINCE, 2024)];
const SPLIT_KEYS = [key(PROVINCE), key(first!), key(withoutRows!)];

describe.runIf(onPostgres).each([true, false])('figures and splits, the whole from the split: %s', (wholeFromSplit) => {
  it('reads what one tick asks of both loaders in one statement, with the figures each gives alone', async () => {
    statements.length = 0;
    const together = createFigureLoaders(db, indicator(wholeFromSplit), { reported: false });
    const [wholes, splits] = await Promise.all([
      together.values.loadMany(WHOLE_KEYS),
      together.bySex.loadMany(SPLIT_KEYS),
    ]);
    expect(statements).toHaveLength(1);
    if (wholeFromSplit) expect(statements[0]).toContain('GROUPING SETS');

    const apart = createFigureLoaders(db, indicator(wholeFromSplit), { reported: false });
    const alone = await apart.values.loadMany(WHOLE_KEYS);
    const splitAlone = await apart.bySex.loadMany(SPLIT_KEYS);
    expect(statements).toHaveLength(3);
    expect(wholes).toEqual(alone);
    expect(splits).toEqual(splitAlone);

    // The figures themselves: the province sums its communes, each sex its rows; no rows, no figure.
    const figure = (numerator: number, denominator: number) => ({
      numerator,
      denominator,
      source: SOURCE,
      reported: false,
    });
    expect(wholes).toEqual([figure(15, 29), figure(8, 22), figure(7, 7), null, figure(1, 9)]);
    expect(splits).toEqual([
      [
        { sex: 'MALE', numerator: 10, denominator: 17 },
        { sex: 'FEMALE', numerator: 5, denominator: 12 },
      ],
      [
        { sex: 'MALE', numerator: 3, denominator: 10 },
        { sex: 'FEMALE', numerator: 5, denominator: 12 },
      ],
      null,
    ]);
  });
});
