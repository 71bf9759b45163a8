import { describe, expect, it } from 'vitest';

import {
  headCountProblems as countProblems,
  enrolmentProblems,
  levelOfGrade,
  populationProblems,
  schoolProblems,
  surveyProblems,
  schoolYearProblems as yearProblems,
  type EnrolmentRow,
  type GradeFlowRow,
} from './records.js';

const today = new Date('2026-03-15T00:00:00Z');
const reasons = (problems: { reason: string }[]) => problems.map((p) => p.reason);
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('yearProblems', () => {
  it('accepts 2019 up to the current year and nothing else', () => {
    expect(yearProblems(2019, today)).toEqual([]);
    expect(yearProblems(2026, today)).toEqual([]);
    expect(reasons(yearProblems(2018, today))).toEqual(['YEAR_OUT_OF_RANGE']);
    expect(reasons(yearProblems(2027, today))).toEqual(['YEAR_OUT_OF_RANGE']);
    expect(yearProblems(2027, today)[0]!.message).toBe('Năm (năm kết thúc năm học) phải từ 2019 đến 2026.');
  });
});

describe('countProblems', () => {
  it('wants a whole number, not negative', () => {
    expect(countProblems(0, 'x', 'Số')).toEqual([]);
    expect(reasons(countProblems(-1, 'x', 'Số'))).toEqual(['NEGATIVE_COUNT']);
    expect(reasons(countProblems(2.5, 'x', 'Số'))).toEqual(['NOT_A_WHOLE_NUMBER']);
    expect(reasons(countProblems(Number.NaN, 'x', 'Số'))).toEqual(['NEGATIVE_COUNT']);
  });
});

describe('schoolProblems', () => {
  it('wants a name and an opening day not in the future', () => {
    expect(schoolProblems({ name: 'Trường Tiểu học A', openedOn: new Date('2020-09-05') }, today)).toEqual([]);
    expect(reasons(schoolProblems({ name: '  ', openedOn: new Date('2026-09-05') }, today))).toEqual([
      'REQUIRED',
      'DATE_IN_FUTURE',
    ]);
  });

  it('allows an independent group or class at the preschool level only', () => {
    const group = {
      name: 'Nhóm trẻ độc lập Hoa Mai',
      openedOn: new Date('2020-09-05'),
      kind: 'INDEPENDENT_GROUP' as const,
    };
    expect(schoolProblems({ ...group, level: 'PRESCHOOL' }, today)).toEqual([]);
    const primary = schoolProblems({ ...group, level: 'PRIMARY' }, today);
    expect(reasons(primary)).toEqual(['INDEPENDENT_GROUP_NOT_PRESCHOOL']);
    expect(fields(primary)).toEqual(['kind']);
    expect(primary[0]!.message).toContain('tiểu học');
    expect(schoolProblems({ ...group, level: 'PRIMARY', kind: 'SCHOOL' }, today)).toEqual([]);
  });
});

describe('surveyProblems', () => {
  it('refuses more trained staff than staff', () => {
    expect(surveyProblems({ staffTotal: 20, staffTrainedEcd: 20 })).toEqual([]);
    expect(reasons(surveyProblems({ staffTotal: 20, staffTrainedEcd: 21 }))).toEqual(['TRAINED_ABOVE_TOTAL']);
    expect(reasons(surveyProblems({ staffTotal: -1, staffTrainedEcd: 0.5 }))).toEqual([
      'NEGATIVE_COUNT',
      'NOT_A_WHOLE_NUMBER',
    ]);
  });
});

describe('enrolmentProblems', () => {
  const row = (over: Partial<EnrolmentRow> = {}): EnrolmentRow => ({
    grade: 'GRADE_5',
    age: 10,
    sex: 'FEMALE',
    pupils: 30,
    pupilsWithDisabilities: 1,
    ...over,
  });
  const flow = (over: Partial<GradeFlowRow> = {}): GradeFlowRow => ({
    grade: 'GRADE_5',
    enrolledAtStart: 30,
    completing: 29,
    droppingOut: 1,
    ...over,
  });

  it('accepts consistent counts', () => {
    expect(enrolmentProblems('PRIMARY', [row()], [flow()])).toEqual([]);
  });

  it('maps grades to levels', () => {
    expect(levelOfGrade('KINDERGARTEN_OLDER')).toBe('PRESCHOOL');
    expect(levelOfGrade('GRADE_5')).toBe('PRIMARY');
    expect(levelOfGrade('GRADE_6')).toBe('LOWER_SECONDARY');
  });

  it('refuses completing + dropping out above the pupils enrolled at the start', () => {
    expect(reasons(enrolmentProblems('PRIMARY', [row()], [flow({ completing: 30 })]))).toEqual([
      'OUTCOMES_ABOVE_ENROLLED',
    ]);
  });

  it('refuses an age outside the level, a grade of another level, duplicates and disabled above pupils', () => {
    const problems = enrolmentProblems(
      'PRIMARY',
      [row({ age: 17 }), row({ age: 17 }), row({ grade: 'GRADE_7', age: 12, pupilsWithDisabilities: 31 })],
      [flow({ enrolledAtStart: 60, completing: 59 }), flow({ grade: 'GRADE_7' })],
    );
    expect(reasons(problems)).toEqual([
      'AGE_OUT_OF_RANGE',
      'AGE_OUT_OF_RANGE',
      'DUPLICATE_ROW',
      'GRADE_NOT_IN_LEVEL',
      'DISABLED_ABOVE_PUPILS',
      'GRADE_NOT_IN_LEVEL',
    ]);
    expect(fields(problems)).toEqual([
      'enrolment[0].age',
      'enrolment[1].age',
      'enrolment[1].grade',
      'enrolment[2].grade',
      'enrolment[2].pupilsWithDisabilities',
      'gradeFlows[1].grade',
    ]);
  });

  it('counts the pupils reached by the early-childhood support services as a part of the row, when given', () => {
    expect(enrolmentProblems('PRIMARY', [row({ pupilsWithEcdServices: 30 })], [flow()])).toEqual([]);
    expect(enrolmentProblems('PRIMARY', [row({ pupilsWithEcdServices: null })], [flow()])).toEqual([]);
    const above = enrolmentProblems('PRIMARY', [row({ pupilsWithEcdServices: 31 })], [flow()]);
    expect(reasons(above)).toEqual(['ECD_SERVED_ABOVE_PUPILS']);
    expect(fields(above)).toEqual(['enrolment[0].pupilsWithEcdServices']);
    expect(reasons(enrolmentProblems('PRIMARY', [row({ pupilsWithEcdServices: 2.5 })], [flow()]))).toEqual([
      'NOT_A_WHOLE_NUMBER',
    ]);
    expect(reasons(enrolmentProblems('PRIMARY', [row({ pupilsWithEcdServices: -1 })], [flow()]))).toEqual([
      'NEGATIVE_COUNT',
    ]);
  });

  it('wants the flow of every grade enrolled, matching its enrolment, and some enrolment', () => {
    expect(reasons(enrolmentProblems('PRIMARY', [row()], []))).toEqual(['GRADE_FLOW_MISSING']);
    expect(reasons(enrolmentProblems('PRIMARY', [row()], [flow({ enrolledAtStart: 31 })]))).toEqual([
      'ENROLMENT_MISMATCH',
    ]);
    expect(reasons(enrolmentProblems('PRIMARY', [], []))).toEqual(['ENROLMENT_EMPTY']);
  });

  it('checks preschool ages: a 5-year-old in mẫu giáo lớn, not a 7-year-old', () => {
    const older = (age: number): EnrolmentRow => ({
      grade: 'KINDERGARTEN_OLDER',
      age,
      sex: 'MALE',
      pupils: 10,
      pupilsWithDisabilities: 0,
    });
    const f: GradeFlowRow = { grade: 'KINDERGARTEN_OLDER', enrolledAtStart: 10, completing: 10, droppingOut: 0 };
    expect(enrolmentProblems('PRESCHOOL', [older(5)], [f])).toEqual([]);
    expect(reasons(enrolmentProblems('PRESCHOOL', [older(7)], [f]))).toEqual(['AGE_OUT_OF_RANGE']);
  });
});

describe('populationProblems', () => {
  const count = { age: 11, sex: 'MALE' as const, children: 50, completedPrimary: 49, completedLowerSecondary: 0 };
  it('accepts a plausible survey', () => {
    expect(populationProblems('Báo cáo 12/BC', [count, { ...count, sex: 'FEMALE' }])).toEqual([]);
  });
  it('refuses completions above the children, impossible ages, duplicates and a missing source', () => {
    const problems = populationProblems(' ', [
      { ...count, completedPrimary: 51 },
      { ...count, age: 8, sex: 'FEMALE', completedPrimary: 1 },
      { ...count, age: 12, completedLowerSecondary: 1 },
      { ...count, age: 16, completedLowerSecondary: 50 },
      { ...count, age: 19 },
      { ...count, age: 12 },
    ]);
    expect(reasons(problems)).toEqual([
      'REQUIRED',
      'COMPLETED_ABOVE_CHILDREN',
      'TOO_YOUNG_TO_COMPLETE',
      'TOO_YOUNG_TO_COMPLETE',
      'COMPLETED_ABOVE_PRIMARY',
      'AGE_OUT_OF_RANGE',
      'DUPLICATE_ROW',
    ]);
  });
});
