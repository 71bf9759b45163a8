import { describe, expect, it } from 'vitest';

import { countProblems, fromIsoDate, MAX_COUNT, pastDayProblems, textProblems } from '@ecd/service-kit';

import {
  childCountProblems,
  periodProblems,
  reachProblems,
  yearBounds,
  yearArgumentProblems as yearProblems,
} from './rules.js';

const reasons = (problems: { field: string; reason: string }[]) => problems.map((p) => `${p.field}:${p.reason}`);
const today = fromIsoDate('2026-12-01');

describe('countProblems', () => {
  it('accepts 0 and whole numbers up to the maximum, and an absent optional count', () => {
    expect(countProblems('n', 0, 'Số')).toEqual([]);
    expect(countProblems('n', MAX_COUNT, 'Số')).toEqual([]);
    expect(countProblems('n', null, 'Số')).toEqual([]);
  });
  it('rejects negative, fractional and implausibly large counts, in Vietnamese', () => {
    expect(reasons(countProblems('n', -1, 'Số trẻ'))).toEqual(['n:NEGATIVE_COUNT']);
    expect(countProblems('n', -1, 'Số trẻ')[0]!.message).toBe('Số trẻ không được âm (đã nhập -1).');
    expect(reasons(countProblems('n', 2.5, 'Số'))).toEqual(['n:NOT_A_WHOLE_NUMBER']);
    expect(reasons(countProblems('n', MAX_COUNT + 1, 'Số'))).toEqual(['n:COUNT_TOO_LARGE']);
  });
});

describe('textProblems and pastDayProblems', () => {
  it('rejects a blank or too long text', () => {
    expect(reasons(textProblems('name', '   ', 'Tên', 10))).toEqual(['name:REQUIRED']);
    expect(reasons(textProblems('name', 'x'.repeat(11), 'Tên', 10))).toEqual(['name:TOO_LONG']);
    expect(textProblems('name', ' Nhà văn hóa ', 'Tên', 11)).toEqual([]);
  });
  it('accepts today and rejects tomorrow', () => {
    expect(pastDayProblems('d', today, today, 'Ngày')).toEqual([]);
    expect(reasons(pastDayProblems('d', fromIsoDate('2026-12-02'), today, 'Ngày'))).toEqual(['d:DATE_IN_FUTURE']);
  });
});

describe('periodProblems', () => {
  it('accepts a one-day period and reports an end before the start and future days together', () => {
    expect(periodProblems(fromIsoDate('2026-03-01'), fromIsoDate('2026-03-01'), today)).toEqual([]);
    expect(reasons(periodProblems(fromIsoDate('2026-03-02'), fromIsoDate('2026-03-01'), today))).toEqual([
      'to:END_BEFORE_START',
    ]);
    expect(reasons(periodProblems(fromIsoDate('2027-01-05'), fromIsoDate('2027-01-01'), today))).toEqual([
      'from:DATE_IN_FUTURE',
      'to:DATE_IN_FUTURE',
      'to:END_BEFORE_START',
    ]);
  });
});

describe('reachProblems', () => {
  it('accepts parents up to the people reached and rejects more', () => {
    expect(reachProblems(100, 100)).toEqual([]);
    expect(reasons(reachProblems(100, 101))).toEqual(['parentsReached:PARENTS_ABOVE_PEOPLE_REACHED']);
  });
  it('reports both bad counts and does not compare them', () => {
    expect(reasons(reachProblems(-5, -6))).toEqual(['peopleReached:NEGATIVE_COUNT', 'parentsReached:NEGATIVE_COUNT']);
  });
});

describe('childCountProblems', () => {
  it('accepts no age bands, or all three summing to at most the total', () => {
    expect(childCountProblems({ childrenCount: 30 })).toEqual([]);
    expect(childCountProblems({ childrenCount: 30, aged0To2: 5, aged3To5: 10, aged6To8: 15 })).toEqual([]);
    expect(childCountProblems({ childrenCount: 40, aged0To2: 0, aged3To5: 10, aged6To8: 15 })).toEqual([]);
  });
  it('rejects bands above the total', () => {
    expect(reasons(childCountProblems({ childrenCount: 20, aged0To2: 5, aged3To5: 10, aged6To8: 15 }))).toEqual([
      'childrenCount:AGE_BANDS_ABOVE_TOTAL',
    ]);
  });
  it('names each missing band when only some are given, and every negative count', () => {
    expect(reasons(childCountProblems({ childrenCount: -1, aged3To5: -2 }))).toEqual([
      'childrenCount:NEGATIVE_COUNT',
      'aged3To5:NEGATIVE_COUNT',
      'aged0To2:AGE_BANDS_INCOMPLETE',
      'aged6To8:AGE_BANDS_INCOMPLETE',
    ]);
  });
});

describe('years', () => {
  it('accepts 2019 to next year, and no year', () => {
    expect(yearProblems(2019, today)).toEqual([]);
    expect(yearProblems(2027, today)).toEqual([]);
    expect(yearProblems(undefined, today)).toEqual([]);
    expect(reasons(yearProblems(2018, today))).toEqual(['year:YEAR_OUT_OF_RANGE']);
    expect(yearProblems(2028, today)[0]).toEqual({
      field: 'year',
      reason: 'YEAR_OUT_OF_RANGE',
      message: 'Năm phải từ 2019 đến 2027 (đã nhập 2028).',
    });
  });
  it('bounds a year by its first day and the first day of the next', () => {
    expect(yearBounds(2025)).toEqual({ start: fromIsoDate('2025-01-01'), end: fromIsoDate('2026-01-01') });
  });
});
