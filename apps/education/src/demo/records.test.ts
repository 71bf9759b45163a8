import { describe, expect, it } from 'vitest';

import { demoRecords } from './records.js';
import { DEMO_UNITS } from './trajectory.js';

const day = (value: unknown) => (value as Date).toISOString().slice(0, 10);

describe('the demo records', () => {
  const records = demoRecords(DEMO_UNITS, 1437);

  it('are the same for the same seed, ids aside', () => {
    const again = demoRecords(DEMO_UNITS, 1437);
    const withoutIds = (rows: Record<string, unknown>[]) =>
      rows.map(({ id: _id, schoolId: _s, reportId: _r, ...rest }) => rest);
    expect(withoutIds(again.enrolment)).toEqual(withoutIds(records.enrolment));
    expect(withoutIds(again.counts)).toEqual(withoutIds(records.counts));
    expect(withoutIds(again.figures)).toEqual(withoutIds(records.figures));
  });

  it('locate the schools in their 2024 units, Ninh Bình’s independent groups among them', () => {
    expect(new Set(records.school.map((s) => day(s.communeValidFrom)))).toEqual(new Set(['2019-01-01']));
    const groups = records.school.filter((s) => s.kind === 'INDEPENDENT_GROUP');
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => g.level === 'PRESCHOOL' && g.provinceCode === '37')).toBe(true);
    expect(records.school.every((s) => day(s.openedOn) < '2019-01-01')).toBe(true);
  });

  it('locate the 2026 universal-education survey of Bến Cát in the communes of 2025-07-01, in Thành phố Hồ Chí Minh', () => {
    const byYear = (year: number) => records.population.filter((p) => p.year === year);
    expect(byYear(2025).every((p) => p.districtCode === '721' && p.provinceCode === '74')).toBe(true);
    expect(byYear(2026).length).toBeGreaterThan(0);
    expect(
      byYear(2026).every(
        (p) => day(p.communeValidFrom) === '2025-07-01' && p.districtCode === null && p.provinceCode === '79',
      ),
    ).toBe(true);
  });

  it('locate each figure reported in aggregate in the units valid at the end of its year', () => {
    for (const figure of records.figures)
      expect(day(figure.communeValidFrom), `${String(figure.indicatorCode)} ${String(figure.year)}`).toBe(
        (figure.year as number) <= 2024 ? '2019-01-01' : '2025-07-01',
      );
  });

  it('record the pupils reached by the support services in preschools and primary schools only, never above the pupils', () => {
    const levelOf = new Map(records.school.map((s) => [s.id, s.level]));
    const reportSchool = new Map(records.report.map((r) => [r.id, r.schoolId]));
    for (const row of records.enrolment) {
      const level = levelOf.get(reportSchool.get(row.reportId));
      if (level === 'LOWER_SECONDARY') expect(row.pupilsWithEcdServices).toBeNull();
      else expect(row.pupilsWithEcdServices as number).toBeLessThanOrEqual(row.pupils as number);
    }
  });
});
