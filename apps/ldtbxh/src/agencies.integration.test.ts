import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { z } from 'zod';

import { execute, queryRows, sql } from '@ecd/database';
import { readFixture, rowCount, subgraphCaller, useTestSubgraph, type GraphQLResponse } from '@ecd/test-kit';

import { seedDemo } from './demo/seed.js';
import { loadEnv, startLdtbxhSubgraph } from './server.js';

/**
 * Issue 10, point 3: agencies for every unit. The registry is generated for every unit of both official
 * lists; a province adds or corrects its own agencies through the API (or the `agencies` command); a plan's
 * agencies must belong to its scope; a plan of a province outside the seeds imports with nothing but its file.
 */
const subgraph = useTestSubgraph('ldtbxh_agencies', (env) => startLdtbxhSubgraph(loadEnv(env), { seedDemo }));

type User = string | null;
const REVISIONS_QUERY = `{ agencies(unitCode: "20", function: CULTURE, asOf: "2026-01-01") { nodes { code origin
  functions(history: true) { function } revisions { actor previous current } } } }`;
const as = subgraphCaller(() => subgraph.service.graphqlUrl, 'ldtbxh');
async function ok<T = Record<string, unknown>>(user: User, query: string, variables: Record<string, unknown> = {}) {
  const response = await as<T>(user, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}
const rows = <S extends z.ZodType>(schema: S, query: Parameters<typeof queryRows>[2]) =>
  queryRows(subgraph.service.client, schema, query);
const count = z.object({ n: z.coerce.number() });
type Problem = { path: string; reason: string; message: string };
const problemsOf = (response: GraphQLResponse, reason: string) => {
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  return (response.errors![0]!.extensions!.problems as Problem[]).map((p) => [p.path, p.reason]);
};

const IMPORT_PLAN = `mutation($d: String!, $dryRun: Boolean) { importPlan(document: $d, dryRun: $dryRun) { dryRun key tasks plan { key } } }`;
const IMPORT_AGENCIES = `mutation($d: String!, $dryRun: Boolean, $format: DocumentFormat) {
  importAgencies(document: $d, dryRun: $dryRun, format: $format) {
    id dryRun created corrected unchanged agencies { code name origin functions(history: true) { function validFrom validTo } }
  }
}`;
const AGENCIES = `query($unit: String, $function: SectorFunction, $asOf: Date) {
  agencies(unitCode: $unit, function: $function, asOf: $asOf, first: 500) { totalCount nodes { code name origin } }
}`;
type AgencyPage = { agencies: { totalCount: number; nodes: { code: string; name: string; origin: string }[] } };
const codesOf = (page: AgencyPage) => page.agencies.nodes.map((a) => a.code);

describe('the standard agencies of every unit, generated from the official lists', () => {
  it('gives every unit of both lists its People’s Committee (checked against the unit tables)', async () => {
    const [units] = await rows(
      count,
      // Every unit of the 2024 list, every commune of the current list, and every current province
      // formed by a merger (one the reform left whole keeps its pre-reform bodies).
      sql`SELECT (SELECT count(*) FROM administrative_unit WHERE valid_from = '2019-01-01')
               + (SELECT count(*) FROM administrative_unit WHERE valid_from = '2025-07-01' AND level = 'COMMUNE')
               + (SELECT count(*) FROM administrative_unit p WHERE p.valid_from = '2025-07-01' AND p.level = 'PROVINCE'
                    AND EXISTS (SELECT 1 FROM unit_succession s WHERE s.successor_code = p.code
                                   AND s.successor_valid_from = p.valid_from AND s.predecessor_code <> p.code)) AS n`,
    );
    const [committees] = await rows(
      count,
      sql`SELECT count(*) AS n FROM agency WHERE kind = 'PEOPLES_COMMITTEE' AND unit_code IS NOT NULL`,
    );
    expect(committees!.n).toBe(units!.n);
    expect(committees!.n).toBeGreaterThan(14_000);
    const [missing] = await rows(
      count,
      sql`SELECT count(*) AS n FROM administrative_unit u WHERE u.level = 'COMMUNE' AND NOT EXISTS
            (SELECT 1 FROM agency a WHERE a.unit_code = u.code AND a.unit_valid_from = u.valid_from AND a.kind = 'PEOPLES_COMMITTEE')`,
    );
    expect(missing!.n).toBe(0);
  });

  it('holds Điện Biên’s departments with the 2025 reorganisation dated: child protection with Sở Y tế from 1 March', async () => {
    const before = await ok<AgencyPage>(null, AGENCIES, {
      unit: '11',
      function: 'CHILD_PROTECTION',
      asOf: '2025-02-28',
    });
    const after = await ok<AgencyPage>(null, AGENCIES, {
      unit: '11',
      function: 'CHILD_PROTECTION',
      asOf: '2025-03-01',
    });
    expect(codesOf(before)).toEqual(['SLDTBXH-11']);
    expect(codesOf(after)).toEqual(['SYT-11']);
    expect(after.agencies.nodes[0]).toMatchObject({ name: 'Sở Y tế tỉnh Điện Biên', origin: 'GENERATED' });
    const planning = await ok<AgencyPage>(null, AGENCIES, { unit: '11', function: 'PLANNING', asOf: '2025-12-15' });
    expect(codesOf(planning)).toEqual(['STC-11']);
    // A commune of the current list, and a district of the old one until 30 June 2025.
    expect(codesOf(await ok<AgencyPage>(null, AGENCIES, { unit: '03127', asOf: '2026-01-01' }))).toEqual([
      'UBND-03127-2025',
    ]);
    const district = await ok<AgencyPage>(null, AGENCIES, { unit: '094', asOf: '2024-06-01' });
    expect(codesOf(district)).toEqual([
      'PGDDT-094',
      'PLDTBXH-094',
      'PNV-094',
      'PTCKH-094',
      'PVHTT-094',
      'PYT-094',
      'UBND-094',
    ]);
    expect((await ok<AgencyPage>(null, AGENCIES, { unit: '094', asOf: '2025-07-01' })).agencies.totalCount).toBe(0);
  });
});

describe('a plan of a province outside the seeds', () => {
  const tables = async () =>
    Promise.all(
      ['plan', 'plan_target', 'plan_task', 'reporting_rule', 'agency'].map((t) => rowCount(subgraph.service.client, t)),
    );

  it('imports with nothing but its own file: dry run, then for real; its 2025 reports go to Sở Y tế Điện Biên', async () => {
    const document = await readFixture('plans/dien-bien-2021-test-fixture.yaml');
    const before = await tables();
    const dry = await ok<{ importPlan: { dryRun: boolean; key: string; tasks: number; plan: null } }>(
      null,
      IMPORT_PLAN,
      { d: document, dryRun: true },
    );
    expect(dry.importPlan).toEqual({ dryRun: true, key: 'dien-bien-2021-test-fixture', tasks: 2, plan: null });
    expect(await tables()).toEqual(before);
    const real = await ok<{ importPlan: { plan: { key: string } } }>(null, IMPORT_PLAN, { d: document });
    expect(real.importPlan.plan.key).toBe('dien-bien-2021-test-fixture');

    const { openReportingPeriod: period } = await ok<{
      openReportingPeriod: {
        id: string;
        dueOn: string;
        recipient: { code: string };
        expectedReports: { reporter: { code: string } }[];
      };
    }>(
      null,
      `mutation { openReportingPeriod(planKey: "dien-bien-2021-test-fixture", frequency: ANNUAL, year: 2025) {
        id dueOn recipient { code } expectedReports { reporter { code } } } }`,
    );
    expect(period).toMatchObject({ dueOn: '2025-12-15', recipient: { code: 'SYT-11' } });
    const reporters = period.expectedReports.map((r) => r.reporter.code);
    const communes = await rows(
      z.object({ code: z.string() }),
      sql`SELECT 'UBND-' || code || '-2025' AS code FROM administrative_unit
           WHERE level = 'COMMUNE' AND parent_code = '11' AND valid_from = '2025-07-01' ORDER BY 1`,
    );
    expect(reporters.filter((c) => c.endsWith('-2025'))).toEqual(communes.map((c) => c.code));
    expect(reporters.filter((c) => !c.endsWith('-2025'))).toEqual([
      'HLHPN-11',
      'MTTQ-11',
      'SGDDT-11',
      'STC-11',
      'SVHTTDL-11',
      'TINHDOAN-11',
    ]);
  });

  it('refuses another province’s agencies, each at its path, and writes nothing', async () => {
    const document = (await readFixture('plans/dien-bien-2021-test-fixture.yaml'))
      .replace('key: dien-bien-2021-test-fixture', 'key: dien-bien-2021-other-province')
      .replace('number: 98/KH-TEST-DB', 'number: 97/KH-TEST-DB')
      .replace('      - SGDDT-11\n', '      - SGDDT-20\n')
      .replace('coordinating: [SKHDT-11]', 'coordinating: [UBND-25780, BYT]');
    const before = await tables();
    for (const dryRun of [true, false]) {
      const response = await as(null, IMPORT_PLAN, { d: document, dryRun });
      expect(problemsOf(response, 'INVALID_DOCUMENT')).toEqual([
        ['tasks[0].coordinating[1]', 'AGENCY_OUTSIDE_PLAN_SCOPE'],
        ['tasks[1].coordinating[0]', 'AGENCY_OUTSIDE_PLAN_SCOPE'],
      ]);
      expect((response.errors![0]!.extensions!.problems as Problem[])[0]!.message).toMatch(
        /Cơ quan "SGDDT-20" \(Sở Giáo dục và Đào tạo tỉnh Lạng Sơn\) không thuộc địa bàn của kế hoạch/,
      );
    }
    expect(await tables()).toEqual(before);
  });
});

describe('agencies added and corrected through the API and by file', () => {
  const document = (agencies: object[]) => stringify({ agencies });
  const museum = {
    code: 'BTLS-20',
    name: 'Bảo tàng tỉnh Lạng Sơn',
    kind: 'OTHER',
    unit: { code: '20', asOf: '2026-01-01' },
    validFrom: '2026-01-01',
    validTo: null,
    functions: [{ function: 'CULTURE', validFrom: '2026-01-01', validTo: null }],
  };
  const revisionCount = () => rowCount(subgraph.service.client, 'agency_revision');

  it('adds an agency of the lead agency’s province after a dry run, audits it and keeps its history', async () => {
    const before = { agencies: await rowCount(subgraph.service.client, 'agency'), revisions: await revisionCount() };
    type Result = {
      importAgencies: {
        id: string | null;
        dryRun: boolean;
        created: string[];
        corrected: string[];
        unchanged: string[];
        agencies: { code: string; origin: string }[];
      };
    };
    const dry = await ok<Result>('lead.langson', IMPORT_AGENCIES, { d: document([museum]), dryRun: true });
    expect(dry.importAgencies).toEqual({
      id: null,
      dryRun: true,
      created: ['BTLS-20'],
      corrected: [],
      unchanged: [],
      agencies: [],
    });
    expect(await rowCount(subgraph.service.client, 'agency')).toBe(before.agencies);

    const real = await ok<Result>('lead.langson', IMPORT_AGENCIES, { d: document([museum]) });
    expect(real.importAgencies).toMatchObject({
      dryRun: false,
      created: ['BTLS-20'],
      agencies: [{ code: 'BTLS-20', origin: 'IMPORT' }],
    });
    expect(await rowCount(subgraph.service.client, 'agency')).toBe(before.agencies + 1);
    expect(await revisionCount()).toBe(before.revisions + 1);
    const [audit] = await rows(
      z.object({
        entity_type: z.string(),
        entity_ids: z.array(z.string()),
        user_id: z.string(),
        succeeded: z.boolean(),
      }),
      sql`SELECT entity_type, entity_ids, user_id, succeeded FROM audit_event
           WHERE kind = 'WRITE' AND 'importAgencies' = ANY(root_fields) AND succeeded ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      entity_type: 'AgencyImportResult',
      entity_ids: [real.importAgencies.id],
      user_id: 'lead.langson',
      succeeded: true,
    });
    // The same document again changes nothing.
    const again = await ok<Result>('lead.langson', IMPORT_AGENCIES, { d: document([museum]) });
    expect(again.importAgencies).toMatchObject({ created: [], corrected: [], unchanged: ['BTLS-20'] });
    expect(await revisionCount()).toBe(before.revisions + 1);
  });

  it('corrects a generated agency, keeping what it replaces; a reload of the catalogue leaves the correction', async () => {
    // Lạng Sơn's culture department, as the province corrects it: it did not take information in March 2025.
    const corrected = {
      code: 'SVHTTDL-20',
      name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn',
      kind: 'DEPARTMENT',
      unit: { code: '20', asOf: '2019-01-01' },
      validFrom: '2019-01-01',
      validTo: null,
      functions: [{ function: 'CULTURE', validFrom: '2019-01-01', validTo: null }],
    };
    const result = await ok<{ importAgencies: { corrected: string[] } }>('lead.langson', IMPORT_AGENCIES, {
      d: JSON.stringify({ agencies: [corrected] }),
      format: 'JSON',
    });
    expect(result.importAgencies.corrected).toEqual(['SVHTTDL-20']);
    const read = async () =>
      (
        await ok<{
          agencies: {
            nodes: {
              code: string;
              origin: string;
              functions: { function: string }[];
              revisions: { actor: string; previous: string | null; current: string }[];
            }[];
          };
        }>('lead.langson', REVISIONS_QUERY)
      ).agencies.nodes.find((a) => a.code === 'SVHTTDL-20')!;
    const held = await read();
    expect(held.origin).toBe('IMPORT');
    expect(held.functions.map((f) => f.function)).toEqual(['CULTURE']);
    expect(held.revisions).toHaveLength(1);
    expect(held.revisions[0]!.actor).toBe('lead.langson');
    // Revisions name the officer who made them: not for a viewer or a sector officer of the same province.
    for (const user of ['viewer.quangninh', 'health.langson']) {
      const refused = await as(user, REVISIONS_QUERY);
      expect(refused.errors?.[0]?.extensions, user).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
      expect(refused.errors?.[0]?.path, user).toContain('revisions');
    }
    const previous = z
      .object({ functions: z.array(z.object({ function: z.string() })) })
      .parse(JSON.parse(held.revisions[0]!.previous!));
    expect(previous.functions.map((f) => f.function)).toEqual(['CULTURE', 'INFORMATION']);
    // History is append-only, whatever the application does.
    await expect(execute(subgraph.service.client, sql`DELETE FROM agency_revision`)).rejects.toThrow(/append-only/);

    // Forget what the last start loaded: the next start reloads the whole catalogue, and keeps the correction.
    await execute(subgraph.service.client, sql`DELETE FROM registry_version`);
    await subgraph.restart();
    const [version] = await rows(count, sql`SELECT entries AS n FROM registry_version WHERE name = 'agencies'`);
    expect(version!.n).toBeGreaterThan(14_000);
    expect((await read()).functions.map((f) => f.function)).toEqual(['CULTURE']);
  });

  it('reports every problem of a document with its path, and writes nothing', async () => {
    const before = await rowCount(subgraph.service.client, 'agency');
    const response = await as(null, IMPORT_AGENCIES, {
      d: document([
        museum,
        { ...museum, code: 'BTLS-20', unit: { code: '20', asOf: '2026-02-30' } },
        { ...museum, code: 'BTLS-22', validTo: '2025-01-01' },
        { ...museum, code: 'SYT-20', unit: { code: '99', asOf: '2026-01-01' }, kind: 'SỞ' },
        {
          ...museum,
          code: 'THUVIEN-20',
          functions: [{ function: 'CULTURE', validFrom: '2025-01-01', validTo: null }],
        },
      ]),
    });
    expect(problemsOf(response, 'INVALID_AGENCY_DOCUMENT')).toEqual([
      ['agencies[1].unit.asOf', 'INVALID_DATE'],
      ['agencies[3].kind', 'VALUE_NOT_ALLOWED'],
    ]);
    // Once the format is right, the checks of the content.
    const content = await as(null, IMPORT_AGENCIES, {
      d: document([
        museum,
        { ...museum },
        { ...museum, code: 'BTLS-22', validTo: '2025-01-01' },
        { ...museum, code: 'SYT-20', unit: { code: '99', asOf: '2026-01-01' } },
        { ...museum, code: 'THUVIEN-20', functions: [{ function: 'CULTURE', validFrom: '2025-01-01', validTo: null }] },
      ]),
    });
    expect(problemsOf(content, 'INVALID_AGENCY_DOCUMENT')).toEqual([
      ['agencies[1].code', 'DUPLICATE_AGENCY_CODE'],
      ['agencies[2].validTo', 'END_BEFORE_START'],
      ['agencies[2].code', 'AGENCY_CODE_UNIT_MISMATCH'],
      ['agencies[2].unit.asOf', 'UNIT_DAY_OUTSIDE_AGENCY_PERIOD'],
      ['agencies[2].functions[0]', 'FUNCTION_OUTSIDE_AGENCY_PERIOD'],
      ['agencies[3].code', 'AGENCY_CODE_UNIT_MISMATCH'],
      ['agencies[3].unit.code', 'UNKNOWN_UNIT_CODE'],
      ['agencies[4].functions[0]', 'FUNCTION_OUTSIDE_AGENCY_PERIOD'],
    ]);
    expect(await rowCount(subgraph.service.client, 'agency')).toBe(before);
  });

  it('lets a province’s lead agency add and correct only its own province’s agencies', async () => {
    const before = await rowCount(subgraph.service.client, 'agency');
    const refused = async (user: string, agencies: object[], reason: string, field?: string) => {
      const response = await as(user, IMPORT_AGENCIES, { d: document(agencies) });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason,
        ...(field ? { field } : {}),
      });
    };
    const inQuangNinh = {
      ...museum,
      code: 'BTLS-22',
      name: 'Bảo tàng tỉnh Quảng Ninh',
      unit: { code: '22', asOf: '2026-01-01' },
    };
    await refused('lead.langson', [museum, inQuangNinh], 'OUTSIDE_SCOPE', 'document.agencies[1].unit');
    // A national body is the whole country's: national roles only.
    await refused(
      'lead.langson',
      [{ ...museum, code: 'BTLS', unit: null }],
      'OUTSIDE_SCOPE',
      'document.agencies[0].unit',
    );
    // Nor may it correct one: Bộ Y tế is the country's.
    await refused(
      'lead.langson',
      [{ ...museum, code: 'BYT', name: 'Bộ Y tế', kind: 'MINISTRY', unit: null, validFrom: '2019-01-01' }],
      'OUTSIDE_SCOPE',
      'document.agencies[0].unit',
    );
    await refused('health.langson', [museum], 'ROLE_NOT_ALLOWED');
    expect(await rowCount(subgraph.service.client, 'agency')).toBe(before);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('does the same from the command line, dry run first', async () => {
    const file = join(tmpdir(), `ecd-agencies-${process.pid}.yaml`);
    const library = { ...museum, code: 'THUVIEN-20', name: 'Thư viện tỉnh Lạng Sơn' };
    await writeFile(file, document([library]));
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'agencies', file, ...args], {
        cwd: new URL('..', import.meta.url).pathname,
        env: {
          ...process.env,
          DATABASE_URL: subgraph.database.url,
          DATA_DIR: subgraph.database.dataDir,
          LOG_LEVEL: 'silent',
        },
      });
    const before = await rowCount(subgraph.service.client, 'agency');
    expect((await cli('--dry-run')).stdout).toMatch(/checked \(nothing written\): 1 added, 0 corrected, 0 unchanged/);
    expect(await rowCount(subgraph.service.client, 'agency')).toBe(before);
    expect((await cli()).stdout).toMatch(/imported \(import [0-9a-f-]{36}\): 1 added/);
    expect(await rowCount(subgraph.service.client, 'agency')).toBe(before + 1);
    const [row] = await rows(
      z.object({ origin: z.string(), actor: z.string() }),
      sql`SELECT a.origin::text AS origin, r.actor FROM agency a JOIN agency_revision r ON r.agency_code = a.code WHERE a.code = 'THUVIEN-20'`,
    );
    expect(row).toMatchObject({ origin: 'IMPORT', actor: expect.stringMatching(/^cli:/) });
  });
});
