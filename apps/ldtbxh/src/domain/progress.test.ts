import { describe, expect, it } from 'vitest';

import {
  assessProgress,
  baselineOf,
  expectedOn,
  gapLabel,
  indicatorValue,
  meets,
  milestoneFor,
  type Baseline,
  type Milestone,
} from './progress.js';

const access: Milestone[] = [
  { year: 2020, comparator: 'GTE', value: 70 },
  { year: 2025, comparator: 'GTE', value: 90 },
];
const higher = (baseline: Baseline | null, milestones = access) =>
  ({ milestones, direction: 'HIGHER_IS_BETTER', baseline }) as const;
const from2019 = (value: number): Baseline => ({ year: 2019, value, from: 'FIRST_FIGURE' });

describe('milestones and comparators', () => {
  it('holds a year against the first milestone due then or later, else the last', () => {
    expect(milestoneFor(access, 2019)?.year).toBe(2020);
    expect(milestoneFor(access, 2021)?.year).toBe(2025);
    expect(milestoneFor(access, 2030)?.year).toBe(2025);
  });

  it('reads strict comparators exactly, apart from floating-point noise', () => {
    expect(meets(0.1, { year: 2025, comparator: 'LT', value: 0.12 }, 'LOWER_IS_BETTER')).toBe(true);
    expect(meets(0.12, { year: 2025, comparator: 'LT', value: 0.12 }, 'LOWER_IS_BETTER')).toBe(false);
    expect(meets(0.1 + 0.2, { year: 2025, comparator: 'GTE', value: 0.3 }, 'HIGHER_IS_BETTER')).toBe(true);
    expect(meets(90, { year: 2025, comparator: 'GT', value: 90 }, 'HIGHER_IS_BETTER')).toBe(false);
  });

  it('reads MAINTAIN in the indicator’s direction, with the tolerance', () => {
    const keepFull: Milestone = { year: 2030, comparator: 'MAINTAIN', value: 100 };
    expect(meets(100, keepFull, 'HIGHER_IS_BETTER')).toBe(true);
    expect(meets(99.5, keepFull, 'HIGHER_IS_BETTER')).toBe(true);
    expect(meets(98, keepFull, 'HIGHER_IS_BETTER')).toBe(false);
    const keepDropout: Milestone = { year: 2030, comparator: 'MAINTAIN', value: 0.1 };
    expect(meets(0.08, keepDropout, 'LOWER_IS_BETTER')).toBe(true);
    expect(meets(0.1005, keepDropout, 'LOWER_IS_BETTER')).toBe(true);
    expect(meets(0.15, keepDropout, 'LOWER_IS_BETTER')).toBe(false); // dropout rising is not maintaining it
  });

  it('reads EQ with the tolerance, not float equality', () => {
    const eq: Milestone = { year: 2025, comparator: 'EQ', value: 100 };
    expect(meets(99.99999, eq, 'HIGHER_IS_BETTER')).toBe(true);
    expect(meets(99.2, eq, 'HIGHER_IS_BETTER')).toBe(true);
    expect(meets(98.5, eq, 'HIGHER_IS_BETTER')).toBe(false);
  });
});

describe('baseline and trajectory', () => {
  it('takes the plan’s baseline, else the first earlier year of the plan with a figure', () => {
    const figures = [
      { year: 2018, value: 40 },
      { year: 2019, value: null },
      { year: 2020, value: 55 },
      { year: 2021, value: 60 },
    ];
    expect(baselineOf({ year: 2018, value: 50 }, figures, 2019, 2022)).toEqual({ year: 2018, value: 50, from: 'PLAN' });
    expect(baselineOf(null, figures, 2019, 2022)).toEqual({ year: 2020, value: 55, from: 'FIRST_FIGURE' });
    expect(baselineOf(null, figures, 2019, 2020)).toBeNull(); // a year is never its own baseline
  });

  it('draws straight lines from the baseline through each later milestone', () => {
    const baseline = from2019(60);
    expect(expectedOn(baseline, access, 2019)).toBe(60);
    expect(expectedOn(baseline, access, 2020)).toBe(70);
    expect(expectedOn(baseline, access, 2023)).toBeCloseTo(82);
    expect(expectedOn(baseline, access, 2030)).toBe(90);
    // A milestone before the baseline is passed over.
    expect(expectedOn({ year: 2021, value: 74, from: 'PLAN' }, access, 2023)).toBeCloseTo(82);
  });
});

describe('status', () => {
  it('is REACHED when the milestone is met, BEHIND when it is due and missed', () => {
    expect(assessProgress(91, higher(from2019(60)), 2025)).toMatchObject({ status: 'REACHED', gap: 1, shortfall: 0 });
    expect(assessProgress(85, higher(from2019(60)), 2025)).toMatchObject({
      status: 'BEHIND',
      gap: -5,
      shortfall: 5,
      met: false,
    });
    expect(assessProgress(null, higher(from2019(60)), 2025)).toMatchObject({ status: 'NO_DATA', gap: null });
  });

  it('is never ON_TRACK just because the milestone is ahead: 63 % a year before ≥ 95 % is behind', () => {
    const milestones: Milestone[] = [{ year: 2025, comparator: 'GTE', value: 95 }];
    expect(assessProgress(63, higher(from2019(55), milestones), 2024).status).toBe('BEHIND');
    expect(assessProgress(63, higher(null, milestones), 2024).status).toBe('AT_RISK'); // no pace to judge by
  });

  it('judges the pace against the trajectory before the milestone: on track, at risk, behind', () => {
    const baseline = from2019(60); // expects 82 in 2023
    expect(assessProgress(83, higher(baseline), 2023).status).toBe('ON_TRACK');
    expect(assessProgress(82, higher(baseline), 2023).status).toBe('ON_TRACK'); // exactly on the trajectory
    expect(assessProgress(81.5, higher(baseline), 2023).status).toBe('AT_RISK'); // just below it
    expect(assessProgress(75, higher(baseline), 2023).status).toBe('AT_RISK'); // 15 of 22 points made
    expect(assessProgress(65, higher(baseline), 2023).status).toBe('BEHIND'); // 5 of 22
    expect(assessProgress(58, higher(baseline), 2023).status).toBe('BEHIND'); // moving away
  });

  it('follows a lower-is-better indicator downwards: dropout 0.31 against < 0.14', () => {
    const dropout = {
      milestones: [{ year: 2025, comparator: 'LT', value: 0.14 }] as Milestone[],
      direction: 'LOWER_IS_BETTER',
    } as const;
    expect(assessProgress(0.31, { ...dropout, baseline: from2019(0.3) }, 2024)).toMatchObject({ status: 'BEHIND' });
    expect(assessProgress(0.16, { ...dropout, baseline: from2019(0.3) }, 2024).status).toBe('ON_TRACK');
    expect(assessProgress(0.2, { ...dropout, baseline: from2019(0.3) }, 2024).status).toBe('AT_RISK');
    expect(assessProgress(0.1, { ...dropout, baseline: null }, 2025)).toMatchObject({
      status: 'REACHED',
      shortfall: 0,
    });
    expect(assessProgress(0.31, { ...dropout, baseline: null }, 2025).shortfall).toBeCloseTo(0.17);
  });
});

describe('gap label', () => {
  const label = (
    value: number,
    milestone: Milestone,
    direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER',
    unit: 'PERCENT' | 'COUNT' = 'PERCENT',
  ) =>
    gapLabel(
      assessProgress(value, { milestones: [milestone], direction, baseline: null }, milestone.year),
      direction,
      unit,
    );
  const gte = (value: number): Milestone => ({ year: 2025, comparator: 'GTE', value });

  it('says what is missing or exceeded, agreeing with whether the milestone is met, in Vietnamese numbers', () => {
    expect(label(65.3053, gte(90), 'HIGHER_IS_BETTER')).toBe('Còn thiếu 24,69 điểm phần trăm');
    expect(label(93, gte(90), 'HIGHER_IS_BETTER')).toBe('Vượt 3 điểm phần trăm');
    expect(label(90, gte(90), 'HIGHER_IS_BETTER')).toBe('Đạt đúng mức');
    const dropout: Milestone = { year: 2025, comparator: 'LT', value: 0.14 };
    expect(label(0.31, dropout, 'LOWER_IS_BETTER')).toBe('Còn thiếu 0,17 điểm phần trăm');
    expect(label(0.1, dropout, 'LOWER_IS_BETTER')).toBe('Vượt 0,04 điểm phần trăm');
    expect(label(300, gte(1500), 'HIGHER_IS_BETTER', 'COUNT')).toBe('Còn thiếu 1.200');
  });

  it('never says reached when the milestone is not met, nor missing when it is', () => {
    // At the bound of a strict comparator: not met, nothing "missing" to count.
    expect(label(1203, { year: 2025, comparator: 'GT', value: 1203 }, 'HIGHER_IS_BETTER', 'COUNT')).toBe(
      'Chưa vượt qua mức yêu cầu',
    );
    // An exact level missed upwards is a difference, not an excess.
    expect(label(6, { year: 2025, comparator: 'EQ', value: 5 }, 'HIGHER_IS_BETTER', 'COUNT')).toBe(
      'Chênh lệch 1 so với mức yêu cầu',
    );
    // Maintained within the tolerance, a little worse: reached, and the label says so.
    expect(label(18.57, { year: 2025, comparator: 'MAINTAIN', value: 18.5 }, 'LOWER_IS_BETTER')).toBe(
      'Đạt trong mức cho phép (chênh 0,07 điểm phần trăm)',
    );
    expect(gapLabel({ gap: null, met: null, milestone: undefined }, 'HIGHER_IS_BETTER', 'COUNT')).toBeNull();
  });
});

describe('indicator value', () => {
  it('turns sums into the indicator value without averaging percentages', () => {
    expect(indicatorValue({ numerator: 91, denominator: 110 }, 'RATIO', 100)).toBeCloseTo(82.727, 3);
    expect(indicatorValue({ numerator: 7, denominator: null }, 'COUNT', 1)).toBe(7);
    expect(indicatorValue({ numerator: 1, denominator: 0 }, 'RATIO', 100)).toBeNull();
    expect(indicatorValue(null, 'RATIO', 100)).toBeNull();
  });
});
