import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import type { Identity, ImportProblem, ImportResult } from '@ecd/service-kit';
import { countOf, plannedRowCount, rowCount, subgraphDatabase, userToken, type Federation } from '@ecd/test-kit';

import { startTestFederation } from './federation.test-fixture.js';

let federation: Federation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.close());

/** An LĐTBXH sector officer of Lạng Sơn (no demo user has the role): may record the sector's figures there. */
const LDTBXH_OFFICER: Identity = {
  userId: 'officer.ldtbxh.langson',
  name: 'Cán bộ Sở LĐTBXH Lạng Sơn',
  roles: ['sector-officer'],
  sector: 'LDTBXH',
  unitCode: '20',
  agency: 'SLDTBXH-20',
};

/** An import's answer as the route sends it, or a refusal's GraphQL-style errors. */
type Answer = ImportResult & { errors?: { extensions: { code: string; reason: string } }[] };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file to the gateway's upload path as a person (no `user`: no token). */
async function upload(
  path: string,
  body: string | Buffer,
  { user, contentType = 'text/csv', accept }: { user?: string | Identity; contentType?: string; accept?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (user) headers.authorization = `Bearer ${await userToken(user)}`;
  if (accept) headers.accept = accept;
  const response = await fetch(`${federation.gateway.url}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, text, answer: (accept ? {} : JSON.parse(text)) as Answer };
}

const gql = async <T>(user: string | Identity, query: string, variables: Record<string, unknown> = {}) => {
  const { data, errors } = await federation.query<T>(query, variables, {
    authorization: `Bearer ${await userToken(user)}`,
  });
  expect(errors).toBeUndefined();
  return data!;
};

const health = () => subgraphDatabase(federation, 'health');
const ldtbxh = () => subgraphDatabase(federation, 'ldtbxh');
const measurements = () => rowCount(health(), 'growth_measurement');
const located = (problems: ImportProblem[]) => problems.map((p) => [p.sheet, p.row, p.column, p.field, p.reason]);

const HEADER = 'childRecordId,sex,birthDate,measuredOn,weightKg,lengthHeightCm,measured,oedema,communeCode';

describe('growth measurements imported from a file through the gateway', () => {
  const IMPORT = '/files/imports/health/growth-measurements';
  let childId: string;
  let outsideChildId: string;
  const personalId = '020245001234';
  let file: string;

  beforeAll(async () => {
    const registered = await gql<{ registerChild: { id: string } }>(
      'station.dongkinh',
      `mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }`,
      { i: { birthDate: '2024-05-10', sex: 'FEMALE', communeCode: '05977', personalId } },
    );
    childId = registered.registerChild.id;
    const outside = await gql<{ registerChild: { id: string } }>(
      'health.langson',
      `mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }`,
      { i: { birthDate: '2024-02-01', sex: 'MALE', communeCode: '05983' } },
    );
    outsideChildId = outside.registerChild.id;
    file = [
      HEADER,
      `${childId},Nữ,10/05/2024,15/03/2026,9.8,78.4,Nằm,không,05977`,
      `${childId},FEMALE,2024-05-10,2026-06-15,10.4,81,Đứng,,5977`,
      ',Nam,2023-01-20,2026-03-15,11.2,88.5,Đứng,,05977',
      ',Nam,2022-11-02,2026-03-15,10.1,84,Đứng,có,05977',
    ].join('\n');
  });

  it('refuses a caller without a token (401), of another role (403), before reading the file', async () => {
    const before = await measurements();
    const anonymous = await upload(IMPORT, file);
    expect(anonymous.status).toBe(401);
    expect(anonymous.answer.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_REQUIRED',
    });
    const viewer = await upload(IMPORT, file, { user: 'viewer.quangninh' });
    expect(viewer.status).toBe(403);
    expect(viewer.answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const otherSector = await upload(IMPORT, file, { user: 'education.ninhbinh' });
    expect(otherSector.status).toBe(403);
    expect(otherSector.answer.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'SECTOR_NOT_ALLOWED',
    });
    expect(await measurements()).toBe(before);
  });

  it('checks a file in a dry run without writing anything', async () => {
    const before = await measurements();
    const dry = await upload(`${IMPORT}?dryRun=true`, file, { user: 'station.dongkinh' });
    expect(dry.status).toBe(200);
    expect(dry.answer).toMatchObject({ dryRun: true, rows: 4, written: 0, unchanged: 0, problems: [] });
    expect(await measurements()).toBe(before);
  });

  it('imports a CSV: every row with the z-scores the mutation computes, readable through GraphQL, and the totals kept', async () => {
    // The same values as row 4, recorded one at a time through GraphQL: the reference for its z-scores.
    const reference = await gql<{
      recordGrowthMeasurement: {
        weightForAgeZ: number;
        lengthHeightForAgeZ: number;
        weightForLengthHeightZ: number;
        stunting: string;
      };
    }>(
      'station.dongkinh',
      `mutation($i: GrowthMeasurementInput!) { recordGrowthMeasurement(input: $i) { weightForAgeZ lengthHeightForAgeZ weightForLengthHeightZ stunting } }`,
      {
        i: {
          sex: 'MALE',
          birthDate: '2023-01-20',
          measuredOn: '2026-03-15',
          weightKg: 11.2,
          lengthHeightCm: 88.5,
          measured: 'STANDING',
          communeCode: '05977',
        },
      },
    );
    const statusQuery = `{ administrativeUnit(code: "05977") { growthStatus(from: "2026-01-01") { measuredCount stunting { numerator denominator } } } }`;
    type Status = { administrativeUnit: { growthStatus: { measuredCount: number } } };
    const statusBefore = (await gql<Status>('health.langson', statusQuery)).administrativeUnit.growthStatus;
    const before = await measurements();

    const { status, answer } = await upload(IMPORT, file, { user: 'station.dongkinh' });
    expect(status).toBe(200);
    expect(answer).toMatchObject({ dryRun: false, rows: 4, written: 4, unchanged: 0, problems: [] });
    expect(await measurements()).toBe(before + 4);
    // The import left the planner the table's new size (it reads every row of a table this small).
    expect(await plannedRowCount(health(), 'growth_measurement')).toBe(before + 4);

    const imported = await queryRows(
      health(),
      z.object({
        weight_for_age_z: z.unknown(),
        length_height_for_age_z: z.unknown(),
        weight_for_length_height_z: z.unknown(),
        stunting: z.string().nullable(),
        recorded_by: z.string(),
      }),
      sql`SELECT weight_for_age_z, length_height_for_age_z, weight_for_length_height_z, stunting::text, recorded_by
            FROM growth_measurement WHERE import_id IS NOT NULL AND birth_date = '2023-01-20' AND weight_kg = 11.2`,
    );
    expect(imported).toHaveLength(1);
    expect(Number(imported[0]!.weight_for_age_z)).toBe(reference.recordGrowthMeasurement.weightForAgeZ);
    expect(Number(imported[0]!.length_height_for_age_z)).toBe(reference.recordGrowthMeasurement.lengthHeightForAgeZ);
    expect(Number(imported[0]!.weight_for_length_height_z)).toBe(
      reference.recordGrowthMeasurement.weightForLengthHeightZ,
    );
    expect(imported[0]!.stunting).toBe(reference.recordGrowthMeasurement.stunting);
    expect(imported[0]!.recorded_by).toBe('station.dongkinh');

    // The linked child's measurements, read through GraphQL with their z-scores and statuses.
    const child = await gql<{
      childByPersonalId: {
        healthRecord: {
          growthMeasurements: {
            measuredOn: string;
            weightKg: number;
            lengthHeightForAgeZ: number | null;
            stunting: string | null;
            oedema: boolean;
          }[];
        };
      };
    }>(
      'station.dongkinh',
      `query($p: String!) { childByPersonalId(personalId: $p, purpose: "Kiểm tra số đo nhập từ tệp") {
         healthRecord { growthMeasurements { measuredOn weightKg lengthHeightForAgeZ stunting oedema } } } }`,
      { p: personalId },
    );
    const linked = child.childByPersonalId.healthRecord.growthMeasurements;
    expect(linked.map((m) => [m.measuredOn, m.weightKg])).toEqual([
      ['2026-03-15', 9.8],
      ['2026-06-15', 10.4],
    ]);
    for (const m of linked) {
      expect(m.lengthHeightForAgeZ).not.toBeNull();
      expect(m.stunting).toBe(
        m.lengthHeightForAgeZ! < -3 ? 'SEVERE' : m.lengthHeightForAgeZ! < -2 ? 'MODERATE' : 'NONE',
      );
    }

    // The commune's growth status counts the new children (the linked one once, by its latest measurement).
    const statusAfter = (await gql<Status>('health.langson', statusQuery)).administrativeUnit.growthStatus;
    expect(statusAfter.measuredCount).toBe(statusBefore.measuredCount + 3);

    // The running totals were kept in the import's transaction: they equal the records they count.
    const tallied = await countOf(
      health(),
      sql`SELECT coalesce(sum(denominator), 0) AS n FROM health_figure_tally
           WHERE indicator_code = 'UNDER5_STUNTING' AND year = 2026 AND commune_code = '05977'`,
    );
    const records = await countOf(
      health(),
      sql`SELECT count(*) AS n FROM growth_measurement
           WHERE stunting IS NOT NULL AND extract(year FROM measured_on) = 2026 AND commune_code = '05977'`,
    );
    expect(tallied).toBe(records);

    // The import is audited as one write of the person.
    const audited = await countOf(
      health(),
      sql`SELECT count(*) AS n FROM audit_event WHERE user_id = 'station.dongkinh' AND kind = 'WRITE'
           AND root_fields = ARRAY['import:growth-measurements'] AND succeeded`,
    );
    expect(audited).toBe(1);
  });

  it('writes nothing new when the same file is imported again', async () => {
    const before = await measurements();
    const again = await upload(IMPORT, file, { user: 'station.dongkinh' });
    expect(again.status).toBe(200);
    expect(again.answer).toMatchObject({ rows: 4, written: 0, unchanged: 4, problems: [] });
    const dry = await upload(`${IMPORT}?dryRun=true`, file, { user: 'station.dongkinh' });
    expect(dry.answer).toMatchObject({ dryRun: true, written: 0, unchanged: 4 });
    expect(await measurements()).toBe(before);
  });

  it('refuses a file with one bad row whole, locating the problem by row and column', async () => {
    const before = await measurements();
    const bad = [
      HEADER,
      ',Nữ,2024-01-02,2026-04-01,9.1,77,Nằm,,05977',
      ',Nữ,2024-01-03,2026-04-01,9.2,77.5,Nằm,,05977',
      ',Nam,2024-01-04,2026-04-01,mười,78,Nằm,,05977',
      ',Nam,2024-01-05,2026-04-01,9.4,78.5,Nằm,,05977',
    ].join('\n');
    const { status, answer } = await upload(IMPORT, bad, { user: 'station.dongkinh' });
    expect(status).toBe(422);
    expect(answer).toMatchObject({ reason: 'INVALID_IMPORT', rows: 4, written: 0, problemCount: 1 });
    expect(located(answer.problems)).toEqual([['CSV', 4, 'E', 'weightKg', 'WRONG_TYPE']]);
    expect(answer.problems[0]!.message).toMatch(/Cân nặng \(kg\).*số/);
    expect(await measurements()).toBe(before);
  });

  it('lists every problem of a file, with the rules of recordGrowthMeasurement', async () => {
    const bad = [
      HEADER,
      ',X,2024-01-02,2026-04-01,9.1,77,Nằm,,05977', // sex
      ',Nữ,2019-01-03,2026-04-01,9.2,77.5,Nằm,,05977', // 60 months or older
      ',Nam,2024-01-04,2026-04-01,9.4567,200,Nằm,,05977', // decimals, length
      ',Nam,2024-01-05,2026-04-31,9.4,78.5,Ngồi,,99999', // date, position, commune
      `${childId},Nam,2024-05-10,2026-04-01,9.4,78.5,Nằm,,05977`, // another sex than the register's
    ].join('\n');
    const { status, answer } = await upload(IMPORT, bad, { user: 'station.dongkinh' });
    expect(status).toBe(422);
    expect(located(answer.problems)).toEqual([
      ['CSV', 2, 'B', 'sex', 'VALUE_NOT_ALLOWED'],
      ['CSV', 3, 'C', 'birthDate', 'AGE_60_MONTHS_OR_OLDER'],
      ['CSV', 4, 'E', 'weightKg', 'TOO_MANY_DECIMALS'],
      ['CSV', 4, 'F', 'lengthHeightCm', 'LENGTH_HEIGHT_OUT_OF_RANGE'],
      ['CSV', 5, 'D', 'measuredOn', 'INVALID_DATE'],
      ['CSV', 5, 'G', 'measured', 'VALUE_NOT_ALLOWED'],
      ['CSV', 6, 'B', 'sex', 'CHILD_RECORD_MISMATCH'],
    ]);
  });

  it('refuses rows outside the person’s commune, and a child registered outside it (403), writing nothing', async () => {
    const before = await measurements();
    const outside = [
      HEADER,
      ',Nữ,2024-01-02,2026-04-01,9.1,77,Nằm,,05977',
      ',Nữ,2024-01-03,2026-04-01,9.2,77.5,Nằm,,05983',
      `${outsideChildId},Nam,2024-02-01,2026-04-01,9.6,79,Nằm,,05977`,
    ].join('\n');
    const { status, answer } = await upload(IMPORT, outside, { user: 'station.dongkinh' });
    expect(status).toBe(403);
    expect(located(answer.problems)).toEqual([
      ['CSV', 3, 'I', 'communeCode', 'OUTSIDE_SCOPE'],
      ['CSV', 4, 'A', 'childRecordId', 'OUTSIDE_SCOPE'],
    ]);
    expect(await measurements()).toBe(before);
    // The province's officer may import the same rows.
    const province = await upload(IMPORT, outside, { user: 'health.langson' });
    expect(province.status).toBe(200);
    expect(await measurements()).toBe(before + 3);
  });

  it('imports an .xlsx file (date cells, numeric codes) and streams progress as NDJSON', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cân đo tháng 5');
    sheet.addRow([
      'Giới tính',
      'Ngày sinh',
      'Ngày cân đo',
      'Cân nặng (kg)',
      'Chiều dài/chiều cao (cm)',
      'Tư thế đo',
      'Mã xã/phường',
    ]);
    for (let i = 0; i < 30; i++)
      sheet.addRow([
        'Nam',
        new Date(Date.UTC(2024, 0, 1 + i)),
        new Date(Date.UTC(2026, 4, 10)),
        (90 + i) / 10,
        (760 + 2 * i) / 10,
        'Nằm',
        5977,
      ]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await measurements();
    const { status, text } = await upload(IMPORT, body, {
      user: 'station.dongkinh',
      contentType: XLSX,
      accept: 'application/x-ndjson',
    });
    expect(status).toBe(200);
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((l) => (l.progress as { phase?: string } | undefined)?.phase === 'check')).toBe(true);
    expect(lines.at(-1)).toMatchObject({ status: 200, result: { rows: 30, written: 30, problems: [] } });
    expect(await measurements()).toBe(before + 30);
  });

  it('refuses a file that is neither CSV nor XLSX, and serves a measurements template', async () => {
    const pdf = await upload(IMPORT, Buffer.from('%PDF-1.7 …'), {
      user: 'station.dongkinh',
      contentType: 'application/pdf',
    });
    expect(pdf.status).toBe(415);
    expect(located(pdf.answer.problems)).toEqual([[null, null, null, null, 'UNSUPPORTED_FILE_TYPE']]);
    const template = await fetch(`${federation.gateway.url}/files/templates/health/growth-measurements.xlsx`, {
      headers: { authorization: `Bearer ${await userToken('station.dongkinh')}` },
    });
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await template.arrayBuffer());
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Số đo', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['mau_nhap', 'veryHidden'],
    ]);
  });
});

describe('aggregate figures: an Excel template per sector, unit and year, filled and imported', () => {
  const commune = communesOfProvince('20', '2024-12-31')[0]!.code;
  const PROGRESS = `query($u: String!) { plan(key: "lang-son-2019-de-an-1437") { progress(year: 2024, unitCode: $u) { indicatorCode figure { numerator denominator } } } }`;
  const figure = async () => {
    const data = await gql<{
      plan: { progress: { indicatorCode: string; figure: { numerator: number; denominator: number } | null }[] };
    }>('lead.langson', PROGRESS, { u: commune });
    return (
      data.plan.progress.find((p) => p.indicatorCode === 'ECD_STAFF_CAREGIVERS_TRAINED')!.figure ?? {
        numerator: 0,
        denominator: 0,
      }
    );
  };
  const figureRows = () => rowCount(ldtbxh(), 'indicator_value');
  let before: { numerator: number; denominator: number };

  /** The LĐTBXH template of Lạng Sơn for 2024, as the officer downloads it through the gateway. */
  async function template(user: string | Identity = LDTBXH_OFFICER, query = '?unit=20&year=2024') {
    const response = await fetch(`${federation.gateway.url}/files/templates/ldtbxh/indicators.xlsx${query}`, {
      headers: { authorization: `Bearer ${await userToken(user)}` },
    });
    return response;
  }
  async function workbookOf(response: Response) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook;
  }
  /** The row of the template for an indicator and unit. */
  const rowOf = (sheet: ExcelJS.Worksheet, indicator: string, unit: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === unit && row.getCell(3).value === indicator) found = row;
    });
    return found!;
  };
  const send = async (workbook: ExcelJS.Workbook, user: string | Identity = LDTBXH_OFFICER) =>
    upload('/files/imports/ldtbxh/indicator-values', Buffer.from(await workbook.xlsx.writeBuffer()), {
      user,
      contentType: XLSX,
    });

  beforeAll(async () => {
    before = await figure();
  });

  it('generates the template from the registry and the unit list, for the person’s territory only', async () => {
    const response = await template();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = await workbookOf(response);
    const sheet = workbook.getWorksheet('Số liệu')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.getWorksheet('mau_nhap')!.state).toBe('veryHidden');
    const indicators = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) indicators.add(row.getCell(3).text);
    });
    // Recorded indicators only: the computed ones (pilot models, referral networks) take no aggregate figure.
    expect(indicators.has('ECD_STAFF_CAREGIVERS_TRAINED')).toBe(true);
    expect(indicators.has('ECD_PILOT_MODELS')).toBe(false);
    expect(indicators.has('REFERRAL_NETWORK_COMMUNES')).toBe(false);
    const row = rowOf(sheet, 'ECD_STAFF_CAREGIVERS_TRAINED', commune);
    expect(row.getCell(2).value).toBe(communesOfProvince('20', '2024-12-31')[0]!.fullName);
    expect(row.getCell(6).dataValidation).toMatchObject({ type: 'decimal' });

    expect((await template('viewer.quangninh')).status).toBe(403);
    const outside = await template(LDTBXH_OFFICER, '?unit=22&year=2024');
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as Answer).errors?.[0]?.extensions).toMatchObject({ reason: 'OUTSIDE_SCOPE' });
    expect((await template(LDTBXH_OFFICER, '?unit=20&year=1990')).status).toBe(400);
  });

  it('imports a filled template, and the figure shows in the plan’s progress; the same file again changes nothing', async () => {
    const workbook = await workbookOf(await template());
    const row = rowOf(workbook.getWorksheet('Số liệu')!, 'ECD_STAFF_CAREGIVERS_TRAINED', commune);
    row.getCell(6).value = 7;
    row.getCell(7).value = 9;
    row.getCell(8).value = 'Báo cáo 12/BC-UBND';
    const rows = await figureRows();
    const first = await send(workbook);
    expect(first.status).toBe(200);
    expect(first.answer).toMatchObject({ rows: 1, written: 1, unchanged: 0, problems: [] });
    expect(await figure()).toEqual({ numerator: before.numerator + 7, denominator: before.denominator + 9 });
    const again = await send(workbook);
    expect(again.answer).toMatchObject({ rows: 1, written: 0, unchanged: 1 });
    expect(await figureRows()).toBe(rows + 1);
  });

  it('keeps a correction as a new version: only the latest counts', async () => {
    const workbook = await workbookOf(await template());
    const row = rowOf(workbook.getWorksheet('Số liệu')!, 'ECD_STAFF_CAREGIVERS_TRAINED', commune);
    row.getCell(6).value = 8;
    row.getCell(7).value = 9;
    row.getCell(8).value = 'Báo cáo 12/BC-UBND';
    const corrected = await send(workbook);
    expect(corrected.answer).toMatchObject({ written: 1, unchanged: 0 });
    expect(await figure()).toEqual({ numerator: before.numerator + 8, denominator: before.denominator + 9 });
    const versions = await queryRows(
      ldtbxh(),
      z.object({ version: z.number(), numerator: z.unknown() }),
      sql`SELECT version, numerator FROM indicator_value
           WHERE indicator_code = 'ECD_STAFF_CAREGIVERS_TRAINED' AND year = 2024 AND commune_code = ${commune}
             AND source = 'Báo cáo 12/BC-UBND' ORDER BY version`,
    );
    expect(versions.map((v) => [v.version, Number(v.numerator)])).toEqual([
      [1, 7],
      [2, 8],
    ]);
  });

  it('refuses a template with several wrong rows whole, each problem located', async () => {
    const workbook = await workbookOf(await template());
    const sheet = workbook.getWorksheet('Số liệu')!;
    const [a, b, c, d] = communesOfProvince('20', '2024-12-31')
      .slice(1, 5)
      .map((u) => rowOf(sheet, 'ECD_STAFF_CAREGIVERS_TRAINED', u.code));
    a!.getCell(6).value = 12;
    a!.getCell(7).value = 9;
    a!.getCell(8).value = 'BC 1';
    b!.getCell(6).value = 'bảy';
    b!.getCell(8).value = 'BC 1';
    c!.getCell(6).value = 5;
    d!.getCell(1).value = '99999';
    d!.getCell(6).value = 1;
    d!.getCell(8).value = 'BC 1';
    const rows = await figureRows();
    const { status, answer } = await send(workbook);
    expect(status).toBe(422);
    expect(answer.reason).toBe('INVALID_IMPORT');
    expect(located(answer.problems)).toEqual([
      ['Số liệu', a!.number, 'F', 'numerator', 'NUMERATOR_ABOVE_DENOMINATOR'],
      ['Số liệu', b!.number, 'F', 'numerator', 'WRONG_TYPE'],
      ['Số liệu', c!.number, 'H', 'source', 'REQUIRED'],
      ['Số liệu', d!.number, 'A', 'unitCode', 'UNKNOWN_UNIT_CODE'],
    ]);
    expect(await figureRows()).toBe(rows);
  });

  it('refuses another sector’s template and a person of another sector', async () => {
    const workbook = await workbookOf(await template());
    const education = await upload(
      '/files/imports/education/indicator-values',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      {
        user: 'admin',
        contentType: XLSX,
      },
    );
    expect(education.status).toBe(422);
    expect(located(education.answer.problems)).toEqual([[null, null, null, null, 'TEMPLATE_MISMATCH']]);
    const refused = await send(workbook, 'health.langson');
    expect(refused.status).toBe(403);
    expect(refused.answer.errors?.[0]?.extensions).toMatchObject({ reason: 'SECTOR_NOT_ALLOWED' });
  });
});

describe('a list of facilities imported from a file', () => {
  const IMPORT = '/files/imports/culture/facilities';
  const facilities = () => rowCount(subgraphDatabase(federation, 'culture'), 'cultural_facility');
  const file = [
    'Tên thiết chế,Loại,Mã xã/phường,Ngày đưa vào sử dụng,Có hoạt động cho trẻ em',
    'Thư viện phường Đông Kinh (nhập tệp),Thư viện,05977,2021-09-01,Có',
    'Sân thể thao khối 5 (nhập tệp),Sân thể thao,5977,,Không',
  ].join('\n');

  it('registers every facility of the file once: the same file again changes nothing', async () => {
    const before = await facilities();
    const first = await upload(IMPORT, file, { user: 'culture.langson' });
    expect(first.status).toBe(200);
    expect(first.answer).toMatchObject({ rows: 2, written: 2, unchanged: 0 });
    const again = await upload(IMPORT, file, { user: 'culture.langson' });
    expect(again.answer).toMatchObject({ rows: 2, written: 0, unchanged: 2 });
    expect(await facilities()).toBe(before + 2);
    const listed = await gql<{
      administrativeUnit: { culturalFacilities: { nodes: { name: string; kindLabel: string }[] } };
    }>(
      'culture.langson',
      `{ administrativeUnit(code: "05977") { culturalFacilities(first: 100) { nodes { name kindLabel } } } }`,
    );
    expect(listed.administrativeUnit.culturalFacilities.nodes).toEqual(
      expect.arrayContaining([
        { name: 'Thư viện phường Đông Kinh (nhập tệp)', kindLabel: 'Thư viện' },
        { name: 'Sân thể thao khối 5 (nhập tệp)', kindLabel: 'Sân thể thao' },
      ]),
    );
  });

  it('refuses the whole file for a name used twice, a name held with other values, a commune outside the territory', async () => {
    const before = await facilities();
    const bad = [
      'Tên thiết chế,Loại,Mã xã/phường,Ngày đưa vào sử dụng,Có hoạt động cho trẻ em',
      'Nhà văn hóa khối 1 (nhập tệp),Nhà văn hóa,05977,,Có',
      'Nhà văn hóa khối 1 (nhập tệp),Nhà văn hóa,05977,,Có',
      'Thư viện phường Đông Kinh (nhập tệp),Thư viện,05977,2021-09-01,Không',
      'Nhà văn hóa Quảng Ninh,Nhà văn hóa,06652,,Có',
      'Khu vui chơi,Bể bơi,05977,2099-01-01,',
    ].join('\n');
    const refused = await upload(IMPORT, bad, { user: 'culture.langson' });
    expect(refused.status).toBe(403);
    expect(located(refused.answer.problems)).toEqual([
      ['CSV', 3, 'A', 'name', 'DUPLICATE_FACILITY_NAME'],
      ['CSV', 5, 'C', 'communeCode', 'OUTSIDE_SCOPE'],
      ['CSV', 6, 'B', 'kind', 'VALUE_NOT_ALLOWED'],
      ['CSV', 6, 'D', 'openedOn', 'DATE_IN_FUTURE'],
    ]);
    // Without the row outside the territory and the unknown kind: the name held with other values is named.
    const held = await upload(
      IMPORT,
      bad
        .split('\n')
        .slice(0, 4)
        .filter((_, i) => i !== 2)
        .join('\n'),
      {
        user: 'culture.langson',
      },
    );
    expect(held.status).toBe(422);
    expect(located(held.answer.problems)).toEqual([['CSV', 3, 'A', 'name', 'DUPLICATE_FACILITY_NAME']]);
    expect(await facilities()).toBe(before);
    expect((await upload(IMPORT, file, { user: 'station.dongkinh' })).status).toBe(403);
  });
});

describe('schools’ enrolment imported from a file', () => {
  const IMPORT = '/files/imports/education/school-enrolment';
  const education = () => subgraphDatabase(federation, 'education');
  const reports = () => rowCount(education(), 'enrolment_report');
  const ENROLMENT_HEADER =
    'Mã trường,Năm,Lớp/nhóm,Tuổi,Giới tính,Số học sinh,Học sinh khuyết tật,Được tiếp cận dịch vụ hỗ trợ,Hoàn thành,Bỏ học';
  let primary: string;
  let preschool: string;
  let langSon: string;

  /** The latest report of a school and year as stored: version, counts and flows. */
  const latest = async (schoolId: string, year: number) => {
    const [report] = await queryRows(
      education(),
      z.object({ id: z.string(), version: z.number(), recorded_by: z.string() }),
      sql`SELECT id::text, version, recorded_by FROM enrolment_report
           WHERE school_id = ${schoolId}::uuid AND year = ${year} ORDER BY version DESC LIMIT 1`,
    );
    if (!report) return null;
    const counts = await queryRows(
      education(),
      z.object({ grade: z.string(), age: z.number(), sex: z.string(), pupils: z.number() }),
      sql`SELECT grade::text, age, sex::text, pupils FROM enrolment_count WHERE report_id = ${report.id}::uuid
           ORDER BY grade::text, age, sex::text`,
    );
    const flows = await queryRows(
      education(),
      z.object({ grade: z.string(), enrolled_at_start: z.number(), completing: z.number(), dropping_out: z.number() }),
      sql`SELECT grade::text, enrolled_at_start, completing, dropping_out FROM grade_flow
           WHERE report_id = ${report.id}::uuid ORDER BY grade::text`,
    );
    return { ...report, counts, flows };
  };

  const register = async (user: string, name: string, level: string, communeCode: string) =>
    (
      await gql<{ registerSchool: { id: string } }>(
        user,
        `mutation($i: RegisterSchoolInput!) { registerSchool(input: $i) { id } }`,
        { i: { name, level, communeCode, openedOn: '2015-09-01' } },
      )
    ).registerSchool.id;

  const fileOf = (...rows: string[]) => [ENROLMENT_HEADER, ...rows].join('\n');
  let file: string;

  beforeAll(async () => {
    const ninhBinh = communesOfProvince('37', '2019-01-01')[0]!.code;
    primary = await register('education.ninhbinh', 'Trường Tiểu học Nhập Tệp', 'PRIMARY', ninhBinh);
    preschool = await register('education.ninhbinh', 'Trường Mầm non Nhập Tệp', 'PRESCHOOL', ninhBinh);
    langSon = await register(
      'admin',
      'Trường Tiểu học Lạng Sơn Nhập Tệp',
      'PRIMARY',
      communesOfProvince('20', '2019-01-01')[0]!.code,
    );
    file = fileOf(
      `${primary},2025,Lớp 1,6,Nam,30,1,,28,1`,
      `${primary},2025,Lớp 1,6,Nữ,28,0,,28,0`,
      `${primary},2025,GRADE_2,7,MALE,25,2,,24,0`,
      `${preschool},2025,Mẫu giáo lớn,5,Nữ,40,1,38,40,0`,
    );
  });

  it('refuses a caller without a token, of another role or another sector, before reading the file', async () => {
    const before = await reports();
    expect((await upload(IMPORT, file)).status).toBe(401);
    const viewer = await upload(IMPORT, file, { user: 'viewer.quangninh' });
    expect(viewer.status).toBe(403);
    expect(viewer.answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const culture = await upload(IMPORT, file, { user: 'culture.langson' });
    expect(culture.status).toBe(403);
    expect(culture.answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECTOR_NOT_ALLOWED' });
    expect(await reports()).toBe(before);
  });

  it('checks in a dry run, then writes one report per school and year whose grade flows are the rows’ sums', async () => {
    const before = await reports();
    const dry = await upload(`${IMPORT}?dryRun=true`, file, { user: 'education.ninhbinh' });
    expect(dry.status).toBe(200);
    expect(dry.answer).toMatchObject({ dryRun: true, rows: 4, written: 0, unchanged: 0, problems: [] });
    expect(await reports()).toBe(before);

    const first = await upload(IMPORT, file, { user: 'education.ninhbinh' });
    expect(first.status).toBe(200);
    expect(first.answer).toMatchObject({ dryRun: false, rows: 4, written: 4, unchanged: 0, problems: [] });
    expect(await reports()).toBe(before + 2);
    expect(await latest(primary, 2025)).toMatchObject({
      version: 1,
      recorded_by: 'education.ninhbinh',
      counts: [
        { grade: 'GRADE_1', age: 6, sex: 'FEMALE', pupils: 28 },
        { grade: 'GRADE_1', age: 6, sex: 'MALE', pupils: 30 },
        { grade: 'GRADE_2', age: 7, sex: 'MALE', pupils: 25 },
      ],
      flows: [
        { grade: 'GRADE_1', enrolled_at_start: 58, completing: 56, dropping_out: 1 },
        { grade: 'GRADE_2', enrolled_at_start: 25, completing: 24, dropping_out: 0 },
      ],
    });
    expect((await latest(preschool, 2025))?.flows).toEqual([
      { grade: 'KINDERGARTEN_OLDER', enrolled_at_start: 40, completing: 40, dropping_out: 0 },
    ]);
  });

  it('changes nothing for the same file again; a changed school is its report’s next version, the other kept', async () => {
    const before = await reports();
    const again = await upload(IMPORT, file, { user: 'education.ninhbinh' });
    expect(again.status).toBe(200);
    expect(again.answer).toMatchObject({ rows: 4, written: 0, unchanged: 4 });
    expect(await reports()).toBe(before);

    const corrected = file.replace(`${primary},2025,Lớp 1,6,Nữ,28,0,,28,0`, `${primary},2025,Lớp 1,6,Nữ,29,0,,29,0`);
    const dry = await upload(`${IMPORT}?dryRun=true`, corrected, { user: 'education.ninhbinh' });
    expect(dry.answer).toMatchObject({ rows: 4, written: 0, unchanged: 1 });
    const correction = await upload(IMPORT, corrected, { user: 'education.ninhbinh' });
    expect(correction.answer).toMatchObject({ rows: 4, written: 3, unchanged: 1 });
    expect(await reports()).toBe(before + 1);
    const report = await latest(primary, 2025);
    expect(report?.version).toBe(2);
    expect(report?.flows[0]).toEqual({ grade: 'GRADE_1', enrolled_at_start: 59, completing: 57, dropping_out: 1 });
    expect((await latest(preschool, 2025))?.version).toBe(1);
  });

  it('refuses the whole file for any wrong row, each problem located; a school outside the territory is 403', async () => {
    const before = await reports();
    const bad = fileOf(
      `${primary},2024,Lớp 1,6,Nam,30,1,,28,1`,
      `${primary},2024,Mẫu giáo lớn,5,Nam,3,0,,3,0`,
      `${primary},2024,Lớp 2,7,Nam,20,21,,20,0`,
      `${preschool},2024,Mẫu giáo lớn,5,Nữ,10,0,,10,1`,
      `00000000-0000-4000-8000-000000000000,2024,Lớp 1,6,Nam,1,0,,1,0`,
      `${primary},2024,Lớp 3,8,Nam,mười,0,,0,0`,
    );
    const refused = await upload(IMPORT, bad, { user: 'education.ninhbinh' });
    expect(refused.status).toBe(422);
    expect(refused.answer.reason).toBe('INVALID_IMPORT');
    expect(located(refused.answer.problems)).toEqual([
      ['CSV', 7, 'F', 'pupils', 'WRONG_TYPE'],
      ['CSV', 6, 'A', 'schoolId', 'UNKNOWN_SCHOOL'],
      ['CSV', 3, 'C', 'grade', 'GRADE_NOT_IN_LEVEL'],
      ['CSV', 4, 'G', 'pupilsWithDisabilities', 'DISABLED_ABOVE_PUPILS'],
      ['CSV', 5, 'I', 'completing', 'OUTCOMES_ABOVE_ENROLLED'],
    ]);
    const outside = await upload(
      IMPORT,
      fileOf(`${primary},2024,Lớp 1,6,Nam,3,0,,3,0`, `${langSon},2024,Lớp 1,6,Nam,3,0,,3,0`),
      {
        user: 'education.ninhbinh',
      },
    );
    expect(outside.status).toBe(403);
    expect(located(outside.answer.problems)).toEqual([['CSV', 3, 'A', 'schoolId', 'OUTSIDE_SCOPE']]);
    expect(await reports()).toBe(before);
  });

  it('serves an empty template, and takes it back filled in (XLSX), refusing another kind’s template', async () => {
    const response = await fetch(`${federation.gateway.url}/files/templates/education/school-enrolment.xlsx`, {
      headers: { authorization: `Bearer ${await userToken('education.ninhbinh')}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Học sinh', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['mau_nhap', 'veryHidden'],
    ]);
    const sheet = workbook.getWorksheet('Học sinh')!;
    expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    sheet.getRow(2).values = [preschool, 2024, 'Mẫu giáo lớn', 5, 'Nam', 12, 0, null, 12, 0];
    sheet.getRow(3).values = [preschool, 2024, 'Mẫu giáo lớn', 5, 'Nữ', 11, 1, 11, 10, 1];
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await reports();
    const imported = await upload(IMPORT, body, { user: 'education.ninhbinh', contentType: XLSX });
    expect(imported.status).toBe(200);
    expect(imported.answer).toMatchObject({ rows: 2, written: 2, unchanged: 0 });
    expect(await reports()).toBe(before + 1);
    expect((await latest(preschool, 2024))?.flows).toEqual([
      { grade: 'KINDERGARTEN_OLDER', enrolled_at_start: 23, completing: 22, dropping_out: 1 },
    ]);
    const wrongKind = await upload('/files/imports/culture/facilities', body, { user: 'admin', contentType: XLSX });
    expect(wrongKind.status).toBe(422);
    expect(located(wrongKind.answer.problems)).toEqual([[null, null, null, null, 'TEMPLATE_MISMATCH']]);
  });
});

describe('an exported figures workbook re-imports as the same figures', () => {
  const PLAN = 'lang-son-2019-de-an-1437';
  const FILLED = '/files/templates/ldtbxh/indicators.xlsx?unit=20&year=2024&filled=true';
  const PROGRESS = `query { plan(key: "${PLAN}") { progress(year: 2024, unitCode: "20", byCommune: true) {
    indicatorCode communes { unitCode figure { numerator denominator } } } } }`;
  type Progress = {
    plan: {
      progress: {
        indicatorCode: string;
        communes: { unitCode: string; figure: { numerator: number; denominator: number | null } | null }[];
      }[];
    };
  };
  const progress = () => gql<Progress>('lead.langson', PROGRESS);
  const figureRows = () => rowCount(ldtbxh(), 'indicator_value');

  async function filled() {
    const response = await fetch(`${federation.gateway.url}${FILLED}`, {
      headers: { authorization: `Bearer ${await userToken(LDTBXH_OFFICER)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('so-lieu-social_affairs-20-2024.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook;
  }
  /** The filled rows of the workbook (those with a figure), each cell as exceljs reads it. */
  const figuresOf = (workbook: ExcelJS.Workbook) => {
    const rows: {
      row: ExcelJS.Row;
      unit: unknown;
      indicator: unknown;
      year: unknown;
      numerator: unknown;
      denominator: unknown;
      source: unknown;
    }[] = [];
    workbook.getWorksheet('Số liệu')!.eachRow((row, n) => {
      if (n === 1 || row.getCell(6).value === null) return;
      rows.push({
        row,
        unit: row.getCell(1).value,
        indicator: row.getCell(3).value,
        year: row.getCell(5).value,
        numerator: row.getCell(6).value,
        denominator: row.getCell(7).value,
        source: row.getCell(8).value,
      });
    });
    return rows;
  };
  const send = async (workbook: ExcelJS.Workbook) =>
    upload('/files/imports/ldtbxh/indicator-values', Buffer.from(await workbook.xlsx.writeBuffer()), {
      user: LDTBXH_OFFICER,
      contentType: XLSX,
    });

  it('holds the figures GraphQL gives (numbers as numbers, codes as text); unchanged it writes nothing; one number changed is a new version', async () => {
    const workbook = await filled();
    const figures = figuresOf(workbook);
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(typeof f.unit).toBe('string');
      expect(typeof f.indicator).toBe('string');
      expect(typeof f.year).toBe('number');
      expect(typeof f.numerator).toBe('number');
      expect(f.denominator === null || typeof f.denominator === 'number').toBe(true);
      expect(typeof f.source).toBe('string');
    }
    // Every commune's figure of every LĐTBXH target the workbook covers is the sum of its rows (one per source).
    const before = await progress();
    const inWorkbook = new Set(figures.map((f) => f.indicator));
    let compared = 0;
    for (const target of before.plan.progress.filter((t) => inWorkbook.has(t.indicatorCode))) {
      for (const commune of target.communes) {
        const rows = figures.filter((f) => f.unit === commune.unitCode && f.indicator === target.indicatorCode);
        if (!rows.length) {
          expect(commune.figure, `${target.indicatorCode} ${commune.unitCode}`).toBeNull();
          continue;
        }
        const denominators = rows.map((r) => r.denominator as number | null);
        expect(commune.figure, `${target.indicatorCode} ${commune.unitCode}`).toEqual({
          numerator: rows.reduce((n, r) => n + (r.numerator as number), 0),
          denominator: denominators.every((d) => d === null)
            ? null
            : denominators.reduce((n: number, d) => n + (d ?? 0), 0),
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);

    const rows = await figureRows();
    const unchanged = await send(workbook);
    expect(unchanged.status).toBe(200);
    expect(unchanged.answer).toMatchObject({ rows: figures.length, written: 0, unchanged: figures.length });
    expect(await figureRows()).toBe(rows);
    expect(await progress()).toEqual(before);

    // One number changed in the workbook: that figure's next version, and GraphQL shows it.
    const commune = communesOfProvince('20', '2024-12-31')[0]!.code;
    const changed = figures.find((f) => f.unit === commune && f.indicator === 'ECD_STAFF_CAREGIVERS_TRAINED')!;
    const old = changed.numerator as number;
    changed.row.getCell(6).value = old - 2;
    const sent = await send(workbook);
    expect(sent.status).toBe(200);
    expect(sent.answer).toMatchObject({ rows: figures.length, written: 1, unchanged: figures.length - 1 });
    expect(await figureRows()).toBe(rows + 1);
    const after = await progress();
    const figureOf = (p: Progress) =>
      p.plan.progress
        .find((t) => t.indicatorCode === 'ECD_STAFF_CAREGIVERS_TRAINED')!
        .communes.find((c) => c.unitCode === commune)!.figure!;
    expect(figureOf(after)).toEqual({ ...figureOf(before), numerator: figureOf(before).numerator - 2 });
    // The next filled workbook holds the new number.
    const again = figuresOf(await filled()).find(
      (f) => f.unit === commune && f.indicator === 'ECD_STAFF_CAREGIVERS_TRAINED' && f.source === changed.source,
    );
    expect(again?.numerator).toBe(old - 2);
  });

  it('refuses a filled parameter other than true or false', async () => {
    const response = await fetch(
      `${federation.gateway.url}/files/templates/ldtbxh/indicators.xlsx?unit=20&year=2024&filled=yes`,
      { headers: { authorization: `Bearer ${await userToken(LDTBXH_OFFICER)}` } },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Answer).errors?.[0]?.extensions).toMatchObject({ reason: 'VALUE_NOT_ALLOWED' });
  });
});
