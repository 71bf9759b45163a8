import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded with the first spreadsheet a process reads or writes: loaded with the service it held
 * 27 MiB of resident memory (and took half a second of start-up) in every subgraph and the gateway, most
 * of which never meet a spreadsheet.
 */
export const loadExcelJS = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
