import { decodeCursor, pageSize, toConnection, todayInVietnam } from '@ecd/service-kit';
import type { AdministrativeUnitResolvers, UnitSuccessionResolvers } from '../generated/graphql.js';
import type { AdministrativeUnit as AdministrativeUnitModel, UnitSuccession as UnitSuccessionModel } from '../generated/prisma/client.js';
import { validOn } from '../units/validity.js';
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

  async communes(unit, { first, after }, { prisma }) {
    const size = pageSize(first, 100);
    const cursor = decodeCursor(after);
    // Communes lie one level below a province after the reform and two levels below it before.
    const below = { OR: [{ parentCode: unit.code, parentValidFrom: unit.validFrom }, { parent: { parentCode: unit.code, parentValidFrom: unit.validFrom } }] };
    const where = unit.level === 'COMMUNE' ? { code: unit.code, validFrom: unit.validFrom } : { level: 'COMMUNE' as const, ...below };
    const [rows, totalCount] = await Promise.all([
      prisma.administrativeUnit.findMany({ where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where, orderBy: { code: 'asc' }, take: size + 1 }),
      prisma.administrativeUnit.count({ where }),
    ]);
    return toConnection(rows, size, totalCount, (u) => u.code);
  },

  async predecessors(unit, _args, { prisma }) {
    const links = await prisma.unitSuccession.findMany({
      where: { successorCode: unit.code, successorValidFrom: unit.validFrom },
      include: { predecessor: true },
      orderBy: { predecessorCode: 'asc' },
    });
    return links.map((link) => ({ ...link, unit: link.predecessor }));
  },

  async successors(unit, _args, { prisma }) {
    const links = await prisma.unitSuccession.findMany({
      where: { predecessorCode: unit.code, predecessorValidFrom: unit.validFrom },
      include: { successor: true },
      orderBy: { successorCode: 'asc' },
    });
    return links.map((link) => ({ ...link, unit: link.successor }));
  },

  agencies: (unit, { asOf }, { prisma }) =>
    prisma.agency.findMany({ where: { unitCode: unit.code, unitValidFrom: unit.validFrom, ...validOn(asOf ?? todayInVietnam()) }, orderBy: { code: 'asc' } }),

  plans(unit, _args, { loaders }) {
    return loaders.plansForUnit.load(unitKeyOf(unit));
  },
};

/** A succession link with the unit on its other side. */
export type UnitSuccessionParent = UnitSuccessionModel & { unit: AdministrativeUnitModel };

export const UnitSuccession: UnitSuccessionResolvers = {
  partial: (link) => link.shareNote !== null,
};
