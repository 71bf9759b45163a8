import { describe, expect, it } from 'vitest';

import { parseDocumentText } from './plan-documents.js';

const ENGLISH = /\b(Unexpected|Expected|token|must|Missing|Tabs|Map keys|alias \(|JSON at|position)\b/;

describe('parseDocumentText', () => {
  it('reads YAML and JSON', () => {
    expect(parseDocumentText('key: x\nperiod: { start: 2019, end: 2025 }\n', 'YAML')).toEqual({
      value: { key: 'x', period: { start: 2019, end: 2025 } },
      problems: [],
    });
    expect(parseDocumentText('{"key": "x"}', 'JSON')).toEqual({ value: { key: 'x' }, problems: [] });
  });

  it.each([
    ['key: [unclosed\n', 'dòng 2, cột 1', 'thiếu dấu đóng ]'],
    ['key: x\nkey: y\n', 'dòng 2, cột 1', 'một trường được khai báo hai lần'],
    ['scope:\n\tunit: "20"\n', 'dòng 2, cột 1', 'không được thụt lề bằng phím Tab'],
    ['title: "Kế hoạch\n', 'dòng 2, cột 1', 'thiếu ký tự đóng'],
    ['title: Kế hoạch: 2019\n', 'dòng 1, cột 8', 'hai dấu hai chấm trên cùng một dòng'],
    ['key: x\n---\nkey: y\n', 'dòng 2, cột 1', 'tệp chỉ được chứa một tài liệu'],
  ])('gives a YAML syntax error in Vietnamese with its line and column: %j', (text, where, what) => {
    const { value, problems } = parseDocumentText(text, 'YAML');
    expect(value).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ field: '(document)', reason: 'SYNTAX_ERROR' });
    expect(problems[0]!.message).toContain(`YAML không hợp lệ tại ${where}: `);
    expect(problems[0]!.message).toContain(what);
    for (const p of problems) expect(p.message).not.toMatch(ENGLISH);
  });

  it('refuses an alias used before its anchor instead of failing', () => {
    expect(parseDocumentText('lead: *syt\n', 'YAML')).toEqual({
      value: undefined,
      problems: [
        {
          field: '(document)',
          reason: 'SYNTAX_ERROR',
          message: 'YAML không hợp lệ: bí danh *syt được dùng trước khi neo &syt được đặt.',
        },
      ],
    });
  });

  it('refuses aliases that expand beyond reason', () => {
    // Each list holds ten of the one before: 10^8 items from a few lines ("billion laughs").
    const names = [...'abcdefgh'];
    const bomb = names.map(
      (name, i) =>
        `${name}: &${name} [${Array(10)
          .fill(i ? `*${names[i - 1]}` : 'x')
          .join(', ')}]`,
    );
    const { value, problems } = parseDocumentText(bomb.join('\n'), 'YAML');
    expect(value).toBeUndefined();
    expect(problems).toEqual([
      {
        field: '(document)',
        reason: 'SYNTAX_ERROR',
        message: 'YAML không hợp lệ: tệp dùng quá nhiều bí danh (alias).',
      },
    ]);
  });

  it.each([
    ['{"key": "x",}', 'JSON không hợp lệ tại dòng 1, cột 13: tên trường phải đặt trong dấu nháy kép'],
    ['{\n  "key" "x"\n}', 'JSON không hợp lệ tại dòng 2, cột 9: thiếu dấu hai chấm sau tên trường'],
    ['[1, 2', 'JSON không hợp lệ tại dòng 1, cột 6: thiếu dấu phẩy hoặc ] sau phần tử của danh sách'],
    ['{"key": "x"', 'JSON không hợp lệ'],
    ['', 'JSON không hợp lệ: tệp kết thúc khi chưa đóng hết dấu nháy, ] hoặc }.'],
    ["{'key': 'x'}", 'JSON không hợp lệ tại dòng 1, cột 2'],
  ])('gives a JSON syntax error in Vietnamese, with its place where the parser tells it: %j', (text, start) => {
    const { value, problems } = parseDocumentText(text, 'JSON');
    expect(value).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: '(document)', reason: 'SYNTAX_ERROR' });
    expect(problems[0]!.message.startsWith(start), problems[0]!.message).toBe(true);
    expect(problems[0]!.message).not.toMatch(ENGLISH);
  });
});
