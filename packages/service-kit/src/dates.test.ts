import { describe, expect, it } from 'vitest';

import { fromIsoDate, todayInVietnam, toIsoDate } from './dates.js';

describe('calendar dates', () => {
  it('round-trip ISO dates through UTC midnight', () => {
    expect(toIsoDate(fromIsoDate('2025-07-01'))).toBe('2025-07-01');
  });

  it('take today in Vietnam, which is already tomorrow after 17:00 UTC', () => {
    expect(toIsoDate(todayInVietnam(new Date('2025-06-30T16:59:00Z')))).toBe('2025-06-30');
    expect(toIsoDate(todayInVietnam(new Date('2025-06-30T17:00:00Z')))).toBe('2025-07-01');
  });
});
