import type DataLoader from 'dataloader';
import { createUnitCountLoader, type UnitCount, type UnitKey } from '@ecd/database';
import { toIsoDate } from '@ecd/service-kit';
import type { PrismaClient } from './generated/prisma/client.js';
import { birthDateWindow } from './domain/age.js';
import { createGrowthStatusLoader, type GrowthStatusSummary, type MeasuredBetween } from './growth/growth-status.js';

/** One loader per distinct argument in a request, so each distinct argument costs one batched statement. */
function perArgument<L>(): (key: string, create: () => L) => L {
  const loaders = new Map<string, L>();
  return (key, create) => loaders.get(key) ?? loaders.set(key, create()).get(key)!;
}

export function createLoaders(prisma: PrismaClient) {
  const childrenByDay = perArgument<DataLoader<UnitKey, UnitCount[], string>>();
  const growthByPeriod = perArgument<DataLoader<UnitKey, GrowthStatusSummary, string>>();
  const day = (date: Date | null) => (date ? toIsoDate(date) : '');
  return {
    stationCount: createUnitCountLoader(prisma, 'health_station'),
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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
