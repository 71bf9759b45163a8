import type { TargetProgressResolvers } from '../generated/graphql.js';

export const TargetProgress: TargetProgressResolvers = {
  __resolveReference: (reference) => reference,
  health: (progress, _args, { data }) => data.figures.ofProgress(progress),
  healthBySex: (progress, _args, { data }) => data.figures.bySexOfProgress(progress),
  healthEarlier: (progress, _args, { data }) => data.figures.earlierOfProgress(progress),
  healthCommunes: (progress, _args, { data }) => data.figures.communesOfProgress(progress),
  healthCommunesBySex: (progress, _args, { data }) => data.figures.communesBySexOfProgress(progress),
};
