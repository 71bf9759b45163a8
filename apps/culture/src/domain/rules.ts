import { toIsoDate } from '@ecd/service-kit';

/** One problem in an input: the field at fault (relative to the input), a stable reason and a Vietnamese message. */
export interface InputProblem {
  field: string;
  reason: string;
  message: string;
}

/** No count recorded by one commune, district or province can plausibly be larger (the largest province has about 14 million people). */
export const MAX_COUNT = 20_000_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_TOPIC_LENGTH = 500;
/** The first year the per-unit figures answer for: that of the oldest unit list. */
export const FIRST_YEAR = 2019;

/** A head count: an integer from 0 up to MAX_COUNT. */
export function countProblems(field: string, value: number | null | undefined, label: string): InputProblem[] {
  if (value == null) return [];
  if (!Number.isInteger(value)) return [{ field, reason: 'NOT_AN_INTEGER', message: `${label} phải là số nguyên.` }];
  if (value < 0) return [{ field, reason: 'NEGATIVE_COUNT', message: `${label} không được âm (đã nhập ${value}).` }];
  if (value > MAX_COUNT) return [{ field, reason: 'COUNT_TOO_LARGE', message: `${label} quá lớn (đã nhập ${value}).` }];
  return [];
}

/** A name or topic: not blank, not too long. */
export function textProblems(field: string, value: string, label: string, maxLength: number): InputProblem[] {
  const text = value.trim();
  if (!text) return [{ field, reason: 'REQUIRED', message: `${label} không được để trống.` }];
  if (text.length > maxLength) return [{ field, reason: 'TOO_LONG', message: `${label} dài quá ${maxLength} ký tự.` }];
  return [];
}

/** A day that has happened: not after today (in Vietnam). */
export function pastDayProblems(field: string, day: Date | null | undefined, today: Date, label: string): InputProblem[] {
  if (!day || day.getTime() <= today.getTime()) return [];
  return [{ field, reason: 'DATE_IN_FUTURE', message: `${label} (${toIsoDate(day)}) là ngày trong tương lai.` }];
}

/** A period: `to` not before `from`, neither in the future. */
export function periodProblems(from: Date, to: Date, today: Date): InputProblem[] {
  const problems = [...pastDayProblems('from', from, today, 'Ngày bắt đầu'), ...pastDayProblems('to', to, today, 'Ngày kết thúc')];
  if (to.getTime() < from.getTime()) {
    problems.push({ field: 'to', reason: 'END_BEFORE_START', message: `Ngày kết thúc (${toIsoDate(to)}) trước ngày bắt đầu (${toIsoDate(from)}).` });
  }
  return problems;
}

/** Parents and caregivers reached are some of the people reached. */
export function reachProblems(peopleReached: number, parentsReached: number): InputProblem[] {
  const problems = [...countProblems('peopleReached', peopleReached, 'Số người được tiếp cận'), ...countProblems('parentsReached', parentsReached, 'Số cha mẹ, người chăm sóc trẻ')];
  if (!problems.length && parentsReached > peopleReached) {
    problems.push({
      field: 'parentsReached',
      reason: 'PARENTS_ABOVE_PEOPLE_REACHED',
      message: `Số cha mẹ, người chăm sóc trẻ (${parentsReached}) lớn hơn tổng số người được tiếp cận (${peopleReached}).`,
    });
  }
  return problems;
}

export interface ChildCounts {
  childrenCount: number;
  aged0To2?: number | null | undefined;
  aged3To5?: number | null | undefined;
  aged6To8?: number | null | undefined;
}

const BANDS = [
  ['aged0To2', 'Số trẻ 0-2 tuổi'],
  ['aged3To5', 'Số trẻ 3-5 tuổi'],
  ['aged6To8', 'Số trẻ 6-8 tuổi'],
] as const;

/** Children taking part, and by age band: all three bands or none, their sum at most the total. */
export function childCountProblems(counts: ChildCounts): InputProblem[] {
  const problems = [
    ...countProblems('childrenCount', counts.childrenCount, 'Số trẻ em tham gia'),
    ...BANDS.flatMap(([field, label]) => countProblems(field, counts[field], label)),
  ];
  const given = BANDS.filter(([field]) => counts[field] != null);
  if (given.length > 0 && given.length < BANDS.length) {
    for (const [field, label] of BANDS.filter(([f]) => counts[f] == null)) {
      problems.push({ field, reason: 'AGE_BANDS_INCOMPLETE', message: `${label} còn thiếu: nhập đủ cả ba nhóm tuổi hoặc bỏ trống cả ba.` });
    }
  }
  if (!problems.length && given.length === BANDS.length) {
    const sum = BANDS.reduce((total, [field]) => total + counts[field]!, 0);
    if (sum > counts.childrenCount) {
      problems.push({
        field: 'childrenCount',
        reason: 'AGE_BANDS_ABOVE_TOTAL',
        message: `Tổng số trẻ theo nhóm tuổi (${sum}) lớn hơn số trẻ em tham gia (${counts.childrenCount}).`,
      });
    }
  }
  return problems;
}

/** The year a per-unit figure is asked for: from the oldest unit list to next year (plans look one year ahead). */
export function yearProblems(year: number | null | undefined, today: Date): InputProblem[] {
  const last = today.getUTCFullYear() + 1;
  if (year == null || (Number.isInteger(year) && year >= FIRST_YEAR && year <= last)) return [];
  return [{ field: 'year', reason: 'YEAR_OUT_OF_RANGE', message: `Năm phải từ ${FIRST_YEAR} đến ${last} (đã nhập ${year}).` }];
}

/** First day of a year and first day of the next, as UTC midnights (PostgreSQL DATE). */
export const yearBounds = (year: number) => ({ start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) });
