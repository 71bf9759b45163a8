/**
 * A plan's progress as an Excel workbook: one row per target in the unit ("Tiến độ"), and optionally per
 * commune ("Theo xã") and by sex ("Theo giới tính"), with the parameters in "Thông tin". Column headers
 * are fixed (PROGRESS_HEADERS) so that a workbook can be read back by its headers.
 */
import { INDICATOR_SECTOR_LABELS } from '@ecd/service-kit';

import { isPercent, statusLabel } from './format.js';
import type { CommuneRow, IndicatorInfo, ProgressRow, SexRow, UnitInfo } from './operations.js';
import {
  addFactsSheet,
  addSheet,
  COUNT_FORMAT,
  newWorkbook,
  NUMBER_FORMAT,
  PERCENT_FORMAT,
  planFacts,
  xlsxBytes,
  yesNo,
  type Cell,
  type SheetColumn,
} from './xlsx.js';

export interface ProgressWorkbookInput {
  plan: { key: string; number: string | null; title: string };
  year: number;
  byCommune: boolean;
  bySex: boolean;
  progress: ProgressRow[];
  generatedAt: Date;
}

/** The headers of the progress sheets, by meaning: what a reader looks columns up by. */
export const PROGRESS_HEADERS = {
  targetCode: 'Mã chỉ tiêu',
  target: 'Chỉ tiêu',
  indicatorCode: 'Mã chỉ số',
  indicator: 'Tên chỉ số',
  sector: 'Ngành',
  unitCode: 'Mã đơn vị',
  unit: 'Đơn vị',
  year: 'Năm',
  sex: 'Giới tính',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  value: 'Giá trị',
  milestoneYear: 'Năm mốc',
  comparator: 'So sánh',
  milestone: 'Giá trị mốc',
  gap: 'Chênh lệch so với mốc',
  status: 'Đánh giá',
  gapLabel: 'Nhận xét',
  source: 'Nguồn số liệu',
  reported: 'Số liệu tổng hợp',
  approximate: 'Địa bàn xấp xỉ',
  note: 'Ghi chú địa bàn',
} as const;

/** The sheets of a progress workbook. */
export const PROGRESS_SHEETS = { unit: 'Tiến độ', communes: 'Theo xã', bySex: 'Theo giới tính', about: 'Thông tin' };

type Key = keyof typeof PROGRESS_HEADERS;

const WIDTHS: Record<Key, number> = {
  targetCode: 12,
  target: 50,
  indicatorCode: 30,
  indicator: 40,
  sector: 22,
  unitCode: 11,
  unit: 26,
  year: 8,
  sex: 10,
  numerator: 12,
  denominator: 12,
  value: 11,
  milestoneYear: 10,
  comparator: 9,
  milestone: 12,
  gap: 14,
  status: 18,
  gapLabel: 32,
  source: 30,
  reported: 12,
  approximate: 12,
  note: 50,
};

const columnsOf = (keys: Key[]): SheetColumn[] =>
  keys.map((key) => ({
    header: PROGRESS_HEADERS[key],
    width: WIDTHS[key],
    ...(key === 'year' || key === 'milestoneYear' ? { numFmt: '0' } : {}),
  }));

/**
 * A value of the indicator's scale as a cell: a percentage as its fraction formatted as a percentage
 * (92.5 → 0.925 shown 92.50%), anything else as it is.
 */
function scaled(value: number | null | undefined, indicator: IndicatorInfo): Cell {
  if (value === null || value === undefined) return null;
  if (isPercent(indicator)) return { value: value / 100, numFmt: PERCENT_FORMAT };
  return { value, numFmt: indicator.kind === 'RATIO' ? NUMBER_FORMAT : COUNT_FORMAT };
}

const count = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? null : { value, numFmt: NUMBER_FORMAT };

/** The cells every row of a target has, whatever the sheet: the target, its indicator and the year. */
const targetCells = (row: ProgressRow) => ({
  targetCode: row.target.code,
  indicatorCode: row.indicator.code,
  indicator: row.indicator.name,
  year: row.year,
});

const UNIT_KEYS: Key[] = [
  'targetCode',
  'target',
  'indicatorCode',
  'indicator',
  'sector',
  'unitCode',
  'unit',
  'year',
  'numerator',
  'denominator',
  'value',
  'milestoneYear',
  'comparator',
  'milestone',
  'gap',
  'status',
  'gapLabel',
  'source',
  'reported',
  'approximate',
  'note',
];

function unitRow(row: ProgressRow): Cell[] {
  const cells: Record<Key, Cell> = {
    ...targetCells(row),
    target: row.target.description,
    sector: INDICATOR_SECTOR_LABELS[row.indicator.sector],
    unitCode: row.unitCode,
    unit: row.unit.fullName,
    sex: null,
    numerator: count(row.figure?.numerator),
    denominator: count(row.figure?.denominator),
    value: scaled(row.value, row.indicator),
    milestoneYear: row.milestone?.year ?? null,
    comparator: row.milestone?.comparatorLabel ?? null,
    milestone: scaled(row.milestone?.value, row.indicator),
    gap: scaled(row.gap, row.indicator),
    status: statusLabel(row.status),
    gapLabel: row.gapLabel,
    source: row.figure?.source ?? null,
    reported: row.figure ? yesNo(row.figure.reported) : null,
    approximate: yesNo(row.territory.approximate),
    note: row.territory.note,
  };
  return UNIT_KEYS.map((key) => cells[key]);
}

const COMMUNE_KEYS: Key[] = [
  'targetCode',
  'indicatorCode',
  'indicator',
  'unitCode',
  'unit',
  'year',
  'numerator',
  'denominator',
  'value',
  'milestone',
  'gap',
  'status',
  'gapLabel',
  'reported',
  'approximate',
  'note',
];

function communeRow(row: ProgressRow, commune: CommuneRow): Cell[] {
  const cells: Partial<Record<Key, Cell>> = {
    ...targetCells(row),
    unitCode: commune.unitCode,
    unit: commune.unit.fullName,
    numerator: count(commune.figure?.numerator),
    denominator: count(commune.figure?.denominator),
    value: scaled(commune.value, row.indicator),
    milestone: scaled(row.milestone?.value, row.indicator),
    gap: scaled(commune.gap, row.indicator),
    status: statusLabel(commune.status),
    gapLabel: commune.gapLabel,
    reported: commune.figure ? yesNo(commune.figure.reported) : null,
    approximate: yesNo(commune.territory.approximate),
    note: commune.territory.note,
  };
  return COMMUNE_KEYS.map((key) => cells[key] ?? null);
}

const SEX_KEYS: Key[] = [
  'targetCode',
  'indicatorCode',
  'indicator',
  'unitCode',
  'unit',
  'year',
  'sex',
  'numerator',
  'denominator',
  'value',
  'gap',
  'status',
  'gapLabel',
];

function sexRows(row: ProgressRow, unit: UnitInfo, groups: SexRow[] | null | undefined): Cell[][] {
  return (groups ?? []).map((group) => {
    const cells: Partial<Record<Key, Cell>> = {
      ...targetCells(row),
      unitCode: unit.code,
      unit: unit.fullName,
      sex: group.label,
      numerator: count(group.numerator),
      denominator: count(group.denominator),
      value: scaled(group.value, row.indicator),
      gap: scaled(group.gap, row.indicator),
      status: statusLabel(group.status),
      gapLabel: group.gapLabel,
    };
    return SEX_KEYS.map((key) => cells[key] ?? null);
  });
}

/** The progress workbook as the bytes of a .xlsx file. */
export async function progressXlsx(input: ProgressWorkbookInput): Promise<Buffer> {
  const workbook = await newWorkbook(input.generatedAt);
  addSheet(workbook, PROGRESS_SHEETS.unit, columnsOf(UNIT_KEYS), input.progress.map(unitRow));
  if (input.byCommune) {
    addSheet(
      workbook,
      PROGRESS_SHEETS.communes,
      columnsOf(COMMUNE_KEYS),
      input.progress.flatMap((row) => (row.communes ?? []).map((commune) => communeRow(row, commune))),
    );
  }
  if (input.bySex) {
    addSheet(
      workbook,
      PROGRESS_SHEETS.bySex,
      columnsOf(SEX_KEYS),
      input.progress.flatMap((row) => [
        ...sexRows(row, row.unit, row.bySex),
        ...(input.byCommune
          ? (row.communesBySex ?? []).flatMap((commune) => sexRows(row, commune.unit, commune.bySex))
          : []),
      ]),
    );
  }
  const unit = input.progress[0]?.unit;
  addFactsSheet(
    workbook,
    PROGRESS_SHEETS.about,
    [
      ...planFacts(input.plan),
      ['Mã đơn vị', unit?.code ?? null],
      ['Đơn vị', unit?.fullName ?? null],
      ['Năm', input.year],
      ['Theo xã', yesNo(input.byCommune)],
      ['Theo giới tính', yesNo(input.bySex)],
      ['Trích xuất lúc (UTC)', input.generatedAt.toISOString()],
      ['Nguồn', 'ECD Federation: Plan.progress qua cổng GraphQL, theo quyền của người tải'],
    ],
    24,
  );
  return xlsxBytes(workbook);
}
