import DataLoader from 'dataloader';
import { aggregateByUnit, unitKeyString, type LocationLevel, type UnitKey } from '@ecd/database';
import type { PrismaClient } from '../generated/prisma/client.js';
import { DUE_BY_FIRST_BIRTHDAY } from '../domain/epi-schedule.js';

export interface HealthRatio {
  numerator: number;
  denominator: number;
}

export type UnitFigure = 'fullyImmunisedUnder1' | 'antenatalCare4Visits' | 'childrenReachedByHealthServices';

export interface FigureSql {
  /** Located table whose rows (alias `t`) form the denominator. */
  table: string;
  levels: readonly LocationLevel[];
  /** Which of the table's rows are in the denominator for the year given by the SQL expression `year`. */
  denominator: (year: string) => string;
  /** Which of those rows are in the numerator. */
  numerator: (year: string) => string;
}

export const yearStart = (year: string) => `make_date(${year}, 1, 1)`;
export const nextYearStart = (year: string) => `make_date(${year} + 1, 1, 1)`;
const dueVaccines = DUE_BY_FIRST_BIRTHDAY.map((v) => `'${v}'`).join(', ');

/**
 * Each figure as SQL over the health records. Numerators and denominators are counts of rows (children
 * or pregnancies), so a province's figure is the sum of its communes'.
 */
export const UNIT_FIGURES: Record<UnitFigure, FigureSql> = {
  // Children registered in the unit who turn 1 in the year; numerator: every dose due before the
  // first birthday given before it (a dose is recorded at most once per child).
  fullyImmunisedUnder1: {
    table: 'child_record',
    levels: ['commune', 'province'],
    denominator: (year) => `t.birth_date >= make_date(${year} - 1, 1, 1) AND t.birth_date < ${yearStart(year)}`,
    numerator: () => `(SELECT count(*) FROM immunisation i
                  WHERE i.child_record_id = t.id AND i.vaccine::text IN (${dueVaccines})
                    AND i.given_on < t.birth_date + interval '1 year') = ${DUE_BY_FIRST_BIRTHDAY.length}`,
  },
  // Pregnancies followed in the unit due to deliver in the year; numerator: at least 4 antenatal visits.
  antenatalCare4Visits: {
    table: 'pregnancy',
    levels: ['commune', 'district', 'province'],
    denominator: (year) => `t.expected_delivery_date >= ${yearStart(year)} AND t.expected_delivery_date < ${nextYearStart(year)}`,
    numerator: () => `(SELECT count(*) FROM antenatal_visit v WHERE v.pregnancy_id = t.id) >= 4`,
  },
  // Children registered in the unit who are 0-8 at some time in the year (born by its end, 9th
  // birthday after its start); numerator: at least one service in the year while 0-8.
  childrenReachedByHealthServices: {
    table: 'child_record',
    levels: ['commune', 'province'],
    denominator: (year) => `t.birth_date < ${nextYearStart(year)} AND t.birth_date + interval '9 years' > ${yearStart(year)}`,
    numerator: (year) => `EXISTS (SELECT 1 FROM health_service_contact c
                         WHERE c.child_record_id = t.id AND c.served_on >= ${yearStart(year)} AND c.served_on < ${nextYearStart(year)}
                           AND c.served_on < t.birth_date + interval '9 years')`,
  },
};

/** Batches one figure for one year over every unit of a request into one SQL statement. */
export function createUnitFigureLoader(prisma: PrismaClient, figure: UnitFigure, year: number) {
  const { table, levels, denominator, numerator } = UNIT_FIGURES[figure];
  return new DataLoader<UnitKey, HealthRatio, string>(
    async (keys) => {
      const rows = await aggregateByUnit<{ unit: string; group: null } & HealthRatio>(prisma, table, keys, {
        levels,
        filter: { sql: denominator('$3::int'), params: [year] },
        aggregates: { numerator: `count(*) FILTER (WHERE ${numerator('$3::int')})::int`, denominator: 'count(*)::int' },
      });
      return keys.map((k) => {
        const [row] = rows.get(unitKeyString(k)) ?? [];
        return { numerator: row?.numerator ?? 0, denominator: row?.denominator ?? 0 };
      });
    },
    { cacheKeyFn: unitKeyString },
  );
}
