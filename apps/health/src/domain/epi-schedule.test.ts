import { describe, expect, it } from 'vitest';

import {
  dayAtAge,
  DUE_BY_FIRST_BIRTHDAY,
  EPI_SCHEDULE,
  immunisationProblems,
  missingVaccines,
} from './epi-schedule.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const reasons = (problems: { field: string; reason: string }[]) => problems.map((p) => `${p.field}:${p.reason}`);

describe('EPI schedule', () => {
  it('has one entry per vaccine, each with a Vietnamese label and a minimum age no later than its due age', () => {
    expect(new Set(EPI_SCHEDULE.map((dose) => dose.vaccine)).size).toBe(EPI_SCHEDULE.length);
    for (const dose of EPI_SCHEDULE) {
      expect(dose.label).toMatch(/Vắc xin/);
      expect(dayAtAge(d('2024-01-01'), dose.minimumAge) <= dayAtAge(d('2024-01-01'), dose.dueAt)).toBe(true);
    }
  });

  it('counts as full immunisation under 1 the ten doses due before the first birthday', () => {
    expect(DUE_BY_FIRST_BIRTHDAY).toEqual([
      'BCG',
      'HEPB_BIRTH',
      'DPT_HEPB_HIB_1',
      'DPT_HEPB_HIB_2',
      'DPT_HEPB_HIB_3',
      'OPV_1',
      'OPV_2',
      'OPV_3',
      'IPV',
      'MEASLES_1',
    ]);
  });

  it('finds the day a child reaches an age in calendar months and days', () => {
    expect(dayAtAge(d('2024-01-31'), { months: 1, days: 0 })).toEqual(d('2024-02-29'));
    expect(dayAtAge(d('2024-03-15'), { months: 9, days: 0 })).toEqual(d('2024-12-15'));
    expect(dayAtAge(d('2024-03-15'), { months: 0, days: 42 })).toEqual(d('2024-04-26'));
    expect(dayAtAge(d('2023-11-20'), { months: 12, days: 7 })).toEqual(d('2024-11-27'));
  });
});

describe('immunisationProblems', () => {
  const child = { birthDate: d('2025-01-10'), recordedVaccines: [] };
  const today = d('2025-12-01');

  it('accepts a dose on the day of its minimum age', () => {
    expect(immunisationProblems({ vaccine: 'DPT_HEPB_HIB_1', givenOn: d('2025-02-21') }, child, today)).toEqual([]);
    expect(immunisationProblems({ vaccine: 'MEASLES_1', givenOn: d('2025-10-10') }, child, today)).toEqual([]);
  });

  it('refuses a dose one day younger than its minimum age, with the first allowed day in Vietnamese', () => {
    const problems = immunisationProblems({ vaccine: 'MEASLES_1', givenOn: d('2025-10-09') }, child, today);
    expect(reasons(problems)).toEqual(['givenOn:BELOW_MINIMUM_AGE']);
    expect(problems[0]!.message).toContain('2025-10-10');
  });

  it('refuses a dose before birth, in the future, or already recorded, all at once', () => {
    expect(reasons(immunisationProblems({ vaccine: 'BCG', givenOn: d('2025-01-09') }, child, today))).toEqual([
      'givenOn:BEFORE_BIRTH',
    ]);
    expect(
      reasons(
        immunisationProblems(
          { vaccine: 'BCG', givenOn: d('2025-12-02') },
          { ...child, recordedVaccines: ['BCG'] },
          today,
        ),
      ),
    ).toEqual(['givenOn:DATE_IN_FUTURE', 'vaccine:DOSE_ALREADY_RECORDED']);
  });
});

describe('missingVaccines', () => {
  it('lists the doses of the schedule not given, in schedule order', () => {
    expect(missingVaccines([])).toEqual(EPI_SCHEDULE.map((dose) => dose.vaccine));
    expect(missingVaccines(['OPV_1', 'BCG', 'OPV_1'])).toEqual(
      EPI_SCHEDULE.map((dose) => dose.vaccine).filter((v) => v !== 'BCG' && v !== 'OPV_1'),
    );
    expect(missingVaccines(EPI_SCHEDULE.map((dose) => dose.vaccine))).toEqual([]);
  });
});
