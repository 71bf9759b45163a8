import type {
  PlanResolvers,
  PlanTargetResolvers,
  PlanTaskResolvers,
  ReportingRuleResolvers,
  TargetMilestoneResolvers,
} from '../generated/graphql.js';

export const Plan: PlanResolvers = {
  __resolveReference: (reference, { data }) => data.plans.find(reference.id),
  issuer: (plan, _args, { data }) => data.registry.agency(plan.issuerCode),
  parent: (plan, _args, { data }) => (plan.parentId ? data.plans.find(plan.parentId) : null),
  children: (plan, _args, { data }) => data.plans.children(plan),
  scope: (plan, _args, { data }) => data.units.atOptional(plan.scopeUnitCode, plan.scopeUnitValidFrom),
  targets: (plan, _args, { data }) => data.plans.targets(plan),
  tasks: (plan, _args, { data }) => data.plans.tasks(plan),
  reportingRules: (plan, _args, { data }) => data.plans.rules(plan),
  // Each period carries the plan's unit: its fields (report:read) are read only within the person's territory.
  reportingPeriods: (plan, _args, { data }) => data.reporting.periodsOf(plan),
  document: (plan, { format }, { data }) => data.plans.document(plan, format ?? 'YAML'),
  progress: (plan, { year, unitCode, byCommune }, { data }) =>
    data.progress.ofPlan(plan, { year, unitCode, byCommune: byCommune ?? false }),
};

export const PlanTarget: PlanTargetResolvers = {
  indicator: (target, _args, { data }) =>
    target.indicatorCode ? data.registry.findIndicator(target.indicatorCode) : null,
  qualitative: (target) => target.indicatorCode === null,
  milestones: (target, _args, { data }) => data.plans.milestones(target),
  progress: (target, { unitCode, year }, { data }) => data.progress.ofTarget(target, unitCode, year),
};

const COMPARATOR_LABELS = { GTE: '≥', GT: '>', LTE: '≤', LT: '<', EQ: '=', MAINTAIN: 'duy trì' } as const;

export const TargetMilestone: TargetMilestoneResolvers = {
  comparatorLabel: (milestone) => COMPARATOR_LABELS[milestone.comparator],
  value: (milestone) => milestone.value.toNumber(),
};

export const PlanTask: PlanTaskResolvers = {
  lead: (task, _args, { data }) => data.registry.agency(task.leadCode),
  coordinating: (task, _args, { data }) => data.registry.agencies(task.coordinatingCodes),
};

export const ReportingRule: ReportingRuleResolvers = {
  allAssignedAgencies: (rule) => rule.reporterCodes.length === 0,
  reporters: (rule, _args, { data }) => data.plans.reporters(rule),
  recipient: (rule, _args, { data }) => data.registry.agency(rule.recipientCode),
};
