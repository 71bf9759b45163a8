import { isUuid, todayInVietnam, type ScopeGuard } from '@ecd/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';
import { antenatalVisitProblems, pregnancyProblems } from '../domain/antenatal.js';
import type { InputProblem } from '../domain/epi-schedule.js';
import { communeDistrictColumns, isProblem, isUniqueViolation, rejectInput } from './problems.js';

export interface PregnancyInput {
  communeCode: string;
  expectedDeliveryDate: Date;
  motherBirthYear: number;
}

/** Starts following a pregnancy, located in the commune valid on its expected delivery date (in the person's territory). */
export async function registerPregnancy(prisma: PrismaClient, input: PregnancyInput, recordedBy: string, scope: ScopeGuard) {
  const problems: InputProblem[] = pregnancyProblems(input, todayInVietnam());
  const location = communeDistrictColumns(input.communeCode, input.expectedDeliveryDate);
  if (isProblem(location)) problems.push(location);
  else scope.assertCovers({ code: location.communeCode, validFrom: location.communeValidFrom }, 'input.communeCode');
  if (problems.length || isProblem(location)) throw rejectInput('Thông tin quản lý thai', 'INVALID_PREGNANCY', problems);
  return prisma.pregnancy.create({ data: { expectedDeliveryDate: input.expectedDeliveryDate, motherBirthYear: input.motherBirthYear, ...location, recordedBy } });
}

export interface AntenatalVisitInput {
  pregnancyId: string;
  visitedOn: Date;
  gestationalWeek: number;
}

/** Records one antenatal visit of a followed pregnancy (followed in the person's territory). */
export async function recordAntenatalVisit(prisma: PrismaClient, input: AntenatalVisitInput, recordedBy: string, scope: ScopeGuard) {
  const pregnancy = isUuid(input.pregnancyId)
    ? await prisma.pregnancy.findUnique({ where: { id: input.pregnancyId }, include: { visits: { select: { visitedOn: true } } } })
    : null;
  if (pregnancy) scope.assertCovers({ code: pregnancy.communeCode, validFrom: pregnancy.communeValidFrom }, 'input.pregnancyId');
  const today = todayInVietnam();
  const problems: InputProblem[] = pregnancy
    ? antenatalVisitProblems(input, { expectedDeliveryDate: pregnancy.expectedDeliveryDate, visitDays: pregnancy.visits.map((v) => v.visitedOn) }, today)
    : [
        { field: 'pregnancyId', reason: 'UNKNOWN_PREGNANCY', message: 'Không có thai phụ này trong sổ quản lý thai.' },
        // Without the pregnancy only the checks on the visit itself apply.
        ...antenatalVisitProblems(input, { expectedDeliveryDate: new Date(8.64e15), visitDays: [] }, today).filter((p) => p.reason !== 'GESTATIONAL_WEEK_INCONSISTENT'),
      ];
  const reject = () => rejectInput('Lần khám thai', 'INVALID_ANTENATAL_VISIT', problems);
  if (problems.length) throw reject();
  try {
    return await prisma.antenatalVisit.create({ data: { ...input, recordedBy } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    problems.push({ field: 'visitedOn', reason: 'VISIT_ALREADY_RECORDED', message: 'Lần khám thai ngày này đã được ghi nhận.' });
    throw reject();
  }
}
