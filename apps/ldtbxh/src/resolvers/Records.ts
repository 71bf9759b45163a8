import { locationOf, toIsoDate } from '@ecd/service-kit';
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
import type { Context } from '../context.js';
import { SPECIAL_CIRCUMSTANCE_LABELS } from '../domain/special-circumstances.js';

type Located = { communeCode: string | null; communeValidFrom: Date | null };
const commune = (row: Located, { loaders }: Context) => loaders.unit.load({ code: row.communeCode!, validFrom: toIsoDate(row.communeValidFrom!) }).then((u) => u!);
const unitOf = (row: { unitCode: string; unitValidFrom: Date }, { loaders }: Context) => loaders.unit.load({ code: row.unitCode, validFrom: toIsoDate(row.unitValidFrom) }).then((u) => u!);
const childOf = (row: { childKey: string }) => ({ key: row.childKey });

/**
 * A Child is keyed by `key` only, so the field guard has no unit to check: each record's own unit
 * decides, and records located outside the person's territory are left out.
 */
const inScope = async <Row extends object>(rows: Promise<Row[]>, { access }: Context, typeName: string) => {
  return (await rows).filter((row) => {
    const unit = locationOf(row, typeName);
    return unit !== undefined && access.covers(unit);
  });
};

export const Child: ChildResolvers = {
  // Every sector resolves a child by key; one holding nothing for it (in the person's territory) answers empty lists.
  __resolveReference: (reference) => ({ key: reference.key }),
  referrals: (child, _args, context) => inScope(context.loaders.referralsOfChild.load(child.key), context, 'Referral'),
  specialCircumstances: (child, _args, context) => inScope(context.loaders.specialCircumstancesOfChild.load(child.key), context, 'SpecialCircumstanceRecord'),
  protectionCases: (child, _args, context) => inScope(context.loaders.protectionCasesOfChild.load(child.key), context, 'ProtectionCase'),
  socialSupport: (child, _args, context) => inScope(context.loaders.socialSupportOfChild.load(child.key), context, 'SocialSupport'),
};

export const SpecialCircumstanceRecord: SpecialCircumstanceRecordResolvers = {
  child: childOf,
  categoryLabel: (row) => SPECIAL_CIRCUMSTANCE_LABELS[row.category],
  commune: (row, _args, context) => commune(row, context),
  recordedAt: (row) => row.createdAt.toISOString(),
};

export const ProtectionCase: ProtectionCaseResolvers = {
  child: childOf,
  commune: (row, _args, context) => commune(row, context),
  recordedAt: (row) => row.createdAt.toISOString(),
};

export const SocialSupport: SocialSupportResolvers = {
  child: childOf,
  from: (row) => row.fromDate,
  to: (row) => row.toDate,
  commune: (row, _args, context) => commune(row, context),
};

export const ParentingSession: ParentingSessionResolvers = {
  commune: (row, _args, context) => commune(row, context),
};

export const PilotModel: PilotModelResolvers = {
  unit: (row, _args, context) => unitOf(row, context),
};

export const ReferralNetworkAssessment: ReferralNetworkAssessmentResolvers = {
  unit: (row, _args, context) => unitOf(row, context),
};

export const Referral: ReferralResolvers = {
  child: childOf,
  async unit(row, _args, { loaders }) {
    // The smallest unit the referral is located in.
    const [code, validFrom] = row.communeCode
      ? [row.communeCode, row.communeValidFrom!]
      : row.districtCode
        ? [row.districtCode, row.districtValidFrom!]
        : [row.provinceCode, row.provinceValidFrom];
    return (await loaders.unit.load({ code, validFrom: toIsoDate(validFrom) }))!;
  },
  events: (row, _args, { loaders }) => loaders.referralEvents.load(row.id),
};

export const ReferralEvent: ReferralEventResolvers = {
  at: (event) => event.at.toISOString(),
};
