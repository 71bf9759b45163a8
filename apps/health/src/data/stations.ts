import DataLoader from 'dataloader';

import { createUnitCountLoader } from '@ecd/database';
import { fromIsoDate, isUuid, pageByName, type UnitKey } from '@ecd/service-kit';

import type { HealthStation, PrismaClient } from '../generated/prisma/client.js';

/** The station named by a write's input with the commune it lies in, or null when there is none. */
export const stationForWrite = (prisma: PrismaClient, stationId: string) =>
  isUuid(stationId)
    ? prisma.healthStation.findUnique({
        where: { id: stationId },
        select: { id: true, communeCode: true, communeValidFrom: true },
      })
    : null;

/** Health stations (trạm y tế): by id, counted and listed per unit. */
export function stationData(prisma: PrismaClient) {
  const byId = new DataLoader<string, HealthStation | null>(async (ids) => {
    const stations = await prisma.healthStation.findMany({ where: { id: { in: [...ids] } } });
    const found = new Map(stations.map((s) => [s.id, s]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const counts = createUnitCountLoader(prisma, 'health_station');
  return {
    /** The station of a dose or service: the foreign key guarantees it exists. */
    async get(stationId: string): Promise<HealthStation> {
      const station = await byId.load(stationId);
      if (!station) throw new Error(`station ${stationId} not found`);
      return station;
    },
    /** Stations in a unit, all its communes for a province. */
    async countIn(unit: UnitKey): Promise<number> {
      const [row] = await counts.load(unit);
      return row?.count ?? 0;
    },
    /** A page of the stations in a unit (a commune, or all of a province's), by name. */
    inUnit(unit: UnitKey, { first, after }: { first?: number | null; after?: string | null }) {
      const validFrom = fromIsoDate(unit.validFrom);
      const where = {
        OR: [
          { communeCode: unit.code, communeValidFrom: validFrom },
          { provinceCode: unit.code, provinceValidFrom: validFrom },
        ],
      };
      return pageByName({
        first,
        after,
        fetch: (afterCursor, take) =>
          prisma.healthStation.findMany({
            where: { AND: [where, afterCursor] },
            orderBy: [{ name: 'asc' }, { id: 'asc' }],
            take,
          }),
        count: () => prisma.healthStation.count({ where }),
      });
    },
  };
}
