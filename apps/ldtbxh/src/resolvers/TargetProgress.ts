import type {
  ProgressTerritoryResolvers,
  SexProgressResolvers,
  TargetProgressResolvers,
  UnitProgressResolvers,
} from '../generated/graphql.js';

// value, milestone, gap, baseline and status share one assessment per progress (the figures and milestones are loaded in batches).
export const TargetProgress: TargetProgressResolvers = {
  __resolveReference: (reference) => reference,
  target: (progress, _args, { data }) => data.plans.target(progress.targetId),
  indicator: (progress, _args, { data }) => data.registry.indicator(progress.indicatorCode),
  unit: (progress, _args, { data }) => data.progress.unit(progress),
  territory: (progress, _args, { data }) => data.progress.territory(progress),
  socialAffairs: (progress, _args, { data }) => data.progress.socialAffairs(progress),
  figure: (progress, _args, { data }) => data.progress.figure(progress),
  value: async (progress, _args, { data }) => (await data.progress.assessed(progress)).value,
  milestone: async (progress, _args, { data }) => (await data.progress.assessed(progress)).milestone,
  gap: async (progress, _args, { data }) => (await data.progress.assessed(progress)).gap,
  shortfall: async (progress, _args, { data }) => (await data.progress.assessed(progress)).shortfall,
  gapLabel: async (progress, _args, { data }) => data.progress.gapLabel(await data.progress.assessed(progress)),
  baseline: async (progress, _args, { data }) => (await data.progress.assessed(progress)).baseline,
  expected: async (progress, _args, { data }) => (await data.progress.assessed(progress)).expected,
  status: (progress, _args, { data }) => data.progress.status(progress),
  bySex: (progress, _args, { data }) => data.progress.bySex(progress),
  communes: (progress, _args, { data }) => data.progress.communes(progress),
  communesBySex: (progress, _args, { data }) => data.progress.communesBySex(progress),
};

export const UnitProgress: UnitProgressResolvers = {
  territory: (commune, _args, { data }) => data.progress.communeTerritory(commune),
  gapLabel: (commune, _args, { data }) => data.progress.gapLabel(commune),
};

export const SexProgress: SexProgressResolvers = {
  gapLabel: (group, _args, { data }) => data.progress.gapLabel(group),
};

export const ProgressTerritory: ProgressTerritoryResolvers = {
  unit: (territory, _args, { data }) => data.units.get(territory.unit),
  units: (territory, _args, { data }) => Promise.all(territory.units.map((unit) => data.units.get(unit))),
  partlyInside: (territory, _args, { data }) => Promise.all(territory.partlyInside.map((unit) => data.units.get(unit))),
};
