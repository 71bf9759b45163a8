import DataLoader from 'dataloader';

import { createUnitCountLoader, onUniqueViolation, sql } from '@ecd/database';
import {
  FIRST_DAY,
  fromIsoDate,
  isUuid,
  locateCommuneOn,
  problem,
  rejectInput,
  todayInVietnam,
  toIsoDate,
  unitKeyString,
  type InputProblem,
  type ScopeGuard,
  type UnitKey,
} from '@ecd/service-kit';

import { openedProblems, schoolProblems, schoolYearProblems } from '../domain/records.js';
import {
  countsByLevel,
  SCHOOL_KIND_LABELS,
  SCHOOL_LEVEL_LABELS,
  SCHOOL_OWNERSHIP_LABELS,
} from '../domain/school-level.js';
import type { RegisterSchoolInput, SchoolLevel } from '../generated/graphql.js';
import type { PrismaClient, School } from '../generated/prisma/client.js';
import { assertCommuneCovered } from './location.js';

/**
 * The School type's fields from a row. The location columns stay on the object: the access guard of
 * School's fields reads the commune from them (see locationOf in @ecd/service-kit).
 */
export function schoolView(school: School) {
  const key = (code: string, validFrom: Date): UnitKey => ({ code, validFrom: toIsoDate(validFrom) });
  return {
    communeCode: school.communeCode,
    communeValidFrom: school.communeValidFrom,
    id: school.id,
    name: school.name,
    level: school.level,
    levelLabel: SCHOOL_LEVEL_LABELS[school.level],
    ownership: school.ownership,
    ownershipLabel: SCHOOL_OWNERSHIP_LABELS[school.ownership],
    kind: school.kind,
    kindLabel: SCHOOL_KIND_LABELS[school.kind],
    commune: key(school.communeCode, school.communeValidFrom),
    district:
      school.districtCode && school.districtValidFrom ? key(school.districtCode, school.districtValidFrom) : null,
    province: key(school.provinceCode, school.provinceValidFrom),
    openedOn: school.openedOn,
  };
}

/** The school an input names, or a problem; a school outside the person's territory is refused (FORBIDDEN). */
async function findSchool(prisma: PrismaClient, schoolId: string, scope: ScopeGuard): Promise<School | InputProblem> {
  const school = isUuid(schoolId) ? await prisma.school.findUnique({ where: { id: schoolId } }) : null;
  if (!school) return problem('schoolId', 'UNKNOWN_SCHOOL', `Không có trường mã "${schoolId}".`);
  assertCommuneCovered(scope, school, 'input.schoolId');
  return school;
}

/**
 * The school a yearly record (survey, pupil statistics) names, refused outside the person's territory,
 * with the problems of the school and the school year: unknown school, a year out of range or before
 * the school opened.
 */
export async function schoolOfYearRecord(
  prisma: PrismaClient,
  schoolId: string,
  year: number,
  scope: ScopeGuard,
): Promise<{ school: School | null; problems: InputProblem[] }> {
  const found = await findSchool(prisma, schoolId, scope);
  const years = schoolYearProblems(year, todayInVietnam());
  if ('reason' in found) return { school: null, problems: [found, ...years] };
  return { school: found, problems: [...openedProblems(found.openedOn, year), ...years] };
}

/** The schools of each unit (any level), in one query for all units of a request, by level then name. */
async function schoolsIn(prisma: PrismaClient, keys: readonly UnitKey[]): Promise<School[][]> {
  const schools = await prisma.school.findMany({
    where: {
      OR: keys.flatMap(({ code, validFrom }) => {
        const on = fromIsoDate(validFrom);
        return [
          { communeCode: code, communeValidFrom: on },
          { districtCode: code, districtValidFrom: on },
          { provinceCode: code, provinceValidFrom: on },
        ];
      }),
    },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
  });
  const within = (school: School, { code, validFrom }: UnitKey) =>
    (school.communeCode === code && toIsoDate(school.communeValidFrom) === validFrom) ||
    (school.districtCode === code &&
      school.districtValidFrom !== null &&
      toIsoDate(school.districtValidFrom) === validFrom) ||
    (school.provinceCode === code && toIsoDate(school.provinceValidFrom) === validFrom);
  return keys.map((key) => schools.filter((school) => within(school, key)));
}

/** Schools: the units' schools and counts by level (batched per request), and registering a school. */
export function schoolData(prisma: PrismaClient) {
  // Schools (trường) only: an independent group or class is not a school.
  const countsByUnit = createUnitCountLoader(prisma, 'school', {
    groupBy: 'level',
    filter: sql`t.kind = 'SCHOOL'`,
    levels: ['commune', 'district', 'province'],
  });
  const schoolsByUnit = new DataLoader<UnitKey, School[], string>((keys) => schoolsIn(prisma, keys), {
    cacheKeyFn: unitKeyString,
  });
  return {
    /** Every level with the unit's number of schools (trường) of it. */
    countsByLevel: async (unit: UnitKey) => countsByLevel(await countsByUnit.load(unit)),

    /** The unit's schools (all its communes for a district or province), of one level if given. */
    inUnit: async (unit: UnitKey, level: SchoolLevel | null | undefined) =>
      (await schoolsByUnit.load(unit)).filter((school) => !level || school.level === level).map(schoolView),

    /** Registers a school in a commune of the person's territory (`scope`), after checking every field. */
    async register(input: RegisterSchoolInput, recordedBy: string, scope: ScopeGuard) {
      const problems = schoolProblems(input, todayInVietnam());
      const kind = input.kind ?? 'SCHOOL';
      const name = input.name.trim();
      const alreadyRegistered = problem(
        'name',
        'SCHOOL_ALREADY_REGISTERED',
        `Xã/phường ${input.communeCode} đã có trường "${name}".`,
      );
      const location = locateCommuneOn(
        'communeCode',
        input.communeCode,
        Number.isNaN(input.openedOn.getTime()) ? FIRST_DAY : input.openedOn,
      );
      if ('reason' in location) problems.push(location);
      else {
        assertCommuneCovered(scope, location, 'input.communeCode');
        const existing = await prisma.school.findFirst({
          where: { name, communeCode: location.communeCode, communeValidFrom: location.communeValidFrom },
        });
        if (existing) problems.push(alreadyRegistered);
      }
      if (problems.length || 'reason' in location) rejectInput('Thông tin trường', 'INVALID_SCHOOL', problems);
      // The same school registered at the same moment by someone else.
      const school = await onUniqueViolation(
        () =>
          prisma.school.create({
            data: {
              name,
              level: input.level,
              ownership: input.ownership ?? 'PUBLIC',
              kind,
              openedOn: input.openedOn,
              ...location,
              recordedBy,
            },
          }),
        () => rejectInput('Thông tin trường', 'INVALID_SCHOOL', [alreadyRegistered]),
      );
      return schoolView(school);
    },
  };
}
