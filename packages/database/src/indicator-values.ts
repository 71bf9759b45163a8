import DataLoader from 'dataloader';
import { unitKeyString, type UnitKey } from './unit-rollup.js';

interface RawQueryable {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** One figure a sector is asked for: an indicator in a unit (any level) in a year. */
export interface IndicatorValueKey {
  indicatorCode: string;
  year: number;
  unit: UnitKey;
}

/** What the sector holds for it: sums over its recorded values, never averaged percentages. */
export interface SectorValue {
  numerator: number;
  denominator: number | null;
  source: string;
}

const keyString = (key: IndicatorValueKey) => `${key.indicatorCode}|${key.year}|${unitKeyString(key.unit)}`;

// Every figure of a request in one statement: a row of the table counts for a unit when the unit is
// its commune, its district or its province.
const SUM_SQL = `
  SELECT k.i, sum(t.numerator)::float8 AS numerator, sum(t.denominator)::float8 AS denominator,
         count(t.denominator)::int AS with_denominator, count(*)::int AS values,
         string_agg(DISTINCT t.source, '; ' ORDER BY t.source) AS source
    FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::date[]) AS k(i, indicator, year, code, valid_from)
    JOIN indicator_value t ON t.indicator_code = k.indicator AND t.year = k.year
     AND (   (t.commune_code = k.code AND t.commune_valid_from = k.valid_from)
          OR (t.district_code = k.code AND t.district_valid_from = k.valid_from)
          OR (t.province_code = k.code AND t.province_valid_from = k.valid_from))
   GROUP BY k.i`;

/** Batches every figure asked in a request into one SQL statement on the sector's `indicator_value`. */
export function createIndicatorValueLoader(db: RawQueryable) {
  return new DataLoader<IndicatorValueKey, SectorValue | null, string>(
    async (keys) => {
      const rows = await db.$queryRawUnsafe<{ i: number; numerator: number; denominator: number | null; with_denominator: number; values: number; source: string }[]>(
        SUM_SQL,
        keys.map((_, i) => i),
        keys.map((k) => k.indicatorCode),
        keys.map((k) => k.year),
        keys.map((k) => k.unit.code),
        keys.map((k) => k.unit.validFrom),
      );
      const byIndex = new Map(rows.map((r) => [r.i, r]));
      return keys.map((_, i) => {
        const row = byIndex.get(i);
        if (!row) return null;
        // A ratio needs every value's denominator; a count has none.
        return { numerator: row.numerator, denominator: row.with_denominator === row.values ? row.denominator : null, source: row.source };
      });
    },
    { cacheKeyFn: keyString },
  );
}
