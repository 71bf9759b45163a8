import { toIsoDate } from '@ecd/service-kit';
import type {
  ExpectedReportResolvers,
  ReaggregatedValueResolvers,
  ReportingPeriodResolvers,
  SubmissionResolvers,
  SubmissionTransitionResolvers,
  SubmissionValueResolvers,
} from '../generated/graphql.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { endOfDayInVietnam } from '../domain/reporting-board.js';
import { reportingStatus } from '../reporting/status.js';

export const ReportingPeriod: ReportingPeriodResolvers = {
  plan: async (period, _args, { loaders }) => (await loaders.plan.load(period.planId))!,
  recipient: async (period, _args, { loaders }) => (await loaders.agency.load(period.recipientCode))!,
  expectedReports: (period, _args, { prisma }) => prisma.expectedReport.findMany({ where: { periodId: period.id }, orderBy: { reporterCode: 'asc' } }),
  status: (period, _args, { prisma }) => reportingStatus(prisma, period),
};

const firstSubmittedAt = async (expectedReportId: string, prisma: PrismaClient) =>
  (await prisma.submission.aggregate({ where: { expectedReportId, submittedAt: { not: null } }, _min: { submittedAt: true } }))._min.submittedAt;

export const ExpectedReport: ExpectedReportResolvers = {
  reporter: async (report, _args, { loaders }) => (await loaders.agency.load(report.reporterCode))!,
  latest: (report, _args, { prisma }) => prisma.submission.findFirst({ where: { expectedReportId: report.id }, orderBy: { version: 'desc' } }),
  versions: (report, _args, { prisma }) => prisma.submission.findMany({ where: { expectedReportId: report.id }, orderBy: { version: 'asc' } }),
  firstSubmittedAt: async (report, _args, { prisma }) => (await firstSubmittedAt(report.id, prisma))?.toISOString() ?? null,
  async onTime(report, _args, { prisma }) {
    const [first, period] = await Promise.all([firstSubmittedAt(report.id, prisma), prisma.reportingPeriod.findUniqueOrThrow({ where: { id: report.periodId } })]);
    return first ? first <= endOfDayInVietnam(period.dueOn) : null;
  },
  async overdue(report, _args, { prisma }) {
    const [first, period] = await Promise.all([firstSubmittedAt(report.id, prisma), prisma.reportingPeriod.findUniqueOrThrow({ where: { id: report.periodId } })]);
    return !first && new Date() > endOfDayInVietnam(period.dueOn);
  },
};

export const Submission: SubmissionResolvers = {
  createdAt: (submission) => submission.createdAt.toISOString(),
  submittedAt: (submission) => submission.submittedAt?.toISOString() ?? null,
  values: (submission, _args, { prisma }) =>
    prisma.submissionValue.findMany({ where: { submissionId: submission.id }, orderBy: [{ indicatorCode: 'asc' }, { unitCode: 'asc' }] }),
  history: (submission, _args, { prisma }) => prisma.submissionTransition.findMany({ where: { submissionId: submission.id }, orderBy: { at: 'asc' } }),
};

export const SubmissionValue: SubmissionValueResolvers = {
  indicator: async (value, _args, { loaders }) => (await loaders.indicator.load(value.indicatorCode))!,
  unit: async (value, _args, { loaders }) => (await loaders.unit.load({ code: value.unitCode, validFrom: toIsoDate(value.unitValidFrom) }))!,
  numerator: (value) => value.numerator.toNumber(),
  denominator: (value) => value.denominator?.toNumber() ?? null,
  async value(value, _args, { loaders }) {
    const indicator = (await loaders.indicator.load(value.indicatorCode))!;
    if (value.denominator === null) return value.numerator.toNumber();
    return (value.numerator.toNumber() / value.denominator.toNumber()) * indicator.factor.toNumber();
  },
};

export const SubmissionTransition: SubmissionTransitionResolvers = {
  from: (transition) => transition.fromStatus,
  to: (transition) => transition.toStatus,
  at: (transition) => transition.at.toISOString(),
};

export const ReaggregatedValue: ReaggregatedValueResolvers = {
  value: (row) => (row.denominator === null ? row.numerator : row.denominator > 0 ? (row.numerator / row.denominator) * row.factor : null),
};
