import DataLoader from 'dataloader';

import {
  aggregateByUnit,
  communeFigureColumns,
  communeSexFigureColumns,
  createFigureLoaders,
  earlierFigures,
  figureKeyOf,
  loaderPerArgument,
  sql,
  type FigureCache,
  type FigureReference,
  type LocationLevel,
  type Sql,
  type SqlQueryable,
} from '@ecd/database';
import { indicatorsOwnedBy } from '@ecd/reference-data';
import { rejectArgument, todayInVietnam, unitKeyString, yearProblems, type UnitKey } from '@ecd/service-kit';

import { HEALTH_COMPUTED } from './tallies.js';

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
  /** Which of the table's rows are in the denominator for the year `year`. */
  denominator: (year: Sql) => Sql;
  /** Which of those rows are in the numerator. */
  numerator: (year: Sql) => Sql;
}

/**
 * Each figure as SQL over the health records. Numerators and denominators are counts of rows (children
 * or pregnancies), so a province's figure is the sum of its communes'.
 */
export const UNIT_FIGURES: Record<UnitFigure, FigureSql> = {
  // Pregnancies followed in the unit due to deliver in the year; numerator: at least 4 antenatal visits.
  antenatalCare4Visits: {
    table: 'pregnancy',
    levels: ['commune', 'district', 'province'],
    denominator: (year) =>
      sql`t.expected_delivery_date >= make_date(${year}, 1, 1) AND t.expected_delivery_date < make_date(${year} + 1, 1, 1)`,
    numerator: () => sql`(SELECT count(*) FROM antenatal_visit v WHERE v.pregnancy_id = t.id) >= 4`,
  },
};

/** Batches one figure for one year over every unit of a request into one SQL statement. */
function createUnitFigureLoader(db: SqlQueryable, figure: UnitFigure, year: number) {
  const { table, levels, denominator, numerator } = UNIT_FIGURES[figure];
  const yearParameter = sql`${year}::int`;
  return new DataLoader<UnitKey, HealthRatio, string>(
    async (keys) => {
      const rows = await aggregateByUnit<{ unit: string; group: null } & HealthRatio>(db, table, keys, {
        levels,
        filter: denominator(yearParameter),
        aggregates: {
          numerator: sql`count(*) FILTER (WHERE ${numerator(yearParameter)})::int`,
          denominator: sql`count(*)::int`,
        },
      });
      return keys.map((k) => {
        const [row] = rows.get(unitKeyString(k)) ?? [];
        return { numerator: row?.numerator ?? 0, denominator: row?.denominator ?? 0 };
      });
    },
    { cacheKeyFn: unitKeyString },
  );
}

const HEALTH_INDICATORS = indicatorsOwnedBy('HEALTH');

/** A year a unit's figure is asked for: from the oldest unit list to next year (pregnancies due next year are already followed). */
function checkedYear(year: number): number {
  const [problem] = yearProblems('year', year, todayInVietnam());
  if (problem) rejectArgument(problem);
  return year;
}

/**
 * The figures health gives: the indicators it owns (from the running totals of its records; it takes
 * no aggregate figures), split by sex too, and the per-unit figures no indicator reads. Every figure of
 * a request costs one batched statement per kind (and per year for the unit figures).
 */
export function figureData(db: SqlQueryable, cache: FigureCache | undefined) {
  const owned = (progress: FigureReference) => HEALTH_INDICATORS.has(progress.indicatorCode);
  const { values: indicatorValue, bySex: indicatorValueBySex } = createFigureLoaders(db, HEALTH_COMPUTED, {
    reported: false,
    cache,
  });
  const unitFigures = loaderPerArgument<DataLoader<UnitKey, HealthRatio, string>>();
  /** A per-unit health figure for a year that no indicator reads (antenatalCare4Visits). */
  const unitFigure = (figure: UnitFigure, year: number) =>
    unitFigures(`${figure}:${year}`, () => createUnitFigureLoader(db, figure, year));
  return {
    indicatorValue,
    indicatorValueBySex,
    unitFigure,
    /** The figure a TargetProgress entity asks health for (null for an indicator health does not own). */
    ofProgress: (progress: FigureReference) => (owned(progress) ? indicatorValue.load(figureKeyOf(progress)) : null),
    /** The same figure split by the child's sex. */
    bySexOfProgress: (progress: FigureReference) =>
      owned(progress) ? indicatorValueBySex.load(figureKeyOf(progress)) : null,
    /** Its figures for the same indicator and unit in the earlier years (for the target's baseline). */
    earlierOfProgress: (progress: FigureReference) =>
      owned(progress) ? earlierFigures(indicatorValue, progress) : null,
    /** With `byCommune`, the figure in each commune of the unit, batched with the rest, as columns. */
    communesOfProgress: (progress: FigureReference) =>
      owned(progress) ? communeFigureColumns(indicatorValue, progress) : null,
    /** The same by sex. */
    communesBySexOfProgress: (progress: FigureReference) =>
      owned(progress) ? communeSexFigureColumns(indicatorValueBySex, progress) : null,
    /** An indicator health owns as a unit field shows it, for a year of the unit lists: 0 / 0 when the unit has no records that year. */
    async indicatorRatio(indicatorCode: string, unit: UnitKey, year: number): Promise<HealthRatio> {
      const figure = await indicatorValue.load({ indicatorCode, year: checkedYear(year), unit });
      return { numerator: figure?.numerator ?? 0, denominator: figure?.denominator ?? 0 };
    },
    /** A unit figure for a year of the unit lists. */
    unitRatio: (figure: UnitFigure, unit: UnitKey, year: number) => unitFigure(figure, checkedYear(year)).load(unit),
  };
}
