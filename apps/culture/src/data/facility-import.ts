import { randomUUID } from 'node:crypto';
import { z } from 'zod';

import { bulkInsert, onUniqueViolation, queryRows, sql } from '@ecd/database';
import {
  acceptedImport,
  conflict,
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
  FACILITY_COLUMNS,
  FACILITY_IMPORT_KIND,
  readFacilityRow,
  type FacilityRow,
} from '../domain/facility-import.js';
import type { PrismaClient } from '../generated/prisma/client.js';

const existingRow = z.object({
  commune_code: z.string(),
  commune_valid_from: z.date(),
  name: z.string(),
  kind: z.string(),
  serves_children: z.boolean(),
  opened_on: z.date().nullable(),
});

const communeKey = (code: string, validFrom: Date) => `${code}@${validFrom.getTime()}`;
const sameDay = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * A list of facilities from a file: every row checked with the rules of registerCulturalFacility, then all
 * registered in one transaction, or none when anything is wrong. A facility already registered as it is
 * (same commune and name, kind, children, opening day) is left as it is, so a file imported twice changes
 * nothing; the same name with other values is a name already used (DUPLICATE_FACILITY_NAME).
 */
export function facilityImportData(prisma: PrismaClient) {
  return {
    async run(
      upload: Upload,
      importer: { identity: { userId: string }; access: Pick<Access, 'covers'> },
    ): Promise<ImportResult> {
      const { dryRun } = upload;
      const problems = new ImportProblems();
      const identity = templateIdentityOf(upload.sheets);
      if (identity && identity.kind !== FACILITY_IMPORT_KIND) {
        problems.file(
          'TEMPLATE_MISMATCH',
          `Tệp này là mẫu "${identity.kind ?? '?'}", không phải mẫu danh sách thiết chế.`,
        );
        return refusedImport(dryRun, 0, problems);
      }
      const data = readDataSheets(upload.sheets, FACILITY_COLUMNS, problems);
      if (!data) return refusedImport(dryRun, 0, problems);
      const { sheets, readers, rows: total } = data;
      if (problems.any) return refusedImport(dryRun, total, problems);
      if (!total) {
        problems.file('NO_ROWS', 'Tệp không có thiết chế nào.', { sheet: sheets[0]?.name ?? null });
        return refusedImport(dryRun, 0, problems);
      }
      const today = todayInVietnam();
      const rows: FacilityRow[] = [];
      const first = new Map<string, FacilityRow>();
      for (const sheet of sheets) {
        const reader = readers.get(sheet.name) as RowReader;
        for (const line of sheet.rows) {
          const row = readFacilityRow(reader.at(line), today);
          if (!row) continue;
          const { communeCode, communeValidFrom } = row.location;
          if (!importer.access.covers({ code: communeCode, validFrom: communeValidFrom })) {
            reader.problem('communeCode', 'OUTSIDE_SCOPE', `Xã/phường ${communeCode} nằm ngoài địa bàn bạn phụ trách.`);
            continue;
          }
          const key = `${communeKey(communeCode, communeValidFrom)}|${row.name}`;
          const earlier = first.get(key);
          if (earlier) {
            reader.problem(
              'name',
              'DUPLICATE_FACILITY_NAME',
              `Tên "${row.name}" đã có ở dòng ${earlier.row} cho cùng xã/phường.`,
            );
            continue;
          }
          first.set(key, row);
          rows.push(row);
        }
        await upload.progress.report('check', rows.length, total);
      }
      if (problems.any) return refusedImport(dryRun, total, problems);

      // The facilities of those communes already registered under the same names.
      const existing = await queryRows(
        prisma,
        existingRow,
        sql`SELECT commune_code, commune_valid_from, name, kind::text, serves_children, opened_on
              FROM cultural_facility
             WHERE (commune_code, commune_valid_from, name) IN (
                   SELECT * FROM unnest(${rows.map((r) => r.location.communeCode)}::text[],
                                        ${rows.map((r) => toIsoDate(r.location.communeValidFrom))}::date[],
                                        ${rows.map((r) => r.name)}::text[]))`,
      );
      const held = new Map(existing.map((e) => [`${communeKey(e.commune_code, e.commune_valid_from)}|${e.name}`, e]));
      const fresh: FacilityRow[] = [];
      for (const row of rows) {
        const found = held.get(`${communeKey(row.location.communeCode, row.location.communeValidFrom)}|${row.name}`);
        if (!found) fresh.push(row);
        else if (
          found.kind !== row.kind ||
          found.serves_children !== row.servesChildren ||
          !sameDay(found.opened_on, row.openedOn)
        )
          (readers.get(row.sheet) as RowReader)
            .at({ row: row.row, cells: [] })
            .problem(
              'name',
              'DUPLICATE_FACILITY_NAME',
              `Xã/phường này đã có thiết chế tên "${row.name}" (với thông tin khác).`,
            );
      }
      if (problems.any) return refusedImport(dryRun, total, problems);
      if (dryRun) return acceptedImport(true, total, fresh.length, total - fresh.length);
      await onUniqueViolation(
        () =>
          prisma.$transaction((tx) =>
            bulkInsert(
              tx,
              'cultural_facility',
              fresh.map((row) => ({
                id: randomUUID(),
                name: row.name,
                kind: row.kind,
                servesChildren: row.servesChildren,
                openedOn: row.openedOn ? toIsoDate(row.openedOn) : null,
                communeCode: row.location.communeCode,
                communeValidFrom: toIsoDate(row.location.communeValidFrom),
                districtCode: row.location.districtCode,
                districtValidFrom: row.location.districtValidFrom ? toIsoDate(row.location.districtValidFrom) : null,
                provinceCode: row.location.provinceCode,
                provinceValidFrom: toIsoDate(row.location.provinceValidFrom),
                recordedBy: importer.identity.userId,
              })),
            ),
          ),
        () =>
          conflict(
            'Một thiết chế cùng tên vừa được đăng ký cùng lúc; không có dữ liệu nào được ghi, vui lòng gửi lại.',
            {
              reason: 'CONCURRENT_SUBMISSION',
            },
          ),
      );
      return acceptedImport(false, total, fresh.length, total - fresh.length);
    },
  };
}
