import { unitKeyFromReference } from '@ecd/database';
import type { AdministrativeUnitResolvers } from '../generated/graphql.js';

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference: (reference) => unitKeyFromReference(reference),

  async culturalFacilityCount(unit, _args, { loaders }) {
    const rows = await loaders.facilityCountsByChildService.load(unit);
    return rows.reduce((sum, row) => sum + row.count, 0);
  },

  async childFriendlyFacilityCount(unit, _args, { loaders }) {
    const rows = await loaders.facilityCountsByChildService.load(unit);
    return rows.find((row) => row.group === 'true')?.count ?? 0;
  },
};
