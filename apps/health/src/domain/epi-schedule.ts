import type { InputProblem } from '@ecd/service-kit';

/**
 * The national expanded programme on immunisation (Chương trình Tiêm chủng mở rộng): each dose of the
 * schedule, its Vietnamese label, the age it is due at and the youngest age it may be given at.
 * Ages are calendar months plus days after birth (a dose "at 2 months" is due on the day the child
 * is 2 months old).
 */
export type Vaccine =
  | 'BCG'
  | 'HEPB_BIRTH'
  | 'DPT_HEPB_HIB_1'
  | 'DPT_HEPB_HIB_2'
  | 'DPT_HEPB_HIB_3'
  | 'OPV_1'
  | 'OPV_2'
  | 'OPV_3'
  | 'IPV'
  | 'MEASLES_1'
  | 'MR'
  | 'DPT_BOOSTER'
  | 'JE_1'
  | 'JE_2'
  | 'JE_3';

export interface Age {
  months: number;
  days: number;
}

export interface ScheduledDose {
  vaccine: Vaccine;
  label: string;
  /** The age the schedule gives the dose at. */
  dueAt: Age;
  /** The youngest age the dose counts at (WHO minimum ages: 6, 10 and 14 weeks for the primary series). */
  minimumAge: Age;
}

const age = (months: number, days = 0): Age => ({ months, days });

export const EPI_SCHEDULE: readonly ScheduledDose[] = [
  { vaccine: 'BCG', label: 'Vắc xin phòng lao (BCG)', dueAt: age(0), minimumAge: age(0) },
  {
    vaccine: 'HEPB_BIRTH',
    label: 'Vắc xin viêm gan B liều sơ sinh (trong 24 giờ đầu)',
    dueAt: age(0),
    minimumAge: age(0),
  },
  { vaccine: 'DPT_HEPB_HIB_1', label: 'Vắc xin DPT-VGB-Hib (5 trong 1) mũi 1', dueAt: age(2), minimumAge: age(0, 42) },
  { vaccine: 'DPT_HEPB_HIB_2', label: 'Vắc xin DPT-VGB-Hib (5 trong 1) mũi 2', dueAt: age(3), minimumAge: age(0, 70) },
  { vaccine: 'DPT_HEPB_HIB_3', label: 'Vắc xin DPT-VGB-Hib (5 trong 1) mũi 3', dueAt: age(4), minimumAge: age(0, 98) },
  { vaccine: 'OPV_1', label: 'Vắc xin bại liệt uống (OPV) lần 1', dueAt: age(2), minimumAge: age(0, 42) },
  { vaccine: 'OPV_2', label: 'Vắc xin bại liệt uống (OPV) lần 2', dueAt: age(3), minimumAge: age(0, 70) },
  { vaccine: 'OPV_3', label: 'Vắc xin bại liệt uống (OPV) lần 3', dueAt: age(4), minimumAge: age(0, 98) },
  { vaccine: 'IPV', label: 'Vắc xin bại liệt tiêm (IPV)', dueAt: age(5), minimumAge: age(0, 98) },
  { vaccine: 'MEASLES_1', label: 'Vắc xin sởi mũi 1 (9 tháng)', dueAt: age(9), minimumAge: age(9) },
  { vaccine: 'MR', label: 'Vắc xin sởi - rubella (MR, 18 tháng)', dueAt: age(18), minimumAge: age(12) },
  { vaccine: 'DPT_BOOSTER', label: 'Vắc xin DPT nhắc lại (18 tháng)', dueAt: age(18), minimumAge: age(12) },
  { vaccine: 'JE_1', label: 'Vắc xin viêm não Nhật Bản mũi 1', dueAt: age(12), minimumAge: age(12) },
  {
    vaccine: 'JE_2',
    label: 'Vắc xin viêm não Nhật Bản mũi 2 (1-2 tuần sau mũi 1)',
    dueAt: age(12, 14),
    minimumAge: age(12, 7),
  },
  {
    vaccine: 'JE_3',
    label: 'Vắc xin viêm não Nhật Bản mũi 3 (1 năm sau mũi 2)',
    dueAt: age(24, 14),
    minimumAge: age(24),
  },
];

const BY_VACCINE = new Map(EPI_SCHEDULE.map((dose) => [dose.vaccine, dose]));

export const scheduledDose = (vaccine: Vaccine): ScheduledDose => {
  const dose = BY_VACCINE.get(vaccine);
  if (!dose) throw new RangeError(`not in the EPI schedule: ${vaccine}`);
  return dose;
};

/**
 * Tiêm chủng đầy đủ cho trẻ dưới 1 tuổi: every dose the schedule gives before the first birthday.
 * A child is fully immunised when each was given before that birthday.
 */
export const DUE_BY_FIRST_BIRTHDAY: readonly Vaccine[] = EPI_SCHEDULE.filter((d) => d.dueAt.months < 12).map(
  (d) => d.vaccine,
);

/** The doses of the schedule not among `given`, in schedule order. */
export const missingVaccines = (given: Iterable<Vaccine>): Vaccine[] => {
  const recorded = new Set(given);
  return EPI_SCHEDULE.map((d) => d.vaccine).filter((v) => !recorded.has(v));
};

/** The day a child born on `birthDate` reaches `age` (UTC calendar days; the 31st of a shorter month rolls to its last day). */
export function dayAtAge(birthDate: Date, { months, days }: Age): Date {
  const year = birthDate.getUTCFullYear();
  const month = birthDate.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = new Date(Date.UTC(year, month, Math.min(birthDate.getUTCDate(), lastDay)));
  day.setUTCDate(day.getUTCDate() + days);
  return day;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The checks on one dose that need the child's birth date, today and the doses already recorded. */
export function immunisationProblems(
  dose: { vaccine: Vaccine; givenOn: Date },
  child: { birthDate: Date; recordedVaccines: readonly Vaccine[] },
  today: Date,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const scheduled = scheduledDose(dose.vaccine);
  if (dose.givenOn > today)
    problems.push({ field: 'givenOn', reason: 'DATE_IN_FUTURE', message: `Ngày tiêm ${iso(dose.givenOn)} chưa đến.` });
  if (dose.givenOn < child.birthDate) {
    problems.push({
      field: 'givenOn',
      reason: 'BEFORE_BIRTH',
      message: `Ngày tiêm ${iso(dose.givenOn)} trước ngày sinh của trẻ (${iso(child.birthDate)}).`,
    });
  } else {
    const youngest = dayAtAge(child.birthDate, scheduled.minimumAge);
    if (dose.givenOn < youngest) {
      problems.push({
        field: 'givenOn',
        reason: 'BELOW_MINIMUM_AGE',
        message: `${scheduled.label}: trẻ chưa đủ tuổi tiêm (sớm nhất từ ngày ${iso(youngest)}).`,
      });
    }
  }
  if (child.recordedVaccines.includes(dose.vaccine)) {
    problems.push({
      field: 'vaccine',
      reason: 'DOSE_ALREADY_RECORDED',
      message: `${scheduled.label} đã được ghi nhận cho trẻ này.`,
    });
  }
  return problems;
}
