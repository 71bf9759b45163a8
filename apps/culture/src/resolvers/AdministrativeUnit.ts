import { unitKeyFromReference, type UnitKey } from '@ecd/database';
import { badInput, fromIsoDate, pageByName, todayInVietnam } from '@ecd/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { AdministrativeUnitResolvers } from '../generated/graphql.js';
import { yearProblems } from '../domain/rules.js';
import type { OutreachKind } from '../domain/labels.js';
import type { Context } from '../context.js';

/** A year argument out of range is a typed error (the field is then null). */
function checkedYear<Y extends number | null | undefined>(year: Y): Y {
  const [problem] = yearProblems(year, todayInVietnam());
  if (problem) throw badInput(problem.message, { field: problem.field, reason: problem.reason });
  return year;
}

async function reach(unit: UnitKey, year: number, kind: OutreachKind, { loaders }: Context) {
  const row = (await loaders.outreach(checkedYear(year)).load(unit)).find((r) => r.group === kind);
  return { count: row?.outreach_count ?? 0, peopleReached: row?.people_reached ?? 0, parentsReached: row?.parents_reached ?? 0 };
}

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference: (reference) => unitKeyFromReference(reference),

  async culturalFacilityCount(unit, { year }, { loaders }) {
    const rows = await loaders.facilityCountsByChildService(checkedYear(year) ?? null).load(unit);
    return rows.reduce((sum, row) => sum + row.count, 0);
  },

  async childFriendlyFacilityCount(unit, { year }, { loaders }) {
    const rows = await loaders.facilityCountsByChildService(checkedYear(year) ?? null).load(unit);
    return rows.find((row) => row.group === 'true')?.count ?? 0;
  },

  async childActivities(unit, { year }, { loaders }) {
    const [row] = await loaders.childActivities(checkedYear(year)).load(unit);
    return {
      activityCount: row?.activity_count ?? 0,
      childParticipations: row?.child_participations ?? 0,
      aged0To2: row?.aged_0_to_2 ?? 0,
      aged3To5: row?.aged_3_to_5 ?? 0,
      aged6To8: row?.aged_6_to_8 ?? 0,
    };
  },

  familyEducationReach: (unit, { year }, context) => reach(unit, year, 'FAMILY_EDUCATION', context),
  communicationReach: (unit, { year }, context) => reach(unit, year, 'COMMUNICATION_CAMPAIGN', context),

  culturalFacilities(unit, { first, after, childFriendly }, { prisma }) {
    const validFrom = fromIsoDate(unit.validFrom);
    const where: Prisma.CulturalFacilityWhereInput = {
      OR: [
        { communeCode: unit.code, communeValidFrom: validFrom },
        { districtCode: unit.code, districtValidFrom: validFrom },
        { provinceCode: unit.code, provinceValidFrom: validFrom },
      ],
      ...(childFriendly == null ? {} : { servesChildren: childFriendly }),
    };
    return pageByName({
      first,
      after,
      fetch: (afterCursor, take) => prisma.culturalFacility.findMany({ where: { AND: [where, afterCursor] }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take }),
      count: () => prisma.culturalFacility.count({ where }),
    });
  },
};
