/**
 * `npm run report:sample`: writes the README's sample report. It runs the whole system in-process as the
 * tests do (four subgraphs with the demo data on fresh databases — PGlite, or `TEST_DATABASE_URL` — and
 * the gateway, on free ports), then as Lạng Sơn's lead agency opens the 2025 annual reporting period, has
 * a few agencies submit reports (their texts below are the sample's own, marked as such), and downloads
 * through the gateway's HTTP path:
 *
 *   docs/samples/bao-cao-lang-son-2025.docx      the annual report
 *   docs/samples/tien-do-lang-son-2025.xlsx      the progress by commune and by sex
 *   docs/samples/bao-cao-lang-son-2025-trang-1.png  its first page (LibreOffice + pdftoppm, when installed)
 *
 * Nothing else is written; the databases are dropped at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { graphql, userToken, type Federation } from '@ecd/test-kit';

import { startTestFederation } from '../../apps/gateway/src/federation.test-fixture.ts';

const PLAN = 'lang-son-2019-de-an-1437';
const OUT = fileURLToPath(new URL('../../docs/samples/', import.meta.url));
const DOCX = join(OUT, 'bao-cao-lang-son-2025.docx');
const XLSX = join(OUT, 'tien-do-lang-son-2025.xlsx');
const PNG = join(OUT, 'bao-cao-lang-son-2025-trang-1.png');

/** What some agencies write in their 2025 reports: the sample's own texts (the figures are the demo's). */
const SAMPLE_TEXTS: Record<string, { note: string; difficulties: string; proposals: string }> = {
  'SGDDT-20': {
    note: '[Mẫu] Tổ chức tập huấn chăm sóc, giáo dục trẻ mầm non cho giáo viên các xã vùng cao; triển khai giáo dục kỹ năng cho học sinh tiểu học.',
    difficulties:
      '[Mẫu] Đội ngũ giáo viên mầm non ở các xã vùng cao còn thiếu; cơ sở vật chất một số điểm trường chưa đáp ứng.',
    proposals: '[Mẫu] Đề nghị UBND tỉnh bố trí kinh phí bổ sung thiết bị cho các điểm trường mầm non vùng cao.',
  },
  'SVHTTDL-20': {
    note: '[Mẫu] Lồng ghép nội dung chăm sóc phát triển toàn diện trẻ em trong giáo dục đời sống gia đình tại các xã.',
    difficulties: '[Mẫu] Kinh phí cho hoạt động truyền thông tại cơ sở còn hạn chế.',
    proposals: '[Mẫu] Đề nghị tăng cường phối hợp với Sở Y tế trong truyền thông về dinh dưỡng cho trẻ em.',
  },
  'STC-20': {
    note: '[Mẫu] Bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách năm 2025.',
    difficulties: '',
    proposals: '',
  },
};

async function as(user: string) {
  return { authorization: `Bearer ${await userToken(user)}` };
}

async function ok<T>(federation: Federation, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { data, errors } = await graphql<T>(federation.gateway.graphqlUrl, query, variables, await as('lead.langson'));
  if (errors?.length || !data) throw new Error(JSON.stringify(errors));
  return data;
}

async function download(federation: Federation, path: string, file: string) {
  const response = await fetch(`${federation.gateway.url}${path}`, { headers: await as('lead.langson') });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  console.log(`wrote ${file}`);
}

/** The first page as a PNG, through LibreOffice (docx → pdf) and pdftoppm, when both are installed. */
function renderFirstPage(docx: string, png: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ecd-sample-'));
  try {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore' });
    const pdf = join(dir, 'bao-cao-lang-son-2025.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page')]);
    renameSync(join(dir, 'page.png'), png);
    console.log(`wrote ${png}`);
  } catch (error) {
    console.warn(
      `no page image: LibreOffice (soffice) and pdftoppm are needed (apt-get install libreoffice-writer-nogui poppler-utils): ${(error as Error).message}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
console.log('starting the federation with the demo data (a few minutes on PGlite)…');
const federation = await startTestFederation();
try {
  const { openReportingPeriod } = await ok<{
    openReportingPeriod: { id: string; expectedReports: { reporter: { code: string } }[] };
  }>(
    federation,
    `mutation { openReportingPeriod(planKey: "${PLAN}", frequency: ANNUAL, year: 2025) { id expectedReports { reporter { code } } } }`,
  );
  const expected = new Set(openReportingPeriod.expectedReports.map((r) => r.reporter.code));
  for (const [reporter, texts] of Object.entries(SAMPLE_TEXTS)) {
    if (!expected.has(reporter)) continue;
    const { createSubmission } = await ok<{ createSubmission: { id: string } }>(
      federation,
      `mutation($period: ID!, $reporter: String!, $note: String, $difficulties: String, $proposals: String) {
        createSubmission(periodId: $period, reporterCode: $reporter, values: [], note: $note,
          difficulties: $difficulties, proposals: $proposals) { id } }`,
      { period: openReportingPeriod.id, reporter, ...texts },
    );
    await ok(federation, `mutation($id: ID!) { submitReport(submissionId: $id) { id } }`, { id: createSubmission.id });
  }
  await download(federation, `/files/plans/${PLAN}/report.docx?unit=20&year=2025`, DOCX);
  await download(federation, `/files/plans/${PLAN}/progress.xlsx?unit=20&year=2025&byCommune=true&bySex=true`, XLSX);
} finally {
  await federation.close();
}
renderFirstPage(DOCX, PNG);
console.log(`${readFileSync(DOCX).length} bytes of report`);
