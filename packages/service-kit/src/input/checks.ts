import { locateUnit, UNIT_LISTS, unitIndexFor, type RecordLocation as UnitColumns } from '@ecd/reference-data';

import { fromIsoDate, toIsoDate } from '../dates.js';
import { isProblem, problem, type InputProblem } from './problems.js';

function oldestUnitList() {
  const [oldest] = UNIT_LISTS;
  if (!oldest) throw new Error('@ecd/reference-data lists no unit list');
  return oldest;
}

/** No count recorded for one commune, district or province can plausibly be larger (the largest province has about 14 million people). */
export const MAX_COUNT = 20_000_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 1000;
/** The first day and year the system holds figures for: those of the oldest unit list. */
export const FIRST_DAY = fromIsoDate(oldestUnitList().validFrom);
export const FIRST_YEAR = FIRST_DAY.getUTCFullYear();

/** A head count: a whole number from 0 up to `max`. Absent values are not checked (the schema says when they are required). */
export function countProblems(
  field: string,
  value: number | null | undefined,
  label: string,
  max = MAX_COUNT,
): InputProblem[] {
  if (value == null) return [];
  if (!Number.isInteger(value))
    return [problem(field, 'NOT_A_WHOLE_NUMBER', `${label} phải là số nguyên (đã nhập ${value}).`)];
  if (value < 0) return [problem(field, 'NEGATIVE_COUNT', `${label} không được âm (đã nhập ${value}).`)];
  if (value > max) return [problem(field, 'COUNT_TOO_LARGE', `${label} quá lớn (đã nhập ${value}, tối đa ${max}).`)];
  return [];
}

/** What a figure's numerator or denominator column holds (numeric(18,4)): 14 digits before the point, 4 after. */
export const FIGURE_DECIMALS = 4;
export const FIGURE_INTEGER_DIGITS = 14;
const FIGURE_LIMIT = 10 ** FIGURE_INTEGER_DIGITS;
/** The longest source a figure may name (a report's number and title). */
export const MAX_SOURCE_LENGTH = 500;

/**
 * A figure's numerator or denominator as its column stores it: a number from 0, below 10^14, with at most
 * FIGURE_DECIMALS decimals (more would be rounded away, and a larger one overflow the column). A double holds
 * 4 decimals exactly only below 2^53 / 10^4 (about 900 billion): a larger value with decimals would be stored
 * rounded too, so it is refused as well.
 */
export function figureNumberProblems(field: string, value: number, label: string): InputProblem[] {
  if (!Number.isFinite(value) || value < 0) return [problem(field, 'NEGATIVE_VALUE', `${label} phải là số không âm.`)];
  if (value >= FIGURE_LIMIT)
    return [
      problem(
        field,
        'NUMBER_OUT_OF_RANGE',
        `${label} quá lớn: phần nguyên được tối đa ${FIGURE_INTEGER_DIGITS} chữ số (đã nhập ${value}).`,
      ),
    ];
  const exact =
    Number.isInteger(value) ||
    (Number.isSafeInteger(Math.round(value * 10 ** FIGURE_DECIMALS)) &&
      Number(value.toFixed(FIGURE_DECIMALS)) === value);
  if (!exact)
    return [
      problem(
        field,
        'TOO_MANY_DECIMALS',
        `${label} chỉ được có tối đa ${FIGURE_DECIMALS} chữ số thập phân, và số có phần thập phân phải nhỏ hơn 900 tỷ (đã nhập ${value}).`,
      ),
    ];
  return [];
}

/** A name, topic or note: not blank when required, not longer than `maxLength`. */
export function textProblems(
  field: string,
  value: string | null | undefined,
  label: string,
  maxLength: number,
  { required = true } = {},
): InputProblem[] {
  const text = value?.trim() ?? '';
  if (!text) return required ? [problem(field, 'REQUIRED', `${label} không được để trống.`)] : [];
  if (text.length > maxLength) return [problem(field, 'TOO_LONG', `${label} dài quá ${maxLength} ký tự.`)];
  return [];
}

/** A day that has happened: a real date, not after today (in Vietnam) and, unless `allowBeforeFirstDay`, not before the oldest unit list. */
export function pastDayProblems(
  field: string,
  day: Date | null | undefined,
  today: Date,
  label: string,
  { allowBeforeFirstDay = true } = {},
): InputProblem[] {
  if (!day) return [];
  if (Number.isNaN(day.getTime())) return [problem(field, 'INVALID_DATE', `${label} không hợp lệ.`)];
  if (day.getTime() > today.getTime())
    return [problem(field, 'DATE_IN_FUTURE', `${label} (${toIsoDate(day)}) là ngày trong tương lai.`)];
  if (!allowBeforeFirstDay && day < FIRST_DAY) {
    return [
      problem(
        field,
        'DATE_TOO_EARLY',
        `${label} (${toIsoDate(day)}) trước ${toIsoDate(FIRST_DAY)}, ngoài phạm vi dữ liệu.`,
      ),
    ];
  }
  return [];
}

/** A period: the end not before the start. */
export function periodOrderProblems(from: Date, to: Date | null | undefined, toField = 'to'): InputProblem[] {
  if (!to || to.getTime() >= from.getTime()) return [];
  return [
    problem(toField, 'END_BEFORE_START', `Ngày kết thúc (${toIsoDate(to)}) trước ngày bắt đầu (${toIsoDate(from)}).`),
  ];
}

/** A year a figure is given or asked for: from the oldest unit list to `last` (by default next year: plans look one year ahead). */
export function yearProblems(
  field: string,
  year: number | null | undefined,
  today: Date,
  last = today.getUTCFullYear() + 1,
): InputProblem[] {
  if (year == null || (Number.isInteger(year) && year >= FIRST_YEAR && year <= last)) return [];
  return [problem(field, 'YEAR_OUT_OF_RANGE', `Năm phải từ ${FIRST_YEAR} đến ${last} (đã nhập ${year}).`)];
}

/** The location columns of a record, with the unit it was recorded for (levels below the unit are null). */
export interface UnitLocation extends UnitColumns {
  unitLevel: UnitLevelName;
  unitCode: string;
  unitValidFrom: Date;
}

export type UnitLevelName = 'commune' | 'district' | 'province';

const LEVEL_LABELS: Record<UnitLevelName, string> = {
  commune: 'xã/phường',
  district: 'huyện (trước 01/07/2025)',
  province: 'tỉnh',
};

export interface LocateOptions {
  /**
   * A day before the oldest unit list: located in that list (the oldest record of the units there is:
   * a child born in 2017 was born in a 2019 commune), or refused where the record cannot predate it.
   */
  beforeOldestList?: 'oldest-list' | 'refuse';
}

/** The administrative unit a code names on a day, at one of the `levels` allowed, or the problem. */
export function locateUnitOn(
  field: string,
  code: string,
  date: Date,
  levels: readonly UnitLevelName[],
  { beforeOldestList = 'oldest-list' }: LocateOptions = {},
): UnitLocation | InputProblem {
  const requested = toIsoDate(date);
  const oldest = toIsoDate(FIRST_DAY);
  if (requested < oldest && beforeOldestList === 'refuse') {
    return problem(
      field,
      'UNIT_NOT_VALID_ON_DATE',
      `Đơn vị mã "${code}" không tồn tại vào ngày ${requested} (trước danh mục đơn vị hành chính đầu tiên).`,
    );
  }
  const day = requested < oldest ? oldest : requested;
  const location = locateUnit(code, day);
  if (!location) {
    const existsSometime = UNIT_LISTS.some((list) => unitIndexFor(list).byCode.has(code));
    return existsSometime
      ? problem(
          field,
          'UNIT_NOT_VALID_ON_DATE',
          `Đơn vị hành chính mã "${code}" không còn hoặc chưa tồn tại vào ngày ${requested}.`,
        )
      : problem(field, 'UNKNOWN_UNIT_CODE', `Không có đơn vị hành chính mã "${code}".`);
  }
  const [level, ownValidFrom]: [UnitLevelName, string | null] =
    location.communeCode === code
      ? ['commune', location.communeValidFrom]
      : location.districtCode === code
        ? ['district', location.districtValidFrom]
        : ['province', location.provinceValidFrom];
  if (ownValidFrom === null) throw new Error(`Unit ${code} located without its first day of validity`);
  if (!levels.includes(level)) {
    const allowed = levels.map((l) => LEVEL_LABELS[l]).join(' hoặc ');
    return problem(
      field,
      'UNIT_LEVEL_NOT_ALLOWED',
      `Mã "${code}" là cấp ${LEVEL_LABELS[level]}; cần mã cấp ${allowed}.`,
    );
  }
  const asDate = (iso: string | null) => (iso ? fromIsoDate(iso) : null);
  const provinceValidFrom = fromIsoDate(location.provinceValidFrom);
  const unitValidFrom = fromIsoDate(ownValidFrom);
  return {
    unitLevel: level,
    unitCode: code,
    unitValidFrom,
    communeCode: location.communeCode,
    communeValidFrom: asDate(location.communeValidFrom),
    districtCode: location.districtCode,
    districtValidFrom: asDate(location.districtValidFrom),
    provinceCode: location.provinceCode,
    provinceValidFrom,
  };
}

/** The location columns alone (a record's commune, district and province), as a located table stores them. */
export const locationColumns = ({
  communeCode,
  communeValidFrom,
  districtCode,
  districtValidFrom,
  provinceCode,
  provinceValidFrom,
}: UnitColumns): UnitColumns => ({
  communeCode,
  communeValidFrom,
  districtCode,
  districtValidFrom,
  provinceCode,
  provinceValidFrom,
});

/** A record kept by commune: the commune's columns are set, with its district (before the 2025 reform) and province. */
export interface CommuneLocation extends UnitColumns {
  communeCode: string;
  communeValidFrom: Date;
}

/** The commune a code names on a day, as the located tables store it, or the problem. */
export function locateCommuneOn(
  field: string,
  code: string,
  date: Date,
  options: LocateOptions = {},
): CommuneLocation | InputProblem {
  const location = locateUnitOn(field, code, date, ['commune'], options);
  if (isProblem(location)) return location;
  const { unitCode, unitValidFrom, districtCode, districtValidFrom, provinceCode, provinceValidFrom } = location;
  // At commune level the unit located is the commune.
  return {
    communeCode: unitCode,
    communeValidFrom: unitValidFrom,
    districtCode,
    districtValidFrom,
    provinceCode,
    provinceValidFrom,
  };
}

const PERSONAL_ID = /^\d{12}$/;

/** A personal identification number (số định danh cá nhân): exactly 12 digits. */
export function personalIdProblems(field: string, value: string): InputProblem[] {
  return PERSONAL_ID.test(value)
    ? []
    : [problem(field, 'INVALID_PERSONAL_ID', 'Số định danh cá nhân phải gồm đúng 12 chữ số.')];
}
