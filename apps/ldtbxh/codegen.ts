import { subgraphCodegenConfig } from '@ecd/service-kit/codegen';

const model = (name: string) => `../generated/prisma/client.js#${name}`;

export default subgraphCodegenConfig({
  AdministrativeUnit: model('AdministrativeUnit'),
  Plan: model('Plan'),
  PlanTarget: model('PlanTarget'),
  TargetMilestone: model('TargetMilestone'),
  PlanTask: model('PlanTask'),
  ReportingRule: model('ReportingRule'),
  Indicator: model('Indicator'),
  Agency: model('Agency'),
  AgencyFunction: model('AgencyFunction'),
  ReportingPeriod: model('ReportingPeriod'),
  ExpectedReport: model('ExpectedReport'),
  Submission: model('Submission'),
  SubmissionValue: model('SubmissionValue'),
  SubmissionTransition: model('SubmissionTransition'),
  Referral: model('Referral'),
  ReferralEvent: model('ReferralEvent'),
  SpecialCircumstanceRecord: model('SpecialCircumstanceChild'),
  ProtectionCase: model('ProtectionCase'),
  SocialSupport: model('SocialSupport'),
  ParentingSession: model('ParentingSession'),
  PilotModel: model('PilotModel'),
  ReferralNetworkAssessment: model('ReferralNetwork'),
  Child: '../data/records.js#ChildParent',
  UnitSuccession: '../data/units.js#UnitSuccessionParent',
  ReaggregatedValue: '../data/reporting.js#ReaggregatedValueParent',
  ReportingStatus: '../data/reporting.js#ReportingStatusParent',
  PlanImportResult: '../data/plans.js#PlanImportParent',
  TargetProgress: '../data/progress.js#TargetProgressParent',
});
