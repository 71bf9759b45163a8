import { badInput, childKeyOf, conflict, isUuid, locationOf, notFound, todayInVietnam, type ScopeGuard } from '@ecd/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';
import type {
  ChildSex,
  PilotModelKind,
  ProtectionCaseKind,
  ProtectionCaseStatus,
  SocialSupportKind,
  SpecialCircumstanceCategory,
} from '../generated/prisma/enums.js';
import {
  checkParentingSession,
  checkPilotModel,
  checkProtectionCase,
  checkReason,
  checkReferralNetwork,
  checkSocialSupport,
  checkSpecialCircumstance,
  type InputProblem,
  type RecordLocation,
} from '../domain/record-validation.js';
import { protectionCaseTransition } from '../domain/referral-lifecycle.js';

/** What every write needs besides its input: who records, the shared child-key secret, the person's scope, and today. */
export interface RecordOptions {
  actor: string;
  childKeySecret: string;
  /** The request's access: the unit written to must lie in the person's territory. */
  scope: ScopeGuard;
  today?: Date;
}

/** The unit a checked location names (commune, district or province), refused outside the person's territory. */
const assertInScope = (scope: ScopeGuard, location: RecordLocation, field: string) => scope.assertCovers({ code: location.unitCode, validFrom: location.unitValidFrom }, field);

/** Throws one BAD_USER_INPUT error listing every problem (fields as `input.<field>`). */
export function rejectIfProblems(problems: readonly InputProblem[], what: string, reason: string, prefix = 'input.'): void {
  if (!problems.length) return;
  throw badInput(`${what} có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, {
    field: 'input',
    reason,
    problems: problems.map((p) => ({ ...p, field: `${prefix}${p.field}` })),
  });
}

/** The location columns every located record carries, for filtering at each level of the unit tree. */
export const locationColumns = (l: RecordLocation) => ({
  communeCode: l.communeCode,
  communeValidFrom: l.communeValidFrom,
  districtCode: l.districtCode,
  districtValidFrom: l.districtValidFrom,
  provinceCode: l.provinceCode,
  provinceValidFrom: l.provinceValidFrom,
});

/** The columns of a record located in a commune (commune columns are then never null). */
const communeColumns = (l: RecordLocation) => ({ ...locationColumns(l), communeCode: l.communeCode!, communeValidFrom: l.communeValidFrom! });

const unitColumns = (l: RecordLocation) => ({ unitCode: l.unitCode, unitValidFrom: l.unitValidFrom, ...locationColumns(l) });

export async function recordSpecialCircumstance(
  prisma: PrismaClient,
  input: { personalId: string; birthDate: Date; sex: ChildSex; category: SpecialCircumstanceCategory; identifiedOn: Date; communeCode: string; status?: 'MANAGED' | 'NO_LONGER_MANAGED' | null },
  options: RecordOptions,
) {
  const { problems, value } = checkSpecialCircumstance(input, options.today ?? todayInVietnam());
  rejectIfProblems(problems, 'Hồ sơ trẻ em có hoàn cảnh đặc biệt', 'INVALID_SPECIAL_CIRCUMSTANCE');
  assertInScope(options.scope, value!.location, 'input.communeCode');
  return prisma.specialCircumstanceChild.create({
    data: {
      childKey: childKeyOf(input.personalId, options.childKeySecret),
      birthDate: input.birthDate,
      sex: input.sex,
      category: input.category,
      identifiedOn: input.identifiedOn,
      status: input.status ?? 'MANAGED',
      ...communeColumns(value!.location),
      recordedBy: options.actor,
    },
  });
}

/** Sets whether a child in special circumstances (identified in the person's territory) is still managed. */
export async function setSpecialCircumstanceStatus(prisma: PrismaClient, id: string, status: 'MANAGED' | 'NO_LONGER_MANAGED', scope: ScopeGuard) {
  const found = isUuid(id)
    ? await prisma.specialCircumstanceChild.findUnique({ where: { id }, select: { id: true, communeCode: true, communeValidFrom: true } })
    : null;
  if (!found) throw notFound('Không có hồ sơ trẻ em có hoàn cảnh đặc biệt này.', { field: 'id', reason: 'SPECIAL_CIRCUMSTANCE_NOT_FOUND' });
  scope.assertCovers({ code: found.communeCode, validFrom: found.communeValidFrom }, 'id');
  return prisma.specialCircumstanceChild.update({ where: { id }, data: { status } });
}

export async function recordProtectionCase(
  prisma: PrismaClient,
  input: { personalId: string; birthDate?: Date | null; kind: ProtectionCaseKind; reportedOn: Date; communeCode: string },
  options: RecordOptions,
) {
  const { problems, value } = checkProtectionCase(input, options.today ?? todayInVietnam());
  rejectIfProblems(problems, 'Vụ việc', 'INVALID_PROTECTION_CASE');
  assertInScope(options.scope, value!.location, 'input.communeCode');
  return prisma.protectionCase.create({
    data: {
      childKey: childKeyOf(input.personalId, options.childKeySecret),
      kind: input.kind,
      reportedOn: input.reportedOn,
      ...communeColumns(value!.location),
      recordedBy: options.actor,
    },
  });
}

/** Moves a case (of the person's territory) one step (open → supported, with the support given → closed); a concurrent change loses. */
export async function advanceProtectionCase(prisma: PrismaClient, id: string, to: ProtectionCaseStatus, support: string | null | undefined, scope: ScopeGuard) {
  const found = isUuid(id) ? await prisma.protectionCase.findUnique({ where: { id } }) : null;
  if (!found) throw notFound('Không có vụ việc này.', { field: 'id', reason: 'PROTECTION_CASE_NOT_FOUND' });
  scope.assertCovers(locationOf(found, 'ProtectionCase'), 'id');
  const problems: InputProblem[] = [];
  if (to === 'SUPPORTED' && !support?.trim()) problems.push({ field: 'support', reason: 'SUPPORT_REQUIRED', message: 'Cần ghi các hỗ trợ đã cung cấp.' });
  else problems.push(...checkReason(support, false).map((p) => ({ ...p, field: 'support' })));
  rejectIfProblems(problems, 'Cập nhật vụ việc', 'INVALID_PROTECTION_CASE_UPDATE', '');
  const step = protectionCaseTransition(found.status, to);
  if (!step.ok) throw conflict(step.message, { field: 'status', reason: 'CASE_TRANSITION_NOT_ALLOWED', status: found.status });
  const { count } = await prisma.protectionCase.updateMany({
    where: { id, status: found.status },
    data: { status: to, ...(support?.trim() ? { support: support.trim() } : {}) },
  });
  if (count === 0) throw conflict('Vụ việc vừa được người khác cập nhật; hãy tải lại.', { field: 'id', reason: 'CONCURRENT_UPDATE' });
  return (await prisma.protectionCase.findUnique({ where: { id } }))!;
}

export async function recordSocialSupport(
  prisma: PrismaClient,
  input: { personalId: string; kind: SocialSupportKind; monthlyAmount: number; from: Date; to?: Date | null; communeCode: string },
  options: RecordOptions,
) {
  const { problems, value } = checkSocialSupport(input, options.today ?? todayInVietnam());
  rejectIfProblems(problems, 'Trợ giúp xã hội', 'INVALID_SOCIAL_SUPPORT');
  assertInScope(options.scope, value!.location, 'input.communeCode');
  return prisma.socialSupport.create({
    data: {
      childKey: childKeyOf(input.personalId, options.childKeySecret),
      kind: input.kind,
      monthlyAmount: input.monthlyAmount,
      fromDate: input.from,
      toDate: input.to ?? null,
      ...communeColumns(value!.location),
      recordedBy: options.actor,
    },
  });
}

export async function recordParentingSession(
  prisma: PrismaClient,
  input: { communeCode: string; heldOn: Date; topic: string; participants: number },
  options: Omit<RecordOptions, 'childKeySecret'>,
) {
  const { problems, value } = checkParentingSession(input, options.today ?? todayInVietnam());
  rejectIfProblems(problems, 'Buổi sinh hoạt', 'INVALID_PARENTING_SESSION');
  assertInScope(options.scope, value!.location, 'input.communeCode');
  return prisma.parentingSession.create({
    data: { heldOn: input.heldOn, topic: input.topic.trim(), participants: input.participants, ...communeColumns(value!.location), recordedBy: options.actor },
  });
}

export async function recordPilotModel(
  prisma: PrismaClient,
  input: { name: string; kind: PilotModelKind; unitCode: string; startedOn: Date; endedOn?: Date | null },
  options: Omit<RecordOptions, 'childKeySecret'>,
) {
  const { problems, value } = checkPilotModel(input, options.today ?? todayInVietnam());
  rejectIfProblems(problems, 'Mô hình thí điểm', 'INVALID_PILOT_MODEL');
  assertInScope(options.scope, value!.location, 'input.unitCode');
  return prisma.pilotModel.create({
    data: { name: input.name.trim(), kind: input.kind, startedOn: input.startedOn, endedOn: input.endedOn ?? null, ...unitColumns(value!.location), recordedBy: options.actor },
  });
}

/** Records (or replaces) the assessment of a unit's referral network for a year. */
export async function recordReferralNetwork(
  prisma: PrismaClient,
  input: { unitCode: string; year: number; working: boolean; assessedOn: Date; note?: string | null },
  options: Omit<RecordOptions, 'childKeySecret'>,
) {
  const { problems, value } = checkReferralNetwork(input, options.today ?? todayInVietnam());
  rejectIfProblems(problems, 'Đánh giá mạng lưới chuyển tuyến', 'INVALID_REFERRAL_NETWORK');
  assertInScope(options.scope, value!.location, 'input.unitCode');
  const columns = unitColumns(value!.location);
  const data = { working: input.working, assessedOn: input.assessedOn, note: input.note?.trim() || null, recordedBy: options.actor };
  return prisma.referralNetwork.upsert({
    where: { unitCode_unitValidFrom_year: { unitCode: columns.unitCode, unitValidFrom: columns.unitValidFrom, year: input.year } },
    create: { ...columns, year: input.year, ...data },
    update: data,
  });
}
