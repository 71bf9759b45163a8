import { describe, expect, it } from 'vitest';

import {
  columnLabels,
  ImportProblems,
  mapColumns,
  RowReader,
  type CellValue,
  type ImportSheet,
} from '@ecd/service-kit';

import {
  draftProblems,
  ENROLMENT_COLUMNS,
  enrolmentDrafts,
  readEnrolmentRow,
  sameEnrolment,
  type EnrolmentFileRow,
} from './enrolment-import.js';

const SCHOOL = '6f1c1d9e-3b7a-4a57-9a47-1f0c2b3d4e5f';
const OTHER = '0b9e8c1a-2d3f-4e5a-8b7c-6d5e4f3a2b1c';
const TODAY = new Date(Date.UTC(2026, 11, 2));
const HEADER = [
  'Mã trường',
  'Năm',
  'Lớp/nhóm',
  'Tuổi',
  'Giới tính',
  'Số học sinh',
  'Học sinh khuyết tật',
  'Được tiếp cận dịch vụ hỗ trợ',
  'Hoàn thành',
  'Bỏ học',
];

/** Reads the rows of a sheet with the import's columns: the rows read and the problems, located. */
function readAll(...rows: CellValue[][]) {
  const sheet: ImportSheet = {
    name: 'Học sinh',
    hidden: false,
    header: HEADER,
    headerRow: 1,
    rows: rows.map((cells, i) => ({ row: 2 + i, cells })),
  };
  const problems = new ImportProblems();
  const reader = new RowReader(
    sheet,
    mapColumns(sheet, ENROLMENT_COLUMNS, problems),
    problems,
    columnLabels(ENROLMENT_COLUMNS),
  );
  const read = sheet.rows.flatMap((row) => readEnrolmentRow(reader.at(row), TODAY) ?? []);
  return { read, problems: problems.list.map((p) => [p.row, p.column, p.field, p.reason]) };
}

describe('a row of a school’s enrolment file', () => {
  it('reads class groups and sexes by their Vietnamese names or enum values, counts as numbers or text', () => {
    const { read, problems } = readAll(
      [SCHOOL, 2025, 'Lớp 1', 6, 'Nữ', 30, 1, null, 29, 1],
      [SCHOOL, '2025', 'grade_1', '7', 'MALE', '2', '0', '2', '2', '0'],
    );
    expect(problems).toEqual([]);
    expect(read.map((r) => [r.grade, r.age, r.sex, r.pupils, r.pupilsWithEcdServices, r.completing])).toEqual([
      ['GRADE_1', 6, 'FEMALE', 30, null, 29],
      ['GRADE_1', 7, 'MALE', 2, 2, 2],
    ]);
  });

  it('names every problem of a row in its column: unknown group, empty count, a year out of range, a negative count', () => {
    const { read, problems } = readAll(
      [SCHOOL, 2025, 'Lớp 10', 15, 'Nam', 30, null, null, 29, 1],
      [SCHOOL, 2099, 'Lớp 1', 6, 'Nam', 'ba mươi', 0, null, -1, 0],
    );
    expect(read).toEqual([]);
    expect(problems).toEqual([
      [2, 'C', 'grade', 'VALUE_NOT_ALLOWED'],
      [2, 'G', 'pupilsWithDisabilities', 'REQUIRED'],
      [3, 'F', 'pupils', 'WRONG_TYPE'],
      [3, 'B', 'year', 'YEAR_OUT_OF_RANGE'],
      [3, 'I', 'completing', 'NEGATIVE_COUNT'],
    ]);
  });
});

const row = (over: Partial<EnrolmentFileRow>): EnrolmentFileRow => ({
  sheet: 'Học sinh',
  row: 2,
  schoolId: SCHOOL,
  year: 2025,
  grade: 'GRADE_1',
  age: 6,
  sex: 'MALE',
  pupils: 10,
  pupilsWithDisabilities: 0,
  pupilsWithEcdServices: null,
  completing: 10,
  droppingOut: 0,
  ...over,
});

describe('the reports a file makes', () => {
  const rows = [
    row({ row: 2, sex: 'MALE', pupils: 10, completing: 9, droppingOut: 1 }),
    row({ row: 3, sex: 'FEMALE', pupils: 12, completing: 12 }),
    row({ row: 4, grade: 'GRADE_2', age: 7, pupils: 8, completing: 8 }),
    row({ row: 5, year: 2024, pupils: 5, completing: 5 }),
    row({ row: 6, schoolId: OTHER, pupils: 3, completing: 3 }),
  ];

  it('are one per school and year, whose grade flows are the sums of their rows', () => {
    const drafts = enrolmentDrafts(rows);
    expect(drafts.map((d) => [d.schoolId, d.year, d.rows.map((r) => r.row)])).toEqual([
      [SCHOOL, 2025, [2, 3, 4]],
      [SCHOOL, 2024, [5]],
      [OTHER, 2025, [6]],
    ]);
    expect(drafts[0]!.gradeFlows).toEqual([
      { grade: 'GRADE_1', enrolledAtStart: 22, completing: 21, droppingOut: 1 },
      { grade: 'GRADE_2', enrolledAtStart: 8, completing: 8, droppingOut: 0 },
    ]);
    for (const draft of drafts) expect(draftProblems(draft, 'PRIMARY')).toEqual([]);
  });

  it('are checked with the mutation’s rules, each problem on the row it comes from', () => {
    const [draft] = enrolmentDrafts([
      row({ row: 2, grade: 'KINDERGARTEN_OLDER', age: 5 }),
      row({ row: 3, age: 30, sex: 'FEMALE', pupilsWithDisabilities: 11 }),
      row({ row: 4, completing: 10, droppingOut: 5 }),
      row({ row: 5 }),
      row({ row: 6, grade: 'GRADE_2', age: 7, pupils: 4, completing: 4, droppingOut: 1 }),
      row({ row: 7, grade: 'GRADE_2', age: 8, pupils: 4, pupilsWithEcdServices: 5, completing: 0 }),
    ]);
    const located = draftProblems(draft!, 'PRIMARY').map((p) => [p.row, p.field, p.reason]);
    expect(located).toEqual([
      [2, 'grade', 'GRADE_NOT_IN_LEVEL'],
      [3, 'age', 'AGE_OUT_OF_RANGE'],
      [3, 'pupilsWithDisabilities', 'DISABLED_ABOVE_PUPILS'],
      [5, 'grade', 'DUPLICATE_ROW'],
      [7, 'pupilsWithEcdServices', 'ECD_SERVED_ABOVE_PUPILS'],
      // Grade 2: 5 completing or dropping out of 8 is fine; grade 1: 35 of 30 is not, said on its first row.
      [3, 'completing', 'OUTCOMES_ABOVE_ENROLLED'],
    ]);
  });

  it('are the same as a held report with the same rows in any order, and differ by any one count', () => {
    const [draft] = enrolmentDrafts(rows.slice(0, 3));
    const held = { enrolment: [...draft!.enrolment].reverse(), gradeFlows: [...draft!.gradeFlows].reverse() };
    expect(sameEnrolment(held, draft!)).toBe(true);
    const changed = enrolmentDrafts([rows[0]!, { ...rows[1]!, pupils: 13, completing: 13 }, rows[2]!])[0]!;
    expect(sameEnrolment(held, changed)).toBe(false);
    const served = enrolmentDrafts([{ ...rows[0]!, pupilsWithEcdServices: 0 }, rows[1]!, rows[2]!])[0]!;
    expect(sameEnrolment(held, served)).toBe(false);
    expect(sameEnrolment(held, enrolmentDrafts(rows.slice(0, 2))[0]!)).toBe(false);
  });
});
