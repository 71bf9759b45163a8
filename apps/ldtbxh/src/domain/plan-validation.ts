import type { ZodError } from 'zod';

import { problem, type InputProblem, type Reason } from '@ecd/service-kit';

import type { PlanFile } from './plan-file.js';

/**
 * A problem of a plan file is the kit's InputProblem whose `field` is its path in the document,
 * e.g. `targets[2].milestones[0].year` (`(document)` for the whole of it); clients read it as `path`
 * (see document-problems.ts).
 */
export const formatPath = (segments: readonly PropertyKey[]) =>
  segments.reduce<string>(
    (path, s) => (typeof s === 'number' ? `${path}[${s}]` : path ? `${path}.${String(s)}` : String(s)),
    '',
  );

/** Where a problem of the whole document is. */
export const WHOLE_DOCUMENT = '(document)';

export function problemsFromZod(error: ZodError): InputProblem[] {
  return error.issues.map((issue) =>
    problem(formatPath(issue.path) || WHOLE_DOCUMENT, 'SCHEMA_VIOLATION', issue.message),
  );
}

/** What the checks need to know about the registries and the plans already held. */
export interface PlanContext {
  indicators: ReadonlyMap<string, { kind: 'RATIO' | 'COUNT' | 'BOOLEAN'; factor: number }>;
  /** Agency codes known to the registry. */
  agencies: ReadonlySet<string>;
  /** Plan keys held, with their official numbers. */
  plans: ReadonlyMap<string, { number: string | null }>;
  /** Whether a unit with this code existed on that day. */
  unitExists(code: string, asOf: string): boolean;
}

/**
 * Every cross-reference and consistency problem of a plan file that passed the schema: unknown
 * codes, years outside the period, comparators that do not fit the indicator, duplicates.
 */
export function validatePlan(plan: PlanFile, context: PlanContext): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string, reason: Reason) => problems.push(problem(path, reason, message));

  if (context.plans.has(plan.key)) add('key', `Đã có kế hoạch với mã "${plan.key}".`, 'DUPLICATE_PLAN_KEY');
  if (plan.number !== null) {
    for (const [key, held] of context.plans) {
      if (held.number === plan.number && key !== plan.key)
        add('number', `Số hiệu "${plan.number}" đã thuộc kế hoạch "${key}".`, 'DUPLICATE_PLAN_NUMBER');
    }
  }
  if (plan.period.end < plan.period.start) add('period', 'Năm kết thúc trước năm bắt đầu.', 'INVALID_PERIOD');
  if (plan.parent !== null && !context.plans.has(plan.parent))
    add('parent', `Không có kế hoạch cấp trên "${plan.parent}".`, 'UNKNOWN_PARENT_PLAN');
  if (plan.parent === plan.key) add('parent', 'Kế hoạch không thể là cấp trên của chính nó.', 'UNKNOWN_PARENT_PLAN');
  if (plan.scope && !context.unitExists(plan.scope.unit, plan.scope.asOf)) {
    add(
      'scope.unit',
      `Không có đơn vị hành chính mã ${plan.scope.unit} vào ngày ${plan.scope.asOf}.`,
      'UNKNOWN_UNIT_CODE',
    );
  }
  if (plan.level === 'NATIONAL' && plan.scope)
    add('scope', 'Đề án quốc gia không gắn với một đơn vị hành chính.', 'SCOPE_NOT_ALLOWED');
  if (plan.level !== 'NATIONAL' && !plan.scope)
    add('scope', 'Kế hoạch địa phương phải có đơn vị hành chính.', 'SCOPE_REQUIRED');

  const agency = (code: string, path: string) => {
    if (!context.agencies.has(code)) add(path, `Không có cơ quan mã "${code}" trong danh mục.`, 'UNKNOWN_AGENCY');
  };
  agency(plan.issuer, 'issuer');

  const seenTargets = new Set<string>();
  plan.targets.forEach((target, t) => {
    const at = `targets[${t}]`;
    if (seenTargets.has(target.code))
      add(`${at}.code`, `Mã chỉ tiêu "${target.code}" bị trùng trong kế hoạch.`, 'DUPLICATE_TARGET_CODE');
    seenTargets.add(target.code);
    const indicator = target.indicator === undefined ? undefined : context.indicators.get(target.indicator);
    if (target.indicator !== undefined && !indicator)
      add(`${at}.indicator`, `Không có chỉ số mã "${target.indicator}" trong danh mục.`, 'UNKNOWN_INDICATOR');
    if (target.indicator === undefined && target.milestones?.length) {
      add(
        `${at}.milestones`,
        'Mục tiêu định tính không có mốc định lượng; hãy khai báo chỉ số.',
        'MILESTONES_WITHOUT_INDICATOR',
      );
    }
    if (target.indicator !== undefined && !target.milestones?.length)
      add(`${at}.milestones`, 'Chỉ tiêu định lượng cần ít nhất một mốc.', 'MISSING_MILESTONES');
    const years = new Set<string>();
    target.milestones?.forEach((milestone, m) => {
      const mat = `${at}.milestones[${m}]`;
      if (milestone.year < plan.period.start || milestone.year > plan.period.end) {
        add(
          `${mat}.year`,
          `Năm ${milestone.year} nằm ngoài thời kỳ kế hoạch ${plan.period.start}-${plan.period.end}.`,
          'YEAR_OUTSIDE_PERIOD',
        );
      }
      const yearKey = `${milestone.year}:${milestone.comparator}`;
      if (years.has(yearKey))
        add(mat, `Mốc năm ${milestone.year} (${milestone.comparator}) bị trùng.`, 'DUPLICATE_MILESTONE');
      years.add(yearKey);
      if (indicator) {
        const misfit = comparatorMisfit(indicator, milestone.comparator, milestone.value);
        if (misfit) add(mat, misfit, 'COMPARATOR_DOES_NOT_FIT_INDICATOR');
      }
    });
    if (target.dueYear !== undefined && (target.dueYear < plan.period.start || target.dueYear > plan.period.end)) {
      add(
        `${at}.dueYear`,
        `Năm ${target.dueYear} nằm ngoài thời kỳ kế hoạch ${plan.period.start}-${plan.period.end}.`,
        'YEAR_OUTSIDE_PERIOD',
      );
    }
  });

  plan.tasks.forEach((task, t) => {
    agency(task.lead, `tasks[${t}].lead`);
    task.coordinating.forEach((code, c) => agency(code, `tasks[${t}].coordinating[${c}]`));
  });
  plan.reporting.forEach((rule, r) => {
    agency(rule.recipient, `reporting[${r}].recipient`);
    if (rule.reporters !== 'ASSIGNED_AGENCIES')
      rule.reporters.forEach((code, c) => agency(code, `reporting[${r}].reporters[${c}]`));
    if (rule.reporters === 'ASSIGNED_AGENCIES' && plan.tasks.length === 0) {
      add(
        `reporting[${r}].reporters`,
        'Kế hoạch không giao nhiệm vụ cho cơ quan nào để báo cáo.',
        'NO_ASSIGNED_AGENCIES',
      );
    }
    rule.years?.forEach((y, i) => {
      if (y < plan.period.start || y > plan.period.end)
        add(`reporting[${r}].years[${i}]`, `Năm ${y} nằm ngoài thời kỳ kế hoạch.`, 'YEAR_OUTSIDE_PERIOD');
    });
    if (rule.frequency !== 'ANNUAL' && !rule.years?.length)
      add(`reporting[${r}].years`, 'Báo cáo sơ kết, tổng kết cần năm thực hiện.', 'MISSING_REVIEW_YEARS');
    const [month = 0, day = 0] = rule.due.split('-').map(Number);
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2024, month, 0)).getUTCDate()) {
      add(`reporting[${r}].due`, `Hạn báo cáo "${rule.due}" không phải một ngày trong năm.`, 'INVALID_DUE_DATE');
    }
  });
  return problems;
}

/** Why a comparator and value cannot express a target on this indicator, or null if they can. */
export function comparatorMisfit(
  indicator: { kind: 'RATIO' | 'COUNT' | 'BOOLEAN'; factor: number },
  comparator: string,
  value: number,
): string | null {
  switch (indicator.kind) {
    case 'BOOLEAN':
      return comparator === 'EQ' && (value === 0 || value === 1)
        ? null
        : 'Chỉ số có/không chỉ nhận so sánh EQ với giá trị 1 (có) hoặc 0 (không).';
    case 'RATIO':
      return value >= 0 && value <= indicator.factor ? null : `Giá trị tỷ lệ phải từ 0 đến ${indicator.factor}.`;
    case 'COUNT':
      return Number.isInteger(value) && value >= 0 ? null : 'Giá trị đếm phải là số nguyên không âm.';
  }
}
