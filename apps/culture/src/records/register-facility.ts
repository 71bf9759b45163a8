import { todayInVietnam, type ScopeGuard } from '@ecd/service-kit';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { isProblem, locateCommuneOn } from '../domain/location.js';
import { MAX_NAME_LENGTH, pastDayProblems, textProblems, type InputProblem } from '../domain/rules.js';
import type { FacilityKind } from '../domain/labels.js';
import { rejectInput } from './reject.js';

export interface CulturalFacilityInput {
  name: string;
  kind: FacilityKind;
  communeCode: string;
  communeAsOf?: Date | null | undefined;
  openedOn?: Date | null | undefined;
  servesChildren: boolean;
}

/**
 * Checks the whole input (name, the commune on `communeAsOf`, dates, a name already used in the commune),
 * then registers the facility with its commune, district (2024 units) and province. The commune must lie
 * in the person's territory (`scope`), checked before anything is looked up or written.
 */
export async function registerCulturalFacility(prisma: PrismaClient, input: CulturalFacilityInput, recordedBy: string, scope: ScopeGuard, today = todayInVietnam()) {
  const asOf = input.communeAsOf ?? today;
  const name = input.name.trim();
  const location = locateCommuneOn(input.communeCode, asOf, 'communeCode');
  if (!isProblem(location)) scope.assertCovers({ code: location.communeCode, validFrom: location.communeValidFrom }, 'input.communeCode');
  const problems: InputProblem[] = [
    ...textProblems('name', input.name, 'Tên thiết chế', MAX_NAME_LENGTH),
    ...pastDayProblems('openedOn', input.openedOn, today, 'Ngày đưa vào sử dụng'),
    ...pastDayProblems('communeAsOf', input.communeAsOf, today, 'Ngày của mã xã'),
    ...(isProblem(location) ? [location] : []),
  ];
  if (!isProblem(location) && name) {
    const existing = await prisma.culturalFacility.findFirst({
      where: { communeCode: location.communeCode, communeValidFrom: location.communeValidFrom, name },
      select: { id: true },
    });
    if (existing) problems.push(duplicateName(name));
  }
  if (problems.length || isProblem(location)) rejectInput('Thiết chế văn hóa, thể thao', 'INVALID_CULTURAL_FACILITY', problems);
  try {
    return await prisma.culturalFacility.create({
      data: { name, kind: input.kind, servesChildren: input.servesChildren, openedOn: input.openedOn ?? null, ...location, recordedBy },
    });
  } catch (error) {
    // The same name registered concurrently in the same commune: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      rejectInput('Thiết chế văn hóa, thể thao', 'INVALID_CULTURAL_FACILITY', [duplicateName(name)]);
    }
    throw error;
  }
}

const duplicateName = (name: string): InputProblem => ({ field: 'name', reason: 'DUPLICATE_FACILITY_NAME', message: `Xã/phường này đã có thiết chế tên "${name}".` });
