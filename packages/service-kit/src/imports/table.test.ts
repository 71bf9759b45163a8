import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { columnLetter, readCsv, readImportFile, readXlsx, UnreadableFile } from './table.js';

describe('reading a CSV file', () => {
  it('numbers rows as a spreadsheet does: header, blank lines, quoted fields over several lines', () => {
    const [sheet] = readCsv(Buffer.from('\uFEFFa,b\r\n1, 2 \r\n\r\n"x\r\ny",3\r\n4,\r\n'));
    expect(sheet).toEqual({
      name: 'CSV',
      hidden: false,
      header: ['a', 'b'],
      headerRow: 1,
      rows: [
        { row: 2, cells: ['1', '2'] },
        { row: 4, cells: ['x\r\ny', '3'] },
        { row: 6, cells: ['4', null] },
      ],
    });
  });

  it('reads the same rows split at once (no quotes) as csv-parse reads them (quotes)', () => {
    const plain = readCsv(Buffer.from('a;b;c\n1;2,5;\n\n3;;x\n'));
    const quoted = readCsv(Buffer.from('a;b;c\n1;"2,5";\n\n3;;"x"\n'));
    expect(plain).toEqual(quoted);
    expect(plain[0]!.rows).toEqual([
      { row: 2, cells: ['1', '2,5', null] },
      { row: 4, cells: ['3', null, 'x'] },
    ]);
  });

  it('takes the separator of the header line: comma, semicolon or tab', () => {
    expect(readCsv(Buffer.from('a\tb\n1\t2'))[0]!.rows[0]!.cells).toEqual(['1', '2']);
    expect(readCsv(Buffer.from('a;b\n1;2'))[0]!.rows[0]!.cells).toEqual(['1', '2']);
    expect(readCsv(Buffer.from('a,b\n1,2'))[0]!.rows[0]!.cells).toEqual(['1', '2']);
  });

  it('refuses a file not in UTF-8 and one with an unclosed quote, saying why in Vietnamese', () => {
    // "Nữ" in Windows-1258 is not UTF-8.
    expect(() => readCsv(Buffer.from([0x61, 0x0a, 0x4e, 0xf5]))).toThrow(UnreadableFile);
    expect(() => readCsv(Buffer.from([0x61, 0x0a, 0x4e, 0xf5]))).toThrow(/UTF-8/);
    expect(() => readCsv(Buffer.from('a,b\n"1,2\n'))).toThrow(/ngoặc kép/);
  });
});

describe('reading an XLSX file', () => {
  it('reads every sheet, marks hidden ones, and turns dates, formulas, rich text and links into cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const data = workbook.addWorksheet('Dữ liệu');
    data.addRow([]);
    data.addRow(['Tên', 'Ngày', 'Số', 'Tổng']);
    data.addRow([
      { richText: [{ text: 'Ng' }, { text: 'uyễn ' }] },
      new Date(Date.UTC(2025, 8, 5)),
      12.5,
      { formula: 'C3*2', result: 25 },
    ]);
    data.addRow([{ text: 'liên kết', hyperlink: 'https://example.org' }, null, true, null]);
    workbook.addWorksheet('ẩn', { state: 'veryHidden' }).addRow(['key', 'value']);
    const sheets = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(sheets.map((s) => [s.name, s.hidden, s.headerRow])).toEqual([
      ['Dữ liệu', false, 2],
      ['ẩn', true, 1],
    ]);
    expect(sheets[0]!.header).toEqual(['Tên', 'Ngày', 'Số', 'Tổng']);
    expect(sheets[0]!.rows).toEqual([
      { row: 3, cells: ['Nguyễn', new Date(Date.UTC(2025, 8, 5)), 12.5, 25] },
      { row: 4, cells: ['liên kết', null, true] },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readImportFile(Buffer.from('PK\u0003\u0004 not a zip'), 'xlsx')).rejects.toThrow(UnreadableFile);
  });
});

it('names columns with spreadsheet letters', () => {
  expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
    'A',
    'B',
    'Z',
    'AA',
    'AB',
    'AZ',
    'BA',
    'ZZ',
    'AAA',
  ]);
});
