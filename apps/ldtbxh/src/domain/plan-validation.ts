import type { ZodError } from 'zod';

import {
  countProblems,
  fromIsoDate,
  isProblem,
  locateUnitOn,
  problem,
  type InputProblem,
  type Reason,
} from '@ecd/service-kit';

import { formatPath, WHOLE_DOCUMENT, zodProblems } from './document-problems.js';
import { impossibleDueDay, PLAN_FILE_FIELDS, type PlanFile } from './plan-file.js';

/**
 * A problem of a plan file is the kit's InputProblem whose `field` is its path in the document,
 * e.g. `targets[2].milestones[0].year` (`(document)` for the whole of it); clients read it as `path`
 * (see document-problems.ts).
 */
export { formatPath, WHOLE_DOCUMENT };

/**
 * The schema violations of a plan file, each on the path of its field with a specific reason and a
 * Vietnamese message (see zodProblems). Given the document as parsed (`input`), messages also quote the
 * value at fault. Documents of another format (the agency registry) get the same translation, with
 * the fields' names as written.
 */
export function problemsFromZod(error: ZodError, options: { input?: unknown } = {}): InputProblem[] {
  return zodProblems(error, { ...options, fields: PLAN_FILE_FIELDS, documentName: 'tệp kế hoạch' });
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

type Indicator = { code: string; kind: 'RATIO' | 'COUNT' | 'BOOLEAN'; factor: number };
type Milestone = PlanFile['targets'][number] extends { milestones?: (infer M)[] } ? M : never;

/** Decimals a milestone's value is stored with (DECIMAL(14, 4)). */
const MILESTONE_DECIMALS = 4;

/**
 * Every cross-reference and consistency problem of a plan file that passed the schema, each on the
 * path of the field at fault: unknown codes, years outside the period, milestone values outside their
 * indicator's range, comparators that cannot express a target on it, duplicates.
 */
export function validatePlan(plan: PlanFile, context: PlanContext): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string, reason: Reason) => problems.push(problem(path, reason, message));
  const { start, end } = plan.period;
  const inPeriod = (year: number) => year >= start && year <= end;
  const outsidePeriod = (year: number) => `Năm ${year} nằm ngoài thời kỳ kế hoạch ${start}-${end}.`;

  if (context.plans.has(plan.key)) add('key', `Đã có kế hoạch với mã "${plan.key}".`, 'DUPLICATE_PLAN_KEY');
  if (plan.number !== null) {
    for (const [key, held] of context.plans) {
      if (held.number === plan.number && key !== plan.key)
        add('number', `Số hiệu "${plan.number}" đã thuộc kế hoạch "${key}".`, 'DUPLICATE_PLAN_NUMBER');
    }
  }
  if (end < start)
    add('period.end', `Năm kết thúc (${end}) trước năm bắt đầu (${start}) của thời kỳ kế hoạch.`, 'END_BEFORE_START');
  if (plan.parent === plan.key) add('parent', 'Kế hoạch không thể là cấp trên của chính nó.', 'UNKNOWN_PARENT_PLAN');
  else if (plan.parent !== null && !context.plans.has(plan.parent))
    add('parent', `Không có kế hoạch cấp trên mã "${plan.parent}".`, 'UNKNOWN_PARENT_PLAN');
  if (plan.scope && !context.unitExists(plan.scope.unit, plan.scope.asOf)) problems.push(scopeUnitProblem(plan.scope));
  if (plan.level === 'NATIONAL' && plan.scope)
    add('scope', 'Đề án quốc gia không gắn với một đơn vị hành chính; vui lòng ghi scope: null.', 'SCOPE_NOT_ALLOWED');
  if (plan.level !== 'NATIONAL' && !plan.scope)
    add('scope', 'Kế hoạch địa phương phải ghi đơn vị hành chính của địa bàn (scope).', 'SCOPE_REQUIRED');

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
    const found = target.indicator === undefined ? undefined : context.indicators.get(target.indicator);
    const indicator = found && target.indicator !== undefined ? { code: target.indicator, ...found } : undefined;
    if (target.indicator !== undefined && !indicator)
      add(`${at}.indicator`, `Không có chỉ số mã "${target.indicator}" trong danh mục.`, 'UNKNOWN_INDICATOR');
    if (target.indicator === undefined && target.milestones?.length) {
      add(
        `${at}.milestones`,
        'Mục tiêu định tính (không có chỉ số) không có mốc định lượng; vui lòng khai báo chỉ số (indicator) hoặc bỏ các mốc.',
        'MILESTONES_WITHOUT_INDICATOR',
      );
    }
    if (target.indicator !== undefined && !target.milestones?.length)
      add(`${at}.milestones`, 'Chỉ tiêu định lượng cần ít nhất một mốc.', 'MISSING_MILESTONES');
    const seen = new Set<string>();
    target.milestones?.forEach((milestone, m) => {
      const mat = `${at}.milestones[${m}]`;
      if (!inPeriod(milestone.year)) add(`${mat}.year`, outsidePeriod(milestone.year), 'YEAR_OUTSIDE_PERIOD');
      const yearKey = `${milestone.year}:${milestone.comparator}`;
      if (seen.has(yearKey))
        add(mat, `Mốc năm ${milestone.year} (${milestone.comparator}) bị trùng.`, 'DUPLICATE_MILESTONE');
      seen.add(yearKey);
      problems.push(...milestoneProblems(mat, milestone, indicator));
    });
    if (target.baseline) {
      const bat = `${at}.baseline`;
      if (target.indicator === undefined)
        add(bat, 'Mục tiêu định tính (không có chỉ số) không có mốc cơ sở.', 'BASELINE_WITHOUT_INDICATOR');
      const first = Math.min(...(target.milestones ?? []).map((m) => m.year));
      if (target.baseline.year >= first)
        add(
          `${bat}.year`,
          `Năm cơ sở (${target.baseline.year}) phải trước mốc đầu tiên của chỉ tiêu (${first}).`,
          'BASELINE_NOT_BEFORE_MILESTONES',
        );
      // The same range as a milestone's value; EQ asks nothing of the comparator.
      problems.push(...milestoneProblems(bat, { ...target.baseline, comparator: 'EQ' }, indicator));
    }
    if (target.dueYear !== undefined && !inPeriod(target.dueYear))
      add(`${at}.dueYear`, outsidePeriod(target.dueYear), 'YEAR_OUTSIDE_PERIOD');
  });

  plan.tasks.forEach((task, t) => {
    agency(task.lead, `tasks[${t}].lead`);
    task.coordinating.forEach((code, c) => agency(code, `tasks[${t}].coordinating[${c}]`));
  });
  plan.reporting.forEach((rule, r) => {
    const at = `reporting[${r}]`;
    agency(rule.recipient, `${at}.recipient`);
    if (rule.reporters !== 'ASSIGNED_AGENCIES')
      rule.reporters.forEach((code, c) => agency(code, `${at}.reporters[${c}]`));
    if (rule.reporters === 'ASSIGNED_AGENCIES' && plan.tasks.length === 0) {
      add(
        `${at}.reporters`,
        'Kế hoạch không giao nhiệm vụ cho cơ quan nào nên không có cơ quan báo cáo; vui lòng liệt kê các cơ quan báo cáo.',
        'NO_ASSIGNED_AGENCIES',
      );
    }
    rule.years?.forEach((y, i) => {
      if (!inPeriod(y)) add(`${at}.years[${i}]`, outsidePeriod(y), 'YEAR_OUTSIDE_PERIOD');
    });
    if (rule.frequency !== 'ANNUAL' && !rule.years?.length)
      add(`${at}.years`, 'Báo cáo sơ kết, tổng kết cần năm thực hiện (years).', 'MISSING_REVIEW_YEARS');
    const why = impossibleDueDay(rule.due);
    if (why) add(`${at}.due`, `Hạn báo cáo "${rule.due}" không phải một ngày trong năm: ${why}.`, 'INVALID_DUE_DATE');
  });
  return problems;
}

/** Why the unit of a plan's scope is refused: no unit has the code, or none had it on that day. */
function scopeUnitProblem(scope: NonNullable<PlanFile['scope']>): InputProblem {
  const located = locateUnitOn('scope.unit', scope.unit, fromIsoDate(scope.asOf), ['province', 'district', 'commune']);
  if (isProblem(located) && located.reason !== 'UNIT_LEVEL_NOT_ALLOWED') return located;
  return problem(
    'scope.unit',
    'UNIT_NOT_VALID_ON_DATE',
    `Không có đơn vị hành chính mã ${scope.unit} vào ngày ${scope.asOf} (scope.asOf).`,
  );
}

const ratioScale = (indicator: Indicator) =>
  indicator.factor === 100 ? 'tỷ lệ phần trăm' : `tỷ lệ trên ${indicator.factor}`;

/**
 * The problems of one milestone's value and comparator on its indicator (none checked when the
 * indicator is unknown, which is a problem of its own): a value outside the indicator's range on
 * `.value` (RATE_OUT_OF_RANGE, the kit's count reasons, NOT_A_BOOLEAN), more decimals than stored,
 * and on `.comparator` a comparator no value of the indicator can satisfy.
 */
export function milestoneProblems(
  path: string,
  milestone: Milestone,
  indicator: Indicator | undefined,
): InputProblem[] {
  const { comparator, value } = milestone;
  const valuePath = `${path}.value`;
  const comparatorPath = `${path}.comparator`;
  if (Number(value.toFixed(MILESTONE_DECIMALS)) !== value) {
    return [
      problem(
        valuePath,
        'TOO_MANY_DECIMALS',
        `Giá trị của mốc chỉ được có tối đa ${MILESTONE_DECIMALS} chữ số thập phân (đã nhập ${value}).`,
      ),
    ];
  }
  if (!indicator) return [];
  const misfit = (message: string) => problem(comparatorPath, 'COMPARATOR_DOES_NOT_FIT_INDICATOR', message);
  switch (indicator.kind) {
    case 'BOOLEAN': {
      const found: InputProblem[] = [];
      if (comparator !== 'EQ') {
        found.push(
          misfit(
            `Chỉ số ${indicator.code} là chỉ số có/không nên mốc chỉ dùng phép so sánh EQ (đã nhập ${comparator}).`,
          ),
        );
      }
      if (value !== 0 && value !== 1) {
        found.push(
          problem(
            valuePath,
            'NOT_A_BOOLEAN',
            `Chỉ số ${indicator.code} là chỉ số có/không: giá trị của mốc phải là 1 (có) hoặc 0 (không) (đã nhập ${value}).`,
          ),
        );
      }
      return found;
    }
    case 'RATIO': {
      if (value < 0 || value > indicator.factor) {
        return [
          problem(
            valuePath,
            'RATE_OUT_OF_RANGE',
            `Chỉ số ${indicator.code} là ${ratioScale(indicator)}: giá trị của mốc phải từ 0 đến ${indicator.factor} (đã nhập ${value}).`,
          ),
        ];
      }
      if (comparator === 'LT' && value === 0)
        return [misfit(`Mục tiêu "nhỏ hơn 0" không thể đạt: chỉ số ${indicator.code} không nhận giá trị âm.`)];
      if (comparator === 'GT' && value === indicator.factor) {
        return [
          misfit(
            `Mục tiêu "lớn hơn ${indicator.factor}" không thể đạt: chỉ số ${indicator.code} là ${ratioScale(indicator)}, không vượt quá ${indicator.factor}.`,
          ),
        ];
      }
      return [];
    }
    case 'COUNT': {
      const found = countProblems(valuePath, value, 'Giá trị của mốc');
      if (found.length) return found;
      if (comparator === 'LT' && value === 0)
        return [misfit(`Mục tiêu "nhỏ hơn 0" không thể đạt: chỉ số ${indicator.code} là số đếm, không âm.`)];
      return [];
    }
  }
}
