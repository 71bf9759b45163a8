import DataLoader from 'dataloader';
import { aggregateByUnit, createUnitCountLoader, unitKeyString, type AggregateOptions, type UnitCount, type UnitKey } from '@ecd/database';
import { toIsoDate } from '@ecd/service-kit';
import type { PrismaClient } from './generated/prisma/client.js';
import { yearBounds } from './domain/rules.js';

/** Every located culture table has commune, district (2024 units) and province columns: a 2024 district rolls up its records. */
const LEVELS = ['commune', 'district', 'province'] as const;

/** One loader per distinct argument in a request, so each distinct argument costs one batched statement. */
function perArgument<L>(): (key: string, create: () => L) => L {
  const loaders = new Map<string, L>();
  return (key, create) => loaders.get(key) ?? loaders.set(key, create()).get(key)!;
}

/** A loader batching every unit asked in a request into one aggregateByUnit statement. */
function unitAggregateLoader<Row extends { unit: string; group: string | null }>(prisma: PrismaClient, table: string, options: AggregateOptions) {
  return new DataLoader<UnitKey, Row[], string>(
    async (keys) => {
      const rows = await aggregateByUnit<Row>(prisma, table, keys, { levels: LEVELS, ...options });
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

export function createLoaders(prisma: PrismaClient) {
  const facilitiesByYear = perArgument<DataLoader<UnitKey, UnitCount[], string>>();
  const activitiesByYear = perArgument<DataLoader<UnitKey, ActivityTotals[], string>>();
  const outreachByYear = perArgument<DataLoader<UnitKey, OutreachTotals[], string>>();
  return {
    /** Facilities per unit, split by whether they serve children; with a year, those open by its end (or opening unknown). */
    facilityCountsByChildService: (year: number | null) =>
      facilitiesByYear(String(year), () =>
        createUnitCountLoader(prisma, 'cultural_facility', {
          groupBy: 'serves_children',
          levels: LEVELS,
          ...(year === null ? {} : { filter: { sql: '(t.opened_on IS NULL OR t.opened_on < $3::date)', params: [toIsoDate(yearBounds(year).end)] } }),
        }),
      ),
    /** Activities for children held in a year, and the children taking part. */
    childActivities: (year: number) =>
      activitiesByYear(String(year), () =>
        unitAggregateLoader<ActivityTotals>(prisma, 'child_activity', {
          aggregates: {
            activity_count: 'count(*)::int',
            child_participations: 'sum(t.children_count)::int',
            aged_0_to_2: 'coalesce(sum(t.aged0_to2), 0)::int',
            aged_3_to_5: 'coalesce(sum(t.aged3_to5), 0)::int',
            aged_6_to_8: 'coalesce(sum(t.aged6_to8), 0)::int',
          },
          filter: { sql: 't.held_on >= $3::date AND t.held_on < $4::date', params: [toIsoDate(yearBounds(year).start), toIsoDate(yearBounds(year).end)] },
        }),
      ),
    /** Family-life education sessions and communication campaigns whose period ends in a year, per kind, with their reach. */
    outreach: (year: number) =>
      outreachByYear(String(year), () =>
        unitAggregateLoader<OutreachTotals>(prisma, 'outreach', {
          groupBy: 'kind',
          aggregates: {
            outreach_count: 'count(*)::int',
            people_reached: 'sum(t.people_reached)::int',
            parents_reached: 'sum(t.parents_reached)::int',
          },
          filter: { sql: 't.date_to >= $3::date AND t.date_to < $4::date', params: [toIsoDate(yearBounds(year).start), toIsoDate(yearBounds(year).end)] },
        }),
      ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
