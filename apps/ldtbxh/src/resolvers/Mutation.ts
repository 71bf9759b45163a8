import { recordIndicatorValue } from '@ecd/database';
import type { MutationResolvers } from '../generated/graphql.js';
import { importPlan } from '../plans/plan-import.js';
import { closeReportingPeriod, openReportingPeriod } from '../reporting/periods.js';
import { createSubmission, transition, updateDraft } from '../reporting/submissions.js';
import { SOCIAL_AFFAIRS_COMPUTED } from '../records/computed-indicators.js';
import {
  advanceProtectionCase,
  recordParentingSession,
  recordPilotModel,
  recordProtectionCase,
  recordReferralNetwork,
  recordSocialSupport,
  recordSpecialCircumstance,
  setSpecialCircumstanceStatus,
} from '../records/records.js';
import { sendReferral, transitionReferral } from '../records/referrals.js';

export const Mutation: MutationResolvers = {
  async importPlan(_parent, { document, format, dryRun }, { prisma, identity }) {
    const { summary, planId } = await importPlan(prisma, document, { format: format ?? 'YAML', dryRun: dryRun ?? false, actor: identity.userId });
    return { ...summary, dryRun: dryRun ?? false, planId };
  },
  openReportingPeriod: (_parent, { planKey, frequency, year }, { prisma, identity }) => openReportingPeriod(prisma, planKey, frequency, year, identity.userId),
  closeReportingPeriod: (_parent, { periodId }, { prisma }) => closeReportingPeriod(prisma, periodId),
  createSubmission: (_parent, { periodId, reporterCode, values, note }, { prisma, identity }) =>
    createSubmission(prisma, { periodId, reporterCode, values, note, actor: identity.userId }),
  updateDraft: (_parent, { submissionId, values, note }, { prisma }) => updateDraft(prisma, { submissionId, values, note }),
  submitReport: (_parent, { submissionId }, { prisma, identity }) => transition(prisma, { submissionId, action: 'SUBMIT', actor: identity.userId }),
  acceptReport: (_parent, { submissionId }, { prisma, identity }) => transition(prisma, { submissionId, action: 'ACCEPT', actor: identity.userId }),
  returnReport: (_parent, { submissionId, reason }, { prisma, identity }) => transition(prisma, { submissionId, action: 'RETURN', actor: identity.userId, reason }),
  async recordSocialAffairsIndicatorValue(_parent, { input }, { prisma, identity }) {
    const owned = await prisma.indicator.findMany({ where: { sector: 'SOCIAL_AFFAIRS' }, select: { code: true } });
    const { id } = await recordIndicatorValue(prisma, input, { ownedIndicators: new Set(owned.map((i) => i.code)), computed: SOCIAL_AFFAIRS_COMPUTED, actor: identity.userId });
    return { id, ...input, denominator: input.denominator ?? null };
  },
  recordSpecialCircumstance: (_parent, { input }, { prisma, identity, loaders }) =>
    recordSpecialCircumstance(prisma, input, { actor: identity.userId, childKeySecret: loaders.childKeySecret }),
  setSpecialCircumstanceStatus: (_parent, { id, status }, { prisma }) => setSpecialCircumstanceStatus(prisma, id, status),
  recordProtectionCase: (_parent, { input }, { prisma, identity, loaders }) => recordProtectionCase(prisma, input, { actor: identity.userId, childKeySecret: loaders.childKeySecret }),
  advanceProtectionCase: (_parent, { id, status, support }, { prisma }) => advanceProtectionCase(prisma, id, status, support),
  recordSocialSupport: (_parent, { input }, { prisma, identity, loaders }) => recordSocialSupport(prisma, input, { actor: identity.userId, childKeySecret: loaders.childKeySecret }),
  recordParentingSession: (_parent, { input }, { prisma, identity }) => recordParentingSession(prisma, input, { actor: identity.userId }),
  recordPilotModel: (_parent, { input }, { prisma, identity }) => recordPilotModel(prisma, input, { actor: identity.userId }),
  recordReferralNetwork: (_parent, { input }, { prisma, identity }) => recordReferralNetwork(prisma, input, { actor: identity.userId }),
  sendReferral: (_parent, { input }, { prisma, identity, loaders }) => sendReferral(prisma, input, { actor: identity.userId, childKeySecret: loaders.childKeySecret }),
  acceptReferral: (_parent, { id }, { prisma, identity }) => transitionReferral(prisma, { id, action: 'ACCEPT', actor: identity.userId }),
  declineReferral: (_parent, { id, reason }, { prisma, identity }) => transitionReferral(prisma, { id, action: 'DECLINE', reason, actor: identity.userId }),
  recordReferralOutcome: (_parent, { id, delivered, reason }, { prisma, identity }) =>
    transitionReferral(prisma, { id, action: delivered ? 'DELIVER' : 'NOT_DELIVER', reason, actor: identity.userId }),
};
