import type { TargetProgressResolvers } from '../generated/graphql.js';

export const TargetProgress: TargetProgressResolvers = {
  __resolveReference: (reference) => reference,
  education: (progress, _args, { data }) => data.figures.of(progress),
  educationBySex: (progress, _args, { data }) => data.figures.bySexOf(progress),
  educationEarlier: (progress, _args, { data }) => data.figures.earlierOf(progress),
  educationCommunes: (progress, _args, { data }) => data.figures.communesOf(progress),
  educationCommunesBySex: (progress, _args, { data }) => data.figures.communesBySexOf(progress),
};
