import {
  countProblems,
  pastDayProblems,
  periodOrderProblems,
  problem,
  yearProblems,
  type InputProblem,
} from '@ecd/service-kit';

/**
 * The culture sector's own rules, built on the service kit's shared checks (counts, texts, days,
 * years: `@ecd/service-kit`).
 */

export const MAX_TOPIC_LENGTH = 500;

/** A period that has happened: neither day in the future, `to` not before `from`. */
export function periodProblems(from: Date, to: Date, today: Date): InputProblem[] {
  return [
    ...pastDayProblems('from', from, today, 'Ngày bắt đầu'),
    ...pastDayProblems('to', to, today, 'Ngày kết thúc'),
    ...periodOrderProblems(from, to),
  ];
}

/** Parents and caregivers reached are some of the people reached. */
export function reachProblems(peopleReached: number, parentsReached: number): InputProblem[] {
  const problems = [
    ...countProblems('peopleReached', peopleReached, 'Số người được tiếp cận'),
    ...countProblems('parentsReached', parentsReached, 'Số cha mẹ, người chăm sóc trẻ'),
  ];
  if (!problems.length && parentsReached > peopleReached) {
    problems.push(
      problem(
        'parentsReached',
        'PARENTS_ABOVE_PEOPLE_REACHED',
        `Số cha mẹ, người chăm sóc trẻ (${parentsReached}) lớn hơn tổng số người được tiếp cận (${peopleReached}).`,
      ),
    );
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
  const given = BANDS.flatMap(([field]) => {
    const value = counts[field];
    return value == null ? [] : [value];
  });
  if (given.length > 0 && given.length < BANDS.length) {
    for (const [field, label] of BANDS.filter(([f]) => counts[f] == null)) {
      problems.push(
        problem(field, 'AGE_BANDS_INCOMPLETE', `${label} còn thiếu: nhập đủ cả ba nhóm tuổi hoặc bỏ trống cả ba.`),
      );
    }
  }
  if (!problems.length && given.length === BANDS.length) {
    const sum = given.reduce((total, value) => total + value, 0);
    if (sum > counts.childrenCount) {
      problems.push(
        problem(
          'childrenCount',
          'AGE_BANDS_ABOVE_TOTAL',
          `Tổng số trẻ theo nhóm tuổi (${sum}) lớn hơn số trẻ em tham gia (${counts.childrenCount}).`,
        ),
      );
    }
  }
  return problems;
}

/** The `year` argument of a per-unit figure: the kit's year check, from the oldest unit list to next year (plans look one year ahead). */
export const yearArgumentProblems = (year: number | null | undefined, today: Date): InputProblem[] =>
  yearProblems('year', year, today);

/** First day of a year and first day of the next, as UTC midnights (PostgreSQL DATE). */
export const yearBounds = (year: number) => ({
  start: new Date(Date.UTC(year, 0, 1)),
  end: new Date(Date.UTC(year + 1, 0, 1)),
});
