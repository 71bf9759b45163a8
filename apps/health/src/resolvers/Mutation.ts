import type { MutationResolvers } from '../generated/graphql.js';

/** The mutations: each data function checks the units it writes to against the person's territory (`access`) before writing. */
export const Mutation: MutationResolvers = {
  recordGrowthMeasurement: (_parent, { input }, context) => context.data.growth.record(input, context),
  registerChild: (_parent, { input }, context) => context.data.children.register(input, context),
  recordImmunisation: (_parent, { input }, context) => context.data.immunisations.record(input, context),
  registerPregnancy: (_parent, { input }, context) => context.data.antenatal.registerPregnancy(input, context),
  recordAntenatalVisit: (_parent, { input }, context) => context.data.antenatal.recordVisit(input, context),
  recordHealthServiceContact: (_parent, { input }, context) =>
    context.data.children.recordServiceContact(input, context),
};
