import type { ComputedIndicator, ComputedIndicators } from '@ecd/database';
import { UNIT_FIGURES, nextYearStart, yearStart, type FigureSql } from './unit-figures.js';

/** Measurements taken in the year whose length/height-for-age z-score is valid; numerator: stunted (below -2 SD). */
const STUNTING: FigureSql = {
  table: 'growth_measurement',
  levels: ['commune', 'province'],
  denominator: (year) => `t.measured_on >= ${yearStart(year)} AND t.measured_on < ${nextYearStart(year)} AND t.stunting IS NOT NULL`,
  numerator: () => `t.stunting <> 'NONE'`,
};

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * A per-unit figure as a registry indicator: counted per requested unit and year, one join per
 * location level on equal columns (an OR across levels would keep PostgreSQL from using the location
 * indexes on tables of a million children), the levels' counts added per key.
 */
function indicatorFrom({ table, levels, denominator, numerator }: FigureSql, source: string): ComputedIndicator {
  return {
    sql: (keys) => `
      SELECT i, sum(numerator) AS numerator, sum(denominator) AS denominator, ${sqlString(source)} AS source
        FROM (${levels
          .map(
            (level) => `
          SELECT k.i, count(*) FILTER (WHERE ${numerator('k.year')}) AS numerator, count(*) AS denominator
            FROM ${keys} k JOIN ${table} t ON t.${level}_code = k.code AND t.${level}_valid_from = k.valid_from
           WHERE ${denominator('k.year')}
           GROUP BY k.i`,
          )
          .join(' UNION ALL ')}) AS per_level
       GROUP BY i`,
  };
}

/** The registry indicators health owns (apps/ldtbxh/data/indicators.yaml), each computed from its records. */
export const HEALTH_COMPUTED: ComputedIndicators = {
  UNDER5_STUNTING: indicatorFrom(STUNTING, 'Sổ theo dõi tăng trưởng của trạm y tế (cân đo)'),
  UNDER1_FULLY_IMMUNISED: indicatorFrom(UNIT_FIGURES.fullyImmunisedUnder1, 'Sổ tiêm chủng của trạm y tế'),
  CHILDREN_0_8_REACHED_HEALTH_SERVICES: indicatorFrom(UNIT_FIGURES.childrenReachedByHealthServices, 'Sổ quản lý trẻ em và sổ dịch vụ của trạm y tế'),
};
