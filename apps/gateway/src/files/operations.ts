/**
 * The GraphQL operations the download routes run against the supergraph as the caller, and the shapes
 * of their answers that the document builders take. Nothing here reads a database: every figure comes
 * through GraphQL, authorised field by field by the subgraphs exactly as a client's query would be.
 */

import type { ProgressStatusName } from '@ecd/service-kit';

export type IndicatorKind = 'RATIO' | 'COUNT' | 'BOOLEAN';
export type SectorName = 'HEALTH' | 'EDUCATION' | 'CULTURE' | 'SOCIAL_AFFAIRS';
export type SubmissionStatusName = 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

export interface IndicatorInfo {
  code: string;
  name: string;
  sector: SectorName;
  kind: IndicatorKind;
  factor: number;
}

export interface UnitInfo {
  code: string;
  validFrom: string;
  fullName: string;
}

export interface Figure {
  numerator: number;
  denominator: number | null;
  source: string;
  reported: boolean;
}

export interface SexRow {
  sex: 'MALE' | 'FEMALE';
  label: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  gap: number | null;
  gapLabel: string | null;
  status: ProgressStatusName;
}

export interface CommuneRow {
  unitCode: string;
  unit: UnitInfo;
  figure: Figure | null;
  value: number | null;
  gap: number | null;
  gapLabel: string | null;
  status: ProgressStatusName | null;
  territory: { approximate: boolean; note: string | null };
}

export interface ProgressRow {
  targetId: string;
  indicatorCode: string;
  unitCode: string;
  year: number;
  target: { code: string; description: string };
  indicator: IndicatorInfo;
  unit: UnitInfo;
  figure: Figure | null;
  value: number | null;
  milestone: { year: number; comparator: string; comparatorLabel: string; value: number } | null;
  gap: number | null;
  gapLabel: string | null;
  status: ProgressStatusName | null;
  expected: number | null;
  baseline: { year: number; value: number } | null;
  territory: { approximate: boolean; note: string | null };
  bySex?: SexRow[] | null;
  communes: CommuneRow[] | null;
  communesBySex?: { unitCode: string; unit: UnitInfo; bySex: SexRow[] | null }[] | null;
}

const UNIT_FIELDS = `code validFrom fullName`;
const FIGURE_FIELDS = `numerator denominator source reported`;

const PROGRESS_FIELDS = /* GraphQL */ `
  targetId
  indicatorCode
  unitCode
  year
  target { code description }
  indicator { code name sector kind factor }
  unit { ${UNIT_FIELDS} }
  figure { ${FIGURE_FIELDS} }
  value
  milestone { year comparator comparatorLabel value }
  gap
  gapLabel
  status
  expected
  baseline { year value }
  territory { approximate note }
`;

/** A commune's row of a target's progress (CommuneRow). */
const COMMUNE_FIELDS = /* GraphQL */ `
  unitCode
  unit { ${UNIT_FIELDS} }
  figure { ${FIGURE_FIELDS} }
  value gap gapLabel status
  territory { approximate note }
`;

const SEX_FIELDS = `sex label numerator denominator value gap gapLabel status`;

/** A plan's period and scope: what a route checks its parameters against before asking for figures. */
export const PLAN_OUTLINE = /* GraphQL */ `
  query FilePlanOutline($key: String!) {
    plan(key: $key) {
      key
      periodStart
      periodEnd
      scope { ${UNIT_FIELDS} }
    }
  }
`;

export interface PlanOutline {
  key: string;
  periodStart: number;
  periodEnd: number;
  scope: UnitInfo | null;
}

/** A plan's progress in a unit and year, optionally by commune and by sex: the progress export and DHIS2. */
export const PROGRESS = /* GraphQL */ `
  query FileProgress($key: String!, $year: Int!, $unitCode: String, $byCommune: Boolean!, $bySex: Boolean!) {
    plan(key: $key) {
      key
      number
      title
      progress(year: $year, unitCode: $unitCode, byCommune: $byCommune) {
        ${PROGRESS_FIELDS}
        bySex @include(if: $bySex) { ${SEX_FIELDS} }
        communes { ${COMMUNE_FIELDS} }
        communesBySex @include(if: $bySex) { unitCode unit { ${UNIT_FIELDS} } bySex { ${SEX_FIELDS} } }
      }
    }
  }
`;

export interface ProgressAnswer {
  plan: { key: string; number: string | null; title: string; progress: ProgressRow[] } | null;
}

export interface AgencyRef {
  code: string;
  name: string;
}

export interface PeriodReport {
  reporter: AgencyRef;
  overdue: boolean;
  onTime: boolean | null;
  firstSubmittedAt: string | null;
  versions: {
    version: number;
    status: SubmissionStatusName;
    note: string | null;
    difficulties: string | null;
    proposals: string | null;
    submittedAt: string | null;
  }[];
}

/** The newest version of a report that was submitted (submitted or accepted), if any. */
export function submittedVersion(report: PeriodReport) {
  return report.versions.filter((v) => v.status === 'SUBMITTED' || v.status === 'ACCEPTED').at(-1) ?? null;
}

/** How many reports were expected, submitted, on time and overdue, and the rates (0-1) they make. */
export interface ReportCounts {
  expected: number;
  submitted: number;
  onTime: number;
  overdue: number;
  completenessRate: number | null;
  timelinessRate: number | null;
}

/** The counts of one sector function or unit. */
export interface GroupCounts extends ReportCounts {
  group: string;
  label: string;
}

export interface PeriodStatus extends ReportCounts {
  bySector: GroupCounts[];
  byUnit: GroupCounts[];
  overdueReporters: AgencyRef[];
}

export interface ReportingPeriodInfo {
  id: string;
  frequency: 'ANNUAL' | 'MIDTERM' | 'FINAL';
  year: number;
  dueOn: string;
  open: boolean;
  recipient: AgencyRef;
  status: PeriodStatus;
  expectedReports: PeriodReport[];
}

const COUNT_FIELDS = `expected submitted onTime overdue completenessRate timelinessRate`;
const GROUP_FIELDS = `group label ${COUNT_FIELDS}`;
const PERIOD_FIELDS = /* GraphQL */ `
  id
  frequency
  year
  dueOn
  open
  recipient { code name }
  status {
    ${COUNT_FIELDS}
    bySector { ${GROUP_FIELDS} }
    byUnit { ${GROUP_FIELDS} }
    overdueReporters { code name }
  }
  expectedReports {
    reporter { code name }
    overdue
    onTime
    firstSubmittedAt
    versions { version status note difficulties proposals submittedAt }
  }
`;

/** Everything the annual report states: the plan, its progress this year and last, and its reporting cycle. */
export const ANNUAL_REPORT = /* GraphQL */ `
  query FileAnnualReport($key: String!, $year: Int!, $unitCode: String, $previousYear: Int!, $withPrevious: Boolean!) {
    plan(key: $key) {
      key
      number
      title
      issuedOn
      periodStart
      periodEnd
      issuer { code name }
      scope { code validFrom name fullName }
      targets { code description qualitative dueYear }
      tasks { title description lead { code name } coordinating { code name } }
      reportingRules { frequency due recipient { code name } }
      progress(year: $year, unitCode: $unitCode, byCommune: true) {
        ${PROGRESS_FIELDS}
        communes { ${COMMUNE_FIELDS} }
      }
      previous: progress(year: $previousYear, unitCode: $unitCode) @include(if: $withPrevious) {
        targetId
        value
        status
      }
      reportingPeriods { ${PERIOD_FIELDS} }
    }
  }
`;

export interface ReportPlan {
  key: string;
  number: string | null;
  title: string;
  issuedOn: string | null;
  periodStart: number;
  periodEnd: number;
  issuer: AgencyRef;
  scope: (UnitInfo & { name: string }) | null;
  targets: { code: string; description: string; qualitative: boolean; dueYear: number | null }[];
  tasks: { title: string; description: string | null; lead: AgencyRef; coordinating: AgencyRef[] }[];
  reportingRules: { frequency: string; due: string; recipient: AgencyRef }[];
  progress: ProgressRow[];
  previous?: { targetId: string; value: number | null; status: ProgressStatusName | null }[] | null;
  reportingPeriods: ReportingPeriodInfo[];
}

export interface AnnualReportAnswer {
  plan: ReportPlan | null;
}

/** A plan's reporting periods: to find the one of a year and kind. */
export const PLAN_PERIODS = /* GraphQL */ `
  query FilePlanPeriods($key: String!) {
    plan(key: $key) {
      reportingPeriods {
        id
        frequency
        year
      }
    }
  }
`;

export interface PlanPeriodsAnswer {
  plan: { reportingPeriods: { id: string; frequency: string; year: number }[] } | null;
}

/** One reporting period and its status board. */
export const REPORTING_STATUS = /* GraphQL */ `
  query FileReportingStatus($id: ID!) {
    reportingPeriod(id: $id) {
      ${PERIOD_FIELDS}
      plan { key number title }
    }
  }
`;

export interface ReportingStatusAnswer {
  reportingPeriod: (ReportingPeriodInfo & { plan: { key: string; number: string | null; title: string } }) | null;
}
