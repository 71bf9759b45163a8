import { SPECIAL_CIRCUMSTANCE_LABELS } from '../domain/special-circumstances.js';
import type {
  ChildResolvers,
  ParentingSessionResolvers,
  PilotModelResolvers,
  ProtectionCaseResolvers,
  ReferralEventResolvers,
  ReferralNetworkAssessmentResolvers,
  ReferralResolvers,
  SocialSupportResolvers,
  SpecialCircumstanceRecordResolvers,
} from '../generated/graphql.js';

const childOf = (row: { childKey: string }) => ({ key: row.childKey });

export const Child: ChildResolvers = {
  // Every sector resolves a child by key; one holding nothing for it (in the person's territory) answers empty lists.
  __resolveReference: (reference) => ({ key: reference.key }),
  referrals: (child, _args, { data, access }) => data.referrals.ofChild(child, access),
  specialCircumstances: (child, _args, { data, access }) => data.records.specialCircumstances(child, access),
  protectionCases: (child, _args, { data, access }) => data.records.protectionCases(child, access),
  socialSupport: (child, _args, { data, access }) => data.records.socialSupport(child, access),
};

export const SpecialCircumstanceRecord: SpecialCircumstanceRecordResolvers = {
  child: childOf,
  categoryLabel: (row) => SPECIAL_CIRCUMSTANCE_LABELS[row.category],
  commune: (row, _args, { data }) => data.units.at(row.communeCode, row.communeValidFrom),
  recordedAt: (row) => row.createdAt.toISOString(),
};

export const ProtectionCase: ProtectionCaseResolvers = {
  child: childOf,
  commune: (row, _args, { data }) => data.units.at(row.communeCode, row.communeValidFrom),
  recordedAt: (row) => row.createdAt.toISOString(),
};

export const SocialSupport: SocialSupportResolvers = {
  child: childOf,
  from: (row) => row.fromDate,
  to: (row) => row.toDate,
  commune: (row, _args, { data }) => data.units.at(row.communeCode, row.communeValidFrom),
};

export const ParentingSession: ParentingSessionResolvers = {
  commune: (row, _args, { data }) => data.units.at(row.communeCode, row.communeValidFrom),
};

export const PilotModel: PilotModelResolvers = {
  unit: (row, _args, { data }) => data.units.at(row.unitCode, row.unitValidFrom),
};

export const ReferralNetworkAssessment: ReferralNetworkAssessmentResolvers = {
  unit: (row, _args, { data }) => data.units.at(row.unitCode, row.unitValidFrom),
};

export const Referral: ReferralResolvers = {
  child: childOf,
  // The smallest unit the referral is located in.
  unit: (row, _args, { data }) => data.referrals.unitOf(row),
  events: (row, _args, { data }) => data.referrals.events(row),
};

export const ReferralEvent: ReferralEventResolvers = {
  at: (event) => event.at.toISOString(),
};
