import { describe, expect, it } from 'vitest';

import {
  growthScores,
  measuredBetweenProblems,
  measurementProblems,
  type MeasurementValues,
} from './growth-measurement.js';
import { ageDaysBetween, assessGrowth, nutritionalStatus } from './who-growth.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const boy: MeasurementValues = {
  sex: 'MALE',
  birthDate: day('2023-05-10'),
  measuredOn: day('2025-09-01'),
  weightKg: 10.2,
  lengthHeightCm: 82.4,
  measured: 'STANDING',
  oedema: false,
};
const TODAY = day('2025-09-01');
const reasons = (values: Partial<MeasurementValues>) =>
  measurementProblems({ ...boy, ...values }, TODAY).map((p) => `${p.field}:${p.reason}`);

describe('measurementProblems', () => {
  it('accepts a plausible measurement taken today', () => {
    expect(reasons({})).toEqual([]);
  });

  it('adds to the WHO plausibility checks a measurement after today', () => {
    expect(reasons({ measuredOn: day('2025-09-02') })).toEqual(['measuredOn:DATE_IN_FUTURE']);
    expect(reasons({ weightKg: -1, lengthHeightCm: 300 })).toEqual([
      'weightKg:WEIGHT_NOT_POSITIVE',
      'lengthHeightCm:LENGTH_HEIGHT_OUT_OF_RANGE',
    ]);
  });

  it('rejects more decimals than are stored rather than rounding silently', () => {
    expect(reasons({ weightKg: 10.125, lengthHeightCm: 82.45 })).toEqual([]);
    expect(reasons({ weightKg: 10.1255 })).toEqual(['weightKg:TOO_MANY_DECIMALS']);
    expect(reasons({ lengthHeightCm: 82.455 })).toEqual(['lengthHeightCm:TOO_MANY_DECIMALS']);
  });
});

describe('growthScores', () => {
  it('stores what the WHO module computes for the age in days', () => {
    const assessment = assessGrowth({ ...boy, ageDays: ageDaysBetween(boy.birthDate, boy.measuredOn) });
    const status = nutritionalStatus(assessment);
    expect(growthScores(boy)).toEqual({
      weightForAgeZ: assessment.weightForAge.ok ? assessment.weightForAge.z : 'not computed',
      lengthHeightForAgeZ: assessment.lengthHeightForAge.ok ? assessment.lengthHeightForAge.z : 'not computed',
      weightForLengthHeightZ: assessment.weightForLengthHeight.ok ? assessment.weightForLengthHeight.z : 'not computed',
      stunting: status.stunting,
      underweight: status.underweight,
      wasting: status.wasting,
    });
  });

  it('leaves the weight-based z-scores out with oedema and counts the child severely underweight and wasted', () => {
    expect(growthScores({ ...boy, oedema: true })).toMatchObject({
      weightForAgeZ: null,
      weightForLengthHeightZ: null,
      underweight: 'SEVERE',
      wasting: 'SEVERE',
    });
  });
});

describe('measuredBetweenProblems', () => {
  it('accepts open and ordered periods, and refuses one that ends before it starts', () => {
    expect(measuredBetweenProblems({ from: null, to: null })).toEqual([]);
    expect(measuredBetweenProblems({ from: day('2025-07-01'), to: null })).toEqual([]);
    expect(measuredBetweenProblems({ from: day('2025-07-01'), to: day('2025-07-01') })).toEqual([]);
    expect(measuredBetweenProblems({ from: day('2025-07-02'), to: day('2025-07-01') })).toMatchObject([
      { field: 'from', reason: 'EMPTY_PERIOD' },
    ]);
  });
});
