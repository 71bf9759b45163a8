import { childKeyFromInput, isUuid, keysetPage, locationOf, notFound, todayInVietnam, toIsoDate } from '@ecd/service-kit';
import { resolveAuditEvents } from '@ecd/database';
import type { Prisma } from '../generated/prisma/client.js';
import type { QueryResolvers } from '../generated/graphql.js';
import { assertUnitCode } from '../domain/unit-code.js';
import { holdsRecordsOf } from '../records/child.js';
import { findPeriod, planScope, withPlanScope } from '../reporting/periods.js';
import { reaggregatedValues } from '../reporting/reaggregation.js';
import { validOn } from '../units/validity.js';

export const Query: QueryResolvers = {
  // Derives the key (which sectors hold something for the child shows in the Child's fields), within the
  // lookup rules: a purpose, the person's limit, and a LOOKUP row in the audit log before anything is answered.
  childByPersonalId: (_parent, { personalId, purpose }, { loaders, prisma, audit }) =>
    audit.lookup({
      field: 'childByPersonalId',
      purpose,
      entityType: 'Child',
      async find() {
        const key = childKeyFromInput(personalId, loaders.childKeySecret, 'personalId');
        return { key, found: await holdsRecordsOf(prisma, key), result: { key } };
      },
    }),
  socialAffairsAuditEvents: resolveAuditEvents,
  // A lookup by id: a referral outside the person's territory is refused outright (its fields would be too).
  async referral(_parent, { id }, { prisma, access }) {
    const referral = isUuid(id) ? await prisma.referral.findUnique({ where: { id } }) : null;
    if (referral) access.assertCovers(locationOf(referral, 'Referral'), 'id');
    return referral;
  },

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

  administrativeUnits(_parent, { level, parentCode, asOf, first, after }, { prisma }) {
    const where: Prisma.AdministrativeUnitWhereInput = {
      ...validOn(asOf ?? todayInVietnam()),
      ...(level ? { level } : {}),
      ...(parentCode ? { parentCode: assertUnitCode(parentCode, 'parentCode') } : {}),
    };
    return keysetPage({
      first,
      after,
      fetch: (cursor, take) => prisma.administrativeUnit.findMany({ where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where, orderBy: { code: 'asc' }, take }),
      count: () => prisma.administrativeUnit.count({ where }),
      sortKey: (u) => u.code,
    });
  },

  plans(_parent, { level, first, after }, { prisma }) {
    const where: Prisma.PlanWhereInput = level ? { level } : {};
    return keysetPage({
      first,
      after,
      fetch: (cursor, take) => prisma.plan.findMany({ where: cursor ? { AND: [where, { key: { gt: cursor } }] } : where, orderBy: { key: 'asc' }, take }),
      count: () => prisma.plan.count({ where }),
      sortKey: (p) => p.key,
    });
  },

  plan: (_parent, { key }, { prisma }) => prisma.plan.findUnique({ where: { key } }),

  indicators(_parent, { sector, first, after }, { prisma }) {
    const where: Prisma.IndicatorWhereInput = sector ? { sector } : {};
    return keysetPage({
      first,
      after,
      defaultSize: 100,
      fetch: (cursor, take) => prisma.indicator.findMany({ where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where, orderBy: { code: 'asc' }, take }),
      count: () => prisma.indicator.count({ where }),
      sortKey: (i) => i.code,
    });
  },

  indicator: (_parent, { code }, { loaders }) => loaders.indicator.load(code),

  agencies(_parent, { unitCode, function: sectorFunction, asOf, first, after }, { prisma }) {
    const day = asOf ?? todayInVietnam();
    const where: Prisma.AgencyWhereInput = {
      ...validOn(day),
      ...(unitCode ? { unitCode: assertUnitCode(unitCode, 'unitCode') } : {}),
      ...(sectorFunction ? { functions: { some: { function: sectorFunction, ...validOn(day) } } } : {}),
    };
    return keysetPage({
      first,
      after,
      fetch: (cursor, take) => prisma.agency.findMany({ where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where, orderBy: { code: 'asc' }, take }),
      count: () => prisma.agency.count({ where }),
      sortKey: (a) => a.code,
    });
  },

  // The period of a plan whose unit lies outside the person's territory is refused; a national scheme's is not.
  async reportingPeriod(_parent, { id }, { prisma, loaders, access }) {
    const period = isUuid(id) ? await prisma.reportingPeriod.findUnique({ where: { id } }) : null;
    if (!period) return null;
    const plan = (await loaders.plan.load(period.planId))!;
    const scope = planScope(plan);
    if (scope) access.assertCovers(scope, 'id');
    return withPlanScope(period, plan);
  },

  // Only the units of the person's territory (each value keeps its unit for the field guard).
  async reaggregatedValues(_parent, { periodId, indicatorCode, asOf }, { prisma, access }) {
    const values = await reaggregatedValues(prisma, await findPeriod(prisma, periodId), indicatorCode, asOf ?? todayInVietnam());
    return values.filter((v) => access.covers(v.unit)).map((v) => ({ ...v, unitCode: v.unit.code, unitValidFrom: v.unit.validFrom }));
  },
};
