import { describe, expect, it } from 'vitest';

import {
  columnLabels,
  fromIsoDate,
  ImportProblems,
  mapColumns,
  readCsv,
  RowReader,
  type ImportProblem,
} from '@ecd/service-kit';

import { communeLocator, GROWTH_COLUMNS, growthRowText, readGrowthRow, type GrowthRow } from './growth-import.js';
import { growthScores } from './growth-measurement.js';

const TODAY = fromIsoDate('2026-12-01');

/** Reads a CSV of measurements as the import does: the rows that pass, and every problem located. */
function readAll(csv: string): { rows: GrowthRow[]; problems: ImportProblem[] } {
  const [sheet] = readCsv(Buffer.from(csv));
  const problems = new ImportProblems();
  const reader = new RowReader(
    sheet!,
    mapColumns(sheet!, GROWTH_COLUMNS, problems),
    problems,
    columnLabels(GROWTH_COLUMNS),
  );
  const locate = communeLocator();
  const rows = sheet!.rows.flatMap((row) => readGrowthRow(reader.at(row), TODAY, locate) ?? []);
  return { rows, problems: problems.list };
}

const HEADER =
  'Giới tính,Ngày sinh,Ngày cân đo,Cân nặng (kg),Chiều dài/chiều cao (cm),Tư thế đo,Phù hai chân,Mã xã/phường';

describe('a row of a measurements file', () => {
  it('gives the values, commune and z-scores recordGrowthMeasurement stores', () => {
    const { rows, problems } = readAll(`${HEADER}\nNữ,10/05/2024,15/03/2026,9.8,78.4,Nằm,không,5977\n`);
    expect(problems).toEqual([]);
    const [row] = rows;
    const values = {
      sex: 'FEMALE' as const,
      birthDate: fromIsoDate('2024-05-10'),
      measuredOn: fromIsoDate('2026-03-15'),
      weightKg: 9.8,
      lengthHeightCm: 78.4,
      measured: 'LYING' as const,
      oedema: false,
    };
    expect(row).toMatchObject({ ...values, ...growthScores(values), sheet: 'CSV', row: 2, childRecordId: null });
    // 05977 in the list valid on the day (after 1 July 2025): Phường Đông Kinh, Lạng Sơn.
    expect(row!.location).toMatchObject({ communeCode: '05977', provinceCode: '20' });
    expect(row!.location.communeValidFrom).toEqual(fromIsoDate('2025-07-01'));
  });

  it('locates each problem at its row and column, with the reasons of the mutation', () => {
    const { rows, problems } = readAll(
      [
        HEADER,
        'Nam,2024-01-02,2027-01-01,9.1,77,Nằm,,05977',
        'Nam,2024-01-02,2026-04-01,0,29,Nằm,,05977',
        'Nam,2024-01-02,2024-01-01,9.1,77,Nằm,,05977',
        'Nam,2024-01-02,2026-04-01,9.1,77,Nằm,,00000',
        'Nam,,2026-04-01,9.1,77,Nằm,,05977',
      ].join('\n'),
    );
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.row, p.column, p.field, p.reason])).toEqual([
      [2, 'C', 'measuredOn', 'DATE_IN_FUTURE'],
      [3, 'D', 'weightKg', 'WEIGHT_NOT_POSITIVE'],
      [3, 'E', 'lengthHeightCm', 'LENGTH_HEIGHT_OUT_OF_RANGE'],
      [4, 'C', 'measuredOn', 'BEFORE_BIRTH'],
      [5, 'H', 'communeCode', 'UNKNOWN_UNIT_CODE'],
      [6, 'B', 'birthDate', 'REQUIRED'],
    ]);
    expect(problems.every((p) => p.sheet === 'CSV' && /\p{L}/u.test(p.message))).toBe(true);
  });

  it('refuses a commune code valid only in the other unit list on the day of measurement', () => {
    // 05980 (Phường Đông Kinh of the 2024 list) is no unit after 1 July 2025.
    const { problems } = readAll(`${HEADER}\nNam,2024-01-02,2025-12-01,9.1,77,Nằm,,05980\n`);
    expect(problems.map((p) => [p.row, p.column, p.reason])).toEqual([[2, 'H', 'UNIT_NOT_VALID_ON_DATE']]);
  });

  it('has one canonical text whatever the spelling, so the same content is recognised', () => {
    const a = readAll(`${HEADER}\nNữ,10/05/2024,15/03/2026,9.8,78.4,Nằm,không,5977\n`).rows[0]!;
    const b = readAll(`${HEADER}\nFEMALE,2024-05-10,2026-03-15,9.80,78.40,LYING,0,05977\n`).rows[0]!;
    expect(growthRowText(a)).toBe(growthRowText(b));
  });
});
