import { describe, expect, it } from 'vitest';

import { antenatalVisitProblems, gestationalWeekOn, pregnancyProblems } from './antenatal.js';
import { registrationProblems, serviceContactProblems } from './child-services.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const reasons = (problems: { field: string; reason: string }[]) => problems.map((p) => `${p.field}:${p.reason}`);
const today = d('2025-06-01');

describe('pregnancies and antenatal visits', () => {
  it('counts gestational weeks back from the expected delivery date (40 weeks on that day)', () => {
    expect(gestationalWeekOn(d('2025-09-01'), d('2025-09-01'))).toBe(40);
    expect(gestationalWeekOn(d('2025-08-25'), d('2025-09-01'))).toBe(39);
    expect(gestationalWeekOn(d('2025-08-24'), d('2025-09-01'))).toBe(38);
  });

  it('accepts a pregnancy due within 36 weeks by a mother of 10 to 60', () => {
    expect(pregnancyProblems({ expectedDeliveryDate: d('2026-02-08'), motherBirthYear: 1996 }, today)).toEqual([]);
    expect(reasons(pregnancyProblems({ expectedDeliveryDate: d('2026-02-09'), motherBirthYear: 2020 }, today))).toEqual(
      ['expectedDeliveryDate:EXPECTED_DELIVERY_TOO_FAR', 'motherBirthYear:MOTHER_AGE_OUT_OF_RANGE'],
    );
  });

  const pregnancy = { expectedDeliveryDate: d('2025-09-01'), visitDays: [d('2025-03-01')] };

  it('accepts a visit whose week matches the expected delivery date within 3 weeks', () => {
    expect(antenatalVisitProblems({ visitedOn: d('2025-05-26'), gestationalWeek: 26 }, pregnancy, today)).toEqual([]);
    expect(antenatalVisitProblems({ visitedOn: d('2025-05-26'), gestationalWeek: 28 }, pregnancy, today)).toEqual([]);
  });

  it('refuses a week outside 4..42, a week that contradicts the expected date, a repeated day, a future day', () => {
    expect(
      reasons(antenatalVisitProblems({ visitedOn: d('2025-05-26'), gestationalWeek: 43 }, pregnancy, today)),
    ).toEqual(['gestationalWeek:GESTATIONAL_WEEK_OUT_OF_RANGE']);
    expect(
      reasons(antenatalVisitProblems({ visitedOn: d('2025-05-26'), gestationalWeek: 3.5 }, pregnancy, today)),
    ).toEqual(['gestationalWeek:GESTATIONAL_WEEK_OUT_OF_RANGE']);
    expect(
      reasons(antenatalVisitProblems({ visitedOn: d('2025-05-26'), gestationalWeek: 30 }, pregnancy, today)),
    ).toEqual(['gestationalWeek:GESTATIONAL_WEEK_INCONSISTENT']);
    expect(
      reasons(antenatalVisitProblems({ visitedOn: d('2025-03-01'), gestationalWeek: 14 }, pregnancy, today)),
    ).toEqual(['visitedOn:VISIT_ALREADY_RECORDED']);
    expect(
      reasons(antenatalVisitProblems({ visitedOn: d('2025-06-02'), gestationalWeek: 27 }, pregnancy, today)),
    ).toEqual(['visitedOn:DATE_IN_FUTURE']);
  });

  it('refuses a visit after the expected delivery date', () => {
    const late = antenatalVisitProblems(
      { visitedOn: d('2025-09-02'), gestationalWeek: 40 },
      pregnancy,
      d('2025-12-01'),
    );
    expect(reasons(late)).toEqual(['visitedOn:VISIT_AFTER_DELIVERY']);
    expect(
      antenatalVisitProblems({ visitedOn: d('2025-09-01'), gestationalWeek: 40 }, pregnancy, d('2025-12-01')),
    ).toEqual([]);
  });
});

describe('children 0-8 and their services', () => {
  it('registers children from birth until the day before their 9th birthday', () => {
    expect(registrationProblems({ birthDate: today }, today)).toEqual([]);
    expect(registrationProblems({ birthDate: d('2016-06-02') }, today)).toEqual([]);
    expect(reasons(registrationProblems({ birthDate: d('2016-06-01') }, today))).toEqual([
      'birthDate:CHILD_OLDER_THAN_8',
    ]);
    expect(reasons(registrationProblems({ birthDate: d('2025-06-02') }, today))).toEqual(['birthDate:DATE_IN_FUTURE']);
  });

  it('records a service between birth and the 9th birthday, once per kind and day', () => {
    const child = { birthDate: d('2016-06-02'), contacts: [{ kind: 'DEWORMING', servedOn: d('2025-05-01') }] };
    expect(serviceContactProblems({ kind: 'DEWORMING', servedOn: d('2025-05-02') }, child, today)).toEqual([]);
    expect(reasons(serviceContactProblems({ kind: 'DEWORMING', servedOn: d('2025-05-01') }, child, today))).toEqual([
      'kind:CONTACT_ALREADY_RECORDED',
    ]);
    expect(reasons(serviceContactProblems({ kind: 'DEWORMING', servedOn: d('2016-06-01') }, child, today))).toEqual([
      'servedOn:BEFORE_BIRTH',
    ]);
    expect(
      reasons(
        serviceContactProblems(
          { kind: 'DEWORMING', servedOn: d('2025-06-02') },
          { ...child, birthDate: d('2016-06-02') },
          d('2025-07-01'),
        ),
      ),
    ).toEqual(['servedOn:CHILD_OLDER_THAN_8']);
    expect(
      reasons(
        serviceContactProblems(
          { kind: 'SICK_CHILD_CARE', servedOn: d('2025-06-03') },
          { ...child, birthDate: d('2020-01-01') },
          today,
        ),
      ),
    ).toEqual(['servedOn:DATE_IN_FUTURE']);
  });
});
