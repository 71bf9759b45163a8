import DataLoader from 'dataloader';

import {
  aggregateByUnit,
  column,
  createUnitCountLoader,
  loaderPerArgument,
  sql,
  type AggregateOptions,
  type SqlQueryable,
  type UnitCount,
} from '@ecd/database';
import { rejectArgument, todayInVietnam, toIsoDate, unitKeyString, type UnitKey } from '@ecd/service-kit';

import type { OutreachKind } from '../domain/labels.js';
import { yearArgumentProblems, yearBounds } from '../domain/rules.js';

/** Every located culture table has commune, district (2024 units) and province columns: a 2024 district rolls up its records. */
export const LEVELS = ['commune', 'district', 'province'] as const;

/** A loader batching every unit asked in a request into one aggregateByUnit statement. */
function unitAggregateLoader<Row extends { unit: string; group: string | null }>(
  db: SqlQueryable,
  table: string,
  options: AggregateOptions,
) {
  return new DataLoader<UnitKey, Row[], string>(
    async (keys) => {
      const rows = await aggregateByUnit<Row>(db, table, keys, { levels: LEVELS, ...options });
      return keys.map((k) => rows.get(unitKeyString(k)) ?? []);
    },
    { cacheKeyFn: unitKeyString },
  );
}

export interface ActivityTotals {
  unit: string;
  group: string | null;
  activity_count: number;
  child_participations: number;
  aged_0_to_2: number;
  aged_3_to_5: number;
  aged_6_to_8: number;
}

export interface OutreachTotals {
  unit: string;
  /** The outreach kind. */
  group: string | null;
  outreach_count: number;
  people_reached: number;
  parents_reached: number;
}

/** The days of a year as a condition on a date column of the table's rows (alias `t`). */
const inYear = (day: 'held_on' | 'date_to', year: number) => {
  const { start, end } = yearBounds(year);
  return sql`${column('t', day)} >= ${toIsoDate(start)}::date AND ${column('t', day)} < ${toIsoDate(end)}::date`;
};

/**
 * The per-unit figures' DataLoaders: one per distinct year of a request, each batching every unit
 * asked into one statement.
 */
export function unitFigureLoaders(db: SqlQueryable) {
  const facilitiesByYear = loaderPerArgument<DataLoader<UnitKey, UnitCount[], string>>();
  const activitiesByYear = loaderPerArgument<DataLoader<UnitKey, ActivityTotals[], string>>();
  const outreachByYear = loaderPerArgument<DataLoader<UnitKey, OutreachTotals[], string>>();
  return {
    /** Facilities per unit, split by whether they serve children; with a year, those open by its end (or opening unknown). */
    facilityCountsByChildService: (year: number | null) =>
      facilitiesByYear(String(year), () =>
        createUnitCountLoader(db, 'cultural_facility', {
          groupBy: 'serves_children',
          levels: LEVELS,
          ...(year === null
            ? {}
            : { filter: sql`(t.opened_on IS NULL OR t.opened_on < ${toIsoDate(yearBounds(year).end)}::date)` }),
        }),
      ),
    /** Activities for children held in a year, and the children taking part. */
    childActivities: (year: number) =>
      activitiesByYear(String(year), () =>
        unitAggregateLoader<ActivityTotals>(db, 'child_activity', {
          aggregates: {
            activity_count: sql`count(*)::int`,
            child_participations: sql`sum(t.children_count)::int`,
            aged_0_to_2: sql`coalesce(sum(t.aged0_to2), 0)::int`,
            aged_3_to_5: sql`coalesce(sum(t.aged3_to5), 0)::int`,
            aged_6_to_8: sql`coalesce(sum(t.aged6_to8), 0)::int`,
          },
          filter: inYear('held_on', year),
        }),
      ),
    /** Family-life education sessions and communication campaigns whose period ends in a year, per kind, with their reach. */
    outreach: (year: number) =>
      outreachByYear(String(year), () =>
        unitAggregateLoader<OutreachTotals>(db, 'outreach', {
          groupBy: 'kind',
          aggregates: {
            outreach_count: sql`count(*)::int`,
            people_reached: sql`sum(t.people_reached)::int`,
            parents_reached: sql`sum(t.parents_reached)::int`,
          },
          filter: inYear('date_to', year),
        }),
      ),
  };
}

/** A year argument out of range is a typed error (the field is then null). */
function checkedYear<Y extends number | null | undefined>(year: Y): Y {
  const [found] = yearArgumentProblems(year, todayInVietnam());
  if (found) rejectArgument(found);
  return year;
}

export type UnitFigureLoaders = ReturnType<typeof unitFigureLoaders>;

/** The culture figures of an administrative unit (any level) for a year, every unit of a request in one statement per figure. */
export function unitFigureData(loaders: UnitFigureLoaders) {
  const facilityCounts = (unit: UnitKey, year: number | null | undefined) =>
    loaders.facilityCountsByChildService(checkedYear(year) ?? null).load(unit);
  return {
    /** Facilities in the unit (with a year: open by its end, or opening unknown). */
    facilityCount: async (unit: UnitKey, year: number | null | undefined) =>
      (await facilityCounts(unit, year)).reduce((sum, row) => sum + row.count, 0),

    /** Of which serve children. */
    childFriendlyFacilityCount: async (unit: UnitKey, year: number | null | undefined) =>
      (await facilityCounts(unit, year)).find((row) => row.group === 'true')?.count ?? 0,

    /** Activities for children held in the year, and the children taking part (by age band where counted). */
    async childActivities(unit: UnitKey, year: number) {
      const [row] = await loaders.childActivities(checkedYear(year)).load(unit);
      return {
        activityCount: row?.activity_count ?? 0,
        childParticipations: row?.child_participations ?? 0,
        aged0To2: row?.aged_0_to_2 ?? 0,
        aged3To5: row?.aged_3_to_5 ?? 0,
        aged6To8: row?.aged_6_to_8 ?? 0,
      };
    },

    /** Sessions or campaigns (`kind`) whose period ends in the year, and the people they reached. */
    async reach(unit: UnitKey, year: number, kind: OutreachKind) {
      const row = (await loaders.outreach(checkedYear(year)).load(unit)).find((r) => r.group === kind);
      return {
        count: row?.outreach_count ?? 0,
        peopleReached: row?.people_reached ?? 0,
        parentsReached: row?.parents_reached ?? 0,
      };
    },
  };
}
