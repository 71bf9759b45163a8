import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import {
  adjustLengthHeight,
  ageDaysBetween,
  ageDaysFromMonths,
  assessGrowth,
  checkPlausibility,
  classifyDeficit,
  classifyExcess,
  nutritionalStatus,
  zScore,
  type ChildMeasurement,
  type Indicator,
  type ZScoreResult,
} from './who-growth.js';

/** RFC 4180 subset: commas, double-quoted fields with "" escapes, CRLF or LF line ends. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  const [header = [], ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

const cases = parseCsv(readFileSync(new URL('../../data/who-growth/reference-cases.csv', import.meta.url), 'utf8'));

const INDICATORS: Record<string, Indicator> = {
  weight_for_age: 'WEIGHT_FOR_AGE',
  length_height_for_age: 'LENGTH_HEIGHT_FOR_AGE',
  weight_for_length: 'WEIGHT_FOR_LENGTH_HEIGHT',
  weight_for_height: 'WEIGHT_FOR_LENGTH_HEIGHT',
  bmi_for_age: 'BMI_FOR_AGE',
};

function childOf(row: Record<string, string>): ChildMeasurement {
  const value = Number(row.value);
  const lenhei = row.lenhei_cm ? Number(row.lenhei_cm) : undefined;
  return {
    sex: row.sex === '1' ? 'MALE' : 'FEMALE',
    // Where the source gave months (anthro's tests), convert as anthro does rather than use the rounded days.
    ageDays: row.age_months_input ? ageDaysFromMonths(Number(row.age_months_input)) : Number(row.age_days),
    weightKg: row.measure === 'weight_kg' ? value : undefined,
    lengthHeightCm: row.measure === 'length_cm' ? value : lenhei,
    measured: row.lenhei_measured === 'L' ? 'LYING' : row.lenhei_measured === 'H' ? 'STANDING' : undefined,
  };
}

const zOf = (result: ZScoreResult) => (result.ok ? result.z : result.reason);

describe('reference cases (data/who-growth/reference-cases.csv)', () => {
  it('has all 38 cases, parsed whole (quoted fields hold commas and "")', () => {
    expect(cases).toHaveLength(38);
    expect(cases.every((row) => /^-?\d+\.\d+$/.test(row.expected_z ?? ''))).toBe(true);
    expect(cases.find((row) => row.case_id === 'T6')?.note).toMatch(/, no adjustment$/);
    expect(cases.find((row) => row.case_id === 'T1')?.source).toMatch(/\("computes the z-score"\)$/);
  });

  it.each(cases.map((row) => [row.case_id, row] as const))('%s', (_id, row) => {
    const child = childOf(row);
    const indicator = INDICATORS[row.indicator ?? ''];
    expect(indicator).toBeDefined();
    expect(Math.floor((child.ageDays ?? NaN) + 0.5)).toBe(Number(row.age_days));

    if (row.indicator === 'weight_for_length' || row.indicator === 'weight_for_height') {
      const { basis } = adjustLengthHeight({
        lengthHeightCm: child.lengthHeightCm ?? NaN,
        ageDays: child.ageDays,
        measured: child.measured,
      });
      expect(basis).toBe(row.indicator === 'weight_for_length' ? 'LENGTH' : 'HEIGHT');
    }

    const expected = row.expected_z ?? '';
    const decimals = expected.split('.')[1]?.length ?? 0;
    const result = zScore(indicator!, child);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.ok && result.z).toBeCloseTo(Number(expected), decimals);
  });
});

describe('length/height adjustment', () => {
  it('adds 0.7 cm to a standing measurement under 731 days and takes 0.7 cm off a lying one from 731 days', () => {
    expect(adjustLengthHeight({ lengthHeightCm: 80, ageDays: 730, measured: 'STANDING' }).lengthHeightCm).toBeCloseTo(
      80.7,
      10,
    );
    expect(adjustLengthHeight({ lengthHeightCm: 80, ageDays: 731, measured: 'LYING' }).lengthHeightCm).toBeCloseTo(
      79.3,
      10,
    );
    expect(adjustLengthHeight({ lengthHeightCm: 80, ageDays: 730, measured: 'LYING' })).toEqual({
      lengthHeightCm: 80,
      basis: 'LENGTH',
      positionIgnored: false,
    });
    expect(adjustLengthHeight({ lengthHeightCm: 80, ageDays: 731 }).basis).toBe('HEIGHT');
  });

  it('rounds the age half up before choosing the basis: 24 months is 730.5 days, so height', () => {
    expect(adjustLengthHeight({ lengthHeightCm: 85, ageDays: ageDaysFromMonths(24), measured: 'LYING' })).toEqual({
      lengthHeightCm: 84.3,
      basis: 'HEIGHT',
      positionIgnored: false,
    });
  });

  it('ignores the position of a child measured standing under 9 months', () => {
    expect(adjustLengthHeight({ lengthHeightCm: 60, ageDays: ageDaysFromMonths(8.99), measured: 'STANDING' })).toEqual({
      lengthHeightCm: 60,
      basis: 'LENGTH',
      positionIgnored: true,
    });
    expect(
      adjustLengthHeight({ lengthHeightCm: 60, ageDays: ageDaysFromMonths(9), measured: 'STANDING' }).positionIgnored,
    ).toBe(false);
  });

  it('without an age, converts nothing and takes the basis from the position, else from 87 cm', () => {
    expect(adjustLengthHeight({ lengthHeightCm: 80, measured: 'STANDING' })).toEqual({
      lengthHeightCm: 80,
      basis: 'HEIGHT',
      positionIgnored: false,
    });
    expect(adjustLengthHeight({ lengthHeightCm: 95, measured: 'LYING' }).basis).toBe('LENGTH');
    expect(adjustLengthHeight({ lengthHeightCm: 86.9 }).basis).toBe('LENGTH');
    expect(adjustLengthHeight({ lengthHeightCm: 87 }).basis).toBe('HEIGHT');
  });
});

describe('weight-for-length/height', () => {
  it('scores without an age, choosing the table as anthro does (medians give 0)', () => {
    // wfhanthro.txt sex=1 height=80: M=10.5781; wflanthro.txt sex=1 length=80: M=10.4475.
    expect(
      zScore('WEIGHT_FOR_LENGTH_HEIGHT', { sex: 'MALE', weightKg: 10.5781, lengthHeightCm: 80, measured: 'STANDING' }),
    ).toEqual({
      ok: true,
      z: 0,
      flagged: false,
    });
    expect(zOf(zScore('WEIGHT_FOR_LENGTH_HEIGHT', { sex: 'MALE', weightKg: 10.4475, lengthHeightCm: 80 }))).toBe(0);
  });

  it('interpolates L, M and S linearly between 0.1 cm rows', () => {
    // wflanthro.txt sex=2: M=10.0891 at 80.0 cm and 10.1094 at 80.1 cm, so the median at 80.05 cm is 10.09925.
    const girl = (lengthHeightCm: number, weightKg: number) =>
      zOf(
        zScore('WEIGHT_FOR_LENGTH_HEIGHT', {
          sex: 'FEMALE',
          ageDays: 500,
          lengthHeightCm,
          weightKg,
          measured: 'LYING',
        }),
      );
    expect(girl(80.05, 10.09925)).toBe(0);
    expect(girl(80.0, 10.09925)).toBeGreaterThan(0);
    expect(girl(80.1, 10.09925)).toBeLessThan(0);
  });
});

describe('out of range', () => {
  const boy = (overrides: Partial<ChildMeasurement>): ChildMeasurement => ({
    sex: 'MALE',
    ageDays: 400,
    weightKg: 10,
    lengthHeightCm: 75,
    measured: 'LYING',
    ...overrides,
  });
  const reason = (indicator: Indicator, child: ChildMeasurement) => {
    const result = zScore(indicator, child);
    return result.ok ? 'OK' : result.reason;
  };

  it('scores up to 1826 days and not beyond', () => {
    expect(reason('WEIGHT_FOR_AGE', boy({ ageDays: 1826 }))).toBe('OK');
    expect(reason('WEIGHT_FOR_AGE', boy({ ageDays: 1827 }))).toBe('AGE_OUT_OF_RANGE');
    expect(reason('BMI_FOR_AGE', boy({ ageDays: 1827, lengthHeightCm: 110, measured: 'STANDING' }))).toBe(
      'AGE_OUT_OF_RANGE',
    );
    expect(reason('WEIGHT_FOR_LENGTH_HEIGHT', boy({ ageDays: 1827, lengthHeightCm: 110, measured: 'STANDING' }))).toBe(
      'AGE_OUT_OF_RANGE',
    );
  });

  it('requires the unrounded age to be under 60 months, although 60 months rounds to the last row', () => {
    expect(Math.floor(ageDaysFromMonths(60) + 0.5)).toBe(1826);
    expect(reason('LENGTH_HEIGHT_FOR_AGE', boy({ ageDays: ageDaysFromMonths(60) }))).toBe('AGE_OUT_OF_RANGE');
    expect(reason('LENGTH_HEIGHT_FOR_AGE', boy({ ageDays: ageDaysFromMonths(59.99) }))).toBe('OK');
  });

  it('rejects negative and missing ages for the age-based indicators', () => {
    expect(reason('WEIGHT_FOR_AGE', boy({ ageDays: -1 }))).toBe('AGE_OUT_OF_RANGE');
    expect(reason('WEIGHT_FOR_AGE', boy({ ageDays: undefined }))).toBe('AGE_MISSING');
    expect(reason('LENGTH_HEIGHT_FOR_AGE', boy({ ageDays: undefined }))).toBe('AGE_MISSING');
  });

  it('keeps length to 45-110 cm and height to 65-120 cm, after the 0.7 cm conversion', () => {
    expect(reason('WEIGHT_FOR_LENGTH_HEIGHT', boy({ ageDays: 10, lengthHeightCm: 45, weightKg: 2.4 }))).toBe('OK');
    expect(reason('WEIGHT_FOR_LENGTH_HEIGHT', boy({ ageDays: 10, lengthHeightCm: 44.9, weightKg: 2.4 }))).toBe(
      'LENGTH_HEIGHT_OUT_OF_RANGE',
    );
    expect(reason('WEIGHT_FOR_LENGTH_HEIGHT', boy({ ageDays: 700, lengthHeightCm: 110 }))).toBe('OK');
    expect(reason('WEIGHT_FOR_LENGTH_HEIGHT', boy({ ageDays: 700, lengthHeightCm: 109.5, measured: 'STANDING' }))).toBe(
      'LENGTH_HEIGHT_OUT_OF_RANGE',
    );
    expect(
      reason(
        'WEIGHT_FOR_LENGTH_HEIGHT',
        boy({ ageDays: 1500, lengthHeightCm: 120, measured: 'STANDING', weightKg: 22 }),
      ),
    ).toBe('OK');
    expect(
      reason(
        'WEIGHT_FOR_LENGTH_HEIGHT',
        boy({ ageDays: 1500, lengthHeightCm: 120.1, measured: 'STANDING', weightKg: 22 }),
      ),
    ).toBe('LENGTH_HEIGHT_OUT_OF_RANGE');
    expect(reason('WEIGHT_FOR_LENGTH_HEIGHT', boy({ ageDays: 1500, lengthHeightCm: 65.5, measured: 'LYING' }))).toBe(
      'LENGTH_HEIGHT_OUT_OF_RANGE',
    );
  });

  it('gives no z-score for missing or non-positive measurements', () => {
    expect(reason('WEIGHT_FOR_AGE', boy({ weightKg: 0 }))).toBe('WEIGHT_NOT_POSITIVE');
    expect(reason('WEIGHT_FOR_AGE', boy({ weightKg: undefined }))).toBe('WEIGHT_MISSING');
    expect(reason('WEIGHT_FOR_AGE', boy({ weightKg: Number.NaN }))).toBe('WEIGHT_MISSING');
    expect(reason('LENGTH_HEIGHT_FOR_AGE', boy({ lengthHeightCm: -75 }))).toBe('LENGTH_HEIGHT_NOT_POSITIVE');
    expect(reason('BMI_FOR_AGE', boy({ lengthHeightCm: undefined }))).toBe('LENGTH_HEIGHT_MISSING');
    expect(reason('WEIGHT_FOR_LENGTH_HEIGHT', boy({ weightKg: -1 }))).toBe('WEIGHT_NOT_POSITIVE');
  });

  it('computes no weight-based z-score for a child with oedema, but still length/height-for-age', () => {
    const assessment = assessGrowth(boy({ oedema: true }));
    expect(assessment.weightForAge).toEqual({ ok: false, reason: 'OEDEMA' });
    expect(assessment.weightForLengthHeight).toEqual({ ok: false, reason: 'OEDEMA' });
    expect(assessment.bmiForAge).toEqual({ ok: false, reason: 'OEDEMA' });
    expect(assessment.lengthHeightForAge.ok).toBe(true);
  });
});

describe('implausible z-score flags (anthro defaults)', () => {
  it('flags length/height-for-age beyond ±6 (reference case T3: −6.09)', () => {
    expect(
      zScore('LENGTH_HEIGHT_FOR_AGE', { sex: 'MALE', ageDays: 987, lengthHeightCm: 72.86, measured: 'LYING' }),
    ).toEqual({
      ok: true,
      z: -6.09,
      flagged: true,
    });
  });

  it('flags weight-for-age above +5 but not between −6 and +5', () => {
    expect(zScore('WEIGHT_FOR_AGE', { sex: 'MALE', ageDays: 0, weightKg: 5.5 })).toEqual({
      ok: true,
      z: 3.77,
      flagged: false,
    });
    const heavy = zScore('WEIGHT_FOR_AGE', { sex: 'MALE', ageDays: 0, weightKg: 7 });
    expect(heavy.ok && heavy.z > 5 && heavy.flagged).toBe(true);
  });
});

describe('nutritional status cut-offs', () => {
  it('classifies deficits with strict inequalities at −2 and −3', () => {
    expect(classifyDeficit(-1.99)).toBe('NONE');
    expect(classifyDeficit(-2)).toBe('NONE');
    expect(classifyDeficit(-2.01)).toBe('MODERATE');
    expect(classifyDeficit(-3)).toBe('MODERATE');
    expect(classifyDeficit(-3.01)).toBe('SEVERE');
  });

  it('classifies excess weight with strict inequalities at +2 and +3', () => {
    expect(classifyExcess(2)).toBe('NONE');
    expect(classifyExcess(2.01)).toBe('OVERWEIGHT');
    expect(classifyExcess(3)).toBe('OVERWEIGHT');
    expect(classifyExcess(3.01)).toBe('OBESE');
  });

  const ok = (z: number, flagged = false): ZScoreResult => ({ ok: true, z, flagged });

  it('reports stunting, underweight, wasting and overweight from the matching indicators', () => {
    expect(
      nutritionalStatus({ lengthHeightForAge: ok(-2.54), weightForAge: ok(-3.14), weightForLengthHeight: ok(2.68) }),
    ).toEqual({
      stunting: 'MODERATE',
      underweight: 'SEVERE',
      wasting: 'NONE',
      overweight: 'OVERWEIGHT',
    });
    expect(
      nutritionalStatus({ lengthHeightForAge: ok(0.4), weightForAge: ok(-1), weightForLengthHeight: ok(-3.26) }),
    ).toEqual({
      stunting: 'NONE',
      underweight: 'NONE',
      wasting: 'SEVERE',
      overweight: 'NONE',
    });
  });

  it('leaves out missing and flagged z-scores, and counts oedema as severe', () => {
    expect(
      nutritionalStatus({
        lengthHeightForAge: ok(-6.09, true),
        weightForAge: { ok: false, reason: 'OEDEMA' },
        weightForLengthHeight: { ok: false, reason: 'OEDEMA' },
      }),
    ).toEqual({ stunting: null, underweight: 'SEVERE', wasting: 'SEVERE', overweight: null });
    expect(
      nutritionalStatus({
        lengthHeightForAge: { ok: false, reason: 'AGE_OUT_OF_RANGE' },
        weightForAge: { ok: false, reason: 'WEIGHT_MISSING' },
        weightForLengthHeight: { ok: false, reason: 'LENGTH_HEIGHT_OUT_OF_RANGE' },
      }),
    ).toEqual({ stunting: null, underweight: null, wasting: null, overweight: null });
  });

  it('works on a whole assessment (reference child W10: stunted and underweight)', () => {
    const status = nutritionalStatus(
      assessGrowth({ sex: 'MALE', ageDays: 566, weightKg: 8.8, lengthHeightCm: 75.9, measured: 'LYING' }),
    );
    expect(status.stunting).toBe('MODERATE');
    expect(status.underweight).toBe('MODERATE');
  });
});

describe('age helpers', () => {
  it('counts calendar days between dates', () => {
    expect(ageDaysBetween(new Date('2024-02-28T00:00:00Z'), new Date('2024-03-01T00:00:00Z'))).toBe(2);
    expect(ageDaysBetween(new Date('2024-03-01T00:00:00Z'), new Date('2024-02-28T00:00:00Z'))).toBe(-2);
  });

  it('converts months to unrounded days', () => {
    expect(ageDaysFromMonths(24)).toBe(730.5);
  });
});

describe('checkPlausibility', () => {
  const reasons = (input: Parameters<typeof checkPlausibility>[0]) =>
    checkPlausibility(input).map((i) => `${i.field}:${i.reason}`);

  it('accepts a plausible measurement', () => {
    expect(
      checkPlausibility({
        birthDate: new Date('2023-01-01'),
        measuredOn: new Date('2025-01-01'),
        weightKg: 12,
        lengthHeightCm: 86,
      }),
    ).toEqual([]);
    expect(checkPlausibility({})).toEqual([]);
  });

  it('rejects a zero, negative or non-numeric weight, and one over 50 kg', () => {
    expect(checkPlausibility({ weightKg: 0 })).toEqual([
      { field: 'weightKg', reason: 'WEIGHT_NOT_POSITIVE', message: 'Cân nặng phải lớn hơn 0 kg.' },
    ]);
    expect(reasons({ weightKg: -3 })).toEqual(['weightKg:WEIGHT_NOT_POSITIVE']);
    expect(reasons({ weightKg: Number.NaN })).toEqual(['weightKg:WEIGHT_NOT_A_NUMBER']);
    expect(reasons({ weightKg: 50 })).toEqual([]);
    expect(reasons({ weightKg: 50.1 })).toEqual(['weightKg:WEIGHT_ABOVE_MAXIMUM']);
  });

  it('rejects a length/height outside 30-130 cm', () => {
    expect(reasons({ lengthHeightCm: 30 })).toEqual([]);
    expect(reasons({ lengthHeightCm: 130 })).toEqual([]);
    expect(reasons({ lengthHeightCm: 29.9 })).toEqual(['lengthHeightCm:LENGTH_HEIGHT_OUT_OF_RANGE']);
    expect(reasons({ lengthHeightCm: 130.1 })).toEqual(['lengthHeightCm:LENGTH_HEIGHT_OUT_OF_RANGE']);
    expect(reasons({ lengthHeightCm: Number.POSITIVE_INFINITY })).toEqual([
      'lengthHeightCm:LENGTH_HEIGHT_NOT_A_NUMBER',
    ]);
  });

  it('rejects a measurement before birth and a child aged 60 months or more', () => {
    expect(checkPlausibility({ birthDate: new Date('2025-01-02'), measuredOn: new Date('2025-01-01') })).toEqual([
      { field: 'measuredOn', reason: 'BEFORE_BIRTH', message: 'Ngày đo không được trước ngày sinh.' },
    ]);
    expect(reasons({ birthDate: new Date('2025-01-01'), measuredOn: new Date('2025-01-01') })).toEqual([]);
    // 1826 days is 59.99 months; 1827 days is 60.02 months.
    expect(reasons({ birthDate: new Date('2020-01-01'), measuredOn: new Date('2024-12-31') })).toEqual([]);
    expect(reasons({ birthDate: new Date('2020-01-01'), measuredOn: new Date('2025-01-01') })).toEqual([
      'birthDate:AGE_60_MONTHS_OR_OLDER',
    ]);
  });

  it('rejects invalid dates and reports every problem at once', () => {
    expect(
      reasons({
        birthDate: new Date('not a date'),
        measuredOn: new Date('2025-01-01'),
        weightKg: 0,
        lengthHeightCm: 200,
      }),
    ).toEqual(['birthDate:INVALID_DATE', 'weightKg:WEIGHT_NOT_POSITIVE', 'lengthHeightCm:LENGTH_HEIGHT_OUT_OF_RANGE']);
    expect(reasons({ measuredOn: new Date('') })).toEqual(['measuredOn:INVALID_DATE']);
  });

  it('writes every message in Vietnamese', () => {
    const issues = checkPlausibility({
      birthDate: new Date('2019-01-01'),
      measuredOn: new Date('2025-01-01'),
      weightKg: 60,
      lengthHeightCm: 10,
    });
    expect(issues.map((i) => i.message)).toEqual([
      'Chuẩn tăng trưởng trẻ em của WHO chỉ áp dụng cho trẻ dưới 60 tháng tuổi.',
      'Cân nặng của trẻ dưới 5 tuổi không thể vượt quá 50 kg.',
      'Chiều dài/chiều cao phải từ 30 đến 130 cm.',
    ]);
  });
});
