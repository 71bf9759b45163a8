import { describe, expect, it } from 'vitest';

import { assessProgress, indicatorValue, meets, milestoneFor, type Milestone } from './progress.js';

const access: Milestone[] = [
  { year: 2020, comparator: 'GTE', value: 70 },
  { year: 2025, comparator: 'GTE', value: 90 },
];

describe('target progress', () => {
  it('holds a year against the first milestone due then or later, else the last', () => {
    expect(milestoneFor(access, 2019)?.year).toBe(2020);
    expect(milestoneFor(access, 2021)?.year).toBe(2025);
    expect(milestoneFor(access, 2030)?.year).toBe(2025);
  });

  it('reads comparators as the plans do: below, at least, maintain', () => {
    expect(meets(0.1, { year: 2025, comparator: 'LT', value: 0.12 })).toBe(true);
    expect(meets(0.12, { year: 2025, comparator: 'LT', value: 0.12 })).toBe(false);
    expect(meets(100, { year: 2030, comparator: 'MAINTAIN', value: 100 })).toBe(true);
  });

  it('says reached, on track, behind or no data', () => {
    expect(assessProgress(91, access, 2025)).toMatchObject({ status: 'REACHED', gap: 1 });
    expect(assessProgress(80, access, 2022)).toMatchObject({ status: 'ON_TRACK', gap: -10 });
    expect(assessProgress(65, access, 2022)).toMatchObject({ status: 'BEHIND' }); // missed the 2020 milestone
    expect(assessProgress(85, access, 2025)).toMatchObject({ status: 'BEHIND', gap: -5 });
    expect(assessProgress(null, access, 2025)).toMatchObject({ status: 'NO_DATA', gap: null });
  });

  it('turns sums into the indicator value without averaging percentages', () => {
    expect(indicatorValue({ numerator: 91, denominator: 110 }, 'RATIO', 100)).toBeCloseTo(82.727, 3);
    expect(indicatorValue({ numerator: 7, denominator: null }, 'COUNT', 1)).toBe(7);
    expect(indicatorValue({ numerator: 1, denominator: 0 }, 'RATIO', 100)).toBeNull();
    expect(indicatorValue(null, 'RATIO', 100)).toBeNull();
  });
});
