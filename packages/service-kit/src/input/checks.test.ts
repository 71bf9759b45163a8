import { describe, expect, it } from 'vitest';

import { fromIsoDate } from '../dates.js';
import {
  countProblems,
  figureNumberProblems,
  locateCommuneOn,
  locateUnitOn,
  locationColumns,
  textProblems,
  yearProblems,
} from './checks.js';
import { isProblem } from './problems.js';

const day = fromIsoDate;
const ALL_LEVELS = ['commune', 'district', 'province'] as const;
const located = (found: ReturnType<typeof locateUnitOn>) => (isProblem(found) ? found : locationColumns(found));

describe('locateCommuneOn', () => {
  it('locates a 2024 commune with its district and province', () => {
    const location = locateCommuneOn('communeCode', '05977', day('2024-05-01'));
    expect(location).toMatchObject({
      communeCode: '05977',
      communeValidFrom: day('2019-01-01'),
      provinceCode: '20',
      provinceValidFrom: day('2019-01-01'),
    });
    expect((location as { districtCode: string | null }).districtCode).toMatch(/^\d{3}$/);
  });

  it('locates a post-reform commune without a district', () => {
    expect(locateCommuneOn('communeCode', '05977', day('2025-09-01'))).toEqual({
      communeCode: '05977',
      communeValidFrom: day('2025-07-01'),
      districtCode: null,
      districtValidFrom: null,
      provinceCode: '20',
      provinceValidFrom: day('2025-07-01'),
    });
  });

  it('tells a code that never named a unit from one abolished by that day, and refuses another level', () => {
    expect(locateCommuneOn('communeCode', '99999', day('2025-12-20'))).toMatchObject({
      field: 'communeCode',
      reason: 'UNKNOWN_UNIT_CODE',
    });
    expect(locateCommuneOn('communeCode', '00001', day('2025-12-20'))).toMatchObject({
      field: 'communeCode',
      reason: 'UNIT_NOT_VALID_ON_DATE',
    });
    expect(locateCommuneOn('communeCode', '20', day('2025-12-20'))).toMatchObject({
      field: 'communeCode',
      reason: 'UNIT_LEVEL_NOT_ALLOWED',
    });
  });

  it('locates a day before the oldest unit list in that list, or refuses it when asked', () => {
    expect(locateCommuneOn('communeCode', '05977', day('2017-03-01'))).toMatchObject({
      communeCode: '05977',
      communeValidFrom: day('2019-01-01'),
    });
    expect(locateCommuneOn('communeCode', '05977', day('2018-12-31'), { beforeOldestList: 'refuse' })).toMatchObject({
      reason: 'UNIT_NOT_VALID_ON_DATE',
    });
  });
});

describe('locateUnitOn', () => {
  it('locates a province or a 2024 district with the lower levels null, and says which unit it is', () => {
    expect(locateUnitOn('unitCode', '20', day('2025-09-01'), ALL_LEVELS)).toMatchObject({
      unitLevel: 'province',
      unitCode: '20',
      communeCode: null,
      districtCode: null,
      provinceCode: '20',
    });
    expect(located(locateUnitOn('unitCode', '178', day('2024-09-01'), ALL_LEVELS))).toMatchObject({
      communeCode: null,
      districtCode: '178',
      districtValidFrom: day('2019-01-01'),
      provinceCode: '20',
    });
  });

  it('tells an unknown code from a code of another list', () => {
    expect(locateUnitOn('unitCode', '178', day('2025-09-01'), ALL_LEVELS)).toMatchObject({
      field: 'unitCode',
      reason: 'UNIT_NOT_VALID_ON_DATE',
    });
  });
});

describe('shared checks', () => {
  it('gives one reason per problem of a count, a text and a year', () => {
    expect(countProblems('n', 1.5, 'Số trẻ')).toMatchObject([{ field: 'n', reason: 'NOT_A_WHOLE_NUMBER' }]);
    expect(countProblems('n', -1, 'Số trẻ')).toMatchObject([{ reason: 'NEGATIVE_COUNT' }]);
    expect(countProblems('n', 30_000_000, 'Số trẻ')).toMatchObject([{ reason: 'COUNT_TOO_LARGE' }]);
    expect(countProblems('n', null, 'Số trẻ')).toEqual([]);
    expect(textProblems('name', '  ', 'Tên', 10)).toMatchObject([{ reason: 'REQUIRED' }]);
    expect(textProblems('name', 'x'.repeat(11), 'Tên', 10)).toMatchObject([{ reason: 'TOO_LONG' }]);
    expect(yearProblems('year', 2018, day('2026-12-02'))).toMatchObject([{ reason: 'YEAR_OUT_OF_RANGE' }]);
    expect(yearProblems('year', 2027, day('2026-12-02'))).toEqual([]);
  });

  it('keeps a figure’s numbers to what its column holds: 14 digits before the point, 4 after', () => {
    const reasons = (value: number) => figureNumberProblems('numerator', value, 'Tử số').map((p) => p.reason);
    for (const stored of [0, 12.3456, 99_999_999_999_999, 900_719_925_474.099]) expect(reasons(stored)).toEqual([]);
    expect(figureNumberProblems('numerator', 1e14, 'Tử số')).toMatchObject([
      { field: 'numerator', reason: 'NUMBER_OUT_OF_RANGE' },
    ]);
    expect(reasons(1e15)).toEqual(['NUMBER_OUT_OF_RANGE']);
    // More decimals than stored, or decimals a double cannot carry at that size (900719925474.0993, as JSON
    // gives it, is the double 900719925474.0992...).
    for (const rounded of [12.34567, 0.00005, Number('900719925474.0993'), 12_345_678_901_234.5])
      expect(reasons(rounded)).toEqual(['TOO_MANY_DECIMALS']);
    expect(reasons(-0.5)).toEqual(['NEGATIVE_VALUE']);
    expect(reasons(Number.NaN)).toEqual(['NEGATIVE_VALUE']);
  });
});
