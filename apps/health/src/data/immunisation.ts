import { onUniqueViolation, rowsByParentLoader } from '@ecd/database';
import { problem, rejectInput, todayInVietnam } from '@ecd/service-kit';

import { immunisationProblems, missingVaccines, scheduledDose, type Vaccine } from '../domain/epi-schedule.js';
import type { Immunisation, PrismaClient } from '../generated/prisma/client.js';
import { childAndStation } from './children.js';
import { afterDoseRecorded } from './tallies.js';
import type { Writer } from './writer.js';

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
async function recordImmunisation(prisma: PrismaClient, input: ImmunisationInput, { identity, access }: Writer) {
  const { child, problems } = await childAndStation(prisma, input.childRecordId, input.stationId, access);
  const today = todayInVietnam();
  if (child) {
    const recorded = await prisma.immunisation.findMany({
      where: { childRecordId: child.id },
      select: { vaccine: true },
    });
    problems.push(
      ...immunisationProblems(
        input,
        { birthDate: child.birthDate, recordedVaccines: recorded.map((r) => r.vaccine) },
        today,
      ),
    );
  } else if (input.givenOn > today) {
    // Without the child only the day itself can be checked.
    problems.push(
      ...immunisationProblems(input, { birthDate: input.givenOn, recordedVaccines: [] }, today).filter(
        (p) => p.reason === 'DATE_IN_FUTURE',
      ),
    );
  }
  const what = 'Mũi tiêm';
  if (problems.length) rejectInput(what, 'INVALID_IMMUNISATION', problems);
  return onUniqueViolation(
    () =>
      prisma.$transaction(async (tx) => {
        const dose = await tx.immunisation.create({ data: { ...input, recordedBy: identity.userId } });
        await afterDoseRecorded(tx, dose.childRecordId, dose.id);
        return dose;
      }),
    () =>
      rejectInput(what, 'INVALID_IMMUNISATION', [
        problem(
          'vaccine',
          'DOSE_ALREADY_RECORDED',
          `${scheduledDose(input.vaccine).label} đã được ghi nhận cho trẻ này.`,
        ),
      ]),
  );
}

/** Doses of the national expanded programme on immunisation given to registered children. */
export function immunisationData(prisma: PrismaClient) {
  const ofRecord = rowsByParentLoader<Immunisation>(
    (ids) =>
      prisma.immunisation.findMany({
        where: { childRecordId: { in: ids } },
        orderBy: [{ givenOn: 'asc' }, { id: 'asc' }],
      }),
    (row) => row.childRecordId,
  );
  return {
    /** The doses given to a child record, by date (they carry no unit of their own: they are the record's). */
    ofRecord: (childRecordId: string) => ofRecord.load(childRecordId),
    /** The doses of the schedule not yet recorded for a child record, in schedule order. */
    missingOf: async (childRecordId: string) =>
      missingVaccines((await ofRecord.load(childRecordId)).map((dose) => dose.vaccine)),
    record: (input: ImmunisationInput, writer: Writer) => recordImmunisation(prisma, input, writer),
  };
}
