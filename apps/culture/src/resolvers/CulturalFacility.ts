import { FACILITY_KIND_LABELS } from '../domain/labels.js';
import type { CulturalFacilityResolvers } from '../generated/graphql.js';
import { optionalUnit, unit } from './units.js';

export const CulturalFacility: CulturalFacilityResolvers = {
  kindLabel: (f) => FACILITY_KIND_LABELS[f.kind],
  commune: (f) => unit(f.communeCode, f.communeValidFrom),
  district: (f) => optionalUnit(f.districtCode, f.districtValidFrom),
  province: (f) => unit(f.provinceCode, f.provinceValidFrom),
};
