import { randomUUID } from 'node:crypto';
import { z } from 'zod';

import { claimImport, contentHash, queryRows, sql, wasImported, type BulkWriter, type CopyValue } from '@ecd/database';
import {
  acceptedImport,
  ImportProblems,
  readDataSheets,
  refusedImport,
  templateIdentityOf,
  todayInVietnam,
  toIsoDate,
  type Access,
  type ImportResult,
  type RowReader,
  type Upload,
} from '@ecd/service-kit';

import {
  communeLocator,
  GROWTH_COLUMNS,
  GROWTH_IMPORT_KIND,
  growthRowText,
  readGrowthRow,
  type GrowthRow,
} from '../domain/growth-import.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { addStuntingTallies } from './tallies.js';

/** Rows checked between two progress reports (and two turns of the event loop). */
const CHUNK = 5_000;
/** Child records looked up per statement. */
const LOOKUP_CHUNK = 10_000;

/** The columns COPY writes, in the order of `copyRow`. */
const MEASUREMENT_COLUMNS = [
  'id',
  'child_record_id',
  'sex',
  'birth_date',
  'measured_on',
  'weight_kg',
  'length_height_cm',
  'measured',
  'oedema',
  'weight_for_age_z',
  'length_height_for_age_z',
  'weight_for_length_height_z',
  'stunting',
  'underweight',
  'wasting',
  'commune_code',
  'commune_valid_from',
  'province_code',
  'province_valid_from',
  'recorded_by',
  'import_id',
] as const;

const copyRow = (row: GrowthRow, recordedBy: string, importId: string): CopyValue[] => [
  randomUUID(),
  row.childRecordId,
  row.sex,
  row.birthDate,
  row.measuredOn,
  row.weightKg,
  row.lengthHeightCm,
  row.measured,
  row.oedema,
  row.weightForAgeZ,
  row.lengthHeightForAgeZ,
  row.weightForLengthHeightZ,
  row.stunting,
  row.underweight,
  row.wasting,
  row.location.communeCode,
  row.location.communeValidFrom,
  row.location.provinceCode,
  row.location.provinceValidFrom,
  recordedBy,
  importId,
];

/** Who imports: the person (recorded with every row) and their territory (every row must lie in it). */
export interface Importer {
  identity: { userId: string };
  access: Pick<Access, 'covers'>;
}

/** What an import did, for its answer and its audit row. */
export interface GrowthImportOutcome {
  result: ImportResult;
  importId: string | null;
}

/** The reader of a row's sheet, at the row: for a problem found after the rows were read. */
const readerAt = (readers: ReadonlyMap<string, RowReader>, row: GrowthRow) =>
  (readers.get(row.sheet) as RowReader).at({ row: row.row, cells: [] });

const childRow = z.object({
  id: z.string(),
  sex: z.string(),
  birth_date: z.date(),
  commune_code: z.string(),
  commune_valid_from: z.date(),
});

/**
 * Growth measurements from a file (a commune's weighing day, a station's register): every row checked
 * with the rules of `recordGrowthMeasurement`, the z-scores computed, then all written in one
 * transaction (COPY on PostgreSQL) with the running totals, or none when anything is wrong.
 */
export function growthImportData(prisma: PrismaClient, bulk: BulkWriter | undefined) {
  /** The linked child records of the rows, in batches: each must exist, lie in the territory and be the same child. */
  async function checkChildRecords(rows: GrowthRow[], readers: Map<string, RowReader>, importer: Importer) {
    const ids = [...new Set(rows.flatMap((r) => (r.childRecordId ? [r.childRecordId] : [])))];
    const children = new Map<string, z.output<typeof childRow>>();
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const found = await queryRows(
        prisma,
        childRow,
        sql`SELECT id::text, sex::text, birth_date, commune_code, commune_valid_from
              FROM child_record WHERE id = ANY(${ids.slice(i, i + LOOKUP_CHUNK)}::uuid[])`,
      );
      for (const child of found) children.set(child.id, child);
    }
    for (const row of rows) {
      if (!row.childRecordId) continue;
      const reader = () => readerAt(readers, row);
      const child = children.get(row.childRecordId);
      if (!child) {
        reader().problem('childRecordId', 'UNKNOWN_CHILD_RECORD', 'Không có trẻ này trong sổ quản lý trẻ em.');
      } else if (!importer.access.covers({ code: child.commune_code, validFrom: child.commune_valid_from })) {
        reader().problem(
          'childRecordId',
          'OUTSIDE_SCOPE',
          'Trẻ này được quản lý ở đơn vị ngoài địa bàn bạn phụ trách.',
        );
      } else {
        if (child.sex !== row.sex)
          reader().problem('sex', 'CHILD_RECORD_MISMATCH', 'Giới tính khác với sổ quản lý trẻ em.');
        if (child.birth_date.getTime() !== row.birthDate.getTime())
          reader().problem('birthDate', 'CHILD_RECORD_MISMATCH', 'Ngày sinh khác với sổ quản lý trẻ em.');
      }
    }
  }

  /** Every row's commune in the territory; a child measured twice on the same day is a row given twice. */
  function checkTerritoryAndDuplicates(rows: GrowthRow[], readers: Map<string, RowReader>, importer: Importer) {
    const covered = new Map<string, boolean>();
    const seen = new Map<string, GrowthRow>();
    for (const row of rows) {
      const { communeCode, communeValidFrom } = row.location;
      const key = `${communeCode}@${communeValidFrom.getTime()}`;
      let inside = covered.get(key);
      if (inside === undefined) {
        inside = importer.access.covers({ code: communeCode, validFrom: communeValidFrom });
        covered.set(key, inside);
      }
      if (!inside)
        readerAt(readers, row).problem(
          'communeCode',
          'OUTSIDE_SCOPE',
          `Xã/phường ${communeCode} nằm ngoài địa bàn bạn phụ trách.`,
        );
      if (row.childRecordId) {
        const same = `${row.childRecordId}|${row.measuredOn.getTime()}`;
        const first = seen.get(same);
        if (first)
          readerAt(readers, row).problem(
            'measuredOn',
            'DUPLICATE_ROW',
            `Trẻ này đã có số đo ngày ${toIsoDate(row.measuredOn)} ở dòng ${first.row}${first.sheet === row.sheet ? '' : ` (trang ${first.sheet})`}.`,
          );
        else seen.set(same, row);
      }
    }
  }

  /** The running totals the rows add to (UNDER5_STUNTING per year, commune and sex), in the same transaction. */
  const talliesOf = (rows: readonly GrowthRow[]) => {
    const totals = new Map<string, { row: GrowthRow; numerator: number; denominator: number }>();
    for (const row of rows) {
      if (row.stunting === null) continue;
      const key = `${row.measuredOn.getUTCFullYear()}|${row.location.communeCode}|${row.location.communeValidFrom.getTime()}|${row.sex}`;
      const total = totals.get(key) ?? { row, numerator: 0, denominator: 0 };
      total.numerator += row.stunting === 'NONE' ? 0 : 1;
      total.denominator += 1;
      totals.set(key, total);
    }
    return [...totals.values()].map(({ row, numerator, denominator }) => ({
      year: row.measuredOn.getUTCFullYear(),
      communeCode: row.location.communeCode,
      communeValidFrom: toIsoDate(row.location.communeValidFrom),
      provinceCode: row.location.provinceCode,
      provinceValidFrom: toIsoDate(row.location.provinceValidFrom),
      sex: row.sex,
      numerator,
      denominator,
    }));
  };

  return {
    async run(upload: Upload, importer: Importer): Promise<GrowthImportOutcome> {
      const { dryRun, progress } = upload;
      const problems = new ImportProblems();
      const refused = (rows: number) => ({ result: refusedImport(dryRun, rows, problems), importId: null });
      const identity = templateIdentityOf(upload.sheets);
      if (identity && identity.kind !== GROWTH_IMPORT_KIND) {
        problems.file(
          'TEMPLATE_MISMATCH',
          `Tệp này là mẫu "${identity.kind ?? '?'}", không phải mẫu nhập số đo tăng trưởng.`,
        );
        return refused(0);
      }
      // A missing column is said of the first sheet a person sees.
      const firstVisible = upload.sheets.find((s) => !s.hidden);
      const data = readDataSheets(upload.sheets, GROWTH_COLUMNS, problems, firstVisible);
      if (!data) return refused(0);
      const { sheets, readers, rows: total } = data;
      if (problems.any) return refused(total);
      if (!total) {
        problems.file('NO_ROWS', 'Tệp không có dòng số đo nào.', { sheet: sheets[0]?.name ?? null });
        return refused(0);
      }

      const today = todayInVietnam();
      const locate = communeLocator();
      const rows: GrowthRow[] = [];
      let checked = 0;
      for (const sheet of sheets) {
        const reader = readers.get(sheet.name) as RowReader;
        for (const row of sheet.rows) {
          const read = readGrowthRow(reader.at(row), today, locate);
          if (read) rows.push(read);
          if (++checked % CHUNK === 0) await progress.report('check', checked, total);
        }
      }
      checkTerritoryAndDuplicates(rows, readers, importer);
      await checkChildRecords(rows, readers, importer);
      await progress.report('check', total, total);
      if (problems.any) {
        const order = new Map(sheets.map((s, i) => [s.name, i]));
        problems.list.sort(
          (a, b) =>
            (order.get(a.sheet ?? '') ?? -1) - (order.get(b.sheet ?? '') ?? -1) ||
            (a.row ?? 0) - (b.row ?? 0) ||
            (a.column ?? '').length - (b.column ?? '').length ||
            (a.column ?? '').localeCompare(b.column ?? ''),
        );
        return refused(total);
      }

      const hash = contentHash(
        (function* () {
          for (const row of rows) yield growthRowText(row);
        })(),
      );
      if (dryRun) {
        const before = await wasImported(prisma, GROWTH_IMPORT_KIND, hash);
        return { result: acceptedImport(true, total, before ? 0 : total, before ? total : 0), importId: null };
      }
      if (!bulk) throw new Error('the health data layer was made without a bulk writer');
      const importId = randomUUID();
      const recordedBy = importer.identity.userId;
      const written = await bulk.transaction(async (session) => {
        const first = await claimImport(session, {
          id: importId,
          kind: GROWTH_IMPORT_KIND,
          contentHash: hash,
          rows: total,
          fileName: upload.fileName,
          importedBy: recordedBy,
        });
        if (!first) return 0;
        const count = await session.copy(
          'growth_measurement',
          MEASUREMENT_COLUMNS,
          (function* () {
            for (const row of rows) yield copyRow(row, recordedBy, importId);
          })(),
          (n) => progress.report('write', n, total),
        );
        await addStuntingTallies(session, talliesOf(rows));
        return count;
      });
      return {
        result: acceptedImport(false, total, written, written ? 0 : total),
        importId: written ? importId : null,
      };
    },
  };
}
