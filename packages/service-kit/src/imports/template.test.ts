import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';

import { readXlsx } from './table.js';
import { buildTemplate, TEMPLATE_IDENTITY_SHEET, templateIdentityOf } from './template.js';

it('builds a template whose rows, header and identity read back as an upload is read', async () => {
  const body = await buildTemplate({
    sheetName: 'Số liệu',
    columns: [
      { field: 'unitCode', label: 'Mã đơn vị', required: true, prefilled: true },
      { field: 'numerator', label: 'Tử số', validation: { type: 'decimal', min: 0 } },
      { field: 'kind', label: 'Loại', validation: { type: 'list', values: ['Nằm', 'Đứng'] } },
    ],
    rows: [{ unitCode: '05977' }, { unitCode: '05983' }],
    spareRows: 3,
    identity: { kind: 'indicator-values', sector: 'EDUCATION', version: '1' },
    instructions: ['Hướng dẫn', 'Ghi số liệu.'],
  });
  const sheets = await readXlsx(body);
  expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
    ['Số liệu', false],
    ['Hướng dẫn', false],
    [TEMPLATE_IDENTITY_SHEET, true],
  ]);
  expect(sheets[0]!.header).toEqual(['Mã đơn vị*', 'Tử số', 'Loại']);
  expect(sheets[0]!.rows.map((r) => r.cells[0])).toEqual(['05977', '05983']);
  expect(templateIdentityOf(sheets)).toEqual({ kind: 'indicator-values', sector: 'EDUCATION', version: '1' });

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Số liệu')!;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getCell('B5').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
  expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Nằm,Đứng"'] });
  const identity = workbook.getWorksheet(TEMPLATE_IDENTITY_SHEET)!;
  expect(identity.state).toBe('veryHidden');
  // exceljs keeps the protection in the sheet's model; its types do not declare it.
  expect((identity as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
});

it('finds no identity in a file that is not a template', () => {
  expect(templateIdentityOf([{ name: 'CSV', hidden: false, header: ['a'], headerRow: 1, rows: [] }])).toBeNull();
});
