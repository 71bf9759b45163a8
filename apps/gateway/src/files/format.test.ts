import { describe, expect, it } from 'vitest';

import { formatChange, formatDay, formatMilestone, formatRate, formatValue, withoutDiacritics } from './format.js';

const percent = { kind: 'RATIO' as const, factor: 100 };
const count = { kind: 'COUNT' as const, factor: 1 };

describe('figures as the report prints them', () => {
  it('prints values, milestones and changes the Vietnamese way', () => {
    expect(formatValue(92.456, percent)).toBe('92,46 %');
    expect(formatValue(12345, count)).toBe('12.345');
    expect(formatValue(1, { kind: 'BOOLEAN', factor: 1 })).toBe('Có');
    expect(formatValue(null, percent)).toBe('Chưa có số liệu');
    expect(formatMilestone({ year: 2025, comparatorLabel: '≥', value: 90 }, percent)).toBe('≥ 90 % (2025)');
    expect(formatChange(92.5, 88, percent)).toBe('+4,5 điểm phần trăm');
    expect(formatChange(10, 12, count)).toBe('−2');
    expect(formatChange(10, 10, count)).toBe('Không đổi');
    expect(formatChange(10, null, count)).toBe('—');
    expect(formatRate(2 / 3)).toBe('66,7 %');
  });

  it('writes days as dd/mm/yyyy, instants in Vietnam’s time', () => {
    expect(formatDay('2025-12-05')).toBe('05/12/2025');
    expect(formatDay('2025-12-05T18:30:00Z')).toBe('06/12/2025');
    expect(withoutDiacritics('Đồng Đăng, Lạng Sơn')).toBe('Dong Dang, Lang Son');
  });
});
