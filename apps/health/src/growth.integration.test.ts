import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { identifier, queryRows, sql } from '@ecd/database';
import { graphql, resolveUnitEntities, rowCount, useTestSubgraph } from '@ecd/test-kit';

import { seedDemo } from './demo/seed.js';
import { ageDaysBetween, zScore, type ChildMeasurement } from './domain/who-growth.js';
import { loadEnv, startHealthSubgraph } from './server.js';

const subgraph = useTestSubgraph('health-growth', (env) => startHealthSubgraph(loadEnv(env), { seedDemo }));

const measurementCount = () => rowCount(subgraph.service.client, 'growth_measurement');

const RECORD = `mutation($input: GrowthMeasurementInput!) {
  recordGrowthMeasurement(input: $input) {
    id sex birthDate measuredOn weightKg lengthHeightCm measured oedema
    weightForAgeZ lengthHeightForAgeZ weightForLengthHeightZ stunting underweight wasting
    commune { code validFrom }
  }
}`;

interface Recorded {
  recordGrowthMeasurement: Record<string, unknown> & { commune: { code: string; validFrom: string } };
}
interface Problem {
  field: string;
  reason: string;
  message: string;
}

/** A girl of 18 months in a Lạng Sơn commune, short for her age. */
const valid = {
  sex: 'FEMALE',
  birthDate: '2024-06-15',
  measuredOn: '2025-12-20',
  weightKg: 8.75,
  lengthHeightCm: 74.3,
  measured: 'LYING',
  communeCode: '05977',
} as const;

const record = (input: Record<string, unknown>) => graphql<Recorded>(subgraph.service.graphqlUrl, RECORD, { input });

describe('recordGrowthMeasurement', () => {
  it('stores the measurement with the WHO z-scores the WHO module computes for it', async () => {
    const before = await measurementCount();
    const response = await record(valid);
    expect(response.errors).toBeUndefined();
    const child: ChildMeasurement = {
      sex: valid.sex,
      ageDays: ageDaysBetween(new Date(valid.birthDate), new Date(valid.measuredOn)),
      weightKg: valid.weightKg,
      lengthHeightCm: valid.lengthHeightCm,
      measured: valid.measured,
    };
    const z = (indicator: Parameters<typeof zScore>[0]) => {
      const result = zScore(indicator, child);
      return result.ok ? result.z : null;
    };
    const { communeCode, ...measurement } = valid;
    expect(response.data!.recordGrowthMeasurement).toMatchObject({
      ...measurement,
      oedema: false,
      weightForAgeZ: z('WEIGHT_FOR_AGE'),
      lengthHeightForAgeZ: z('LENGTH_HEIGHT_FOR_AGE'),
      weightForLengthHeightZ: z('WEIGHT_FOR_LENGTH_HEIGHT'),
      commune: { code: communeCode, validFrom: '2025-07-01' },
    });
    expect(z('LENGTH_HEIGHT_FOR_AGE')).toBeLessThan(-2);
    expect(response.data!.recordGrowthMeasurement.stunting).toBe('MODERATE');
    expect(await measurementCount()).toBe(before + 1);
  });

  it('locates a measurement in the commune valid on its day: before the 2025 reform, the old unit', async () => {
    const response = await record({ ...valid, birthDate: '2024-01-10', measuredOn: '2025-03-01' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordGrowthMeasurement.commune).toEqual({ code: '05977', validFrom: '2019-01-01' });
  });

  it('computes no weight-based z-score for a child with oedema, and counts it severely wasted', async () => {
    const response = await record({ ...valid, oedema: true });
    expect(response.data!.recordGrowthMeasurement).toMatchObject({
      weightForAgeZ: null,
      weightForLengthHeightZ: null,
      underweight: 'SEVERE',
      wasting: 'SEVERE',
    });
  });

  const problemsOf = async (input: Record<string, unknown>) => {
    const before = await measurementCount();
    const response = await record(input);
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input',
      reason: 'INVALID_GROWTH_MEASUREMENT',
    });
    expect(await measurementCount()).toBe(before);
    return (response.errors![0]!.extensions!.problems as Problem[]).map((p) => `${p.field}:${p.reason}`);
  };

  it.each([
    ['a negative weight', { weightKg: -2 }, 'input.weightKg:WEIGHT_NOT_POSITIVE'],
    [
      'a height of 3 m',
      { lengthHeightCm: 300, measured: 'STANDING' },
      'input.lengthHeightCm:LENGTH_HEIGHT_OUT_OF_RANGE',
    ],
    ['a birth date after the measurement', { birthDate: '2025-12-21' }, 'input.measuredOn:BEFORE_BIRTH'],
    ['a child aged 6 years', { birthDate: '2019-11-01' }, 'input.birthDate:AGE_60_MONTHS_OR_OLDER'],
    ['an unknown commune code', { communeCode: '99999' }, 'input.communeCode:UNKNOWN_UNIT_CODE'],
    ['a commune abolished by the 2025 reform', { communeCode: '00001' }, 'input.communeCode:UNIT_NOT_VALID_ON_DATE'],
    [
      'a measurement in the future',
      { birthDate: '2098-01-01', measuredOn: '2099-01-01' },
      'input.measuredOn:DATE_IN_FUTURE',
    ],
    ['a weight below a gram', { weightKg: 8.7512 }, 'input.weightKg:TOO_MANY_DECIMALS'],
    [
      'an unknown child record',
      { childRecordId: '00000000-0000-4000-8000-000000000000' },
      'input.childRecordId:UNKNOWN_CHILD_RECORD',
    ],
  ])('rejects %s, naming the field, and writes nothing', async (_label, change, expected) => {
    expect(await problemsOf({ ...valid, ...change })).toEqual([expected]);
  });

  it('reports every problem at once, in Vietnamese', async () => {
    const response = await record({ ...valid, weightKg: 0, lengthHeightCm: 300, communeCode: '99999' });
    const problems = response.errors![0]!.extensions!.problems as Problem[];
    expect(problems.map((p) => p.reason)).toEqual([
      'WEIGHT_NOT_POSITIVE',
      'LENGTH_HEIGHT_OUT_OF_RANGE',
      'UNKNOWN_UNIT_CODE',
    ]);
    expect(problems.map((p) => p.message)).toContain('Cân nặng phải lớn hơn 0 kg.');
    expect(response.errors![0]!.message).toBe('Số đo có 3 lỗi; không có dữ liệu nào được ghi.');
  });

  it('links a registered child only when sex and birth date match the record', async () => {
    const [child] = await queryRows(
      subgraph.service.client,
      z.object({ id: z.string(), birth_date: z.date(), sex: z.string() }),
      sql`SELECT id::text, birth_date, sex::text FROM child_record WHERE birth_date > date '2024-01-01' ORDER BY id LIMIT 1`,
    );
    const linked = { ...valid, childRecordId: child!.id, birthDate: child!.birth_date.toISOString().slice(0, 10) };
    const other = child!.sex === 'MALE' ? 'FEMALE' : 'MALE';
    expect(await problemsOf({ ...linked, sex: other })).toEqual(['input.sex:CHILD_RECORD_MISMATCH']);
    expect((await record({ ...linked, sex: child!.sex })).errors).toBeUndefined();
  });
});

describe('growthStatus per unit', () => {
  type Summary = { measuredCount: number } & Record<
    'stunting' | 'underweight' | 'wasting',
    { numerator: number; denominator: number }
  >;
  const selection =
    'growthStatus(from: "2025-07-01", to: "2025-12-31") { measuredCount stunting { numerator denominator } underweight { numerator denominator } wasting { numerator denominator } }';

  /** Written apart from the subgraph's statement: numbers each child's measurements, latest first, and sums. */
  const independentSummary = async (unitColumn: string, code: string): Promise<Summary> => {
    const indicator = (status: string) =>
      sql`sum(CASE WHEN ${identifier(status)} IN ('MODERATE', 'SEVERE') THEN 1 ELSE 0 END)::int, sum(CASE WHEN ${identifier(status)} IS NULL THEN 0 ELSE 1 END)::int`;
    const [row] = await queryRows(
      subgraph.service.client,
      z.object({ counts: z.array(z.number().nullable()) }),
      sql`
      SELECT ARRAY[count(*)::int, ${indicator('stunting')}, ${indicator('underweight')}, ${indicator('wasting')}] AS counts
        FROM (SELECT *, row_number() OVER (PARTITION BY coalesce(child_record_id, id) ORDER BY measured_on DESC, created_at DESC, id DESC) AS nth
                FROM growth_measurement
               WHERE ${identifier(unitColumn)} = ${code} AND measured_on BETWEEN date '2025-07-01' AND date '2025-12-31') AS m
       WHERE nth = 1`,
    );
    const [measuredCount, ...c] = row!.counts.map((n) => n ?? 0);
    const pair = (i: number) => ({ numerator: c[i]!, denominator: c[i + 1]! });
    return { measuredCount: measuredCount!, stunting: pair(0), underweight: pair(2), wasting: pair(4) };
  };

  it('equals an independent SQL count for the demo province and a commune, both in one request', async () => {
    const [province, commune] = await resolveUnitEntities<{ growthStatus: Summary }>(
      subgraph.service.graphqlUrl,
      [
        { code: '20', validFrom: '2025-07-01' },
        { code: '05977', validFrom: '2025-07-01' },
      ],
      selection,
    );
    expect(province!.growthStatus).toEqual(await independentSummary('province_code', '20'));
    expect(commune!.growthStatus).toEqual(await independentSummary('commune_code', '05977'));
  });

  it('has non-trivial shares in the demo: some children stunted, underweight and wasted, most not', async () => {
    const [province] = await resolveUnitEntities<{ growthStatus: Summary }>(
      subgraph.service.graphqlUrl,
      [{ code: '20', validFrom: '2025-07-01' }],
      selection,
    );
    const { measuredCount, ...indicators } = province!.growthStatus;
    expect(measuredCount).toBeGreaterThan(1000);
    for (const { numerator, denominator } of Object.values(indicators)) {
      expect(denominator).toBeGreaterThan(0.9 * measuredCount);
      expect(numerator / denominator).toBeGreaterThan(0.02);
      expect(numerator / denominator).toBeLessThan(0.4);
    }
  });

  it('gives zeros for a unit without measurements and rejects a period that ends before it starts', async () => {
    const [empty] = await resolveUnitEntities<{ growthStatus: Summary }>(
      subgraph.service.graphqlUrl,
      [{ code: '01', validFrom: '2025-07-01' }],
      selection,
    );
    expect(empty!.growthStatus).toEqual({
      measuredCount: 0,
      stunting: { numerator: 0, denominator: 0 },
      underweight: { numerator: 0, denominator: 0 },
      wasting: { numerator: 0, denominator: 0 },
    });
    const response = await graphql(
      subgraph.service.graphqlUrl,
      `
        {
          _entities(representations: [{ __typename: "AdministrativeUnit", code: "20", validFrom: "2025-07-01" }]) {
            ... on AdministrativeUnit {
              growthStatus(from: "2025-12-31", to: "2025-07-01") {
                measuredCount
              }
            }
          }
        }
      `,
    );
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
      reason: 'EMPTY_PERIOD',
    });
  });
});
