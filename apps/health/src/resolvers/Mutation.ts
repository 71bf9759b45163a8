import type { MutationResolvers } from '../generated/graphql.js';
import { recordGrowthMeasurement } from '../growth/record-measurement.js';
import { recordAntenatalVisit, registerPregnancy } from '../records/antenatal.js';
import { recordHealthServiceContact, registerChild } from '../records/child.js';
import { recordImmunisation } from '../records/immunisation.js';

/** The mutations; registering a child needs the shared secret its federation key is derived with. */
export const createMutation = (childKeySecret: string): MutationResolvers => ({
  recordGrowthMeasurement: (_parent, { input }, { prisma, identity }) => recordGrowthMeasurement(prisma, input, identity.userId),
  registerChild: (_parent, { input }, { prisma, identity }) => registerChild(prisma, input, childKeySecret, identity.userId),
  recordImmunisation: (_parent, { input }, { prisma, identity }) => recordImmunisation(prisma, input, identity.userId),
  registerPregnancy: (_parent, { input }, { prisma, identity }) => registerPregnancy(prisma, input, identity.userId),
  recordAntenatalVisit: (_parent, { input }, { prisma, identity }) => recordAntenatalVisit(prisma, input, identity.userId),
  recordHealthServiceContact: (_parent, { input }, { prisma, identity }) => recordHealthServiceContact(prisma, input, identity.userId),
});
