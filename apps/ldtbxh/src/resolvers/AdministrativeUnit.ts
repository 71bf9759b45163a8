import type { AdministrativeUnitResolvers, UnitSuccessionResolvers } from '../generated/graphql.js';

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference: (reference, { data }) => data.units.byReference(reference),
  parent: (unit, _args, { data }) => data.units.parentOf(unit),
  children: (unit, { first, after }, { data }) => data.units.children(unit, first, after),
  communes: (unit, { first, after }, { data }) => data.units.communes(unit, first, after),
  predecessors: (unit, _args, { data }) => data.units.predecessors(unit),
  successors: (unit, _args, { data }) => data.units.successors(unit),
  agencies: (unit, { asOf }, { data }) => data.registry.agenciesOfUnit(unit, asOf),
  plans: (unit, _args, { data }) => data.plans.forUnit(unit),
  referrals: (unit, { status, first, after }, { data }) => data.referrals.inUnit(unit, { status, first, after }),
  referralNetworks: (unit, { year }, { data }) => data.records.referralNetworks(unit, year),
};

export const UnitSuccession: UnitSuccessionResolvers = {
  partial: (link) => link.shareNote !== null,
};
