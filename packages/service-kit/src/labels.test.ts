import { describe, expect, it } from 'vitest';

import { PROGRESS_STATUS_LABELS, vietnameseNumber } from './labels.js';

describe('figures and statuses as people read them', () => {
  it('writes numbers the Vietnamese way: comma for decimals, dot between thousands', () => {
    expect(vietnameseNumber(92.456)).toBe('92,46');
    expect(vietnameseNumber(1234567.5)).toBe('1.234.567,5');
    expect(vietnameseNumber(85)).toBe('85');
    expect(vietnameseNumber(0.123456, 4)).toBe('0,1235');
  });

  it('names every progress status', () => {
    expect(Object.keys(PROGRESS_STATUS_LABELS).sort()).toEqual(['AT_RISK', 'BEHIND', 'NO_DATA', 'ON_TRACK', 'REACHED']);
    expect(PROGRESS_STATUS_LABELS.REACHED).toBe('Đạt');
  });
});
