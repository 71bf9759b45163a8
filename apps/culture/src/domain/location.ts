import { UNIT_LISTS, locateUnit, unitIndexFor, unitListFor, type RecordLocation, type UnitLevel } from '@ecd/reference-data';

export type { RecordLocation };
import { fromIsoDate, toIsoDate } from '@ecd/service-kit';
import type { InputProblem } from './rules.js';


export interface CommuneLocation extends RecordLocation {
  communeCode: string;
  communeValidFrom: Date;
}

const LEVEL_LABELS: Record<UnitLevel, string> = { commune: 'xã/phường', district: 'huyện', province: 'tỉnh' };

/** The first day of the unit list valid on a day, or null before the oldest list. */
export function unitListStart(day: Date): string | null {
  try {
    return unitListFor(toIsoDate(day)).validFrom;
  } catch {
    return null;
  }
}

/**
 * Locates the unit `code` (of one of `levels`) in the list valid on `day`: its columns, or the problem
 * with `field`: unknown code, or a code that exists only in another list (a unit not valid that day).
 */
export function locate(code: string, day: Date, levels: readonly UnitLevel[], field: string): RecordLocation | InputProblem {
  const iso = toIsoDate(day);
  const expected = levels.map((level) => LEVEL_LABELS[level]).join(', ');
  const location = locateUnit(code, iso);
  if (!location) {
    const elsewhere = UNIT_LISTS.some((list) => unitIndexFor(list).byCode.has(code));
    return elsewhere
      ? { field, reason: 'UNIT_NOT_VALID_ON_DATE', message: `Đơn vị mã "${code}" không tồn tại vào ngày ${iso} (mã thuộc danh mục đơn vị hành chính khác).` }
      : { field, reason: 'UNKNOWN_UNIT_CODE', message: `Không có đơn vị hành chính mã "${code}".` };
  }
  const level = unitIndexFor(unitListFor(iso)).byCode.get(code)!.level;
  if (!levels.includes(level)) {
    return { field, reason: 'WRONG_UNIT_LEVEL', message: `Mã "${code}" là ${LEVEL_LABELS[level]}; cần mã ${expected}.` };
  }
  const date = (value: string | null) => (value ? fromIsoDate(value) : null);
  return {
    communeCode: location.communeCode,
    communeValidFrom: date(location.communeValidFrom),
    districtCode: location.districtCode,
    districtValidFrom: date(location.districtValidFrom),
    provinceCode: location.provinceCode,
    provinceValidFrom: fromIsoDate(location.provinceValidFrom),
  };
}

/** A commune valid on `day`, with its district (2024 units) and province. */
export function locateCommuneOn(code: string, day: Date, field: string): CommuneLocation | InputProblem {
  return locate(code, day, ['commune'], field) as CommuneLocation | InputProblem;
}

export const isProblem = (value: object): value is InputProblem => 'reason' in value;
