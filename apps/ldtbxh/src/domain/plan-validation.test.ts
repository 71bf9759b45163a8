import { describe, expect, it } from 'vitest';

import { planFileSchema, type PlanFileInput } from './plan-file.js';
import { validatePlan, type PlanContext } from './plan-validation.js';

const context: PlanContext = {
  indicators: new Map([
    ['ACCESS', { kind: 'RATIO', factor: 100 }],
    ['DROPOUT', { kind: 'RATIO', factor: 100 }],
    ['PER_MILLE', { kind: 'RATIO', factor: 1000 }],
    ['MODELS', { kind: 'COUNT', factor: 1 }],
    ['HAS_NETWORK', { kind: 'BOOLEAN', factor: 1 }],
  ]),
  agencies: new Set(['UBND-20', 'SYT-20', 'SLDTBXH-20']),
  plans: new Map([
    ['national', { number: '1437/QĐ-TTg' }],
    ['other', { number: '09/KH-UBND' }],
  ]),
  unitExists: (code, asOf) => code === '20' && asOf < '2030-01-01',
};

const valid: PlanFileInput = {
  key: 'lang-son',
  number: null,
  title: 'Kế hoạch',
  issuedOn: null,
  issuer: 'UBND-20',
  level: 'PROVINCIAL',
  parent: 'national',
  scope: { unit: '20', asOf: '2019-01-01' },
  period: { start: 2019, end: 2025 },
  targets: [
    {
      code: '1',
      description: '90% trẻ em',
      indicator: 'ACCESS',
      milestones: [
        { year: 2020, comparator: 'GTE', value: 70 },
        { year: 2025, comparator: 'GTE', value: 90 },
      ],
    },
    { code: '2', description: 'Thí điểm mô hình', dueYear: 2020 },
  ],
  tasks: [{ title: 'Y tế', lead: 'SYT-20', coordinating: ['SLDTBXH-20'] }],
  reporting: [{ reporters: 'ASSIGNED_AGENCIES', recipient: 'SLDTBXH-20', frequency: 'ANNUAL', due: '12-05' }],
};

const detailedProblemsOf = (change: (plan: PlanFileInput) => void) => {
  const plan = structuredClone(valid);
  change(plan);
  return validatePlan(planFileSchema.parse(plan), context);
};
const problemsOf = (change: (plan: PlanFileInput) => void) =>
  detailedProblemsOf(change).map((p) => [p.field, p.reason]);

const VIETNAMESE = /[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệìíịỉĩòóọỏõôốồổỗộơớờởỡợùúụủũưừứửữựỳýỵỷỹ]/iu;

describe('validatePlan', () => {
  it('finds nothing wrong with a consistent plan', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it('names every problem with its path in the document', () => {
    expect(
      problemsOf((plan) => {
        plan.number = '09/KH-UBND';
        plan.targets![0]!.indicator = 'NOPE';
        plan.targets![0]!.milestones![1]!.year = 2030;
        plan.tasks![0]!.coordinating = ['SLDTBXH-20', 'SXX-20'];
        plan.scope = { unit: '99', asOf: '2019-01-01' };
      }),
    ).toEqual([
      ['number', 'DUPLICATE_PLAN_NUMBER'],
      ['scope.unit', 'UNKNOWN_UNIT_CODE'],
      ['targets[0].indicator', 'UNKNOWN_INDICATOR'],
      ['targets[0].milestones[1].year', 'YEAR_OUTSIDE_PERIOD'],
      ['tasks[0].coordinating[1]', 'UNKNOWN_AGENCY'],
    ]);
  });

  it('takes a baseline before the first milestone, in the indicator’s range, for a numeric target only', () => {
    expect(problemsOf((plan) => (plan.targets![0]!.baseline = { year: 2018, value: 55 }))).toEqual([]);
    expect(problemsOf((plan) => (plan.targets![0]!.baseline = { year: 2020, value: 140 }))).toEqual([
      ['targets[0].baseline.year', 'BASELINE_NOT_BEFORE_MILESTONES'],
      ['targets[0].baseline.value', 'RATE_OUT_OF_RANGE'],
    ]);
    expect(
      problemsOf((plan) => {
        plan.targets![0] = { code: '1', description: 'Định tính', baseline: { year: 2018, value: 1 } };
      }),
    ).toEqual([['targets[0].baseline', 'BASELINE_WITHOUT_INDICATOR']]);
  });

  it('rejects a key already held and an unknown parent', () => {
    expect(problemsOf((plan) => ((plan.key = 'other'), (plan.parent = 'missing')))).toEqual([
      ['key', 'DUPLICATE_PLAN_KEY'],
      ['parent', 'UNKNOWN_PARENT_PLAN'],
    ]);
  });

  const withMilestone = (indicator: string, comparator: string, value: number) => (plan: PlanFileInput) => {
    plan.targets![0] = {
      code: '1',
      description: 'x',
      indicator,
      milestones: [{ year: 2025, comparator: comparator as 'GTE', value }],
    };
  };

  it('reports a percentage above 100 as a range problem on the value, not as a comparator problem', () => {
    expect(detailedProblemsOf(withMilestone('ACCESS', 'GTE', 150))).toEqual([
      {
        field: 'targets[0].milestones[0].value',
        reason: 'RATE_OUT_OF_RANGE',
        message: 'Chỉ số ACCESS là tỷ lệ phần trăm: giá trị của mốc phải từ 0 đến 100 (đã nhập 150).',
      },
    ]);
  });

  it.each([
    ['ACCESS', 'GTE', -5, 'RATE_OUT_OF_RANGE'],
    ['PER_MILLE', 'LTE', 1200, 'RATE_OUT_OF_RANGE'],
    ['MODELS', 'GTE', -3, 'NEGATIVE_COUNT'],
    ['MODELS', 'GTE', 2.5, 'NOT_A_WHOLE_NUMBER'],
    ['MODELS', 'GTE', 30_000_000, 'COUNT_TOO_LARGE'],
    ['HAS_NETWORK', 'EQ', 2, 'NOT_A_BOOLEAN'],
    ['ACCESS', 'GTE', 90.12345, 'TOO_MANY_DECIMALS'],
  ])('reports a value outside its indicator’s range on .value (%s %s %s)', (indicator, comparator, value, reason) => {
    expect(problemsOf(withMilestone(indicator, comparator, value))).toEqual([
      ['targets[0].milestones[0].value', reason],
    ]);
  });

  it('words the count reasons as the kit does', () => {
    expect(detailedProblemsOf(withMilestone('MODELS', 'GTE', -3))[0]!.message).toBe(
      'Giá trị của mốc không được âm (đã nhập -3).',
    );
    expect(detailedProblemsOf(withMilestone('PER_MILLE', 'LTE', 1200))[0]!.message).toBe(
      'Chỉ số PER_MILLE là tỷ lệ trên 1000: giá trị của mốc phải từ 0 đến 1000 (đã nhập 1200).',
    );
  });

  it.each([
    ['HAS_NETWORK', 'GTE', 1],
    ['HAS_NETWORK', 'MAINTAIN', 1],
    ['ACCESS', 'LT', 0],
    ['ACCESS', 'GT', 100],
    ['MODELS', 'LT', 0],
  ])(
    'keeps the comparator problem for a comparator no value can satisfy (%s %s %s)',
    (indicator, comparator, value) => {
      expect(problemsOf(withMilestone(indicator, comparator, value))).toEqual([
        ['targets[0].milestones[0].comparator', 'COMPARATOR_DOES_NOT_FIT_INDICATOR'],
      ]);
    },
  );

  it('reports both the comparator and the value of a yes/no milestone written as a rate', () => {
    expect(detailedProblemsOf(withMilestone('HAS_NETWORK', 'GTE', 90))).toEqual([
      {
        field: 'targets[0].milestones[0].comparator',
        reason: 'COMPARATOR_DOES_NOT_FIT_INDICATOR',
        message: 'Chỉ số HAS_NETWORK là chỉ số có/không nên mốc chỉ dùng phép so sánh EQ (đã nhập GTE).',
      },
      {
        field: 'targets[0].milestones[0].value',
        reason: 'NOT_A_BOOLEAN',
        message: 'Chỉ số HAS_NETWORK là chỉ số có/không: giá trị của mốc phải là 1 (có) hoặc 0 (không) (đã nhập 90).',
      },
    ]);
  });

  it.each([
    ['ACCESS', 'GTE', 0],
    ['ACCESS', 'LTE', 100],
    ['ACCESS', 'EQ', 100],
    ['PER_MILLE', 'LT', 16.5],
    ['MODELS', 'GTE', 0],
    ['MODELS', 'LTE', 12],
    ['HAS_NETWORK', 'EQ', 0],
    ['HAS_NETWORK', 'EQ', 1],
  ])('accepts a milestone its indicator can express (%s %s %s)', (indicator, comparator, value) => {
    expect(problemsOf(withMilestone(indicator, comparator, value))).toEqual([]);
  });

  it('checks no value against an unknown indicator, which is a problem of its own', () => {
    expect(problemsOf(withMilestone('NOPE', 'GTE', 150))).toEqual([['targets[0].indicator', 'UNKNOWN_INDICATOR']]);
  });

  it('accepts "below" and "maintain" targets on ratios', () => {
    expect(
      problemsOf((plan) => {
        plan.targets!.push({
          code: '3',
          description: 'bỏ học dưới 0,12%',
          indicator: 'DROPOUT',
          milestones: [{ year: 2025, comparator: 'LT', value: 0.12 }],
        });
        plan.targets!.push({
          code: '4',
          description: 'duy trì 100%',
          indicator: 'ACCESS',
          milestones: [{ year: 2025, comparator: 'MAINTAIN', value: 100 }],
        });
      }),
    ).toEqual([]);
  });

  it('requires a scope for local plans and refuses one for national schemes', () => {
    expect(problemsOf((plan) => (plan.scope = null))).toEqual([['scope', 'SCOPE_REQUIRED']]);
    expect(problemsOf((plan) => (plan.level = 'NATIONAL'))).toEqual([['scope', 'SCOPE_NOT_ALLOWED']]);
  });

  it('points at the end of a period that ends before it starts', () => {
    expect(detailedProblemsOf((plan) => (plan.period = { start: 2019, end: 2018 }))).toContainEqual({
      field: 'period.end',
      reason: 'END_BEFORE_START',
      message: 'Năm kết thúc (2018) trước năm bắt đầu (2019) của thời kỳ kế hoạch.',
    });
  });

  it('refuses a plan that is its own parent once', () => {
    expect(problemsOf((plan) => (plan.parent = plan.key))).toEqual([['parent', 'UNKNOWN_PARENT_PLAN']]);
  });

  it('tells a unit code no list holds from a unit that did not exist on the day given', () => {
    expect(problemsOf((plan) => (plan.scope = { unit: '99', asOf: '2019-01-01' }))).toEqual([
      ['scope.unit', 'UNKNOWN_UNIT_CODE'],
    ]);
    // Huyện Tràng Định (Lạng Sơn) was abolished on 2025-07-01.
    expect(detailedProblemsOf((plan) => (plan.scope = { unit: '180', asOf: '2026-01-15' }))).toEqual([
      {
        field: 'scope.unit',
        reason: 'UNIT_NOT_VALID_ON_DATE',
        message: 'Đơn vị hành chính mã "180" không còn hoặc chưa tồn tại vào ngày 2026-01-15.',
      },
    ]);
  });

  it.each([
    ['02-30', 'tháng 2 chỉ có 28 ngày'],
    ['02-29', 'ngày 29/02 không có trong năm không nhuận; vui lòng chọn 28/02 hoặc 01/03'],
    ['13-05', 'tháng 13 không tồn tại'],
    ['06-00', 'ngày 0 không tồn tại'],
  ])('refuses a reporting deadline that is not a day of every year (%s)', (due, why) => {
    expect(detailedProblemsOf((plan) => (plan.reporting![0]!.due = due))).toEqual([
      {
        field: 'reporting[0].due',
        reason: 'INVALID_DUE_DATE',
        message: `Hạn báo cáo "${due}" không phải một ngày trong năm: ${why}.`,
      },
    ]);
  });

  it('checks targets, tasks and reporting rules on the exact field, in Vietnamese', () => {
    const problems = detailedProblemsOf((plan) => {
      plan.issuer = 'NOBODY';
      plan.targets!.push(
        { code: '1', description: 'trùng mã', indicator: 'ACCESS', milestones: [] },
        {
          code: '3',
          description: 'định tính có mốc',
          dueYear: 2030,
          milestones: [{ year: 2020, comparator: 'GTE', value: 1 }],
        },
        {
          code: '4',
          description: 'mốc trùng',
          indicator: 'ACCESS',
          milestones: [
            { year: 2024, comparator: 'GTE', value: 80 },
            { year: 2024, comparator: 'GTE', value: 85 },
          ],
        },
      );
      plan.tasks = [];
      plan.reporting = [
        { reporters: 'ASSIGNED_AGENCIES', recipient: 'SLDTBXH-20', frequency: 'FINAL', due: '12-05' },
        { reporters: ['SYT-20', 'SXX-20'], recipient: 'SLDTBXH-20', frequency: 'MIDTERM', due: '06-30', years: [2030] },
      ];
    });
    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ['issuer', 'UNKNOWN_AGENCY'],
      ['targets[2].code', 'DUPLICATE_TARGET_CODE'],
      ['targets[2].milestones', 'MISSING_MILESTONES'],
      ['targets[3].milestones', 'MILESTONES_WITHOUT_INDICATOR'],
      ['targets[3].dueYear', 'YEAR_OUTSIDE_PERIOD'],
      ['targets[4].milestones[1]', 'DUPLICATE_MILESTONE'],
      ['reporting[0].reporters', 'NO_ASSIGNED_AGENCIES'],
      ['reporting[0].years', 'MISSING_REVIEW_YEARS'],
      ['reporting[1].reporters[1]', 'UNKNOWN_AGENCY'],
      ['reporting[1].years[0]', 'YEAR_OUTSIDE_PERIOD'],
    ]);
    for (const p of problems) expect(p.message, p.field).toMatch(VIETNAMESE);
  });
});
