import type { Reason } from '../input/reasons.js';

/**
 * One problem of an uploaded file, located where the person can find it: the sheet, the row as their
 * spreadsheet numbers it and the column letter (null for a problem of the whole file or sheet), the
 * field of the import it belongs to, a catalogued reason and a Vietnamese message.
 */
export interface ImportProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  field: string | null;
  reason: Reason;
  message: string;
}

/** Problems listed in an answer at most: the count says how many there were in all. */
export const MAX_LISTED_PROBLEMS = 1000;

/** The problems of one import, in the order found; beyond `max` only counted. */
export class ImportProblems {
  readonly list: ImportProblem[] = [];
  count = 0;

  constructor(readonly max = MAX_LISTED_PROBLEMS) {}

  add(problem: ImportProblem): void {
    this.count++;
    if (this.list.length < this.max) this.list.push(problem);
  }

  /** A problem of the whole file (not of a row). */
  file(reason: Reason, message: string, where: Partial<Omit<ImportProblem, 'reason' | 'message'>> = {}): void {
    this.add({ sheet: null, row: null, column: null, field: null, ...where, reason, message });
  }

  get any(): boolean {
    return this.count > 0;
  }
}

/**
 * The answer to an upload, the same for every kind: whether it was a dry run, the data rows read, the
 * records written (0 for a dry run or when anything is wrong: a file is written whole or not at all),
 * and every problem. `unchanged` counts rows already held as they are (a file imported again);
 * `problemCount` all the problems when more were found than listed.
 */
export interface ImportResult {
  dryRun: boolean;
  rows: number;
  written: number;
  unchanged: number;
  problems: ImportProblem[];
  problemCount: number;
  /** `INVALID_IMPORT` when the file was refused; absent when it was accepted. */
  reason?: Reason;
  /** What happened, in Vietnamese, for people and the command line. */
  message: string;
}

/** The answer for a file with problems: nothing written. */
export function refusedImport(dryRun: boolean, rows: number, problems: ImportProblems): ImportResult {
  return {
    dryRun,
    rows,
    written: 0,
    unchanged: 0,
    problems: problems.list,
    problemCount: problems.count,
    reason: 'INVALID_IMPORT',
    message: `Tệp có ${problems.count} lỗi; không có dữ liệu nào được ghi.`,
  };
}

/** The answer for a file without problems: what was (or, in a dry run, would be) written. */
export function acceptedImport(dryRun: boolean, rows: number, written: number, unchanged: number): ImportResult {
  const message = dryRun
    ? `Kiểm tra xong ${rows} dòng, không có lỗi; ${written} dòng sẽ được ghi${unchanged ? `, ${unchanged} dòng đã có sẵn` : ''} (chưa ghi gì).`
    : written === 0 && unchanged > 0
      ? `Tệp này đã được nhập trước đó: ${unchanged} dòng đã có sẵn, không ghi thêm gì.`
      : `Đã ghi ${written} dòng${unchanged ? `; ${unchanged} dòng đã có sẵn, không ghi lại` : ''}.`;
  return { dryRun, rows, written: dryRun ? 0 : written, unchanged, problems: [], problemCount: 0, message };
}
