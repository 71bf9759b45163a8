/**
 * A file of growth measurements (a commune's weighing and measuring day, cân đo): the columns it takes
 * and the checks of each row, the same rules as `recordGrowthMeasurement` (measurementProblems, the
 * commune valid on the measurement day), with the z-scores and statuses computed for every row that passes.
 */
import { UNIT_LISTS } from '@ecd/reference-data';
import {
  isProblem,
  locateCommuneOn,
  SEX_SPELLINGS,
  type CommuneLocation,
  type RowReader,
  type TemplateColumn,
} from '@ecd/service-kit';

import { growthScores, measurementProblems, type GrowthScores, type MeasurementValues } from './growth-measurement.js';
import type { MeasuredPosition } from './who-growth.js';

/** The import's name in routes, the import log and the audit log. */
export const GROWTH_IMPORT_KIND = 'growth-measurements';

const POSITIONS = new Map<string, MeasuredPosition>([
  ['nằm', 'LYING'],
  ['đứng', 'STANDING'],
  ['lying', 'LYING'],
  ['standing', 'STANDING'],
]);

/** The columns of a measurements file, by field name (as the GraphQL input names them) or Vietnamese heading. */
export const GROWTH_COLUMNS: readonly TemplateColumn[] = [
  {
    field: 'childRecordId',
    label: 'Mã hồ sơ trẻ',
    note: 'Mã hồ sơ của trẻ trong sổ quản lý trẻ em của trạm y tế (nếu có); giới tính và ngày sinh phải khớp với sổ.',
    width: 38,
  },
  { field: 'sex', label: 'Giới tính', required: true, validation: { type: 'list', values: ['Nam', 'Nữ'] } },
  { field: 'birthDate', label: 'Ngày sinh', required: true, note: 'Ngày/tháng/năm, ví dụ 05/09/2023.' },
  { field: 'measuredOn', label: 'Ngày cân đo', required: true, note: 'Ngày/tháng/năm; trẻ phải dưới 60 tháng tuổi.' },
  {
    field: 'weightKg',
    label: 'Cân nặng (kg)',
    required: true,
    validation: { type: 'decimal', min: 0, max: 50 },
    note: 'Tối đa 3 chữ số thập phân (đến gam).',
  },
  {
    field: 'lengthHeightCm',
    label: 'Chiều dài/chiều cao (cm)',
    required: true,
    validation: { type: 'decimal', min: 30, max: 130 },
    note: 'Tối đa 2 chữ số thập phân.',
  },
  {
    field: 'measured',
    label: 'Tư thế đo',
    required: true,
    validation: { type: 'list', values: ['Nằm', 'Đứng'] },
    note: 'Nằm (đo chiều dài, trẻ dưới 2 tuổi) hoặc Đứng (đo chiều cao).',
  },
  { field: 'oedema', label: 'Phù hai chân', note: 'Có/Không (để trống là Không).' },
  {
    field: 'communeCode',
    label: 'Mã xã/phường',
    required: true,
    note: 'Mã 5 chữ số của xã/phường nơi cân đo, theo danh mục có hiệu lực vào ngày cân đo.',
  },
];

/** A row that passed every check of its own: what is stored, with its z-scores and statuses. */
export interface GrowthRow extends MeasurementValues, GrowthScores {
  /** The row in the file, for problems found later (child records, territory). */
  sheet: string;
  row: number;
  childRecordId: string | null;
  location: CommuneLocation;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where a commune code lies on a day, looked up once per code and unit list in a file of thousands of
 * rows (a problem is not kept: its message names the day).
 */
export function communeLocator() {
  const found = new Map<string, CommuneLocation>();
  const lists = UNIT_LISTS.map((list) => ({ id: list.id, from: Date.parse(`${list.validFrom}T00:00:00Z`) }));
  return (code: string, day: Date) => {
    // The list valid on the day (the oldest one before it begins, as locateCommuneOn takes it).
    const time = day.getTime();
    const list = lists.findLast((l) => l.from <= time) ?? lists[0];
    const key = `${code}|${list?.id}`;
    const known = found.get(key);
    if (known) return known;
    const location = locateCommuneOn('communeCode', code, day);
    if (!isProblem(location)) found.set(key, location);
    return location;
  };
}

/**
 * Reads and checks the row the reader is at: every problem of its cells and values is added to the
 * reader's problems (located), and the row comes back only when it has none.
 */
export function readGrowthRow(
  reader: RowReader,
  today: Date,
  locate: ReturnType<typeof communeLocator>,
): GrowthRow | null {
  const before = reader.problems.count;
  const childRecordId = reader.text('childRecordId');
  if (childRecordId !== null && !UUID.test(childRecordId))
    reader.problem(
      'childRecordId',
      'UNKNOWN_CHILD_RECORD',
      `Không có trẻ mã hồ sơ "${childRecordId}" trong sổ quản lý trẻ em.`,
    );
  const sex = reader.choice('sex', SEX_SPELLINGS, { required: true });
  const birthDate = reader.date('birthDate', { required: true });
  const measuredOn = reader.date('measuredOn', { required: true });
  const weightKg = reader.number('weightKg', { required: true });
  const lengthHeightCm = reader.number('lengthHeightCm', { required: true });
  const measured = reader.choice('measured', POSITIONS, { required: true });
  const oedema = reader.boolean('oedema');
  const communeCode = reader.code('communeCode', { required: true, digits: [5] });
  if (
    sex === null ||
    birthDate === null ||
    measuredOn === null ||
    weightKg === null ||
    lengthHeightCm === null ||
    measured === null ||
    oedema === null ||
    communeCode === null
  )
    return null;
  const values: MeasurementValues = { sex, birthDate, measuredOn, weightKg, lengthHeightCm, measured, oedema };
  for (const found of measurementProblems(values, today)) reader.add(found);
  const location = locate(communeCode, measuredOn);
  if (isProblem(location)) reader.add(location);
  if (reader.problems.count > before || isProblem(location)) return null;
  const scores = growthScores(values);
  return {
    sex,
    birthDate,
    measuredOn,
    weightKg,
    lengthHeightCm,
    measured,
    oedema,
    weightForAgeZ: scores.weightForAgeZ,
    lengthHeightForAgeZ: scores.lengthHeightForAgeZ,
    weightForLengthHeightZ: scores.weightForLengthHeightZ,
    stunting: scores.stunting,
    underweight: scores.underweight,
    wasting: scores.wasting,
    sheet: reader.sheet.name,
    row: reader.row,
    childRecordId: childRecordId?.toLowerCase() ?? null,
    location,
  };
}

/** A row's values as a canonical text: the content a file is recognised by when imported again. */
export const growthRowText = (row: GrowthRow) =>
  [
    row.childRecordId ?? '',
    row.sex,
    row.birthDate.getTime(),
    row.measuredOn.getTime(),
    row.weightKg,
    row.lengthHeightCm,
    row.measured,
    row.oedema ? 1 : 0,
    row.location.communeCode,
  ].join('|');
