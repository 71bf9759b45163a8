import { onUniqueViolation, rowsByParentLoader } from '@ecd/database';
import {
  isProblem,
  isUuid,
  locateCommuneOn,
  problem,
  rejectInput,
  todayInVietnam,
  type InputProblem,
} from '@ecd/service-kit';

import { antenatalVisitProblems, pregnancyProblems } from '../domain/antenatal.js';
import type { AntenatalVisit, PrismaClient } from '../generated/prisma/client.js';
import type { Writer } from './writer.js';

export interface PregnancyInput {
  communeCode: string;
  expectedDeliveryDate: Date;
  motherBirthYear: number;
}

export interface AntenatalVisitInput {
  pregnancyId: string;
  visitedOn: Date;
  gestationalWeek: number;
}

/** Starts following a pregnancy, located in the commune valid on its expected delivery date (in the person's territory). */
async function registerPregnancy(prisma: PrismaClient, input: PregnancyInput, { identity, access }: Writer) {
  const problems: InputProblem[] = pregnancyProblems(input, todayInVietnam());
  const location = locateCommuneOn('communeCode', input.communeCode, input.expectedDeliveryDate);
  if (isProblem(location)) problems.push(location);
  else access.assertCovers({ code: location.communeCode, validFrom: location.communeValidFrom }, 'input.communeCode');
  if (problems.length || isProblem(location))
    return rejectInput('Thông tin quản lý thai', 'INVALID_PREGNANCY', problems);
  return prisma.pregnancy.create({
    data: {
      expectedDeliveryDate: input.expectedDeliveryDate,
      motherBirthYear: input.motherBirthYear,
      ...location,
      recordedBy: identity.userId,
    },
  });
}

/** Records one antenatal visit of a followed pregnancy (followed in the person's territory). */
async function recordAntenatalVisit(prisma: PrismaClient, input: AntenatalVisitInput, { identity, access }: Writer) {
  const pregnancy = isUuid(input.pregnancyId)
    ? await prisma.pregnancy.findUnique({
        where: { id: input.pregnancyId },
        include: { visits: { select: { visitedOn: true } } },
      })
    : null;
  if (pregnancy)
    access.assertCovers({ code: pregnancy.communeCode, validFrom: pregnancy.communeValidFrom }, 'input.pregnancyId');
  const today = todayInVietnam();
  const problems: InputProblem[] = pregnancy
    ? antenatalVisitProblems(
        input,
        { expectedDeliveryDate: pregnancy.expectedDeliveryDate, visitDays: pregnancy.visits.map((v) => v.visitedOn) },
        today,
      )
    : [
        problem('pregnancyId', 'UNKNOWN_PREGNANCY', 'Không có thai phụ này trong sổ quản lý thai.'),
        // Without the pregnancy only the checks on the visit itself apply.
        ...antenatalVisitProblems(input, { expectedDeliveryDate: new Date(8.64e15), visitDays: [] }, today).filter(
          (p) => p.reason !== 'GESTATIONAL_WEEK_INCONSISTENT',
        ),
      ];
  const what = 'Lần khám thai';
  if (problems.length) rejectInput(what, 'INVALID_ANTENATAL_VISIT', problems);
  return onUniqueViolation(
    () => prisma.antenatalVisit.create({ data: { ...input, recordedBy: identity.userId } }),
    () =>
      rejectInput(what, 'INVALID_ANTENATAL_VISIT', [
        problem('visitedOn', 'VISIT_ALREADY_RECORDED', 'Lần khám thai ngày này đã được ghi nhận.'),
      ]),
  );
}

/** Antenatal care (quản lý thai): pregnancies followed by the stations and their visits. */
export function antenatalData(prisma: PrismaClient) {
  const visits = rowsByParentLoader<AntenatalVisit>(
    (ids) =>
      prisma.antenatalVisit.findMany({
        where: { pregnancyId: { in: ids } },
        orderBy: [{ visitedOn: 'asc' }, { id: 'asc' }],
      }),
    (row) => row.pregnancyId,
  );
  return {
    /** A pregnancy's visits, by date. */
    visitsOf: (pregnancyId: string) => visits.load(pregnancyId),
    registerPregnancy: (input: PregnancyInput, writer: Writer) => registerPregnancy(prisma, input, writer),
    recordVisit: (input: AntenatalVisitInput, writer: Writer) => recordAntenatalVisit(prisma, input, writer),
  };
}
