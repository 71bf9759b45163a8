import type { MutationResolvers } from '../generated/graphql.js';

export const Mutation: MutationResolvers = {
  recordEducationIndicatorValue: (_parent, { input }, { data, identity, access }) =>
    data.figures.record(input, identity.userId, access),
  registerSchool: (_parent, { input }, { data, identity, access }) =>
    data.schools.register(input, identity.userId, access),
  recordSchoolSurvey: (_parent, { input }, { data, identity, access }) =>
    data.surveys.record(input, identity.userId, access),
  recordSchoolEnrolment: (_parent, { input }, { data, identity, access }) =>
    data.enrolment.record(input, identity.userId, access),
  recordChildPopulation: (_parent, { input }, { data, identity, access }) =>
    data.populations.record(input, identity.userId, access),
};
