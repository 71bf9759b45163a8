import type { MutationResolvers } from '../generated/graphql.js';
import { recordGrowthMeasurement } from '../growth/record-measurement.js';

export const Mutation: MutationResolvers = {
  recordGrowthMeasurement: (_parent, { input }, { prisma, identity }) => recordGrowthMeasurement(prisma, input, identity.userId),
};
