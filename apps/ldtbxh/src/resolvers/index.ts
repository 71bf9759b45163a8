import type { Resolvers } from '../generated/graphql.js';
import { AdministrativeUnit, UnitSuccession } from './AdministrativeUnit.js';
import { Mutation } from './Mutation.js';
import { Plan, PlanTarget, PlanTask, ReportingRule, TargetMilestone } from './Plan.js';
import { PlanImportResult } from './PlanImportResult.js';
import { Query } from './Query.js';
import {
  Child,
  ParentingSession,
  PilotModel,
  ProtectionCase,
  Referral,
  ReferralEvent,
  ReferralNetworkAssessment,
  SocialSupport,
  SpecialCircumstanceRecord,
} from './Records.js';
import { Agency, Indicator } from './Registry.js';
import {
  ExpectedReport,
  ReaggregatedValue,
  ReportingPeriod,
  Submission,
  SubmissionTransition,
  SubmissionValue,
} from './Reporting.js';
import { ProgressTerritory, SexProgress, TargetProgress, UnitProgress } from './TargetProgress.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  AdministrativeUnit,
  UnitSuccession,
  Plan,
  PlanTarget,
  TargetMilestone,
  PlanTask,
  ReportingRule,
  PlanImportResult,
  Indicator,
  Agency,
  ReportingPeriod,
  ExpectedReport,
  Submission,
  SubmissionValue,
  SubmissionTransition,
  ReaggregatedValue,
  TargetProgress,
  UnitProgress,
  SexProgress,
  ProgressTerritory,
  Child,
  SpecialCircumstanceRecord,
  ProtectionCase,
  SocialSupport,
  ParentingSession,
  PilotModel,
  ReferralNetworkAssessment,
  Referral,
  ReferralEvent,
};
