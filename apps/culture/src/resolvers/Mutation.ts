import type { MutationResolvers } from '../generated/graphql.js';
import { registerCulturalFacility } from '../records/register-facility.js';
import { recordChildActivity } from '../records/record-activity.js';
import { recordOutreach } from '../records/record-outreach.js';

export const Mutation: MutationResolvers = {
  registerCulturalFacility: (_parent, { input }, { prisma, identity, access }) => registerCulturalFacility(prisma, input, identity.userId, access),
  recordChildActivity: (_parent, { input }, { prisma, identity, access }) => recordChildActivity(prisma, input, identity.userId, access),
  recordFamilyEducationSession: (_parent, { input }, { prisma, identity, access }) => recordOutreach(prisma, 'FAMILY_EDUCATION', input, identity.userId, access),
  recordCommunicationCampaign: (_parent, { input }, { prisma, identity, access }) => recordOutreach(prisma, 'COMMUNICATION_CAMPAIGN', input, identity.userId, access),
};
