import DataLoader from 'dataloader';

import {
  createUnitCountLoader,
  loaderPerArgument,
  onUniqueViolation,
  rowsByParentLoader,
  sql,
  type UnitCount,
} from '@ecd/database';
import {
  childKeyOf,
  conflict,
  isProblem,
  isUuid,
  locateCommuneOn,
  personalIdProblems,
  problem,
  rejectInput,
  todayInVietnam,
  toIsoDate,
  type InputProblem,
  type ScopeGuard,
  type UnitKey,
} from '@ecd/service-kit';

import { birthDateWindow } from '../domain/age.js';
import { registrationProblems, serviceContactProblems } from '../domain/child-services.js';
import { communeAndProvince } from '../domain/location.js';
import type { ChildRecord, HealthServiceContact, PrismaClient, Sex } from '../generated/prisma/client.js';
import { stationForWrite } from './stations.js';
import { afterChildRegistered, afterServiceRecorded } from './tallies.js';
import type { LookupCountingWriter, Reader, Writer } from './writer.js';

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

export interface HealthServiceContactInput {
  childRecordId: string;
  kind:
    | 'GROWTH_MONITORING'
    | 'NUTRITION_COUNSELLING'
    | 'VITAMIN_A_SUPPLEMENTATION'
    | 'DEWORMING'
    | 'DEVELOPMENTAL_SCREENING'
    | 'SICK_CHILD_CARE'
    | 'MICRONUTRIENT_SUPPLEMENTATION';
  servedOn: Date;
  stationId: string;
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
 * The registered child and the station named by an input, or the problems of not finding them. A child
 * registered, or a station located, outside the person's territory is refused (FORBIDDEN) before
 * anything else is checked.
 */
export async function childAndStation(
  prisma: PrismaClient,
  childRecordId: string,
  stationId: string,
  scope: ScopeGuard,
) {
  const [child, station] = await Promise.all([
    isUuid(childRecordId) ? prisma.childRecord.findUnique({ where: { id: childRecordId } }) : null,
    stationForWrite(prisma, stationId),
  ]);
  if (child) scope.assertCovers({ code: child.communeCode, validFrom: child.communeValidFrom }, 'input.childRecordId');
  // The station the dose or contact is recorded at must lie in the territory too: a record at a station
  // outside it would be committed yet unreadable by its writer (inviting a duplicate retry).
  if (station)
    scope.assertCovers({ code: station.communeCode, validFrom: station.communeValidFrom }, 'input.stationId');
  const problems: InputProblem[] = [];
  if (!child)
    problems.push(problem('childRecordId', 'UNKNOWN_CHILD_RECORD', 'Không có trẻ này trong sổ quản lý trẻ em.'));
  if (!station) problems.push(problem('stationId', 'UNKNOWN_STATION', 'Không có trạm y tế này.'));
  return { child, problems };
}

/**
 * Registers a child 0-8 in the commune valid today. Only the HMAC key of the personal identification
 * number is stored. Every input problem is reported at once; a number already registered is a CONFLICT.
 * The commune must lie in the person's territory (checked before anything is looked up or written).
 */
async function registerChild(
  prisma: PrismaClient,
  input: RegisterChildInput,
  secret: string,
  { identity, access }: Writer,
) {
  const today = todayInVietnam();
  const problems: InputProblem[] = [...registrationProblems(input, today)];
  const personalId = input.personalId ?? null;
  if (personalId !== null) problems.push(...personalIdProblems('personalId', personalId));
  const location = locateCommuneOn('communeCode', input.communeCode, today);
  if (isProblem(location)) problems.push(location);
  else access.assertCovers({ code: location.communeCode, validFrom: location.communeValidFrom }, 'input.communeCode');
  if (problems.length || isProblem(location))
    return rejectInput('Thông tin đăng ký trẻ', 'INVALID_CHILD_REGISTRATION', problems);
  const childKey = personalId === null ? null : childKeyOf(personalId, secret);
  if (childKey) {
    const existing = await prisma.childRecord.findUnique({
      where: { childKey },
      select: { id: true, communeCode: true, communeValidFrom: true },
    });
    // The existing record's id only to whom may see it; to others the CONFLICT says no more than that the number is registered.
    if (existing)
      throw alreadyRegistered(
        inScope(access, { code: existing.communeCode, validFrom: existing.communeValidFrom }) ? existing.id : undefined,
      );
  }
  return onUniqueViolation(
    () =>
      prisma.$transaction(async (tx) => {
        const child = await tx.childRecord.create({
          data: {
            birthDate: input.birthDate,
            sex: input.sex,
            childKey,
            ...communeAndProvince(location),
            recordedBy: identity.userId,
          },
        });
        await afterChildRegistered(tx, child.id);
        return child;
      }),
    () => alreadyRegistered(),
  );
}

/** Records one health or nutrition service given to a registered child 0-8. */
async function recordServiceContact(
  prisma: PrismaClient,
  input: HealthServiceContactInput,
  { identity, access }: Writer,
) {
  const { child, problems } = await childAndStation(prisma, input.childRecordId, input.stationId, access);
  const today = todayInVietnam();
  if (child) {
    const contacts = await prisma.healthServiceContact.findMany({
      where: { childRecordId: child.id, servedOn: input.servedOn },
      select: { kind: true, servedOn: true },
    });
    problems.push(...serviceContactProblems(input, { birthDate: child.birthDate, contacts }, today));
  } else if (input.servedOn > today) {
    // Without the child only the day itself can be checked.
    problems.push(
      ...serviceContactProblems(input, { birthDate: input.servedOn, contacts: [] }, today).filter(
        (p) => p.reason === 'DATE_IN_FUTURE',
      ),
    );
  }
  const what = 'Dịch vụ y tế, dinh dưỡng';
  if (problems.length) rejectInput(what, 'INVALID_HEALTH_SERVICE_CONTACT', problems);
  return onUniqueViolation(
    () =>
      prisma.$transaction(async (tx) => {
        const contact = await tx.healthServiceContact.create({ data: { ...input, recordedBy: identity.userId } });
        await afterServiceRecorded(tx, contact.childRecordId, contact.id);
        return contact;
      }),
    () =>
      rejectInput(what, 'INVALID_HEALTH_SERVICE_CONTACT', [
        problem('kind', 'CONTACT_ALREADY_RECORDED', 'Dịch vụ này đã được ghi nhận cho trẻ vào ngày này.'),
      ]),
  );
}

/** What a feature holds per child record, for the Child entity (by key). */
interface RowsOfRecord<Row> {
  ofRecord(childRecordId: string, reader: Reader): Promise<Row[]>;
}

/**
 * Children registered with the stations (sổ quản lý trẻ em), their health services, and the Child
 * entity's fields: a Child is keyed by `key` only, so its record's commune decides whether the person
 * may see it; a child registered elsewhere is, to this person, a child health does not know.
 */
export function childData<Dose, Measurement>(
  prisma: PrismaClient,
  {
    childKeySecret,
    immunisations,
    growth,
  }: { childKeySecret: string; immunisations: RowsOfRecord<Dose>; growth: RowsOfRecord<Measurement> },
) {
  const byKey = new DataLoader<string, ChildRecord | null>(async (keys) => {
    const records = await prisma.childRecord.findMany({ where: { childKey: { in: [...keys] } } });
    const found = new Map(records.map((r) => [r.childKey, r]));
    return keys.map((key) => found.get(key) ?? null);
  });
  const serviceContacts = rowsByParentLoader<HealthServiceContact>(
    (ids) =>
      prisma.healthServiceContact.findMany({
        where: { childRecordId: { in: ids } },
        orderBy: [{ servedOn: 'asc' }, { id: 'asc' }],
      }),
    (row) => row.childRecordId,
  );
  const aged0To8ByDay = loaderPerArgument<DataLoader<UnitKey, UnitCount[], string>>();
  const recordOf = async (key: string, reader: Reader) => {
    const record = await byKey.load(key);
    return record && reader.covers({ code: record.communeCode, validFrom: record.communeValidFrom }) ? record : null;
  };
  /** The rows a feature holds for the child's record, none when the record is not in the territory. */
  const rowsOf =
    <Row>(feature: RowsOfRecord<Row>) =>
    async (key: string, reader: Reader): Promise<Row[]> => {
      const record = await recordOf(key, reader);
      return record ? feature.ofRecord(record.id, reader) : [];
    };
  return {
    /** The child's record by federation key, when it is registered in the person's territory. */
    recordOf,
    immunisationsOf: rowsOf(immunisations),
    growthMeasurementsOf: rowsOf(growth),
    serviceContactsOf: rowsOf<HealthServiceContact>({ ofRecord: (id) => serviceContacts.load(id) }),
    /** The services given to a child record, by date (they carry no unit of their own: they are the record's). */
    serviceContactsOfRecord: (childRecordId: string) => serviceContacts.load(childRecordId),
    /** Children aged 0-8 on a day (default today) registered in a unit. */
    async countAged0To8(unit: UnitKey, asOf: Date | null | undefined): Promise<number> {
      const day = asOf ?? todayInVietnam();
      const loader = aged0To8ByDay(toIsoDate(day), () => {
        const { bornAfter, bornOnOrBefore } = birthDateWindow(day, 0, 8);
        return createUnitCountLoader(prisma, 'child_record', {
          filter: sql`t.birth_date > ${toIsoDate(bornAfter)}::date AND t.birth_date <= ${toIsoDate(bornOnOrBefore)}::date`,
        });
      });
      const [row] = await loader.load(unit);
      return row?.count ?? 0;
    },
    /**
     * Registers a child. A registration with a personal number keys the child by it (its answer, or a
     * CONFLICT, tells whether the number is registered, and its key leads to the child's records in every
     * sector): like `childByPersonalId` it first counts one of the person's lookups by personal number,
     * and once those are used up no registration with a number is answered until the window ends
     * (RATE_LIMITED, nothing written). The attempt's WRITE row carries the number's key (the audit plugin notes it).
     */
    async register(input: RegisterChildInput, writer: LookupCountingWriter) {
      if (input.personalId != null) await writer.audit.limiter.consume(writer.identity.userId);
      return registerChild(prisma, input, childKeySecret, writer);
    },
    recordServiceContact: (input: HealthServiceContactInput, writer: Writer) =>
      recordServiceContact(prisma, input, writer),
  };
}
