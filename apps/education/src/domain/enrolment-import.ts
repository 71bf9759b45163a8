/**
 * A school's enrolment as a file (a school's or a district's pupil statistics): the columns it takes, the
 * reading of each row, and the rules of `recordSchoolEnrolment` applied to the reports the rows make.
 *
 * One row per school, school year, class group, age and sex, as the enrolment input has them; the grade
 * flows the mutation takes per class group are the sums of the rows: enrolled at the start is the sum of
 * the group's pupils, completing and dropping out the sums of the rows' own columns.
 */
import { SEX_SPELLINGS, type InputProblem, type RowReader, type TemplateColumn } from '@ecd/service-kit';

import {
  enrolmentProblems,
  headCountProblems,
  schoolYearProblems,
  type EnrolmentRow,
  type GradeFlowRow,
  type SchoolGrade,
} from './records.js';
import type { SchoolLevel } from './school-level.js';

/** The import's name in routes and the audit log. */
export const ENROLMENT_IMPORT_KIND = 'school-enrolment';
/** The template's version: an upload of another version is refused, so columns can change safely. */
export const ENROLMENT_TEMPLATE_VERSION = '1';

/** The Vietnamese names of the class groups (the SchoolGrade enum's descriptions), in order. */
export const GRADE_LABELS: Readonly<Record<SchoolGrade, string>> = {
  NURSERY: 'Nhà trẻ',
  KINDERGARTEN_YOUNGER: 'Mẫu giáo bé',
  KINDERGARTEN_MIDDLE: 'Mẫu giáo nhỡ',
  KINDERGARTEN_OLDER: 'Mẫu giáo lớn',
  GRADE_1: 'Lớp 1',
  GRADE_2: 'Lớp 2',
  GRADE_3: 'Lớp 3',
  GRADE_4: 'Lớp 4',
  GRADE_5: 'Lớp 5',
  GRADE_6: 'Lớp 6',
  GRADE_7: 'Lớp 7',
  GRADE_8: 'Lớp 8',
  GRADE_9: 'Lớp 9',
};

const GRADES = new Map<string, SchoolGrade>(
  Object.entries(GRADE_LABELS).flatMap(([grade, label]) => [
    [label.toLocaleLowerCase('vi'), grade as SchoolGrade],
    [grade.toLowerCase(), grade as SchoolGrade],
  ]),
);

const COUNT = { type: 'whole', min: 0 } as const;

export const ENROLMENT_COLUMNS: readonly TemplateColumn[] = [
  {
    field: 'schoolId',
    label: 'Mã trường',
    required: true,
    width: 38,
    note: 'Mã của trường trong hệ thống (danh sách trường của đơn vị; schoolId của GraphQL).',
  },
  {
    field: 'year',
    label: 'Năm',
    required: true,
    width: 8,
    validation: { type: 'whole', min: 2019 },
    note: 'Năm kết thúc năm học: năm học 2024-2025 ghi 2025.',
  },
  {
    field: 'grade',
    label: 'Lớp/nhóm',
    required: true,
    width: 14,
    validation: { type: 'list', values: Object.values(GRADE_LABELS) },
  },
  {
    field: 'age',
    label: 'Tuổi',
    required: true,
    width: 8,
    validation: { type: 'whole', min: 0, max: 18 },
    note: 'Tuổi tính đến năm học bắt đầu: (năm − 1) − năm sinh; mẫu giáo lớn 5 tuổi, lớp 1 là 6 tuổi.',
  },
  { field: 'sex', label: 'Giới tính', required: true, validation: { type: 'list', values: ['Nam', 'Nữ'] } },
  { field: 'pupils', label: 'Số học sinh', required: true, validation: COUNT, note: 'Số học sinh đầu năm học.' },
  {
    field: 'pupilsWithDisabilities',
    label: 'Học sinh khuyết tật',
    required: true,
    validation: COUNT,
    note: 'Trong số học sinh; ghi 0 nếu không có.',
  },
  {
    field: 'pupilsWithEcdServices',
    label: 'Được tiếp cận dịch vụ hỗ trợ',
    validation: COUNT,
    width: 18,
    note: 'Số trẻ được tiếp cận dịch vụ hỗ trợ chăm sóc phát triển toàn diện cần thiết; để trống nếu trường không theo dõi.',
  },
  {
    field: 'completing',
    label: 'Hoàn thành',
    required: true,
    validation: COUNT,
    note: 'Số học sinh hoàn thành lớp/nhóm cuối năm học.',
  },
  {
    field: 'droppingOut',
    label: 'Bỏ học',
    required: true,
    validation: COUNT,
    note: 'Số học sinh bỏ học trong năm học.',
  },
];

/** A row of the file, read and checked on its own. */
export interface EnrolmentFileRow extends EnrolmentRow {
  sheet: string;
  row: number;
  schoolId: string;
  year: number;
  completing: number;
  droppingOut: number;
}

/**
 * Reads and checks the row the reader is at (the cells, the school year, the row's own counts); it comes
 * back only without a problem (each one is added, located).
 */
export function readEnrolmentRow(reader: RowReader, today: Date): EnrolmentFileRow | null {
  const before = reader.problems.count;
  const schoolId = reader.text('schoolId', { required: true });
  const year = reader.number('year', { required: true, integer: true });
  const grade = reader.choice('grade', GRADES, { required: true });
  const age = reader.number('age', { required: true, integer: true });
  const sex = reader.choice('sex', SEX_SPELLINGS, { required: true });
  const pupils = reader.number('pupils', { required: true });
  const pupilsWithDisabilities = reader.number('pupilsWithDisabilities', { required: true });
  const pupilsWithEcdServices = reader.number('pupilsWithEcdServices');
  const completing = reader.number('completing', { required: true });
  const droppingOut = reader.number('droppingOut', { required: true });
  if (year !== null) for (const found of schoolYearProblems(year, today)) reader.add(found);
  // Counts the grade's sums would hide (a negative row offsetting another).
  if (completing !== null)
    for (const found of headCountProblems(completing, 'completing', 'Số học sinh hoàn thành')) reader.add(found);
  if (droppingOut !== null)
    for (const found of headCountProblems(droppingOut, 'droppingOut', 'Số học sinh bỏ học')) reader.add(found);
  if (
    reader.problems.count > before ||
    schoolId === null ||
    year === null ||
    grade === null ||
    age === null ||
    sex === null ||
    pupils === null ||
    pupilsWithDisabilities === null ||
    completing === null ||
    droppingOut === null
  )
    return null;
  return {
    sheet: reader.sheet.name,
    row: reader.row,
    schoolId,
    year,
    grade,
    age,
    sex,
    pupils,
    pupilsWithDisabilities,
    pupilsWithEcdServices,
    completing,
    droppingOut,
  };
}

/** One report the file makes: a school's enrolment and grade flows for a school year, with the rows it came from. */
export interface EnrolmentDraft {
  schoolId: string;
  year: number;
  /** The file's rows, in order; `enrolment[i]` comes from `rows[i]`. */
  rows: EnrolmentFileRow[];
  enrolment: EnrolmentRow[];
  /** Per class group in the order first met: the sums of its rows. */
  gradeFlows: GradeFlowRow[];
}

export const reportKey = (schoolId: string, year: number) => `${schoolId}|${year}`;

/** The reports of a file's rows, one per school and year, in the order first met. */
export function enrolmentDrafts(rows: readonly EnrolmentFileRow[]): EnrolmentDraft[] {
  const drafts = new Map<string, EnrolmentDraft>();
  for (const row of rows) {
    const key = reportKey(row.schoolId, row.year);
    let draft = drafts.get(key);
    if (!draft) {
      draft = { schoolId: row.schoolId, year: row.year, rows: [], enrolment: [], gradeFlows: [] };
      drafts.set(key, draft);
    }
    draft.rows.push(row);
    draft.enrolment.push({
      grade: row.grade,
      age: row.age,
      sex: row.sex,
      pupils: row.pupils,
      pupilsWithDisabilities: row.pupilsWithDisabilities,
      pupilsWithEcdServices: row.pupilsWithEcdServices ?? null,
    });
    let flow = draft.gradeFlows.find((f) => f.grade === row.grade);
    if (!flow) {
      flow = { grade: row.grade, enrolledAtStart: 0, completing: 0, droppingOut: 0 };
      draft.gradeFlows.push(flow);
    }
    flow.enrolledAtStart += row.pupils;
    flow.completing += row.completing;
    flow.droppingOut += row.droppingOut;
  }
  return [...drafts.values()];
}

/** A problem of one row of the file: where (sheet, row, field) and what. */
export interface RowProblem extends InputProblem {
  sheet: string;
  row: number;
}

/** The field of the file a grade flow's field comes from. */
const FLOW_FIELD: Readonly<Record<string, string>> = {
  enrolledAtStart: 'pupils',
  completing: 'completing',
  droppingOut: 'droppingOut',
};

/**
 * The rules of recordSchoolEnrolment (`enrolmentProblems`, against the school's level) over one report
 * of the file, each problem put back on the row it comes from: an enrolment row's on its own row, a
 * grade flow's on the first row of its class group.
 */
export function draftProblems(draft: EnrolmentDraft, level: SchoolLevel | null): RowProblem[] {
  const located: RowProblem[] = [];
  for (const found of enrolmentProblems(level, draft.enrolment, draft.gradeFlows)) {
    const path = /^(enrolment|gradeFlows)\[(\d+)\]\.(\w+)$/.exec(found.field);
    if (!path) {
      // A problem of the whole report (none the rows' sums can make): on the report's first row.
      const first = draft.rows[0] as EnrolmentFileRow;
      located.push({ ...found, sheet: first.sheet, row: first.row });
      continue;
    }
    const [, list, index, field] = path as unknown as [string, string, string, string];
    if (list === 'enrolment') {
      const row = draft.rows[Number(index)] as EnrolmentFileRow;
      located.push({ ...found, field, sheet: row.sheet, row: row.row });
      continue;
    }
    // A class group outside the school's level is said on each of its enrolment rows already.
    if (field === 'grade') continue;
    const grade = (draft.gradeFlows[Number(index)] as GradeFlowRow).grade;
    const row = draft.rows.find((r) => r.grade === grade) as EnrolmentFileRow;
    located.push({ ...found, field: FLOW_FIELD[field] ?? field, sheet: row.sheet, row: row.row });
  }
  return located;
}

/** A report as held: its enrolment and grade flows (the latest version of the school and year). */
export interface HeldEnrolment {
  enrolment: readonly EnrolmentRow[];
  gradeFlows: readonly GradeFlowRow[];
}

const enrolmentKey = (r: EnrolmentRow) =>
  `${r.grade}|${r.age}|${r.sex}|${r.pupils}|${r.pupilsWithDisabilities}|${r.pupilsWithEcdServices ?? ''}`;
const flowKey = (f: GradeFlowRow) => `${f.grade}|${f.enrolledAtStart}|${f.completing}|${f.droppingOut}`;
const sameSet = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string) => {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(key));
  return keys.size === a.length && b.every((item) => keys.has(key(item)));
};

/** Whether a report of the file says exactly what the school's latest report says (rows in any order). */
export function sameEnrolment(held: HeldEnrolment, draft: Pick<EnrolmentDraft, 'enrolment' | 'gradeFlows'>): boolean {
  return sameSet(held.enrolment, draft.enrolment, enrolmentKey) && sameSet(held.gradeFlows, draft.gradeFlows, flowKey);
}
