/**
 * What a recorded growth measurement must satisfy and what is stored with it: the input checks that
 * need no database, and the WHO z-scores and statuses computed once, when the measurement is recorded.
 */
import { problem, type InputProblem } from '@ecd/service-kit';

import {
  ageDaysBetween,
  checkPlausibility,
  nutritionalStatus,
  zScore,
  type ChildMeasurement,
  type Deficit,
  type MeasuredPosition,
  type Sex,
  type ZScoreResult,
} from './who-growth.js';

export interface MeasurementValues {
  sex: Sex;
  birthDate: Date;
  measuredOn: Date;
  weightKg: number;
  lengthHeightCm: number;
  measured: MeasuredPosition;
  oedema: boolean;
}

/** Decimals the database keeps (growth_measurement.weight_kg and length_height_cm): more would be lost silently. */
export const STORED_DECIMALS = { weightKg: 3, lengthHeightCm: 2 } as const;

const hasAtMostDecimals = (value: number, decimals: number) => Number(value.toFixed(decimals)) === value;

/** Every problem with the values themselves, at once: implausible values, lost precision, a future date. */
export function measurementProblems(values: MeasurementValues, today: Date): InputProblem[] {
  const problems: InputProblem[] = checkPlausibility(values);
  if (values.measuredOn > today) {
    problems.push({ field: 'measuredOn', reason: 'DATE_IN_FUTURE', message: 'Ngày đo không được sau ngày hôm nay.' });
  }
  if (!hasAtMostDecimals(values.weightKg, STORED_DECIMALS.weightKg)) {
    problems.push({
      field: 'weightKg',
      reason: 'TOO_MANY_DECIMALS',
      message: 'Cân nặng ghi tối đa 3 chữ số thập phân (đến gam).',
    });
  }
  if (!hasAtMostDecimals(values.lengthHeightCm, STORED_DECIMALS.lengthHeightCm)) {
    problems.push({
      field: 'lengthHeightCm',
      reason: 'TOO_MANY_DECIMALS',
      message: 'Chiều dài/chiều cao ghi tối đa 2 chữ số thập phân.',
    });
  }
  return problems;
}

export interface GrowthScores {
  weightForAgeZ: number | null;
  lengthHeightForAgeZ: number | null;
  weightForLengthHeightZ: number | null;
  stunting: Deficit | null;
  underweight: Deficit | null;
  wasting: Deficit | null;
}

const zOrNull = (result: ZScoreResult) => (result.ok ? result.z : null);

/** The z-scores and statuses stored with a measurement that passed `measurementProblems`. */
export function growthScores(values: MeasurementValues): GrowthScores {
  const child: ChildMeasurement = {
    sex: values.sex,
    ageDays: ageDaysBetween(values.birthDate, values.measuredOn),
    weightKg: values.weightKg,
    lengthHeightCm: values.lengthHeightCm,
    measured: values.measured,
    oedema: values.oedema,
  };
  // The three indicators stored (as assessGrowth computes them), not BMI-for-age: a file of 100,000 rows scores them all.
  const assessment = {
    weightForAge: zScore('WEIGHT_FOR_AGE', child),
    lengthHeightForAge: zScore('LENGTH_HEIGHT_FOR_AGE', child),
    weightForLengthHeight: zScore('WEIGHT_FOR_LENGTH_HEIGHT', child),
  };
  const status = nutritionalStatus(assessment);
  return {
    weightForAgeZ: zOrNull(assessment.weightForAge),
    lengthHeightForAgeZ: zOrNull(assessment.lengthHeightForAge),
    weightForLengthHeightZ: zOrNull(assessment.weightForLengthHeight),
    stunting: status.stunting,
    underweight: status.underweight,
    wasting: status.wasting,
  };
}

/** Measurement days asked about, both included; a missing bound is open. */
export interface MeasuredBetween {
  from: Date | null;
  to: Date | null;
}

/** A period of measurement days asked about must not end before it starts. */
export function measuredBetweenProblems({ from, to }: MeasuredBetween): InputProblem[] {
  return from && to && from > to ? [problem('from', 'EMPTY_PERIOD', 'Ngày bắt đầu không được sau ngày kết thúc.')] : [];
}
