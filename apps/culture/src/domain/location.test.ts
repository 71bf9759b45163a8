import { describe, expect, it } from 'vitest';

import { fromIsoDate } from '@ecd/service-kit';

import { unitListStart } from './location.js';

const day = fromIsoDate;

describe('unitListStart', () => {
  it('gives the first day of the unit list of a day', () => {
    expect(unitListStart(day('2025-06-30'))).toBe('2019-01-01');
    expect(unitListStart(day('2025-07-01'))).toBe('2025-07-01');
    expect(unitListStart(day('2018-01-01'))).toBeNull();
  });
});
