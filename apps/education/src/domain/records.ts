import {
  countProblems,
  FIRST_YEAR,
  MAX_NAME_LENGTH,
  MAX_SOURCE_LENGTH,
  problem,
  textProblems,
  toIsoDate,
  yearProblems,
  type InputProblem,
} from '@ecd/service-kit';

import { SCHOOL_LEVEL_CODES, type SchoolKind, type SchoolLevel } from './school-level.js';

/** A class group (the SchoolGrade enum of the schema): the preschool age groups and grades 1-9. */
export type SchoolGrade =
  | 'NURSERY'
  | 'KINDERGARTEN_YOUNGER'
  | 'KINDERGARTEN_MIDDLE'
  | 'KINDERGARTEN_OLDER'
  | 'GRADE_1'
  | 'GRADE_2'
  | 'GRADE_3'
  | 'GRADE_4'
  | 'GRADE_5'
  | 'GRADE_6'
  | 'GRADE_7'
  | 'GRADE_8'
  | 'GRADE_9';

/** Sex of the children counted (the Sex enum of the schema). */
export type Sex = 'MALE' | 'FEMALE';

/** The class groups of each level, in order. */
export const GRADES_BY_LEVEL: Readonly<Record<SchoolLevel, readonly SchoolGrade[]>> = {
  PRESCHOOL: ['NURSERY', 'KINDERGARTEN_YOUNGER', 'KINDERGARTEN_MIDDLE', 'KINDERGARTEN_OLDER'],
  PRIMARY: ['GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5'],
  LOWER_SECONDARY: ['GRADE_6', 'GRADE_7', 'GRADE_8', 'GRADE_9'],
};

export function levelOfGrade(grade: SchoolGrade): SchoolLevel {
  for (const level of SCHOOL_LEVEL_CODES) if (GRADES_BY_LEVEL[level].includes(grade)) return level;
  throw new Error(`No school level has the class group ${grade}.`);
}

/**
 * Plausible ages of a level's pupils, `age` being (year − 1) − birth year: preschool 0-6 (a child may
 * stay a year longer in mẫu giáo lớn), primary 5-14 and lower secondary 10-18 (early entry, repeating,
 * late entry in remote areas).
 */
export const AGE_RANGE_BY_LEVEL: Readonly<Record<SchoolLevel, readonly [number, number]>> = {
  PRESCHOOL: [0, 6],
  PRIMARY: [5, 14],
  LOWER_SECONDARY: [10, 18],
};

const LEVEL_LABEL: Readonly<Record<SchoolLevel, string>> = {
  PRESCHOOL: 'mầm non',
  PRIMARY: 'tiểu học',
  LOWER_SECONDARY: 'trung học cơ sở',
};

/** Ages of the universal-education survey's children. */
export const POPULATION_AGES = [0, 18] as const;

/**
 * `year` is the calendar year in which the school year ends: the kit's year check, up to the current
 * year (a school year still running has no records yet), said in terms of school years.
 */
export function schoolYearProblems(year: number, today: Date, field = 'year'): InputProblem[] {
  const current = today.getUTCFullYear();
  return yearProblems(field, year, today, current).map((found) => ({
    ...found,
    message: `Năm (năm kết thúc năm học) phải từ ${FIRST_YEAR} đến ${current}.`,
  }));
}

/**
 * A head count of the education records, in the argument order of these rules: the kit's check
 * (whole, not negative, not implausibly large); a value that is no number at all counts as negative.
 */
export function headCountProblems(value: number, field: string, label: string): InputProblem[] {
  return Number.isFinite(value)
    ? countProblems(field, value, label)
    : [problem(field, 'NEGATIVE_COUNT', `${label} phải là số không âm.`)];
}

const isCount = (value: number) => Number.isInteger(value) && value >= 0;

export interface SchoolInput {
  name: string;
  openedOn: Date;
  level?: SchoolLevel;
  /** A school unless said otherwise. */
  kind?: SchoolKind | null;
}

export function schoolProblems(input: SchoolInput, today: Date): InputProblem[] {
  const problems: InputProblem[] = [];
  problems.push(...textProblems('name', input.name, 'Tên trường', MAX_NAME_LENGTH));
  if (Number.isNaN(input.openedOn.getTime()) || input.openedOn > today) {
    problems.push({
      field: 'openedOn',
      reason: 'DATE_IN_FUTURE',
      message: 'Ngày thành lập không được sau ngày hôm nay.',
    });
  }
  // Only preschool education has independent groups and classes (nhóm trẻ, lớp mẫu giáo, lớp mầm non độc lập).
  if (input.kind === 'INDEPENDENT_GROUP' && input.level && input.level !== 'PRESCHOOL') {
    problems.push(
      problem(
        'kind',
        'INDEPENDENT_GROUP_NOT_PRESCHOOL',
        `Chỉ giáo dục mầm non có nhóm trẻ, lớp độc lập; cấp ${LEVEL_LABEL[input.level]} không có.`,
      ),
    );
  }
  return problems;
}

/**
 * A school's records of a year must not predate its opening: the school year ending in `year` ends
 * on 31 May of `year`. `openedOn` is null for schools registered before opening days were recorded.
 */
export function openedProblems(openedOn: Date | null, year: number): InputProblem[] {
  if (!openedOn || !Number.isInteger(year)) return [];
  const opened = toIsoDate(openedOn);
  return opened > `${year}-05-31`
    ? [problem('year', 'BEFORE_SCHOOL_OPENED', `Trường thành lập ngày ${opened}, sau năm học kết thúc năm ${year}.`)]
    : [];
}

export interface SurveyValues {
  staffTotal: number;
  staffTrainedEcd: number;
}

export function surveyProblems(input: SurveyValues): InputProblem[] {
  const problems = [
    ...headCountProblems(input.staffTotal, 'staffTotal', 'Tổng số cán bộ, giáo viên, nhân viên'),
    ...headCountProblems(input.staffTrainedEcd, 'staffTrainedEcd', 'Số cán bộ được tập huấn'),
  ];
  if (isCount(input.staffTotal) && isCount(input.staffTrainedEcd) && input.staffTrainedEcd > input.staffTotal) {
    problems.push({
      field: 'staffTrainedEcd',
      reason: 'TRAINED_ABOVE_TOTAL',
      message: `Số cán bộ được tập huấn (${input.staffTrainedEcd}) lớn hơn tổng số cán bộ (${input.staffTotal}).`,
    });
  }
  return problems;
}

export interface EnrolmentRow {
  grade: SchoolGrade;
  age: number;
  sex: Sex;
  pupils: number;
  pupilsWithDisabilities: number;
  /** Of whom reached by the early-childhood support services they need; null or absent where not followed. */
  pupilsWithEcdServices?: number | null;
}

export interface GradeFlowRow {
  grade: SchoolGrade;
  enrolledAtStart: number;
  completing: number;
  droppingOut: number;
}

/** A school's enrolment and grade flows for a year, checked against its level. */
export function enrolmentProblems(
  level: SchoolLevel | null,
  enrolment: readonly EnrolmentRow[],
  gradeFlows: readonly GradeFlowRow[],
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!enrolment.length)
    problems.push({ field: 'enrolment', reason: 'ENROLMENT_EMPTY', message: 'Cần ít nhất một dòng số học sinh.' });
  const seen = new Set<string>();
  const pupilsByGrade = new Map<SchoolGrade, number>();
  enrolment.forEach((row, i) => {
    const at = (field: string) => `enrolment[${i}].${field}`;
    if (level && levelOfGrade(row.grade) !== level) {
      problems.push({
        field: at('grade'),
        reason: 'GRADE_NOT_IN_LEVEL',
        message: `Lớp/nhóm ${row.grade} không thuộc cấp ${LEVEL_LABEL[level]} của trường.`,
      });
    }
    const [minAge, maxAge] = AGE_RANGE_BY_LEVEL[levelOfGrade(row.grade)];
    if (!Number.isInteger(row.age) || row.age < minAge || row.age > maxAge) {
      problems.push({
        field: at('age'),
        reason: 'AGE_OUT_OF_RANGE',
        message: `Tuổi ${row.age} không hợp lý cho cấp ${LEVEL_LABEL[levelOfGrade(row.grade)]} (${minAge}-${maxAge} tuổi).`,
      });
    }
    problems.push(
      ...headCountProblems(row.pupils, at('pupils'), 'Số học sinh'),
      ...headCountProblems(row.pupilsWithDisabilities, at('pupilsWithDisabilities'), 'Số học sinh khuyết tật'),
    );
    if (isCount(row.pupils) && isCount(row.pupilsWithDisabilities) && row.pupilsWithDisabilities > row.pupils) {
      problems.push({
        field: at('pupilsWithDisabilities'),
        reason: 'DISABLED_ABOVE_PUPILS',
        message: `Số học sinh khuyết tật (${row.pupilsWithDisabilities}) lớn hơn số học sinh (${row.pupils}).`,
      });
    }
    const served = row.pupilsWithEcdServices;
    if (served !== null && served !== undefined) {
      const servedIssues = headCountProblems(
        served,
        at('pupilsWithEcdServices'),
        'Số trẻ được tiếp cận dịch vụ hỗ trợ chăm sóc phát triển toàn diện',
      );
      problems.push(...servedIssues);
      if (!servedIssues.length && isCount(row.pupils) && served > row.pupils) {
        problems.push({
          field: at('pupilsWithEcdServices'),
          reason: 'ECD_SERVED_ABOVE_PUPILS',
          message: `Số trẻ được tiếp cận dịch vụ hỗ trợ chăm sóc phát triển toàn diện (${served}) lớn hơn số học sinh (${row.pupils}).`,
        });
      }
    }
    const key = `${row.grade}|${row.age}|${row.sex}`;
    if (seen.has(key))
      problems.push({
        field: at('grade'),
        reason: 'DUPLICATE_ROW',
        message: `Trùng dòng: lớp/nhóm ${row.grade}, ${row.age} tuổi, giới tính ${row.sex}.`,
      });
    seen.add(key);
    pupilsByGrade.set(row.grade, (pupilsByGrade.get(row.grade) ?? 0) + row.pupils);
  });
  const flowGrades = new Set<SchoolGrade>();
  gradeFlows.forEach((flow, i) => {
    const at = (field: string) => `gradeFlows[${i}].${field}`;
    if (level && levelOfGrade(flow.grade) !== level) {
      problems.push({
        field: at('grade'),
        reason: 'GRADE_NOT_IN_LEVEL',
        message: `Lớp/nhóm ${flow.grade} không thuộc cấp ${LEVEL_LABEL[level]} của trường.`,
      });
    }
    if (flowGrades.has(flow.grade))
      problems.push({ field: at('grade'), reason: 'DUPLICATE_ROW', message: `Trùng dòng lớp/nhóm ${flow.grade}.` });
    flowGrades.add(flow.grade);
    const counts = [
      ...headCountProblems(flow.enrolledAtStart, at('enrolledAtStart'), 'Số học sinh đầu năm'),
      ...headCountProblems(flow.completing, at('completing'), 'Số học sinh hoàn thành'),
      ...headCountProblems(flow.droppingOut, at('droppingOut'), 'Số học sinh bỏ học'),
    ];
    problems.push(...counts);
    if (counts.length) return;
    if (flow.completing + flow.droppingOut > flow.enrolledAtStart) {
      problems.push({
        field: at('completing'),
        reason: 'OUTCOMES_ABOVE_ENROLLED',
        message: `Số hoàn thành (${flow.completing}) cộng số bỏ học (${flow.droppingOut}) lớn hơn số học sinh đầu năm (${flow.enrolledAtStart}).`,
      });
    }
    const counted = pupilsByGrade.get(flow.grade) ?? 0;
    if (flow.enrolledAtStart !== counted) {
      problems.push({
        field: at('enrolledAtStart'),
        reason: 'ENROLMENT_MISMATCH',
        message: `Số học sinh đầu năm lớp/nhóm ${flow.grade} (${flow.enrolledAtStart}) khác tổng số học sinh theo tuổi (${counted}).`,
      });
    }
  });
  for (const grade of pupilsByGrade.keys()) {
    if (!flowGrades.has(grade))
      problems.push({
        field: 'gradeFlows',
        reason: 'GRADE_FLOW_MISSING',
        message: `Thiếu số đầu năm, hoàn thành, bỏ học của lớp/nhóm ${grade}.`,
      });
  }
  return problems;
}

export interface PopulationRow {
  age: number;
  sex: Sex;
  children: number;
  completedPrimary: number;
  completedLowerSecondary: number;
}

/** Youngest ages at which a child can have completed primary (after grade 5) and lower secondary (after grade 9). */
export const MIN_AGE_COMPLETED_PRIMARY = 9;
export const MIN_AGE_COMPLETED_LOWER_SECONDARY = 13;

export function populationProblems(source: string, counts: readonly PopulationRow[]): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!source.trim())
    problems.push({
      field: 'source',
      reason: 'REQUIRED',
      message: 'Cần ghi nguồn số liệu (ví dụ số báo cáo điều tra phổ cập).',
    });
  else problems.push(...textProblems('source', source, 'Nguồn số liệu', MAX_SOURCE_LENGTH));
  if (!counts.length)
    problems.push({ field: 'counts', reason: 'COUNTS_EMPTY', message: 'Cần ít nhất một dòng số trẻ em.' });
  const seen = new Set<string>();
  counts.forEach((row, i) => {
    const at = (field: string) => `counts[${i}].${field}`;
    const ageOk = Number.isInteger(row.age) && row.age >= POPULATION_AGES[0] && row.age <= POPULATION_AGES[1];
    if (!ageOk)
      problems.push({
        field: at('age'),
        reason: 'AGE_OUT_OF_RANGE',
        message: `Tuổi phải từ ${POPULATION_AGES[0]} đến ${POPULATION_AGES[1]}.`,
      });
    const countIssues = [
      ...headCountProblems(row.children, at('children'), 'Số trẻ em'),
      ...headCountProblems(row.completedPrimary, at('completedPrimary'), 'Số trẻ hoàn thành tiểu học'),
      ...headCountProblems(row.completedLowerSecondary, at('completedLowerSecondary'), 'Số trẻ tốt nghiệp THCS'),
    ];
    problems.push(...countIssues);
    if (!countIssues.length) {
      if (row.completedPrimary > row.children) {
        problems.push({
          field: at('completedPrimary'),
          reason: 'COMPLETED_ABOVE_CHILDREN',
          message: `Số trẻ hoàn thành tiểu học (${row.completedPrimary}) lớn hơn số trẻ em (${row.children}).`,
        });
      }
      if (row.completedLowerSecondary > row.completedPrimary) {
        problems.push({
          field: at('completedLowerSecondary'),
          reason: 'COMPLETED_ABOVE_PRIMARY',
          message: `Số trẻ tốt nghiệp THCS (${row.completedLowerSecondary}) lớn hơn số trẻ hoàn thành tiểu học (${row.completedPrimary}).`,
        });
      }
      if (ageOk && row.age < MIN_AGE_COMPLETED_PRIMARY && row.completedPrimary > 0) {
        problems.push({
          field: at('completedPrimary'),
          reason: 'TOO_YOUNG_TO_COMPLETE',
          message: `Trẻ ${row.age} tuổi chưa thể hoàn thành tiểu học.`,
        });
      }
      if (ageOk && row.age < MIN_AGE_COMPLETED_LOWER_SECONDARY && row.completedLowerSecondary > 0) {
        problems.push({
          field: at('completedLowerSecondary'),
          reason: 'TOO_YOUNG_TO_COMPLETE',
          message: `Trẻ ${row.age} tuổi chưa thể tốt nghiệp THCS.`,
        });
      }
    }
    const key = `${row.age}|${row.sex}`;
    if (seen.has(key))
      problems.push({
        field: at('age'),
        reason: 'DUPLICATE_ROW',
        message: `Trùng dòng: ${row.age} tuổi, giới tính ${row.sex}.`,
      });
    seen.add(key);
  });
  return problems;
}
