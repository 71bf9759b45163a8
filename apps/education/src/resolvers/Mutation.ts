import { recordIndicatorValue } from '@ecd/database';
import type { MutationResolvers } from '../generated/graphql.js';
import { EDUCATION_INDICATORS } from '../domain/indicators.js';
import { EDUCATION_COMPUTED } from '../computed-indicators.js';
import { recordChildPopulation, recordSchoolEnrolment, recordSchoolSurvey, registerSchool } from '../records.js';

export const Mutation: MutationResolvers = {
  async recordEducationIndicatorValue(_parent, { input }, { prisma, identity, access }) {
    const { id } = await recordIndicatorValue(prisma, input, { ownedIndicators: EDUCATION_INDICATORS, computed: EDUCATION_COMPUTED, actor: identity.userId, scope: access });
    return { id, ...input, denominator: input.denominator ?? null };
  },
  registerSchool: (_parent, { input }, { prisma, identity, access }) => registerSchool(prisma, input, identity.userId, access),
  async recordSchoolSurvey(_parent, { input }, { prisma, identity, access }) {
    const survey = await recordSchoolSurvey(prisma, input, identity.userId, access);
    return { ...survey, recordedAt: survey.createdAt.toISOString() };
  },
  recordSchoolEnrolment: (_parent, { input }, { prisma, identity, access }) => recordSchoolEnrolment(prisma, input, identity.userId, access),
  recordChildPopulation: (_parent, { input }, { prisma, identity, access }) => recordChildPopulation(prisma, input, identity.userId, access),
};
