import { toIsoDate } from '@ecd/service-kit';
import type { PlanResolvers, PlanTargetResolvers, PlanTaskResolvers, ReportingRuleResolvers, TargetMilestoneResolvers } from '../generated/graphql.js';
import { exportPlan } from '../plans/plan-import.js';
import { planProgress, progressOf, unitAtYearEnd } from '../progress/target-progress.js';
import { withPlanScope } from '../reporting/periods.js';

export const Plan: PlanResolvers = {
  __resolveReference(reference, { loaders }) {
    return loaders.plan.load(reference.id);
  },
  issuer: async (plan, _args, { loaders }) => (await loaders.agency.load(plan.issuerCode))!,
  parent: (plan, _args, { loaders }) => (plan.parentId ? loaders.plan.load(plan.parentId) : null),
  children: (plan, _args, { prisma }) => prisma.plan.findMany({ where: { parentId: plan.id }, orderBy: { key: 'asc' } }),
  scope(plan, _args, { loaders }) {
    if (!plan.scopeUnitCode || !plan.scopeUnitValidFrom) return null;
    return loaders.unit.load({ code: plan.scopeUnitCode, validFrom: toIsoDate(plan.scopeUnitValidFrom) });
  },
  targets: (plan, _args, { prisma }) => prisma.planTarget.findMany({ where: { planId: plan.id }, orderBy: { ordinal: 'asc' } }),
  tasks: (plan, _args, { prisma }) => prisma.planTask.findMany({ where: { planId: plan.id }, orderBy: { ordinal: 'asc' } }),
  reportingRules: (plan, _args, { prisma }) => prisma.reportingRule.findMany({ where: { planId: plan.id }, orderBy: { ordinal: 'asc' } }),
  // Each period carries the plan's unit: its fields (report:read) are read only within the person's territory.
  reportingPeriods: async (plan, _args, { prisma }) =>
    (await prisma.reportingPeriod.findMany({ where: { planId: plan.id }, orderBy: [{ year: 'asc' }, { frequency: 'asc' }] })).map((period) => withPlanScope(period, plan)),
  document: (plan, { format }, { prisma }) => exportPlan(prisma, plan.id, format ?? 'YAML'),
  progress: (plan, { year, unitCode, byCommune }, { prisma }) => planProgress(prisma, plan, { year, unitCode, byCommune: byCommune ?? false }),
};

export const PlanTarget: PlanTargetResolvers = {
  indicator: (target, _args, { loaders }) => (target.indicatorCode ? loaders.indicator.load(target.indicatorCode) : null),
  qualitative: (target) => target.indicatorCode === null,
  milestones: (target, _args, { loaders }) => loaders.milestones.load(target.id),
  async progress(target, { unitCode, year }, { prisma }) {
    if (!target.indicatorCode) return null;
    return progressOf(target, await unitAtYearEnd(prisma, unitCode, year), year);
  },
};

const COMPARATOR_LABELS = { GTE: '≥', GT: '>', LTE: '≤', LT: '<', EQ: '=', MAINTAIN: 'duy trì' } as const;

export const TargetMilestone: TargetMilestoneResolvers = {
  comparatorLabel: (milestone) => COMPARATOR_LABELS[milestone.comparator],
  value: (milestone) => milestone.value.toNumber(),
};

export const PlanTask: PlanTaskResolvers = {
  lead: async (task, _args, { loaders }) => (await loaders.agency.load(task.leadCode))!,
  coordinating: (task, _args, { loaders }) => loaders.agencies(task.coordinatingCodes),
};

export const ReportingRule: ReportingRuleResolvers = {
  allAssignedAgencies: (rule) => rule.reporterCodes.length === 0,
  async reporters(rule, _args, { prisma, loaders }) {
    if (rule.reporterCodes.length) return loaders.agencies(rule.reporterCodes);
    const tasks = await prisma.planTask.findMany({ where: { planId: rule.planId } });
    return loaders.agencies([...new Set(tasks.flatMap((t) => [t.leadCode, ...t.coordinatingCodes]))].sort());
  },
  recipient: async (rule, _args, { loaders }) => (await loaders.agency.load(rule.recipientCode))!,
};
