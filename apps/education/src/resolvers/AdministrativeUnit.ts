import { unitKeyFromReference } from '@ecd/database';
import type { AdministrativeUnitResolvers } from '../generated/graphql.js';
import { countsByLevel } from '../domain/school-level.js';
import { schoolView } from '../records.js';

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference: (reference) => unitKeyFromReference(reference),

  async schoolCounts(unit, _args, { loaders }) {
    return countsByLevel(await loaders.schoolCountsByLevel.load(unit));
  },

  async schools(unit, { level }, { loaders }) {
    return (await loaders.schools.load(unit)).filter((school) => !level || school.level === level).map(schoolView);
  },
};
