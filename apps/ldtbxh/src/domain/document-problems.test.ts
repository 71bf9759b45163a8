import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { isReason, MAX_TEXT_LENGTH, textProblems } from '@ecd/service-kit';

import { formatPath, zodProblems } from './document-problems.js';
import { planFileSchema, type PlanFileInput } from './plan-file.js';
import { problemsFromZod } from './plan-validation.js';

const valid: PlanFileInput = {
  key: 'lang-son',
  number: null,
  title: 'Kế hoạch',
  issuedOn: null,
  issuer: 'UBND-20',
  level: 'PROVINCIAL',
  parent: null,
  scope: { unit: '20', asOf: '2019-01-01' },
  period: { start: 2019, end: 2025 },
  targets: [
    {
      code: '1',
      description: '90% trẻ em',
      indicator: 'ACCESS',
      milestones: [{ year: 2025, comparator: 'GTE', value: 90 }],
    },
  ],
  tasks: [{ title: 'Y tế', lead: 'SYT-20', coordinating: ['SLDTBXH-20'] }],
  reporting: [{ reporters: 'ASSIGNED_AGENCIES', recipient: 'SLDTBXH-20', frequency: 'ANNUAL', due: '12-05' }],
};

/** Removes the field an edit names. */
const REMOVE = Symbol('remove');
/** A change to the valid plan: the path of a field (as problems give it) and its new value. */
type Edit = [path: string, value: unknown];

/** The valid plan with the edits made: any field may get any value, as in a file written by hand. */
function edited(edits: readonly Edit[]): Record<string, unknown> {
  const plan = structuredClone(valid) as Record<string, unknown>;
  for (const [path, value] of edits) {
    const segments = path.match(/[^.[\]]+/g) ?? [];
    const last = segments.pop() ?? '';
    const parent = segments.reduce((node, s) => node[s] as Record<string, unknown>, plan);
    if (value === REMOVE) delete parent[last];
    else parent[last] = value;
  }
  return plan;
}

/** The problems of the valid plan with the edits made, as the import gives them (the parsed document at hand). */
const problemsOf = (edits: readonly Edit[], { withInput = true } = {}) => {
  const plan = edited(edits);
  const result = planFileSchema.safeParse(plan);
  if (result.success) return [];
  return problemsFromZod(result.error, withInput ? { input: plan } : {});
};
const reasonsOf = (edits: readonly Edit[]) => problemsOf(edits).map((p) => [p.field, p.reason]);

/** Words of zod's own (English) messages, which must never reach people. */
const ENGLISH = /\b(Invalid|expected|received|Too (big|small)|Unrecognized|must|characters|option)\b/;
const VIETNAMESE = /[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệìíịỉĩòóọỏõôốồổỗộơớờởỡợùúụủũưừứửữựỳýỵỷỹ]/iu;

describe('schema violations as problems', () => {
  it('says a required field is missing, pointing at it, with or without the document at hand', () => {
    for (const withInput of [true, false]) {
      expect(problemsOf([['issuer', REMOVE]], { withInput })).toEqual([
        { field: 'issuer', reason: 'REQUIRED', message: 'Cơ quan ban hành là bắt buộc nhưng chưa được khai báo.' },
      ]);
      expect(problemsOf([['targets[0].milestones[0].value', REMOVE]], { withInput })).toEqual([
        {
          field: 'targets[0].milestones[0].value',
          reason: 'REQUIRED',
          message: 'Giá trị của mốc là bắt buộc nhưng chưa được khai báo.',
        },
      ]);
    }
    expect(reasonsOf([['level', REMOVE]])).toEqual([['level', 'REQUIRED']]);
    expect(problemsOf([['number', REMOVE]])[0]!.message).toBe(
      'Số hiệu văn bản là bắt buộc nhưng chưa được khai báo (ghi null nếu văn bản không có).',
    );
  });

  it('says a value is of the wrong type, and how to quote a code YAML reads as a number', () => {
    expect(problemsOf([['scope.unit', 20]])).toEqual([
      {
        field: 'scope.unit',
        reason: 'WRONG_TYPE',
        message:
          'Mã đơn vị hành chính của địa bàn phải là văn bản, không phải một số; vui lòng đặt giá trị trong dấu nháy kép, ví dụ "20".',
      },
    ]);
    expect(reasonsOf([['targets[0].milestones[0].value', '90%']])).toEqual([
      ['targets[0].milestones[0].value', 'WRONG_TYPE'],
    ]);
    expect(problemsOf([['tasks', { title: 'x' }]])[0]!.message).toBe(
      'Danh sách nhiệm vụ phải là một danh sách, không phải một nhóm trường.',
    );
    expect(problemsOf([['scope', 'Lạng Sơn']])[0]!.message).toBe(
      'Địa bàn kế hoạch phải là một nhóm trường (các trường unit và asOf) hoặc null, không phải văn bản.',
    );
  });

  it('lists the allowed values, with their meaning, for a value outside a set', () => {
    expect(problemsOf([['targets[0].milestones[0].comparator', '>=']])).toEqual([
      {
        field: 'targets[0].milestones[0].comparator',
        reason: 'VALUE_NOT_ALLOWED',
        message:
          'Phép so sánh của mốc không hợp lệ (đã nhập ">="); chỉ nhận: GTE (≥), GT (>), LTE (≤), LT (<), EQ (=), MAINTAIN (duy trì).',
      },
    ]);
    expect(reasonsOf([['level', 'CITY']])).toEqual([['level', 'VALUE_NOT_ALLOWED']]);
    expect(reasonsOf([['reporting[0].frequency', 'YEARLY']])).toEqual([
      ['reporting[0].frequency', 'VALUE_NOT_ALLOWED'],
    ]);
  });

  it('gives texts the limits and the words of the kit’s own text check', () => {
    const long = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    const [tooLong] = problemsOf([['targets[0].description', long]]);
    const [kit] = textProblems('targets[0].description', long, 'Nội dung chỉ tiêu', MAX_TEXT_LENGTH);
    expect(tooLong).toEqual({ ...kit, message: `${kit!.message.slice(0, -1)} (hiện có ${long.length} ký tự).` });
    const [blank] = problemsOf([['tasks[0].title', ' ']]);
    expect(blank).toEqual(textProblems('tasks[0].title', ' ', 'Tên nhiệm vụ', 500)[0]);
    expect(
      reasonsOf([
        ['title', 't'.repeat(501)],
        ['number', 'n'.repeat(51)],
        ['key', 'k'.repeat(101)],
        ['generalGoal', 'g'.repeat(5001)],
        ['source', ''],
        ['budgetSources', ['b'.repeat(501)]],
        ['targets[0].code', 'c'.repeat(51)],
      ]),
    ).toEqual([
      ['key', 'TOO_LONG'],
      ['number', 'TOO_LONG'],
      ['title', 'TOO_LONG'],
      ['generalGoal', 'TOO_LONG'],
      ['source', 'REQUIRED'],
      ['targets[0].code', 'TOO_LONG'],
      ['budgetSources[0]', 'TOO_LONG'],
    ]);
  });

  it('gives a value of the wrong form the reason of its field, and the form it needs', () => {
    expect(
      reasonsOf([
        ['key', 'Lạng Sơn'],
        ['parent', 'qd 1437'],
        ['issuer', 'ubnd-20'],
        ['scope.unit', '2'],
        ['tasks[0].coordinating', ['SLDTBXH-20', 'Sở Y tế']],
        ['reporting[0].due', '5/12'],
      ]),
    ).toEqual([
      ['key', 'MALFORMED_PLAN_KEY'],
      ['issuer', 'MALFORMED_AGENCY_CODE'],
      ['parent', 'MALFORMED_PLAN_KEY'],
      ['scope.unit', 'MALFORMED_UNIT_CODE'],
      ['tasks[0].coordinating[1]', 'MALFORMED_AGENCY_CODE'],
      ['reporting[0].due', 'INVALID_DUE_DATE'],
    ]);
    expect(problemsOf([['scope.unit', '2']])[0]!.message).toBe(
      'Mã đơn vị hành chính của địa bàn không đúng quy định (đã nhập "2"): cần mã đơn vị hành chính gồm 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số, ví dụ "20".',
    );
  });

  it('refuses implausible years and years that are not whole numbers, on the exact field', () => {
    expect(
      reasonsOf([
        ['period.start', 1980],
        ['period.end', 2025.5],
        ['targets[0].milestones[0].year', 2100],
        ['targets[0].dueYear', 3000],
        ['reporting[0].years', [2020, 20250]],
      ]),
    ).toEqual([
      ['period.start', 'YEAR_OUT_OF_RANGE'],
      ['period.end', 'NOT_A_WHOLE_NUMBER'],
      ['targets[0].milestones[0].year', 'YEAR_OUT_OF_RANGE'],
      ['targets[0].dueYear', 'YEAR_OUT_OF_RANGE'],
      ['reporting[0].years[1]', 'YEAR_OUT_OF_RANGE'],
    ]);
    expect(problemsOf([['period.start', 1980]])[0]!.message).toBe(
      'Năm bắt đầu thời kỳ kế hoạch không đúng quy định (đã nhập 1980): cần một năm từ 1990 đến 2050.',
    );
  });

  it('refuses a number YAML reads as infinite', () => {
    expect(problemsOf([['targets[0].milestones[0].value', Infinity]])).toEqual([
      {
        field: 'targets[0].milestones[0].value',
        reason: 'NUMBER_OUT_OF_RANGE',
        message: 'Giá trị của mốc quá lớn, không biểu diễn được.',
      },
    ]);
  });

  it('names each unknown field on its own path, with the field it probably meant or those it can be', () => {
    expect(
      problemsOf([
        ['tasks[0].Lead', 'SYT-20'],
        ['targets[0].milestones[0].note', 'x'],
      ]),
    ).toEqual([
      {
        field: 'targets[0].milestones[0].note',
        reason: 'UNKNOWN_FIELD',
        message:
          'Mốc không có trường "note" trong định dạng tệp kế hoạch; vui lòng sửa tên hoặc xóa trường này. Các trường có thể dùng: year, comparator, value.',
      },
      {
        field: 'tasks[0].Lead',
        reason: 'UNKNOWN_FIELD',
        message:
          'Nhiệm vụ không có trường "Lead" trong định dạng tệp kế hoạch; vui lòng sửa tên hoặc xóa trường này. Có phải là "lead"?',
      },
    ]);
  });

  it('suggests the field a name with two letters swapped or a wrong case meant', () => {
    expect(problemsOf([['tasks[0].laed', 'SYT-20']])[0]!.message).toMatch(/Có phải là "lead"\?$/);
    expect(problemsOf([['IssuedOn', null]])[0]!.message).toMatch(/Có phải là "issuedOn"\?$/);
    expect(problemsOf([['notes', 'x']])[0]!.message).toMatch(/Các trường có thể dùng: key, number, title/);
  });

  it('reads "who reports" as either of its forms', () => {
    expect(problemsOf([['reporting[0].reporters', 'ALL']])).toEqual([
      {
        field: 'reporting[0].reporters',
        reason: 'VALUE_NOT_ALLOWED',
        message:
          'Cơ quan báo cáo không hợp lệ (đã nhập "ALL"): cần ASSIGNED_AGENCIES (mọi cơ quan được giao nhiệm vụ) hoặc một danh sách mã cơ quan.',
      },
    ]);
    expect(reasonsOf([['reporting[0].reporters', 5]])).toEqual([['reporting[0].reporters', 'WRONG_TYPE']]);
    expect(reasonsOf([['reporting[0].reporters', []]])).toEqual([['reporting[0].reporters', 'REQUIRED']]);
    expect(reasonsOf([['reporting[0].reporters', ['SYT-20', 'syt']]])).toEqual([
      ['reporting[0].reporters[1]', 'MALFORMED_AGENCY_CODE'],
    ]);
    expect(reasonsOf([['reporting[0].reporters', REMOVE]])).toEqual([['reporting[0].reporters', 'REQUIRED']]);
  });

  it('refuses runaway lists', () => {
    expect(problemsOf([['tasks[0].coordinating', Array(101).fill('SYT-20')]])).toEqual([
      {
        field: 'tasks[0].coordinating',
        reason: 'TOO_MANY_ITEMS',
        message: 'Danh sách cơ quan phối hợp có quá 100 mục (hiện có 101 mục).',
      },
    ]);
  });

  it('refuses a document that is empty or not a group of fields, as a whole', () => {
    const whole = (document: unknown) => {
      const result = planFileSchema.safeParse(document);
      return problemsFromZod(result.error!, { input: document }).map((p) => [p.field, p.reason]);
    };
    expect(whole(null)).toEqual([['(document)', 'REQUIRED']]);
    expect(whole('key: x')).toEqual([['(document)', 'WRONG_TYPE']]);
    expect(whole([valid])).toEqual([['(document)', 'WRONG_TYPE']]);
  });

  it('never lets an English message or an uncatalogued reason through', () => {
    const problems = problemsOf([
      ['key', 'X'],
      ['number', 1],
      ['title', ''],
      ['issuedOn', '2021-02-30'],
      ['level', 'X'],
      ['extra', 1],
      ['issuer', REMOVE],
      ['scope', { unit: 1, asOf: '2021-13-01', x: 1 }],
      ['period', { start: 1, end: 'x' }],
      ['targets', [{ code: 1, description: '', milestones: [{ year: 1.5, comparator: 'X', value: Infinity }] }, 'x']],
      ['tasks', [{ title: 1, lead: 'x', coordinating: 'x' }]],
      ['reporting', [{ reporters: [], recipient: 1, frequency: 1, due: 1, years: [1] }, { reporters: {} }]],
      ['budgetSources', [1]],
    ]);
    expect(problems.length).toBeGreaterThan(25);
    for (const p of problems) {
      expect(isReason(p.reason), p.reason).toBe(true);
      expect(p.reason, p.field).not.toBe('SCHEMA_VIOLATION');
      expect(p.message, p.field).toMatch(VIETNAMESE);
      expect(p.message, p.field).not.toMatch(ENGLISH);
      expect(p.message, p.field).toMatch(/[.?]$/);
    }
  });

  it('gives a document without a table of its fields the fields’ names as written', () => {
    const registry = z.object({ agencies: z.array(z.object({ code: z.string(), name: z.string() }).strict()) });
    const result = registry.safeParse({ agencies: [{ code: 1 }, 'x'] });
    expect(zodProblems(result.error!, { fields: {} })).toEqual([
      {
        field: 'agencies[0].code',
        reason: 'WRONG_TYPE',
        message: 'Trường "code" phải là văn bản, không phải một số; vui lòng đặt giá trị trong dấu nháy kép.',
      },
      { field: 'agencies[0].name', reason: 'REQUIRED', message: 'Trường "name" là bắt buộc nhưng chưa được khai báo.' },
      {
        field: 'agencies[1]',
        reason: 'WRONG_TYPE',
        message: 'Mục thứ 2 của "agencies" phải là một nhóm trường, không phải văn bản.',
      },
    ]);
  });

  it('writes paths as a.b[2].c', () => {
    expect(formatPath(['targets', 2, 'milestones', 0, 'value'])).toBe('targets[2].milestones[0].value');
    expect(formatPath([])).toBe('');
    expect(formatPath(['scope', 'bad key'])).toBe('scope["bad key"]');
  });
});
