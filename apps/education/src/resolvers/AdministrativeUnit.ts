import { unitKeyFromReference } from '@ecd/service-kit';

import type { AdministrativeUnitResolvers } from '../generated/graphql.js';

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference: (reference) => unitKeyFromReference(reference),
  schoolCounts: (unit, _args, { data }) => data.schools.countsByLevel(unit),
  schools: (unit, { level }, { data }) => data.schools.inUnit(unit, level),
};
