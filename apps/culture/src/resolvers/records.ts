import { toIsoDate } from '@ecd/service-kit';
import type { UnitKey } from '@ecd/database';
import type { ChildActivityResolvers, CulturalFacilityResolvers, OutreachResolvers } from '../generated/graphql.js';
import { CHILD_ACTIVITY_KIND_LABELS, FACILITY_KIND_LABELS, OUTREACH_CHANNEL_LABELS, OUTREACH_KIND_LABELS } from '../domain/labels.js';

const unit = (code: string, validFrom: Date): UnitKey => ({ code, validFrom: toIsoDate(validFrom) });
const optionalUnit = (code: string | null, validFrom: Date | null) => (code && validFrom ? unit(code, validFrom) : null);

export const CulturalFacility: CulturalFacilityResolvers = {
  kindLabel: (f) => FACILITY_KIND_LABELS[f.kind],
  commune: (f) => unit(f.communeCode, f.communeValidFrom),
  district: (f) => optionalUnit(f.districtCode, f.districtValidFrom),
  province: (f) => unit(f.provinceCode, f.provinceValidFrom),
};

export const ChildActivity: ChildActivityResolvers = {
  kindLabel: (a) => CHILD_ACTIVITY_KIND_LABELS[a.kind],
  facility: (a, _args, { prisma }) => (a.facilityId ? prisma.culturalFacility.findUnique({ where: { id: a.facilityId } }) : null),
  commune: (a) => unit(a.communeCode, a.communeValidFrom),
};

/** The most specific unit a record is located at: commune, else district, else province. */
export const Outreach: OutreachResolvers = {
  kindLabel: (o) => OUTREACH_KIND_LABELS[o.kind],
  channelLabel: (o) => OUTREACH_CHANNEL_LABELS[o.channel],
  from: (o) => o.dateFrom,
  to: (o) => o.dateTo,
  unit: (o) => optionalUnit(o.communeCode, o.communeValidFrom) ?? optionalUnit(o.districtCode, o.districtValidFrom) ?? unit(o.provinceCode, o.provinceValidFrom),
};
