import { recordIndicatorValue } from '@ecd/database';
import type { MutationResolvers } from '../generated/graphql.js';
import { EDUCATION_INDICATORS } from '../domain/indicators.js';

export const Mutation: MutationResolvers = {
  async recordEducationIndicatorValue(_parent, { input }, { prisma, identity }) {
    const { id } = await recordIndicatorValue(prisma, input, { ownedIndicators: EDUCATION_INDICATORS, actor: identity.userId });
    return { id, ...input, denominator: input.denominator ?? null };
  },
};
