import { decodeCursor, fromIsoDate, pageSize, toConnection, todayInVietnam } from '@ecd/service-kit';
import { unitKeyFromReference } from '@ecd/database';
import type { AdministrativeUnitResolvers } from '../generated/graphql.js';


const NAME_ID_SEPARATOR = '\u0000';

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference: (reference) => unitKeyFromReference(reference),

  async healthStationCount(unit, _args, { loaders }) {
    const [row] = await loaders.stationCount.load(unit);
    return row?.count ?? 0;
  },

  async childrenAged0To8Count(unit, { asOf }, { loaders }) {
    const [row] = await loaders.childrenAged0To8(asOf ?? todayInVietnam()).load(unit);
    return row?.count ?? 0;
  },

  async healthStations(unit, { first, after }, { prisma }) {
    const size = pageSize(first);
    const validFrom = fromIsoDate(unit.validFrom);
    const where = {
      OR: [
        { communeCode: unit.code, communeValidFrom: validFrom },
        { provinceCode: unit.code, provinceValidFrom: validFrom },
      ],
    };
    const cursor = decodeCursor(after)?.split(NAME_ID_SEPARATOR);
    const afterCursor = cursor ? { OR: [{ name: { gt: cursor[0] } }, { name: cursor[0], id: { gt: cursor[1] } }] } : {};
    const [rows, totalCount] = await Promise.all([
      prisma.healthStation.findMany({ where: { AND: [where, afterCursor] }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: size + 1 }),
      prisma.healthStation.count({ where }),
    ]);
    return toConnection(rows, size, totalCount, (s) => `${s.name}${NAME_ID_SEPARATOR}${s.id}`);
  },
};
