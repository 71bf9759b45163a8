import { decodeCursor, notFound, pageSize, toConnection } from '@ecd/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { toIsoDate, todayInVietnam } from '@ecd/service-kit';
import { assertUnitCode } from '../domain/unit-code.js';

/** Units valid on a day: started on or before it and not ended before it. */
export const validOn = (day: Date): Prisma.AdministrativeUnitWhereInput => ({
  validFrom: { lte: day },
  OR: [{ validTo: null }, { validTo: { gte: day } }],
});

export const Query: QueryResolvers = {
  async administrativeUnit(_parent, { code, asOf }, { prisma }) {
    const day = asOf ?? todayInVietnam();
    const unit = await prisma.administrativeUnit.findFirst({ where: { code: assertUnitCode(code), ...validOn(day) } });
    if (!unit) {
      throw notFound(`Không có đơn vị hành chính mã ${code.trim()} vào ngày ${toIsoDate(day)}.`, {
        field: 'code',
        reason: 'UNKNOWN_UNIT_CODE',
      });
    }
    return unit;
  },

  async administrativeUnits(_parent, { level, parentCode, asOf, first, after }, { prisma }) {
    const size = pageSize(first);
    const where: Prisma.AdministrativeUnitWhereInput = {
      ...validOn(asOf ?? todayInVietnam()),
      ...(level ? { level } : {}),
      ...(parentCode ? { parentCode: assertUnitCode(parentCode, 'parentCode') } : {}),
    };
    const cursor = decodeCursor(after);
    const [rows, totalCount] = await Promise.all([
      prisma.administrativeUnit.findMany({
        where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where,
        orderBy: { code: 'asc' },
        take: size + 1,
      }),
      prisma.administrativeUnit.count({ where }),
    ]);
    return toConnection(rows, size, totalCount, (u) => u.code);
  },

  async plans(_parent, { first, after }, { prisma }) {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const [rows, totalCount] = await Promise.all([
      prisma.plan.findMany({ where: cursor ? { id: { gt: cursor } } : {}, orderBy: { id: 'asc' }, take: size + 1 }),
      prisma.plan.count(),
    ]);
    return toConnection(rows, size, totalCount, (p) => p.id);
  },
};
