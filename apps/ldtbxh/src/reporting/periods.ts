import { badInput, conflict, fromIsoDate, isUuid, notFound, type Located, type ScopeGuard } from '@ecd/service-kit';
import type { PrismaClient, ReportFrequency } from '../generated/prisma/client.js';
import { validOn } from '../units/validity.js';

type Scoped = { scopeUnitCode: string | null; scopeUnitValidFrom: Date | null };

/** The unit a plan covers, or null for a national scheme (the whole country: national roles only). */
export const planScope = (plan: Scoped): Located | null =>
  plan.scopeUnitCode && plan.scopeUnitValidFrom ? { code: plan.scopeUnitCode, validFrom: plan.scopeUnitValidFrom } : null;

/**
 * A period as its fields are read: with its plan's unit as `unitCode`/`unitValidFrom`, which the access
 * guard of report:read fields checks against the person's territory (none for a national scheme).
 */
export const withPlanScope = <P extends object>(period: P, plan: Scoped) => ({ ...period, unitCode: plan.scopeUnitCode, unitValidFrom: plan.scopeUnitValidFrom });

/**
 * Opens the period a plan's reporting rule defines for a year, with one expected report per
 * reporting agency that exists on the due day (agencies dissolved by then no longer report).
 * The plan's unit must lie in the person's territory (`scope`).
 */
export async function openReportingPeriod(prisma: PrismaClient, planKey: string, frequency: ReportFrequency, year: number, actor: string, scope: ScopeGuard) {
  const plan = await prisma.plan.findUnique({ where: { key: planKey }, include: { rules: true, tasks: true } });
  if (!plan) throw notFound(`Không có kế hoạch "${planKey}".`, { field: 'planKey', reason: 'UNKNOWN_PLAN' });
  scope.assertCoversScope(planScope(plan), 'planKey');
  const rule = plan.rules.find((r) => r.frequency === frequency);
  if (!rule) throw badInput(`Kế hoạch không quy định báo cáo loại ${frequency}.`, { field: 'frequency', reason: 'NO_REPORTING_RULE' });
  if (year < plan.periodStart || year > plan.periodEnd) {
    throw badInput(`Năm ${year} nằm ngoài thời kỳ kế hoạch ${plan.periodStart}-${plan.periodEnd}.`, { field: 'year', reason: 'YEAR_OUTSIDE_PERIOD' });
  }
  if (frequency !== 'ANNUAL' && !rule.years.includes(year)) {
    throw badInput(`Kế hoạch không quy định báo cáo ${frequency} năm ${year}.`, { field: 'year', reason: 'NO_REVIEW_THAT_YEAR' });
  }
  const dueOn = fromIsoDate(`${year}-${rule.due}`);
  const named = rule.reporterCodes.length ? rule.reporterCodes : [...new Set(plan.tasks.flatMap((t) => [t.leadCode, ...t.coordinatingCodes]))];
  const reporters = await prisma.agency.findMany({ where: { code: { in: named }, ...validOn(dueOn) }, select: { code: true }, orderBy: { code: 'asc' } });
  if (!reporters.length) throw badInput('Không còn cơ quan nào phải báo cáo vào ngày hạn.', { field: 'year', reason: 'NO_REPORTERS' });
  const existing = await prisma.reportingPeriod.findUnique({ where: { planId_frequency_year: { planId: plan.id, frequency, year } } });
  if (existing) throw conflict(`Kỳ báo cáo ${frequency} năm ${year} của kế hoạch này đã được mở.`, { field: 'year', reason: 'PERIOD_ALREADY_OPEN', periodId: existing.id });
  return prisma.reportingPeriod.create({
    data: {
      planId: plan.id,
      frequency,
      year,
      dueOn,
      recipientCode: rule.recipientCode,
      openedBy: actor,
      expected: { create: reporters.map((r) => ({ reporterCode: r.code })) },
    },
  });
}

/** Closes a period of a plan whose unit lies in the person's territory (`scope`). */
export async function closeReportingPeriod(prisma: PrismaClient, periodId: string, scope: ScopeGuard) {
  const period = await findPeriod(prisma, periodId);
  scope.assertCoversScope(planScope(await prisma.plan.findUniqueOrThrow({ where: { id: period.planId } })), 'periodId');
  if (!period.open) throw conflict('Kỳ báo cáo đã đóng.', { field: 'periodId', reason: 'PERIOD_CLOSED' });
  return prisma.reportingPeriod.update({ where: { id: periodId }, data: { open: false } });
}

export async function findPeriod(prisma: Pick<PrismaClient, 'reportingPeriod'>, periodId: string) {
  const period = isUuid(periodId) ? await prisma.reportingPeriod.findUnique({ where: { id: periodId } }) : null;
  if (!period) throw notFound('Không có kỳ báo cáo này.', { field: 'periodId', reason: 'UNKNOWN_PERIOD' });
  return period;
}
