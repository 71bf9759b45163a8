import { describe, expect, it } from 'vitest';

import { planFileSchema, type PlanFileInput } from './plan-file.js';
import { validatePlan, type PlanContext } from './plan-validation.js';

const context: PlanContext = {
  indicators: new Map([
    ['ACCESS', { kind: 'RATIO', factor: 100 }],
    ['DROPOUT', { kind: 'RATIO', factor: 100 }],
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

const problemsOf = (change: (plan: PlanFileInput) => void) => {
  const plan = structuredClone(valid);
  change(plan);
  return validatePlan(planFileSchema.parse(plan), context).map((p) => [p.field, p.reason]);
};

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

  it('rejects a key already held and an unknown parent', () => {
    expect(problemsOf((plan) => ((plan.key = 'other'), (plan.parent = 'missing')))).toEqual([
      ['key', 'DUPLICATE_PLAN_KEY'],
      ['parent', 'UNKNOWN_PARENT_PLAN'],
    ]);
  });

  it.each([
    ['HAS_NETWORK', 'GTE', 90],
    ['ACCESS', 'GTE', 120],
    ['MODELS', 'GTE', 2.5],
  ])('rejects a comparator that does not fit the indicator kind (%s %s %s)', (indicator, comparator, value) => {
    expect(
      problemsOf((plan) => {
        plan.targets![0] = {
          code: '1',
          description: 'x',
          indicator,
          milestones: [{ year: 2025, comparator: comparator as 'GTE', value }],
        };
      }),
    ).toEqual([['targets[0].milestones[0]', 'COMPARATOR_DOES_NOT_FIT_INDICATOR']]);
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
});
