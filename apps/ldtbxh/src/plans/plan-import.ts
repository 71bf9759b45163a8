import { fromIsoDate, toIsoDate, type ScopeGuard } from '@ecd/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';
import { planFileSchema, type PlanFile } from '../domain/plan-file.js';
import { problemsFromZod, validatePlan, type PlanContext } from '../domain/plan-validation.js';
import { unitValidFromOn } from '../units/validity.js';
import { formatDocument, invalidDocument, parseDocumentText, type DocumentFormat } from './plan-documents.js';

export interface ImportSummary {
  key: string;
  targets: number;
  numericTargets: number;
  milestones: number;
  tasks: number;
  reportingRules: number;
}

async function planContext(prisma: PrismaClient): Promise<PlanContext> {
  const [indicators, agencies, plans] = await Promise.all([
    prisma.indicator.findMany({ select: { code: true, kind: true, factor: true } }),
    prisma.agency.findMany({ select: { code: true } }),
    prisma.plan.findMany({ select: { key: true, number: true } }),
  ]);
  return {
    indicators: new Map(indicators.map((i) => [i.code, { kind: i.kind, factor: i.factor.toNumber() }])),
    agencies: new Set(agencies.map((a) => a.code)),
    plans: new Map(plans.map((p) => [p.key, { number: p.number }])),
    unitExists: () => true, // checked below, against the database, for the one unit a plan names
  };
}

/** Parses and checks a plan document completely, returning the plan or throwing every problem at once. */
export async function checkPlanDocument(prisma: PrismaClient, text: string, format: DocumentFormat): Promise<{ plan: PlanFile; scopeValidFrom: Date | null }> {
  const { value, problems } = parseDocumentText(text, format);
  if (problems.length) throw invalidDocument('Tệp kế hoạch', problems);
  const parsed = planFileSchema.safeParse(value);
  if (!parsed.success) throw invalidDocument('Tệp kế hoạch', problemsFromZod(parsed.error));
  const plan = parsed.data;
  const scopeValidFrom = plan.scope ? await unitValidFromOn(prisma, plan.scope.unit, plan.scope.asOf) : null;
  const context = await planContext(prisma);
  const found = validatePlan(plan, { ...context, unitExists: () => scopeValidFrom !== null });
  if (found.length) throw invalidDocument('Tệp kế hoạch', found);
  return { plan, scopeValidFrom };
}

export function summarise(plan: PlanFile): ImportSummary {
  return {
    key: plan.key,
    targets: plan.targets.length,
    numericTargets: plan.targets.filter((t) => t.indicator !== undefined).length,
    milestones: plan.targets.reduce((n, t) => n + (t.milestones?.length ?? 0), 0),
    tasks: plan.tasks.length,
    reportingRules: plan.reporting.length,
  };
}

/**
 * Imports a plan document: checks everything first, then writes the plan with its targets,
 * milestones, tasks and reporting rules in one transaction, or (dry run) writes nothing.
 */
export async function importPlan(
  prisma: PrismaClient,
  text: string,
  /** `scope`: the unit the plan covers must lie in the person's territory; a national scheme needs a national role. */
  options: { format: DocumentFormat; dryRun: boolean; actor: string; scope: ScopeGuard },
): Promise<{ summary: ImportSummary; planId: string | null }> {
  const { plan, scopeValidFrom } = await checkPlanDocument(prisma, text, options.format);
  options.scope.assertCoversScope(plan.scope && scopeValidFrom ? { code: plan.scope.unit, validFrom: scopeValidFrom } : null, 'document.scope');
  if (options.dryRun) return { summary: summarise(plan), planId: null };
  const created = await prisma.$transaction(async (tx) => {
    const parent = plan.parent ? await tx.plan.findUniqueOrThrow({ where: { key: plan.parent }, select: { id: true } }) : null;
    return tx.plan.create({
      data: {
        key: plan.key,
        number: plan.number,
        title: plan.title,
        issuedOn: plan.issuedOn ? fromIsoDate(plan.issuedOn) : null,
        issuerCode: plan.issuer,
        level: plan.level,
        periodStart: plan.period.start,
        periodEnd: plan.period.end,
        parentId: parent?.id ?? null,
        scopeUnitCode: plan.scope?.unit ?? null,
        scopeUnitValidFrom: scopeValidFrom,
        generalGoal: plan.generalGoal ?? null,
        budgetSources: plan.budgetSources,
        source: plan.source ?? null,
        importedBy: options.actor,
        targets: {
          create: plan.targets.map((target, ordinal) => ({
            ordinal,
            code: target.code,
            description: target.description,
            indicatorCode: target.indicator ?? null,
            dueYear: target.dueYear ?? null,
            milestones: { create: (target.milestones ?? []).map((m) => ({ year: m.year, comparator: m.comparator, value: m.value })) },
          })),
        },
        tasks: {
          create: plan.tasks.map((task, ordinal) => ({
            ordinal,
            title: task.title,
            description: task.description ?? null,
            leadCode: task.lead,
            coordinatingCodes: task.coordinating,
          })),
        },
        rules: {
          create: plan.reporting.map((rule, ordinal) => ({
            ordinal,
            reporterCodes: rule.reporters === 'ASSIGNED_AGENCIES' ? [] : rule.reporters,
            recipientCode: rule.recipient,
            frequency: rule.frequency,
            due: rule.due,
            years: rule.years ?? [],
          })),
        },
      },
      select: { id: true },
    });
  });
  return { summary: summarise(plan), planId: created.id };
}

/** The plan as a document of the import format, so an export imports again unchanged. */
export async function exportPlan(prisma: PrismaClient, planId: string, format: DocumentFormat): Promise<string> {
  const plan = await prisma.plan.findUniqueOrThrow({
    where: { id: planId },
    include: {
      parent: { select: { key: true } },
      targets: { orderBy: { ordinal: 'asc' }, include: { milestones: { orderBy: [{ year: 'asc' }, { comparator: 'asc' }] } } },
      tasks: { orderBy: { ordinal: 'asc' } },
      rules: { orderBy: { ordinal: 'asc' } },
    },
  });
  const document: PlanFile = {
    key: plan.key,
    number: plan.number,
    title: plan.title,
    issuedOn: plan.issuedOn ? toIsoDate(plan.issuedOn) : null,
    issuer: plan.issuerCode,
    level: plan.level,
    parent: plan.parent?.key ?? null,
    scope: plan.scopeUnitCode && plan.scopeUnitValidFrom ? { unit: plan.scopeUnitCode, asOf: toIsoDate(plan.scopeUnitValidFrom) } : null,
    period: { start: plan.periodStart, end: plan.periodEnd },
    ...(plan.generalGoal ? { generalGoal: plan.generalGoal } : {}),
    ...(plan.source ? { source: plan.source } : {}),
    targets: plan.targets.map((t) => ({
      code: t.code,
      description: t.description,
      ...(t.indicatorCode ? { indicator: t.indicatorCode, milestones: t.milestones.map((m) => ({ year: m.year, comparator: m.comparator, value: m.value.toNumber() })) } : {}),
      ...(t.dueYear !== null ? { dueYear: t.dueYear } : {}),
    })),
    tasks: plan.tasks.map((t) => ({ title: t.title, ...(t.description ? { description: t.description } : {}), lead: t.leadCode, coordinating: t.coordinatingCodes })),
    budgetSources: plan.budgetSources,
    reporting: plan.rules.map((r) => ({
      reporters: r.reporterCodes.length ? r.reporterCodes : ('ASSIGNED_AGENCIES' as const),
      recipient: r.recipientCode,
      frequency: r.frequency,
      due: r.due,
      ...(r.years.length ? { years: r.years } : {}),
    })),
  };
  return formatDocument(document, format);
}

/** What the importPlan mutation returns to its resolver. */
export interface PlanImportParent extends ImportSummary {
  dryRun: boolean;
  planId: string | null;
}
