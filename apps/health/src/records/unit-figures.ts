import DataLoader from 'dataloader';
import { aggregateByUnit, unitKeyString, type LocationLevel, type UnitKey } from '@ecd/database';
import type { PrismaClient } from '../generated/prisma/client.js';

export interface HealthRatio {
  numerator: number;
  denominator: number;
}

/** Figures of health's records that no registry indicator reads (those are tallied: tallies.ts). */
export type UnitFigure = 'antenatalCare4Visits';

interface FigureSql {
  /** Located table whose rows (alias `t`) form the denominator. */
  table: string;
  levels: readonly LocationLevel[];
  /** Which of the table's rows are in the denominator for the year given by the SQL expression `year`. */
  denominator: (year: string) => string;
  /** Which of those rows are in the numerator. */
  numerator: (year: string) => string;
}

const yearStart = (year: string) => `make_date(${year}, 1, 1)`;
const nextYearStart = (year: string) => `make_date(${year} + 1, 1, 1)`;

/**
 * Each figure as SQL over the health records. Numerators and denominators are counts of rows (children
 * or pregnancies), so a province's figure is the sum of its communes'.
 */
export const UNIT_FIGURES: Record<UnitFigure, FigureSql> = {
  // Pregnancies followed in the unit due to deliver in the year; numerator: at least 4 antenatal visits.
  antenatalCare4Visits: {
    table: 'pregnancy',
    levels: ['commune', 'district', 'province'],
    denominator: (year) => `t.expected_delivery_date >= ${yearStart(year)} AND t.expected_delivery_date < ${nextYearStart(year)}`,
    numerator: () => `(SELECT count(*) FROM antenatal_visit v WHERE v.pregnancy_id = t.id) >= 4`,
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
