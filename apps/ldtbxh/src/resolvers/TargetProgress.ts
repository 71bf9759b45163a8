import type { TargetProgressResolvers } from '../generated/graphql.js';

// value, milestone, gap and status share one assessment per progress (the figure and milestones are loaded in batches).
export const TargetProgress: TargetProgressResolvers = {
  __resolveReference: (reference) => reference,
  target: (progress, _args, { data }) => data.plans.target(progress.targetId),
  indicator: (progress, _args, { data }) => data.registry.indicator(progress.indicatorCode),
  unit: (progress, _args, { data }) => data.progress.unit(progress),
  socialAffairs: (progress, _args, { data }) => data.progress.socialAffairs(progress),
  figure: (progress, _args, { data }) => data.progress.figure(progress),
  value: async (progress, _args, { data }) => (await data.progress.assessed(progress)).value,
  milestone: async (progress, _args, { data }) => (await data.progress.assessed(progress)).milestone,
  gap: async (progress, _args, { data }) => (await data.progress.assessed(progress)).gap,
  status: async (progress, _args, { data }) => (await data.progress.assessed(progress)).status,
  bySex: (progress, _args, { data }) => data.progress.bySex(progress),
};
