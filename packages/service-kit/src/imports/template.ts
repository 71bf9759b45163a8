/**
 * Excel templates people fill in and upload again: one data sheet whose header row is frozen and
 * whose columns carry Excel's data validation where it helps, an instructions sheet, and a hidden,
 * protected sheet saying what the template is for (kind, sector, unit, year, version), which the import
 * checks so that a template is never taken for another one.
 */
import { randomBytes } from 'node:crypto';
import type ExcelJS from 'exceljs';

import type { ImportColumn } from './columns.js';
import { loadExcelJS } from './exceljs.js';
import { cellText, type CellValue, type ImportSheet } from './table.js';

/** The hidden sheet identifying a template. */
export const TEMPLATE_IDENTITY_SHEET = 'mau_nhap';

export type TemplateValidation =
  { type: 'list'; values: readonly string[] } | { type: 'decimal' | 'whole'; min?: number; max?: number };

export interface TemplateColumn extends ImportColumn {
  width?: number;
  validation?: TemplateValidation;
  /** Filled in by the template (the unit, the indicator): shown greyed, not to be changed. */
  prefilled?: boolean;
}

export interface TemplateSpec {
  sheetName: string;
  columns: readonly TemplateColumn[];
  /** Rows filled in already, by field. */
  rows: readonly Record<string, CellValue>[];
  /** Rows below the filled ones that keep the validation, for rows the person adds. */
  spareRows?: number;
  identity: Readonly<Record<string, string>>;
  /** Lines of the instructions sheet. */
  instructions: readonly string[];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const PREFILLED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

function validationOf(rule: TemplateValidation, label: string): ExcelJS.DataValidation {
  if (rule.type === 'list') {
    return {
      type: 'list',
      allowBlank: true,
      formulae: [`"${rule.values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: label,
      error: `Chọn một trong: ${rule.values.join(', ')}.`,
    };
  }
  const bounds =
    rule.min !== undefined && rule.max !== undefined
      ? { operator: 'between' as const, formulae: [rule.min, rule.max] }
      : rule.min !== undefined
        ? { operator: 'greaterThanOrEqual' as const, formulae: [rule.min] }
        : { operator: 'lessThanOrEqual' as const, formulae: [rule.max ?? Number.MAX_SAFE_INTEGER] };
  return {
    type: rule.type,
    allowBlank: true,
    ...bounds,
    showErrorMessage: true,
    errorTitle: label,
    error: rule.type === 'whole' ? 'Ghi một số nguyên.' : 'Ghi một số.',
  };
}

/** The template as an .xlsx file. */
export async function buildTemplate(spec: TemplateSpec): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'ECD Federation';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({
    header: c.required ? `${c.label}*` : c.label,
    key: c.field,
    width: c.width ?? Math.max(12, Math.min(60, c.label.length + 4)),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    if (column.note) cell.note = column.note;
  });
  for (const row of spec.rows)
    sheet.addRow(Object.fromEntries(spec.columns.map((c) => [c.field, row[c.field] ?? null])));
  const last = spec.rows.length + 1 + (spec.spareRows ?? 0);
  spec.columns.forEach((column, i) => {
    for (let r = 2; r <= last; r++) {
      const cell = sheet.getRow(r).getCell(i + 1);
      if (column.validation) cell.dataValidation = validationOf(column.validation, column.label);
      if (column.prefilled && r <= spec.rows.length + 1) cell.fill = PREFILLED_FILL;
      // Codes stay text, so Excel keeps their leading zeros.
      if (column.prefilled || column.validation?.type === 'list') cell.numFmt = '@';
    }
  });

  const help = workbook.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 120;
  spec.instructions.forEach((line, i) => {
    const cell = help.getRow(i + 1).getCell(1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 13 };
  });

  const identity = workbook.addWorksheet(TEMPLATE_IDENTITY_SHEET, { state: 'veryHidden' });
  identity.addRow(['key', 'value']);
  for (const [key, value] of Object.entries(spec.identity)) identity.addRow([key, value]);
  // Locked with a password nobody keeps: the identity is read, never edited.
  await identity.protect(randomBytes(12).toString('base64'), { selectLockedCells: false, selectUnlockedCells: false });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a filled template says it is for (its hidden identity sheet), or null for a file that is not a template. */
export function templateIdentityOf(sheets: readonly ImportSheet[]): Record<string, string> | null {
  const sheet = sheets.find((s) => s.name === TEMPLATE_IDENTITY_SHEET);
  if (!sheet) return null;
  const identity: Record<string, string> = {};
  for (const { cells } of sheet.rows) {
    const [key, value] = cells;
    if (key != null && value != null) identity[cellText(key)] = cellText(value);
  }
  return identity;
}
