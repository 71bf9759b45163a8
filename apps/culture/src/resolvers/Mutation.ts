import type { MutationResolvers } from '../generated/graphql.js';

export const Mutation: MutationResolvers = {
  registerCulturalFacility: (_parent, { input }, { data, identity, access }) =>
    data.facilities.register(input, identity.userId, access),
  recordChildActivity: (_parent, { input }, { data, identity, access }) =>
    data.activities.record(input, identity.userId, access),
  recordFamilyEducationSession: (_parent, { input }, { data, identity, access }) =>
    data.outreach.record('FAMILY_EDUCATION', input, identity.userId, access),
  recordCommunicationCampaign: (_parent, { input }, { data, identity, access }) =>
    data.outreach.record('COMMUNICATION_CAMPAIGN', input, identity.userId, access),
};
