import { OUTREACH_CHANNEL_LABELS, OUTREACH_KIND_LABELS } from '../domain/labels.js';
import type { OutreachResolvers } from '../generated/graphql.js';
import { optionalUnit, unit } from './units.js';

/** The most specific unit a record is located at: commune, else district, else province. */
export const Outreach: OutreachResolvers = {
  kindLabel: (o) => OUTREACH_KIND_LABELS[o.kind],
  channelLabel: (o) => OUTREACH_CHANNEL_LABELS[o.channel],
  from: (o) => o.dateFrom,
  to: (o) => o.dateTo,
  unit: (o) =>
    optionalUnit(o.communeCode, o.communeValidFrom) ??
    optionalUnit(o.districtCode, o.districtValidFrom) ??
    unit(o.provinceCode, o.provinceValidFrom),
};
