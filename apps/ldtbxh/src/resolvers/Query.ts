import { todayInVietnam } from '@ecd/service-kit';

import type { QueryResolvers } from '../generated/graphql.js';

export const Query: QueryResolvers = {
  // Derives the key (which sectors hold something for the child shows in the Child's fields), within the
  // lookup rules: a purpose, the person's limit, and a LOOKUP row in the audit log before anything is answered.
  childByPersonalId: (_parent, { personalId, purpose }, { data, audit }) =>
    audit.lookup({
      field: 'childByPersonalId',
      purpose,
      entityType: 'Child',
      find: () => data.records.childByPersonalId(personalId),
    }),
  socialAffairsAuditEvents: (_parent, args, { data }) => data.audit.events(args),
  // A lookup by id: a referral outside the person's territory is refused outright (its fields would be too).
  referral: (_parent, { id }, { data, access }) => data.referrals.find(id, access),
  administrativeUnit: (_parent, { code, asOf }, { data }) => data.units.onDay(code, asOf),
  administrativeUnits: (_parent, { level, parentCode, asOf, first, after }, { data }) =>
    data.units.page({ level, parentCode, asOf, first, after }),
  searchAdministrativeUnits: (_parent, { text, level, asOf, first }, { data }) =>
    data.units.search({ text, level, asOf, first }),
  plans: (_parent, { level, first, after }, { data }) => data.plans.page({ level, first, after }),
  plan: (_parent, { key }, { data }) => data.plans.byKey(key),
  indicators: (_parent, { sector, first, after }, { data }) => data.registry.indicatorPage({ sector, first, after }),
  indicator: (_parent, { code }, { data }) => data.registry.findIndicator(code),
  agencies: (_parent, { unitCode, function: sectorFunction, asOf, first, after }, { data }) =>
    data.registry.agencyPage({ unitCode, sectorFunction, asOf, first, after }),
  // The period of a plan whose unit lies outside the person's territory is refused; a national scheme's is not.
  reportingPeriod: (_parent, { id }, { data, access }) => data.reporting.periodForReading(id, access),
  // Only the units of the person's territory (each value keeps its unit for the field guard).
  reaggregatedValues: (_parent, { periodId, indicatorCode, asOf }, { data, access }) =>
    data.reporting.reaggregated(periodId, indicatorCode, asOf ?? todayInVietnam(), access),
};
