import { figureKeyOf } from '@ecd/database';
import type { TargetProgressResolvers } from '../generated/graphql.js';

export const TargetProgress: TargetProgressResolvers = {
  __resolveReference: (reference) => reference,
  education: (progress, _args, { loaders }) => loaders.indicatorValue.load(figureKeyOf(progress)),
  educationBySex: (progress, _args, { loaders }) => loaders.indicatorValueBySex.load(figureKeyOf(progress)),
};
