import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { dhis2DataValueSet, dhis2MappingSchema, dhis2Number } from './dhis2.js';
import { sampleProgress } from './sample.test-fixture.js';

describe('figures as a DHIS2 data value set', () => {
  it('gives each value, and a ratio’s numerator and denominator, by code for the unit and year', () => {
    const progress = sampleProgress().map((row) => ({ ...row, communes: null, bySex: null }));
    const { dataValues } = dhis2DataValueSet(progress);
    expect(dataValues.filter((v) => v.dataElement.startsWith('ECD_SERVICE_ACCESS_0_8'))).toEqual([
      {
        dataElement: 'ECD_SERVICE_ACCESS_0_8',
        period: '2025',
        orgUnit: '20',
        value: '92.5',
        comment: 'Báo cáo của Sở (số liệu tổng hợp)',
      },
      { dataElement: 'ECD_SERVICE_ACCESS_0_8_NUM', period: '2025', orgUnit: '20', value: '92500' },
      { dataElement: 'ECD_SERVICE_ACCESS_0_8_DEN', period: '2025', orgUnit: '20', value: '100000' },
    ]);
    // A count has no numerator and denominator of its own.
    expect(dataValues.filter((v) => v.dataElement.startsWith('ECD_PILOT_MODELS'))).toEqual([
      { dataElement: 'ECD_PILOT_MODELS', period: '2025', orgUnit: '20', value: '1234', comment: 'Sổ mô hình' },
    ]);
    expect(dataValues.find((v) => v.dataElement === 'SCHOOLS_WITH_SANITATION')!.comment).toContain('(xấp xỉ)');
  });

  it('gives communes (no value where there is none) and the sex split as category option combos', () => {
    const { dataValues } = dhis2DataValueSet(sampleProgress());
    expect(dataValues.filter((v) => v.orgUnit === '06001' && v.dataElement === 'ECD_SERVICE_ACCESS_0_8')).toEqual([
      expect.objectContaining({ value: '81.25' }),
    ]);
    expect(dataValues.some((v) => v.orgUnit === '06001' && v.dataElement === 'SCHOOLS_WITH_SANITATION')).toBe(false);
    expect(
      dataValues
        .filter((v) => v.categoryOptionCombo && v.dataElement === 'ECD_SERVICE_ACCESS_0_8')
        .map((v) => [v.categoryOptionCombo, v.value]),
    ).toEqual([
      ['MALE', '92.15686'],
      ['FEMALE', '92.85714'],
    ]);
  });

  it('follows a mapping of data elements, organisation units and combos', () => {
    const mapping = dhis2MappingSchema.parse({
      dataElements: { ECD_SERVICE_ACCESS_0_8: { value: 'deAccess001', numerator: 'deAccessNum' } },
      orgUnits: { '20': 'ouLangSon01' },
      categoryOptionCombos: { FEMALE: 'cocFemale01' },
      numeratorAndDenominator: true,
    });
    const { dataValues } = dhis2DataValueSet(sampleProgress().slice(0, 1), mapping);
    expect(dataValues.slice(0, 3).map((v) => [v.dataElement, v.orgUnit])).toEqual([
      ['deAccess001', 'ouLangSon01'],
      ['deAccessNum', 'ouLangSon01'],
      ['ECD_SERVICE_ACCESS_0_8_DEN', 'ouLangSon01'],
    ]);
    expect(dataValues.filter((v) => v.categoryOptionCombo).map((v) => v.categoryOptionCombo)).toContain('cocFemale01');
    expect(dhis2MappingSchema.safeParse({ orgunits: {} }).success).toBe(false);
  });

  it('writes numbers in plain decimal notation', () => {
    expect(dhis2Number((8 / 11) * 100)).toBe('72.727273');
    expect(dhis2Number(1e-9)).toBe('0');
    expect(dhis2Number(12_000_000)).toBe('12000000');
  });
});

describe('the documented mapping file', () => {
  it('is a valid mapping (docs/dhis2-mapping.example.json)', () => {
    const example: unknown = JSON.parse(
      readFileSync(new URL('../../../../docs/dhis2-mapping.example.json', import.meta.url), 'utf8'),
    );
    const mapping = dhis2MappingSchema.parse(example);
    const { dataValues } = dhis2DataValueSet(sampleProgress().slice(0, 1), mapping);
    expect(dataValues[0]).toMatchObject({ dataElement: 'Xk3lQb1mA2c', orgUnit: 'LgSonProv01' });
  });
});
