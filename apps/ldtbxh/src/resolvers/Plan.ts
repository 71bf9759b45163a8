import type { PlanResolvers } from '../generated/graphql.js';
import { toIsoDate } from '@ecd/service-kit';

export const Plan: PlanResolvers = {
  __resolveReference(reference, { loaders }) {
    return loaders.plan.load(reference.id);
  },

  parent(plan, _args, { loaders }) {
    return plan.parentId ? loaders.plan.load(plan.parentId) : null;
  },

  scope(plan, _args, { loaders }) {
    if (!plan.scopeUnitCode || !plan.scopeUnitValidFrom) return null;
    return loaders.unit.load({ code: plan.scopeUnitCode, validFrom: toIsoDate(plan.scopeUnitValidFrom) });
  },
};
