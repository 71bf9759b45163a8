import { figureValue } from '../domain/progress.js';
import type {
  ExpectedReportResolvers,
  ReaggregatedValueResolvers,
  ReportingPeriodResolvers,
  SubmissionResolvers,
  SubmissionTransitionResolvers,
  SubmissionValueResolvers,
} from '../generated/graphql.js';

export const ReportingPeriod: ReportingPeriodResolvers = {
  plan: (period, _args, { data }) => data.plans.get(period.planId),
  recipient: (period, _args, { data }) => data.registry.agency(period.recipientCode),
  expectedReports: (period, _args, { data }) => data.reporting.expectedReports(period),
  status: (period, _args, { data }) => data.reporting.status(period),
};

// Every field of an expected report comes from one batched load of the request's reports (their versions and due days).
export const ExpectedReport: ExpectedReportResolvers = {
  reporter: (report, _args, { data }) => data.registry.agency(report.reporterCode),
  latest: async (report, _args, { data }) => (await data.reporting.reportState(report)).latest,
  versions: async (report, _args, { data }) => (await data.reporting.reportState(report)).versions,
  firstSubmittedAt: async (report, _args, { data }) =>
    (await data.reporting.reportState(report)).firstSubmittedAt?.toISOString() ?? null,
  onTime: async (report, _args, { data }) => (await data.reporting.reportState(report)).onTime,
  overdue: async (report, _args, { data }) => (await data.reporting.reportState(report)).overdue,
};

export const Submission: SubmissionResolvers = {
  createdAt: (submission) => submission.createdAt.toISOString(),
  submittedAt: (submission) => submission.submittedAt?.toISOString() ?? null,
  values: (submission, _args, { data }) => data.reporting.values(submission),
  history: (submission, _args, { data }) => data.reporting.history(submission),
};

export const SubmissionValue: SubmissionValueResolvers = {
  indicator: (value, _args, { data }) => data.registry.indicator(value.indicatorCode),
  unit: (value, _args, { data }) => data.units.at(value.unitCode, value.unitValidFrom),
  numerator: (value) => value.numerator.toNumber(),
  denominator: (value) => value.denominator?.toNumber() ?? null,
  value: (value, _args, { data }) => data.reporting.valueOf(value),
};

export const SubmissionTransition: SubmissionTransitionResolvers = {
  from: (transition) => transition.fromStatus,
  to: (transition) => transition.toStatus,
  at: (transition) => transition.at.toISOString(),
};

export const ReaggregatedValue: ReaggregatedValueResolvers = {
  value: (row) => figureValue(row.numerator, row.denominator, row.factor),
};
