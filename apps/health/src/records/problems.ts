import { badInput, fromIsoDate, toIsoDate } from '@ecd/service-kit';
import { UNIT_LISTS, locateCommune, locateUnit } from '@ecd/reference-data';
import type { InputProblem } from '../domain/epi-schedule.js';

/** One typed error listing every problem, fields prefixed with `input.`; nothing has been written. */
export function rejectInput(what: string, reason: string, problems: readonly InputProblem[]) {
  return badInput(`${what} có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, {
    field: 'input',
    reason,
    problems: problems.map((p) => ({ ...p, field: `input.${p.field}` })),
  });
}

const FIRST_UNIT_LIST_DAY = UNIT_LISTS[0]!.validFrom;

export const unknownCommune = (communeCode: string, day: string): InputProblem => ({
  field: 'communeCode',
  reason: 'UNKNOWN_COMMUNE_CODE',
  message: `Không có xã/phường mã "${communeCode}" vào ngày ${day}.`,
});

/** The commune valid on `date` and its province, as child_record stores them. */
export function communeColumns(communeCode: string, date: Date) {
  const day = toIsoDate(date);
  const location = day >= FIRST_UNIT_LIST_DAY ? locateCommune(communeCode, day) : undefined;
  if (!location) return unknownCommune(communeCode, day);
  return {
    communeCode: location.communeCode,
    communeValidFrom: fromIsoDate(location.communeValidFrom),
    provinceCode: location.provinceCode,
    provinceValidFrom: fromIsoDate(location.provinceValidFrom),
  };
}

/** The commune valid on `date` with its district (before the 2025 reform) and province. */
export function communeDistrictColumns(communeCode: string, date: Date) {
  const day = toIsoDate(date);
  const location = locateUnit(communeCode, day);
  if (!location || location.communeCode !== communeCode) return unknownCommune(communeCode, day);
  const asDate = (iso: string | null) => (iso ? fromIsoDate(iso) : null);
  return {
    communeCode,
    communeValidFrom: fromIsoDate(location.communeValidFrom!),
    districtCode: location.districtCode,
    districtValidFrom: asDate(location.districtValidFrom),
    provinceCode: location.provinceCode,
    provinceValidFrom: fromIsoDate(location.provinceValidFrom),
  };
}

export const isProblem = (value: object): value is InputProblem => 'reason' in value;

/** Prisma's unique-constraint violation: a concurrent request wrote the same row first. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';
