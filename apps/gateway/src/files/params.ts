/**
 * The parameters of the download paths, checked before anything is asked: the plan key and unit code
 * in their official forms, the year a whole number, flags true or false, and no parameter the path does
 * not take (a misspelt `yaer` would otherwise be ignored). Pure.
 */
import { catalogued, type ParameterProblem } from './respond.js';

export type QueryValue = string | string[] | undefined | Record<string, unknown> | unknown[];

export type Frequency = 'ANNUAL' | 'MIDTERM' | 'FINAL';

export interface FileParameters {
  year: number | undefined;
  unitCode: string | undefined;
  byCommune: boolean;
  bySex: boolean;
  /** The kind of reporting period (default ANNUAL). */
  frequency: Frequency;
  /** One target of the plan, by its code (all when undefined). */
  targetCode: string | undefined;
}

export type ParameterName = 'year' | 'unit' | 'byCommune' | 'bySex' | 'frequency' | 'target';

const FREQUENCIES: readonly Frequency[] = ['ANNUAL', 'MIDTERM', 'FINAL'];

const PLAN_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UNIT_CODE = /^(?:\d{2}|\d{3}|\d{5})$/;
const YEAR = /^\d{4}$/;
const TARGET_CODE = /^[\p{L}\p{N}._-]{1,50}$/u;
const FLAGS: Record<string, boolean> = { true: true, '1': true, false: false, '0': false, '': false };

const LABELS: Record<ParameterName, string> = {
  year: 'Năm (year)',
  unit: 'Mã đơn vị (unit)',
  byCommune: 'Theo xã (byCommune)',
  bySex: 'Theo giới tính (bySex)',
  frequency: 'Loại báo cáo (frequency)',
  target: 'Mã chỉ tiêu (target)',
};

/** A plan key's problem, if it is not of the official form (lower-case letters, digits, hyphens). */
export function planKeyProblem(key: string): ParameterProblem | undefined {
  return key.length <= 100 && PLAN_KEY.test(key) ? undefined : catalogued('planKey', 'MALFORMED_PLAN_KEY');
}

/**
 * Reads the query string of a download: only the parameters `allowed`, each given once; `year` required
 * when `requireYear`. Returns every parameter or the first problem.
 */
export function readParameters(
  query: Record<string, QueryValue>,
  allowed: readonly ParameterName[],
  { requireYear = true }: { requireYear?: boolean } = {},
): FileParameters | ParameterProblem {
  for (const name of Object.keys(query)) {
    if (!(allowed as readonly string[]).includes(name))
      return catalogued(
        name,
        'UNKNOWN_FIELD',
        `Địa chỉ tải tệp này không nhận tham số "${name}"; các tham số có thể dùng: ${allowed.join(', ')}.`,
      );
  }
  const single = (name: ParameterName): string | undefined | ParameterProblem => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      return catalogued(name, 'WRONG_TYPE', `${LABELS[name]} chỉ được ghi một lần, dạng văn bản.`);
    return value.trim();
  };
  const isProblem = (v: unknown): v is ParameterProblem => typeof v === 'object' && v !== null && 'reason' in v;

  const year = single('year');
  if (isProblem(year)) return year;
  if (year === undefined || year === '') {
    if (requireYear) return catalogued('year', 'REQUIRED', 'Vui lòng ghi năm báo cáo (year), ví dụ year=2025.');
  } else if (!YEAR.test(year)) {
    return catalogued('year', 'NOT_A_WHOLE_NUMBER', `Năm (year) phải là số nguyên gồm 4 chữ số, không phải "${year}".`);
  }

  const unit = single('unit');
  if (isProblem(unit)) return unit;
  if (unit !== undefined && unit !== '' && !UNIT_CODE.test(unit)) return catalogued('unit', 'MALFORMED_UNIT_CODE');

  const flag = (name: 'byCommune' | 'bySex'): boolean | ParameterProblem => {
    const value = single(name);
    if (isProblem(value)) return value;
    if (value === undefined) return false;
    const parsed = FLAGS[value.toLowerCase()];
    return parsed ?? catalogued(name, 'VALUE_NOT_ALLOWED', `${LABELS[name]} chỉ nhận true hoặc false.`);
  };
  const byCommune = flag('byCommune');
  if (isProblem(byCommune)) return byCommune;
  const bySex = flag('bySex');
  if (isProblem(bySex)) return bySex;

  const frequency = single('frequency');
  if (isProblem(frequency)) return frequency;
  const kind = (frequency || 'ANNUAL').toUpperCase() as Frequency;
  if (!FREQUENCIES.includes(kind))
    return catalogued('frequency', 'VALUE_NOT_ALLOWED', `${LABELS.frequency} chỉ nhận ${FREQUENCIES.join(', ')}.`);

  const target = single('target');
  if (isProblem(target)) return target;
  if (target && !TARGET_CODE.test(target))
    return catalogued(
      'target',
      'VALUE_NOT_ALLOWED',
      `${LABELS.target} chỉ gồm chữ, số, dấu chấm, gạch ngang (tối đa 50 ký tự).`,
    );

  return {
    year: year ? Number(year) : undefined,
    unitCode: unit || undefined,
    byCommune,
    bySex,
    frequency: kind,
    targetCode: target || undefined,
  };
}

export const isParameterProblem = (value: FileParameters | ParameterProblem): value is ParameterProblem =>
  'reason' in value;
