import type DataLoader from 'dataloader';
import { createUnitCountLoader, type UnitCount, type UnitKey } from '@ecd/database';
import type { PrismaClient } from './generated/prisma/client.js';
import { birthDateWindow } from './domain/age.js';

export function createLoaders(prisma: PrismaClient) {
  const childrenByDay = new Map<string, DataLoader<UnitKey, UnitCount[], string>>();
  return {
    stationCount: createUnitCountLoader(prisma, 'health_station'),
    /** Children aged 0-8 on a day, one batched statement per day asked for. */
    childrenAged0To8(asOf: Date) {
      const day = asOf.toISOString().slice(0, 10);
      let loader = childrenByDay.get(day);
      if (!loader) {
        const { bornAfter, bornOnOrBefore } = birthDateWindow(asOf, 0, 8);
        loader = createUnitCountLoader(prisma, 'child_record', {
          filter: { sql: 't.birth_date > $3::date AND t.birth_date <= $4::date', params: [bornAfter, bornOnOrBefore] },
        });
        childrenByDay.set(day, loader);
      }
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
