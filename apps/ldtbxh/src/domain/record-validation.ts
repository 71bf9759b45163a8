import {
  FIRST_DAY,
  fromIsoDate,
  isProblem,
  locateUnitOn,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  pastDayProblems,
  periodOrderProblems,
  personalIdProblems,
  problem,
  textProblems,
  toIsoDate,
  yearProblems,
  type InputProblem,
  type Reason,
  type UnitLevelName,
  type UnitLocation,
} from '@ecd/service-kit';

/**
 * LĐTBXH's rules for its records (children in special circumstances, protection cases, social support,
 * parenting sessions, pilot models, referral networks, referrals), built on the service kit's shared
 * checks: each check returns every problem at once, and the location of the record when there is none.
 */

/** The location columns of a record, with the unit it was recorded for (levels below the unit are null). */
export type RecordLocation = UnitLocation;

const iso = toIsoDate;

/** Whole years between a birth date and a day (the age a child has on that day). */
export function ageInYears(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birthDate.getUTCMonth() ||
    (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

/** A checked record: its location when nothing is wrong, else null and every problem. */
export interface Checked {
  problems: InputProblem[];
  value: { location: RecordLocation } | null;
}

/** Collects the problems of one input; `locate` keeps the location when the unit could be located. */
class Checks {
  readonly problems: InputProblem[] = [];
  constructor(readonly today: Date) {}
  add(field: string, reason: Reason, message: string) {
    this.problems.push(problem(field, reason, message));
  }
  push(found: readonly InputProblem[]) {
    this.problems.push(...found);
  }
  /** A day that has happened, within the data's range (a birth date may lie before it). */
  past(field: string, value: Date, label: string) {
    this.push(pastDayProblems(field, value, this.today, label, { allowBeforeFirstDay: field === 'birthDate' }));
  }
  locate(field: string, code: string, date: Date, levels: readonly UnitLevelName[]): RecordLocation | null {
    if (Number.isNaN(date.getTime()) || date < FIRST_DAY) return null; // the date's own problem is reported
    const found = locateUnitOn(field, code, date, levels);
    if (isProblem(found)) {
      this.problems.push(found);
      return null;
    }
    return found;
  }
  /** The located record, or null when there is any problem. */
  result(location: RecordLocation | null): Checked {
    return { problems: this.problems, value: this.problems.length || !location ? null : { location } };
  }
}

export interface SpecialCircumstanceInput {
  personalId: string;
  birthDate: Date;
  sex: string;
  category: string;
  identifiedOn: Date;
  communeCode: string;
}

/** The records of children in special circumstances kept here are for children 0-8. */
export const MAX_AGE_YEARS = 8;

function childDates(c: Checks, birthDate: Date, on: Date, onField: string, onLabel: string) {
  c.past('birthDate', birthDate, 'Ngày sinh');
  c.past(onField, on, onLabel);
  if (on < birthDate) c.add(onField, 'BEFORE_BIRTH', `${onLabel} (${iso(on)}) trước ngày sinh (${iso(birthDate)}).`);
  else if (ageInYears(birthDate, on) > MAX_AGE_YEARS) {
    c.add(
      'birthDate',
      'CHILD_OLDER_THAN_8',
      `Trẻ đã ${ageInYears(birthDate, on)} tuổi vào ${onLabel.toLowerCase()}; sổ này chỉ ghi trẻ em từ 0 đến 8 tuổi.`,
    );
  }
}

export function checkSpecialCircumstance(input: SpecialCircumstanceInput, today: Date): Checked {
  const c = new Checks(today);
  c.push(personalIdProblems('personalId', input.personalId));
  childDates(c, input.birthDate, input.identifiedOn, 'identifiedOn', 'Ngày phát hiện');
  return c.result(c.locate('communeCode', input.communeCode, input.identifiedOn, ['commune']));
}

export interface ProtectionCaseInput {
  personalId: string;
  birthDate?: Date | null | undefined;
  kind: string;
  reportedOn: Date;
  communeCode: string;
}

export function checkProtectionCase(input: ProtectionCaseInput, today: Date): Checked {
  const c = new Checks(today);
  c.push(personalIdProblems('personalId', input.personalId));
  if (input.birthDate) childDates(c, input.birthDate, input.reportedOn, 'reportedOn', 'Ngày tiếp nhận thông tin');
  else c.past('reportedOn', input.reportedOn, 'Ngày tiếp nhận thông tin');
  return c.result(c.locate('communeCode', input.communeCode, input.reportedOn, ['commune']));
}

export interface SocialSupportInput {
  personalId: string;
  kind: string;
  monthlyAmount: number;
  from: Date;
  to?: Date | null | undefined;
  communeCode: string;
}

/** The largest monthly amount a record may hold (the column is a 32-bit integer). */
export const MAX_MONTHLY_AMOUNT = 2_000_000_000;

export function checkSocialSupport(input: SocialSupportInput, today: Date): Checked {
  const c = new Checks(today);
  c.push(personalIdProblems('personalId', input.personalId));
  if (!Number.isInteger(input.monthlyAmount) || input.monthlyAmount < 0)
    c.add('monthlyAmount', 'NEGATIVE_AMOUNT', 'Mức trợ giúp hằng tháng phải là số đồng không âm.');
  else if (input.monthlyAmount > MAX_MONTHLY_AMOUNT)
    c.add('monthlyAmount', 'AMOUNT_TOO_LARGE', 'Mức trợ giúp hằng tháng quá lớn.');
  c.past('from', input.from, 'Ngày bắt đầu trợ giúp');
  c.push(periodOrderProblems(input.from, input.to, 'to'));
  return c.result(c.locate('communeCode', input.communeCode, input.from, ['commune']));
}

export interface ParentingSessionInput {
  communeCode: string;
  heldOn: Date;
  topic: string;
  participants: number;
}

/** The longest topic of a session and name of a model. */
const MAX_TITLE_LENGTH = 500;

export function checkParentingSession(input: ParentingSessionInput, today: Date): Checked {
  const c = new Checks(today);
  c.past('heldOn', input.heldOn, 'Ngày tổ chức');
  c.push(textProblems('topic', input.topic, 'Chủ đề buổi sinh hoạt', MAX_TITLE_LENGTH));
  if (!Number.isInteger(input.participants) || input.participants < 1)
    c.add('participants', 'PARTICIPANTS_NOT_POSITIVE', 'Số người tham gia phải là số nguyên dương.');
  return c.result(c.locate('communeCode', input.communeCode, input.heldOn, ['commune']));
}

export interface PilotModelInput {
  name: string;
  kind: string;
  unitCode: string;
  startedOn: Date;
  endedOn?: Date | null | undefined;
}

export function checkPilotModel(input: PilotModelInput, today: Date): Checked {
  const c = new Checks(today);
  c.push(textProblems('name', input.name, 'Tên mô hình', MAX_TITLE_LENGTH));
  c.past('startedOn', input.startedOn, 'Ngày bắt đầu');
  c.push(periodOrderProblems(input.startedOn, input.endedOn, 'endedOn'));
  return c.result(c.locate('unitCode', input.unitCode, input.startedOn, ['commune', 'district', 'province']));
}

export interface ReferralNetworkInput {
  unitCode: string;
  year: number;
  working: boolean;
  assessedOn: Date;
  note?: string | null | undefined;
}

export function checkReferralNetwork(input: ReferralNetworkInput, today: Date): Checked {
  const c = new Checks(today);
  const yearOutOfRange = yearProblems('year', input.year, today, today.getUTCFullYear());
  c.push(yearOutOfRange);
  const yearOk = yearOutOfRange.length === 0;
  c.past('assessedOn', input.assessedOn, 'Ngày đánh giá');
  if (yearOk && input.assessedOn < fromIsoDate(`${input.year}-01-01`))
    c.add('assessedOn', 'ASSESSED_BEFORE_YEAR', `Ngày đánh giá (${iso(input.assessedOn)}) trước năm ${input.year}.`);
  c.push(textProblems('note', input.note, 'Ghi chú', MAX_TEXT_LENGTH, { required: false }));
  // The network is held in the units of the end of the year (a district only up to 2024).
  return c.result(
    yearOk ? c.locate('unitCode', input.unitCode, fromIsoDate(`${input.year}-12-31`), ['commune', 'district']) : null,
  );
}

export interface SendReferralInput {
  personalId: string;
  unitCode: string;
  fromSector: string;
  fromService: string;
  toSector: string;
  toService: string;
  reason: string;
}

export function checkSendReferral(input: SendReferralInput, today: Date): Checked {
  const c = new Checks(today);
  c.push(personalIdProblems('personalId', input.personalId));
  if (input.fromSector === input.toSector)
    c.add('toSector', 'SAME_SECTOR', 'Chuyển tuyến phải sang dịch vụ của một ngành khác ngành chuyển.');
  c.push(textProblems('fromService', input.fromService, 'Dịch vụ chuyển đi', MAX_NAME_LENGTH));
  c.push(textProblems('toService', input.toService, 'Dịch vụ nhận', MAX_NAME_LENGTH));
  c.push(textProblems('reason', input.reason, 'Lý do chuyển tuyến', MAX_TEXT_LENGTH));
  return c.result(c.locate('unitCode', input.unitCode, today, ['commune', 'district', 'province']));
}

/** A reason that must be given (declining, not delivering), or may be (`field`: where it is given). */
export function checkReason(reason: string | null | undefined, required: boolean, field = 'reason'): InputProblem[] {
  if (required && !reason?.trim()) return [problem(field, 'REASON_REQUIRED', 'Cần ghi lý do.')];
  return textProblems(field, reason, 'Lý do', MAX_TEXT_LENGTH, { required: false });
}

/** What advancing a protection case needs: the support given when it becomes SUPPORTED, a support text not too long. */
export function checkCaseAdvance(to: string, support: string | null | undefined): InputProblem[] {
  if (to === 'SUPPORTED' && !support?.trim())
    return [problem('support', 'REQUIRED', 'Cần ghi các hỗ trợ đã cung cấp.')];
  return checkReason(support, false, 'support');
}
