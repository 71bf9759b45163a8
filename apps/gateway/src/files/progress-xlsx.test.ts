import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { PROGRESS_HEADERS, PROGRESS_SHEETS, progressXlsx } from './progress-xlsx.js';
import { samplePlan, sampleProgress, toArrayBuffer } from './sample.test-fixture.js';
import { reportingStatusXlsx, STATUS_SHEETS } from './status-xlsx.js';

const generatedAt = new Date('2026-01-10T02:00:00Z');

async function open(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(toArrayBuffer(bytes));
  return workbook;
}

/** A sheet's rows as records keyed by the header row. */
function records(sheet: ExcelJS.Worksheet) {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1)])));
  });
  return rows;
}

const plan = { key: 'lang-son-2019-de-an-1437', number: null, title: 'Kế hoạch' };

describe('a progress view as an Excel workbook', () => {
  it('gives each target its figures as numbers, percentages formatted, codes as text, header frozen', async () => {
    const progress = sampleProgress();
    const workbook = await open(
      await progressXlsx({ plan, year: 2025, byCommune: false, bySex: false, progress, generatedAt }),
    );
    const sheet = workbook.getWorksheet(PROGRESS_SHEETS.unit)!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const rows = records(sheet);
    expect(rows.map((r) => r[PROGRESS_HEADERS.indicatorCode]!.value)).toEqual(progress.map((p) => p.indicatorCode));
    const [access, sanitation, models] = rows;
    expect(access![PROGRESS_HEADERS.unitCode]!.value).toBe('20');
    expect(access![PROGRESS_HEADERS.numerator]!.value).toBe(92_500);
    expect(access![PROGRESS_HEADERS.denominator]!.value).toBe(100_000);
    expect(access![PROGRESS_HEADERS.value]!.value).toBeCloseTo(0.925, 12);
    expect(access![PROGRESS_HEADERS.value]!.numFmt).toBe('0.00%');
    expect(access![PROGRESS_HEADERS.milestone]!.value).toBeCloseTo(0.9, 12);
    expect(access![PROGRESS_HEADERS.status]!.value).toBe('Đạt');
    expect(access![PROGRESS_HEADERS.gapLabel]!.value).toBe('Vượt 2,5 điểm phần trăm');
    expect(sanitation![PROGRESS_HEADERS.approximate]!.value).toBe('Có');
    expect(sanitation![PROGRESS_HEADERS.sector]!.value).toBe('Giáo dục và Đào tạo');
    expect(models![PROGRESS_HEADERS.value]!.value).toBe(1234);
    expect(models![PROGRESS_HEADERS.value]!.numFmt).toBe('#,##0');
    expect(models![PROGRESS_HEADERS.denominator]!.value).toBeNull();
    expect(workbook.getWorksheet(PROGRESS_SHEETS.communes)).toBeUndefined();
  });

  it('adds the communes (codes with their leading zero) and the split by sex when asked', async () => {
    const workbook = await open(
      await progressXlsx({ plan, year: 2025, byCommune: true, bySex: true, progress: sampleProgress(), generatedAt }),
    );
    const communes = records(workbook.getWorksheet(PROGRESS_SHEETS.communes)!);
    expect(communes.map((r) => r[PROGRESS_HEADERS.unitCode]!.value)).toEqual(['05977', '06001', '05977', '06001']);
    expect(communes[1]![PROGRESS_HEADERS.value]!.value).toBeCloseTo(0.8125, 12);
    expect(communes[2]![PROGRESS_HEADERS.value]!.value).toBeNull();
    expect(communes[2]![PROGRESS_HEADERS.status]!.value).toBe('Chưa có số liệu');
    const bySex = records(workbook.getWorksheet(PROGRESS_SHEETS.bySex)!);
    expect(bySex.map((r) => [r[PROGRESS_HEADERS.sex]!.value, r[PROGRESS_HEADERS.numerator]!.value])).toEqual([
      ['Nam', 47_000],
      ['Nữ', 45_500],
    ]);
    const about = records(workbook.getWorksheet(PROGRESS_SHEETS.about)!);
    expect(about.find((r) => r['Thông tin']!.value === 'Năm')!['Giá trị']!.value).toBe(2025);
  });
});

describe('the reporting status board as an Excel workbook', () => {
  it('lists every expected report, and the counts per sector and per unit with rates as percentages', async () => {
    const period = { ...samplePlan().reportingPeriods[0]!, plan };
    const workbook = await open(await reportingStatusXlsx({ period, generatedAt }));
    const reports = records(workbook.getWorksheet(STATUS_SHEETS.reports)!);
    expect(reports.map((r) => [r['Mã cơ quan']!.value, r['Trạng thái']!.value, r['Quá hạn']!.value])).toEqual([
      ['SGDDT-20', 'Đã chấp nhận', 'Không'],
      ['SVHTTDL-20', 'Bản nháp', 'Không'],
      ['STC-20', 'Chưa báo cáo', 'Có'],
    ]);
    // First submitted 30/11/2025 10:00 in Vietnam.
    expect(reports[0]!['Ngày gửi lần đầu']!.value).toEqual(new Date('2025-11-30T10:00:00Z'));
    expect(reports[1]!['Đúng hạn']!.value).toBe('Không');
    const byUnit = records(workbook.getWorksheet(STATUS_SHEETS.byUnit)!);
    expect(byUnit[0]!['Mã đơn vị']!.value).toBe('20');
    expect(byUnit[0]!['Tỷ lệ đầy đủ']!.value).toBeCloseTo(2 / 3, 12);
    expect(byUnit[0]!['Tỷ lệ đầy đủ']!.numFmt).toBe('0.00%');
    expect(workbook.getWorksheet(STATUS_SHEETS.bySector)!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
