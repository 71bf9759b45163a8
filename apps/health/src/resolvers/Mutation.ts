import type { MutationResolvers } from '../generated/graphql.js';
import { recordGrowthMeasurement } from '../growth/record-measurement.js';
import { recordAntenatalVisit, registerPregnancy } from '../records/antenatal.js';
import { recordHealthServiceContact, registerChild } from '../records/child.js';
import { recordImmunisation } from '../records/immunisation.js';

/**
 * The mutations; registering a child needs the shared secret its federation key is derived with. Each
 * data function checks the unit it writes to against the person's territory (`access`) before writing.
 */
export const createMutation = (childKeySecret: string): MutationResolvers => ({
  recordGrowthMeasurement: (_parent, { input }, { prisma, identity, access }) => recordGrowthMeasurement(prisma, input, identity.userId, access),
  // A CONFLICT tells whether a personal number is registered: such answers count against the person's
  // lookups by personal number, and once those are used up no registration with a number is answered
  // until the window ends (RATE_LIMITED). The attempt's WRITE row carries the number's key (the audit plugin notes it).
  async registerChild(_parent, { input }, { prisma, identity, access, audit }) {
    if (!/^\d{12}$/.test(input.personalId ?? '')) return registerChild(prisma, input, childKeySecret, identity.userId, access);
    await audit.limiter.assertRemaining(identity.userId);
    try {
      return await registerChild(prisma, input, childKeySecret, identity.userId, access);
    } catch (error) {
      if ((error as { extensions?: { reason?: unknown } }).extensions?.reason === 'CHILD_ALREADY_REGISTERED') await audit.limiter.count(identity.userId);
      throw error;
    }
  },
  recordImmunisation: (_parent, { input }, { prisma, identity, access }) => recordImmunisation(prisma, input, identity.userId, access),
  registerPregnancy: (_parent, { input }, { prisma, identity, access }) => registerPregnancy(prisma, input, identity.userId, access),
  recordAntenatalVisit: (_parent, { input }, { prisma, identity, access }) => recordAntenatalVisit(prisma, input, identity.userId, access),
  recordHealthServiceContact: (_parent, { input }, { prisma, identity, access }) => recordHealthServiceContact(prisma, input, identity.userId, access),
});

