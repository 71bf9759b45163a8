import { describe, expect, it } from 'vitest';

import { formatDateTime, formatDay, formatIndicatorValue, formatNumber, formatRate } from './format.ts';

describe('Vietnamese formats', () => {
  it('writes numbers with a decimal comma and dots between thousands', () => {
    expect(formatNumber(1234567.891)).toBe('1.234.567,89');
    expect(formatNumber(0.5)).toBe('0,5');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('writes a percentage indicator with its sign and a count without one', () => {
    expect(formatIndicatorValue(87.456, 100)).toBe('87,46 %');
    expect(formatIndicatorValue(1200, 1)).toBe('1.200');
    expect(formatIndicatorValue(undefined, 100)).toBe('—');
    expect(formatRate(0.875)).toBe('87,5 %');
  });

  it('writes days as dd/mm/yyyy whatever the time zone, and instants in Vietnam time', () => {
    expect(formatDay('2024-12-05')).toBe('05/12/2024');
    // 17:30 UTC is half past midnight the next day in Vietnam (UTC+7).
    expect(formatDateTime('2024-12-04T17:30:00Z')).toBe('00:30 05/12/2024');
    expect(formatDay(null)).toBe('—');
  });
});
