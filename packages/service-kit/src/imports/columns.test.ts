import { describe, expect, it } from 'vitest';

import { columnLabels, mapColumns, RowReader, type ImportColumn } from './columns.js';
import { ImportProblems } from './problems.js';
import type { CellValue, ImportSheet } from './table.js';

const COLUMNS: ImportColumn[] = [
  { field: 'code', label: 'Mã xã/phường', required: true },
  { field: 'day', label: 'Ngày', required: true },
  { field: 'amount', label: 'Số lượng' },
  { field: 'kind', label: 'Loại' },
  { field: 'done', label: 'Đã xong' },
];

const sheetOf = (header: string[], ...rows: CellValue[][]): ImportSheet => ({
  name: 'Trang 1',
  hidden: false,
  header,
  headerRow: 3,
  rows: rows.map((cells, i) => ({ row: 4 + i, cells })),
});
const located = (problems: ImportProblems) => problems.list.map((p) => [p.sheet, p.row, p.column, p.field, p.reason]);

describe('the columns of a sheet', () => {
  it('are found by field name or Vietnamese heading, whatever the case, a required mark or spaces', () => {
    const problems = new ImportProblems();
    const positions = mapColumns(sheetOf(['MÃ XÃ/PHƯỜNG*', ' ngày ', 'amount']), COLUMNS, problems);
    expect([...positions]).toEqual([
      ['code', 0],
      ['day', 1],
      ['amount', 2],
    ]);
    expect(problems.any).toBe(false);
  });

  it('name a missing required column, an unknown heading and a column given twice, in the header row', () => {
    const problems = new ImportProblems();
    mapColumns(sheetOf(['Ngày', 'Ngay', 'Số lượng', 'amount']), COLUMNS, problems);
    expect(located(problems)).toEqual([
      ['Trang 1', 3, 'B', null, 'UNKNOWN_FIELD'],
      ['Trang 1', 3, 'D', 'amount', 'DUPLICATE_COLUMN'],
      ['Trang 1', 3, null, 'code', 'MISSING_COLUMN'],
    ]);
  });
});

describe('reading the cells of a row', () => {
  const read = (cells: CellValue[], use: (reader: RowReader) => unknown) => {
    const sheet = sheetOf(['code', 'day', 'amount', 'kind', 'done'], cells);
    const problems = new ImportProblems();
    const reader = new RowReader(sheet, mapColumns(sheet, COLUMNS, problems), problems, columnLabels(COLUMNS));
    const value = use(reader.at(sheet.rows[0]!));
    return { value, problems: located(problems) };
  };

  it('takes numbers as numeric cells or text with a decimal point or comma', () => {
    expect(read([null, null, 12.5], (r) => r.number('amount')).value).toBe(12.5);
    expect(read([null, null, '12,5'], (r) => r.number('amount')).value).toBe(12.5);
    expect(read([null, null, '-3'], (r) => r.number('amount')).value).toBe(-3);
    expect(read([null, null, 'mười'], (r) => r.number('amount'))).toEqual({
      value: null,
      problems: [['Trang 1', 4, 'C', 'amount', 'WRONG_TYPE']],
    });
    expect(read([null, null, 2.5], (r) => r.number('amount', { integer: true })).problems).toEqual([
      ['Trang 1', 4, 'C', 'amount', 'NOT_A_WHOLE_NUMBER'],
    ]);
    expect(read([null, null, null], (r) => r.number('amount', { required: true })).problems).toEqual([
      ['Trang 1', 4, 'C', 'amount', 'REQUIRED'],
    ]);
  });

  it('takes days as date cells, YYYY-MM-DD or day/month/year, and refuses days that do not exist', () => {
    const day = (cell: CellValue) => read([null, cell], (r) => r.date('day'));
    const fifthOfSeptember = new Date(Date.UTC(2025, 8, 5));
    expect(day('2025-09-05').value).toEqual(fifthOfSeptember);
    expect(day('05/09/2025').value).toEqual(fifthOfSeptember);
    expect(day('5.9.2025').value).toEqual(fifthOfSeptember);
    expect(day(fifthOfSeptember).value).toEqual(fifthOfSeptember);
    for (const wrong of ['2025-02-29', '31/04/2025', '2025/09/05', '1899-12-31', 45905])
      expect(day(wrong).problems, String(wrong)).toEqual([['Trang 1', 4, 'B', 'day', 'INVALID_DATE']]);
  });

  it('takes yes/no and choices by any spelling, listing the accepted ones otherwise', () => {
    const kinds = new Map([
      ['nằm', 'LYING'],
      ['đứng', 'STANDING'],
    ]);
    expect(read([null, null, null, 'NẰM'], (r) => r.choice('kind', kinds)).value).toBe('LYING');
    // Decomposed Vietnamese (as some systems write it) is the same text.
    expect(read([null, null, null, 'Đứng'.normalize('NFD')], (r) => r.choice('kind', kinds)).value).toBe('STANDING');
    const wrong = read([null, null, null, 'ngồi'], (r) => r.choice('kind', kinds));
    expect(wrong.problems).toEqual([['Trang 1', 4, 'D', 'kind', 'VALUE_NOT_ALLOWED']]);
    for (const [cell, value] of [
      ['có', true],
      ['Không', false],
      [1, true],
      [null, false],
      [true, true],
    ] as const)
      expect(read([null, null, null, null, cell], (r) => r.boolean('done')).value, String(cell)).toBe(value);
    expect(read([null, null, null, null, 'hmm'], (r) => r.boolean('done')).problems).toEqual([
      ['Trang 1', 4, 'E', 'done', 'VALUE_NOT_ALLOWED'],
    ]);
  });

  it('puts back the leading zeros a spreadsheet drops from a code', () => {
    const code = (cell: CellValue, digits = [2, 3, 5]) => read([cell], (r) => r.code('code', { digits })).value;
    expect(code(5977)).toBe('05977');
    expect(code('5977')).toBe('05977');
    expect(code(1)).toBe('01');
    expect(code('05977')).toBe('05977');
    expect(code('AB-1')).toBe('AB-1');
  });
});
