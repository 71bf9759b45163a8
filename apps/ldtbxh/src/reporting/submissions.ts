import { badInput, conflict, type ErrorDetails, isUuid, notFound, type ScopeGuard } from '@ecd/service-kit';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { canStartVersion, nextStatus, type SubmissionAction } from '../domain/submission-lifecycle.js';
import { validOn } from '../units/validity.js';
import { findPeriod, planScope } from './periods.js';

export interface ValueInput {
  indicatorCode: string;
  unitCode: string;
  numerator: number;
  denominator?: number | null | undefined;
}

interface Problem {
  path: string;
  message: string;
  reason: string;
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
    (await prisma.administrativeUnit.findMany({ where: { code: { in: values.map((v) => v.unitCode) }, ...validOn(dueOn) }, select: { code: true, validFrom: true } })).map(
      (u) => [u.code, u.validFrom],
    ),
  );
  const problems: Problem[] = [];
  const seen = new Set<string>();
  values.forEach((value, i) => {
    const at = `values[${i}]`;
    const add = (field: string, message: string, reason: string) => problems.push({ path: `${at}.${field}`, message, reason });
    const indicator = indicators.get(value.indicatorCode);
    if (!indicator) add('indicatorCode', `Chỉ số "${value.indicatorCode}" không thuộc các chỉ tiêu của kế hoạch.`, 'UNKNOWN_INDICATOR');
    if (!units.has(value.unitCode)) add('unitCode', `Không có đơn vị hành chính mã ${value.unitCode} vào ngày hạn báo cáo.`, 'UNKNOWN_UNIT_CODE');
    const key = `${value.indicatorCode}@${value.unitCode}`;
    if (seen.has(key)) add('unitCode', 'Giá trị của chỉ số này cho đơn vị này đã được khai báo.', 'DUPLICATE_VALUE');
    seen.add(key);
    if (!Number.isFinite(value.numerator) || value.numerator < 0) add('numerator', 'Tử số phải là số không âm.', 'NEGATIVE_VALUE');
    if (!indicator) return;
    const denominator = value.denominator ?? null;
    if (indicator.kind === 'RATIO') {
      if (denominator === null || !(denominator > 0)) add('denominator', 'Chỉ số tỷ lệ cần mẫu số lớn hơn 0.', 'MISSING_DENOMINATOR');
      else if (value.numerator > denominator) add('numerator', `Tử số (${value.numerator}) lớn hơn mẫu số (${denominator}).`, 'NUMERATOR_ABOVE_DENOMINATOR');
    } else {
      if (denominator !== null) add('denominator', 'Chỉ số đếm hoặc có/không không có mẫu số.', 'UNEXPECTED_DENOMINATOR');
      if (!Number.isInteger(value.numerator)) add('numerator', 'Giá trị đếm phải là số nguyên.', 'NOT_AN_INTEGER');
      if (indicator.kind === 'BOOLEAN' && value.numerator > 1) add('numerator', 'Chỉ số có/không nhận 1 (có) hoặc 0 (không).', 'NOT_A_BOOLEAN');
    }
  });
  if (problems.length) {
    throw badInput(`Số liệu báo cáo có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, { field: 'values', reason: 'INVALID_VALUES', problems });
  }
  return values.map((v) => ({
    indicatorCode: v.indicatorCode,
    unitCode: v.unitCode,
    unitValidFrom: units.get(v.unitCode)!,
    numerator: v.numerator,
    denominator: v.denominator ?? null,
  }));
}

/**
 * A report is the reporting agency's: its unit (null for a national body) must lie in the person's
 * territory, and so must every unit the report gives a value for.
 */
async function assertReporterInScope(prisma: PrismaClient, scope: ScopeGuard, reporterCode: string, field: string) {
  const agency = await prisma.agency.findUnique({ where: { code: reporterCode }, select: { unitCode: true, unitValidFrom: true } });
  scope.assertCoversScope(agency?.unitCode && agency.unitValidFrom ? { code: agency.unitCode, validFrom: agency.unitValidFrom } : null, field);
}

function assertValuesInScope(scope: ScopeGuard, rows: readonly { unitCode: string; unitValidFrom: Date }[]) {
  rows.forEach((row, i) => scope.assertCovers({ code: row.unitCode, validFrom: row.unitValidFrom }, `values[${i}].unitCode`));
}

function assertOpen(period: { open: boolean }, details: ErrorDetails) {
  if (!period.open) throw conflict('Kỳ báo cáo đã đóng; không thể nộp hoặc sửa báo cáo.', details);
}

/** Starts version n+1 of an agency's report (of the person's territory) as a draft, with its values, in one transaction. */
export async function createSubmission(
  prisma: PrismaClient,
  input: { periodId: string; reporterCode: string; values: ValueInput[]; note?: string | null | undefined; actor: string; scope: ScopeGuard },
) {
  const period = await findPeriod(prisma, input.periodId);
  assertOpen(period, { field: 'periodId', reason: 'PERIOD_CLOSED' });
  const expected = await prisma.expectedReport.findUnique({
    where: { periodId_reporterCode: { periodId: period.id, reporterCode: input.reporterCode } },
    include: { submissions: { orderBy: { version: 'desc' }, take: 1 } },
  });
  if (!expected) throw badInput(`Cơ quan "${input.reporterCode}" không phải báo cáo trong kỳ này.`, { field: 'reporterCode', reason: 'NOT_AN_EXPECTED_REPORTER' });
  await assertReporterInScope(prisma, input.scope, expected.reporterCode, 'reporterCode');
  const latest = expected.submissions[0];
  if (!canStartVersion(latest?.status)) {
    throw conflict(`Phiên bản ${latest!.version} đang ở trạng thái ${latest!.status}: hãy sửa bản nháp hoặc chờ duyệt trước khi tạo phiên bản mới.`, {
      field: 'reporterCode',
      reason: 'VERSION_IN_PROGRESS',
      submissionId: latest!.id,
    });
  }
  const rows = await checkValues(prisma, period.planId, period.dueOn, input.values);
  assertValuesInScope(input.scope, rows);
  return prisma.$transaction(async (tx) =>
    tx.submission.create({
      data: {
        expectedReportId: expected.id,
        version: (latest?.version ?? 0) + 1,
        status: 'DRAFT',
        note: input.note ?? null,
        createdBy: input.actor,
        values: { create: rows },
        transitions: { create: { fromStatus: null, toStatus: 'DRAFT', actor: input.actor } },
      },
    }),
  );
}

async function findSubmission(prisma: PrismaClient, submissionId: string) {
  const submission = isUuid(submissionId)
    ? await prisma.submission.findUnique({ where: { id: submissionId }, include: { expectedReport: { include: { period: { include: { plan: true } } } } } })
    : null;
  if (!submission) throw notFound('Không có báo cáo này.', { field: 'submissionId', reason: 'UNKNOWN_SUBMISSION' });
  return submission;
}

/** Replaces a draft's values. A submitted version is frozen (also enforced by a database trigger). */
export async function updateDraft(prisma: PrismaClient, input: { submissionId: string; values: ValueInput[]; note?: string | null | undefined; scope: ScopeGuard }) {
  const submission = await findSubmission(prisma, input.submissionId);
  await assertReporterInScope(prisma, input.scope, submission.expectedReport.reporterCode, 'submissionId');
  const period = submission.expectedReport.period;
  assertOpen(period, { field: 'submissionId', reason: 'PERIOD_CLOSED' });
  if (submission.status !== 'DRAFT') {
    throw conflict('Báo cáo đã nộp không thể sửa; hãy tạo phiên bản mới để đính chính.', { field: 'submissionId', reason: 'SUBMISSION_FROZEN' });
  }
  const rows = await checkValues(prisma, period.planId, period.dueOn, input.values);
  assertValuesInScope(input.scope, rows);
  return prisma.$transaction(async (tx) => {
    await tx.submissionValue.deleteMany({ where: { submissionId: submission.id } });
    return tx.submission.update({
      where: { id: submission.id },
      data: { values: { create: rows }, ...(input.note !== undefined ? { note: input.note } : {}) },
    });
  });
}

/**
 * Moves a report along its lifecycle and records who did it, when, and why, in one transaction. The
 * reporting agency submits (its unit must lie in the person's territory); the plan's lead agency accepts
 * or returns (the plan's unit must, and a national scheme's reports need a national role).
 */
export async function transition(prisma: PrismaClient, input: { submissionId: string; action: SubmissionAction; actor: string; reason?: string; scope: ScopeGuard }) {
  const submission = await findSubmission(prisma, input.submissionId);
  if (input.action === 'SUBMIT') await assertReporterInScope(prisma, input.scope, submission.expectedReport.reporterCode, 'submissionId');
  else input.scope.assertCoversScope(planScope(submission.expectedReport.period.plan), 'submissionId');
  const to = nextStatus(submission.status, input.action);
  if (input.action === 'SUBMIT') assertOpen(submission.expectedReport.period, { field: 'submissionId', reason: 'PERIOD_CLOSED' });
  if (input.action === 'RETURN' && !input.reason?.trim()) {
    throw badInput('Cần nêu lý do trả lại báo cáo.', { field: 'reason', reason: 'REASON_REQUIRED' });
  }
  const data: Prisma.SubmissionUpdateInput = { status: to, ...(to === 'SUBMITTED' ? { submittedAt: new Date() } : {}) };
  return prisma.$transaction(async (tx) => {
    // Guards against a concurrent transition: only the status we checked may change.
    const { count } = await tx.submission.updateMany({ where: { id: submission.id, status: submission.status }, data: data as Prisma.SubmissionUpdateManyMutationInput });
    if (count !== 1) throw conflict('Báo cáo vừa được người khác cập nhật; hãy tải lại.', { field: 'submissionId', reason: 'CONCURRENT_UPDATE' });
    await tx.submissionTransition.create({
      data: { submissionId: submission.id, fromStatus: submission.status, toStatus: to, actor: input.actor, reason: input.reason?.trim() || null },
    });
    return tx.submission.findUniqueOrThrow({ where: { id: submission.id } });
  });
}
