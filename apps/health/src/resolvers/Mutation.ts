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
  // A registration with a personal number keys a child by it (its answer, or a CONFLICT, tells whether the
  // number is registered, and its key leads to the child's records in every sector): like `childByPersonalId`
  // it first counts one of the person's lookups by personal number, and once those are used up no
  // registration with a number is answered until the window ends (RATE_LIMITED, nothing written). The
  // attempt's WRITE row carries the number's key (the audit plugin notes it).
  async registerChild(_parent, { input }, { prisma, identity, access, audit }) {
    if (input.personalId != null) await audit.limiter.consume(identity.userId);
    return registerChild(prisma, input, childKeySecret, identity.userId, access);
  },
  recordImmunisation: (_parent, { input }, { prisma, identity, access }) => recordImmunisation(prisma, input, identity.userId, access),
  registerPregnancy: (_parent, { input }, { prisma, identity, access }) => registerPregnancy(prisma, input, identity.userId, access),
  recordAntenatalVisit: (_parent, { input }, { prisma, identity, access }) => recordAntenatalVisit(prisma, input, identity.userId, access),
  recordHealthServiceContact: (_parent, { input }, { prisma, identity, access }) => recordHealthServiceContact(prisma, input, identity.userId, access),
});

