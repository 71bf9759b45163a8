import DataLoader from 'dataloader';

import { rowsByParentLoader } from '@ecd/database';
import {
  fromIsoDate,
  keysetPage,
  toIsoDate,
  unitKeyString,
  type InputProblem,
  type ScopeGuard,
  type UnitKey,
} from '@ecd/service-kit';

import { rejectAtPaths } from '../domain/document-problems.js';
import { formatDocument, parseDocumentText, type DocumentFormat } from '../domain/plan-documents.js';
import { planFileSchema, type PlanFile } from '../domain/plan-file.js';
import { problemsFromZod, validatePlan, type PlanContext } from '../domain/plan-validation.js';
import type {
  AdministrativeUnit,
  Plan,
  PlanLevel,
  PlanTarget,
  Prisma,
  PrismaClient,
  ReportingRule,
} from '../generated/prisma/client.js';
import { agencyScopeProblems, type RegistryData } from './registry.js';
import { present, rowByKeyLoader } from './rows.js';
import { ancestorsOf, findUnits, keyOrNull, unitKeyOf, unitValidFromOn, withAncestors } from './units.js';

export interface ImportSummary {
  key: string;
  targets: number;
  numericTargets: number;
  milestones: number;
  tasks: number;
  reportingRules: number;
}

/** What the importPlan mutation returns to its resolver. */
export interface PlanImportParent extends ImportSummary {
  dryRun: boolean;
  planId: string | null;
}

export interface ImportOptions {
  format: DocumentFormat;
  dryRun: boolean;
  actor: string;
  /** The unit the plan covers must lie in the person's territory; a national scheme needs a national role. */
  scope: ScopeGuard;
}

/**
 * Plans in force for each unit: national schemes, plans scoped to the unit or an ancestor, and the
 * same for the units it succeeded (a 2019 provincial plan still applies to the merged 2025 commune).
 * A few queries per batch, whatever the number of units.
 */
async function plansForUnits(prisma: PrismaClient, keys: readonly UnitKey[]): Promise<Plan[][]> {
  // Plans are few (a province holds tens), units many: load every plan once, then match scopes in memory.
  const plans = await prisma.plan.findMany({ orderBy: [{ periodStart: 'asc' }, { issuedOn: 'asc' }, { key: 'asc' }] });
  const requested = await findUnits(prisma, keys);
  const current = await withAncestors(prisma, requested);
  const currentKeys = new Set([...current.keys()]);
  const successions = (
    await prisma.unitSuccession.findMany({
      where: { successorCode: { in: [...new Set([...current.values()].map((u) => u.code))] } },
    })
  ).filter((s) =>
    currentKeys.has(unitKeyString({ code: s.successorCode, validFrom: toIsoDate(s.successorValidFrom) })),
  );
  const predecessorKeys = successions.map((s) => ({
    code: s.predecessorCode,
    validFrom: toIsoDate(s.predecessorValidFrom),
  }));
  const all = await withAncestors(prisma, new Map([...current, ...(await findUnits(prisma, predecessorKeys))]));
  const predecessorsOf = (unit: AdministrativeUnit) =>
    successions
      .filter((s) => s.successorCode === unit.code && s.successorValidFrom.getTime() === unit.validFrom.getTime())
      .map((s) => all.get(unitKeyString({ code: s.predecessorCode, validFrom: toIsoDate(s.predecessorValidFrom) })))
      .filter((u): u is AdministrativeUnit => u !== undefined);

  return keys.map((key) => {
    const unit = requested.get(unitKeyString(key));
    if (!unit) return [];
    const lineage = ancestorsOf(unit, all).flatMap((u) => [
      u,
      ...predecessorsOf(u).flatMap((p) => ancestorsOf(p, all)),
    ]);
    const scopes = new Set(lineage.map((u) => unitKeyString(unitKeyOf(u))));
    return plans.filter((p) => {
      const scope = keyOrNull(p.scopeUnitCode, p.scopeUnitValidFrom);
      return scope === null ? p.scopeUnitCode === null : scopes.has(unitKeyString(scope));
    });
  });
}

/** A plan with everything its document holds. */
const DOCUMENT_INCLUDE = {
  parent: { select: { key: true } },
  targets: {
    orderBy: { ordinal: 'asc' },
    include: { milestones: { orderBy: [{ year: 'asc' }, { comparator: 'asc' }] } },
  },
  tasks: { orderBy: { ordinal: 'asc' } },
  rules: { orderBy: { ordinal: 'asc' } },
} satisfies Prisma.PlanInclude;
type PlanWithDocument = Prisma.PlanGetPayload<{ include: typeof DOCUMENT_INCLUDE }>;

/** The plan as a document of the import format, so an export imports again unchanged. */
function planDocument(plan: PlanWithDocument): PlanFile {
  return {
    key: plan.key,
    number: plan.number,
    title: plan.title,
    issuedOn: plan.issuedOn ? toIsoDate(plan.issuedOn) : null,
    issuer: plan.issuerCode,
    level: plan.level,
    parent: plan.parent?.key ?? null,
    scope:
      plan.scopeUnitCode && plan.scopeUnitValidFrom
        ? { unit: plan.scopeUnitCode, asOf: toIsoDate(plan.scopeUnitValidFrom) }
        : null,
    period: { start: plan.periodStart, end: plan.periodEnd },
    ...(plan.generalGoal ? { generalGoal: plan.generalGoal } : {}),
    ...(plan.source ? { source: plan.source } : {}),
    targets: plan.targets.map((t) => ({
      code: t.code,
      description: t.description,
      ...(t.indicatorCode
        ? {
            indicator: t.indicatorCode,
            milestones: t.milestones.map((m) => ({
              year: m.year,
              comparator: m.comparator,
              value: m.value.toNumber(),
            })),
            ...(t.baselineYear !== null && t.baselineValue !== null
              ? { baseline: { year: t.baselineYear, value: t.baselineValue.toNumber() } }
              : {}),
          }
        : {}),
      ...(t.dueYear !== null ? { dueYear: t.dueYear } : {}),
    })),
    tasks: plan.tasks.map((t) => ({
      title: t.title,
      ...(t.description ? { description: t.description } : {}),
      lead: t.leadCode,
      coordinating: t.coordinatingCodes,
    })),
    budgetSources: plan.budgetSources,
    reporting: plan.rules.map((r) => ({
      reporters: r.reporterCodes.length ? r.reporterCodes : ('ASSIGNED_AGENCIES' as const),
      recipient: r.recipientCode,
      frequency: r.frequency,
      due: r.due,
      ...(r.years.length ? { years: r.years } : {}),
    })),
  };
}

function summarise(plan: PlanFile): ImportSummary {
  return {
    key: plan.key,
    targets: plan.targets.length,
    numericTargets: plan.targets.filter((t) => t.indicator !== undefined).length,
    milestones: plan.targets.reduce((n, t) => n + (t.milestones?.length ?? 0), 0),
    tasks: plan.tasks.length,
    reportingRules: plan.reporting.length,
  };
}

/** What the checks need, of the registries: the agencies only those the plan names (the registry holds every unit's). */
async function planContext(prisma: PrismaClient, agencyCodes: readonly string[]): Promise<PlanContext> {
  const [indicators, agencies, plans] = await Promise.all([
    prisma.indicator.findMany({ select: { code: true, kind: true, factor: true } }),
    prisma.agency.findMany({ where: { code: { in: [...new Set(agencyCodes)] } }, select: { code: true } }),
    prisma.plan.findMany({ select: { key: true, number: true } }),
  ]);
  return {
    indicators: new Map(indicators.map((i) => [i.code, { kind: i.kind, factor: i.factor.toNumber() }])),
    agencies: new Set(agencies.map((a) => a.code)),
    plans: new Map(plans.map((p) => [p.key, { number: p.number }])),
    unitExists: () => true, // checked below, against the database, for the one unit a plan names
  };
}

function rejectPlanDocument(problems: readonly InputProblem[]): never {
  rejectAtPaths('Tệp kế hoạch', 'document', 'INVALID_DOCUMENT', problems);
}

/** Every agency a plan names, at its path in the document: issuer, tasks' lead and coordinating, reporting. */
const namedAgencies = (plan: PlanFile): { path: string; code: string }[] => [
  { path: 'issuer', code: plan.issuer },
  ...plan.tasks.flatMap((task, t) => [
    { path: `tasks[${t}].lead`, code: task.lead },
    ...task.coordinating.map((code, c) => ({ path: `tasks[${t}].coordinating[${c}]`, code })),
  ]),
  ...plan.reporting.flatMap((rule, r) => [
    { path: `reporting[${r}].recipient`, code: rule.recipient },
    ...(rule.reporters === 'ASSIGNED_AGENCIES'
      ? []
      : rule.reporters.map((code, k) => ({ path: `reporting[${r}].reporters[${k}]`, code }))),
  ]),
];

/**
 * Parses and checks a plan document completely, returning the plan or throwing every problem at once.
 * The plan's unit must lie in the person's territory (`guard`), checked before the document's own
 * problems are reported once the unit is known: someone outside it learns only that.
 */
async function checkPlanDocument(
  prisma: PrismaClient,
  text: string,
  format: DocumentFormat,
  guard: ScopeGuard,
): Promise<{ plan: PlanFile; scopeValidFrom: Date | null }> {
  const { value, problems } = parseDocumentText(text, format);
  if (problems.length) rejectPlanDocument(problems);
  const parsed = planFileSchema.safeParse(value);
  if (!parsed.success) rejectPlanDocument(problemsFromZod(parsed.error, { input: value }));
  const plan = parsed.data;
  const scopeValidFrom = plan.scope ? await unitValidFromOn(prisma, plan.scope.unit, plan.scope.asOf) : null;
  const context = await planContext(
    prisma,
    namedAgencies(plan).map((n) => n.code),
  );
  const found = validatePlan(plan, { ...context, unitExists: () => scopeValidFrom !== null });

  // Issue 10: the agencies a plan names must belong to its scope, or be national (registry.ts).
  const scope = plan.scope && scopeValidFrom ? { code: plan.scope.unit, validFrom: toIsoDate(scopeValidFrom) } : null;
  if (scope || !plan.scope) guard.assertCoversScope(scope, 'document.scope');
  const outside = await agencyScopeProblems(prisma, namedAgencies(plan), scope);

  if (found.length || outside.length) rejectPlanDocument([...found, ...outside]);
  return { plan, scopeValidFrom };
}

/**
 * Imports a plan document: checks everything first, then writes the plan with its targets,
 * milestones, tasks and reporting rules in one transaction, or (dry run) writes nothing.
 */
export async function importPlan(
  prisma: PrismaClient,
  text: string,
  options: ImportOptions,
): Promise<{ summary: ImportSummary; planId: string | null }> {
  const { plan, scopeValidFrom } = await checkPlanDocument(prisma, text, options.format, options.scope);
  if (options.dryRun) return { summary: summarise(plan), planId: null };
  const created = await prisma.$transaction(async (tx) => {
    const parent = plan.parent
      ? await tx.plan.findUniqueOrThrow({ where: { key: plan.parent }, select: { id: true } })
      : null;
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
            baselineYear: target.baseline?.year ?? null,
            baselineValue: target.baseline?.value ?? null,
            milestones: {
              create: (target.milestones ?? []).map((m) => ({
                year: m.year,
                comparator: m.comparator,
                value: m.value,
              })),
            },
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

/** The document of the plan with this key, or null when there is none (the `plan export` command). */
export async function exportPlanByKey(
  prisma: PrismaClient,
  key: string,
  format: DocumentFormat,
): Promise<string | null> {
  const plan = await prisma.plan.findUnique({ where: { key }, include: DOCUMENT_INCLUDE });
  return plan ? formatDocument(planDocument(plan), format) : null;
}

/** The keys of the plans held. */
export async function heldPlanKeys(prisma: PrismaClient): Promise<Set<string>> {
  return new Set((await prisma.plan.findMany({ select: { key: true } })).map((p) => p.key));
}

/** Plans and what they hold (targets, milestones, tasks, reporting rules), every list batched per request. */
export function planData(prisma: PrismaClient, { registry }: { registry: RegistryData }) {
  const byId = <Row extends { id: string }>(fetch: (ids: string[]) => Promise<Row[]>) =>
    rowByKeyLoader(fetch, (row) => row.id);
  const plan = byId((ids) => prisma.plan.findMany({ where: { id: { in: ids } } }));
  const target = byId((ids) => prisma.planTarget.findMany({ where: { id: { in: ids } } }));
  const documents = byId((ids) => prisma.plan.findMany({ where: { id: { in: ids } }, include: DOCUMENT_INCLUDE }));
  const children = rowsByParentLoader(
    (ids) => prisma.plan.findMany({ where: { parentId: { in: ids } }, orderBy: { key: 'asc' } }),
    (p) => p.parentId,
  );
  const targets = rowsByParentLoader(
    (ids) => prisma.planTarget.findMany({ where: { planId: { in: ids } }, orderBy: { ordinal: 'asc' } }),
    (t) => t.planId,
  );
  const tasks = rowsByParentLoader(
    (ids) => prisma.planTask.findMany({ where: { planId: { in: ids } }, orderBy: { ordinal: 'asc' } }),
    (t) => t.planId,
  );
  const rules = rowsByParentLoader(
    (ids) => prisma.reportingRule.findMany({ where: { planId: { in: ids } }, orderBy: { ordinal: 'asc' } }),
    (r) => r.planId,
  );
  const milestones = rowsByParentLoader(
    (ids) =>
      prisma.targetMilestone.findMany({
        where: { targetId: { in: ids } },
        orderBy: [{ year: 'asc' }, { comparator: 'asc' }],
      }),
    (m) => m.targetId,
  );
  const forUnit = new DataLoader<UnitKey, Plan[], string>((keys) => plansForUnits(prisma, keys), {
    cacheKeyFn: unitKeyString,
  });

  return {
    /** The plan with this id, or null. */
    find: (id: string) => plan.load(id),
    /** The plan a stored row names (it must exist). */
    get: async (id: string) => present(await plan.load(id), `Plan ${id}`),
    byKey: (key: string) => prisma.plan.findUnique({ where: { key } }),
    /** Plans, optionally of one level, a page at a time in key order. */
    page(args: { level?: PlanLevel | null; first?: number | null; after?: string | null }) {
      const where: Prisma.PlanWhereInput = args.level ? { level: args.level } : {};
      return keysetPage({
        first: args.first,
        after: args.after,
        fetch: (cursor, take) =>
          prisma.plan.findMany({
            where: cursor ? { AND: [where, { key: { gt: cursor } }] } : where,
            orderBy: { key: 'asc' },
            take,
          }),
        count: () => prisma.plan.count({ where }),
        sortKey: (p) => p.key,
      });
    },
    children: (parent: Plan) => children.load(parent.id),
    targets: (of: Plan) => targets.load(of.id),
    tasks: (of: Plan) => tasks.load(of.id),
    rules: (of: Plan) => rules.load(of.id),
    /** The target a stored row names (it must exist). */
    target: async (id: string) => present(await target.load(id), `Plan target ${id}`),
    milestones: (of: Pick<PlanTarget, 'id'>) => milestones.load(of.id),
    /** The plans in force in a unit (see plansForUnits). */
    forUnit: (unit: AdministrativeUnit) => forUnit.load(unitKeyOf(unit)),
    /** The agencies a rule's reports come from: those it names, or every agency the plan's tasks name, in code order. */
    async reporters(rule: Pick<ReportingRule, 'planId' | 'reporterCodes'>) {
      if (rule.reporterCodes.length) return registry.agencies(rule.reporterCodes);
      const planTasks = await tasks.load(rule.planId);
      return registry.agencies([...new Set(planTasks.flatMap((t) => [t.leadCode, ...t.coordinatingCodes]))].sort());
    },
    /** The plan as a plan file (YAML or JSON). */
    async document(of: Plan, format: DocumentFormat) {
      return formatDocument(planDocument(present(await documents.load(of.id), `Plan ${of.id}`)), format);
    },
    /** Checks a plan document and, unless a dry run, imports it (see importPlan). */
    async import(text: string, options: ImportOptions): Promise<PlanImportParent> {
      const { summary, planId } = await importPlan(prisma, text, options);
      return { ...summary, dryRun: options.dryRun, planId };
    },
  };
}

export type PlanData = ReturnType<typeof planData>;
