import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

import { queryRows, sql } from '@ecd/database';
import { graphql, readFixture, useTestSubgraph, type GraphQLResponse } from '@ecd/test-kit';

import { seedDemo } from './demo/seed.js';
import { planFileSchema } from './domain/plan-file.js';
import { loadEnv, startLdtbxhSubgraph } from './server.js';

const subgraph = useTestSubgraph('ldtbxh_plans', (env) => startLdtbxhSubgraph(loadEnv(env), { seedDemo }));

const query = <T = Record<string, unknown>>(q: string, variables?: Record<string, unknown>) =>
  graphql<T>(subgraph.service.graphqlUrl, q, variables);

const IMPORT = `mutation($document: String!, $format: DocumentFormat, $dryRun: Boolean) {
  importPlan(document: $document, format: $format, dryRun: $dryRun) { dryRun key targets numericTargets milestones tasks reportingRules plan { key title } }
}`;
const planCount = async () =>
  (await query<{ plans: { totalCount: number } }>('{ plans { totalCount } }')).data!.plans.totalCount;
const tableCounts = async () =>
  (
    await queryRows(
      subgraph.service.client,
      z.object({ plans: z.bigint(), targets: z.bigint(), milestones: z.bigint(), tasks: z.bigint() }),
      sql`SELECT (SELECT count(*) FROM plan) AS plans, (SELECT count(*) FROM plan_target) AS targets,
              (SELECT count(*) FROM target_milestone) AS milestones, (SELECT count(*) FROM plan_task) AS tasks`,
    )
  )[0];

type Problem = { path: string; reason: string; message: string };
const problemsOf = (response: GraphQLResponse) => {
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DOCUMENT' });
  return (response.errors![0]!.extensions!.problems as Problem[]).map((p) => [p.path, p.reason]);
};

describe('plans as data', () => {
  it('holds the seed plans in their chain: national scheme → provincial plan → sector or district plan', async () => {
    const { data } = await query<{
      plans: { nodes: { key: string; number: string | null; level: string; parent: { key: string } | null }[] };
    }>('{ plans(first: 100) { nodes { key number level parent { key } } } }');
    const byKey = new Map(data!.plans.nodes.map((p) => [p.key, p]));
    expect(byKey.get('qd-1437-2018')).toMatchObject({ number: '1437/QĐ-TTg', level: 'NATIONAL', parent: null });
    expect(byKey.get('lang-son-2019-de-an-1437')).toMatchObject({
      level: 'PROVINCIAL',
      parent: { key: 'qd-1437-2018' },
    });
    expect(byKey.get('ninh-binh-sgddt-2019-de-an-1437')).toMatchObject({ number: '03/KH-SGDĐT', level: 'SECTOR' });
    expect(byKey.get('ninh-binh-sgddt-2019-de-an-1437')!.parent!.key).toBe('ninh-binh-2019-de-an-1437');
    expect(byKey.get('ben-cat-pgddt-2021-cthd-tre-em')).toMatchObject({ number: '226/KH-PGDĐT', level: 'SECTOR' });
  });

  it('imports a sixth plan from a data file alone, dry run first, and exports it back to the same document', async () => {
    const document = await readFixture('plans/lang-son-2026-test-fixture.yaml');
    const before = await tableCounts();
    const dry = await query<{ importPlan: Record<string, unknown> }>(IMPORT, { document, dryRun: true });
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importPlan).toEqual({
      dryRun: true,
      key: 'lang-son-2026-test-fixture',
      targets: 3,
      numericTargets: 2,
      milestones: 3,
      tasks: 2,
      reportingRules: 1,
      plan: null,
    });
    expect(await tableCounts()).toEqual(before);

    const real = await query<{ importPlan: { plan: { key: string } } }>(IMPORT, { document });
    expect(real.errors).toBeUndefined();
    expect(real.data!.importPlan.plan.key).toBe('lang-son-2026-test-fixture');

    const exported = await query<{
      plan: {
        document: string;
        targets: {
          code: string;
          qualitative: boolean;
          indicator: { code: string } | null;
          milestones: { year: number; comparatorLabel: string; value: number }[];
        }[];
      };
    }>(
      `{ plan(key: "lang-son-2026-test-fixture") { document targets { code qualitative indicator { code } milestones { year comparatorLabel value } } } }`,
    );
    expect(exported.data!.plan.targets[1]).toEqual({
      code: '2',
      qualitative: false,
      indicator: { code: 'PRIMARY_DROPOUT' },
      milestones: [{ year: 2030, comparatorLabel: '<', value: 0.1 }],
    });
    expect(exported.data!.plan.targets[2]!.qualitative).toBe(true);
    // The export is the import document, defaults filled in and the scope's day now the unit's first valid day.
    const original = parse(document);
    original.scope.asOf = '2025-07-01';
    expect(planFileSchema.parse(parse(exported.data!.plan.document))).toEqual(
      planFileSchema.parse({ ...original, issuedOn: '2026-01-15' }),
    );
    // The plan's own baseline starts the trajectory: 80 % in 2025 towards 92 % in 2028 expects 84 % in 2026.
    const progress = await query<{ plan: { progress: { baseline: unknown; expected: number }[] } }>(
      `{ plan(key: "lang-son-2026-test-fixture") { progress(year: 2026) { baseline { year value from } expected } } }`,
    );
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.plan.progress[0]!.baseline).toEqual({ year: 2025, value: 80, from: 'PLAN' });
    expect(progress.data!.plan.progress[0]!.expected).toBeCloseTo(84, 9);
  });

  it('rejects a plan file with every problem and its path, and writes nothing', async () => {
    const fixture = parse(await readFixture('plans/lang-son-2026-test-fixture.yaml'));
    const broken = {
      ...fixture,
      key: 'broken-plan',
      number: '03/KH-SGDĐT', // held by the Ninh Bình education plan
      scope: { unit: '99999', asOf: '2026-01-15' },
      targets: [
        {
          code: '1',
          description: 'x',
          indicator: 'NO_SUCH_INDICATOR',
          milestones: [{ year: 2030, comparator: 'GTE', value: 1 }],
        },
        {
          code: '2',
          description: 'x',
          indicator: 'PRIMARY_DROPOUT',
          milestones: [{ year: 2031, comparator: 'LT', value: 0.1 }],
        },
        {
          code: '3',
          description: 'x',
          indicator: 'ECD_NEEDS_MONITORING_IN_PLACE',
          milestones: [{ year: 2030, comparator: 'GTE', value: 90 }],
        },
      ],
      tasks: [{ title: 't', lead: 'NOBODY-20' }],
    };
    const before = await tableCounts();
    const response = await query(IMPORT, { document: JSON.stringify(broken), format: 'JSON' });
    expect(problemsOf(response)).toEqual([
      ['number', 'DUPLICATE_PLAN_NUMBER'],
      ['scope.unit', 'UNKNOWN_UNIT_CODE'],
      ['targets[0].indicator', 'UNKNOWN_INDICATOR'],
      ['targets[1].milestones[0].year', 'YEAR_OUTSIDE_PERIOD'],
      ['targets[2].milestones[0].comparator', 'COMPARATOR_DOES_NOT_FIT_INDICATOR'],
      ['targets[2].milestones[0].value', 'NOT_A_BOOLEAN'],
      ['tasks[0].lead', 'UNKNOWN_AGENCY'],
    ]);
    expect(response.errors![0]!.message).toMatch(/có 7 lỗi; không có dữ liệu nào được ghi/);
    expect(await tableCounts()).toEqual(before);
  });

  it('reports schema violations and YAML syntax errors with their location', async () => {
    const schema = await query(IMPORT, { document: 'key: Bad Key\nnumber: null\ntitle: ""\nlevel: CITY\n' });
    expect(problemsOf(schema)).toEqual(
      expect.arrayContaining([
        ['key', 'MALFORMED_PLAN_KEY'],
        ['title', 'REQUIRED'],
        ['level', 'VALUE_NOT_ALLOWED'],
        ['issuer', 'REQUIRED'],
      ]),
    );
    const syntax = await query(IMPORT, { document: 'key: [unclosed\n' });
    expect(problemsOf(syntax)).toEqual([['(document)', 'SYNTAX_ERROR']]);
    expect((syntax.errors![0]!.extensions!.problems as Problem[])[0]!.message).toMatch(/dòng \d+, cột \d+/);
  });

  it('answers a dry run of a broken plan file with every problem on its exact field, in Vietnamese, and writes nothing', async () => {
    const fixture = (await readFixture('plans/lang-son-2026-test-fixture.yaml'))
      .replace('key: lang-son-2026-test-fixture', 'key: lang-son-2026-dry-run')
      .replace('number: 99/KH-TEST', 'number: 97/KH-TEST');
    const edit = (...changes: [string, string][]) =>
      changes.reduce((text, [from, to]) => {
        expect(text).toContain(from);
        return text.replace(from, to);
      }, fixture);
    const before = await tableCounts();
    const dryRun = async (document: string) => {
      const response = await query(IMPORT, { document, dryRun: true });
      expect(response.data).toBeNull();
      const [error] = response.errors!;
      expect(error!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'document',
        reason: 'INVALID_DOCUMENT',
      });
      const problems = error!.extensions!.problems as Problem[];
      expect(error!.message).toBe(`Tệp kế hoạch có ${problems.length} lỗi; không có dữ liệu nào được ghi.`);
      for (const p of problems) {
        expect(p.message, p.path).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệìíịỉĩòóọỏõôốồổỗộơớờởỡợùúụủũưừứửữựỳýỵỷỹ]/iu);
        expect(p.message, p.path).not.toMatch(/\b(Invalid|expected|received|Too (big|small)|Unrecognized|must)\b/);
      }
      return problems;
    };

    // The file's form: an impossible day, a value outside a set, a text too long, a misspelt field, a deadline not MM-DD.
    const form = await dryRun(
      edit(
        ['issuedOn: 2026-01-15', 'issuedOn: 2021-02-30'],
        ['level: PROVINCIAL', 'level: TINH'],
        ['title: Kế hoạch thử nghiệm', `title: ${'Rất dài '.repeat(70)}`],
        ['    lead: SGDDT-20', '    laed: SGDDT-20'],
        ["due: '12-05'", 'due: 12/05'],
      ),
    );
    expect(form.map((p) => [p.path, p.reason])).toEqual([
      ['title', 'TOO_LONG'],
      ['issuedOn', 'INVALID_DATE'],
      ['level', 'VALUE_NOT_ALLOWED'],
      ['tasks[1].lead', 'REQUIRED'],
      ['tasks[1].laed', 'UNKNOWN_FIELD'],
      ['reporting[0].due', 'INVALID_DUE_DATE'],
    ]);
    expect(form.find((p) => p.path === 'issuedOn')!.message).toBe(
      'Ngày ban hành "2021-02-30" không phải một ngày hợp lệ: tháng 2 năm 2021 chỉ có 28 ngày.',
    );
    expect(form.find((p) => p.path === 'level')!.message).toBe(
      'Cấp kế hoạch không hợp lệ (đã nhập "TINH"); chỉ nhận: NATIONAL (quốc gia), PROVINCIAL (tỉnh), DISTRICT (huyện), SECTOR (ngành).',
    );
    expect(form.find((p) => p.path === 'tasks[1].laed')!.message).toMatch(/Có phải là "lead"\?$/);

    // The checks against the registries: values outside their indicator's range, an unreachable target, a deadline not in every year.
    const checks = await dryRun(
      edit(
        ['{ year: 2030, comparator: GTE, value: 95 }', '{ year: 2030, comparator: GTE, value: 150 }'],
        ['{ year: 2030, comparator: LT, value: 0.1 }', '{ year: 2030, comparator: LT, value: 0 }'],
        [
          "  - code: '3'",
          "  - code: '4'\n    description: Mô hình\n    indicator: ECD_PILOT_MODELS\n    milestones: [{ year: 2030, comparator: GTE, value: -3 }]\n  - code: '3'",
        ],
        ["due: '12-05'", "due: '02-29'"],
      ),
    );
    expect(checks).toEqual([
      {
        path: 'targets[0].milestones[1].value',
        reason: 'RATE_OUT_OF_RANGE',
        message: 'Chỉ số ECD_SERVICE_ACCESS_0_8 là tỷ lệ phần trăm: giá trị của mốc phải từ 0 đến 100 (đã nhập 150).',
      },
      {
        path: 'targets[1].milestones[0].comparator',
        reason: 'COMPARATOR_DOES_NOT_FIT_INDICATOR',
        message: 'Mục tiêu "nhỏ hơn 0" không thể đạt: chỉ số PRIMARY_DROPOUT không nhận giá trị âm.',
      },
      {
        path: 'targets[2].milestones[0].value',
        reason: 'NEGATIVE_COUNT',
        message: 'Giá trị của mốc không được âm (đã nhập -3).',
      },
      {
        path: 'reporting[0].due',
        reason: 'INVALID_DUE_DATE',
        message:
          'Hạn báo cáo "02-29" không phải một ngày trong năm: ngày 29/02 không có trong năm không nhuận; vui lòng chọn 28/02 hoặc 01/03.',
      },
    ]);
    expect(await tableCounts()).toEqual(before);
    // The same file, corrected, passes the dry run: the problems were the edits, nothing else.
    expect((await query(IMPORT, { document: fixture, dryRun: true })).errors).toBeUndefined();
  });

  it('refuses to import the same plan twice', async () => {
    const document = (await readFixture('plans/lang-son-2026-test-fixture.yaml')).replace(
      'number: 99/KH-TEST',
      'number: 98/KH-TEST',
    );
    const count = await planCount();
    expect(problemsOf(await query(IMPORT, { document }))).toEqual([['key', 'DUPLICATE_PLAN_KEY']]);
    expect(await planCount()).toBe(count);
  });
});

describe('agencies and their functions over time', () => {
  it('moves child protection from Sở LĐTBXH to Sở Y tế in the 2025 reorganisation, as data', async () => {
    const q = `query($d: Date) { agencies(unitCode: "20", function: CHILD_PROTECTION, asOf: $d) { nodes { code } } }`;
    const before = await query<{ agencies: { nodes: { code: string }[] } }>(q, { d: '2024-12-31' });
    const after = await query<{ agencies: { nodes: { code: string }[] } }>(q, { d: '2025-07-01' });
    expect(before.data!.agencies.nodes.map((a) => a.code)).toContain('SLDTBXH-20');
    expect(after.data!.agencies.nodes.map((a) => a.code)).not.toContain('SLDTBXH-20');
    expect(after.data!.agencies.nodes.map((a) => a.code)).toContain('SYT-20');
  });
});
