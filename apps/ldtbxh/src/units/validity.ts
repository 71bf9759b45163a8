import type { PrismaClient } from '../generated/prisma/client.js';
import { fromIsoDate } from '@ecd/service-kit';

/** Rows valid on a day (units, agencies, functions): started on or before it and not ended before it. */
export const validOn = (day: Date) => ({
  validFrom: { lte: day },
  OR: [{ validTo: null }, { validTo: { gte: day } }],
});

/** The first day of validity of the unit that had this code on that day, if any: its identity. */
export async function unitValidFromOn(prisma: Pick<PrismaClient, 'administrativeUnit'>, code: string, asOf: string): Promise<Date | null> {
  const unit = await prisma.administrativeUnit.findFirst({ where: { code, ...validOn(fromIsoDate(asOf)) }, select: { validFrom: true } });
  return unit?.validFrom ?? null;
}
