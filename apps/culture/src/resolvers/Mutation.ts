import type { MutationResolvers } from '../generated/graphql.js';
import { registerCulturalFacility } from '../records/register-facility.js';
import { recordChildActivity } from '../records/record-activity.js';
import { recordOutreach } from '../records/record-outreach.js';

export const Mutation: MutationResolvers = {
  registerCulturalFacility: (_parent, { input }, { prisma, identity }) => registerCulturalFacility(prisma, input, identity.userId),
  recordChildActivity: (_parent, { input }, { prisma, identity }) => recordChildActivity(prisma, input, identity.userId),
  recordFamilyEducationSession: (_parent, { input }, { prisma, identity }) => recordOutreach(prisma, 'FAMILY_EDUCATION', input, identity.userId),
  recordCommunicationCampaign: (_parent, { input }, { prisma, identity }) => recordOutreach(prisma, 'COMMUNICATION_CAMPAIGN', input, identity.userId),
};
