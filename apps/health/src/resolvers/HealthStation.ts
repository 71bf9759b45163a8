import { toIsoDate } from '@ecd/service-kit';

import type { HealthStationResolvers } from '../generated/graphql.js';

export const HealthStation: HealthStationResolvers = {
  commune: (station) => ({ code: station.communeCode, validFrom: toIsoDate(station.communeValidFrom) }),
};
