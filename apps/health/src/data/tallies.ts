import { z } from 'zod';

import {
  atUnit,
  column,
  execute,
  figureRows,
  identifier,
  join,
  queryRows,
  sql,
  type ComputedIndicators,
  type Sql,
  type SqlQueryable,
} from '@ecd/database';
import type { Logger } from '@ecd/service-kit';

import { DUE_BY_FIRST_BIRTHDAY } from '../domain/epi-schedule.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

/** The client or the transaction a statement runs in. */
export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The indicators health owns (packages/reference-data/data/indicators.yaml), kept as running totals per commune
 * and year in `health_figure_tally`. Their definitions, over the records:
 * - UNDER5_STUNTING, year of measurement: measurements with a valid length/height-for-age z-score;
 *   numerator: stunted (below -2 SD).
 * - UNDER1_FULLY_IMMUNISED, the year a child turns 1: registered children born the year before;
 *   numerator: every dose due before the first birthday given before it.
 * - CHILDREN_0_8_REACHED_HEALTH_SERVICES, each year a registered child is 0-8 at some time; numerator:
 *   at least one service that year while 0-8.
 * `rebuildTallies` computes them from the records in one pass; the `after…` functions add what one new
 * record changes, in the transaction that writes it, so the totals stay live.
 */
export const TALLIED_INDICATORS = {
  UNDER5_STUNTING: 'Sổ theo dõi tăng trưởng của trạm y tế (cân đo)',
  UNDER1_FULLY_IMMUNISED: 'Sổ tiêm chủng của trạm y tế',
  CHILDREN_0_8_REACHED_HEALTH_SERVICES: 'Sổ quản lý trẻ em và sổ dịch vụ của trạm y tế',
} as const;

/** The doses due by the first birthday, bound as one `text[]` parameter. */
const DUE: string[] = [...DUE_BY_FIRST_BIRTHDAY];
/** The columns a total is kept by besides indicator and year: the record's commune (and province) and the child's sex. */
const TALLY_KEY = ['commune_code', 'commune_valid_from', 'province_code', 'province_valid_from', 'sex'] as const;
const tallyKey = (alias?: string) => join(TALLY_KEY.map((name) => (alias ? column(alias, name) : identifier(name))));
const byFirstBirthday = (dose: string, child: string) =>
  sql`${column(dose, 'vaccine')}::text = ANY(${DUE}::text[]) AND ${column(dose, 'given_on')} < ${column(child, 'birth_date')} + interval '1 year'`;
const beforeNinthBirthday = (day: Sql, child: string) =>
  sql`${day} < ${column(child, 'birth_date')} + interval '9 years'`;
const birthYear = (child: string) => sql`extract(year FROM ${column(child, 'birth_date')})::int`;

/** Adds the rows of `select` (indicator_code, year, the tally key, numerator, denominator) to the totals. */
const addTo = (select: Sql) => sql`
  INSERT INTO health_figure_tally (indicator_code, year, ${tallyKey()}, numerator, denominator)
  ${select}
  ON CONFLICT (indicator_code, year, commune_code, commune_valid_from, sex)
  DO UPDATE SET numerator = health_figure_tally.numerator + EXCLUDED.numerator,
                denominator = health_figure_tally.denominator + EXCLUDED.denominator`;

/** The years a child born on `birth_date` is 0-8 at some time of. */
const yearsAged0To8 = (child: string) =>
  sql`generate_series(${birthYear(child)}, ${birthYear(child)} + 9) AS y(year) WHERE ${beforeNinthBirthday(sql`make_date(y.year, 1, 1)`, child)}`;

const REBUILD = [
  sql`DELETE FROM health_figure_tally`,
  addTo(sql`
    SELECT 'UNDER5_STUNTING', extract(year FROM measured_on)::int, ${tallyKey()},
           count(*) FILTER (WHERE stunting <> 'NONE'), count(*)
      FROM growth_measurement WHERE stunting IS NOT NULL
     GROUP BY 2, 3, 4, 5, 6, 7
    UNION ALL
    SELECT 'UNDER1_FULLY_IMMUNISED', ${birthYear('c')} + 1, ${tallyKey('c')},
           count(*) FILTER (WHERE d.due = ${DUE.length}), count(*)
      FROM child_record c
      LEFT JOIN (SELECT i.child_record_id, count(*) AS due FROM immunisation i JOIN child_record b ON b.id = i.child_record_id
                  WHERE ${byFirstBirthday('i', 'b')} GROUP BY i.child_record_id) d ON d.child_record_id = c.id
     GROUP BY 2, 3, 4, 5, 6, 7
    UNION ALL
    SELECT 'CHILDREN_0_8_REACHED_HEALTH_SERVICES', y.year, ${tallyKey('c')},
           count(*) FILTER (WHERE r.child_record_id IS NOT NULL), count(*)
      FROM child_record c
      CROSS JOIN LATERAL (SELECT year FROM ${yearsAged0To8('c')}) y
      LEFT JOIN (SELECT DISTINCT s.child_record_id, extract(year FROM s.served_on)::int AS year
                   FROM health_service_contact s JOIN child_record b ON b.id = s.child_record_id
                  WHERE ${beforeNinthBirthday(sql`s.served_on`, 'b')}) r ON r.child_record_id = c.id AND r.year = y.year
     GROUP BY 2, 3, 4, 5, 6, 7`),
];

/** Recomputes every total from the records: after a bulk load, or on the first start after the table appeared. */
export async function rebuildTallies(db: Db): Promise<void> {
  for (const statement of REBUILD) await execute(db, statement);
}

const tallyState = z.object({ tallied: z.boolean(), recorded: z.boolean() });

/** Builds the totals when the records exist but the totals do not (a database from before them). */
export async function ensureTallies(prisma: PrismaClient, logger: Logger): Promise<void> {
  const [state] = await queryRows(
    prisma,
    tallyState,
    sql`SELECT EXISTS (SELECT 1 FROM health_figure_tally) AS tallied,
               EXISTS (SELECT 1 FROM child_record) OR EXISTS (SELECT 1 FROM growth_measurement) AS recorded`,
  );
  if (!state || state.tallied || !state.recorded) return;
  await prisma.$transaction((tx) => rebuildTallies(tx), { timeout: 600_000 });
  logger.info('health indicator totals rebuilt from the records');
}

/** Locks a child's row until the transaction ends, so two records of the same child are tallied one after the other. */
const lockChild = (db: Db, childRecordId: string) =>
  execute(db, sql`SELECT 1 FROM child_record WHERE id = ${childRecordId}::uuid FOR UPDATE`);

/** A child registered: it joins its cohort's and its years' denominators. Runs in the registering transaction. */
export const afterChildRegistered = (db: Db, childRecordId: string) =>
  execute(
    db,
    addTo(sql`
      SELECT 'UNDER1_FULLY_IMMUNISED', ${birthYear('c')} + 1, ${tallyKey()}, 0, 1 FROM child_record c WHERE c.id = ${childRecordId}::uuid
      UNION ALL
      SELECT 'CHILDREN_0_8_REACHED_HEALTH_SERVICES', y.year, ${tallyKey()}, 0, 1
        FROM child_record c CROSS JOIN LATERAL (SELECT year FROM ${yearsAged0To8('c')}) y WHERE c.id = ${childRecordId}::uuid`),
  );

/** A measurement recorded: it counts in its year when its length/height-for-age is valid. */
export const afterMeasurementRecorded = (db: Db, measurementId: string) =>
  execute(
    db,
    addTo(sql`
      SELECT 'UNDER5_STUNTING', extract(year FROM measured_on)::int, ${tallyKey()}, (stunting <> 'NONE')::int, 1
        FROM growth_measurement WHERE id = ${measurementId}::uuid AND stunting IS NOT NULL`),
  );

/** The stunting totals of many measurements, summed per year, commune and sex (a file imported). */
export interface StuntingTally {
  year: number;
  communeCode: string;
  communeValidFrom: string;
  provinceCode: string;
  provinceValidFrom: string;
  sex: 'MALE' | 'FEMALE';
  numerator: number;
  denominator: number;
}

/** Adds the totals of measurements written in bulk, in their transaction: one statement, whatever the number of rows. */
export const addStuntingTallies = (db: SqlQueryable, tallies: readonly StuntingTally[]) =>
  tallies.length
    ? execute(
        db,
        addTo(sql`
      SELECT 'UNDER5_STUNTING', t.year, t.commune_code, t.commune_valid_from, t.province_code, t.province_valid_from,
             t.sex::"Sex", t.numerator, t.denominator
        FROM jsonb_to_recordset(${JSON.stringify(
          tallies.map((t) => ({
            year: t.year,
            commune_code: t.communeCode,
            commune_valid_from: t.communeValidFrom,
            province_code: t.provinceCode,
            province_valid_from: t.provinceValidFrom,
            sex: t.sex,
            numerator: t.numerator,
            denominator: t.denominator,
          })),
        )}::jsonb)
          AS t(year int, commune_code text, commune_valid_from date, province_code text, province_valid_from date,
               sex text, numerator int, denominator int)`),
      )
    : Promise.resolve(0);

/**
 * A dose recorded: the child counts as fully immunised when this dose completes the doses due by the
 * first birthday. The child's row is locked first, so two doses recorded at once cannot both miss it.
 */
export async function afterDoseRecorded(db: Db, childRecordId: string, doseId: string): Promise<void> {
  await lockChild(db, childRecordId);
  await execute(
    db,
    addTo(sql`
      SELECT 'UNDER1_FULLY_IMMUNISED', ${birthYear('c')} + 1, ${tallyKey('c')}, 1, 0
        FROM child_record c JOIN immunisation i ON i.id = ${doseId}::uuid AND i.child_record_id = c.id
       WHERE c.id = ${childRecordId}::uuid AND ${byFirstBirthday('i', 'c')}
         AND (SELECT count(*) FROM immunisation x WHERE x.child_record_id = c.id AND ${byFirstBirthday('x', 'c')}) = ${DUE.length}`),
  );
}

/** A service recorded: the child counts as reached in its year if this is its first service that year while 0-8. */
export async function afterServiceRecorded(db: Db, childRecordId: string, contactId: string): Promise<void> {
  await lockChild(db, childRecordId);
  await execute(
    db,
    addTo(sql`
      SELECT 'CHILDREN_0_8_REACHED_HEALTH_SERVICES', extract(year FROM s.served_on)::int,
             ${tallyKey('c')}, 1, 0
        FROM child_record c JOIN health_service_contact s ON s.id = ${contactId}::uuid AND s.child_record_id = c.id
       WHERE c.id = ${childRecordId}::uuid AND ${beforeNinthBirthday(sql`s.served_on`, 'c')}
         AND NOT EXISTS (SELECT 1 FROM health_service_contact x
                          WHERE x.child_record_id = c.id AND x.id <> s.id AND ${beforeNinthBirthday(sql`x.served_on`, 'c')}
                            AND x.served_on >= date_trunc('year', s.served_on) AND x.served_on < date_trunc('year', s.served_on) + interval '1 year')`),
  );
}

const TALLY_AT_UNIT = sql`${figureRows('health_figure_tally', ['commune', 'province'])} t ON t.indicator_code = k.indicator AND t.year = k.year AND ${atUnit('t')}`;

/**
 * Each tallied indicator for any set of units, and split by sex: the sum of the totals of the communes in each
 * unit. Every total is kept by the child's sex, so a figure is the sum of its split (`wholeFromSplit`).
 */
export const HEALTH_COMPUTED: ComputedIndicators = Object.fromEntries(
  Object.entries(TALLIED_INDICATORS).map(([code, source]) => [
    code,
    {
      sql: (keys: Sql) => sql`
        SELECT k.i, sum(t.numerator) AS numerator, sum(t.denominator) AS denominator, ${source}::text AS source
          FROM ${keys} k
          JOIN ${TALLY_AT_UNIT}
         GROUP BY k.i`,
      bySexSql: (keys: Sql) => sql`
        SELECT k.i, t.sex, sum(t.numerator) AS numerator, sum(t.denominator) AS denominator
          FROM ${keys} k
          JOIN ${TALLY_AT_UNIT}
         GROUP BY k.i, t.sex`,
      wholeFromSplit: { source },
    },
  ]),
);
