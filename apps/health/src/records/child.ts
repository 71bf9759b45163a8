import { childKeyFromInput, conflict, isUuid, todayInVietnam, type ScopeGuard } from '@ecd/service-kit';
import type { PrismaClient, Sex } from '../generated/prisma/client.js';
import { registrationProblems, serviceContactProblems } from '../domain/child-services.js';
import type { InputProblem } from '../domain/epi-schedule.js';
import { communeColumns, isProblem, isUniqueViolation, rejectInput } from './problems.js';
import { afterChildRegistered, afterServiceRecorded } from './tallies.js';

/** A Child entity as the gateway asks for it: its federation key only. */
export interface ChildReference {
  key: string;
}

export interface RegisterChildInput {
  personalId?: string | null | undefined;
  birthDate: Date;
  sex: Sex;
  communeCode: string;
}

const alreadyRegistered = (childRecordId?: string) =>
  conflict('Trẻ có số định danh cá nhân này đã có trong sổ quản lý trẻ em.', {
    field: 'input.personalId',
    reason: 'CHILD_ALREADY_REGISTERED',
    ...(childRecordId ? { childRecordId } : {}),
  });

/** Whether a unit lies in the person's territory. */
function inScope(scope: ScopeGuard, unit: { code: string; validFrom: Date }): boolean {
  try {
    scope.assertCovers(unit);
    return true;
  } catch {
    return false;
  }
}

/**
 * Registers a child 0-8 in the commune valid today. Only the HMAC key of the personal identification
 * number is stored. Every input problem is reported at once; a number already registered is a CONFLICT.
 * The commune must lie in the person's territory (checked before anything is looked up or written).
 */
export async function registerChild(prisma: PrismaClient, input: RegisterChildInput, secret: string, recordedBy: string, scope: ScopeGuard) {
  const today = todayInVietnam();
  const problems: InputProblem[] = [...registrationProblems(input, today)];
  let childKey: string | null = null;
  if (input.personalId != null) {
    try {
      childKey = childKeyFromInput(input.personalId, secret, 'personalId');
    } catch (error) {
      problems.push({ field: 'personalId', reason: 'INVALID_PERSONAL_ID', message: (error as Error).message });
    }
  }
  const location = communeColumns(input.communeCode, today);
  if (isProblem(location)) problems.push(location);
  else scope.assertCovers({ code: location.communeCode, validFrom: location.communeValidFrom }, 'input.communeCode');
  if (problems.length || isProblem(location)) throw rejectInput('Thông tin đăng ký trẻ', 'INVALID_CHILD_REGISTRATION', problems);
  if (childKey) {
    const existing = await prisma.childRecord.findUnique({ where: { childKey }, select: { id: true, communeCode: true, communeValidFrom: true } });
    // The existing record's id only to whom may see it; to others the CONFLICT says no more than that the number is registered.
    if (existing) throw alreadyRegistered(inScope(scope, { code: existing.communeCode, validFrom: existing.communeValidFrom }) ? existing.id : undefined);
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const child = await tx.childRecord.create({ data: { birthDate: input.birthDate, sex: input.sex, childKey, ...location, recordedBy } });
      await afterChildRegistered(tx, child.id);
      return child;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyRegistered();
    throw error;
  }
}

/**
 * The registered child and the station named by an input, or the problems of not finding them. A child
 * registered, or a station located, outside the person's territory is refused (FORBIDDEN) before
 * anything else is checked.
 */
export async function childAndStation(prisma: PrismaClient, childRecordId: string, stationId: string, scope: ScopeGuard) {
  const [child, station] = await Promise.all([
    isUuid(childRecordId) ? prisma.childRecord.findUnique({ where: { id: childRecordId } }) : null,
    isUuid(stationId) ? prisma.healthStation.findUnique({ where: { id: stationId }, select: { id: true, communeCode: true, communeValidFrom: true } }) : null,
  ]);
  if (child) scope.assertCovers({ code: child.communeCode, validFrom: child.communeValidFrom }, 'input.childRecordId');
  // The station the dose or contact is recorded at must lie in the territory too: a record at a station
  // outside it would be committed yet unreadable by its writer (inviting a duplicate retry).
  if (station) scope.assertCovers({ code: station.communeCode, validFrom: station.communeValidFrom }, 'input.stationId');
  const problems: InputProblem[] = [];
  if (!child) problems.push({ field: 'childRecordId', reason: 'UNKNOWN_CHILD_RECORD', message: 'Không có trẻ này trong sổ quản lý trẻ em.' });
  if (!station) problems.push({ field: 'stationId', reason: 'UNKNOWN_STATION', message: 'Không có trạm y tế này.' });
  return { child, problems };
}

export interface HealthServiceContactInput {
  childRecordId: string;
  kind: 'GROWTH_MONITORING' | 'NUTRITION_COUNSELLING' | 'VITAMIN_A_SUPPLEMENTATION' | 'DEWORMING' | 'DEVELOPMENTAL_SCREENING' | 'SICK_CHILD_CARE' | 'MICRONUTRIENT_SUPPLEMENTATION';
  servedOn: Date;
  stationId: string;
}

/** Records one health or nutrition service given to a registered child 0-8. */
export async function recordHealthServiceContact(prisma: PrismaClient, input: HealthServiceContactInput, recordedBy: string, scope: ScopeGuard) {
  const { child, problems } = await childAndStation(prisma, input.childRecordId, input.stationId, scope);
  const today = todayInVietnam();
  if (child) {
    const contacts = await prisma.healthServiceContact.findMany({ where: { childRecordId: child.id, servedOn: input.servedOn }, select: { kind: true, servedOn: true } });
    problems.push(...serviceContactProblems(input, { birthDate: child.birthDate, contacts }, today));
  } else if (input.servedOn > today) {
    // Without the child only the day itself can be checked.
    problems.push(...serviceContactProblems(input, { birthDate: input.servedOn, contacts: [] }, today).filter((p) => p.reason === 'SERVED_IN_FUTURE'));
  }
  const reject = () => rejectInput('Dịch vụ y tế, dinh dưỡng', 'INVALID_HEALTH_SERVICE_CONTACT', problems);
  if (problems.length) throw reject();
  try {
    return await prisma.$transaction(async (tx) => {
      const contact = await tx.healthServiceContact.create({ data: { ...input, recordedBy } });
      await afterServiceRecorded(tx, contact.childRecordId, contact.id);
      return contact;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    problems.push({ field: 'kind', reason: 'CONTACT_ALREADY_RECORDED', message: 'Dịch vụ này đã được ghi nhận cho trẻ vào ngày này.' });
    throw reject();
  }
}
