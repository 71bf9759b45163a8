import { unitKeyFromReference } from '@ecd/database';
import type { TargetProgressResolvers } from '../generated/graphql.js';

export const TargetProgress: TargetProgressResolvers = {
  __resolveReference: (reference) => reference,
  health: (progress, _args, { loaders }) =>
    loaders.indicatorValue.load({
      indicatorCode: progress.indicatorCode,
      year: progress.year,
      unit: unitKeyFromReference({ code: progress.unitCode, validFrom: progress.unitValidFrom }),
    }),
};
