/**
 * A list of cultural and sports facilities (a district's or province's inventory) as a file: the columns
 * it takes and the checks of each row, the rules of `registerCulturalFacility`.
 */
import {
  isProblem,
  locateCommuneOn,
  MAX_NAME_LENGTH,
  pastDayProblems,
  textProblems,
  type CommuneLocation,
  type RowReader,
  type TemplateColumn,
} from '@ecd/service-kit';

import { FACILITY_KIND_LABELS } from './labels.js';

type FacilityKind = keyof typeof FACILITY_KIND_LABELS;

/** The import's name in routes and the audit log. */
export const FACILITY_IMPORT_KIND = 'facilities';

const KINDS = new Map<string, FacilityKind>(
  Object.entries(FACILITY_KIND_LABELS).flatMap(([kind, label]) => [
    [label.toLocaleLowerCase('vi'), kind as FacilityKind],
    [kind.toLowerCase(), kind as FacilityKind],
  ]),
);

export const FACILITY_COLUMNS: readonly TemplateColumn[] = [
  {
    field: 'name',
    label: 'Tên thiết chế',
    required: true,
    width: 40,
    note: 'Không trùng tên với thiết chế khác của xã.',
  },
  {
    field: 'kind',
    label: 'Loại',
    required: true,
    validation: { type: 'list', values: Object.values(FACILITY_KIND_LABELS) },
  },
  {
    field: 'communeCode',
    label: 'Mã xã/phường',
    required: true,
    note: 'Mã 5 chữ số, theo danh mục có hiệu lực hôm nay.',
  },
  {
    field: 'communeAsOf',
    label: 'Ngày của mã xã',
    note: 'Để trống: danh mục hiện hành; một ngày trước 01/07/2025: mã xã theo danh mục cũ.',
  },
  { field: 'openedOn', label: 'Ngày đưa vào sử dụng', note: 'Nếu biết; không sau hôm nay.' },
  {
    field: 'servesChildren',
    label: 'Có hoạt động cho trẻ em',
    validation: { type: 'list', values: ['Có', 'Không'] },
    note: 'Có/Không (để trống là Không).',
  },
];

export interface FacilityRow {
  sheet: string;
  row: number;
  name: string;
  kind: FacilityKind;
  servesChildren: boolean;
  openedOn: Date | null;
  location: CommuneLocation;
}

/** Reads and checks the row the reader is at; it comes back only without a problem (each one is added, located). */
export function readFacilityRow(reader: RowReader, today: Date): FacilityRow | null {
  const before = reader.problems.count;
  const name = reader.text('name', { required: true });
  const kind = reader.choice('kind', KINDS, { required: true });
  const communeCode = reader.code('communeCode', { required: true, digits: [5] });
  const communeAsOf = reader.date('communeAsOf');
  const openedOn = reader.date('openedOn');
  const servesChildren = reader.boolean('servesChildren');
  for (const found of [
    ...(name === null ? [] : textProblems('name', name, 'Tên thiết chế', MAX_NAME_LENGTH)),
    ...pastDayProblems('openedOn', openedOn, today, 'Ngày đưa vào sử dụng'),
    ...pastDayProblems('communeAsOf', communeAsOf, today, 'Ngày của mã xã'),
  ])
    reader.add(found);
  const location =
    communeCode === null
      ? null
      : locateCommuneOn('communeCode', communeCode, communeAsOf ?? today, { beforeOldestList: 'refuse' });
  if (location && isProblem(location)) reader.add(location);
  if (
    reader.problems.count > before ||
    name === null ||
    kind === null ||
    servesChildren === null ||
    location === null ||
    isProblem(location)
  )
    return null;
  return { sheet: reader.sheet.name, row: reader.row, name, kind, servesChildren, openedOn, location };
}
