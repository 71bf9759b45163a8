import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AdministrativeUnit as AdministrativeUnitModel, Plan as PlanModel, PlanTarget as PlanTargetModel, TargetMilestone as TargetMilestoneModel, PlanTask as PlanTaskModel, ReportingRule as ReportingRuleModel, Indicator as IndicatorModel, Agency as AgencyModel, AgencyFunction as AgencyFunctionModel, ReportingPeriod as ReportingPeriodModel, ExpectedReport as ExpectedReportModel, Submission as SubmissionModel, SubmissionValue as SubmissionValueModel, SubmissionTransition as SubmissionTransitionModel } from '../generated/prisma/client.js';
import type { UnitSuccessionParent as UnitSuccessionParentModel } from '../resolvers/AdministrativeUnit.js';
import type { ReaggregatedValueParent as ReaggregatedValueParentModel } from '../reporting/reaggregation.js';
import type { ReportingStatusParent as ReportingStatusParentModel } from '../reporting/status.js';
import type { PlanImportParent as PlanImportParentModel } from '../plans/plan-import.js';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Calendar date, ISO 8601 (YYYY-MM-DD). */
  Date: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * An administrative unit (đơn vị hành chính) as it existed in one interval. Official codes are reused
 * across the July 2025 reform, so a unit is identified by its code together with the day it became valid.
 */
export type AdministrativeUnit = {
  __typename?: 'AdministrativeUnit';
  /** Agencies serving this unit on `asOf` (default: today). */
  agencies: Array<Agency>;
  /** Units directly below this one, ordered by code. */
  children: AdministrativeUnitConnection;
  /** Official numeric code: 2 digits for a province, 3 for a district, 5 for a commune. */
  code: Scalars['String']['output'];
  /** Communes below this unit (through its districts before the reform), ordered by code. */
  communes: AdministrativeUnitConnection;
  /** Name with its unit word, e.g. Tỉnh Lạng Sơn. */
  fullName: Scalars['String']['output'];
  level: UnitLevel;
  /** Short name without the unit word, e.g. Lạng Sơn. */
  name: Scalars['String']['output'];
  parent: Maybe<AdministrativeUnit>;
  /** Plans in force for this unit: its own, its ancestors' and those of the units it succeeded, and national schemes. */
  plans: Array<Plan>;
  /** Units this one was formed from at a reform (old units merged or split into it). */
  predecessors: Array<UnitSuccession>;
  /** Units this one went into at a reform. */
  successors: Array<UnitSuccession>;
  /** The unit word in lower case: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu. */
  type: Scalars['String']['output'];
  /** First day the unit is valid. */
  validFrom: Scalars['Date']['output'];
  /** Last day the unit is valid; null while it still exists. */
  validTo: Maybe<Scalars['Date']['output']>;
};


/**
 * An administrative unit (đơn vị hành chính) as it existed in one interval. Official codes are reused
 * across the July 2025 reform, so a unit is identified by its code together with the day it became valid.
 */
export type AdministrativeUnitAgenciesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


/**
 * An administrative unit (đơn vị hành chính) as it existed in one interval. Official codes are reused
 * across the July 2025 reform, so a unit is identified by its code together with the day it became valid.
 */
export type AdministrativeUnitChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An administrative unit (đơn vị hành chính) as it existed in one interval. Official codes are reused
 * across the July 2025 reform, so a unit is identified by its code together with the day it became valid.
 */
export type AdministrativeUnitCommunesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type AdministrativeUnitConnection = {
  __typename?: 'AdministrativeUnitConnection';
  nodes: Array<AdministrativeUnit>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A sở, phòng, UBND, ministry or mass organisation. */
export type Agency = {
  __typename?: 'Agency';
  code: Scalars['String']['output'];
  /** Sector functions performed on `asOf` (default: today); all of them, with their intervals, when `asOf` is null and `history` is true. */
  functions: Array<AgencyFunction>;
  kind: AgencyKind;
  name: Scalars['String']['output'];
  /** The unit the agency serves; null for national bodies. */
  unit: Maybe<AdministrativeUnit>;
  validFrom: Scalars['Date']['output'];
  validTo: Maybe<Scalars['Date']['output']>;
};


/** A sở, phòng, UBND, ministry or mass organisation. */
export type AgencyFunctionsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  history?: InputMaybe<Scalars['Boolean']['input']>;
};

export type AgencyConnection = {
  __typename?: 'AgencyConnection';
  nodes: Array<Agency>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AgencyFunction = {
  __typename?: 'AgencyFunction';
  function: SectorFunction;
  validFrom: Scalars['Date']['output'];
  validTo: Maybe<Scalars['Date']['output']>;
};

export type AgencyKind =
  | 'DEPARTMENT'
  | 'DISTRICT_OFFICE'
  | 'GOVERNMENT'
  | 'MASS_ORGANISATION'
  | 'MINISTRY'
  | 'OTHER'
  | 'PEOPLES_COMMITTEE';

export type Aggregation =
  | 'SUM'
  | 'SUM_RATIO';

export type Comparator =
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'LT'
  | 'LTE'
  /** Keep at least the value (duy trì). */
  | 'MAINTAIN';

export type Direction =
  | 'HIGHER_IS_BETTER'
  | 'LOWER_IS_BETTER';

export type Disaggregation =
  | 'AGE_BAND'
  | 'DISABILITY'
  | 'ETHNIC_MINORITY'
  | 'SEX'
  | 'URBAN_RURAL';

export type DocumentFormat =
  | 'JSON'
  | 'YAML';

export type ExpectedReport = {
  __typename?: 'ExpectedReport';
  /** When the first version was submitted. */
  firstSubmittedAt: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The newest version, if any. */
  latest: Maybe<Submission>;
  onTime: Maybe<Scalars['Boolean']['output']>;
  overdue: Scalars['Boolean']['output'];
  reporter: Agency;
  /** Every version, oldest first. */
  versions: Array<Submission>;
};

export type GroupStatus = {
  __typename?: 'GroupStatus';
  completenessRate: Maybe<Scalars['Float']['output']>;
  expected: Scalars['Int']['output'];
  /** A sector function, or a unit code. */
  group: Scalars['String']['output'];
  label: Scalars['String']['output'];
  onTime: Scalars['Int']['output'];
  overdue: Scalars['Int']['output'];
  submitted: Scalars['Int']['output'];
  timelinessRate: Maybe<Scalars['Float']['output']>;
};

/** Chỉ tiêu: a measurable quantity owned by one sector. */
export type Indicator = {
  __typename?: 'Indicator';
  /** How values add up the unit tree: sums of numerators and denominators, never averages of percentages. */
  aggregation: Aggregation;
  code: Scalars['String']['output'];
  denominator: Maybe<Scalars['String']['output']>;
  direction: Direction;
  disaggregations: Array<Disaggregation>;
  /** 100 for a percentage. */
  factor: Scalars['Float']['output'];
  kind: IndicatorKind;
  name: Scalars['String']['output'];
  numerator: Maybe<Scalars['String']['output']>;
  population: Scalars['String']['output'];
  /** The sector whose subgraph owns the indicator's data. */
  sector: Sector;
};

export type IndicatorConnection = {
  __typename?: 'IndicatorConnection';
  nodes: Array<Indicator>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type IndicatorKind =
  /** Yes or no per unit. */
  | 'BOOLEAN'
  | 'COUNT'
  /** Numerator / denominator, shown × factor. */
  | 'RATIO';

export type Mutation = {
  __typename?: 'Mutation';
  acceptReport: Submission;
  closeReportingPeriod: ReportingPeriod;
  /** Starts a new version of an agency's report for an open period, as a draft. */
  createSubmission: Submission;
  /** Imports a plan document (YAML or JSON, see plan.schema.json). Every problem is reported, with its path; nothing is written unless there is none. `dryRun` checks only. */
  importPlan: PlanImportResult;
  /** Opens a reporting period from the plan's rule for that frequency, and the reports it expects. */
  openReportingPeriod: ReportingPeriod;
  returnReport: Submission;
  submitReport: Submission;
  /** Replaces a draft's values; a submitted version cannot change. */
  updateDraft: Submission;
};


export type MutationAcceptReportArgs = {
  submissionId: Scalars['ID']['input'];
};


export type MutationCloseReportingPeriodArgs = {
  periodId: Scalars['ID']['input'];
};


export type MutationCreateSubmissionArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  periodId: Scalars['ID']['input'];
  reporterCode: Scalars['String']['input'];
  values: Array<SubmissionValueInput>;
};


export type MutationImportPlanArgs = {
  document: Scalars['String']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  format?: InputMaybe<DocumentFormat>;
};


export type MutationOpenReportingPeriodArgs = {
  frequency: ReportFrequency;
  planKey: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


export type MutationReturnReportArgs = {
  reason: Scalars['String']['input'];
  submissionId: Scalars['ID']['input'];
};


export type MutationSubmitReportArgs = {
  submissionId: Scalars['ID']['input'];
};


export type MutationUpdateDraftArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  submissionId: Scalars['ID']['input'];
  values: Array<SubmissionValueInput>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A plan (đề án, kế hoạch) for children, from the national scheme down to a sector or district plan. */
export type Plan = {
  __typename?: 'Plan';
  budgetSources: Array<Scalars['String']['output']>;
  /** Plans that implement this one. */
  children: Array<Plan>;
  /** The plan as a document of the import format. */
  document: Scalars['String']['output'];
  generalGoal: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  issuedOn: Maybe<Scalars['Date']['output']>;
  issuer: Agency;
  /** Stable identifier from the plan file, e.g. lang-son-2019-de-an-1437. */
  key: Scalars['String']['output'];
  level: PlanLevel;
  /** Official number, e.g. 03/KH-SGDĐT; null where the source document does not give it. */
  number: Maybe<Scalars['String']['output']>;
  parent: Maybe<Plan>;
  periodEnd: Scalars['Int']['output'];
  periodStart: Scalars['Int']['output'];
  reportingPeriods: Array<ReportingPeriod>;
  reportingRules: Array<ReportingRule>;
  /** The unit the plan covers; null for a national scheme. */
  scope: Maybe<AdministrativeUnit>;
  /** Where the text comes from. */
  source: Maybe<Scalars['String']['output']>;
  targets: Array<PlanTarget>;
  tasks: Array<PlanTask>;
  title: Scalars['String']['output'];
};


/** A plan (đề án, kế hoạch) for children, from the national scheme down to a sector or district plan. */
export type PlanDocumentArgs = {
  format?: InputMaybe<DocumentFormat>;
};

export type PlanConnection = {
  __typename?: 'PlanConnection';
  nodes: Array<Plan>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PlanImportResult = {
  __typename?: 'PlanImportResult';
  dryRun: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  milestones: Scalars['Int']['output'];
  numericTargets: Scalars['Int']['output'];
  /** The imported plan; null on a dry run. */
  plan: Maybe<Plan>;
  reportingRules: Scalars['Int']['output'];
  targets: Scalars['Int']['output'];
  tasks: Scalars['Int']['output'];
};

export type PlanLevel =
  | 'DISTRICT'
  | 'NATIONAL'
  | 'PROVINCIAL'
  | 'SECTOR';

/** A target of a plan: numeric (an indicator with milestones) or qualitative. */
export type PlanTarget = {
  __typename?: 'PlanTarget';
  /** The target's number in the plan. */
  code: Scalars['String']['output'];
  /** The target as the plan words it. */
  description: Scalars['String']['output'];
  /** For a qualitative target: by when. */
  dueYear: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  indicator: Maybe<Indicator>;
  milestones: Array<TargetMilestone>;
  qualitative: Scalars['Boolean']['output'];
};

export type PlanTask = {
  __typename?: 'PlanTask';
  /** Phối hợp. */
  coordinating: Array<Agency>;
  description: Maybe<Scalars['String']['output']>;
  /** Chủ trì. */
  lead: Agency;
  title: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A unit by official code, as it was on `asOf` (default: today). */
  administrativeUnit: Maybe<AdministrativeUnit>;
  /** Units valid on `asOf` (default: today), optionally of one level or below one parent. */
  administrativeUnits: AdministrativeUnitConnection;
  /** Agencies, optionally those serving a unit code or performing a function, on `asOf` (default: today). */
  agencies: AgencyConnection;
  indicator: Maybe<Indicator>;
  indicators: IndicatorConnection;
  plan: Maybe<Plan>;
  plans: PlanConnection;
  /** Values submitted for a period (newest submitted or accepted version of each report), re-expressed in the units valid on `asOf` (default: today). */
  reaggregatedValues: Array<ReaggregatedValue>;
  reportingPeriod: Maybe<ReportingPeriod>;
};


export type QueryAdministrativeUnitArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  code: Scalars['String']['input'];
};


export type QueryAdministrativeUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<UnitLevel>;
  parentCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAgenciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  function?: InputMaybe<SectorFunction>;
  unitCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryIndicatorArgs = {
  code: Scalars['String']['input'];
};


export type QueryIndicatorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sector?: InputMaybe<Sector>;
};


export type QueryPlanArgs = {
  key: Scalars['String']['input'];
};


export type QueryPlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  level?: InputMaybe<PlanLevel>;
};


export type QueryReaggregatedValuesArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  indicatorCode: Scalars['String']['input'];
  periodId: Scalars['ID']['input'];
};


export type QueryReportingPeriodArgs = {
  id: Scalars['ID']['input'];
};

/** A value re-expressed in the units valid on a later day (summing numerators and denominators). */
export type ReaggregatedValue = {
  __typename?: 'ReaggregatedValue';
  /** True when a split old unit was attributed whole (the source gives no shares). */
  approximate: Scalars['Boolean']['output'];
  denominator: Maybe<Scalars['Float']['output']>;
  /** The old units whose values went here. */
  from: Array<AdministrativeUnit>;
  numerator: Scalars['Float']['output'];
  unit: AdministrativeUnit;
  value: Maybe<Scalars['Float']['output']>;
};

export type ReportFrequency =
  | 'ANNUAL'
  | 'FINAL'
  | 'MIDTERM';

/** A reporting period opened from a plan's rule, e.g. the 2024 annual report due 2024-12-05. */
export type ReportingPeriod = {
  __typename?: 'ReportingPeriod';
  dueOn: Scalars['Date']['output'];
  expectedReports: Array<ExpectedReport>;
  frequency: ReportFrequency;
  id: Scalars['ID']['output'];
  open: Scalars['Boolean']['output'];
  plan: Plan;
  recipient: Agency;
  /** Completeness and timeliness, overall, per sector and per unit, and who is overdue. */
  status: ReportingStatus;
  year: Scalars['Int']['output'];
};

/** Who reports to whom, how often, by which day. */
export type ReportingRule = {
  __typename?: 'ReportingRule';
  allAssignedAgencies: Scalars['Boolean']['output'];
  /** Deadline within the year, MM-DD (12-05 is 5 December). */
  due: Scalars['String']['output'];
  frequency: ReportFrequency;
  recipient: Agency;
  /** The agencies that report; every agency the plan's tasks name when `allAssignedAgencies`. */
  reporters: Array<Agency>;
  years: Array<Scalars['Int']['output']>;
};

export type ReportingStatus = {
  __typename?: 'ReportingStatus';
  bySector: Array<GroupStatus>;
  byUnit: Array<GroupStatus>;
  /** 0-1; null when nothing is expected. */
  completenessRate: Maybe<Scalars['Float']['output']>;
  expected: Scalars['Int']['output'];
  onTime: Scalars['Int']['output'];
  overdue: Scalars['Int']['output'];
  overdueReporters: Array<Agency>;
  submitted: Scalars['Int']['output'];
  timelinessRate: Maybe<Scalars['Float']['output']>;
};

export type Sector =
  | 'CULTURE'
  | 'EDUCATION'
  | 'HEALTH'
  | 'SOCIAL_AFFAIRS';

export type SectorFunction =
  | 'CHILD_PROTECTION'
  | 'COORDINATION'
  | 'CULTURE'
  | 'EDUCATION'
  | 'FINANCE'
  | 'HEALTH'
  | 'INFORMATION'
  | 'LABOUR'
  | 'MASS_MOBILISATION'
  | 'PLANNING'
  | 'SOCIAL_PROTECTION';

/** One version of a report. Submitted versions are frozen; a correction is a new version. */
export type Submission = {
  __typename?: 'Submission';
  createdAt: Scalars['String']['output'];
  createdBy: Scalars['String']['output'];
  /** Who changed the status, when, and why. */
  history: Array<SubmissionTransition>;
  id: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
  status: SubmissionStatus;
  submittedAt: Maybe<Scalars['String']['output']>;
  values: Array<SubmissionValue>;
  version: Scalars['Int']['output'];
};

export type SubmissionStatus =
  | 'ACCEPTED'
  | 'DRAFT'
  | 'RETURNED'
  | 'SUBMITTED';

export type SubmissionTransition = {
  __typename?: 'SubmissionTransition';
  actor: Scalars['String']['output'];
  at: Scalars['String']['output'];
  from: Maybe<SubmissionStatus>;
  reason: Maybe<Scalars['String']['output']>;
  to: SubmissionStatus;
};

export type SubmissionValue = {
  __typename?: 'SubmissionValue';
  denominator: Maybe<Scalars['Float']['output']>;
  indicator: Indicator;
  numerator: Scalars['Float']['output'];
  unit: AdministrativeUnit;
  /** numerator / denominator × factor for ratios; the count otherwise. */
  value: Maybe<Scalars['Float']['output']>;
};

export type SubmissionValueInput = {
  /** Required for ratio indicators. */
  denominator?: InputMaybe<Scalars['Float']['input']>;
  indicatorCode: Scalars['String']['input'];
  numerator: Scalars['Float']['input'];
  unitCode: Scalars['String']['input'];
};

export type TargetMilestone = {
  __typename?: 'TargetMilestone';
  comparator: Comparator;
  /** The comparator as people read it: ≥, >, ≤, <, =, duy trì. */
  comparatorLabel: Scalars['String']['output'];
  value: Scalars['Float']['output'];
  year: Scalars['Int']['output'];
};

export type UnitLevel =
  | 'COMMUNE'
  | 'DISTRICT'
  | 'PROVINCE';

/** One old→new link of a reform, as the official mapping gives it. */
export type UnitSuccession = {
  __typename?: 'UnitSuccession';
  /** The mapping's confidence label, as the source gives it (high, manual:high). */
  confidence: Scalars['String']['output'];
  effectiveOn: Scalars['Date']['output'];
  note: Maybe<Scalars['String']['output']>;
  /** True when the old unit was split across several new ones; the source gives no shares. */
  partial: Scalars['Boolean']['output'];
  shareNote: Maybe<Scalars['String']['output']>;
  /** The unit on the other side of the link. */
  unit: AdministrativeUnit;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  AdministrativeUnit: AdministrativeUnit;
  Indicator: Indicator;
  Plan: Plan;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  AdministrativeUnit:
    ( { __typename: 'AdministrativeUnit' }
    & GraphQLRecursivePick<FederationTypes['AdministrativeUnit'], {"code":true,"validFrom":true}> );
  Indicator:
    ( { __typename: 'Indicator' }
    & GraphQLRecursivePick<FederationTypes['Indicator'], {"code":true}> );
  Plan:
    ( { __typename: 'Plan' }
    & GraphQLRecursivePick<FederationTypes['Plan'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AdministrativeUnit: ResolverTypeWrapper<AdministrativeUnitModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AdministrativeUnitConnection: ResolverTypeWrapper<Omit<AdministrativeUnitConnection, 'nodes'> & { nodes: Array<ResolversTypes['AdministrativeUnit']> }>;
  Agency: ResolverTypeWrapper<AgencyModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AgencyConnection: ResolverTypeWrapper<Omit<AgencyConnection, 'nodes'> & { nodes: Array<ResolversTypes['Agency']> }>;
  AgencyFunction: ResolverTypeWrapper<AgencyFunctionModel>;
  AgencyKind: AgencyKind;
  Aggregation: Aggregation;
  Comparator: Comparator;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Direction: Direction;
  Disaggregation: Disaggregation;
  DocumentFormat: DocumentFormat;
  ExpectedReport: ResolverTypeWrapper<ExpectedReportModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  GroupStatus: ResolverTypeWrapper<GroupStatus>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Indicator: ResolverTypeWrapper<IndicatorModel>;
  IndicatorConnection: ResolverTypeWrapper<Omit<IndicatorConnection, 'nodes'> & { nodes: Array<ResolversTypes['Indicator']> }>;
  IndicatorKind: IndicatorKind;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Plan: ResolverTypeWrapper<PlanModel>;
  PlanConnection: ResolverTypeWrapper<Omit<PlanConnection, 'nodes'> & { nodes: Array<ResolversTypes['Plan']> }>;
  PlanImportResult: ResolverTypeWrapper<PlanImportParentModel>;
  PlanLevel: PlanLevel;
  PlanTarget: ResolverTypeWrapper<PlanTargetModel>;
  PlanTask: ResolverTypeWrapper<PlanTaskModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReaggregatedValue: ResolverTypeWrapper<ReaggregatedValueParentModel>;
  ReportFrequency: ReportFrequency;
  ReportingPeriod: ResolverTypeWrapper<ReportingPeriodModel>;
  ReportingRule: ResolverTypeWrapper<ReportingRuleModel>;
  ReportingStatus: ResolverTypeWrapper<ReportingStatusParentModel>;
  Sector: Sector;
  SectorFunction: SectorFunction;
  Submission: ResolverTypeWrapper<SubmissionModel>;
  SubmissionStatus: SubmissionStatus;
  SubmissionTransition: ResolverTypeWrapper<SubmissionTransitionModel>;
  SubmissionValue: ResolverTypeWrapper<SubmissionValueModel>;
  SubmissionValueInput: SubmissionValueInput;
  TargetMilestone: ResolverTypeWrapper<TargetMilestoneModel>;
  UnitLevel: UnitLevel;
  UnitSuccession: ResolverTypeWrapper<UnitSuccessionParentModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdministrativeUnit: AdministrativeUnitModel;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  AdministrativeUnitConnection: Omit<AdministrativeUnitConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['AdministrativeUnit']> };
  Agency: AgencyModel;
  Boolean: Scalars['Boolean']['output'];
  AgencyConnection: Omit<AgencyConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Agency']> };
  AgencyFunction: AgencyFunctionModel;
  Date: Scalars['Date']['output'];
  ExpectedReport: ExpectedReportModel;
  ID: Scalars['ID']['output'];
  GroupStatus: GroupStatus;
  Float: Scalars['Float']['output'];
  Indicator: IndicatorModel;
  IndicatorConnection: Omit<IndicatorConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Indicator']> };
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Plan: PlanModel;
  PlanConnection: Omit<PlanConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Plan']> };
  PlanImportResult: PlanImportParentModel;
  PlanTarget: PlanTargetModel;
  PlanTask: PlanTaskModel;
  Query: Record<PropertyKey, never>;
  ReaggregatedValue: ReaggregatedValueParentModel;
  ReportingPeriod: ReportingPeriodModel;
  ReportingRule: ReportingRuleModel;
  ReportingStatus: ReportingStatusParentModel;
  Submission: SubmissionModel;
  SubmissionTransition: SubmissionTransitionModel;
  SubmissionValue: SubmissionValueModel;
  SubmissionValueInput: SubmissionValueInput;
  TargetMilestone: TargetMilestoneModel;
  UnitSuccession: UnitSuccessionParentModel;
};

export type AdministrativeUnitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdministrativeUnit'] = ResolversParentTypes['AdministrativeUnit'], FederationReferenceType extends FederationReferenceTypes['AdministrativeUnit'] = FederationReferenceTypes['AdministrativeUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AdministrativeUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agencies?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType, Partial<AdministrativeUnitAgenciesArgs>>;
  children?: Resolver<ResolversTypes['AdministrativeUnitConnection'], ParentType, ContextType, RequireFields<AdministrativeUnitChildrenArgs, 'first'>>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  communes?: Resolver<ResolversTypes['AdministrativeUnitConnection'], ParentType, ContextType, RequireFields<AdministrativeUnitCommunesArgs, 'first'>>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['UnitLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType>;
  plans?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
  predecessors?: Resolver<Array<ResolversTypes['UnitSuccession']>, ParentType, ContextType>;
  successors?: Resolver<Array<ResolversTypes['UnitSuccession']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type AdministrativeUnitConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdministrativeUnitConnection'] = ResolversParentTypes['AdministrativeUnitConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AgencyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  functions?: Resolver<Array<ResolversTypes['AgencyFunction']>, ParentType, ContextType, RequireFields<AgencyFunctionsArgs, 'history'>>;
  kind?: Resolver<ResolversTypes['AgencyKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type AgencyConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgencyConnection'] = ResolversParentTypes['AgencyConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AgencyFunctionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgencyFunction'] = ResolversParentTypes['AgencyFunction']> = {
  function?: Resolver<ResolversTypes['SectorFunction'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type ExpectedReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExpectedReport'] = ResolversParentTypes['ExpectedReport']> = {
  firstSubmittedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latest?: Resolver<Maybe<ResolversTypes['Submission']>, ParentType, ContextType>;
  onTime?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reporter?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['Submission']>, ParentType, ContextType>;
};

export type GroupStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupStatus'] = ResolversParentTypes['GroupStatus']> = {
  completenessRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submitted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timelinessRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type IndicatorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Indicator'] = ResolversParentTypes['Indicator'], FederationReferenceType extends FederationReferenceTypes['Indicator'] = FederationReferenceTypes['Indicator']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Indicator']> | FederationReferenceType, FederationReferenceType, ContextType>;
  aggregation?: Resolver<ResolversTypes['Aggregation'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['Direction'], ParentType, ContextType>;
  disaggregations?: Resolver<Array<ResolversTypes['Disaggregation']>, ParentType, ContextType>;
  factor?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['IndicatorKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  population?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sector?: Resolver<ResolversTypes['Sector'], ParentType, ContextType>;
};

export type IndicatorConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndicatorConnection'] = ResolversParentTypes['IndicatorConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptReport?: Resolver<ResolversTypes['Submission'], ParentType, ContextType, RequireFields<MutationAcceptReportArgs, 'submissionId'>>;
  closeReportingPeriod?: Resolver<ResolversTypes['ReportingPeriod'], ParentType, ContextType, RequireFields<MutationCloseReportingPeriodArgs, 'periodId'>>;
  createSubmission?: Resolver<ResolversTypes['Submission'], ParentType, ContextType, RequireFields<MutationCreateSubmissionArgs, 'periodId' | 'reporterCode' | 'values'>>;
  importPlan?: Resolver<ResolversTypes['PlanImportResult'], ParentType, ContextType, RequireFields<MutationImportPlanArgs, 'document' | 'dryRun' | 'format'>>;
  openReportingPeriod?: Resolver<ResolversTypes['ReportingPeriod'], ParentType, ContextType, RequireFields<MutationOpenReportingPeriodArgs, 'frequency' | 'planKey' | 'year'>>;
  returnReport?: Resolver<ResolversTypes['Submission'], ParentType, ContextType, RequireFields<MutationReturnReportArgs, 'reason' | 'submissionId'>>;
  submitReport?: Resolver<ResolversTypes['Submission'], ParentType, ContextType, RequireFields<MutationSubmitReportArgs, 'submissionId'>>;
  updateDraft?: Resolver<ResolversTypes['Submission'], ParentType, ContextType, RequireFields<MutationUpdateDraftArgs, 'submissionId' | 'values'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PlanResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan'], FederationReferenceType extends FederationReferenceTypes['Plan'] = FederationReferenceTypes['Plan']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Plan']> | FederationReferenceType, FederationReferenceType, ContextType>;
  budgetSources?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
  document?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<PlanDocumentArgs, 'format'>>;
  generalGoal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PlanLevel'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reportingPeriods?: Resolver<Array<ResolversTypes['ReportingPeriod']>, ParentType, ContextType>;
  reportingRules?: Resolver<Array<ResolversTypes['ReportingRule']>, ParentType, ContextType>;
  scope?: Resolver<Maybe<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  targets?: Resolver<Array<ResolversTypes['PlanTarget']>, ParentType, ContextType>;
  tasks?: Resolver<Array<ResolversTypes['PlanTask']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PlanConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlanConnection'] = ResolversParentTypes['PlanConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlanImportResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlanImportResult'] = ResolversParentTypes['PlanImportResult']> = {
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  milestones?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  numericTargets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  reportingRules?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  targets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tasks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlanTargetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlanTarget'] = ResolversParentTypes['PlanTarget']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dueYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicator?: Resolver<Maybe<ResolversTypes['Indicator']>, ParentType, ContextType>;
  milestones?: Resolver<Array<ResolversTypes['TargetMilestone']>, ParentType, ContextType>;
  qualitative?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PlanTaskResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlanTask'] = ResolversParentTypes['PlanTask']> = {
  coordinating?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lead?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  administrativeUnit?: Resolver<Maybe<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType, RequireFields<QueryAdministrativeUnitArgs, 'code'>>;
  administrativeUnits?: Resolver<ResolversTypes['AdministrativeUnitConnection'], ParentType, ContextType, RequireFields<QueryAdministrativeUnitsArgs, 'first'>>;
  agencies?: Resolver<ResolversTypes['AgencyConnection'], ParentType, ContextType, RequireFields<QueryAgenciesArgs, 'first'>>;
  indicator?: Resolver<Maybe<ResolversTypes['Indicator']>, ParentType, ContextType, RequireFields<QueryIndicatorArgs, 'code'>>;
  indicators?: Resolver<ResolversTypes['IndicatorConnection'], ParentType, ContextType, RequireFields<QueryIndicatorsArgs, 'first'>>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType, RequireFields<QueryPlanArgs, 'key'>>;
  plans?: Resolver<ResolversTypes['PlanConnection'], ParentType, ContextType, RequireFields<QueryPlansArgs, 'first'>>;
  reaggregatedValues?: Resolver<Array<ResolversTypes['ReaggregatedValue']>, ParentType, ContextType, RequireFields<QueryReaggregatedValuesArgs, 'indicatorCode' | 'periodId'>>;
  reportingPeriod?: Resolver<Maybe<ResolversTypes['ReportingPeriod']>, ParentType, ContextType, RequireFields<QueryReportingPeriodArgs, 'id'>>;
};

export type ReaggregatedValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReaggregatedValue'] = ResolversParentTypes['ReaggregatedValue']> = {
  approximate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  from?: Resolver<Array<ResolversTypes['AdministrativeUnit']>, ParentType, ContextType>;
  numerator?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['AdministrativeUnit'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ReportingPeriodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReportingPeriod'] = ResolversParentTypes['ReportingPeriod']> = {
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  expectedReports?: Resolver<Array<ResolversTypes['ExpectedReport']>, ParentType, ContextType>;
  frequency?: Resolver<ResolversTypes['ReportFrequency'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  recipient?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReportingStatus'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReportingRuleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReportingRule'] = ResolversParentTypes['ReportingRule']> = {
  allAssignedAgencies?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  due?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  frequency?: Resolver<ResolversTypes['ReportFrequency'], ParentType, ContextType>;
  recipient?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  reporters?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  years?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ReportingStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReportingStatus'] = ResolversParentTypes['ReportingStatus']> = {
  bySector?: Resolver<Array<ResolversTypes['GroupStatus']>, ParentType, ContextType>;
  byUnit?: Resolver<Array<ResolversTypes['GroupStatus']>, ParentType, ContextType>;
  completenessRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdueReporters?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  submitted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timelinessRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type SubmissionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Submission'] = ResolversParentTypes['Submission']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['SubmissionTransition']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SubmissionStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['SubmissionValue']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubmissionTransitionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SubmissionTransition'] = ResolversParentTypes['SubmissionTransition']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['SubmissionStatus']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['SubmissionStatus'], ParentType, ContextType>;
};

export type SubmissionValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SubmissionValue'] = ResolversParentTypes['SubmissionValue']> = {
  denominator?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  indicator?: Resolver<ResolversTypes['Indicator'], ParentType, ContextType>;
  numerator?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['AdministrativeUnit'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type TargetMilestoneResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TargetMilestone'] = ResolversParentTypes['TargetMilestone']> = {
  comparator?: Resolver<ResolversTypes['Comparator'], ParentType, ContextType>;
  comparatorLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UnitSuccessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnitSuccession'] = ResolversParentTypes['UnitSuccession']> = {
  confidence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  effectiveOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partial?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shareNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['AdministrativeUnit'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AdministrativeUnit?: AdministrativeUnitResolvers<ContextType>;
  AdministrativeUnitConnection?: AdministrativeUnitConnectionResolvers<ContextType>;
  Agency?: AgencyResolvers<ContextType>;
  AgencyConnection?: AgencyConnectionResolvers<ContextType>;
  AgencyFunction?: AgencyFunctionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  ExpectedReport?: ExpectedReportResolvers<ContextType>;
  GroupStatus?: GroupStatusResolvers<ContextType>;
  Indicator?: IndicatorResolvers<ContextType>;
  IndicatorConnection?: IndicatorConnectionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  PlanConnection?: PlanConnectionResolvers<ContextType>;
  PlanImportResult?: PlanImportResultResolvers<ContextType>;
  PlanTarget?: PlanTargetResolvers<ContextType>;
  PlanTask?: PlanTaskResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReaggregatedValue?: ReaggregatedValueResolvers<ContextType>;
  ReportingPeriod?: ReportingPeriodResolvers<ContextType>;
  ReportingRule?: ReportingRuleResolvers<ContextType>;
  ReportingStatus?: ReportingStatusResolvers<ContextType>;
  Submission?: SubmissionResolvers<ContextType>;
  SubmissionTransition?: SubmissionTransitionResolvers<ContextType>;
  SubmissionValue?: SubmissionValueResolvers<ContextType>;
  TargetMilestone?: TargetMilestoneResolvers<ContextType>;
  UnitSuccession?: UnitSuccessionResolvers<ContextType>;
};

