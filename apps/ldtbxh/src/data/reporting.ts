import DataLoader from 'dataloader';

import { rowsByParentLoader } from '@ecd/database';
import {
  badInput,
  conflict,
  figureNumberProblems,
  fromIsoDate,
  isUuid,
  notFound,
  problem,
  rejectArgument,
  rejectInput,
  textProblems,
  toIsoDate,
  unitKeyString,
  type Access,
  type ErrorDetails,
  type InputProblem,
  type Logger,
  type Reason,
  type ScopeGuard,
} from '@ecd/service-kit';

import { rejectAtPaths } from '../domain/document-problems.js';
import { planScope, withPlanScope } from '../domain/plan-scope.js';
import { figureValue } from '../domain/progress.js';
import { reaggregate, type ReaggregatedValue } from '../domain/reaggregate.js';
import {
  boardBy,
  boardCounts,
  endOfDayInVietnam,
  reportTimeliness,
  type BoardCounts,
  type ExpectedReportState,
} from '../domain/reporting-board.js';
import {
  canStartVersion,
  nextStatus,
  REPORT_TEXT_MAX_LENGTH,
  reportTextProblems,
  storedReportTexts,
  type ReportTexts,
  type SubmissionAction,
} from '../domain/submission-lifecycle.js';
import type {
  AdministrativeUnit,
  Agency,
  ExpectedReport,
  Plan,
  Prisma,
  PrismaClient,
  ReportFrequency,
  ReportingPeriod,
  Submission,
  SubmissionValue,
} from '../generated/prisma/client.js';
import { resolvePeriodAgencies } from './agency-succession.js';
import type { PlanData } from './plans.js';
import type { RegistryData } from './registry.js';
import { isValidOn, present, validOn } from './rows.js';
import { findUnits, keyOrNull } from './units.js';

const SECTOR_FUNCTION_LABELS: Record<string, string> = {
  COORDINATION: 'Điều phối (cơ quan chủ trì)',
  HEALTH: 'Y tế',
  EDUCATION: 'Giáo dục và Đào tạo',
  CULTURE: 'Văn hóa, Thể thao và Du lịch',
  SOCIAL_PROTECTION: 'Bảo trợ xã hội',
  CHILD_PROTECTION: 'Bảo vệ, chăm sóc trẻ em',
  LABOUR: 'Lao động',
  FINANCE: 'Tài chính',
  PLANNING: 'Kế hoạch và Đầu tư',
  INFORMATION: 'Thông tin và Truyền thông',
  MASS_MOBILISATION: 'Đoàn thể, tổ chức xã hội',
  NONE: 'Chưa xác định chức năng',
};

export interface GroupStatusParent extends BoardCounts {
  group: string;
  label: string;
}

export interface ReportingStatusParent extends BoardCounts {
  bySector: GroupStatusParent[];
  byUnit: GroupStatusParent[];
  overdueReporters: Agency[];
}

export interface ReaggregatedValueParent extends Omit<ReaggregatedValue, 'unit' | 'from'> {
  unit: AdministrativeUnit;
  from: AdministrativeUnit[];
  factor: number;
}

/** What became of one expected report: its versions, when it was first submitted, and whether on time. */
export interface ReportState {
  versions: Submission[];
  latest: Submission | null;
  firstSubmittedAt: Date | null;
  onTime: boolean | null;
  overdue: boolean;
}

export interface ValueInput {
  indicatorCode: string;
  unitCode: string;
  numerator: number;
  denominator?: number | null | undefined;
}

async function findPeriod(prisma: Pick<PrismaClient, 'reportingPeriod'>, periodId: string) {
  const period = isUuid(periodId) ? await prisma.reportingPeriod.findUnique({ where: { id: periodId } }) : null;
  if (!period) throw notFound('Không có kỳ báo cáo này.', { field: 'periodId', reason: 'UNKNOWN_PERIOD' });
  return period;
}

/**
 * Checks every value against the plan's indicators and the units valid on the due day, and
 * returns the rows to write. All problems are reported at once; nothing is written if there is one.
 */
async function checkValues(prisma: PrismaClient, planId: string, dueOn: Date, values: readonly ValueInput[]) {
  const indicators = new Map(
    (await prisma.indicator.findMany({ where: { targets: { some: { planId } } } })).map((i) => [i.code, i]),
  );
  const units = new Map(
    (
      await prisma.administrativeUnit.findMany({
        where: { code: { in: values.map((v) => v.unitCode) }, ...validOn(dueOn) },
        select: { code: true, validFrom: true },
      })
    ).map((u) => [u.code, u.validFrom]),
  );
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const rows = values.flatMap((value, i) => {
    const add = (field: string, message: string, reason: Reason) =>
      problems.push(problem(`values[${i}].${field}`, reason, message));
    const indicator = indicators.get(value.indicatorCode);
    if (!indicator)
      add(
        'indicatorCode',
        `Chỉ số "${value.indicatorCode}" không thuộc các chỉ tiêu của kế hoạch.`,
        'UNKNOWN_INDICATOR',
      );
    const unitValidFrom = units.get(value.unitCode);
    if (!unitValidFrom)
      add('unitCode', `Không có đơn vị hành chính mã ${value.unitCode} vào ngày hạn báo cáo.`, 'UNKNOWN_UNIT_CODE');
    const key = `${value.indicatorCode}@${value.unitCode}`;
    if (seen.has(key)) add('unitCode', 'Giá trị của chỉ số này cho đơn vị này đã được khai báo.', 'DUPLICATE_VALUE');
    seen.add(key);
    const addAll = (found: InputProblem[]) => found.forEach((p) => add(p.field, p.message, p.reason));
    const numeratorProblems = figureNumberProblems('numerator', value.numerator, 'Tử số');
    addAll(numeratorProblems);
    const denominator = value.denominator ?? null;
    if (indicator?.kind === 'RATIO') {
      const denominatorProblems =
        denominator === null ? [] : figureNumberProblems('denominator', denominator, 'Mẫu số');
      if (denominator === null || !(denominator > 0))
        add('denominator', 'Chỉ số tỷ lệ cần mẫu số lớn hơn 0.', 'MISSING_DENOMINATOR');
      else if (denominatorProblems.length) addAll(denominatorProblems);
      else if (!numeratorProblems.length && value.numerator > denominator)
        add('numerator', `Tử số (${value.numerator}) lớn hơn mẫu số (${denominator}).`, 'NUMERATOR_ABOVE_DENOMINATOR');
    } else if (indicator) {
      if (denominator !== null)
        add('denominator', 'Chỉ số đếm hoặc có/không không có mẫu số.', 'UNEXPECTED_DENOMINATOR');
      if (!Number.isInteger(value.numerator)) add('numerator', 'Giá trị đếm phải là số nguyên.', 'NOT_A_WHOLE_NUMBER');
      if (indicator.kind === 'BOOLEAN' && value.numerator > 1)
        add('numerator', 'Chỉ số có/không nhận 1 (có) hoặc 0 (không).', 'NOT_A_BOOLEAN');
    }
    return unitValidFrom
      ? [
          {
            indicatorCode: value.indicatorCode,
            unitCode: value.unitCode,
            unitValidFrom,
            numerator: value.numerator,
            denominator,
          },
        ]
      : [];
  });
  if (problems.length) rejectAtPaths('Số liệu báo cáo', 'values', 'INVALID_VALUES', problems);
  return rows;
}

/**
 * A report is the reporting agency's: its unit (null for a national body) must lie in the person's
 * territory, and so must every unit the report gives a value for; a sector officer must work for it.
 */
async function assertReporterInScope(prisma: PrismaClient, scope: ScopeGuard, reporterCode: string, field: string) {
  const agency = await prisma.agency.findUnique({
    where: { code: reporterCode },
    select: { unitCode: true, unitValidFrom: true },
  });
  scope.assertCoversScope(
    agency?.unitCode && agency.unitValidFrom ? { code: agency.unitCode, validFrom: agency.unitValidFrom } : null,
    field,
  );
  scope.assertActsFor(reporterCode, field);
}

function assertValuesInScope(scope: ScopeGuard, rows: readonly { unitCode: string; unitValidFrom: Date }[]) {
  rows.forEach((row, i) =>
    scope.assertCovers({ code: row.unitCode, validFrom: row.unitValidFrom }, `values[${i}].unitCode`),
  );
}

/** A report's own texts, checked before anything else: every problem at once, nothing written. */
function assertReportTexts(texts: ReportTexts) {
  const problems = reportTextProblems(texts);
  if (problems.length) rejectInput('Nội dung báo cáo', 'INVALID_REPORT_TEXT', problems, '');
}

function assertOpen(period: { open: boolean }, details: ErrorDetails) {
  if (!period.open) throw conflict('Kỳ báo cáo đã đóng; không thể nộp hoặc sửa báo cáo.', details);
}

async function findSubmission(prisma: PrismaClient, submissionId: string) {
  const submission = isUuid(submissionId)
    ? await prisma.submission.findUnique({
        where: { id: submissionId },
        include: { expectedReport: { include: { period: { include: { plan: true } } } } },
      })
    : null;
  if (!submission) throw notFound('Không có báo cáo này.', { field: 'submissionId', reason: 'UNKNOWN_SUBMISSION' });
  return submission;
}

/** The state of each expected report of some periods (who, in which sectors and unit, first submitted when) and the reporters' units' names. */
async function reportingStatuses(
  prisma: PrismaClient,
  periods: readonly ReportingPeriod[],
  now: Date,
): Promise<ReportingStatusParent[]> {
  const expected = await prisma.expectedReport.findMany({
    where: { periodId: { in: periods.map((p) => p.id) } },
    orderBy: { reporterCode: 'asc' },
  });
  const codes = [...new Set(expected.map((e) => e.reporterCode))];
  const [agencies, functions, firstSubmissions] = await Promise.all([
    prisma.agency.findMany({ where: { code: { in: codes } } }),
    prisma.agencyFunction.findMany({ where: { agencyCode: { in: codes } } }),
    prisma.submission.groupBy({
      by: ['expectedReportId'],
      where: { expectedReport: { periodId: { in: periods.map((p) => p.id) } }, submittedAt: { not: null } },
      _min: { submittedAt: true },
    }),
  ]);
  const agencyOf = new Map(agencies.map((a) => [a.code, a]));
  const firstOf = new Map(firstSubmissions.map((s) => [s.expectedReportId, s._min.submittedAt]));
  const units = await findUnits(
    prisma,
    agencies.flatMap((a) => keyOrNull(a.unitCode, a.unitValidFrom) ?? []),
  );
  const unitNames = new Map([...units.values()].map((u) => [u.code, u.fullName]));

  return periods.map((period) => {
    const reports = expected
      .filter((e) => e.periodId === period.id)
      .map((e) => {
        const agency = present(agencyOf.get(e.reporterCode), `Agency ${e.reporterCode}`);
        const state: ExpectedReportState = {
          reporter: e.reporterCode,
          functions: functions
            .filter((f) => f.agencyCode === e.reporterCode && isValidOn(f, period.dueOn))
            .map((f) => f.function),
          unit: agency.unitCode,
          firstSubmittedAt: firstOf.get(e.id) ?? null,
        };
        return { agency, state };
      });
    const states = reports.map((r) => r.state);
    const deadline = endOfDayInVietnam(period.dueOn);
    return {
      ...boardCounts(states, period.dueOn, now),
      bySector: boardBy(states, (s) => (s.functions.length ? s.functions : ['NONE']), period.dueOn, now).map((g) => ({
        ...g,
        label: SECTOR_FUNCTION_LABELS[g.group] ?? g.group,
      })),
      byUnit: boardBy(states, (s) => [s.unit ?? 'NATIONAL'], period.dueOn, now).map((g) => ({
        ...g,
        label: unitNames.get(g.group) ?? 'Trung ương',
      })),
      overdueReporters:
        now > deadline ? reports.filter((r) => r.state.firstSubmittedAt === null).map((r) => r.agency) : [],
    };
  });
}

/**
 * The values a period's reports give for one indicator (each report's newest submitted or accepted
 * version), re-expressed in the units valid on `asOf` by following the succession links.
 */
async function reaggregatedValues(
  prisma: PrismaClient,
  period: ReportingPeriod,
  indicatorCode: string,
  asOf: Date,
): Promise<ReaggregatedValueParent[]> {
  const indicator = await prisma.indicator.findUnique({ where: { code: indicatorCode } });
  if (!indicator) return [];
  const reports = await prisma.expectedReport.findMany({
    where: { periodId: period.id },
    include: {
      submissions: {
        where: { status: { in: ['SUBMITTED', 'ACCEPTED'] } },
        orderBy: { version: 'desc' },
        take: 1,
        include: { values: { where: { indicatorCode } } },
      },
    },
  });
  const values = reports.flatMap((r) => r.submissions[0]?.values ?? []);
  const rows = values.length
    ? await prisma.administrativeUnit.findMany({
        where: { OR: values.map((v) => ({ code: v.unitCode, validFrom: v.unitValidFrom })) },
        include: { successors: { include: { successor: true } } },
      })
    : [];
  const keyOf = (u: { code: string; validFrom: Date }) =>
    unitKeyString({ code: u.code, validFrom: toIsoDate(u.validFrom) });
  const units = new Map<string, AdministrativeUnit>();
  const links: { predecessor: string; successor: string }[] = [];
  for (const { successors, ...row } of rows) {
    units.set(keyOf(row), row);
    // One reform so far: a unit that ended before asOf maps to the units that succeeded it.
    if (row.validTo === null || row.validTo >= asOf) continue;
    for (const { successor } of successors) {
      units.set(keyOf(successor), successor);
      links.push({ predecessor: keyOf(row), successor: keyOf(successor) });
    }
  }
  const result = reaggregate(
    values.map((v) => ({
      unit: unitKeyString({ code: v.unitCode, validFrom: toIsoDate(v.unitValidFrom) }),
      numerator: v.numerator.toNumber(),
      denominator: v.denominator?.toNumber() ?? null,
    })),
    links,
  );
  const unit = (key: string) => present(units.get(key), `Unit ${key}`);
  return result.map((r) => ({ ...r, unit: unit(r.unit), from: r.from.map(unit), factor: indicator.factor.toNumber() }));
}

/** The reporting cycle of the plans: periods, expected reports, versioned submissions, their status and re-aggregation. */
export function reportingData(prisma: PrismaClient, { plans, registry }: { plans: PlanData; registry: RegistryData }) {
  const expectedReports = rowsByParentLoader(
    (ids) => prisma.expectedReport.findMany({ where: { periodId: { in: ids } }, orderBy: { reporterCode: 'asc' } }),
    (e) => e.periodId,
  );
  const periodsOfPlan = rowsByParentLoader(
    (ids) =>
      prisma.reportingPeriod.findMany({
        where: { planId: { in: ids } },
        orderBy: [{ year: 'asc' }, { frequency: 'asc' }],
      }),
    (p) => p.planId,
  );
  const values = rowsByParentLoader(
    (ids) =>
      prisma.submissionValue.findMany({
        where: { submissionId: { in: ids } },
        orderBy: [{ indicatorCode: 'asc' }, { unitCode: 'asc' }],
      }),
    (v) => v.submissionId,
  );
  const history = rowsByParentLoader(
    (ids) => prisma.submissionTransition.findMany({ where: { submissionId: { in: ids } }, orderBy: { at: 'asc' } }),
    (t) => t.submissionId,
  );
  // Every field of every expected report of a request from one batch: its versions and its period's due day.
  const reportStates = new DataLoader<Pick<ExpectedReport, 'id' | 'periodId'>, ReportState, string>(
    async (reports) => {
      const [submissions, periods] = await Promise.all([
        prisma.submission.findMany({
          where: { expectedReportId: { in: reports.map((r) => r.id) } },
          orderBy: { version: 'asc' },
        }),
        prisma.reportingPeriod.findMany({
          where: { id: { in: [...new Set(reports.map((r) => r.periodId))] } },
          select: { id: true, dueOn: true },
        }),
      ]);
      const now = new Date();
      return reports.map((report) => {
        const versions = submissions.filter((s) => s.expectedReportId === report.id);
        const firstSubmittedAt = versions.reduce<Date | null>(
          (first, s) => (s.submittedAt && (!first || s.submittedAt < first) ? s.submittedAt : first),
          null,
        );
        const { dueOn } = present(
          periods.find((p) => p.id === report.periodId),
          `Reporting period ${report.periodId}`,
        );
        return {
          versions,
          latest: versions.at(-1) ?? null,
          firstSubmittedAt,
          ...reportTimeliness(firstSubmittedAt, dueOn, now),
        };
      });
    },
    { cacheKeyFn: (report) => report.id },
  );
  const statuses = new DataLoader<ReportingPeriod, ReportingStatusParent, string>(
    (periods) => reportingStatuses(prisma, periods, new Date()),
    { cacheKeyFn: (p) => p.id },
  );

  return {
    /** A period by id for reading: one of a plan outside the person's territory is refused (a national scheme's is not); null when there is none. */
    async periodForReading(id: string, access: ScopeGuard) {
      const period = isUuid(id) ? await prisma.reportingPeriod.findUnique({ where: { id } }) : null;
      if (!period) return null;
      const of = await plans.get(period.planId);
      const scope = planScope(of);
      if (scope) access.assertCovers(scope, 'id');
      return withPlanScope(period, of);
    },
    /** A plan's periods, each carrying the plan's unit for the field guard of report:read. */
    periodsOf: async (plan: Plan) => (await periodsOfPlan.load(plan.id)).map((period) => withPlanScope(period, plan)),
    expectedReports: (period: Pick<ReportingPeriod, 'id'>) => expectedReports.load(period.id),
    reportState: (report: Pick<ExpectedReport, 'id' | 'periodId'>) => reportStates.load(report),
    values: (submission: Pick<Submission, 'id'>) => values.load(submission.id),
    /** A submitted value as its indicator reads it (a ratio × the indicator's factor). */
    async valueOf(value: Pick<SubmissionValue, 'indicatorCode' | 'numerator' | 'denominator'>) {
      const indicator = await registry.indicator(value.indicatorCode);
      return figureValue(
        value.numerator.toNumber(),
        value.denominator?.toNumber() ?? null,
        indicator.factor.toNumber(),
      );
    },
    history: (submission: Pick<Submission, 'id'>) => history.load(submission.id),
    /** Completeness and timeliness of a period, overall, per sector function and per unit served. */
    status: (period: ReportingPeriod) => statuses.load(period),

    /**
     * Opens the period a plan's reporting rule defines for a year, addressed to the agency that receives
     * on the due day, with one expected report per agency that reports then: the rule's agencies, each
     * one that no longer exists succeeded by the agency holding its function in its unit or the units that
     * succeeded it (data/agency-succession.ts; replacements and drops are logged), never the recipient
     * itself. The plan's unit must lie in the person's territory (`scope`).
     */
    async openPeriod(
      planKey: string,
      frequency: ReportFrequency,
      year: number,
      actor: string,
      scope: ScopeGuard,
      logger?: Logger,
    ) {
      const plan = await prisma.plan.findUnique({ where: { key: planKey }, include: { rules: true, tasks: true } });
      if (!plan) throw notFound(`Không có kế hoạch "${planKey}".`, { field: 'planKey', reason: 'UNKNOWN_PLAN' });
      scope.assertCoversScope(planScope(plan), 'planKey');
      const rule = plan.rules.find((r) => r.frequency === frequency);
      if (!rule)
        throw badInput(`Kế hoạch không quy định báo cáo loại ${frequency}.`, {
          field: 'frequency',
          reason: 'NO_REPORTING_RULE',
        });
      if (year < plan.periodStart || year > plan.periodEnd) {
        throw badInput(`Năm ${year} nằm ngoài thời kỳ kế hoạch ${plan.periodStart}-${plan.periodEnd}.`, {
          field: 'year',
          reason: 'YEAR_OUTSIDE_PERIOD',
        });
      }
      if (frequency !== 'ANNUAL' && !rule.years.includes(year)) {
        throw badInput(`Kế hoạch không quy định báo cáo ${frequency} năm ${year}.`, {
          field: 'year',
          reason: 'NO_REVIEW_THAT_YEAR',
        });
      }
      const dueOn = fromIsoDate(`${year}-${rule.due}`);
      const named = rule.reporterCodes.length
        ? rule.reporterCodes
        : [...new Set(plan.tasks.flatMap((t) => [t.leadCode, ...t.coordinatingCodes]))];
      // Issue 10: who receives and who reports is resolved on the due day, through the agencies' functions.
      const resolved = await resolvePeriodAgencies(
        prisma,
        { recipientCode: rule.recipientCode, reporterCodes: named },
        dueOn,
      );
      for (const note of resolved.notes)
        logger?.info(
          { planKey, year, dueOn: toIsoDate(dueOn), ...note },
          note.by.length
            ? 'reporting agency succeeded on the due day'
            : 'reporting agency dropped: no successor on the due day',
        );
      if (!resolved.recipient)
        throw badInput(
          `Cơ quan nhận báo cáo "${rule.recipientCode}" không còn hoạt động vào ngày hạn ${toIsoDate(dueOn)} và không có cơ quan nào đảm nhận chức năng của cơ quan này.`,
          { field: 'year', reason: 'NO_RECIPIENT' },
        );
      const reporters = resolved.reporters.map((code) => ({ code }));
      if (!reporters.length)
        throw badInput('Không còn cơ quan nào phải báo cáo vào ngày hạn.', { field: 'year', reason: 'NO_REPORTERS' });
      const existing = await prisma.reportingPeriod.findUnique({
        where: { planId_frequency_year: { planId: plan.id, frequency, year } },
      });
      if (existing)
        throw conflict(`Kỳ báo cáo ${frequency} năm ${year} của kế hoạch này đã được mở.`, {
          field: 'year',
          reason: 'PERIOD_ALREADY_OPEN',
          periodId: existing.id,
        });
      return prisma.reportingPeriod.create({
        data: {
          planId: plan.id,
          frequency,
          year,
          dueOn,
          recipientCode: resolved.recipient,
          openedBy: actor,
          expected: { create: reporters.map((r) => ({ reporterCode: r.code })) },
        },
      });
    },

    /** Closes a period of a plan whose unit lies in the person's territory (`scope`). */
    async closePeriod(periodId: string, scope: ScopeGuard) {
      const period = await findPeriod(prisma, periodId);
      scope.assertCoversScope(
        planScope(await prisma.plan.findUniqueOrThrow({ where: { id: period.planId } })),
        'periodId',
      );
      if (!period.open) throw conflict('Kỳ báo cáo đã đóng.', { field: 'periodId', reason: 'PERIOD_CLOSED' });
      return prisma.reportingPeriod.update({ where: { id: periodId }, data: { open: false } });
    },

    /** Starts version n+1 of an agency's report (of the person's territory) as a draft, with its values, in one transaction. */
    async createSubmission(
      input: ReportTexts & {
        periodId: string;
        reporterCode: string;
        values: ValueInput[];
        actor: string;
        scope: ScopeGuard;
      },
    ) {
      assertReportTexts(input);
      const period = await findPeriod(prisma, input.periodId);
      assertOpen(period, { field: 'periodId', reason: 'PERIOD_CLOSED' });
      const expected = await prisma.expectedReport.findUnique({
        where: { periodId_reporterCode: { periodId: period.id, reporterCode: input.reporterCode } },
        include: { submissions: { orderBy: { version: 'desc' }, take: 1 } },
      });
      if (!expected)
        throw badInput(`Cơ quan "${input.reporterCode}" không phải báo cáo trong kỳ này.`, {
          field: 'reporterCode',
          reason: 'NOT_AN_EXPECTED_REPORTER',
        });
      await assertReporterInScope(prisma, input.scope, expected.reporterCode, 'reporterCode');
      const latest = expected.submissions[0];
      if (latest && !canStartVersion(latest.status)) {
        throw conflict(
          `Phiên bản ${latest.version} đang ở trạng thái ${latest.status}: hãy sửa bản nháp hoặc chờ duyệt trước khi tạo phiên bản mới.`,
          {
            field: 'reporterCode',
            reason: 'VERSION_IN_PROGRESS',
            submissionId: latest.id,
          },
        );
      }
      const rows = await checkValues(prisma, period.planId, period.dueOn, input.values);
      assertValuesInScope(input.scope, rows);
      return prisma.$transaction(async (tx) =>
        tx.submission.create({
          data: {
            expectedReportId: expected.id,
            version: (latest?.version ?? 0) + 1,
            status: 'DRAFT',
            ...storedReportTexts(input),
            createdBy: input.actor,
            values: { create: rows },
            transitions: { create: { fromStatus: null, toStatus: 'DRAFT', actor: input.actor } },
          },
        }),
      );
    },

    /** Replaces a draft's values. A submitted version is frozen (also enforced by a database trigger). */
    async updateDraft(
      input: ReportTexts & {
        submissionId: string;
        values: ValueInput[];
        scope: ScopeGuard;
      },
    ) {
      assertReportTexts(input);
      const submission = await findSubmission(prisma, input.submissionId);
      await assertReporterInScope(prisma, input.scope, submission.expectedReport.reporterCode, 'submissionId');
      const period = submission.expectedReport.period;
      assertOpen(period, { field: 'submissionId', reason: 'PERIOD_CLOSED' });
      if (submission.status !== 'DRAFT') {
        throw conflict('Báo cáo đã nộp không thể sửa; hãy tạo phiên bản mới để đính chính.', {
          field: 'submissionId',
          reason: 'SUBMISSION_FROZEN',
        });
      }
      const rows = await checkValues(prisma, period.planId, period.dueOn, input.values);
      assertValuesInScope(input.scope, rows);
      return prisma.$transaction(async (tx) => {
        await tx.submissionValue.deleteMany({ where: { submissionId: submission.id } });
        return tx.submission.update({
          where: { id: submission.id },
          data: { values: { create: rows }, ...storedReportTexts(input) },
        });
      });
    },

    /**
     * Moves a report along its lifecycle and records who did it, when, and why, in one transaction. The
     * reporting agency submits (its unit must lie in the person's territory); the plan's lead agency accepts
     * or returns (the plan's unit must, and a national scheme's reports need a national role).
     */
    async transition(input: {
      submissionId: string;
      action: SubmissionAction;
      actor: string;
      reason?: string;
      scope: ScopeGuard;
    }) {
      const submission = await findSubmission(prisma, input.submissionId);
      if (input.action === 'SUBMIT')
        await assertReporterInScope(prisma, input.scope, submission.expectedReport.reporterCode, 'submissionId');
      else input.scope.assertCoversScope(planScope(submission.expectedReport.period.plan), 'submissionId');
      const to = nextStatus(submission.status, input.action);
      if (input.action === 'SUBMIT')
        assertOpen(submission.expectedReport.period, { field: 'submissionId', reason: 'PERIOD_CLOSED' });
      if (input.action === 'RETURN') {
        if (!input.reason?.trim())
          throw badInput('Cần nêu lý do trả lại báo cáo.', { field: 'reason', reason: 'REASON_REQUIRED' });
        const [tooLong] = textProblems('reason', input.reason, 'Lý do trả lại', REPORT_TEXT_MAX_LENGTH);
        if (tooLong) rejectArgument(tooLong);
      }
      const data: Prisma.SubmissionUpdateManyMutationInput = {
        status: to,
        ...(to === 'SUBMITTED' ? { submittedAt: new Date() } : {}),
      };
      return prisma.$transaction(async (tx) => {
        // Guards against a concurrent transition: only the status we checked may change.
        const { count } = await tx.submission.updateMany({
          where: { id: submission.id, status: submission.status },
          data,
        });
        if (count !== 1)
          throw conflict('Báo cáo vừa được người khác cập nhật; hãy tải lại.', {
            field: 'submissionId',
            reason: 'CONCURRENT_UPDATE',
          });
        await tx.submissionTransition.create({
          data: {
            submissionId: submission.id,
            fromStatus: submission.status,
            toStatus: to,
            actor: input.actor,
            reason: input.reason?.trim() || null,
          },
        });
        return tx.submission.findUniqueOrThrow({ where: { id: submission.id } });
      });
    },

    /** A period's values for an indicator re-expressed in the units of `asOf`: only the units of the person's territory (each value keeps its unit for the field guard). */
    async reaggregated(periodId: string, indicatorCode: string, asOf: Date, access: Pick<Access, 'covers'>) {
      const values = await reaggregatedValues(prisma, await findPeriod(prisma, periodId), indicatorCode, asOf);
      return values
        .filter((v) => access.covers(v.unit))
        .map((v) => ({ ...v, unitCode: v.unit.code, unitValidFrom: v.unit.validFrom }));
    },
  };
}

export type ReportingData = ReturnType<typeof reportingData>;
