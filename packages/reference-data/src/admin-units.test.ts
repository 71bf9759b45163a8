import { describe, expect, it } from 'vitest';

import { readCommuneSuccessions, UNIT_LISTS, UnitIndex, unitListFor } from './admin-units.js';

const [before, after] = UNIT_LISTS.map((list) => new UnitIndex(list)) as [UnitIndex, UnitIndex];
const count = (index: UnitIndex, level: string) => [...index.byCode.values()].filter((u) => u.level === level).length;

describe('official unit lists', () => {
  it('hold 63 provinces, 696 districts and 10,035 communes before the reform', () => {
    expect([count(before, 'province'), count(before, 'district'), count(before, 'commune')]).toEqual([63, 696, 10035]);
  });

  it('hold 34 provinces and 3,321 communes, no districts, after it', () => {
    expect([count(after, 'province'), count(after, 'district'), count(after, 'commune')]).toEqual([34, 0, 3321]);
  });

  it('keep leading zeros and Vietnamese names', () => {
    expect(after.byCode.get('01')?.fullName).toBe('Thành phố Hà Nội');
    expect(after.byCode.get('00004')?.fullName).toBe('Phường Ba Đình');
  });

  it('reuse codes for different units across the reform (a code alone is not an identity)', () => {
    expect(before.byCode.get('91')?.name).toBe('Kiên Giang');
    expect(after.byCode.get('91')?.name).toBe('An Giang');
  });

  it('walk the tree: Lạng Sơn communes before (via districts) and after the reform', () => {
    expect(after.communesOf('20')).toHaveLength(65);
    expect(before.communesOf('20').length).toBeGreaterThan(150);
    expect(before.provinceOf('05971')?.name).toBe('Lạng Sơn');
    expect(before.provinceOf('17365')?.name).toBe('Nghệ An');
  });

  it('chooses the list valid on a date', () => {
    expect(unitListFor('2024-12-31').id).toBe('2024');
    expect(unitListFor('2025-06-30').id).toBe('2024');
    expect(unitListFor('2025-07-01').id).toBe('2025');
    expect(() => unitListFor('2010-01-01')).toThrow(RangeError);
  });

  it('maps every old commune to a successor', () => {
    const successions = readCommuneSuccessions();
    const mapped = new Set(successions.map((s) => s.oldCommuneCode).filter(Boolean));
    expect(mapped.size).toBe(10035);
    expect(successions.filter((s) => s.shareNote?.startsWith('partial')).length).toBeGreaterThan(900);
  });
});
