import { keysetPage, todayInVietnam } from '@ecd/service-kit';
import type { AdministrativeUnitResolvers, UnitSuccessionResolvers } from '../generated/graphql.js';
import type { AdministrativeUnit as AdministrativeUnitModel, Prisma, PrismaClient, UnitSuccession as UnitSuccessionModel } from '../generated/prisma/client.js';
import { validOn } from '../units/validity.js';
import { toIsoDate } from '@ecd/service-kit';
import { unitKeyOf } from '../loaders.js';
import { referralsInUnit } from '../records/referrals.js';

const isoOf = (date: Date | string) => (typeof date === 'string' ? date : toIsoDate(date));

/** A page of units in code order. */
const unitPage = (prisma: PrismaClient, where: Prisma.AdministrativeUnitWhereInput, first: number | null | undefined, after: string | null | undefined) =>
  keysetPage({
    first,
    after,
    defaultSize: 100,
    fetch: (cursor, take) => prisma.administrativeUnit.findMany({ where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where, orderBy: { code: 'asc' }, take }),
    count: () => prisma.administrativeUnit.count({ where }),
    sortKey: (u) => u.code,
  });

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference(reference, { loaders }) {
    return loaders.unit.load({ code: reference.code, validFrom: isoOf(reference.validFrom) });
  },

  parent(unit, _args, { loaders }) {
    if (!unit.parentCode || !unit.parentValidFrom) return null;
    return loaders.unit.load({ code: unit.parentCode, validFrom: toIsoDate(unit.parentValidFrom) });
  },

  children: (unit, { first, after }, { prisma }) => unitPage(prisma, { parentCode: unit.code, parentValidFrom: unit.validFrom }, first, after),

  communes(unit, { first, after }, { prisma }) {
    // Communes lie one level below a province after the reform and two levels below it before.
    const below = { OR: [{ parentCode: unit.code, parentValidFrom: unit.validFrom }, { parent: { parentCode: unit.code, parentValidFrom: unit.validFrom } }] };
    return unitPage(prisma, unit.level === 'COMMUNE' ? { code: unit.code, validFrom: unit.validFrom } : { level: 'COMMUNE', ...below }, first, after);
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

  referrals: (unit, { status, first, after }, { prisma }) => referralsInUnit(prisma, unit, { status, first, after }),

  referralNetworks(unit, { year }, { prisma }) {
    const at = { code: unit.code, validFrom: unit.validFrom };
    const where =
      unit.level === 'COMMUNE'
        ? { communeCode: at.code, communeValidFrom: at.validFrom }
        : unit.level === 'DISTRICT'
          ? { districtCode: at.code, districtValidFrom: at.validFrom }
          : { provinceCode: at.code, provinceValidFrom: at.validFrom };
    return prisma.referralNetwork.findMany({ where: { year, ...where }, orderBy: { unitCode: 'asc' } });
  },
};

/** A succession link with the unit on its other side. */
export type UnitSuccessionParent = UnitSuccessionModel & { unit: AdministrativeUnitModel };

export const UnitSuccession: UnitSuccessionResolvers = {
  partial: (link) => link.shareNote !== null,
};
