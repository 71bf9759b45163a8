import { todayInVietnam, type ScopeGuard } from '@ecd/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';
import { immunisationProblems, scheduledDose, type Vaccine } from '../domain/epi-schedule.js';
import { childAndStation } from './child.js';
import { isUniqueViolation, rejectInput } from './problems.js';
import { afterDoseRecorded } from './tallies.js';

export interface ImmunisationInput {
  childRecordId: string;
  vaccine: Vaccine;
  givenOn: Date;
  stationId: string;
}

/**
 * Records one dose given to a registered child after checking the child, the station, the day (not
 * before birth, not in the future, not younger than the vaccine's minimum age) and that the dose is new.
 * The child must be registered in the person's territory.
 */
export async function recordImmunisation(prisma: PrismaClient, input: ImmunisationInput, recordedBy: string, scope: ScopeGuard) {
  const { child, problems } = await childAndStation(prisma, input.childRecordId, input.stationId, scope);
  const today = todayInVietnam();
  if (child) {
    const recorded = await prisma.immunisation.findMany({ where: { childRecordId: child.id }, select: { vaccine: true } });
    problems.push(...immunisationProblems(input, { birthDate: child.birthDate, recordedVaccines: recorded.map((r) => r.vaccine) }, today));
  } else if (input.givenOn > today) {
    // Without the child only the day itself can be checked.
    problems.push(...immunisationProblems(input, { birthDate: input.givenOn, recordedVaccines: [] }, today).filter((p) => p.reason === 'GIVEN_IN_FUTURE'));
  }
  const reject = () => rejectInput('Mũi tiêm', 'INVALID_IMMUNISATION', problems);
  if (problems.length) throw reject();
  try {
    return await prisma.$transaction(async (tx) => {
      const dose = await tx.immunisation.create({ data: { ...input, recordedBy } });
      await afterDoseRecorded(tx, dose.childRecordId, dose.id);
      return dose;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    problems.push({ field: 'vaccine', reason: 'DOSE_ALREADY_RECORDED', message: `${scheduledDose(input.vaccine).label} đã được ghi nhận cho trẻ này.` });
    throw reject();
  }
}
