import type { ChildResolvers } from '../generated/graphql.js';

/** A Child the gateway asks about by key: what health holds for it, empty when health does not know the child. */
export const Child: ChildResolvers = {
  __resolveReference: (reference) => ({ key: reference.key }),
  healthRecord: (child, _args, { loaders }) => loaders.childRecordByKey.load(child.key),
  async immunisations(child, _args, { loaders }) {
    const record = await loaders.childRecordByKey.load(child.key);
    return record ? loaders.immunisationsOfChild.load(record.id) : [];
  },
  async growthMeasurements(child, _args, { loaders }) {
    const record = await loaders.childRecordByKey.load(child.key);
    return record ? loaders.growthOfChild.load(record.id) : [];
  },
  async healthServiceContacts(child, _args, { loaders }) {
    const record = await loaders.childRecordByKey.load(child.key);
    return record ? loaders.serviceContactsOfChild.load(record.id) : [];
  },
};
