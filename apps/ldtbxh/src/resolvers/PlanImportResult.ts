import type { PlanImportResultResolvers } from '../generated/graphql.js';

export const PlanImportResult: PlanImportResultResolvers = {
  plan: (result, _args, { loaders }) => (result.planId ? loaders.plan.load(result.planId) : null),
};
