import type { MutationResolvers } from '../generated/graphql.js';

/**
 * Each data function checks the unit it writes to against the person's territory (`scope: access`) before writing.
 * A write that takes a personal number keys a child by it, as `childByPersonalId` does: it first counts one of
 * the person's lookups by personal number (refused RATE_LIMITED, nothing written, when none is left); its WRITE
 * row carries the number's key. Referrals are sent from, and answered by, the person's own sector (`caller: access`).
 */
export const Mutation: MutationResolvers = {
  importPlan: (_parent, { document, format, dryRun }, { data, identity, access }) =>
    data.plans.import(document, {
      format: format ?? 'YAML',
      dryRun: dryRun ?? false,
      actor: identity.userId,
      scope: access,
    }),
  importAgencies: (_parent, { document, format, dryRun }, { data, identity, access }) =>
    data.registry.import(document, {
      format: format ?? 'YAML',
      dryRun: dryRun ?? false,
      actor: identity.userId,
      scope: access,
    }),
  openReportingPeriod: (_parent, { planKey, frequency, year }, { data, identity, access, logger }) =>
    data.reporting.openPeriod(planKey, frequency, year, identity.userId, access, logger),
  closeReportingPeriod: (_parent, { periodId }, { data, access }) => data.reporting.closePeriod(periodId, access),
  createSubmission: (_parent, { periodId, reporterCode, values, ...texts }, { data, identity, access }) =>
    data.reporting.createSubmission({
      periodId,
      reporterCode,
      values,
      ...texts,
      actor: identity.userId,
      scope: access,
    }),
  updateDraft: (_parent, { submissionId, values, ...texts }, { data, access }) =>
    data.reporting.updateDraft({ submissionId, values, ...texts, scope: access }),
  submitReport: (_parent, { submissionId }, { data, identity, access }) =>
    data.reporting.transition({ submissionId, action: 'SUBMIT', actor: identity.userId, scope: access }),
  acceptReport: (_parent, { submissionId }, { data, identity, access }) =>
    data.reporting.transition({ submissionId, action: 'ACCEPT', actor: identity.userId, scope: access }),
  returnReport: (_parent, { submissionId, reason }, { data, identity, access }) =>
    data.reporting.transition({ submissionId, action: 'RETURN', actor: identity.userId, reason, scope: access }),
  recordSocialAffairsIndicatorValue: (_parent, { input }, { data, identity, access }) =>
    data.progress.record(input, { actor: identity.userId, scope: access }),
  async recordSpecialCircumstance(_parent, { input }, { data, identity, access, audit }) {
    await audit.limiter.consume(identity.userId);
    return data.records.recordSpecialCircumstance(input, { actor: identity.userId, scope: access });
  },
  setSpecialCircumstanceStatus: (_parent, { id, status }, { data, access }) =>
    data.records.setSpecialCircumstanceStatus(id, status, access),
  async recordProtectionCase(_parent, { input }, { data, identity, access, audit }) {
    await audit.limiter.consume(identity.userId);
    return data.records.recordProtectionCase(input, { actor: identity.userId, scope: access });
  },
  advanceProtectionCase: (_parent, { id, status, support }, { data, access }) =>
    data.records.advanceProtectionCase(id, status, support, access),
  async recordSocialSupport(_parent, { input }, { data, identity, access, audit }) {
    await audit.limiter.consume(identity.userId);
    return data.records.recordSocialSupport(input, { actor: identity.userId, scope: access });
  },
  recordParentingSession: (_parent, { input }, { data, identity, access }) =>
    data.records.recordParentingSession(input, { actor: identity.userId, scope: access }),
  recordPilotModel: (_parent, { input }, { data, identity, access }) =>
    data.records.recordPilotModel(input, { actor: identity.userId, scope: access }),
  recordReferralNetwork: (_parent, { input }, { data, identity, access }) =>
    data.records.recordReferralNetwork(input, { actor: identity.userId, scope: access }),
  async sendReferral(_parent, { input }, { data, identity, access, audit }) {
    await audit.limiter.consume(identity.userId);
    return data.referrals.send(input, { actor: identity.userId, scope: access, caller: access });
  },
  acceptReferral: (_parent, { id }, { data, identity, access }) =>
    data.referrals.transition({ id, action: 'ACCEPT', actor: identity.userId, scope: access, caller: access }),
  declineReferral: (_parent, { id, reason }, { data, identity, access }) =>
    data.referrals.transition({ id, action: 'DECLINE', reason, actor: identity.userId, scope: access, caller: access }),
  recordReferralOutcome: (_parent, { id, delivered, reason }, { data, identity, access }) =>
    data.referrals.transition({
      id,
      action: delivered ? 'DELIVER' : 'NOT_DELIVER',
      reason,
      actor: identity.userId,
      scope: access,
      caller: access,
    }),
};
