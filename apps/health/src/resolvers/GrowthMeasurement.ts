import { toIsoDate } from '@ecd/service-kit';

import type { GrowthMeasurementResolvers } from '../generated/graphql.js';
import type { Prisma } from '../generated/prisma/client.js';

const toNumber = (value: Prisma.Decimal | null) => value?.toNumber() ?? null;

/** Measurements and z-scores are stored as exact decimals; clients get them as numbers. */
export const GrowthMeasurement: GrowthMeasurementResolvers = {
  weightKg: (m) => m.weightKg.toNumber(),
  lengthHeightCm: (m) => m.lengthHeightCm.toNumber(),
  weightForAgeZ: (m) => toNumber(m.weightForAgeZ),
  lengthHeightForAgeZ: (m) => toNumber(m.lengthHeightForAgeZ),
  weightForLengthHeightZ: (m) => toNumber(m.weightForLengthHeightZ),
  commune: (m) => ({ code: m.communeCode, validFrom: toIsoDate(m.communeValidFrom) }),
};
