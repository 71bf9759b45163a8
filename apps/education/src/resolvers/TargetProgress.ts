import { unitKeyFromReference } from '@ecd/database';
import type { TargetProgressResolvers } from '../generated/graphql.js';

export const TargetProgress: TargetProgressResolvers = {
  __resolveReference: (reference) => reference,
  education: (progress, _args, { loaders }) =>
    loaders.indicatorValue.load({
      indicatorCode: progress.indicatorCode,
      year: progress.year,
      unit: unitKeyFromReference({ code: progress.unitCode, validFrom: progress.unitValidFrom }),
    }),
};
