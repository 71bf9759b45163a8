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

/**
 * Each data function checks the unit it writes to against the person's territory (`scope: access`) before writing.
 * A write that takes a personal number keys a child by it, as `childByPersonalId` does: it first counts one of
 * the person's lookups by personal number (refused RATE_LIMITED, nothing written, when none is left); its WRITE
 * row carries the number's key. Referrals are sent from, and answered by, the person's own sector (`caller: access`).
 */
export const Mutation: MutationResolvers = {
  async importPlan(_parent, { document, format, dryRun }, { prisma, identity, access }) {
    const { summary, planId } = await importPlan(prisma, document, { format: format ?? 'YAML', dryRun: dryRun ?? false, actor: identity.userId, scope: access });
    return { ...summary, dryRun: dryRun ?? false, planId };
  },
  openReportingPeriod: (_parent, { planKey, frequency, year }, { prisma, identity, access }) => openReportingPeriod(prisma, planKey, frequency, year, identity.userId, access),
  closeReportingPeriod: (_parent, { periodId }, { prisma, access }) => closeReportingPeriod(prisma, periodId, access),
  createSubmission: (_parent, { periodId, reporterCode, values, note }, { prisma, identity, access }) =>
    createSubmission(prisma, { periodId, reporterCode, values, note, actor: identity.userId, scope: access }),
  updateDraft: (_parent, { submissionId, values, note }, { prisma, access }) => updateDraft(prisma, { submissionId, values, note, scope: access }),
  submitReport: (_parent, { submissionId }, { prisma, identity, access }) => transition(prisma, { submissionId, action: 'SUBMIT', actor: identity.userId, scope: access }),
  acceptReport: (_parent, { submissionId }, { prisma, identity, access }) => transition(prisma, { submissionId, action: 'ACCEPT', actor: identity.userId, scope: access }),
  returnReport: (_parent, { submissionId, reason }, { prisma, identity, access }) =>
    transition(prisma, { submissionId, action: 'RETURN', actor: identity.userId, reason, scope: access }),
  async recordSocialAffairsIndicatorValue(_parent, { input }, { prisma, identity, access }) {
    const owned = await prisma.indicator.findMany({ where: { sector: 'SOCIAL_AFFAIRS' }, select: { code: true } });
    const { id } = await recordIndicatorValue(prisma, input, {
      ownedIndicators: new Set(owned.map((i) => i.code)),
      computed: SOCIAL_AFFAIRS_COMPUTED,
      actor: identity.userId,
      scope: access,
    });
    return { id, ...input, denominator: input.denominator ?? null };
  },
  async recordSpecialCircumstance(_parent, { input }, { prisma, identity, loaders, access, audit }) {
    await audit.limiter.consume(identity.userId);
    return recordSpecialCircumstance(prisma, input, { actor: identity.userId, childKeySecret: loaders.childKeySecret, scope: access });
  },
  setSpecialCircumstanceStatus: (_parent, { id, status }, { prisma, access }) => setSpecialCircumstanceStatus(prisma, id, status, access),
  async recordProtectionCase(_parent, { input }, { prisma, identity, loaders, access, audit }) {
    await audit.limiter.consume(identity.userId);
    return recordProtectionCase(prisma, input, { actor: identity.userId, childKeySecret: loaders.childKeySecret, scope: access });
  },
  advanceProtectionCase: (_parent, { id, status, support }, { prisma, access }) => advanceProtectionCase(prisma, id, status, support, access),
  async recordSocialSupport(_parent, { input }, { prisma, identity, loaders, access, audit }) {
    await audit.limiter.consume(identity.userId);
    return recordSocialSupport(prisma, input, { actor: identity.userId, childKeySecret: loaders.childKeySecret, scope: access });
  },
  recordParentingSession: (_parent, { input }, { prisma, identity, access }) => recordParentingSession(prisma, input, { actor: identity.userId, scope: access }),
  recordPilotModel: (_parent, { input }, { prisma, identity, access }) => recordPilotModel(prisma, input, { actor: identity.userId, scope: access }),
  recordReferralNetwork: (_parent, { input }, { prisma, identity, access }) => recordReferralNetwork(prisma, input, { actor: identity.userId, scope: access }),
  async sendReferral(_parent, { input }, { prisma, identity, loaders, access, audit }) {
    await audit.limiter.consume(identity.userId);
    return sendReferral(prisma, input, { actor: identity.userId, childKeySecret: loaders.childKeySecret, scope: access, caller: access });
  },
  acceptReferral: (_parent, { id }, { prisma, identity, access }) => transitionReferral(prisma, { id, action: 'ACCEPT', actor: identity.userId, scope: access, caller: access }),
  declineReferral: (_parent, { id, reason }, { prisma, identity, access }) =>
    transitionReferral(prisma, { id, action: 'DECLINE', reason, actor: identity.userId, scope: access, caller: access }),
  recordReferralOutcome: (_parent, { id, delivered, reason }, { prisma, identity, access }) =>
    transitionReferral(prisma, { id, action: delivered ? 'DELIVER' : 'NOT_DELIVER', reason, actor: identity.userId, scope: access, caller: access }),
};
