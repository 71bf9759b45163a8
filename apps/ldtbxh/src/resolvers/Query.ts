import { decodeCursor, notFound, pageSize, toConnection, toIsoDate, todayInVietnam } from '@ecd/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { assertUnitCode } from '../domain/unit-code.js';
import { UUID, findPeriod } from '../reporting/periods.js';
import { reaggregatedValues } from '../reporting/reaggregation.js';
import { validOn } from '../units/validity.js';

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
      prisma.administrativeUnit.findMany({ where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where, orderBy: { code: 'asc' }, take: size + 1 }),
      prisma.administrativeUnit.count({ where }),
    ]);
    return toConnection(rows, size, totalCount, (u) => u.code);
  },

  async plans(_parent, { level, first, after }, { prisma }) {
    const size = pageSize(first);
    const where: Prisma.PlanWhereInput = level ? { level } : {};
    const cursor = decodeCursor(after);
    const [rows, totalCount] = await Promise.all([
      prisma.plan.findMany({ where: cursor ? { AND: [where, { key: { gt: cursor } }] } : where, orderBy: { key: 'asc' }, take: size + 1 }),
      prisma.plan.count({ where }),
    ]);
    return toConnection(rows, size, totalCount, (p) => p.key);
  },

  plan: (_parent, { key }, { prisma }) => prisma.plan.findUnique({ where: { key } }),

  async indicators(_parent, { sector, first, after }, { prisma }) {
    const size = pageSize(first, 100);
    const where: Prisma.IndicatorWhereInput = sector ? { sector } : {};
    const cursor = decodeCursor(after);
    const [rows, totalCount] = await Promise.all([
      prisma.indicator.findMany({ where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where, orderBy: { code: 'asc' }, take: size + 1 }),
      prisma.indicator.count({ where }),
    ]);
    return toConnection(rows, size, totalCount, (i) => i.code);
  },

  indicator: (_parent, { code }, { loaders }) => loaders.indicator.load(code),

  async agencies(_parent, { unitCode, function: sectorFunction, asOf, first, after }, { prisma }) {
    const size = pageSize(first);
    const day = asOf ?? todayInVietnam();
    const where: Prisma.AgencyWhereInput = {
      ...validOn(day),
      ...(unitCode ? { unitCode: assertUnitCode(unitCode, 'unitCode') } : {}),
      ...(sectorFunction ? { functions: { some: { function: sectorFunction, ...validOn(day) } } } : {}),
    };
    const cursor = decodeCursor(after);
    const [rows, totalCount] = await Promise.all([
      prisma.agency.findMany({ where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where, orderBy: { code: 'asc' }, take: size + 1 }),
      prisma.agency.count({ where }),
    ]);
    return toConnection(rows, size, totalCount, (a) => a.code);
  },

  reportingPeriod: (_parent, { id }, { prisma }) => (UUID.test(id) ? prisma.reportingPeriod.findUnique({ where: { id } }) : null),

  async reaggregatedValues(_parent, { periodId, indicatorCode, asOf }, { prisma }) {
    return reaggregatedValues(prisma, await findPeriod(prisma, periodId), indicatorCode, asOf ?? todayInVietnam());
  },
};
