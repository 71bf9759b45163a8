import type { AgencyResolvers, IndicatorResolvers } from '../generated/graphql.js';

export const Indicator: IndicatorResolvers = {
  __resolveReference: (reference, { data }) => data.registry.findIndicator(reference.code),
  factor: (indicator) => indicator.factor.toNumber(),
  disaggregations: (indicator) =>
    indicator.disaggregations as ('SEX' | 'AGE_BAND' | 'ETHNIC_MINORITY' | 'DISABILITY' | 'URBAN_RURAL')[],
};

export const Agency: AgencyResolvers = {
  unit: (agency, _args, { data }) => data.units.atOptional(agency.unitCode, agency.unitValidFrom),
  functions: (agency, { asOf, history }, { data }) => data.registry.functions(agency, asOf, history),
  revisions: (agency, _args, { data }) => data.registry.revisions(agency),
};
