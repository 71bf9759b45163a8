/**
 * The columns an import takes and the reading of their cells, each problem located at its sheet, row
 * and column: the same conversions (numbers, dates, yes/no, choices) and the same reasons in every sector.
 */
import { DATE_YEARS } from '../dates.js';
import type { InputProblem } from '../input/problems.js';
import type { Reason } from '../input/reasons.js';
import type { ImportProblems } from './problems.js';
import { cellText, columnLetter, type CellValue, type ImportRow, type ImportSheet } from './table.js';

/** A column of an import: its field (the input's name for it) and its Vietnamese heading in templates. */
export interface ImportColumn {
  field: string;
  label: string;
  required?: boolean;
  /** What a template tells the person about the column (its comment). */
  note?: string;
}

/** A heading compared without case, surrounding spaces, a trailing `*` (required) or doubled spaces. */
const headingKey = (text: string) =>
  text.normalize('NFC').toLocaleLowerCase('vi').replace(/\*$/, '').replace(/\s+/g, ' ').trim();

/** Where each field's column is in a sheet, from its header: by field name or by Vietnamese heading. */
export type ColumnPositions = ReadonlyMap<string, number>;

/**
 * The columns of a sheet, from its header row: a required column missing, a heading no column has
 * (often a misspelt one, whose values would be lost) and a column given twice are problems of the sheet.
 */
export function mapColumns(sheet: ImportSheet, columns: readonly ImportColumn[], problems: ImportProblems) {
  const byHeading = new Map<string, ImportColumn>();
  for (const column of columns) {
    byHeading.set(headingKey(column.field), column);
    byHeading.set(headingKey(column.label), column);
  }
  const positions = new Map<string, number>();
  sheet.header.forEach((heading, index) => {
    if (!heading.trim()) return;
    const where = { sheet: sheet.name, row: sheet.headerRow, column: columnLetter(index) };
    const column = byHeading.get(headingKey(heading));
    if (!column) {
      problems.add({
        ...where,
        field: null,
        reason: 'UNKNOWN_FIELD',
        message: `Cột "${heading}" không thuộc mẫu nhập; các cột được nhận: ${columns.map((c) => c.label).join(', ')}.`,
      });
    } else if (positions.has(column.field)) {
      problems.add({
        ...where,
        field: column.field,
        reason: 'DUPLICATE_COLUMN',
        message: `Cột "${column.label}" xuất hiện hai lần.`,
      });
    } else positions.set(column.field, index);
  });
  for (const column of columns) {
    if (column.required && !positions.has(column.field)) {
      problems.add({
        sheet: sheet.name,
        row: sheet.headerRow || null,
        column: null,
        field: column.field,
        reason: 'MISSING_COLUMN',
        message: `Thiếu cột "${column.label}".`,
      });
    }
  }
  return positions;
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const YEAR_MONTH_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day/month/year as Vietnamese write it: 05/09/2025, 5-9-2025, 5.9.2025. */
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** The calendar day (UTC midnight) of a date text, if it is a real day within DATE_YEARS; else null. */
function calendarDay(text: string): Date | null {
  const iso = YEAR_MONTH_DAY.exec(text);
  const dmy = iso ? null : DAY_MONTH_YEAR.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < DATE_YEARS.min || y > DATE_YEARS.max) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date rolls 2025-02-30 over to 2 March: a day that is not real does not come back as itself.
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

/** A choice's spelling compared in lower case and composed form (NFC: a file may hold decomposed Vietnamese). */
const choiceKey = (text: string) => {
  return text.normalize('NFC').toLocaleLowerCase('vi');
};

/** Texts read as yes or no (lower-case, NFC). */
const YES_NO = new Map<string, boolean>([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['có', true],
  ['không', false],
  ['x', true],
  ['yes', true],
  ['no', false],
]);

/**
 * Reads the cells of one row after another, adding a located problem for each cell that cannot be
 * read (and returning null for it): conversions never throw, so every problem of a file is found.
 */
export class RowReader {
  private current: ImportRow = { row: 0, cells: [] };
  /** Dates already read, by text: a file of thousands of rows holds few distinct days. */
  private readonly days = new Map<string, Date | null>();
  /** Choices' spellings compared, by text (Nam, Nữ, Đứng… thousands of times). */
  private readonly spellings = new Map<string, string>();

  private spelling(text: string): string {
    let key = this.spellings.get(text);
    if (key === undefined) {
      key = choiceKey(text);
      if (this.spellings.size < 10_000) this.spellings.set(text, key);
    }
    return key;
  }

  constructor(
    readonly sheet: ImportSheet,
    readonly positions: ColumnPositions,
    readonly problems: ImportProblems,
    private readonly labels: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** Moves to a row. */
  at(row: ImportRow): this {
    this.current = row;
    return this;
  }

  get row(): number {
    return this.current.row;
  }

  /** The cell of a field in this row (null when empty or when the sheet has no such column). */
  cell(field: string): CellValue {
    const index = this.positions.get(field);
    return index === undefined ? null : (this.current.cells[index] ?? null);
  }

  /** A problem of this row's cell of `field` (or of the row when the field has no column). */
  problem(field: string, reason: Reason, message: string): null {
    const index = this.positions.get(field);
    this.problems.add({
      sheet: this.sheet.name,
      row: this.current.row,
      column: index === undefined ? null : columnLetter(index),
      field,
      reason,
      message,
    });
    return null;
  }

  /** A problem a domain check found in the values of this row (its field is the import's field). */
  add(found: InputProblem): void {
    this.problem(found.field, found.reason, found.message);
  }

  private label(field: string) {
    return this.labels.get(field) ?? field;
  }

  private missing(field: string): null {
    return this.problem(field, 'REQUIRED', `Cột "${this.label(field)}" không được để trống.`);
  }

  /** Text, trimmed; null when empty (a problem when required). */
  text(field: string, { required = false, maxLength }: { required?: boolean; maxLength?: number } = {}) {
    const cell = this.cell(field);
    if (cell === null) return required ? this.missing(field) : null;
    const text = cellText(cell);
    if (maxLength !== undefined && text.length > maxLength)
      return this.problem(field, 'TOO_LONG', `"${this.label(field)}" dài quá ${maxLength} ký tự.`);
    if (text.includes('\0')) return this.problem(field, 'NUL_CHARACTER', 'Văn bản chứa ký tự không được phép (NUL).');
    return text;
  }

  /**
   * A code (a unit's): text, with the leading zeros a spreadsheet drops put back to the shortest of
   * `digits` that holds it (Excel reads 05977 as the number 5977 unless the column is text, and writes
   * it so into a CSV).
   */
  code(field: string, { required = false, digits }: { required?: boolean; digits?: readonly number[] } = {}) {
    const cell = this.cell(field);
    if (cell === null) return required ? this.missing(field) : null;
    const text = typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 ? String(cell) : cellText(cell);
    if (!digits || !/^\d+$/.test(text)) return text;
    const width = digits.find((d) => d >= text.length);
    return width === undefined ? text : text.padStart(width, '0');
  }

  /** A number: a numeric cell, or text such as 12.5 or 12,5 (a decimal comma); a problem otherwise. */
  number(field: string, { required = false, integer = false }: { required?: boolean; integer?: boolean } = {}) {
    const cell = this.cell(field);
    if (cell === null) return required ? this.missing(field) : null;
    let value: number;
    if (typeof cell === 'number') value = cell;
    else if (typeof cell === 'string' && NUMBER.test(cell)) value = Number(cell.replace(',', '.'));
    else
      return this.problem(field, 'WRONG_TYPE', `"${this.label(field)}" phải là một số (ô này ghi "${String(cell)}").`);
    if (!Number.isFinite(value)) return this.problem(field, 'NUMBER_OUT_OF_RANGE', 'Số quá lớn, không biểu diễn được.');
    if (integer && !Number.isInteger(value))
      return this.problem(field, 'NOT_A_WHOLE_NUMBER', `"${this.label(field)}" phải là số nguyên.`);
    return value;
  }

  /**
   * A calendar day: a date cell, YYYY-MM-DD, or day/month/year as Vietnamese write it (05/09/2025);
   * a problem otherwise. Dates are UTC midnight, as PostgreSQL DATE values are read.
   */
  date(field: string, { required = false }: { required?: boolean } = {}) {
    const cell = this.cell(field);
    if (cell === null) return required ? this.missing(field) : null;
    let date: Date | null = null;
    if (cell instanceof Date) {
      // Excel stores a day as midnight; exceljs reads it as UTC (a time of day is dropped).
      date = Number.isNaN(cell.getTime()) ? null : calendarDay(cell.toISOString().slice(0, 10));
    } else if (typeof cell === 'string') {
      date = this.days.get(cell) ?? null;
      if (!this.days.has(cell)) {
        date = calendarDay(cell);
        this.days.set(cell, date);
      }
    }
    if (!date)
      return this.problem(
        field,
        'INVALID_DATE',
        `"${this.label(field)}" không phải một ngày hợp lệ (ghi dạng 2025-09-05 hoặc 05/09/2025).`,
      );
    return date;
  }

  /** Yes or no: a yes/no cell, 1/0, có/không, x (yes); empty is `empty`. */
  boolean(field: string, { empty = false }: { empty?: boolean } = {}): boolean | null {
    const cell = this.cell(field);
    if (cell === null) return empty;
    if (typeof cell === 'boolean') return cell;
    const value = YES_NO.get(this.spelling(cellText(cell)));
    if (value === undefined)
      return this.problem(field, 'VALUE_NOT_ALLOWED', `"${this.label(field)}" ghi "có" hoặc "không" (1 hoặc 0).`);
    return value;
  }

  /**
   * One of a set of values, by any of its spellings (`choices`: lower-case spelling → value); a
   * problem listing the spellings people use otherwise.
   */
  choice<T>(field: string, choices: ReadonlyMap<string, T>, { required = false }: { required?: boolean } = {}) {
    const cell = this.cell(field);
    if (cell === null) return required ? this.missing(field) : null;
    const value = choices.get(this.spelling(cellText(cell)));
    if (value === undefined) {
      return this.problem(
        field,
        'VALUE_NOT_ALLOWED',
        `"${this.label(field)}" không nhận giá trị "${cellText(cell)}"; hãy ghi một trong: ${[...choices.keys()].join(', ')}.`,
      );
    }
    return value;
  }
}

/** The headings of the columns, by field, for messages. */
export const columnLabels = (columns: readonly ImportColumn[]) => new Map(columns.map((c) => [c.field, c.label]));

/** The sheets of a file that hold an import's rows, each with a reader of its columns. */
export interface DataSheets {
  sheets: ImportSheet[];
  /** By sheet name. */
  readers: Map<string, RowReader>;
  /** The rows of all the data sheets. */
  rows: number;
}

/**
 * The data sheets of a file: the visible ones whose header names a column of the import (by field or
 * heading), each with a reader of its columns, the problems of its header added to `problems`. Null when
 * there is none: every required column is then missing, a problem of the file (located at `missingAt`
 * where the import names the sheet a person would look in).
 */
export function readDataSheets(
  sheets: readonly ImportSheet[],
  columns: readonly ImportColumn[],
  problems: ImportProblems,
  missingAt?: ImportSheet,
): DataSheets | null {
  const headings = new Set(columns.flatMap((c) => [c.field.toLowerCase(), c.label.toLowerCase()]));
  const data = sheets.filter(
    (s) => !s.hidden && s.header.some((h) => headings.has(h.replace(/\*$/, '').trim().toLowerCase())),
  );
  if (!data.length) {
    for (const column of columns.filter((c) => c.required))
      problems.file('MISSING_COLUMN', `Thiếu cột "${column.label}".`, {
        sheet: missingAt?.name ?? null,
        row: missingAt?.headerRow || null,
        field: column.field,
      });
    return null;
  }
  const labels = columnLabels(columns);
  return {
    sheets: data,
    readers: new Map(data.map((s) => [s.name, new RowReader(s, mapColumns(s, columns, problems), problems, labels)])),
    rows: data.reduce((n, s) => n + s.rows.length, 0),
  };
}

/** How a file may spell a child's sex (compared in lower case; "nu" without its diacritic too), for `RowReader.choice`. */
export const SEX_SPELLINGS: ReadonlyMap<string, 'MALE' | 'FEMALE'> = new Map([
  ['nam', 'MALE'],
  ['nữ', 'FEMALE'],
  ['nu', 'FEMALE'],
  ['male', 'MALE'],
  ['female', 'FEMALE'],
]);
