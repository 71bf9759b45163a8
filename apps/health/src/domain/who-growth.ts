/**
 * WHO Child Growth Standards (2006) z-scores for children under 60 months, computed as WHO's `anthro`
 * R package does (method and sources: data/who-growth/README.md). The LMS tables are the package's
 * own files, read once on first use.
 */
import { readFileSync } from 'node:fs';

export type Sex = 'MALE' | 'FEMALE';
export type MeasuredPosition = 'LYING' | 'STANDING';
/** Which standard a length/height belongs to: recumbent length under 731 days, standing height from 731 days. */
export type LengthHeightBasis = 'LENGTH' | 'HEIGHT';
export type Indicator = 'WEIGHT_FOR_AGE' | 'LENGTH_HEIGHT_FOR_AGE' | 'WEIGHT_FOR_LENGTH_HEIGHT' | 'BMI_FOR_AGE';

export interface ChildMeasurement {
  sex: Sex;
  /**
   * Unrounded age in days (see `ageDaysBetween`, `ageDaysFromMonths`). The standards need it unrounded:
   * the table row is the age rounded half up, but "under 60 months" and "under 9 months" use the exact age.
   * Only weight-for-length/height can be computed without it.
   */
  ageDays?: number;
  weightKg?: number;
  /** As measured; the ±0.7 cm conversion between length and height is applied here. */
  lengthHeightCm?: number;
  measured?: MeasuredPosition;
  /** Bilateral pitting oedema makes weight meaningless, so weight-based z-scores are not computed. */
  oedema?: boolean;
}

export type NotComputedReason =
  | 'AGE_MISSING'
  | 'AGE_OUT_OF_RANGE'
  | 'OEDEMA'
  | 'WEIGHT_MISSING'
  | 'WEIGHT_NOT_POSITIVE'
  | 'LENGTH_HEIGHT_MISSING'
  | 'LENGTH_HEIGHT_NOT_POSITIVE'
  | 'LENGTH_HEIGHT_OUT_OF_RANGE';

export type ZScoreResult =
  | {
      ok: true;
      /** Rounded to 2 decimals, as anthro reports it and classifies on it. */
      z: number;
      /** Outside anthro's limits of biological plausibility; anthro leaves such values out of prevalence. */
      flagged: boolean;
    }
  | { ok: false; reason: NotComputedReason };

export interface AdjustedLengthHeight {
  /** anthro's `clenhei`: the measurement converted to the basis the standards use at this age. */
  lengthHeightCm: number;
  basis: LengthHeightBasis;
  /** anthro's `c9mo_flag`: a standing measurement under 9 months is implausible, so its position is ignored. */
  positionIgnored: boolean;
}

export interface GrowthAssessment {
  weightForAge: ZScoreResult;
  lengthHeightForAge: ZScoreResult;
  weightForLengthHeight: ZScoreResult;
  bmiForAge: ZScoreResult;
  adjustedLengthHeight: AdjustedLengthHeight | null;
}

const DAYS_PER_MONTH = 30.4375;
const MAX_AGE_DAYS = 1826;
/** Recumbent length is the standard under 24 months; 24 months = 730.5 days, which rounds to 731. */
const HEIGHT_FROM_AGE_DAYS = 731;
const LENGTH_HEIGHT_CONVERSION_CM = 0.7;
const STANDING_PLAUSIBLE_FROM_MONTHS = 9;
/** Without age or position anthro guesses the basis from the size of the child. */
const HEIGHT_GUESS_FROM_CM = 87;
const WFL_RANGE_CM = { min: 45, max: 110 } as const;
const WFH_RANGE_CM = { min: 65, max: 120 } as const;

/** Age in days from an age in months, unrounded (24 months gives 730.5, which `zScore` rounds to 731). */
export function ageDaysFromMonths(months: number): number {
  return months * DAYS_PER_MONTH;
}

/** Whole calendar days from birth to measurement, using the UTC calendar date (where PostgreSQL DATE values live). */
export function ageDaysBetween(birthDate: Date, measuredOn: Date): number {
  return (utcDay(measuredOn) - utcDay(birthDate)) / 86_400_000;
}

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** anthro rounds half up, `floor(x + 0.5)`, not half to even. */
function roundAgeDays(ageDays: number): number {
  return Math.floor(ageDays + 0.5);
}

function roundZ(z: number): number {
  // Symmetric rounding like R's round(z, 2); `+ 0` turns -0 into 0.
  return (Math.sign(z) * Math.round(Math.abs(z) * 100)) / 100 + 0;
}

function isKnown(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

/**
 * The length/height the standards use: standing under 731 days gets +0.7 cm, lying from 731 days gets
 * −0.7 cm, an unknown position is taken as the right one. Without an age nothing is converted and the
 * basis comes from the position, or failing that from whether the child is under 87 cm.
 */
export function adjustLengthHeight(input: {
  lengthHeightCm: number;
  ageDays?: number;
  measured?: MeasuredPosition;
}): AdjustedLengthHeight {
  const { lengthHeightCm, ageDays } = input;
  const positionIgnored =
    input.measured === 'STANDING' && isKnown(ageDays) && ageDays / DAYS_PER_MONTH < STANDING_PLAUSIBLE_FROM_MONTHS;
  const measured = positionIgnored ? undefined : input.measured;

  if (!isKnown(ageDays)) {
    const basis = measured ? basisOf(measured) : lengthHeightCm < HEIGHT_GUESS_FROM_CM ? 'LENGTH' : 'HEIGHT';
    return { lengthHeightCm, basis, positionIgnored };
  }
  const basis: LengthHeightBasis = roundAgeDays(ageDays) < HEIGHT_FROM_AGE_DAYS ? 'LENGTH' : 'HEIGHT';
  let adjusted = lengthHeightCm;
  if (basis === 'LENGTH' && measured === 'STANDING') adjusted += LENGTH_HEIGHT_CONVERSION_CM;
  if (basis === 'HEIGHT' && measured === 'LYING') adjusted -= LENGTH_HEIGHT_CONVERSION_CM;
  return { lengthHeightCm: adjusted, basis, positionIgnored };
}

function basisOf(position: MeasuredPosition): LengthHeightBasis {
  return position === 'LYING' ? 'LENGTH' : 'HEIGHT';
}

export function zScore(indicator: Indicator, child: ChildMeasurement): ZScoreResult {
  switch (indicator) {
    case 'WEIGHT_FOR_AGE':
      return weightForAge(child);
    case 'LENGTH_HEIGHT_FOR_AGE':
      return lengthHeightForAge(child);
    case 'WEIGHT_FOR_LENGTH_HEIGHT':
      return weightForLengthHeight(child);
    case 'BMI_FOR_AGE':
      return bmiForAge(child);
  }
}

export function assessGrowth(child: ChildMeasurement): GrowthAssessment {
  return {
    weightForAge: weightForAge(child),
    lengthHeightForAge: lengthHeightForAge(child),
    weightForLengthHeight: weightForLengthHeight(child),
    bmiForAge: bmiForAge(child),
    adjustedLengthHeight: isKnown(child.lengthHeightCm)
      ? adjustLengthHeight({ lengthHeightCm: child.lengthHeightCm, ageDays: child.ageDays, measured: child.measured })
      : null,
  };
}

type Failure = Extract<ZScoreResult, { ok: false }>;
const fail = (reason: NotComputedReason): Failure => ({ ok: false, reason });

/** The table row for an age, or why there is none: the tables stop at 1826 days and the standards at 60 months. */
function ageRow(ageDays: number | undefined): number | Failure {
  if (ageDays === undefined || Number.isNaN(ageDays)) return fail('AGE_MISSING');
  const row = roundAgeDays(ageDays);
  if (ageDays < 0 || row > MAX_AGE_DAYS || ageDays / DAYS_PER_MONTH >= 60) return fail('AGE_OUT_OF_RANGE');
  return row;
}

function positive(
  value: number | undefined,
  missing: NotComputedReason,
  notPositive: NotComputedReason,
): number | Failure {
  if (!isKnown(value)) return fail(missing);
  return value > 0 ? value : fail(notPositive);
}

function weightForAge(child: ChildMeasurement): ZScoreResult {
  const row = ageRow(child.ageDays);
  if (typeof row !== 'number') return row;
  if (child.oedema) return fail('OEDEMA');
  const weight = positive(child.weightKg, 'WEIGHT_MISSING', 'WEIGHT_NOT_POSITIVE');
  if (typeof weight !== 'number') return weight;
  const z = roundZ(restrictedZ(weight, lmsAt('weianthro', child.sex, row)));
  return { ok: true, z, flagged: z < -6 || z > 5 };
}

function lengthHeightForAge(child: ChildMeasurement): ZScoreResult {
  const row = ageRow(child.ageDays);
  if (typeof row !== 'number') return row;
  const measuredCm = positive(child.lengthHeightCm, 'LENGTH_HEIGHT_MISSING', 'LENGTH_HEIGHT_NOT_POSITIVE');
  if (typeof measuredCm !== 'number') return measuredCm;
  const { lengthHeightCm } = adjustLengthHeight({
    lengthHeightCm: measuredCm,
    ageDays: child.ageDays,
    measured: child.measured,
  });
  // L is 1 throughout this table, so the restricted method would change nothing; anthro does not apply it.
  const z = roundZ(lmsZ(lengthHeightCm, lmsAt('lenanthro', child.sex, row)));
  return { ok: true, z, flagged: Math.abs(z) > 6 };
}

function weightForLengthHeight(child: ChildMeasurement): ZScoreResult {
  if (isKnown(child.ageDays)) {
    const row = ageRow(child.ageDays);
    if (typeof row !== 'number') return row;
  }
  if (child.oedema) return fail('OEDEMA');
  const weight = positive(child.weightKg, 'WEIGHT_MISSING', 'WEIGHT_NOT_POSITIVE');
  if (typeof weight !== 'number') return weight;
  const measuredCm = positive(child.lengthHeightCm, 'LENGTH_HEIGHT_MISSING', 'LENGTH_HEIGHT_NOT_POSITIVE');
  if (typeof measuredCm !== 'number') return measuredCm;
  const { lengthHeightCm, basis } = adjustLengthHeight({
    lengthHeightCm: measuredCm,
    ageDays: child.ageDays,
    measured: child.measured,
  });
  const range = basis === 'LENGTH' ? WFL_RANGE_CM : WFH_RANGE_CM;
  if (lengthHeightCm < range.min || lengthHeightCm > range.max) return fail('LENGTH_HEIGHT_OUT_OF_RANGE');
  const lms = interpolatedLms(basis === 'LENGTH' ? 'wflanthro' : 'wfhanthro', child.sex, lengthHeightCm);
  const z = roundZ(restrictedZ(weight, lms));
  return { ok: true, z, flagged: Math.abs(z) > 5 };
}

function bmiForAge(child: ChildMeasurement): ZScoreResult {
  const row = ageRow(child.ageDays);
  if (typeof row !== 'number') return row;
  if (child.oedema) return fail('OEDEMA');
  const weight = positive(child.weightKg, 'WEIGHT_MISSING', 'WEIGHT_NOT_POSITIVE');
  if (typeof weight !== 'number') return weight;
  const measuredCm = positive(child.lengthHeightCm, 'LENGTH_HEIGHT_MISSING', 'LENGTH_HEIGHT_NOT_POSITIVE');
  if (typeof measuredCm !== 'number') return measuredCm;
  const { lengthHeightCm } = adjustLengthHeight({
    lengthHeightCm: measuredCm,
    ageDays: child.ageDays,
    measured: child.measured,
  });
  const bmi = weight / (lengthHeightCm / 100) ** 2;
  const z = roundZ(restrictedZ(bmi, lmsAt('bmianthro', child.sex, row)));
  return { ok: true, z, flagged: Math.abs(z) > 5 };
}

interface Lms {
  l: number;
  m: number;
  s: number;
}

function lmsZ(y: number, { l, m, s }: Lms): number {
  return ((y / m) ** l - 1) / (l * s);
}

/**
 * WHO's restricted application of the LMS method: beyond ±3 SD the fitted skewness would stretch or
 * squeeze the extreme tail, so distances there are measured in units of the 2-to-3 SD interval instead.
 */
function restrictedZ(y: number, lms: Lms): number {
  const z = lmsZ(y, lms);
  if (Math.abs(z) <= 3) return z;
  const valueAt = (sd: number) => lms.m * (1 + lms.l * lms.s * sd) ** (1 / lms.l);
  if (z > 3) return 3 + (y - valueAt(3)) / (valueAt(3) - valueAt(2));
  return -3 + (y - valueAt(-3)) / (valueAt(-2) - valueAt(-3));
}

/** Length/height tables have a row every 0.1 cm; in between, anthro interpolates L, M and S linearly. */
function interpolatedLms(name: LengthTableName, sex: Sex, cm: number): Lms {
  const tenths = cm * 10;
  const nearest = Math.round(tenths);
  // 110.4 − 0.7 is 109.70000000000002 in floating point: that is row 109.7, not a blend of two rows.
  if (Math.abs(tenths - nearest) < 1e-6) return lmsAt(name, sex, nearest);
  const lower = Math.floor(tenths);
  const d = tenths - lower;
  const lo = lmsAt(name, sex, lower);
  const hi = lmsAt(name, sex, lower + 1);
  return { l: lo.l + d * (hi.l - lo.l), m: lo.m + d * (hi.m - lo.m), s: lo.s + d * (hi.s - lo.s) };
}

type AgeTableName = 'weianthro' | 'lenanthro' | 'bmianthro';
type LengthTableName = 'wflanthro' | 'wfhanthro';
type TableName = AgeTableName | LengthTableName;
/** Keyed by `rowKey(sex code, age in days or length/height in tenths of a cm)`. */
type LmsTable = ReadonlyMap<number, Lms>;
/** A number, not a text: a file of 100,000 measurements looks up half a million rows. */
const rowKey = (sexCode: number, key: number) => sexCode * 100_000 + key;

const SEX_CODE: Record<Sex, number> = { MALE: 1, FEMALE: 2 };
const tables = new Map<TableName, LmsTable>();

function lmsAt(name: TableName, sex: Sex, key: number): Lms {
  let table = tables.get(name);
  if (!table) {
    table = parseTable(name, readFileSync(new URL(`../../data/who-growth/${name}.txt`, import.meta.url), 'utf8'));
    tables.set(name, table);
  }
  const lms = table.get(rowKey(SEX_CODE[sex], key));
  // Callers check the ranges first, so a missing row means the data files are damaged.
  if (!lms) throw new Error(`${name}.txt has no row for sex ${SEX_CODE[sex]} at ${key}`);
  return lms;
}

function parseTable(name: TableName, text: string): LmsTable {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (!header?.startsWith('sex\t') || !header.includes('\tl\tm\ts')) throw new Error(`${name}.txt: unexpected header`);
  const byTenths = name === 'wflanthro' || name === 'wfhanthro';
  const table = new Map<number, Lms>();
  for (const line of lines) {
    const [sex, key, l, m, s] = line.split('\t').map(Number);
    if (
      sex === undefined ||
      key === undefined ||
      l === undefined ||
      m === undefined ||
      s === undefined ||
      ![sex, key, l, m, s].every(Number.isFinite)
    ) {
      throw new Error(`${name}.txt: malformed row "${line}"`);
    }
    // Lengths such as 45.1 are not exact in binary, so rows are keyed on whole tenths.
    table.set(rowKey(sex, byTenths ? Math.round(key * 10) : key), { l, m, s });
  }
  return table;
}

/** `MODERATE` is −3 ≤ z < −2; "stunted", "underweight" and "wasted" mean any level but `NONE`. */
export type Deficit = 'NONE' | 'MODERATE' | 'SEVERE';
export type Excess = 'NONE' | 'OVERWEIGHT' | 'OBESE';

export interface NutritionalStatus {
  /** `null` when the z-score is missing or flagged as implausible, which anthro leaves out of prevalence. */
  stunting: Deficit | null;
  underweight: Deficit | null;
  wasting: Deficit | null;
  /** `OVERWEIGHT` is +2 < z ≤ +3; the reported overweight prevalence (anthro's WH2) counts both levels. */
  overweight: Excess | null;
}

export function classifyDeficit(z: number): Deficit {
  if (z < -3) return 'SEVERE';
  if (z < -2) return 'MODERATE';
  return 'NONE';
}

export function classifyExcess(z: number): Excess {
  if (z > 3) return 'OBESE';
  if (z > 2) return 'OVERWEIGHT';
  return 'NONE';
}

/**
 * WHO cut-offs (WHO 2006 standards; WHO/UNICEF 2019 "Recommendations for data collection, analysis and
 * reporting on anthropometric indicators in children under 5 years old"):
 * - stunting: length/height-for-age z < −2, severe < −3;
 * - underweight: weight-for-age z < −2, severe < −3;
 * - wasting: weight-for-length/height z < −2, severe < −3;
 * - overweight: weight-for-length/height z > +2, obesity > +3.
 * Inequalities are strict, as in anthro's prevalence code: z = −2.00 is not stunted.
 */
export function nutritionalStatus(
  assessment: Pick<GrowthAssessment, 'lengthHeightForAge' | 'weightForAge' | 'weightForLengthHeight'>,
): NutritionalStatus {
  const usable = (result: ZScoreResult) => (result.ok && !result.flagged ? result.z : null);
  // A child with oedema has severe acute malnutrition whatever the weight (WHO); anthro counts it below −3 SD.
  const deficit = (result: ZScoreResult): Deficit | null => {
    if (!result.ok && result.reason === 'OEDEMA') return 'SEVERE';
    const z = usable(result);
    return z === null ? null : classifyDeficit(z);
  };
  const wfl = usable(assessment.weightForLengthHeight);
  return {
    stunting: deficit(assessment.lengthHeightForAge),
    underweight: deficit(assessment.weightForAge),
    wasting: deficit(assessment.weightForLengthHeight),
    overweight: wfl === null ? null : classifyExcess(wfl),
  };
}

export interface PlausibilityInput {
  birthDate?: Date;
  measuredOn?: Date;
  weightKg?: number;
  lengthHeightCm?: number;
}

export type PlausibilityReason =
  | 'INVALID_DATE'
  | 'BEFORE_BIRTH'
  | 'AGE_60_MONTHS_OR_OLDER'
  | 'WEIGHT_NOT_A_NUMBER'
  | 'WEIGHT_NOT_POSITIVE'
  | 'WEIGHT_ABOVE_MAXIMUM'
  | 'LENGTH_HEIGHT_NOT_A_NUMBER'
  | 'LENGTH_HEIGHT_OUT_OF_RANGE';

export interface PlausibilityIssue {
  field: keyof PlausibilityInput;
  reason: PlausibilityReason;
  /** Vietnamese, for the person entering the data. */
  message: string;
}

/** Generous bounds: anything outside them is a data-entry error for a child under 5, not a growth problem. */
export const PLAUSIBLE_LIMITS = { maxWeightKg: 50, minLengthHeightCm: 30, maxLengthHeightCm: 130 } as const;

/**
 * Input that cannot describe a measurement of a child under 5 and should be rejected, not scored.
 * Unusual but possible values pass; anthro's flags on the z-scores (`flagged`) are for those.
 */
export function checkPlausibility(input: PlausibilityInput): PlausibilityIssue[] {
  const issues: PlausibilityIssue[] = [];
  const { birthDate, measuredOn, weightKg, lengthHeightCm } = input;
  const birthValid = birthDate !== undefined && !Number.isNaN(birthDate.getTime());
  const measuredValid = measuredOn !== undefined && !Number.isNaN(measuredOn.getTime());

  if (birthDate !== undefined && !birthValid) {
    issues.push({ field: 'birthDate', reason: 'INVALID_DATE', message: 'Ngày sinh không hợp lệ.' });
  }
  if (measuredOn !== undefined && !measuredValid) {
    issues.push({ field: 'measuredOn', reason: 'INVALID_DATE', message: 'Ngày đo không hợp lệ.' });
  }
  if (birthValid && measuredValid) {
    const ageDays = ageDaysBetween(birthDate, measuredOn);
    if (ageDays < 0) {
      issues.push({ field: 'measuredOn', reason: 'BEFORE_BIRTH', message: 'Ngày đo không được trước ngày sinh.' });
    } else if (ageDays / DAYS_PER_MONTH >= 60) {
      issues.push({
        field: 'birthDate',
        reason: 'AGE_60_MONTHS_OR_OLDER',
        message: 'Chuẩn tăng trưởng trẻ em của WHO chỉ áp dụng cho trẻ dưới 60 tháng tuổi.',
      });
    }
  }

  if (weightKg !== undefined) {
    if (!Number.isFinite(weightKg)) {
      issues.push({ field: 'weightKg', reason: 'WEIGHT_NOT_A_NUMBER', message: 'Cân nặng phải là một số.' });
    } else if (weightKg <= 0) {
      issues.push({ field: 'weightKg', reason: 'WEIGHT_NOT_POSITIVE', message: 'Cân nặng phải lớn hơn 0 kg.' });
    } else if (weightKg > PLAUSIBLE_LIMITS.maxWeightKg) {
      issues.push({
        field: 'weightKg',
        reason: 'WEIGHT_ABOVE_MAXIMUM',
        message: `Cân nặng của trẻ dưới 5 tuổi không thể vượt quá ${PLAUSIBLE_LIMITS.maxWeightKg} kg.`,
      });
    }
  }

  if (lengthHeightCm !== undefined) {
    if (!Number.isFinite(lengthHeightCm)) {
      issues.push({
        field: 'lengthHeightCm',
        reason: 'LENGTH_HEIGHT_NOT_A_NUMBER',
        message: 'Chiều dài/chiều cao phải là một số.',
      });
    } else if (
      lengthHeightCm < PLAUSIBLE_LIMITS.minLengthHeightCm ||
      lengthHeightCm > PLAUSIBLE_LIMITS.maxLengthHeightCm
    ) {
      issues.push({
        field: 'lengthHeightCm',
        reason: 'LENGTH_HEIGHT_OUT_OF_RANGE',
        message: `Chiều dài/chiều cao phải từ ${PLAUSIBLE_LIMITS.minLengthHeightCm} đến ${PLAUSIBLE_LIMITS.maxLengthHeightCm} cm.`,
      });
    }
  }
  return issues;
}
