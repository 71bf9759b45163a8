import {
  REFORM_DATE,
  UNIT_LISTS,
  readCommuneSuccessions,
  readProvinceSuccessions,
  readUnitList,
  type UnitList,
} from '@ecd/reference-data';
import { bulkInsert } from '@ecd/database';
import type { Logger } from '@ecd/service-kit';
import type { PrismaClient, Prisma } from '../generated/prisma/client.js';
import { fromIsoDate } from '@ecd/service-kit';

const LEVEL_ORDER = { province: 0, district: 1, commune: 2 } as const;
function unitRows(list: UnitList): Prisma.AdministrativeUnitCreateManyInput[] {
  const validFrom = fromIsoDate(list.validFrom);
  const validTo = list.validTo ? fromIsoDate(list.validTo) : null;
  return readUnitList(list)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
    .map((unit) => ({
      code: unit.code,
      validFrom,
      validTo,
      name: unit.name,
      fullName: unit.fullName,
      level: unit.level.toUpperCase() as Prisma.AdministrativeUnitCreateManyInput['level'],
      type: unit.type,
      parentCode: unit.parentCode,
      parentValidFrom: unit.parentCode ? validFrom : null,
    }));
}

function successionRows(before: UnitList, after: UnitList): Prisma.UnitSuccessionCreateManyInput[] {
  const predecessorValidFrom = fromIsoDate(before.validFrom);
  const successorValidFrom = fromIsoDate(after.validFrom);
  const effectiveOn = fromIsoDate(REFORM_DATE);
  const row = (from: string, to: string, confidence: string, shareNote: string | null, note: string | null) => ({
    predecessorCode: from,
    predecessorValidFrom,
    successorCode: to,
    successorValidFrom,
    effectiveOn,
    confidence,
    shareNote,
    note,
  });
  return [
    ...readProvinceSuccessions().map((p) => row(p.oldProvinceCode, p.newProvinceCode, p.confidence, null, null)),
    // Island districts had no communes: the district itself became a đặc khu.
    ...readCommuneSuccessions().map((c) => row(c.oldCommuneCode ?? c.oldDistrictCode, c.newCommuneCode, c.confidence, c.shareNote, c.note)),
  ];
}

/**
 * Loads the official unit lists and the 2025 succession links the first time the database starts
 * (reference data, not demo data); later starts find them and do nothing.
 */
export async function loadReferenceUnits(prisma: PrismaClient, logger: Logger): Promise<void> {
  const [before, after] = UNIT_LISTS as [UnitList, UnitList];
  const loaded = await prisma.administrativeUnit.groupBy({ by: ['validFrom'], _count: true });
  const has = (list: UnitList) => loaded.some((g) => g.validFrom.getTime() === fromIsoDate(list.validFrom).getTime());
  if (has(before) && has(after)) return;
  await prisma.$transaction(async (tx) => {
    for (const list of [before, after].filter((l) => !has(l))) {
      await bulkInsert(tx, 'administrative_unit', unitRows(list));
    }
    await tx.unitSuccession.deleteMany();
    await bulkInsert(tx, 'unit_succession', successionRows(before, after));
  });
  logger.info('official administrative unit lists loaded');
}
