import { randomUUID } from 'node:crypto';
import { bulkInsert } from '@ecd/database';
import { UNIT_LISTS, locateUnit, type UnitLevelLocation } from '@ecd/reference-data';
import { badInput, conflict, fromIsoDate, isUuid, todayInVietnam, toIsoDate, type ScopeGuard } from '@ecd/service-kit';
import type { PrismaClient, School } from './generated/prisma/client.js';
import type { ChildPopulationInput, RegisterSchoolInput, SchoolEnrolmentInput, SchoolSurveyInput } from './generated/graphql.js';
import { SCHOOL_LEVELS } from './domain/school-level.js';
import { enrolmentProblems, populationProblems, schoolProblems, surveyProblems, yearProblems, type InputProblem } from './domain/records.js';

const FIRST_UNIT_LIST_DAY = UNIT_LISTS[0]!.validFrom;

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/**
 * Runs a versioned write; two submissions for the same school (or commune) and year at the same moment
 * would take the same version number, and the unique index refuses the second: a typed conflict.
 */
async function versioned<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw conflict('Một bản khác của số liệu này vừa được ghi cùng lúc; không có dữ liệu nào được ghi, hãy gửi lại.', { field: 'input', reason: 'CONCURRENT_SUBMISSION' });
  }
}

function reject(what: string, reason: string, problems: InputProblem[]): never {
  throw badInput(`${what} có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, {
    field: 'input',
    reason,
    problems: problems.map((p) => ({ ...p, field: `input.${p.field}` })),
  });
}

/** A commune in the unit list valid on `day` (the first list's first day for earlier days), or a problem. */
function locateCommuneOn(communeCode: string, day: string, what: string): UnitLevelLocation | InputProblem {
  const on = day < FIRST_UNIT_LIST_DAY ? FIRST_UNIT_LIST_DAY : day;
  const location = locateUnit(communeCode, on);
  if (!location?.communeCode) {
    return { field: 'communeCode', reason: 'UNKNOWN_COMMUNE_CODE', message: `Không có xã/phường mã "${communeCode}" vào ngày ${on} (${what}).` };
  }
  return location;
}

const locationColumns = (l: UnitLevelLocation) => ({
  communeCode: l.communeCode!,
  communeValidFrom: fromIsoDate(l.communeValidFrom!),
  districtCode: l.districtCode,
  districtValidFrom: l.districtValidFrom ? fromIsoDate(l.districtValidFrom) : null,
  provinceCode: l.provinceCode,
  provinceValidFrom: fromIsoDate(l.provinceValidFrom),
});

/** The commune a location lies in, as the access checks take it. */
const communeOf = (l: UnitLevelLocation) => ({ code: l.communeCode!, validFrom: l.communeValidFrom! });

/**
 * The School type's fields from a row. The location columns stay on the object: the access guard of
 * School's fields reads the commune from them (see locationOf in @ecd/service-kit).
 */
export function schoolView(school: School) {
  const key = (code: string, validFrom: Date) => ({ code, validFrom: toIsoDate(validFrom) });
  return {
    communeCode: school.communeCode,
    communeValidFrom: school.communeValidFrom,
    id: school.id,
    name: school.name,
    level: school.level,
    levelLabel: SCHOOL_LEVELS.find((l) => l.level === school.level)!.label,
    commune: key(school.communeCode, school.communeValidFrom),
    district: school.districtCode && school.districtValidFrom ? key(school.districtCode, school.districtValidFrom) : null,
    province: key(school.provinceCode, school.provinceValidFrom),
    openedOn: school.openedOn,
  };
}

/** Registers a school in a commune of the person's territory. */
export async function registerSchool(prisma: PrismaClient, input: RegisterSchoolInput, recordedBy: string, scope: ScopeGuard) {
  const today = todayInVietnam();
  const problems = schoolProblems(input, today);
  const openedDay = Number.isNaN(input.openedOn.getTime()) ? FIRST_UNIT_LIST_DAY : toIsoDate(input.openedOn);
  const location = locateCommuneOn(input.communeCode, openedDay, 'ngày thành lập');
  if ('reason' in location) problems.push(location);
  else {
    scope.assertCovers(communeOf(location), 'input.communeCode');
    const name = input.name.trim();
    const existing = await prisma.school.findFirst({ where: { name, communeCode: location.communeCode!, communeValidFrom: fromIsoDate(location.communeValidFrom!) } });
    if (existing) problems.push({ field: 'name', reason: 'SCHOOL_ALREADY_REGISTERED', message: `Xã/phường ${input.communeCode} đã có trường "${name}".` });
  }
  if (problems.length || 'reason' in location) reject('Thông tin trường', 'INVALID_SCHOOL', problems);
  try {
    const school = await prisma.school.create({
      data: { name: input.name.trim(), level: input.level, openedOn: input.openedOn, ...locationColumns(location), recordedBy },
    });
    return schoolView(school);
  } catch (error) {
    // The same school registered at the same moment by someone else.
    if (!isUniqueViolation(error)) throw error;
    return reject('Thông tin trường', 'INVALID_SCHOOL', [{ field: 'name', reason: 'SCHOOL_ALREADY_REGISTERED', message: `Xã/phường ${input.communeCode} đã có trường "${input.name.trim()}".` }]);
  }
}

/** The school an input names, or a problem; a school outside the person's territory is refused (FORBIDDEN). */
async function findSchool(prisma: PrismaClient, schoolId: string, scope: ScopeGuard): Promise<School | InputProblem> {
  const school = isUuid(schoolId) ? await prisma.school.findUnique({ where: { id: schoolId } }) : null;
  if (school) scope.assertCovers({ code: school.communeCode, validFrom: school.communeValidFrom }, 'input.schoolId');
  return school ?? { field: 'schoolId', reason: 'UNKNOWN_SCHOOL', message: `Không có trường mã "${schoolId}".` };
}

/** A school's records of a year must not predate its opening: the school year ending in `year` ends on 31 May of `year`. */
function openedProblems(school: School, year: number): InputProblem[] {
  return school.openedOn && Number.isInteger(year) && toIsoDate(school.openedOn) > `${year}-05-31`
    ? [{ field: 'year', reason: 'BEFORE_SCHOOL_OPENED', message: `Trường thành lập ngày ${toIsoDate(school.openedOn)}, sau năm học kết thúc năm ${year}.` }]
    : [];
}

export async function recordSchoolSurvey(prisma: PrismaClient, input: SchoolSurveyInput, recordedBy: string, scope: ScopeGuard) {
  const school = await findSchool(prisma, input.schoolId, scope);
  const problems = [
    ...('reason' in school ? [school] : openedProblems(school, input.year)),
    ...yearProblems(input.year, todayInVietnam()),
    ...surveyProblems(input),
  ];
  if (problems.length) reject('Phiếu khảo sát trường học', 'INVALID_SCHOOL_SURVEY', problems);
  return versioned(() => prisma.$transaction(async (tx) => {
    const latest = await tx.schoolSurvey.aggregate({ where: { schoolId: input.schoolId, year: input.year }, _max: { version: true } });
    return tx.schoolSurvey.create({ data: { ...input, version: (latest._max.version ?? 0) + 1, recordedBy } });
  }));
}

export async function recordSchoolEnrolment(prisma: PrismaClient, input: SchoolEnrolmentInput, recordedBy: string, scope: ScopeGuard) {
  const school = await findSchool(prisma, input.schoolId, scope);
  const problems = [
    ...('reason' in school ? [school] : openedProblems(school, input.year)),
    ...yearProblems(input.year, todayInVietnam()),
    ...enrolmentProblems('reason' in school ? null : school.level, input.enrolment, input.gradeFlows),
  ];
  if (problems.length) reject('Số liệu học sinh', 'INVALID_SCHOOL_ENROLMENT', problems);
  const id = randomUUID();
  const report = await versioned(() => prisma.$transaction(async (tx) => {
    const latest = await tx.enrolmentReport.aggregate({ where: { schoolId: input.schoolId, year: input.year }, _max: { version: true } });
    const created = await tx.enrolmentReport.create({ data: { id, schoolId: input.schoolId, year: input.year, version: (latest._max.version ?? 0) + 1, recordedBy } });
    await bulkInsert(tx, 'enrolment_count', input.enrolment.map((row) => ({ id: randomUUID(), reportId: id, ...row })));
    await bulkInsert(tx, 'grade_flow', input.gradeFlows.map((flow) => ({ id: randomUUID(), reportId: id, ...flow })));
    return created;
  }));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    id: report.id,
    schoolId: report.schoolId,
    year: report.year,
    version: report.version,
    pupils: sum(input.enrolment.map((r) => r.pupils)),
    pupilsWithDisabilities: sum(input.enrolment.map((r) => r.pupilsWithDisabilities)),
    dropouts: sum(input.gradeFlows.map((f) => f.droppingOut)),
    recordedBy: report.recordedBy,
    recordedAt: report.createdAt.toISOString(),
  };
}

export async function recordChildPopulation(prisma: PrismaClient, input: ChildPopulationInput, recordedBy: string, scope: ScopeGuard) {
  const years = yearProblems(input.year, todayInVietnam());
  const location = locateCommuneOn(input.communeCode, years.length ? FIRST_UNIT_LIST_DAY : `${input.year - 1}-09-05`, 'khai giảng năm học');
  if (!('reason' in location)) scope.assertCovers(communeOf(location), 'input.communeCode');
  const problems = [...years, ...('reason' in location ? [location] : []), ...populationProblems(input.source, input.counts)];
  if (problems.length || 'reason' in location) reject('Số liệu điều tra phổ cập', 'INVALID_CHILD_POPULATION', problems);
  const id = randomUUID();
  const report = await versioned(() => prisma.$transaction(async (tx) => {
    const columns = locationColumns(location);
    const latest = await tx.childPopulationReport.aggregate({
      where: { communeCode: columns.communeCode, communeValidFrom: columns.communeValidFrom, year: input.year },
      _max: { version: true },
    });
    const created = await tx.childPopulationReport.create({
      data: { id, year: input.year, version: (latest._max.version ?? 0) + 1, source: input.source.trim(), ...columns, recordedBy },
    });
    await bulkInsert(tx, 'child_population_count', input.counts.map((row) => ({ id: randomUUID(), reportId: id, ...row })));
    return created;
  }));
  return {
    // Kept for the access guard of the report's fields (locationOf), beside the commune entity.
    communeCode: report.communeCode,
    communeValidFrom: report.communeValidFrom,
    id: report.id,
    commune: { code: report.communeCode, validFrom: toIsoDate(report.communeValidFrom) },
    year: report.year,
    version: report.version,
    source: report.source,
    children: input.counts.reduce((total, row) => total + row.children, 0),
    recordedBy: report.recordedBy,
    recordedAt: report.createdAt.toISOString(),
  };
}
