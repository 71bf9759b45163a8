import { toIsoDate, todayInVietnam } from '@ecd/service-kit';
import type { AgencyResolvers, IndicatorResolvers } from '../generated/graphql.js';
import { validOn } from '../units/validity.js';

export const Indicator: IndicatorResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.indicator.load(reference.code),
  factor: (indicator) => indicator.factor.toNumber(),
  disaggregations: (indicator) => indicator.disaggregations as ('SEX' | 'AGE_BAND' | 'ETHNIC_MINORITY' | 'DISABILITY' | 'URBAN_RURAL')[],
};

export const Agency: AgencyResolvers = {
  unit(agency, _args, { loaders }) {
    if (!agency.unitCode || !agency.unitValidFrom) return null;
    return loaders.unit.load({ code: agency.unitCode, validFrom: toIsoDate(agency.unitValidFrom) });
  },
  functions(agency, { asOf, history }, { prisma }) {
    const when = history && !asOf ? {} : validOn(asOf ?? todayInVietnam());
    return prisma.agencyFunction.findMany({ where: { agencyCode: agency.code, ...when }, orderBy: [{ validFrom: 'asc' }, { function: 'asc' }] });
  },
};
