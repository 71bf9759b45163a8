import type { PlanImportResultResolvers } from '../generated/graphql.js';

export const PlanImportResult: PlanImportResultResolvers = {
  plan: (result, _args, { data }) => (result.planId ? data.plans.find(result.planId) : null),
};
