import type { ChildResolvers } from '../generated/graphql.js';

/**
 * A Child the gateway asks about by key: what health holds for it, empty when health does not know the
 * child or it is registered outside the person's territory (the record's commune decides: a Child has no unit).
 */
export const Child: ChildResolvers = {
  __resolveReference: (reference) => ({ key: reference.key }),
  healthRecord: (child, _args, { data, access }) => data.children.recordOf(child.key, access),
  immunisations: (child, _args, { data, access }) => data.children.immunisationsOf(child.key, access),
  growthMeasurements: (child, _args, { data, access }) => data.children.growthMeasurementsOf(child.key, access),
  healthServiceContacts: (child, _args, { data, access }) => data.children.serviceContactsOf(child.key, access),
};
