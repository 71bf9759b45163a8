import { unitKeyFromReference } from '@ecd/service-kit';

import type { AdministrativeUnitResolvers } from '../generated/graphql.js';

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference: (reference) => unitKeyFromReference(reference),
  healthStationCount: (unit, _args, { data }) => data.stations.countIn(unit),
  childrenAged0To8Count: (unit, { asOf }, { data }) => data.children.countAged0To8(unit, asOf),
  growthStatus: (unit, { from, to }, { data }) => data.growth.statusOf(unit, { from: from ?? null, to: to ?? null }),
  fullyImmunisedUnder1: (unit, { year }, { data }) => data.figures.indicatorRatio('UNDER1_FULLY_IMMUNISED', unit, year),
  antenatalCare4Visits: (unit, { year }, { data }) => data.figures.unitRatio('antenatalCare4Visits', unit, year),
  childrenReachedByHealthServices: (unit, { year }, { data }) =>
    data.figures.indicatorRatio('CHILDREN_0_8_REACHED_HEALTH_SERVICES', unit, year),
  healthStations: (unit, { first, after }, { data }) => data.stations.inUnit(unit, { first, after }),
};
