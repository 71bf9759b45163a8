import { CHILD_ACTIVITY_KIND_LABELS } from '../domain/labels.js';
import type { ChildActivityResolvers } from '../generated/graphql.js';
import { unit } from './units.js';

export const ChildActivity: ChildActivityResolvers = {
  kindLabel: (a) => CHILD_ACTIVITY_KIND_LABELS[a.kind],
  facility: (a, _args, { data }) => (a.facilityId ? data.facilities.byId(a.facilityId) : null),
  commune: (a) => unit(a.communeCode, a.communeValidFrom),
};
