import { randomUUID } from 'node:crypto';

import { bulkInsert, execute, sql } from '@ecd/database';
import {
  acceptedImport,
  ImportProblems,
  isUuid,
  readDataSheets,
  refusedImport,
  templateIdentityOf,
  todayInVietnam,
  type Access,
  type ImportResult,
  type RowReader,
  type Upload,
} from '@ecd/service-kit';

import {
  draftProblems,
  ENROLMENT_COLUMNS,
  ENROLMENT_IMPORT_KIND,
  ENROLMENT_TEMPLATE_VERSION,
  enrolmentDrafts,
  readEnrolmentRow,
  reportKey,
  sameEnrolment,
  type EnrolmentDraft,
  type EnrolmentFileRow,
  type HeldEnrolment,
} from '../domain/enrolment-import.js';
import { openedProblems } from '../domain/records.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { versioned } from './versions.js';

type Db = Pick<PrismaClient, 'enrolmentReport'>;

/** The latest report of each school and year the drafts name, by reportKey. */
async function latestReports(db: Db, drafts: readonly EnrolmentDraft[]) {
  const held = new Map<string, HeldEnrolment & { version: number }>();
  if (!drafts.length) return held;
  const reports = await db.enrolmentReport.findMany({
    where: { OR: drafts.map((d) => ({ schoolId: d.schoolId, year: d.year })) },
    include: { enrolment: true, gradeFlows: true },
    orderBy: { version: 'asc' },
  });
  for (const report of reports) held.set(reportKey(report.schoolId, report.year), report);
  return held;
}

/** The drafts that differ from the school's latest report of the year (or have none), each with its version. */
const changesOf = (drafts: readonly EnrolmentDraft[], held: Awaited<ReturnType<typeof latestReports>>) =>
  drafts.flatMap((draft) => {
    const latest = held.get(reportKey(draft.schoolId, draft.year));
    if (latest && sameEnrolment(latest, draft)) return [];
    return [{ draft, version: (latest?.version ?? 0) + 1 }];
  });

/**
 * Schools' enrolment from a file: every row checked with the rules of recordSchoolEnrolment (the school
 * known and in the person's territory, the school year, the class groups of the school's level, the counts
 * and grade flows), then every school's report written in one transaction, or none when anything is wrong.
 * A report that says what the school's latest report of the year says is left as it is (the same file
 * twice changes nothing); one that differs is that report's correction, its next version.
 */
export function enrolmentImportData(prisma: PrismaClient) {
  return {
    async run(
      upload: Upload,
      importer: { identity: { userId: string }; access: Pick<Access, 'covers'> },
    ): Promise<{ result: ImportResult; entityIds: string[] }> {
      const { dryRun } = upload;
      const problems = new ImportProblems();
      const refused = (rows: number) => ({ result: refusedImport(dryRun, rows, problems), entityIds: [] });
      const identity = templateIdentityOf(upload.sheets);
      if (identity && (identity.kind !== ENROLMENT_IMPORT_KIND || identity.version !== ENROLMENT_TEMPLATE_VERSION)) {
        problems.file(
          'TEMPLATE_MISMATCH',
          identity.kind !== ENROLMENT_IMPORT_KIND
            ? `Tệp này là mẫu "${identity.kind ?? '?'}", không phải mẫu số liệu học sinh của trường.`
            : `Mẫu này là phiên bản ${identity.version ?? '?'}; vui lòng tải mẫu mới (phiên bản ${ENROLMENT_TEMPLATE_VERSION}).`,
        );
        return refused(0);
      }
      const data = readDataSheets(upload.sheets, ENROLMENT_COLUMNS, problems);
      if (!data) return refused(0);
      const { sheets, readers, rows: total } = data;
      if (problems.any) return refused(total);
      if (!total) {
        problems.file('NO_ROWS', 'Tệp không có dòng số học sinh nào.', { sheet: sheets[0]?.name ?? null });
        return refused(0);
      }

      const today = todayInVietnam();
      const read: EnrolmentFileRow[] = [];
      for (const sheet of sheets) {
        const reader = readers.get(sheet.name) as RowReader;
        for (const line of sheet.rows) {
          const row = readEnrolmentRow(reader.at(line), today);
          if (row) read.push(row);
        }
      }
      // The schools named, in one query; each row's school must be known and lie in the person's territory.
      const ids = [...new Set(read.map((r) => r.schoolId).filter(isUuid))];
      const schools = new Map(
        (ids.length ? await prisma.school.findMany({ where: { id: { in: ids } } }) : []).map((s) => [s.id, s]),
      );
      const rows: EnrolmentFileRow[] = [];
      for (const row of read) {
        const reader = (readers.get(row.sheet) as RowReader).at({ row: row.row, cells: [] });
        const school = schools.get(row.schoolId);
        if (!school) {
          reader.problem('schoolId', 'UNKNOWN_SCHOOL', `Không có trường mã "${row.schoolId}".`);
          continue;
        }
        if (!importer.access.covers({ code: school.communeCode, validFrom: school.communeValidFrom })) {
          reader.problem('schoolId', 'OUTSIDE_SCOPE', `Trường "${school.name}" nằm ngoài địa bàn bạn phụ trách.`);
          continue;
        }
        const opened = openedProblems(school.openedOn, row.year);
        for (const found of opened) reader.add(found);
        if (!opened.length) rows.push(row);
      }
      const drafts = enrolmentDrafts(rows);
      for (const draft of drafts) {
        const level = schools.get(draft.schoolId)?.level ?? null;
        for (const found of draftProblems(draft, level))
          (readers.get(found.sheet) as RowReader).at({ row: found.row, cells: [] }).add(found);
      }
      await upload.progress.report('check', total, total);
      if (problems.any) return refused(total);

      const rowsOf = (changes: ReturnType<typeof changesOf>) => changes.reduce((n, c) => n + c.draft.rows.length, 0);
      if (dryRun) {
        const toWrite = rowsOf(changesOf(drafts, await latestReports(prisma, drafts)));
        return { result: acceptedImport(true, total, toWrite, total - toWrite), entityIds: [] };
      }
      const written = await versioned(() =>
        prisma.$transaction(async (tx) => {
          // One writer of enrolment at a time, so the versions read are still the latest when the new ones are written.
          await execute(tx, sql`LOCK TABLE enrolment_report IN SHARE ROW EXCLUSIVE MODE`);
          const changes = changesOf(drafts, await latestReports(tx, drafts));
          const reports = changes.map(({ draft, version }) => ({ id: randomUUID(), draft, version }));
          await bulkInsert(
            tx,
            'enrolment_report',
            reports.map(({ id, draft, version }) => ({
              id,
              schoolId: draft.schoolId,
              year: draft.year,
              version,
              recordedBy: importer.identity.userId,
            })),
          );
          await bulkInsert(
            tx,
            'enrolment_count',
            reports.flatMap(({ id, draft }) =>
              draft.enrolment.map((row) => ({ id: randomUUID(), reportId: id, ...row })),
            ),
          );
          await bulkInsert(
            tx,
            'grade_flow',
            reports.flatMap(({ id, draft }) =>
              draft.gradeFlows.map((flow) => ({ id: randomUUID(), reportId: id, ...flow })),
            ),
          );
          return { rows: rowsOf(changes), ids: reports.map((r) => r.id) };
        }),
      );
      await upload.progress.report('write', written.rows, written.rows);
      return { result: acceptedImport(false, total, written.rows, total - written.rows), entityIds: written.ids };
    },
  };
}
