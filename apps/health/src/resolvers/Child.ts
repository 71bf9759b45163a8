import type { Context } from '../context.js';
import type { ChildResolvers } from '../generated/graphql.js';

/**
 * The child's record, when it is registered in the person's territory. A Child is keyed by `key` only,
 * so the field guard has no unit to check: the record's commune decides, and a child registered
 * elsewhere is, to this person, a child health does not know.
 */
async function recordInScope(key: string, { loaders, access }: Context) {
  const record = await loaders.childRecordByKey.load(key);
  return record && access.covers({ code: record.communeCode, validFrom: record.communeValidFrom }) ? record : null;
}

/** A Child the gateway asks about by key: what health holds for it, empty when health does not know the child (or not in the person's territory). */
export const Child: ChildResolvers = {
  __resolveReference: (reference) => ({ key: reference.key }),
  healthRecord: (child, _args, context) => recordInScope(child.key, context),
  // Doses and services carry no unit of their own: they are the record's.
  async immunisations(child, _args, context) {
    const record = await recordInScope(child.key, context);
    return record ? context.loaders.immunisationsOfChild.load(record.id) : [];
  },
  // Measurements carry the commune where they were taken: each must lie in the territory too.
  async growthMeasurements(child, _args, context) {
    const record = await recordInScope(child.key, context);
    const measurements = record ? await context.loaders.growthOfChild.load(record.id) : [];
    return measurements.filter((m) => context.access.covers({ code: m.communeCode, validFrom: m.communeValidFrom }));
  },
  async healthServiceContacts(child, _args, context) {
    const record = await recordInScope(child.key, context);
    return record ? context.loaders.serviceContactsOfChild.load(record.id) : [];
  },
};
