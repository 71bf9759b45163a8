import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql } from '@ecd/database';
import { readFixture, rowCount, subgraphDatabase, userToken, type Federation } from '@ecd/test-kit';

import { startTestFederation } from './federation.test-fixture.js';

/**
 * Issue 10, point 3, through the gateway: a province outside the seeds onboards a plan with nothing but
 * its file (its agencies come from the registry generated for every unit), another province's agencies
 * are refused, and the final-year reports of the Lạng Sơn plan go to the agency holding the function then.
 */
let federation: Federation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.close());

const as = async (user: string) => ({ authorization: `Bearer ${await userToken(user)}` });
const ldtbxh = () => subgraphDatabase(federation, 'ldtbxh');
const IMPORT_PLAN = `mutation($d: String!, $dryRun: Boolean) { importPlan(document: $d, dryRun: $dryRun) { dryRun key plan { key } } }`;

describe('agencies for every unit, through the gateway', () => {
  it('imports a Điện Biên plan with no change but its own file: dry run, then for real', async () => {
    const document = await readFixture('plans/dien-bien-2021-test-fixture.yaml');
    const counts = () => Promise.all(['plan', 'plan_task', 'agency'].map((t) => rowCount(ldtbxh(), t)));
    const before = await counts();
    const dry = await federation.query<{ importPlan: { dryRun: boolean; plan: null } }>(IMPORT_PLAN, {
      d: document,
      dryRun: true,
    });
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importPlan).toMatchObject({ dryRun: true, plan: null });
    expect(await counts()).toEqual(before);

    const real = await federation.query(IMPORT_PLAN, { d: document });
    expect(real.errors).toBeUndefined();
    const { data, errors } = await federation.query<{
      plan: {
        issuer: { name: string; unit: { fullName: string } };
        tasks: { lead: { code: string; name: string }; coordinating: { code: string }[] }[];
      };
    }>(
      `{ plan(key: "dien-bien-2021-test-fixture") { issuer { name unit { fullName } } tasks { lead { code name } coordinating { code } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.plan.issuer).toEqual({ name: 'Ủy ban nhân dân tỉnh Điện Biên', unit: { fullName: 'Tỉnh Điện Biên' } });
    expect(data!.plan.tasks[0]!.lead).toEqual({
      code: 'SLDTBXH-11',
      name: 'Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên',
    });
    expect(data!.plan.tasks[0]!.coordinating).toHaveLength(18);
  });

  it('refuses, in a dry run already, a plan naming another province’s agency', async () => {
    const document = (await readFixture('plans/dien-bien-2021-test-fixture.yaml'))
      .replace('key: dien-bien-2021-test-fixture', 'key: dien-bien-2021-lang-son-agency')
      .replace('number: 98/KH-TEST-DB', 'number: 96/KH-TEST-DB')
      .replace('lead: STC-11', 'lead: STC-20');
    const { errors } = await federation.query(IMPORT_PLAN, { d: document, dryRun: true });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_DOCUMENT',
      problems: [{ path: 'tasks[1].lead', reason: 'AGENCY_OUTSIDE_PLAN_SCOPE' }],
    });
  });

  it('addresses the Lạng Sơn plan’s 2025 reports to Sở Y tế and expects them of agencies existing on the due day', async () => {
    const { data, errors } = await federation.query<{
      openReportingPeriod: {
        id: string;
        dueOn: string;
        recipient: { code: string; name: string };
        expectedReports: { reporter: { code: string } }[];
      };
    }>(
      `mutation { openReportingPeriod(planKey: "lang-son-2019-de-an-1437", frequency: ANNUAL, year: 2025) {
        id dueOn recipient { code name } expectedReports { reporter { code } } } }`,
      {},
      await as('lead.langson'),
    );
    expect(errors).toBeUndefined();
    const period = data!.openReportingPeriod;
    expect(period.dueOn).toBe('2025-12-05');
    expect(period.recipient).toEqual({ code: 'SYT-20', name: 'Sở Y tế tỉnh Lạng Sơn' });
    // Independent SQL over ldtbxh's tables: the recipient performs child protection that day, every
    // reporter exists that day, and the recipient is not among them.
    const functions = await queryRows(
      ldtbxh(),
      z.object({ function: z.string() }),
      sql`SELECT f.function::text AS function FROM agency_function f
           WHERE f.agency_code = 'SYT-20' AND f.valid_from <= DATE '2025-12-05' AND (f.valid_to IS NULL OR f.valid_to >= DATE '2025-12-05')`,
    );
    expect(functions.map((f) => f.function)).toContain('CHILD_PROTECTION');
    const [stale] = await queryRows(
      ldtbxh(),
      z.object({ n: z.coerce.number(), recipient: z.coerce.number(), all: z.coerce.number() }),
      sql`SELECT count(*) FILTER (WHERE NOT (a.valid_from <= p.due_on AND (a.valid_to IS NULL OR a.valid_to >= p.due_on))) AS n,
                 count(*) FILTER (WHERE e.reporter_code = p.recipient_code) AS recipient, count(*) AS "all"
            FROM expected_report e JOIN reporting_period p ON p.id = e.period_id JOIN agency a ON a.code = e.reporter_code
           WHERE p.id = ${period.id}::uuid`,
    );
    expect(stale).toEqual({ n: 0, recipient: 0, all: period.expectedReports.length });
    expect(period.expectedReports.map((r) => r.reporter.code)).toEqual(
      expect.arrayContaining(['SGDDT-20', 'STC-20', 'SVHTTDL-20']),
    );
  });

  it('lets Lạng Sơn’s lead agency check an agency of its province through the gateway', async () => {
    const document = JSON.stringify({
      agencies: [
        {
          code: 'TTCTXH-20',
          name: 'Trung tâm Công tác xã hội tỉnh Lạng Sơn',
          kind: 'OTHER',
          unit: { code: '20', asOf: '2026-01-01' },
          validFrom: '2026-01-01',
          validTo: null,
          functions: [{ function: 'CHILD_PROTECTION', validFrom: '2026-01-01', validTo: null }],
        },
      ],
    });
    const { data, errors } = await federation.query<{ importAgencies: { dryRun: boolean; created: string[] } }>(
      `mutation($d: String!) { importAgencies(document: $d, format: JSON, dryRun: true) { dryRun created } }`,
      { d: document },
      await as('lead.langson'),
    );
    expect(errors).toBeUndefined();
    expect(data!.importAgencies).toEqual({ dryRun: true, created: ['TTCTXH-20'] });
  });
});
