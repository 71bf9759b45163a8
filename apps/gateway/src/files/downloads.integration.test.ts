import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { vietnameseNumber } from '@ecd/service-kit';
import { userToken, type Federation } from '@ecd/test-kit';

import { startTestFederation } from '../federation.test-fixture.js';
import { docxText, toArrayBuffer } from './sample.test-fixture.js';

// The downloads through the gateway's HTTP path, with real tokens, over the demo federation: what the
// files say is read back with the same libraries and held against the GraphQL answers of the same user.

const PLAN = 'lang-son-2019-de-an-1437';

let federation: Federation;
let periodId: string;
let reporters: { code: string; name: string }[];

const as = async (user: string) => ({ authorization: `Bearer ${await userToken(user)}` });

async function gql<T>(user: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { data, errors } = await federation.query<T>(query, variables, await as(user));
  expect(errors).toBeUndefined();
  return data!;
}

async function download(path: string, user: string | null = 'lead.langson') {
  const response = await fetch(`${federation.gateway.url}${path}`, { headers: user ? await as(user) : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes,
    json: () =>
      JSON.parse(bytes.toString('utf8')) as { errors?: { message: string; extensions: Record<string, unknown> }[] },
  };
}

const TEXTS = {
  note: 'Đã tổ chức 24 lớp tập huấn cho cán bộ y tế xã.',
  difficulties: 'Thiếu cán bộ chuyên trách chăm sóc trẻ em ở các xã vùng cao.',
  proposals: 'Đề nghị bố trí kinh phí duy trì mạng lưới chuyển tuyến năm 2026.',
};

beforeAll(async () => {
  federation = await startTestFederation();
  const opened = await gql<{
    openReportingPeriod: { id: string; expectedReports: { reporter: { code: string; name: string } }[] };
  }>(
    'lead.langson',
    `mutation { openReportingPeriod(planKey: "${PLAN}", frequency: ANNUAL, year: 2025) {
      id expectedReports { reporter { code name } } } }`,
  );
  periodId = opened.openReportingPeriod.id;
  reporters = opened.openReportingPeriod.expectedReports.map((r) => r.reporter);
  // Two agencies report (one with texts), the others stay overdue (the period was due 2025-12-05).
  for (const [i, reporter] of reporters.slice(0, 2).entries()) {
    const created = await gql<{ createSubmission: { id: string } }>(
      'lead.langson',
      `mutation($period: ID!, $reporter: String!, $note: String, $difficulties: String, $proposals: String) {
        createSubmission(periodId: $period, reporterCode: $reporter, values: [], note: $note,
          difficulties: $difficulties, proposals: $proposals) { id } }`,
      { period: periodId, reporter: reporter.code, ...(i === 0 ? TEXTS : {}) },
    );
    await gql('lead.langson', `mutation($id: ID!) { submitReport(submissionId: $id) { id } }`, {
      id: created.createSubmission.id,
    });
  }
}, 300_000);
afterAll(() => federation?.close());

interface Row {
  targetId: string;
  indicatorCode: string;
  unitCode: string;
  target: { code: string };
  indicator: { name: string; kind: string; factor: number };
  value: number | null;
  gapLabel: string | null;
  figure: { numerator: number; denominator: number | null } | null;
  milestone: { year: number; comparatorLabel: string; value: number } | null;
  communes: { unitCode: string; value: number | null; figure: { numerator: number } | null }[] | null;
  bySex: { sex: string; numerator: number; denominator: number | null; value: number | null }[] | null;
}

const progress = async (user: string, year: number, byCommune = false) =>
  (
    await gql<{ plan: { progress: Row[] } }>(
      user,
      `query($key: String!, $year: Int!, $byCommune: Boolean!) { plan(key: $key) { progress(year: $year, byCommune: $byCommune) {
        targetId indicatorCode unitCode target { code } indicator { name kind factor } value gapLabel
        figure { numerator denominator } milestone { year comparatorLabel value }
        communes { unitCode value figure { numerator } } bySex { sex numerator denominator value } } } }`,
      { key: PLAN, year, byCommune },
    )
  ).plan.progress;

const printed = (value: number, row: Pick<Row, 'indicator'>) =>
  `${vietnameseNumber(value)}${row.indicator.kind === 'RATIO' && row.indicator.factor === 100 ? ' %' : ''}`;

describe('the annual report of the Lạng Sơn plan for 2025, as Word', () => {
  it('states every numeric target with the value the progress query gives, last year’s beside it', async () => {
    const file = await download(`/files/plans/${PLAN}/report.docx?unit=20&year=2025`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.disposition).toContain(`filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20n%C4%83m%202025%20-%20${PLAN}`);
    const { paragraphs } = await docxText(file.bytes);

    const rows = await progress('lead.langson', 2025);
    const previous = new Map((await progress('lead.langson', 2024)).map((r) => [r.targetId, r.value]));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.value, row.target.code).not.toBeNull();
      const at = paragraphs.indexOf(`${row.target.code}. ${row.indicator.name}`);
      expect(at, row.target.code).toBeGreaterThan(0);
      // The table's row: target, milestone, this year, last year, change, status and gap.
      expect(paragraphs[at + 1]).toBe(
        `${row.milestone!.comparatorLabel} ${printed(row.milestone!.value, row)} (${row.milestone!.year})`,
      );
      expect(paragraphs[at + 2], row.target.code).toBe(printed(row.value!, row));
      expect(paragraphs[at + 3], row.target.code).toBe(printed(previous.get(row.targetId)!, row));
      expect(paragraphs.slice(at + 4, at + 8), row.target.code).toContain(row.gapLabel);
    }
    // The form of an administrative document.
    expect(paragraphs.slice(0, 10)).toEqual(
      expect.arrayContaining([
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'UBND TỈNH LẠNG SƠN',
        'SỞ Y TẾ',
      ]),
    );
  });

  it('tabulates every commune, and quotes what the agencies submitted and who is overdue', async () => {
    const { paragraphs } = await docxText((await download(`/files/plans/${PLAN}/report.docx?year=2025`)).bytes);
    const text = paragraphs.join('\n');
    const rows = await progress('lead.langson', 2025, true);
    const communes = rows[0]!.communes!;
    expect(communes.length).toBeGreaterThan(10);
    for (const commune of communes) expect(paragraphs).toContain(commune.unitCode);
    expect(text).toContain(`${reporters[0]!.name}: ${TEXTS.difficulties}`);
    expect(text).toContain(`${reporters[0]!.name}: ${TEXTS.proposals}`);
    expect(text).toContain(`${reporters[0]!.name}: ${TEXTS.note}`);
    const { reportingPeriod } = await gql<{
      reportingPeriod: {
        status: { expected: number; submitted: number; overdueReporters: { code: string; name: string }[] };
      };
    }>(
      'lead.langson',
      `query($id: ID!) { reportingPeriod(id: $id) { status { expected submitted overdueReporters { code name } } } }`,
      {
        id: periodId,
      },
    );
    const { expected, submitted, overdueReporters } = reportingPeriod.status;
    expect(submitted).toBe(2);
    expect(text).toContain(`Có ${submitted}/${expected} cơ quan đã gửi báo cáo`);
    expect(overdueReporters.length).toBe(expected - 2);
    expect(text).toContain(`Các cơ quan quá hạn chưa gửi báo cáo (${overdueReporters.length} cơ quan):`);
    const listed = paragraphs.indexOf(`Các cơ quan quá hạn chưa gửi báo cáo (${overdueReporters.length} cơ quan):`);
    overdueReporters.forEach((agency, i) => {
      // The table's row: number, name, code.
      const at = paragraphs.indexOf(agency.code, listed);
      expect(paragraphs.slice(at - 2, at + 1), agency.code).toEqual([String(i + 1), agency.name, agency.code]);
    });
  });
});

async function workbook(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(toArrayBuffer(bytes));
  return book;
}

function records(sheet: ExcelJS.Worksheet) {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

describe('a commune of the plan’s ground', () => {
  it('gets its own report and figures', async () => {
    const file = await download(`/files/plans/${PLAN}/report.docx?year=2025&unit=05977`);
    expect(file.status).toBe(200);
    const { paragraphs } = await docxText(file.bytes);
    expect(paragraphs.join('\n')).toContain('trên địa bàn Phường Đông Kinh như sau:');
    const { plan } = await gql<{
      plan: {
        progress: {
          target: { code: string };
          indicator: { name: string; kind: string; factor: number };
          value: number | null;
        }[];
      };
    }>(
      'lead.langson',
      `{ plan(key: "${PLAN}") { progress(year: 2025, unitCode: "05977") { target { code } indicator { name kind factor } value } } }`,
    );
    for (const row of plan.progress) {
      const at = paragraphs.indexOf(`${row.target.code}. ${row.indicator.name}`);
      expect(paragraphs[at + 2], row.target.code).toBe(
        row.value === null ? 'Chưa có số liệu' : printed(row.value, row),
      );
    }
  });
});

describe('progress as Excel', () => {
  it('reads back as the same figures as the GraphQL query: numbers as numbers, codes as text, header frozen', async () => {
    const file = await download(`/files/plans/${PLAN}/progress.xlsx?year=2025&byCommune=true&bySex=true`);
    expect(file.status).toBe(200);
    const book = await workbook(file.bytes);
    const sheet = book.getWorksheet('Tiến độ')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = await progress('lead.langson', 2025, true);
    const read = records(sheet);
    expect(read.map((r) => r['Mã chỉ số'])).toEqual(rows.map((r) => r.indicatorCode));
    rows.forEach((row, i) => {
      const cells = read[i]!;
      expect(cells['Mã đơn vị']).toBe('20');
      expect(cells['Năm']).toBe(2025);
      expect(cells['Tử số']).toBe(row.figure!.numerator);
      expect(cells['Mẫu số']).toBe(row.figure!.denominator);
      expect(typeof cells['Giá trị']).toBe('number');
      // A percentage is stored as its fraction, formatted as a percentage.
      expect((cells['Giá trị'] as number) * row.indicator.factor).toBeCloseTo(row.value!, 9);
    });
    const communes = records(book.getWorksheet('Theo xã')!);
    const expected = rows.flatMap((r) =>
      r.communes!.map((c) => [r.indicatorCode, c.unitCode, c.figure?.numerator ?? null]),
    );
    expect(communes.map((c) => [c['Mã chỉ số'], c['Mã đơn vị'], c['Tử số']])).toEqual(expected);
    expect(communes.every((c) => typeof c['Mã đơn vị'] === 'string' && /^\d{5}$/.test(c['Mã đơn vị']))).toBe(true);
    const bySex = records(book.getWorksheet('Theo giới tính')!);
    const expectedBySex = rows.flatMap((r) => (r.bySex ?? []).map((g) => [r.indicatorCode, g.numerator]));
    expect(bySex.filter((r) => r['Mã đơn vị'] === '20').map((r) => [r['Mã chỉ số'], r['Tử số']])).toEqual(
      expectedBySex,
    );
  });

  it('exports one target by commune (the view of PlanTarget.progress)', async () => {
    const rows = await progress('lead.langson', 2025, true);
    const one = rows.at(-1)!;
    const file = await download(
      `/files/plans/${PLAN}/progress.xlsx?year=2025&byCommune=true&target=${one.target.code}`,
    );
    expect(file.status).toBe(200);
    const book = await workbook(file.bytes);
    expect(records(book.getWorksheet('Tiến độ')!).map((r) => r['Mã chỉ tiêu'])).toEqual([one.target.code]);
    expect(records(book.getWorksheet('Theo xã')!).map((r) => [r['Mã đơn vị'], r['Tử số']])).toEqual(
      one.communes!.map((c) => [c.unitCode, c.figure?.numerator ?? null]),
    );
    const unknown = await download(`/files/plans/${PLAN}/progress.xlsx?year=2025&target=khong-co`);
    expect(unknown.status).toBe(400);
    expect(unknown.json().errors![0]!.extensions).toMatchObject({ reason: 'VALUE_NOT_ALLOWED', field: 'target' });
  });

  it('exports the reporting status board with every expected report', async () => {
    const file = await download(`/files/reporting/${periodId}/status.xlsx`);
    expect(file.status).toBe(200);
    const book = await workbook(file.bytes);
    const reports = records(book.getWorksheet('Báo cáo')!);
    expect(reports.map((r) => r['Mã cơ quan'])).toEqual(reporters.map((r) => r.code));
    expect(reports.filter((r) => r['Quá hạn'] === 'Có').length).toBe(reporters.length - 2);
    expect(reports.slice(0, 2).map((r) => r['Trạng thái'])).toEqual(['Đã nộp', 'Đã nộp']);
    const byUnit = records(book.getWorksheet('Theo đơn vị')!);
    expect(byUnit.reduce((sum, r) => sum + (r['Phải báo cáo'] as number), 0)).toBe(reporters.length);

    // The same board by plan and year.
    const byPlan = await download(`/files/plans/${PLAN}/status.xlsx?year=2025`);
    expect(byPlan.status).toBe(200);
    expect(records((await workbook(byPlan.bytes)).getWorksheet('Báo cáo')!)).toEqual(reports);
    const notOpened = await download(`/files/plans/${PLAN}/status.xlsx?year=2024`);
    expect(notOpened.status).toBe(404);
    expect(notOpened.json().errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'UNKNOWN_PERIOD' });
  });
});

describe('DHIS2 exchange', () => {
  it('gives the progress figures as data values by indicator code, official unit code and year', async () => {
    const file = await download(`/files/plans/${PLAN}/dhis2.json?year=2025&byCommune=true`);
    expect(file.status).toBe(200);
    const { dataValues } = JSON.parse(file.bytes.toString('utf8')) as {
      dataValues: {
        dataElement: string;
        period: string;
        orgUnit: string;
        value: string;
        categoryOptionCombo?: string;
      }[];
    };
    const rows = await progress('lead.langson', 2025, true);
    const find = (dataElement: string, orgUnit: string) =>
      dataValues.filter((v) => v.dataElement === dataElement && v.orgUnit === orgUnit && !v.categoryOptionCombo);
    for (const row of rows) {
      expect(find(row.indicatorCode, '20').map((v) => Number(v.value))).toEqual([expect.closeTo(row.value!, 5)]);
      expect(find(`${row.indicatorCode}_NUM`, '20').map((v) => Number(v.value))).toEqual([row.figure!.numerator]);
      for (const commune of row.communes!.filter((c) => c.value !== null))
        expect(find(row.indicatorCode, commune.unitCode).map((v) => Number(v.value))).toEqual([
          expect.closeTo(commune.value!, 5),
        ]);
    }
    expect(new Set(dataValues.map((v) => v.period))).toEqual(new Set(['2025']));
  });
});

describe('who may download what', () => {
  const paths = () => [
    `/files/plans/${PLAN}/report.docx?year=2025`,
    `/files/plans/${PLAN}/progress.xlsx?year=2025`,
    `/files/plans/${PLAN}/dhis2.json?year=2025`,
    `/files/reporting/${periodId}/status.xlsx`,
    `/files/plans/${PLAN}/status.xlsx?year=2025`,
  ];

  it('refuses a user of another province as GraphQL does: 403, the catalogue’s reason, no file', async () => {
    for (const path of paths()) {
      const file = await download(path, 'viewer.quangninh');
      expect(file.status, path).toBe(403);
      expect(file.type).toMatch(/^application\/json/);
      expect(file.disposition).toBeNull();
      expect(file.json().errors![0]).toMatchObject({
        extensions: { code: 'FORBIDDEN', reason: 'OUTSIDE_SCOPE' },
        message: expect.stringMatching(/địa bàn/),
      });
    }
  });

  it('refuses a request without a token: 401', async () => {
    for (const path of paths()) {
      const file = await download(path, null);
      expect(file.status, path).toBe(401);
      expect(file.json().errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REQUIRED' });
    }
  });

  it.each([
    [PLAN, 'report.docx', 400, 'REQUIRED', 'year'],
    [PLAN, 'report.docx?year=20x5', 400, 'NOT_A_WHOLE_NUMBER', 'year'],
    [PLAN, 'report.docx?year=2025&unit=2', 400, 'MALFORMED_UNIT_CODE', 'unit'],
    [PLAN, 'progress.xlsx?year=2025&byCommune=maybe', 400, 'VALUE_NOT_ALLOWED', 'byCommune'],
    [PLAN, 'progress.xlsx?year=2025&yaer=2025', 400, 'UNKNOWN_FIELD', 'yaer'],
    [PLAN, 'report.docx?year=2031', 400, 'YEAR_OUTSIDE_PERIOD', undefined],
    [PLAN, 'dhis2.json?year=2025&unit=22', 400, 'UNIT_OUTSIDE_PLAN_SCOPE', undefined],
    ['khong-co-ke-hoach', 'report.docx?year=2025', 404, 'UNKNOWN_PLAN', 'planKey'],
    ['Lang_Son', 'report.docx?year=2025', 400, 'MALFORMED_PLAN_KEY', 'planKey'],
  ])('answers /files/plans/%s/%s with %i %s', async (plan, tail, status, reason, field) => {
    const file = await download(`/files/plans/${plan}/${tail}`);
    expect(file.status).toBe(status);
    const error = file.json().errors![0]!;
    expect(error.extensions).toMatchObject({ reason, ...(field ? { field } : {}) });
    // A Vietnamese message for people.
    expect(error.message).toMatch(/[^ -~]/);
  });

  it('answers an unknown period with 404', async () => {
    const file = await download('/files/reporting/00000000-0000-4000-8000-000000000000/status.xlsx');
    expect(file.status).toBe(404);
    expect(file.json().errors![0]!.extensions).toMatchObject({ reason: 'UNKNOWN_PERIOD' });
  });
});
