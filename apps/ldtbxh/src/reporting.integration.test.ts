import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { execute, queryRows, sql } from '@ecd/database';
import { graphqlClient, readFixture, rowCount, useTestSubgraph } from '@ecd/test-kit';

import { seedDemo } from './demo/seed.js';
import { REPORT_TEXT_MAX_LENGTH } from './domain/submission-lifecycle.js';
import { loadEnv, startLdtbxhSubgraph } from './server.js';

const subgraph = useTestSubgraph('ldtbxh_reporting', (env) => startLdtbxhSubgraph(loadEnv(env), { seedDemo }));
const client = graphqlClient(() => subgraph.service.graphqlUrl);
const ok = <T = Record<string, unknown>>(q: string, variables?: Record<string, unknown>) => client.ok<T>(q, variables);
const errorOf = (q: string, variables?: Record<string, unknown>) => client.errorOf(q, variables);

const OPEN = `mutation($plan: String!, $year: Int!) { openReportingPeriod(planKey: $plan, frequency: ANNUAL, year: $year) { id dueOn recipient { code } expectedReports { reporter { code } } } }`;
const CREATE = `mutation($period: ID!, $reporter: String!, $values: [SubmissionValueInput!]!) {
  createSubmission(periodId: $period, reporterCode: $reporter, values: $values) { id version status } }`;
const SUBMIT = `mutation($id: ID!) { submitReport(submissionId: $id) { id status submittedAt } }`;
const ACCEPT = `mutation($id: ID!) { acceptReport(submissionId: $id) { status } }`;
const RETURN = `mutation($id: ID!, $reason: String!) { returnReport(submissionId: $id, reason: $reason) { status } }`;
const UPDATE = `mutation($id: ID!, $values: [SubmissionValueInput!]!) { updateDraft(submissionId: $id, values: $values) { id } }`;
const STATUS = `query($id: ID!) { reportingPeriod(id: $id) { status { expected submitted onTime overdue completenessRate timelinessRate
  bySector { group label expected submitted } byUnit { group label expected } overdueReporters { code } } } }`;

type Opened = {
  openReportingPeriod: {
    id: string;
    dueOn: string;
    recipient: { code: string };
    expectedReports: { reporter: { code: string } }[];
  };
};
const access = (unitCode: string, numerator: number, denominator: number) => ({
  indicatorCode: 'ECD_SERVICE_ACCESS_0_8',
  unitCode,
  numerator,
  denominator,
});

let future: Opened['openReportingPeriod'];
let past: Opened['openReportingPeriod'];

beforeAll(async () => {
  const fixture = await readFixture('plans/lang-son-2026-test-fixture.yaml');
  await ok(`mutation($d: String!) { importPlan(document: $d) { key } }`, { d: fixture });
  future = (await ok<Opened>(OPEN, { plan: 'lang-son-2026-test-fixture', year: 2030 })).openReportingPeriod;
  past = (await ok<Opened>(OPEN, { plan: 'lang-son-2019-de-an-1437', year: 2024 })).openReportingPeriod;
});

describe('reporting periods from the plans’ rules', () => {
  it('derives the deadline and the expected reporters from the rule', () => {
    expect(future.dueOn).toBe('2030-12-05');
    expect(future.recipient.code).toBe('SYT-20');
    // Sở Y tế leads and receives: it does not report to itself.
    expect(future.expectedReports.map((r) => r.reporter.code)).toEqual(['SGDDT-20', 'SVHTTDL-20']);
    expect(past.dueOn).toBe('2024-12-05');
    expect(past.expectedReports.length).toBeGreaterThan(3);
  });

  it('rejects a second opening, a year outside the plan and a frequency without rule', async () => {
    expect((await errorOf(OPEN, { plan: 'lang-son-2026-test-fixture', year: 2030 })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PERIOD_ALREADY_OPEN',
    });
    expect((await errorOf(OPEN, { plan: 'lang-son-2026-test-fixture', year: 2031 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'year',
      reason: 'YEAR_OUTSIDE_PERIOD',
    });
    const midterm = await errorOf(
      `mutation { openReportingPeriod(planKey: "lang-son-2026-test-fixture", frequency: MIDTERM, year: 2028) { id } }`,
    );
    expect(midterm.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_REPORTING_RULE' });
  });
});

describe('the submission lifecycle', () => {
  it('goes draft → submitted → accepted, freezes what was submitted, and records who did what', async () => {
    const draft = (
      await ok<{ createSubmission: { id: string; version: number; status: string } }>(CREATE, {
        period: future.id,
        reporter: 'SVHTTDL-20',
        values: [access('20', 900, 1000)],
      })
    ).createSubmission;
    expect(draft).toMatchObject({ version: 1, status: 'DRAFT' });
    await ok(UPDATE, { id: draft.id, values: [access('20', 910, 1000)] });
    expect((await ok<{ submitReport: { status: string } }>(SUBMIT, { id: draft.id })).submitReport.status).toBe(
      'SUBMITTED',
    );

    expect((await errorOf(UPDATE, { id: draft.id, values: [access('20', 1, 1000)] })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SUBMISSION_FROZEN',
    });
    expect((await errorOf(SUBMIT, { id: draft.id })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_STATUS_TRANSITION',
      from: 'SUBMITTED',
    });
    // The database refuses too, whatever the application does.
    await expect(
      execute(
        subgraph.service.client,
        sql`UPDATE submission_value SET numerator = 1 WHERE submission_id = ${draft.id}::uuid`,
      ),
    ).rejects.toThrow(/frozen/);

    expect((await ok<{ acceptReport: { status: string } }>(ACCEPT, { id: draft.id })).acceptReport.status).toBe(
      'ACCEPTED',
    );
    expect((await errorOf(RETURN, { id: draft.id, reason: 'late' })).extensions).toMatchObject({
      reason: 'ILLEGAL_STATUS_TRANSITION',
    });
    const { reportingPeriod } = await ok<{
      reportingPeriod: {
        expectedReports: {
          reporter: { code: string };
          onTime: boolean | null;
          versions: {
            values: { numerator: number; value: number }[];
            history: { from: string | null; to: string; actor: string }[];
          }[];
        }[];
      };
    }>(
      `query($id: ID!) { reportingPeriod(id: $id) { expectedReports { reporter { code } onTime versions { values { numerator value } history { from to actor } } } } }`,
      { id: future.id },
    );
    const culture = reportingPeriod.expectedReports.find((r) => r.reporter.code === 'SVHTTDL-20')!;
    expect(culture.onTime).toBe(true);
    expect(culture.versions[0]!.values).toEqual([{ numerator: 910, value: 91 }]);
    expect(culture.versions[0]!.history.map((h) => [h.from, h.to, h.actor])).toEqual([
      [null, 'DRAFT', 'admin'],
      ['DRAFT', 'SUBMITTED', 'admin'],
      ['SUBMITTED', 'ACCEPTED', 'admin'],
    ]);
  });

  it('returns a report with a reason, then takes a correction as a new version', async () => {
    const first = (
      await ok<{ createSubmission: { id: string } }>(CREATE, {
        period: future.id,
        reporter: 'SGDDT-20',
        values: [access('20', 5, 10)],
      })
    ).createSubmission;
    await ok(SUBMIT, { id: first.id });
    expect((await errorOf(RETURN, { id: first.id, reason: '  ' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
      reason: 'REASON_REQUIRED',
    });
    expect(
      (await errorOf(RETURN, { id: first.id, reason: 'x'.repeat(REPORT_TEXT_MAX_LENGTH + 1) })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', reason: 'TOO_LONG' });
    await ok(RETURN, { id: first.id, reason: 'Thiếu số liệu huyện' });
    const second = (
      await ok<{ createSubmission: { version: number; status: string } }>(CREATE, {
        period: future.id,
        reporter: 'SGDDT-20',
        values: [access('20', 6, 10)],
      })
    ).createSubmission;
    expect(second).toMatchObject({ version: 2, status: 'DRAFT' });
    expect((await errorOf(CREATE, { period: future.id, reporter: 'SGDDT-20', values: [] })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VERSION_IN_PROGRESS',
    });
  });

  it('rejects bad values all at once and writes nothing', async () => {
    const count = () => rowCount(subgraph.service.client, 'submission');
    const before = await count();
    const error = await errorOf(CREATE, {
      period: future.id,
      reporter: 'SVHTTDL-20',
      values: [
        access('20', 11, 10),
        access('99999', 1, 2),
        { indicatorCode: 'SCHOOLS_WITH_SANITATION', unitCode: '20', numerator: 1, denominator: 1 },
        access('20', 1, 0),
      ],
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_VALUES' });
    expect((error.extensions!.problems as { path: string; reason: string }[]).map((p) => [p.path, p.reason])).toEqual([
      ['values[0].numerator', 'NUMERATOR_ABOVE_DENOMINATOR'],
      ['values[1].unitCode', 'UNKNOWN_UNIT_CODE'],
      ['values[2].indicatorCode', 'UNKNOWN_INDICATOR'],
      ['values[3].unitCode', 'DUPLICATE_VALUE'],
      ['values[3].denominator', 'MISSING_DENOMINATOR'],
    ]);
    expect((await errorOf(CREATE, { period: future.id, reporter: 'UBND-20', values: [] })).extensions).toMatchObject({
      reason: 'NOT_AN_EXPECTED_REPORTER',
    });
    expect(await count()).toBe(before);
  });

  it('refuses numbers a value’s column cannot hold, and writes nothing', async () => {
    const count = () => rowCount(subgraph.service.client, 'submission');
    const before = await count();
    const error = await errorOf(CREATE, {
      period: future.id,
      reporter: 'SVHTTDL-20',
      values: [access('20', 1e15, 1e16)],
    });
    expect((error.extensions!.problems as { path: string; reason: string }[]).map((p) => [p.path, p.reason])).toEqual([
      ['values[0].numerator', 'NUMBER_OUT_OF_RANGE'],
      ['values[0].denominator', 'NUMBER_OUT_OF_RANGE'],
    ]);
    expect(await count()).toBe(before);
  });

  it('shows completeness and timeliness per sector and unit, and who is overdue', async () => {
    type Status = {
      reportingPeriod: {
        status: {
          expected: number;
          submitted: number;
          onTime: number;
          overdue: number;
          completenessRate: number;
          bySector: { group: string; label: string; expected: number; submitted: number }[];
          byUnit: { label: string }[];
          overdueReporters: { code: string }[];
        };
      };
    };
    const open = (await ok<Status>(STATUS, { id: future.id })).reportingPeriod.status;
    expect(open).toMatchObject({ expected: 2, submitted: 2, onTime: 2, overdue: 0, overdueReporters: [] });
    expect(open.completenessRate).toBe(1);
    expect(open.bySector.find((s) => s.group === 'CULTURE')).toMatchObject({
      label: 'Văn hóa, Thể thao và Du lịch',
      expected: 1,
      submitted: 1,
    });
    expect(open.byUnit.map((u) => u.label)).toEqual(['Tỉnh Lạng Sơn']);

    const late = (await ok<Status>(STATUS, { id: past.id })).reportingPeriod.status;
    expect(late.submitted).toBe(0);
    expect(late.overdue).toBe(late.expected);
    expect(late.overdueReporters.map((a) => a.code)).toContain('SYT-20');
  });

  it('keeps what the agency writes (results, difficulties, proposals), frozen with its values once submitted', async () => {
    const reporter = past.expectedReports.at(-1)!.reporter.code;
    expect(reporter).not.toBe(past.expectedReports[0]!.reporter.code);
    const TEXTS = `mutation($period: ID!, $reporter: String!, $note: String, $difficulties: String, $proposals: String) {
      createSubmission(periodId: $period, reporterCode: $reporter, values: [], note: $note, difficulties: $difficulties, proposals: $proposals) {
        id note difficulties proposals } }`;
    const tooLong = await errorOf(TEXTS, {
      period: past.id,
      reporter,
      note: 'Đã triển khai.',
      difficulties: 'x'.repeat(5001),
      proposals: 'y'.repeat(5001),
    });
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_REPORT_TEXT' });
    expect(
      (tooLong.extensions!.problems as { field: string; reason: string }[]).map((p) => [p.field, p.reason]),
    ).toEqual([
      ['difficulties', 'TOO_LONG'],
      ['proposals', 'TOO_LONG'],
    ]);
    const { createSubmission: draft } = await ok<{
      createSubmission: { id: string; note: string | null; difficulties: string | null; proposals: string | null };
    }>(TEXTS, {
      period: past.id,
      reporter,
      note: '  Đã tổ chức 12 lớp tập huấn.  ',
      difficulties: 'Thiếu cán bộ chuyên trách ở cấp xã.',
      proposals: '   ',
    });
    expect(draft).toMatchObject({
      note: 'Đã tổ chức 12 lớp tập huấn.',
      difficulties: 'Thiếu cán bộ chuyên trách ở cấp xã.',
      proposals: null,
    });
    // An edit without texts keeps them; one with a text replaces it.
    await ok(
      `mutation($id: ID!, $proposals: String) { updateDraft(submissionId: $id, values: [], proposals: $proposals) { id } }`,
      { id: draft.id, proposals: 'Bố trí kinh phí cho mạng lưới chuyển tuyến.' },
    );
    await ok(SUBMIT, { id: draft.id });
    const [row] = await queryRows(
      subgraph.service.client,
      z.object({ note: z.string(), difficulties: z.string(), proposals: z.string() }),
      sql`SELECT note, difficulties, proposals FROM submission WHERE id = ${draft.id}::uuid`,
    );
    expect(row).toEqual({
      note: 'Đã tổ chức 12 lớp tập huấn.',
      difficulties: 'Thiếu cán bộ chuyên trách ở cấp xã.',
      proposals: 'Bố trí kinh phí cho mạng lưới chuyển tuyến.',
    });
    // The database refuses to rewrite a submitted report's texts, whatever the application does.
    await expect(
      execute(subgraph.service.client, sql`UPDATE submission SET difficulties = 'khác' WHERE id = ${draft.id}::uuid`),
    ).rejects.toThrow(/only its status may change/);
  });

  it('refuses submissions once the period is closed', async () => {
    await ok(`mutation($id: ID!) { closeReportingPeriod(periodId: $id) { open } }`, { id: future.id });
    expect((await errorOf(CREATE, { period: future.id, reporter: 'SVHTTDL-20', values: [] })).extensions).toMatchObject(
      { code: 'CONFLICT', reason: 'PERIOD_CLOSED' },
    );
  });
});

describe('re-aggregation across the July 2025 reform', () => {
  it('re-expresses 2024 commune values in the 2025 commune they merged into, summing numerators and denominators', async () => {
    // Find two 2024 Lạng Sơn communes that merged whole into the same 2025 commune.
    const [pair] = await queryRows(
      subgraph.service.client,
      z.object({ a: z.string(), b: z.string(), successor: z.string() }),
      sql`
      SELECT min(s.predecessor_code) AS a, max(s.predecessor_code) AS b, s.successor_code AS successor
        FROM unit_succession s JOIN administrative_unit u ON u.code = s.predecessor_code AND u.valid_from = s.predecessor_valid_from
       WHERE s.successor_code LIKE '0%' AND u.level = 'COMMUNE' AND s.share_note IS NULL AND s.successor_valid_from = '2025-07-01'
         AND u.parent_code IN (SELECT code FROM administrative_unit WHERE parent_code = '20' AND valid_from = '2019-01-01')
       GROUP BY s.successor_code HAVING count(*) >= 2 ORDER BY s.successor_code LIMIT 1`,
    );
    const reporter = past.expectedReports[0]!.reporter.code;
    const draft = (
      await ok<{ createSubmission: { id: string } }>(CREATE, {
        period: past.id,
        reporter,
        values: [access(pair!.a, 90, 100), access(pair!.b, 1, 10)],
      })
    ).createSubmission;
    await ok(SUBMIT, { id: draft.id });
    const { reaggregatedValues } = await ok<{
      reaggregatedValues: {
        unit: { code: string; validFrom: string };
        numerator: number;
        denominator: number;
        value: number;
        from: { code: string }[];
        approximate: boolean;
      }[];
    }>(
      `query($id: ID!) { reaggregatedValues(periodId: $id, indicatorCode: "ECD_SERVICE_ACCESS_0_8", asOf: "2025-07-01") { unit { code validFrom } numerator denominator value from { code } approximate } }`,
      { id: past.id },
    );
    expect(reaggregatedValues).toEqual([
      {
        unit: { code: pair!.successor, validFrom: '2025-07-01' },
        numerator: 91,
        denominator: 110,
        value: (91 / 110) * 100,
        from: [{ code: pair!.a }, { code: pair!.b }],
        approximate: false,
      },
    ]);
  });
});

describe('recipients and reporters resolved by function on the due day (issue 10)', () => {
  const OPEN_LANG_SON = `mutation($year: Int!) { openReportingPeriod(planKey: "lang-son-2019-de-an-1437", frequency: ANNUAL, year: $year) {
    id dueOn recipient { code name } expectedReports { reporter { code validFrom validTo } } } }`;
  type Resolved = {
    openReportingPeriod: {
      id: string;
      dueOn: string;
      recipient: { code: string; name: string };
      expectedReports: { reporter: { code: string; validFrom: string; validTo: string | null } }[];
    };
  };
  const codes = z.object({ code: z.string() });
  /** Independent SQL over the raw tables, for a period: what its rule's agencies give on its due day. */
  const independently = async (periodId: string) => {
    const db = subgraph.service.client;
    const [recipientFunctions, reportersNotExisting, namedExisting, communesOfNamedDistricts] = await Promise.all([
      queryRows(
        db,
        z.object({ function: z.string() }),
        sql`SELECT f.function::text AS function FROM reporting_period p JOIN agency_function f ON f.agency_code = p.recipient_code
             WHERE p.id = ${periodId}::uuid AND f.valid_from <= p.due_on AND (f.valid_to IS NULL OR f.valid_to >= p.due_on)
             ORDER BY 1`,
      ),
      queryRows(
        db,
        codes,
        sql`SELECT a.code FROM expected_report e JOIN reporting_period p ON p.id = e.period_id JOIN agency a ON a.code = e.reporter_code
             WHERE p.id = ${periodId}::uuid AND NOT (a.valid_from <= p.due_on AND (a.valid_to IS NULL OR a.valid_to >= p.due_on))`,
      ),
      // The agencies the plan's tasks name that still exist on the due day.
      queryRows(
        db,
        codes,
        sql`SELECT DISTINCT a.code FROM reporting_period p JOIN plan_task t ON t.plan_id = p.plan_id
             CROSS JOIN LATERAL unnest(t.lead_code || t.coordinating_codes) AS named(code) JOIN agency a ON a.code = named.code
             WHERE p.id = ${periodId}::uuid AND a.valid_from <= p.due_on AND (a.valid_to IS NULL OR a.valid_to >= p.due_on)
             ORDER BY 1`,
      ),
      // The People's Committees of the current communes that the communes of the districts the tasks name became.
      queryRows(
        db,
        codes,
        sql`SELECT DISTINCT 'UBND-' || s.successor_code || '-2025' AS code
              FROM reporting_period p JOIN plan_task t ON t.plan_id = p.plan_id
             CROSS JOIN LATERAL unnest(t.lead_code || t.coordinating_codes) AS named(code)
              JOIN agency a ON a.code = named.code
              JOIN administrative_unit d ON d.code = a.unit_code AND d.valid_from = a.unit_valid_from AND d.level = 'DISTRICT'
              JOIN administrative_unit c ON c.parent_code = d.code AND c.parent_valid_from = d.valid_from
              JOIN unit_succession s ON s.predecessor_code = c.code AND s.predecessor_valid_from = c.valid_from
             WHERE p.id = ${periodId}::uuid AND a.valid_to < p.due_on
             ORDER BY 1`,
      ),
    ]);
    return {
      recipientFunctions: recipientFunctions.map((r) => r.function),
      reportersNotExisting: reportersNotExisting.map((r) => r.code),
      namedExisting: namedExisting.map((r) => r.code),
      communesOfNamedDistricts: communesOfNamedDistricts.map((r) => r.code),
    };
  };

  it('addresses the Lạng Sơn plan’s 2025 reports to Sở Y tế, which holds child protection then, and expects them of who exists', async () => {
    const period = (await ok<Resolved>(OPEN_LANG_SON, { year: 2025 })).openReportingPeriod;
    expect(period.dueOn).toBe('2025-12-05');
    // The rule names Sở LĐTBXH, which ceased on 2025-02-28; child protection is with Sở Y tế from 2025-03-01.
    expect(period.recipient).toEqual({ code: 'SYT-20', name: 'Sở Y tế tỉnh Lạng Sơn' });
    const sql = await independently(period.id);
    expect(sql.recipientFunctions).toContain('CHILD_PROTECTION');
    expect(sql.reportersNotExisting).toEqual([]);

    const reporters = period.expectedReports.map((r) => r.reporter.code).sort();
    expect(reporters).not.toContain('SYT-20');
    for (const gone of ['SLDTBXH-20', 'SKHDT-20', 'UBND-178', 'UBND-189']) expect(reporters).not.toContain(gone);
    // The departments and organisations named that exist on the due day (Sở Tài chính also took planning from
    // Sở KH&ĐT), and the People's Committees of the communes that took the abolished districts' territory.
    expect(sql.communesOfNamedDistricts.length).toBeGreaterThan(10);
    expect(reporters).toEqual(
      [...sql.namedExisting.filter((c) => c !== 'SYT-20'), ...sql.communesOfNamedDistricts].sort(),
    );
    expect(reporters).toEqual(expect.arrayContaining(['SGDDT-20', 'STC-20', 'SVHTTDL-20', 'HBTNKT-20']));
    for (const { reporter } of period.expectedReports) {
      expect(reporter.validFrom <= period.dueOn).toBe(true);
      expect(reporter.validTo === null || reporter.validTo >= period.dueOn).toBe(true);
    }
  });

  it('still addresses the 2024 reports to Sở LĐTBXH, which existed then, and never asks the recipient to report', async () => {
    const { reportingPeriod } = await ok<{
      reportingPeriod: { recipient: { code: string }; expectedReports: { reporter: { code: string } }[] };
    }>(`query($id: ID!) { reportingPeriod(id: $id) { recipient { code } expectedReports { reporter { code } } } }`, {
      id: past.id,
    });
    expect(reportingPeriod.recipient.code).toBe('SLDTBXH-20');
    const reporters = reportingPeriod.expectedReports.map((r) => r.reporter.code);
    expect(reporters).not.toContain('SLDTBXH-20');
    expect(reporters).toEqual(expect.arrayContaining(['SYT-20', 'SKHDT-20', 'UBND-178']));
  });

  it('refuses 2026 for the Lạng Sơn plan (its period is 2019-2025); a Lạng Sơn plan of 2026 reports to Sở Y tế', async () => {
    expect((await errorOf(OPEN_LANG_SON, { year: 2026 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'YEAR_OUTSIDE_PERIOD',
    });
    const period = (await ok<Opened>(OPEN, { plan: 'lang-son-2026-test-fixture', year: 2026 })).openReportingPeriod;
    expect(period.dueOn).toBe('2026-12-05');
    expect(period.recipient.code).toBe('SYT-20');
    expect(period.expectedReports.map((r) => r.reporter.code)).toEqual(['SGDDT-20', 'SVHTTDL-20']);
    expect((await independently(period.id)).reportersNotExisting).toEqual([]);
  });
});
