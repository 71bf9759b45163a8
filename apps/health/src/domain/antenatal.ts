/** Antenatal care (khám thai): the checks on a followed pregnancy and on each visit. */
import type { InputProblem } from '@ecd/service-kit';

const DAY_MS = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** A pregnancy is followed from its 4th week: its expected delivery date is at most 36 weeks ahead. */
export const LATEST_DELIVERY_AHEAD_DAYS = 36 * 7;
export const GESTATIONAL_WEEKS = { min: 4, max: 42 } as const;
/** Mother's age in the year of the expected delivery. */
export const MOTHER_AGE = { min: 10, max: 60 } as const;
/** A visit's gestational week may differ by this much from the one the expected delivery date gives. */
export const GESTATIONAL_WEEK_TOLERANCE = 3;

/** Completed weeks of gestation on `day` for a pregnancy due on `expectedDeliveryDate` (40 weeks on that day). */
export const gestationalWeekOn = (day: Date, expectedDeliveryDate: Date) =>
  40 - Math.ceil((expectedDeliveryDate.getTime() - day.getTime()) / DAY_MS / 7);

export function pregnancyProblems(
  input: { expectedDeliveryDate: Date; motherBirthYear: number },
  today: Date,
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (input.expectedDeliveryDate.getTime() > today.getTime() + LATEST_DELIVERY_AHEAD_DAYS * DAY_MS) {
    problems.push({
      field: 'expectedDeliveryDate',
      reason: 'EXPECTED_DELIVERY_TOO_FAR',
      message: `Ngày dự sinh ${iso(input.expectedDeliveryDate)} quá xa: thai được quản lý từ tuần thứ 4, ngày dự sinh chậm nhất là sau 36 tuần.`,
    });
  }
  const motherAge = input.expectedDeliveryDate.getUTCFullYear() - input.motherBirthYear;
  if (!Number.isInteger(input.motherBirthYear) || motherAge < MOTHER_AGE.min || motherAge > MOTHER_AGE.max) {
    problems.push({
      field: 'motherBirthYear',
      reason: 'MOTHER_AGE_OUT_OF_RANGE',
      message: `Năm sinh của mẹ (${input.motherBirthYear}) không hợp lệ: tuổi của mẹ vào năm dự sinh phải từ ${MOTHER_AGE.min} đến ${MOTHER_AGE.max}.`,
    });
  }
  return problems;
}

export function antenatalVisitProblems(
  visit: { visitedOn: Date; gestationalWeek: number },
  pregnancy: { expectedDeliveryDate: Date; visitDays: readonly Date[] },
  today: Date,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const weekInRange =
    Number.isInteger(visit.gestationalWeek) &&
    visit.gestationalWeek >= GESTATIONAL_WEEKS.min &&
    visit.gestationalWeek <= GESTATIONAL_WEEKS.max;
  if (!weekInRange) {
    problems.push({
      field: 'gestationalWeek',
      reason: 'GESTATIONAL_WEEK_OUT_OF_RANGE',
      message: `Tuổi thai phải là số tuần nguyên từ ${GESTATIONAL_WEEKS.min} đến ${GESTATIONAL_WEEKS.max}.`,
    });
  }
  if (visit.visitedOn > today)
    problems.push({
      field: 'visitedOn',
      reason: 'DATE_IN_FUTURE',
      message: `Ngày khám ${iso(visit.visitedOn)} chưa đến.`,
    });
  if (visit.visitedOn > pregnancy.expectedDeliveryDate) {
    problems.push({
      field: 'visitedOn',
      reason: 'VISIT_AFTER_DELIVERY',
      message: `Ngày khám ${iso(visit.visitedOn)} sau ngày dự sinh (${iso(pregnancy.expectedDeliveryDate)}).`,
    });
  } else if (weekInRange) {
    const expected = gestationalWeekOn(visit.visitedOn, pregnancy.expectedDeliveryDate);
    if (Math.abs(expected - visit.gestationalWeek) > GESTATIONAL_WEEK_TOLERANCE) {
      problems.push({
        field: 'gestationalWeek',
        reason: 'GESTATIONAL_WEEK_INCONSISTENT',
        message: `Tuổi thai ${visit.gestationalWeek} tuần không khớp với ngày dự sinh: vào ngày khám thai khoảng ${expected} tuần.`,
      });
    }
  }
  if (pregnancy.visitDays.some((day) => day.getTime() === visit.visitedOn.getTime())) {
    problems.push({
      field: 'visitedOn',
      reason: 'VISIT_ALREADY_RECORDED',
      message: `Lần khám thai ngày ${iso(visit.visitedOn)} đã được ghi nhận.`,
    });
  }
  return problems;
}
