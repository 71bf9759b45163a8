import { toIsoDate } from '@ecd/service-kit';
import { unitKeyString } from '@ecd/database';
import type { AdministrativeUnit, PrismaClient, ReportingPeriod } from '../generated/prisma/client.js';
import { reaggregate, type ReaggregatedValue } from '../domain/reaggregate.js';

export interface ReaggregatedValueParent extends Omit<ReaggregatedValue, 'unit' | 'from'> {
  unit: AdministrativeUnit;
  from: AdministrativeUnit[];
  factor: number;
}

const keyOf = (u: { code: string; validFrom: Date }) => unitKeyString({ code: u.code, validFrom: toIsoDate(u.validFrom) });

/**
 * The values a period's reports give for one indicator (each report's newest submitted or accepted
 * version), re-expressed in the units valid on `asOf` by following the succession links.
 */
export async function reaggregatedValues(prisma: PrismaClient, period: ReportingPeriod, indicatorCode: string, asOf: Date): Promise<ReaggregatedValueParent[]> {
  const indicator = await prisma.indicator.findUnique({ where: { code: indicatorCode } });
  if (!indicator) return [];
  const reports = await prisma.expectedReport.findMany({
    where: { periodId: period.id },
    include: { submissions: { where: { status: { in: ['SUBMITTED', 'ACCEPTED'] } }, orderBy: { version: 'desc' }, take: 1, include: { values: { where: { indicatorCode } } } } },
  });
  const values = reports.flatMap((r) => r.submissions[0]?.values ?? []);
  const rows = values.length
    ? await prisma.administrativeUnit.findMany({
        where: { OR: values.map((v) => ({ code: v.unitCode, validFrom: v.unitValidFrom })) },
        include: { successors: { include: { successor: true } } },
      })
    : [];
  const units = new Map<string, AdministrativeUnit>();
  const links: { predecessor: string; successor: string }[] = [];
  for (const row of rows) {
    units.set(keyOf(row), row);
    // One reform so far: a unit that ended before asOf maps to the units that succeeded it.
    if (row.validTo === null || row.validTo >= asOf) continue;
    for (const { successor } of row.successors) {
      units.set(keyOf(successor), successor);
      links.push({ predecessor: keyOf(row), successor: keyOf(successor) });
    }
  }
  const result = reaggregate(
    values.map((v) => ({ unit: unitKeyString({ code: v.unitCode, validFrom: toIsoDate(v.unitValidFrom) }), numerator: v.numerator.toNumber(), denominator: v.denominator?.toNumber() ?? null })),
    links,
  );
  return result.map((r) => ({ ...r, unit: units.get(r.unit)!, from: r.from.map((f) => units.get(f)!), factor: indicator.factor.toNumber() }));
}
