/**
 * What every Excel export shares: a sheet per table with Vietnamese headers in its first row, frozen and
 * filterable; official codes as text (leading zeros kept), numbers as numbers, percentages as fractions
 * formatted as percentages. Pure: rows in, workbook out.
 */
import type ExcelJS from 'exceljs';

import { loadExcelJS } from '@ecd/service-kit';

/** The number format of a percentage stored as a fraction (0.925 → 92.50%). */
export const PERCENT_FORMAT = '0.00%';
/** A count: thousands grouped, no decimals. */
export const COUNT_FORMAT = '#,##0';
/** A figure that may have decimals (numerators and denominators reported in aggregate). */
export const NUMBER_FORMAT = '#,##0.####';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

/** A number with its own format (a percentage or a count, row by row). */
export interface FormattedNumber {
  value: number;
  numFmt: string;
}

export type Cell = string | number | Date | FormattedNumber | null;

export interface SheetColumn {
  header: string;
  width: number;
  /** Format of a plain number in this column. */
  numFmt?: string;
}

/** Adds a sheet: headers in row 1 (bold, shaded, frozen, with a filter), one row per record. */
export function addSheet(workbook: ExcelJS.Workbook, name: string, columns: SheetColumn[], rows: Cell[][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  for (const values of rows) {
    const row = sheet.addRow(values.map((v) => (v !== null && typeof v === 'object' && 'numFmt' in v ? v.value : v)));
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (v !== null && typeof v === 'object' && 'numFmt' in v) cell.numFmt = v.numFmt;
      else if (typeof v === 'number' && columns[i]?.numFmt) cell.numFmt = columns[i].numFmt;
      else if (v instanceof Date) cell.numFmt = DATE_TIME_FORMAT;
    });
  }
  if (columns.length > 0)
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, rows.length + 1), column: columns.length },
    };
  return sheet;
}

/** A fact a workbook states about itself: its label and value, a row of its "Thông tin" sheet. */
export type Fact = [label: string, value: Cell];

/** Adds the sheet of facts a workbook was made from (its plan, parameters, when): a label and a value a row. */
export function addFactsSheet(workbook: ExcelJS.Workbook, name: string, facts: Fact[], labelWidth: number) {
  return addSheet(
    workbook,
    name,
    [
      { header: 'Thông tin', width: labelWidth },
      { header: 'Giá trị', width: 90 },
    ],
    facts,
  );
}

/** The facts naming the plan a workbook is of, first in its sheet of facts. */
export const planFacts = (plan: { key: string; number: string | null; title: string }): Fact[] => [
  ['Kế hoạch', plan.title],
  ['Số hiệu', plan.number],
  ['Mã kế hoạch', plan.key],
];

/** A new workbook with its creator set. */
export async function newWorkbook(generatedAt: Date): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'ECD Federation';
  workbook.created = generatedAt;
  return workbook;
}

/** The workbook as the bytes of a .xlsx file. */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An instant shown as Vietnam's wall-clock time in Excel (which has no time zones). */
export const vietnamTime = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000);

export const yesNo = (value: boolean | null) => (value === null ? null : value ? 'Có' : 'Không');
