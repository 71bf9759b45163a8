import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

import { impossibleDay, impossibleDueDay, PLAN_FILE_FIELDS, planFileJsonSchema, planFileSchema } from './plan-file.js';
import { problemsFromZod } from './plan-validation.js';

const plan = (change: Record<string, unknown> = {}) => ({
  key: 'x',
  number: null,
  title: 't',
  issuedOn: null,
  issuer: 'A',
  level: 'PROVINCIAL',
  parent: null,
  scope: { unit: '20', asOf: '2019-01-01' },
  period: { start: 2019, end: 2025 },
  ...change,
});

const problemsOf = (document: unknown) => {
  const result = planFileSchema.safeParse(document);
  return result.success ? [] : problemsFromZod(result.error, { input: document });
};

describe('plan file format', () => {
  it('publishes a JSON Schema that matches the definition (run `npm run plan -- schema` after a change)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../data/plan.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(planFileJsonSchema());
  });

  it('names every field of the format in Vietnamese, and only fields of the format', () => {
    type Node = { type?: string; properties?: Record<string, Node>; items?: Node; anyOf?: Node[] };
    const patterns: string[] = [];
    const walk = (node: Node, pattern: string): void => {
      for (const option of node.anyOf ?? []) walk(option, pattern);
      if (node.items) {
        patterns.push(`${pattern}[]`);
        walk(node.items, `${pattern}[]`);
      }
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        const path = pattern ? `${pattern}.${name}` : name;
        patterns.push(path);
        walk(child, path);
      }
    };
    walk(planFileJsonSchema(), '');
    expect(new Set(Object.keys(PLAN_FILE_FIELDS))).toEqual(new Set(['', ...patterns]));
    for (const [pattern, field] of Object.entries(PLAN_FILE_FIELDS))
      expect(field.label, pattern).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệìíịỉĩòóọỏõôốồổỗộơớờởỡợùúụủũưừứửữựỳýỵỷỹ]/iu);
  });

  it.each([
    ['2021-02-30', 'tháng 2 năm 2021 chỉ có 28 ngày'],
    ['2023-02-29', 'tháng 2 năm 2023 chỉ có 28 ngày'],
    ['2021-04-31', 'tháng 4 năm 2021 chỉ có 30 ngày'],
    ['2021-13-01', 'tháng 13 không tồn tại'],
    ['2021-00-10', 'tháng 0 không tồn tại'],
    ['2021-01-00', 'ngày 0 không tồn tại'],
    ['0000-01-01', 'năm 0 nằm ngoài khoảng 1990-2050'],
    ['1850-06-01', 'năm 1850 nằm ngoài khoảng 1990-2050'],
    ['2101-01-01', 'năm 2101 nằm ngoài khoảng 1990-2050'],
  ])('refuses the impossible or implausible day %s on the exact field, saying why', (day, why) => {
    expect(impossibleDay(day)).toBe(why);
    expect(problemsOf(plan({ issuedOn: day }))).toEqual([
      {
        field: 'issuedOn',
        reason: 'INVALID_DATE',
        message: `Ngày ban hành "${day}" không phải một ngày hợp lệ: ${why}.`,
      },
    ]);
    expect(problemsOf(plan({ scope: { unit: '20', asOf: day } })).map((p) => [p.field, p.reason])).toEqual([
      ['scope.asOf', 'INVALID_DATE'],
    ]);
  });

  it('accepts real days, 29 February of a leap year included', () => {
    for (const day of ['2024-02-29', '2000-02-29', '1990-01-01', '2050-12-31']) {
      expect(impossibleDay(day), day).toBeNull();
      expect(problemsOf(plan({ issuedOn: day })), day).toEqual([]);
    }
  });

  it('refuses a day not written YYYY-MM-DD with the form it needs', () => {
    expect(problemsOf(plan({ issuedOn: '29/01/2019' }))).toEqual([
      {
        field: 'issuedOn',
        reason: 'INVALID_DATE',
        message:
          'Ngày ban hành không đúng quy định (đã nhập "29/01/2019"): cần một ngày có thật, dạng YYYY-MM-DD (ví dụ 2019-01-29), năm từ 1990 đến 2050.',
      },
    ]);
  });

  it('refuses a reporting deadline that is not a day of every year', () => {
    expect(impossibleDueDay('12-05')).toBeNull();
    expect(impossibleDueDay('02-28')).toBeNull();
    expect(impossibleDueDay('02-29')).toMatch(/năm không nhuận/);
    expect(impossibleDueDay('02-30')).toBe('tháng 2 chỉ có 28 ngày');
    expect(impossibleDueDay('04-31')).toBe('tháng 4 chỉ có 30 ngày');
    expect(impossibleDueDay('13-01')).toBe('tháng 13 không tồn tại');
    expect(impossibleDueDay('00-10')).toBe('tháng 0 không tồn tại');
    expect(impossibleDueDay('03-00')).toBe('ngày 0 không tồn tại');
  });

  it('trims texts, so a title of spaces is blank', () => {
    expect(planFileSchema.parse(plan({ title: '  Kế hoạch  ' })).title).toBe('Kế hoạch');
    expect(problemsOf(plan({ title: '   ' }))).toEqual([
      { field: 'title', reason: 'REQUIRED', message: 'Tên kế hoạch không được để trống.' },
    ]);
  });

  it('rejects keys it does not know, so a typo is not silently ignored', () => {
    expect(problemsOf(plan({ targts: [] }))).toEqual([
      {
        field: 'targts',
        reason: 'UNKNOWN_FIELD',
        message:
          'Định dạng tệp kế hoạch không có trường "targts"; vui lòng sửa tên hoặc xóa trường này. Có phải là "targets"?',
      },
    ]);
  });
});
