import { notFound, toIsoDate, fromIsoDate } from '@ecd/service-kit';
import type { SectorValue, SexFigure } from '@ecd/database';
import type { AdministrativeUnit, Plan, PlanTarget, PrismaClient } from '../generated/prisma/client.js';
import { validOn } from '../units/validity.js';

/** A target's progress in a unit and year, as the entity key carries it (and, on the way back, education's and health's figures). */
export interface TargetProgressParent {
  targetId: string;
  indicatorCode: string;
  unitCode: string;
  unitValidFrom: string | Date;
  year: number;
  education?: SectorValue | null;
  health?: SectorValue | null;
  educationBySex?: SexFigure[] | null;
  healthBySex?: SexFigure[] | null;
}

const progressOf = (target: PlanTarget, unit: AdministrativeUnit, year: number): TargetProgressParent => ({
  targetId: target.id,
  indicatorCode: target.indicatorCode!,
  unitCode: unit.code,
  unitValidFrom: toIsoDate(unit.validFrom),
  year,
});

/** The unit that had this code at the end of the year: progress is read in the units of its own time. */
export async function unitAtYearEnd(prisma: PrismaClient, code: string, year: number): Promise<AdministrativeUnit> {
  const unit = await prisma.administrativeUnit.findFirst({ where: { code, ...validOn(fromIsoDate(`${year}-12-31`)) } });
  if (!unit) throw notFound(`Không có đơn vị hành chính mã ${code} vào cuối năm ${year}.`, { field: 'unitCode', reason: 'UNKNOWN_UNIT_CODE' });
  return unit;
}

/** Every numeric target of a plan in a unit (and, when asked, in each of its communes). */
export async function planProgress(prisma: PrismaClient, plan: Plan, options: { year: number; unitCode: string | null | undefined; byCommune: boolean }) {
  const code = options.unitCode ?? plan.scopeUnitCode;
  if (!code) throw notFound('Đề án quốc gia không gắn với đơn vị hành chính: hãy chọn một đơn vị.', { field: 'unitCode', reason: 'UNIT_REQUIRED' });
  const unit = await unitAtYearEnd(prisma, code, options.year);
  const communes = options.byCommune
    ? await prisma.administrativeUnit.findMany({
        where: {
          level: 'COMMUNE',
          OR: [{ parentCode: unit.code, parentValidFrom: unit.validFrom }, { parent: { parentCode: unit.code, parentValidFrom: unit.validFrom } }],
        },
        orderBy: { code: 'asc' },
      })
    : [];
  const targets = await prisma.planTarget.findMany({ where: { planId: plan.id, indicatorCode: { not: null } }, orderBy: { ordinal: 'asc' } });
  return targets.flatMap((target) => [unit, ...communes].map((u) => progressOf(target, u, options.year)));
}

export { progressOf };
