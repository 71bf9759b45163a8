import { UNIT_LISTS, locateUnit, unitIndexFor, type RecordLocation as UnitColumns } from '@ecd/reference-data';
import { fromIsoDate, toIsoDate } from '@ecd/service-kit';

/** One problem of an input, its field relative to the input object. */
export interface InputProblem {
  field: string;
  reason: string;
  message: string;
}

/** The location columns of a record, with the unit it was recorded for (levels below the unit are null). */
export interface RecordLocation extends UnitColumns {
  unitLevel: 'commune' | 'district' | 'province';
  unitCode: string;
  unitValidFrom: Date;
}

const LEVEL_LABELS = { commune: 'xã/phường', district: 'huyện (trước 01/07/2025)', province: 'tỉnh' } as const;
type Level = keyof typeof LEVEL_LABELS;

/** Where a unit code lies on `date`, at one of the `levels` allowed, or the problem. */
export function locateRecord(field: string, code: string, date: Date, levels: readonly Level[]): RecordLocation | InputProblem {
  const day = toIsoDate(date);
  const location = locateUnit(code, day);
  const allowed = levels.map((l) => LEVEL_LABELS[l]).join(' hoặc ');
  if (!location) {
    const existsSometime = UNIT_LISTS.some((list) => unitIndexFor(list).byCode.has(code));
    return existsSometime
      ? { field, reason: 'UNIT_NOT_VALID_ON_DATE', message: `Đơn vị hành chính mã "${code}" không còn hoặc chưa tồn tại vào ngày ${day}.` }
      : { field, reason: 'UNKNOWN_UNIT_CODE', message: `Không có đơn vị hành chính mã "${code}".` };
  }
  const level: Level = location.communeCode === code ? 'commune' : location.districtCode === code ? 'district' : 'province';
  if (!levels.includes(level)) {
    return { field, reason: 'UNIT_LEVEL_NOT_ALLOWED', message: `Mã "${code}" là cấp ${LEVEL_LABELS[level]}; cần mã cấp ${allowed}.` };
  }
  const date_ = (iso: string | null) => (iso ? fromIsoDate(iso) : null);
  const unitValidFrom = fromIsoDate(location.provinceValidFrom);
  return {
    unitLevel: level,
    unitCode: code,
    unitValidFrom,
    communeCode: location.communeCode,
    communeValidFrom: date_(location.communeValidFrom),
    districtCode: location.districtCode,
    districtValidFrom: date_(location.districtValidFrom),
    provinceCode: location.provinceCode,
    provinceValidFrom: unitValidFrom,
  };
}

const PERSONAL_ID = /^\d{12}$/;
const FIRST_DAY = fromIsoDate(UNIT_LISTS[0]!.validFrom);
const iso = toIsoDate;

/** Whole years between a birth date and a day (the age a child has on that day). */
export function ageInYears(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday = on.getUTCMonth() < birthDate.getUTCMonth() || (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

/** Collects problems; `location` is kept when the unit could be located. */
class Checks {
  readonly problems: InputProblem[] = [];
  constructor(readonly today: Date) {}
  add(field: string, reason: string, message: string) {
    this.problems.push({ field, reason, message });
  }
  personalId(value: string, field = 'personalId') {
    if (!PERSONAL_ID.test(value)) this.add(field, 'INVALID_PERSONAL_ID', 'Số định danh cá nhân phải gồm đúng 12 chữ số.');
  }
  /** A date of something that has happened: not after today, not before the first unit list (2019). */
  past(field: string, value: Date, label: string) {
    if (Number.isNaN(value.getTime())) this.add(field, 'INVALID_DATE', `${label} không hợp lệ.`);
    else if (value > this.today) this.add(field, 'DATE_IN_FUTURE', `${label} (${iso(value)}) ở tương lai.`);
    else if (value < FIRST_DAY && field !== 'birthDate') this.add(field, 'DATE_TOO_EARLY', `${label} (${iso(value)}) trước ${iso(FIRST_DAY)}, ngoài phạm vi dữ liệu.`);
  }
  text(field: string, value: string, label: string, max = 500) {
    if (!value.trim()) this.add(field, 'REQUIRED', `Cần ghi ${label}.`);
    else if (value.length > max) this.add(field, 'TOO_LONG', `${label} dài quá ${max} ký tự.`);
  }
  locate(field: string, code: string, date: Date, levels: readonly Level[]): RecordLocation | null {
    if (Number.isNaN(date.getTime()) || date < FIRST_DAY) return null; // the date's own problem is reported
    const found = locateRecord(field, code, date, levels);
    if ('reason' in found) {
      this.problems.push(found);
      return null;
    }
    return found;
  }
  /** The located record, or null when there is any problem. */
  result<T>(location: RecordLocation | null, value: T): { problems: InputProblem[]; value: (T & { location: RecordLocation }) | null } {
    return { problems: this.problems, value: this.problems.length || !location ? null : { ...value, location } };
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
    c.add('birthDate', 'CHILD_OVER_8', `Trẻ đã ${ageInYears(birthDate, on)} tuổi vào ${onLabel.toLowerCase()}; sổ này chỉ ghi trẻ em từ 0 đến 8 tuổi.`);
  }
}

export function checkSpecialCircumstance(input: SpecialCircumstanceInput, today: Date) {
  const c = new Checks(today);
  c.personalId(input.personalId);
  childDates(c, input.birthDate, input.identifiedOn, 'identifiedOn', 'Ngày phát hiện');
  const location = c.locate('communeCode', input.communeCode, input.identifiedOn, ['commune']);
  return c.result(location, {});
}

export interface ProtectionCaseInput {
  personalId: string;
  birthDate?: Date | null | undefined;
  kind: string;
  reportedOn: Date;
  communeCode: string;
}

export function checkProtectionCase(input: ProtectionCaseInput, today: Date) {
  const c = new Checks(today);
  c.personalId(input.personalId);
  if (input.birthDate) childDates(c, input.birthDate, input.reportedOn, 'reportedOn', 'Ngày tiếp nhận thông tin');
  else c.past('reportedOn', input.reportedOn, 'Ngày tiếp nhận thông tin');
  const location = c.locate('communeCode', input.communeCode, input.reportedOn, ['commune']);
  return c.result(location, {});
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

export function checkSocialSupport(input: SocialSupportInput, today: Date) {
  const c = new Checks(today);
  c.personalId(input.personalId);
  if (!Number.isInteger(input.monthlyAmount) || input.monthlyAmount < 0) c.add('monthlyAmount', 'NEGATIVE_AMOUNT', 'Mức trợ giúp hằng tháng phải là số đồng không âm.');
  else if (input.monthlyAmount > MAX_MONTHLY_AMOUNT) c.add('monthlyAmount', 'AMOUNT_TOO_LARGE', 'Mức trợ giúp hằng tháng quá lớn.');
  c.past('from', input.from, 'Ngày bắt đầu trợ giúp');
  if (input.to && input.to < input.from) c.add('to', 'ENDED_BEFORE_STARTED', `Ngày kết thúc (${iso(input.to)}) trước ngày bắt đầu (${iso(input.from)}).`);
  const location = c.locate('communeCode', input.communeCode, input.from, ['commune']);
  return c.result(location, {});
}

export interface ParentingSessionInput {
  communeCode: string;
  heldOn: Date;
  topic: string;
  participants: number;
}

export function checkParentingSession(input: ParentingSessionInput, today: Date) {
  const c = new Checks(today);
  c.past('heldOn', input.heldOn, 'Ngày tổ chức');
  c.text('topic', input.topic, 'chủ đề buổi sinh hoạt');
  if (!Number.isInteger(input.participants) || input.participants < 1) c.add('participants', 'PARTICIPANTS_NOT_POSITIVE', 'Số người tham gia phải là số nguyên dương.');
  const location = c.locate('communeCode', input.communeCode, input.heldOn, ['commune']);
  return c.result(location, {});
}

export interface PilotModelInput {
  name: string;
  kind: string;
  unitCode: string;
  startedOn: Date;
  endedOn?: Date | null | undefined;
}

export function checkPilotModel(input: PilotModelInput, today: Date) {
  const c = new Checks(today);
  c.text('name', input.name, 'tên mô hình');
  c.past('startedOn', input.startedOn, 'Ngày bắt đầu');
  if (input.endedOn && input.endedOn < input.startedOn) c.add('endedOn', 'ENDED_BEFORE_STARTED', `Ngày kết thúc (${iso(input.endedOn)}) trước ngày bắt đầu (${iso(input.startedOn)}).`);
  const location = c.locate('unitCode', input.unitCode, input.startedOn, ['commune', 'district', 'province']);
  return c.result(location, {});
}

export interface ReferralNetworkInput {
  unitCode: string;
  year: number;
  working: boolean;
  assessedOn: Date;
  note?: string | null | undefined;
}

export function checkReferralNetwork(input: ReferralNetworkInput, today: Date) {
  const c = new Checks(today);
  const yearOk = Number.isInteger(input.year) && input.year >= 2019 && input.year <= today.getUTCFullYear();
  if (!yearOk) c.add('year', 'YEAR_OUT_OF_RANGE', `Năm phải từ 2019 đến ${today.getUTCFullYear()}.`);
  c.past('assessedOn', input.assessedOn, 'Ngày đánh giá');
  if (yearOk && input.assessedOn < fromIsoDate(`${input.year}-01-01`)) c.add('assessedOn', 'ASSESSED_BEFORE_YEAR', `Ngày đánh giá (${iso(input.assessedOn)}) trước năm ${input.year}.`);
  if (input.note && input.note.length > 1000) c.add('note', 'TOO_LONG', 'Ghi chú dài quá 1000 ký tự.');
  // The network is held in the units of the end of the year (a district only up to 2024).
  const location = yearOk ? c.locate('unitCode', input.unitCode, fromIsoDate(`${input.year}-12-31`), ['commune', 'district']) : null;
  return c.result(location, {});
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

export function checkSendReferral(input: SendReferralInput, today: Date) {
  const c = new Checks(today);
  c.personalId(input.personalId);
  if (input.fromSector === input.toSector) c.add('toSector', 'SAME_SECTOR', 'Chuyển tuyến phải sang dịch vụ của một ngành khác ngành chuyển.');
  c.text('fromService', input.fromService, 'dịch vụ chuyển đi', 200);
  c.text('toService', input.toService, 'dịch vụ nhận', 200);
  c.text('reason', input.reason, 'lý do chuyển tuyến', 1000);
  const location = c.locate('unitCode', input.unitCode, today, ['commune', 'district', 'province']);
  return c.result(location, {});
}

/** A reason that must be given (declining, not delivering). */
export function checkReason(reason: string | null | undefined, required: boolean): InputProblem[] {
  if (required && !reason?.trim()) return [{ field: 'reason', reason: 'REASON_REQUIRED', message: 'Cần ghi lý do.' }];
  if (reason && reason.length > 1000) return [{ field: 'reason', reason: 'TOO_LONG', message: 'Lý do dài quá 1000 ký tự.' }];
  return [];
}
