import { unitKeyFromReference } from '@ecd/service-kit';

import type { AdministrativeUnitResolvers } from '../generated/graphql.js';

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference: (reference) => unitKeyFromReference(reference),
  culturalFacilityCount: (unit, { year }, { data }) => data.unitFigures.facilityCount(unit, year),
  childFriendlyFacilityCount: (unit, { year }, { data }) => data.unitFigures.childFriendlyFacilityCount(unit, year),
  childActivities: (unit, { year }, { data }) => data.unitFigures.childActivities(unit, year),
  familyEducationReach: (unit, { year }, { data }) => data.unitFigures.reach(unit, year, 'FAMILY_EDUCATION'),
  communicationReach: (unit, { year }, { data }) => data.unitFigures.reach(unit, year, 'COMMUNICATION_CAMPAIGN'),
  culturalFacilities: (unit, args, { data }) => data.facilities.inUnit(unit, args),
};
