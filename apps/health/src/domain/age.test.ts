import { describe, expect, it } from 'vitest';

import { birthDateWindow } from './age.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const inWindow = (birth: string, asOf: string) => {
  const w = birthDateWindow(day(asOf), 0, 8);
  return day(birth) > w.bornAfter && day(birth) <= w.bornOnOrBefore;
};

describe('birthDateWindow for children aged 0-8', () => {
  it('includes a newborn and a child the day before their 9th birthday', () => {
    expect(inWindow('2025-12-05', '2025-12-05')).toBe(true);
    expect(inWindow('2016-12-06', '2025-12-05')).toBe(true);
  });

  it('excludes a child on their 9th birthday and one not yet born', () => {
    expect(inWindow('2016-12-05', '2025-12-05')).toBe(false);
    expect(inWindow('2025-12-06', '2025-12-05')).toBe(false);
  });

  it('rejects an empty or negative range', () => {
    expect(() => birthDateWindow(day('2025-01-01'), 5, 4)).toThrow(RangeError);
    expect(() => birthDateWindow(day('2025-01-01'), -1, 4)).toThrow(RangeError);
  });
});
