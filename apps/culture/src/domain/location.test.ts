import { describe, expect, it } from 'vitest';
import { fromIsoDate } from '@ecd/service-kit';
import { locate, locateCommuneOn, unitListStart } from './location.js';

const day = fromIsoDate;

describe('locate', () => {
  it('locates a 2024 commune with its district and province', () => {
    const location = locateCommuneOn('05977', day('2024-05-01'), 'communeCode');
    expect(location).toMatchObject({ communeCode: '05977', communeValidFrom: day('2019-01-01'), provinceCode: '20', provinceValidFrom: day('2019-01-01') });
    expect(location).toHaveProperty('districtCode');
    expect((location as { districtCode: string | null }).districtCode).toMatch(/^\d{3}$/);
  });

  it('locates a post-reform commune without a district', () => {
    expect(locateCommuneOn('05977', day('2025-09-01'), 'communeCode')).toEqual({
      communeCode: '05977',
      communeValidFrom: day('2025-07-01'),
      districtCode: null,
      districtValidFrom: null,
      provinceCode: '20',
      provinceValidFrom: day('2025-07-01'),
    });
  });

  it('locates a province or a 2024 district with the lower levels null', () => {
    expect(locate('20', day('2025-09-01'), ['commune', 'district', 'province'], 'unitCode')).toMatchObject({ communeCode: null, districtCode: null, provinceCode: '20' });
    const district = locate('178', day('2024-09-01'), ['commune', 'district', 'province'], 'unitCode');
    expect(district).toMatchObject({ communeCode: null, districtCode: '178', districtValidFrom: day('2019-01-01'), provinceCode: '20' });
  });

  it('tells an unknown code from a code of another list, and a unit of the wrong level', () => {
    expect(locate('99999', day('2025-09-01'), ['commune'], 'communeCode')).toMatchObject({ field: 'communeCode', reason: 'UNKNOWN_UNIT_CODE' });
    expect(locate('178', day('2025-09-01'), ['commune', 'district', 'province'], 'unitCode')).toMatchObject({ reason: 'UNIT_NOT_VALID_ON_DATE' });
    expect(locate('20', day('2025-09-01'), ['commune'], 'communeCode')).toMatchObject({ reason: 'WRONG_UNIT_LEVEL' });
    expect(locate('05977', day('2018-12-31'), ['commune'], 'communeCode')).toMatchObject({ reason: 'UNIT_NOT_VALID_ON_DATE' });
  });

  it('gives the first day of the unit list of a day', () => {
    expect(unitListStart(day('2025-06-30'))).toBe('2019-01-01');
    expect(unitListStart(day('2025-07-01'))).toBe('2025-07-01');
    expect(unitListStart(day('2018-01-01'))).toBeNull();
  });
});
