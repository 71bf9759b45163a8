import DataLoader from 'dataloader';
import { createIndicatorValueLoader, createSexFigureLoader, createUnitCountLoader, type UnitCount, type UnitKey } from '@ecd/database';
import { toIsoDate } from '@ecd/service-kit';
import type { ChildRecord, HealthStation, PrismaClient } from './generated/prisma/client.js';
import { birthDateWindow } from './domain/age.js';
import { createGrowthStatusLoader, type GrowthStatusSummary, type MeasuredBetween } from './growth/growth-status.js';
import { rowsByParent } from './records/by-parent.js';
import { HEALTH_COMPUTED } from './records/tallies.js';
import { createUnitFigureLoader, type HealthRatio, type UnitFigure } from './records/unit-figures.js';

/** One loader per distinct argument in a request, so each distinct argument costs one batched statement. */
function perArgument<L>(): (key: string, create: () => L) => L {
  const loaders = new Map<string, L>();
  return (key, create) => loaders.get(key) ?? loaders.set(key, create()).get(key)!;
}

export function createLoaders(prisma: PrismaClient) {
  const childrenByDay = perArgument<DataLoader<UnitKey, UnitCount[], string>>();
  const growthByPeriod = perArgument<DataLoader<UnitKey, GrowthStatusSummary, string>>();
  const figures = perArgument<DataLoader<UnitKey, HealthRatio, string>>();
  const day = (date: Date | null) => (date ? toIsoDate(date) : '');
  const byDate = <T extends 'givenOn' | 'measuredOn' | 'servedOn' | 'visitedOn'>(field: T) => [{ [field]: 'asc' }, { id: 'asc' }] as ({ [K in T]: 'asc' } | { id: 'asc' })[];
  return {
    stationCount: createUnitCountLoader(prisma, 'health_station'),
    /** The indicators health owns, per unit and year, from the running totals of its records (it takes no aggregates). */
    indicatorValue: createIndicatorValueLoader(prisma, HEALTH_COMPUTED, { reported: false }),
    /** The same figures split by the child's sex. */
    indicatorValueBySex: createSexFigureLoader(prisma, HEALTH_COMPUTED),
    /** Children aged 0-8 on a day. */
    childrenAged0To8: (asOf: Date) =>
      childrenByDay(day(asOf), () => {
        const { bornAfter, bornOnOrBefore } = birthDateWindow(asOf, 0, 8);
        return createUnitCountLoader(prisma, 'child_record', {
          filter: { sql: 't.birth_date > $3::date AND t.birth_date <= $4::date', params: [bornAfter, bornOnOrBefore] },
        });
      }),
    /** Growth status of the children under 5 measured in a period. */
    growthStatus: (period: MeasuredBetween) =>
      growthByPeriod(`${day(period.from)}..${day(period.to)}`, () => createGrowthStatusLoader(prisma, period)),
    /** A per-unit health figure for a year that no indicator reads (antenatalCare4Visits). */
    unitFigure: (figure: UnitFigure, year: number) => figures(`${figure}:${year}`, () => createUnitFigureLoader(prisma, figure, year)),
    /** The child record holding a federation key. */
    childRecordByKey: new DataLoader<string, ChildRecord | null>(async (keys) => {
      const records = await prisma.childRecord.findMany({ where: { childKey: { in: [...keys] } } });
      const byKey = new Map(records.map((r) => [r.childKey, r]));
      return keys.map((key) => byKey.get(key) ?? null);
    }),
    immunisationsOfChild: rowsByParent(
      (ids) => prisma.immunisation.findMany({ where: { childRecordId: { in: ids } }, orderBy: byDate('givenOn') }),
      (row) => row.childRecordId,
    ),
    growthOfChild: rowsByParent(
      (ids) => prisma.growthMeasurement.findMany({ where: { childRecordId: { in: ids } }, orderBy: byDate('measuredOn') }),
      (row) => row.childRecordId,
    ),
    serviceContactsOfChild: rowsByParent(
      (ids) => prisma.healthServiceContact.findMany({ where: { childRecordId: { in: ids } }, orderBy: byDate('servedOn') }),
      (row) => row.childRecordId,
    ),
    visitsOfPregnancy: rowsByParent(
      (ids) => prisma.antenatalVisit.findMany({ where: { pregnancyId: { in: ids } }, orderBy: byDate('visitedOn') }),
      (row) => row.pregnancyId,
    ),
    station: new DataLoader<string, HealthStation | null>(async (ids) => {
      const stations = await prisma.healthStation.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(stations.map((s) => [s.id, s]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
