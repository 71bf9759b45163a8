import type { HealthStationResolvers } from '../generated/graphql.js';

export const HealthStation: HealthStationResolvers = {
  commune: (station) => ({ code: station.communeCode, validFrom: station.communeValidFrom.toISOString().slice(0, 10) }),
};
