/** A child registered with the health station and the services it receives: the checks that need no database. */
import type { InputProblem } from '@ecd/service-kit';

import { dayAtAge } from './epi-schedule.js';

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The station follows children up to 8 years old: until the day before their 9th birthday. */
export const ninthBirthday = (birthDate: Date) => dayAtAge(birthDate, { months: 9 * 12, days: 0 });

export function registrationProblems(input: { birthDate: Date }, today: Date): InputProblem[] {
  if (input.birthDate > today)
    return [{ field: 'birthDate', reason: 'DATE_IN_FUTURE', message: `Ngày sinh ${iso(input.birthDate)} chưa đến.` }];
  if (ninthBirthday(input.birthDate) <= today) {
    return [
      {
        field: 'birthDate',
        reason: 'CHILD_OLDER_THAN_8',
        message: `Trẻ sinh ngày ${iso(input.birthDate)} đã quá 8 tuổi; trạm chỉ quản lý trẻ từ 0 đến 8 tuổi.`,
      },
    ];
  }
  return [];
}

export function serviceContactProblems(
  contact: { kind: string; servedOn: Date },
  child: { birthDate: Date; contacts: readonly { kind: string; servedOn: Date }[] },
  today: Date,
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (contact.servedOn > today)
    problems.push({ field: 'servedOn', reason: 'DATE_IN_FUTURE', message: `Ngày ${iso(contact.servedOn)} chưa đến.` });
  if (contact.servedOn < child.birthDate) {
    problems.push({
      field: 'servedOn',
      reason: 'BEFORE_BIRTH',
      message: `Ngày ${iso(contact.servedOn)} trước ngày sinh của trẻ (${iso(child.birthDate)}).`,
    });
  } else if (contact.servedOn >= ninthBirthday(child.birthDate)) {
    problems.push({
      field: 'servedOn',
      reason: 'CHILD_OLDER_THAN_8',
      message: `Ngày ${iso(contact.servedOn)} trẻ đã quá 8 tuổi.`,
    });
  }
  if (child.contacts.some((c) => c.kind === contact.kind && c.servedOn.getTime() === contact.servedOn.getTime())) {
    problems.push({
      field: 'kind',
      reason: 'CONTACT_ALREADY_RECORDED',
      message: `Dịch vụ này đã được ghi nhận cho trẻ vào ngày ${iso(contact.servedOn)}.`,
    });
  }
  return problems;
}
