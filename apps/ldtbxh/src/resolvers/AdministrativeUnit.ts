import { decodeCursor, pageSize, toConnection } from '@ecd/service-kit';
import type { AdministrativeUnitResolvers } from '../generated/graphql.js';
import { toIsoDate } from '@ecd/service-kit';
import { unitKeyOf } from '../loaders.js';

const isoOf = (date: Date | string) => (typeof date === 'string' ? date : toIsoDate(date));

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference(reference, { loaders }) {
    return loaders.unit.load({ code: reference.code, validFrom: isoOf(reference.validFrom) });
  },

  parent(unit, _args, { loaders }) {
    if (!unit.parentCode || !unit.parentValidFrom) return null;
    return loaders.unit.load({ code: unit.parentCode, validFrom: toIsoDate(unit.parentValidFrom) });
  },

  async children(unit, { first, after }, { prisma }) {
    const size = pageSize(first, 100);
    const cursor = decodeCursor(after);
    const where = { parentCode: unit.code, parentValidFrom: unit.validFrom };
    const [rows, totalCount] = await Promise.all([
      prisma.administrativeUnit.findMany({
        where: cursor ? { ...where, code: { gt: cursor } } : where,
        orderBy: { code: 'asc' },
        take: size + 1,
      }),
      prisma.administrativeUnit.count({ where }),
    ]);
    return toConnection(rows, size, totalCount, (u) => u.code);
  },

  plans(unit, _args, { loaders }) {
    return loaders.plansForUnit.load(unitKeyOf(unit));
  },
};
