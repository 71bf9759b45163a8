import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { column, empty, join, queryRows, sql, type Sql } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import { MAX_SOURCE_LENGTH } from '@ecd/service-kit';
import { rowCount, subgraphDatabase, type Federation } from '@ecd/test-kit';

import { langSonTestPlan, startTestFederation } from './federation.test-fixture.js';

/** The first vertical slice: one question to the gateway, answered by all four sectors. */
const SLICE = /* GraphQL */ `
  query Slice($code: String!) {
    administrativeUnit(code: $code) {
      code
      fullName
      level
      healthStationCount
      childrenAged0To8Count(asOf: "2025-07-01")
      schoolCounts {
        level
        label
        count
      }
      culturalFacilityCount
      plans {
        number
        title
      }
      children(first: 100) {
        totalCount
        nodes {
          code
          fullName
          level
          healthStationCount
          schoolCounts {
            count
          }
          culturalFacilityCount
        }
      }
    }
  }
`;

interface SliceUnit {
  code: string;
  fullName: string;
  level: string;
  healthStationCount: number | null;
  childrenAged0To8Count: number | null;
  schoolCounts: { level: string; label: string; count: number }[] | null;
  culturalFacilityCount: number | null;
  plans: { number: string | null; title: string }[];
  children: {
    totalCount: number;
    nodes: {
      code: string;
      healthStationCount: number | null;
      schoolCounts: { count: number }[];
      culturalFacilityCount: number;
    }[];
  };
}

let federation: Federation;

beforeAll(async () => {
  federation = await startTestFederation();
});

afterAll(() => federation?.close());

describe('the federated slice through the gateway', () => {
  it('returns a province with its communes and fields from all four subgraphs', async () => {
    const { data, errors } = await federation.query<{ administrativeUnit: SliceUnit }>(SLICE, { code: '20' });
    expect(errors).toBeUndefined();
    const province = data!.administrativeUnit;
    expect(province).toMatchObject({ code: '20', fullName: 'Tỉnh Lạng Sơn', level: 'PROVINCE' });
    expect(province.children.totalCount).toBe(65);
    expect(province.children.nodes).toHaveLength(65);
    // Each sector's province figure is the sum over its communes: roll-ups agree with the details.
    const sum = (pick: (n: SliceUnit['children']['nodes'][number]) => number) =>
      province.children.nodes.reduce((s, n) => s + pick(n), 0);
    expect(province.healthStationCount).toBe(65);
    expect(sum((n) => n.healthStationCount ?? 0)).toBe(65);
    expect(province.schoolCounts!.map((s) => s.label)).toEqual(['Mầm non', 'Tiểu học', 'Trung học cơ sở']);
    expect(province.schoolCounts!.reduce((s, c) => s + c.count, 0)).toBe(
      sum((n) => n.schoolCounts.reduce((a, c) => a + c.count, 0)),
    );
    expect(province.culturalFacilityCount).toBe(sum((n) => n.culturalFacilityCount));
    expect(province.culturalFacilityCount).toBeGreaterThanOrEqual(65);
    expect(province.childrenAged0To8Count).toBeGreaterThan(65 * 100);
    // ldtbxh: the national scheme and Lạng Sơn's 2019 plan, inherited by the 2025 province.
    expect(province.plans.map((p) => p.number)).toEqual(['1437/QĐ-TTg', null]);
  });

  it('answers for units as they were: Lạng Sơn had districts before the July 2025 reform', async () => {
    const query = `query($d: Date) { administrativeUnit(code: "20", asOf: $d) { validFrom children(first: 20) { totalCount nodes { level } } } }`;
    const before = await federation.query<{
      administrativeUnit: { validFrom: string; children: { totalCount: number; nodes: { level: string }[] } };
    }>(query, { d: '2024-12-31' });
    expect(before.data!.administrativeUnit.validFrom).toBe('2019-01-01');
    expect(before.data!.administrativeUnit.children.nodes.every((n) => n.level === 'DISTRICT')).toBe(true);
    expect(before.data!.administrativeUnit.children.totalCount).toBe(11);
  });

  it('gives a typed NOT_FOUND error for an unknown unit code', async () => {
    const { data, errors } = await federation.query(SLICE, { code: '99' });
    expect(data?.administrativeUnit).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['administrativeUnit'],
      extensions: { code: 'NOT_FOUND', field: 'code', reason: 'UNKNOWN_UNIT_CODE' },
    });
    expect(errors![0]!.message).toContain('Không có đơn vị hành chính mã 99');
  });

  it('gives a typed BAD_USER_INPUT error for a malformed code and a wrong type, never a stack trace', async () => {
    const malformed = await federation.query(SLICE, { code: '20; DROP TABLE plan' });
    expect(malformed.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
      reason: 'MALFORMED_UNIT_CODE',
    });

    const wrongType = await federation.query(SLICE, { code: 20 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors![0]!.message).toMatch(/^Dữ liệu đầu vào không hợp lệ/);

    const badDate = await federation.query('{ administrativeUnit(code: "20", asOf: "31/12/2024") { code } }');
    expect(badDate.status).toBe(400);
    expect(badDate.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'asOf',
      reason: 'INVALID_DATE',
    });
    for (const response of [malformed, wrongType, badDate])
      expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });
});

describe("the lead agency's core through the gateway", () => {
  it('lists the seed plans with the Lạng Sơn targets, milestones and comparators', async () => {
    const { data, errors } = await federation.query<{
      plans: { nodes: { key: string }[] };
      plan: {
        title: string;
        issuer: { name: string };
        scope: { fullName: string };
        targets: {
          code: string;
          qualitative: boolean;
          indicator: { code: string; sector: string } | null;
          milestones: { year: number; comparatorLabel: string; value: number }[];
        }[];
        reportingRules: { due: string; recipient: { code: string } }[];
      };
    }>(`{
      plans(first: 100) { nodes { key } }
      plan(key: "lang-son-2019-de-an-1437") {
        title issuer { name } scope { fullName }
        targets { code qualitative indicator { code sector } milestones { year comparatorLabel value } }
        reportingRules { due recipient { code } }
      }
    }`);
    expect(errors).toBeUndefined();
    const keys = data!.plans.nodes.map((p) => p.key);
    for (const seed of [
      'lang-son-2019-de-an-1437',
      'quang-ninh-2019-de-an-1437',
      'ninh-binh-sgddt-2019-de-an-1437',
      'dau-tieng-2019-de-an-1437',
      'ben-cat-pgddt-2021-cthd-tre-em',
    ]) {
      expect(keys).toContain(seed);
    }
    const plan = data!.plan;
    expect(plan.scope.fullName).toBe('Tỉnh Lạng Sơn');
    const access = plan.targets.find((t) => t.indicator?.code === 'ECD_SERVICE_ACCESS_0_8')!;
    expect(access.milestones).toEqual([
      { year: 2020, comparatorLabel: '≥', value: 70 },
      { year: 2025, comparatorLabel: '≥', value: 90 },
    ]);
    const districts = plan.targets.find((t) => t.indicator?.code === 'REFERRAL_NETWORK_DISTRICTS')!;
    expect(districts.milestones.map((m) => m.value)).toEqual([40, 85]);
    expect(plan.targets.some((t) => t.qualitative)).toBe(true);
    expect(plan.reportingRules).toEqual([{ due: '12-05', recipient: { code: 'SLDTBXH-20' } }]);
  });

  it('answers a province’s communes before and after the reform, and a 2024 commune’s successors', async () => {
    type Communes = { administrativeUnit: { validFrom: string; communes: { totalCount: number } } };
    const q = `query($d: Date) { administrativeUnit(code: "20", asOf: $d) { validFrom communes(first: 1) { totalCount } } }`;
    const before = await federation.query<Communes>(q, { d: '2024-12-31' });
    const after = await federation.query<Communes>(q, { d: '2025-07-01' });
    expect(before.data!.administrativeUnit).toEqual({ validFrom: '2019-01-01', communes: { totalCount: 194 } });
    expect(after.data!.administrativeUnit).toEqual({ validFrom: '2025-07-01', communes: { totalCount: 65 } });

    const { data } = await federation.query<{
      administrativeUnit: {
        fullName: string;
        successors: {
          unit: { code: string; fullName: string; validFrom: string; healthStationCount: number };
          confidence: string;
          partial: boolean;
        }[];
      };
    }>(
      `{ administrativeUnit(code: "05971", asOf: "2024-12-31") { fullName successors { unit { code fullName validFrom healthStationCount } confidence partial } } }`,
    );
    expect(data!.administrativeUnit.fullName).toBe('Phường Hoàng Văn Thụ');
    expect(data!.administrativeUnit.successors.length).toBeGreaterThan(0);
    for (const link of data!.administrativeUnit.successors) {
      expect(link.unit.validFrom).toBe('2025-07-01');
      // The successor is today's unit: the health subgraph answers for it through the federation.
      expect(link.unit.healthStationCount).toBe(1);
    }
  });

  it('shows the reporting status board of a period', async () => {
    const opened = await federation.query<{ openReportingPeriod: { id: string } }>(
      `mutation { openReportingPeriod(planKey: "lang-son-2019-de-an-1437", frequency: ANNUAL, year: 2024) { id } }`,
    );
    expect(opened.errors).toBeUndefined();
    const { data } = await federation.query<{
      reportingPeriod: {
        dueOn: string;
        status: { expected: number; submitted: number; onTime: number; overdue: number; bySector: { label: string }[] };
      };
    }>(
      `query($id: ID!) { reportingPeriod(id: $id) { dueOn status { expected submitted onTime overdue bySector { label } } } }`,
      { id: opened.data!.openReportingPeriod.id },
    );
    expect(data!.reportingPeriod.dueOn).toBe('2024-12-05');
    expect(data!.reportingPeriod.status).toMatchObject({ submitted: 0, onTime: 0 });
    expect(data!.reportingPeriod.status.overdue).toBe(data!.reportingPeriod.status.expected);
    expect(data!.reportingPeriod.status.bySector.map((s) => s.label)).toContain('Y tế');
  });
});

/**
 * Independent SQL for each seed-plan figure, written against the owning sector's raw tables (not
 * through its loader), for a 2024 province or district `unit` in 2024: `n` and `d`.
 */
const UNIT_2024 = sql`DATE '2019-01-01'`;
const inUnit = (alias: string, unit: string) =>
  sql`((${column(alias, 'district_code')} = ${unit} AND ${column(alias, 'district_valid_from')} = ${UNIT_2024}) OR (${column(alias, 'province_code')} = ${unit} AND ${column(alias, 'province_valid_from')} = ${UNIT_2024}))`;
const latestSurvey = sql`(SELECT DISTINCT ON (school_id) * FROM school_survey WHERE year = 2024 ORDER BY school_id, version DESC)`;
const latestEnrolment = sql`(SELECT DISTINCT ON (school_id) * FROM enrolment_report WHERE year = 2024 ORDER BY school_id, version DESC)`;
const latestPopulation = sql`(SELECT DISTINCT ON (commune_code, commune_valid_from) * FROM child_population_report WHERE year = 2024
                            ORDER BY commune_code, commune_valid_from, version DESC)`;
type Independent = (unit: string) => Sql;
const schoolsWith =
  (flag: string, levels = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'], schoolsOnly = false): Independent =>
  (unit) => sql`
  SELECT count(*) FILTER (WHERE ${column('l', flag)})::float8 AS n, count(*)::float8 AS d
    FROM ${latestSurvey} l JOIN school s ON s.id = l.school_id
   WHERE s.level IN (${join(levels)}) AND ${inUnit('s', unit)} ${schoolsOnly ? sql`AND s.kind = 'SCHOOL'` : empty}`;
/** Pupils up to 8 in preschools and primary schools who received the ECD services they need, over those whose school tracks it. */
const ecdServiceAccess =
  (sex?: string): Independent =>
  (unit) => sql`
  SELECT sum(e.pupils_with_ecd_services)::float8 AS n, sum(e.pupils)::float8 AS d
    FROM ${latestEnrolment} r JOIN school s ON s.id = r.school_id JOIN enrolment_count e ON e.report_id = r.id
   WHERE s.level IN ('PRESCHOOL', 'PRIMARY') AND e.age <= 8 AND e.pupils_with_ecd_services IS NOT NULL
     AND ${inUnit('s', unit)} ${ofSex('e', sex)}`;
/** `AND alias.sex = …` when counting the children of one sex only. */
const ofSex = (alias: string, sex?: string) => (sex ? sql`AND ${column(alias, 'sex')} = ${sex}::"Sex"` : empty);
const cohort =
  (completed: string, [youngest, oldest]: [number, number], sex?: string): Independent =>
  (unit) => sql`
  SELECT sum(${column('c', completed)})::float8 AS n, sum(c.children)::float8 AS d
    FROM ${latestPopulation} p JOIN child_population_count c ON c.report_id = p.id WHERE c.age BETWEEN ${youngest} AND ${oldest} AND ${inUnit('p', unit)} ${ofSex('c', sex)}`;
const age5Enrolment =
  (sex?: string): Independent =>
  (unit) => sql`
  SELECT (SELECT sum(e.pupils) FROM ${latestEnrolment} r JOIN school s ON s.id = r.school_id JOIN enrolment_count e ON e.report_id = r.id
           WHERE s.level = 'PRESCHOOL' AND e.age = 5 AND ${inUnit('s', unit)} ${ofSex('e', sex)})::float8 AS n,
         (SELECT sum(c.children) FROM ${latestPopulation} p JOIN child_population_count c ON c.report_id = p.id
           WHERE c.age = 5 AND ${inUnit('p', unit)} ${ofSex('c', sex)})::float8 AS d`;
/** The seed-plan figures education splits by sex, for one sex. */
const INDEPENDENT_BY_SEX: Record<string, (sex: string) => Independent> = {
  AGE5_PRESCHOOL_ENROLMENT: age5Enrolment,
  ECD_EDU_SERVICE_ACCESS_0_8: ecdServiceAccess,
  PRIMARY_COMPLETION: (sex) => cohort('completed_primary', [11, 11], sex),
  LOWER_SECONDARY_COMPLETION: (sex) => cohort('completed_lower_secondary', [15, 18], sex),
};
const dropout =
  (grades: number[]): Independent =>
  (unit) => sql`
  SELECT sum(f.dropping_out)::float8 AS n, sum(f.enrolled_at_start)::float8 AS d
    FROM ${latestEnrolment} r JOIN school s ON s.id = r.school_id JOIN grade_flow f ON f.report_id = r.id
   WHERE f.grade IN (${join(grades.map((g) => `GRADE_${g}`))}) AND ${inUnit('s', unit)}`;
const INDEPENDENT_SQL: Record<string, Independent> = {
  SCHOOLS_WITH_SANITATION: schoolsWith('clean_water_sanitation'),
  SCHOOLS_WITH_PSYCHOLOGICAL_SUPPORT: schoolsWith('psychological_support', undefined, true),
  SCHOOLS_DISABILITY_ACCESSIBLE: schoolsWith('disability_accessible', undefined, true),
  ECD_EDU_SERVICE_ACCESS_0_8: ecdServiceAccess(),
  REFERRAL_NETWORK_EDU_FACILITIES: schoolsWith('referral_network', ['PRESCHOOL', 'PRIMARY']),
  ECD_EDU_STAFF_CAREGIVERS_TRAINED: (unit) => sql`
    SELECT sum(l.staff_trained_ecd)::float8 AS n, sum(l.staff_total)::float8 AS d
      FROM ${latestSurvey} l JOIN school s ON s.id = l.school_id WHERE s.level IN ('PRESCHOOL', 'PRIMARY') AND ${inUnit('s', unit)}`,
  AGE5_PRESCHOOL_ENROLMENT: age5Enrolment(),
  PRIMARY_COMPLETION: cohort('completed_primary', [11, 11]),
  LOWER_SECONDARY_COMPLETION: cohort('completed_lower_secondary', [15, 18]),
  PRIMARY_DROPOUT: dropout([1, 2, 3, 4, 5]),
  LOWER_SECONDARY_DROPOUT: dropout([6, 7, 8, 9]),
  REFERRAL_NETWORK_DISTRICTS: (unit) => sql`
    SELECT count(*) FILTER (WHERE n.working)::float8 AS n,
           (SELECT count(*) FROM administrative_unit d WHERE d.level = 'DISTRICT' AND d.valid_from = ${UNIT_2024} AND (d.code = ${unit} OR d.parent_code = ${unit}))::float8 AS d
      FROM referral_network n JOIN administrative_unit d ON d.code = n.unit_code AND d.valid_from = n.unit_valid_from
     WHERE n.year = 2024 AND d.level = 'DISTRICT' AND d.valid_from = ${UNIT_2024} AND (d.code = ${unit} OR d.parent_code = ${unit})`,
  REFERRAL_NETWORK_COMMUNES: (unit) => sql`
    WITH communes AS (SELECT c.code, c.valid_from FROM administrative_unit c
                        JOIN administrative_unit d ON d.code = c.parent_code AND d.valid_from = c.parent_valid_from
                       WHERE c.level = 'COMMUNE' AND c.valid_from = ${UNIT_2024} AND (d.code = ${unit} OR d.parent_code = ${unit}))
    SELECT (SELECT count(*) FROM referral_network n JOIN communes c ON c.code = n.unit_code AND c.valid_from = n.unit_valid_from
             WHERE n.year = 2024 AND n.working)::float8 AS n, (SELECT count(*) FROM communes)::float8 AS d`,
};
/** Figures the sectors report in aggregate: the sum of their recorded values. */
const reportedSql = (unit: string, indicatorCode: string) => sql`
  SELECT sum(numerator)::float8 AS n, sum(denominator)::float8 AS d FROM indicator_value
   WHERE indicator_code = ${indicatorCode} AND year = 2024 AND (province_code = ${unit} OR district_code = ${unit})`;
/**
 * Whether `gapLabel` words a gap of percentage points as planners read it: the amount (|gap|, as Vietnamese
 * writes numbers) with the side the status puts it on, or null without a gap.
 */
function expectWordedGap(
  assessed: { gap: number | null; gapLabel: string | null; status: string | null },
  label: string,
) {
  if (assessed.gap === null) return expect(assessed.gapLabel, label).toBeNull();
  const amount = `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(Math.abs(assessed.gap))} điểm phần trăm`;
  if (assessed.status === 'REACHED') expect(assessed.gapLabel, label).toMatch(/^(Vượt|Đạt)/);
  else expect(assessed.gapLabel, label).toMatch(/^(Còn thiếu|Chênh lệch|Chưa vượt)/);
  // At the milestone itself the words give no amount.
  if (!/^(Đạt đúng mức|Chưa vượt qua mức yêu cầu)$/.test(assessed.gapLabel!))
    expect(assessed.gapLabel, label).toContain(amount);
}

/** A row of the independent SQL: numerator `n`, denominator `d`. */
const independentFigure = z.object({ n: z.number(), d: z.number() });

describe('live progress against the seed plans, each value from the sector that owns it', () => {
  type Row = {
    indicatorCode: string;
    unit: { code: string };
    indicator: { sector: string };
    figure: { numerator: number; denominator: number; reported: boolean } | null;
    value: number | null;
    milestone: { year: number; value: number } | null;
    gap: number | null;
    status: string;
  };
  const sqlOf = (sector: string) => subgraphDatabase(federation, sector === 'EDUCATION' ? 'education' : 'ldtbxh');

  it('gives every numeric target of the five seed plans a value that matches an independent SQL count', async () => {
    const statuses = new Set<string>();
    const computed = new Set<string>();
    for (const key of [
      'lang-son-2019-de-an-1437',
      'quang-ninh-2019-de-an-1437',
      'ninh-binh-sgddt-2019-de-an-1437',
      'dau-tieng-2019-de-an-1437',
      'ben-cat-pgddt-2021-cthd-tre-em',
    ]) {
      const { data, errors } = await federation.query<{
        plan: { scope: { code: string }; targets: { indicator: { code: string } | null }[]; progress: Row[] };
      }>(
        `query($key: String!) { plan(key: $key) {
          scope { code } targets { indicator { code } }
          progress(year: 2024) { indicatorCode unit { code } indicator { sector } figure { numerator denominator reported } value milestone { year value } gap status }
        } }`,
        { key },
      );
      expect(errors, key).toBeUndefined();
      const { plan } = data!;
      expect(plan.progress.map((p) => p.indicatorCode)).toEqual(
        plan.targets.filter((t) => t.indicator).map((t) => t.indicator!.code),
      );
      for (const row of plan.progress) {
        expect(row.unit.code).toBe(plan.scope.code);
        const independent = INDEPENDENT_SQL[row.indicatorCode];
        const [expected] = await queryRows(
          sqlOf(row.indicator.sector),
          independentFigure,
          independent ? independent(plan.scope.code) : reportedSql(plan.scope.code, row.indicatorCode),
        );
        expect(expected!.d, `${key} ${row.indicatorCode} has demo data`).toBeGreaterThan(0);
        expect(row.figure, `${key} ${row.indicatorCode}`).toEqual({
          numerator: expected!.n,
          denominator: expected!.d,
          reported: !independent,
        });
        expect(row.value).toBeCloseTo((expected!.n / expected!.d) * 100, 9);
        expect(row.gap).toBeCloseTo(row.value! - row.milestone!.value, 9);
        statuses.add(row.status);
        if (independent) computed.add(row.indicatorCode);
      }
    }
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['BEHIND', 'REACHED']));
    // Every computed indicator of the seed plans was checked against its own independent SQL.
    expect([...computed].sort()).toEqual(Object.keys(INDEPENDENT_SQL).sort());
  });

  it('splits the seed plans’ targets by sex where the owning sector computes them by sex, matching independent counts', async () => {
    type Group = {
      sex: string;
      label: string;
      numerator: number;
      denominator: number;
      value: number | null;
      status: string;
    };
    const split = new Set<string>();
    for (const key of [
      'ninh-binh-sgddt-2019-de-an-1437',
      'ben-cat-pgddt-2021-cthd-tre-em',
      'lang-son-2019-de-an-1437',
    ]) {
      const { data, errors } = await federation.query<{
        plan: { scope: { code: string }; progress: (Row & { bySex: Group[] | null })[] };
      }>(
        `query($key: String!) { plan(key: $key) { scope { code }
          progress(year: 2024) { indicatorCode indicator { sector } figure { numerator denominator } milestone { year value } bySex { sex label numerator denominator value status } } } }`,
        { key },
      );
      expect(errors, key).toBeUndefined();
      for (const row of data!.plan.progress) {
        const bySex = INDEPENDENT_BY_SEX[row.indicatorCode];
        if (!bySex) {
          expect(row.bySex, `${key} ${row.indicatorCode}`).toBeNull();
          continue;
        }
        split.add(row.indicatorCode);
        expect(row.bySex!.map((g) => [g.sex, g.label])).toEqual([
          ['MALE', 'Nam'],
          ['FEMALE', 'Nữ'],
        ]);
        for (const group of row.bySex!) {
          const [expected] = await queryRows(
            sqlOf('EDUCATION'),
            independentFigure,
            bySex(group.sex)(data!.plan.scope.code),
          );
          expect(expected!.d, `${key} ${row.indicatorCode} ${group.sex}`).toBeGreaterThan(0);
          expect(group).toMatchObject({ numerator: expected!.n, denominator: expected!.d });
          expect(group.value).toBeCloseTo((100 * expected!.n) / expected!.d, 9);
          expect(['REACHED', 'ON_TRACK', 'AT_RISK', 'BEHIND']).toContain(group.status);
        }
        expect(row.bySex![0]!.numerator + row.bySex![1]!.numerator).toBe(row.figure!.numerator);
        expect(row.bySex![0]!.denominator + row.bySex![1]!.denominator).toBe(row.figure!.denominator);
      }
    }
    // The seed plans' targets on preschool enrolment at 5 and completion were among those split.
    expect([...split].sort()).toEqual(expect.arrayContaining(['AGE5_PRESCHOOL_ENROLMENT', 'PRIMARY_COMPLETION']));
  });

  it('assesses a plan’s progress in one fetch to LĐTBXH, split by sex too', async () => {
    // The plan the gateway shows outside production when asked: a field whose @requires differ from the
    // others' made the planner send one more fetch, and LĐTBXH compute its own figures once more, until the
    // planner was patched to merge fetches that wait for the same fetches (infra/patches/README.md).
    const fetchesToLdtbxh = async (fields: string) => {
      const response = await federation.query(
        `{ plan(key: "lang-son-2019-de-an-1437") { progress(year: 2024, byCommune: true) { ${fields} } } }`,
        {},
        { 'apollo-query-plan-experimental': '1' },
      );
      expect(response.errors).toBeUndefined();
      const plan = (response as { extensions?: { __queryPlanExperimental?: unknown } }).extensions
        ?.__queryPlanExperimental;
      expect(plan).toEqual(expect.stringContaining('Fetch(service: "ldtbxh")'));
      return (plan as string).split('Fetch(service: "ldtbxh")').length - 1;
    };
    const assessed =
      'figure { numerator } value gap shortfall gapLabel baseline { value } expected status communes { value status }';
    expect(await fetchesToLdtbxh(assessed)).toBe(2); // the list, then the assessment
    expect(await fetchesToLdtbxh(`${assessed} bySex { value } communesBySex { bySex { value } }`)).toBe(2);
  });

  it('keeps the split by sex in a fetch of its own when a condition asks it, and the rest without the split', async () => {
    // Merged, the split's inputs (asked of the sectors only with the condition) would be missing without it,
    // and the whole fetch would go without its entities.
    const query = `query($bySex: Boolean!) { plan(key: "lang-son-2019-de-an-1437") { progress(year: 2024, byCommune: true) {
      indicatorCode value communes { value } bySex @include(if: $bySex) { value } communesBySex @include(if: $bySex) { bySex { value } } } } }`;
    type Row = { indicatorCode: string; value: number | null; communes: { value: number | null }[] };
    const answers = await Promise.all(
      [false, true].map((bySex) =>
        federation.query<{ plan: { progress: Row[] } }>(query, { bySex }, { 'apollo-query-plan-experimental': '1' }),
      ),
    );
    for (const { errors } of answers) expect(errors).toBeUndefined();
    const [without, withSplit] = answers.map(({ data }) => data!.plan.progress);
    expect(without!.some((row) => row.value !== null)).toBe(true);
    expect(without!.every((row) => row.communes.length > 0)).toBe(true);
    // The same values either way; only the split is added.
    expect(without!.map(({ indicatorCode, value, communes }) => ({ indicatorCode, value, communes }))).toEqual(
      withSplit!.map(({ indicatorCode, value, communes }) => ({ indicatorCode, value, communes })),
    );
    const plan = (answers[0] as { extensions?: { __queryPlanExperimental?: string } }).extensions
      ?.__queryPlanExperimental;
    expect(plan).toContain('Include(if: $bySex)');
  });

  it('breaks a plan’s progress down by commune in one entity per target, summing back to the province', async () => {
    type Commune = {
      unitCode: string;
      unit: { code: string };
      figure: { numerator: number } | null;
      status: string;
      territory: { unit: { code: string }; approximate: boolean };
    };
    const { data, errors } = await federation.query<{
      plan: { progress: (Row & { byCommune: boolean; communes: Commune[] | null })[] };
    }>(
      `{ plan(key: "lang-son-2019-de-an-1437") { progress(year: 2024, byCommune: true) { indicatorCode byCommune unit { code }
           figure { numerator denominator } communes { unitCode unit { code } figure { numerator } status territory { unit { code } approximate } } } } }`,
    );
    expect(errors).toBeUndefined();
    const rows = data!.plan.progress;
    // One row per numeric target, whatever the number of communes.
    expect(new Set(rows.map((r) => r.indicatorCode)).size).toBe(rows.length);
    const access = rows.find((r) => r.indicatorCode === 'ECD_SERVICE_ACCESS_0_8')!;
    expect(access.unit.code).toBe('20');
    expect(access.byCommune).toBe(true);
    const communes = access.communes!;
    expect(communes).toHaveLength(194);
    expect(communes.map((c) => c.unit.code)).toEqual(communes.map((c) => c.unitCode));
    // Each commune's own ground: a current commune of Lạng Sơn is counted as itself.
    expect(communes.map((c) => c.territory.unit.code)).toEqual(communes.map((c) => c.unitCode));
    expect(communes.every((c) => typeof c.territory.approximate === 'boolean')).toBe(true);
    expect(new Set(communes.map((c) => c.unitCode)).size).toBe(194);
    const sum = communes.reduce((s, r) => s + (r.figure?.numerator ?? 0), 0);
    expect(sum).toBeCloseTo(access.figure!.numerator, 6);
    for (const commune of communes) expect(commune.status).toMatch(/^(REACHED|ON_TRACK|AT_RISK|BEHIND|NO_DATA)$/);

    // Without byCommune, no communes.
    const plain = await federation.query<{ plan: { progress: { communes: null }[] } }>(
      `{ plan(key: "lang-son-2019-de-an-1437") { progress(year: 2024) { communes { unitCode } } } }`,
    );
    expect(plain.data!.plan.progress.every((r) => r.communes === null)).toBe(true);
  });
});

describe('progress on health targets, computed by health from its records', () => {
  /** A plan a province would import with nutrition, immunisation and service targets (a test document, not a seed plan). */
  const HEALTH_PLAN = langSonTestPlan(
    'lang-son-2025-health-test',
    'Kế hoạch thử nghiệm (dữ liệu kiểm thử): dinh dưỡng, tiêm chủng và dịch vụ y tế cho trẻ em tỉnh Lạng Sơn',
    [
      {
        code: '1',
        description: 'Tỷ lệ suy dinh dưỡng thấp còi trẻ em dưới 5 tuổi dưới 25%',
        indicator: 'UNDER5_STUNTING',
        milestones: [{ year: 2025, comparator: 'LT', value: 25 }],
      },
      {
        code: '2',
        description: 'Trên 95% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ',
        indicator: 'UNDER1_FULLY_IMMUNISED',
        milestones: [{ year: 2025, comparator: 'GT', value: 95 }],
      },
      {
        code: '3',
        description: '90% trẻ em đến 8 tuổi được tiếp cận dịch vụ y tế, dinh dưỡng',
        indicator: 'CHILDREN_0_8_REACHED_HEALTH_SERVICES',
        milestones: [{ year: 2025, comparator: 'GTE', value: 90 }],
      },
    ],
  );
  const sexIs = (alias: string, sex?: string) => (sex ? sql`AND ${column(alias, 'sex')} = ${sex}::"Sex"` : empty);
  const communeIs = (alias: string, commune?: string) =>
    commune ? sql`AND ${column(alias, 'commune_code')} = ${commune}` : empty;
  /** Independent counts over health's raw tables for province 20 (post-reform) in 2025, or one of its communes, of all children or one sex. */
  const HEALTH_SQL: Record<string, (sex?: string, commune?: string) => Sql> = {
    UNDER5_STUNTING: (
      sex,
      commune,
    ) => sql`SELECT count(*) FILTER (WHERE stunting IN ('MODERATE', 'SEVERE'))::float8 AS n, count(stunting)::float8 AS d
                        FROM growth_measurement g WHERE province_code = '20' AND extract(year FROM measured_on) = 2025 ${sexIs('g', sex)} ${communeIs('g', commune)}`,
    UNDER1_FULLY_IMMUNISED: (
      sex,
      commune,
    ) => sql`SELECT count(*) FILTER (WHERE due = 10)::float8 AS n, count(*)::float8 AS d FROM (
                               SELECT c.id, count(i.id) FILTER (WHERE i.vaccine::text NOT IN ('MR', 'DPT_BOOSTER', 'JE_1', 'JE_2', 'JE_3')
                                                              AND i.given_on < c.birth_date + interval '1 year') AS due
                                 FROM child_record c LEFT JOIN immunisation i ON i.child_record_id = c.id
                                WHERE c.province_code = '20' AND extract(year FROM c.birth_date) = 2024 ${sexIs('c', sex)} ${communeIs('c', commune)} GROUP BY c.id) AS cohort`,
    CHILDREN_0_8_REACHED_HEALTH_SERVICES: (
      sex,
      commune,
    ) => sql`SELECT count(DISTINCT c.id) FILTER (WHERE s.id IS NOT NULL)::float8 AS n, count(DISTINCT c.id)::float8 AS d
                                             FROM child_record c LEFT JOIN health_service_contact s ON s.child_record_id = c.id
                                              AND extract(year FROM s.served_on) = 2025 AND s.served_on < c.birth_date + interval '9 years'
                                            WHERE c.province_code = '20' AND c.birth_date <= DATE '2025-12-31' AND c.birth_date + interval '9 years' > DATE '2025-01-01' ${sexIs('c', sex)} ${communeIs('c', commune)}`,
  };

  beforeAll(async () => {
    const imported = await federation.query<{ importPlan: { numericTargets: number } }>(
      `mutation($d: String!) { importPlan(document: $d, format: JSON) { numericTargets } }`,
      {
        d: JSON.stringify(HEALTH_PLAN),
      },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importPlan.numericTargets).toBe(3);
  });

  it('answers each target of an imported plan with health’s figure, matching an independent count', async () => {
    const { data, errors } = await federation.query<{
      plan: {
        progress: {
          indicatorCode: string;
          indicator: { sector: string };
          figure: { numerator: number; denominator: number; reported: boolean };
          status: string;
        }[];
      };
    }>(
      `{ plan(key: "${HEALTH_PLAN.key}") { progress(year: 2025) { indicatorCode indicator { sector } figure { numerator denominator reported } status } } }`,
    );
    expect(errors).toBeUndefined();
    const health = subgraphDatabase(federation, 'health');
    expect(data!.plan.progress.map((p) => p.indicatorCode)).toEqual(Object.keys(HEALTH_SQL));
    for (const row of data!.plan.progress) {
      const [expected] = await queryRows(health, independentFigure, HEALTH_SQL[row.indicatorCode]!());
      expect(expected!.d, row.indicatorCode).toBeGreaterThan(0);
      expect(row).toMatchObject({
        indicator: { sector: 'HEALTH' },
        figure: { numerator: expected!.n, denominator: expected!.d, reported: false },
      });
      expect(['REACHED', 'BEHIND']).toContain(row.status);
    }
  });

  it('splits each health target by sex: boys and girls against the same milestone, matching independent counts', async () => {
    type Group = {
      sex: string;
      label: string;
      numerator: number;
      denominator: number;
      value: number;
      gap: number;
      gapLabel: string | null;
      status: string;
    };
    const { data, errors } = await federation.query<{
      plan: {
        progress: {
          indicatorCode: string;
          figure: { numerator: number; denominator: number };
          milestone: { value: number };
          bySex: Group[];
        }[];
      };
    }>(
      `{ plan(key: "${HEALTH_PLAN.key}") { progress(year: 2025) { indicatorCode figure { numerator denominator } milestone { value } bySex { sex label numerator denominator value gap gapLabel status } } } }`,
    );
    expect(errors).toBeUndefined();
    const health = subgraphDatabase(federation, 'health');
    for (const row of data!.plan.progress) {
      expect(row.bySex.map((g) => [g.sex, g.label])).toEqual([
        ['MALE', 'Nam'],
        ['FEMALE', 'Nữ'],
      ]);
      for (const group of row.bySex) {
        const [expected] = await queryRows(health, independentFigure, HEALTH_SQL[row.indicatorCode]!(group.sex));
        expect(expected!.d, `${row.indicatorCode} ${group.sex}`).toBeGreaterThan(0);
        expect(group).toMatchObject({ numerator: expected!.n, denominator: expected!.d });
        expect(group.value).toBeCloseTo((100 * expected!.n) / expected!.d, 9);
        expect(group.gap).toBeCloseTo(group.value - row.milestone.value, 9);
        expect(['REACHED', 'BEHIND']).toContain(group.status);
        expectWordedGap(group, `${row.indicatorCode} ${group.sex}`);
      }
      expect(row.bySex[0]!.numerator + row.bySex[1]!.numerator).toBe(row.figure.numerator);
      expect(row.bySex[0]!.denominator + row.bySex[1]!.denominator).toBe(row.figure.denominator);
    }
  });
  it('gives each commune health’s figure for it, by sex too, matching independent counts commune by commune', async () => {
    type Commune = {
      unitCode: string;
      figure: { numerator: number; denominator: number; source: string; reported: boolean } | null;
      value: number | null;
      gap: number | null;
      gapLabel: string | null;
      status: string | null;
    };
    type CommuneBySex = {
      unitCode: string;
      bySex:
        { sex: string; numerator: number; denominator: number; gap: number; gapLabel: string; status: string }[] | null;
    };
    const { data, errors } = await federation.query<{
      plan: {
        progress: {
          indicatorCode: string;
          figure: { numerator: number; denominator: number; source: string };
          communes: Commune[];
          communesBySex: CommuneBySex[];
        }[];
      };
    }>(
      `{ plan(key: "${HEALTH_PLAN.key}") { progress(year: 2025, byCommune: true) { indicatorCode figure { numerator denominator source }
          communes { unitCode figure { numerator denominator source reported } value gap gapLabel status }
          communesBySex { unitCode bySex { sex numerator denominator gap gapLabel status } } } } }`,
    );
    expect(errors).toBeUndefined();
    const health = subgraphDatabase(federation, 'health');
    const codes = communesOfProvince('20', '2025-07-01').map((c) => c.code);
    for (const row of data!.plan.progress) {
      expect(row.communes.map((c) => c.unitCode)).toEqual(codes);
      expect(row.communesBySex.map((c) => c.unitCode)).toEqual(codes);
      let withFigure = 0;
      for (const [i, commune] of row.communes.entries()) {
        const label = `${row.indicatorCode} ${commune.unitCode}`;
        const [all, male, female] = await Promise.all(
          [undefined, 'MALE', 'FEMALE'].map(
            async (sex) =>
              (await queryRows(health, independentFigure, HEALTH_SQL[row.indicatorCode]!(sex, commune.unitCode)))[0]!,
          ),
        );
        expect({ n: commune.figure?.numerator ?? 0, d: commune.figure?.denominator ?? 0 }, label).toEqual(all);
        if (commune.figure) {
          withFigure += 1;
          expect(commune.figure, label).toMatchObject({ source: row.figure.source, reported: false });
        }
        if (all!.d > 0) expect(commune.value, label).toBeCloseTo((100 * all!.n) / all!.d, 9);
        expectWordedGap(commune, label);
        for (const group of row.communesBySex[i]!.bySex ?? []) expectWordedGap(group, `${label} ${group.sex}`);
        // A commune without records may have no split at all; one with records has both sexes.
        const groups = row.communesBySex[i]!.bySex?.map((g) => [g.sex, g.numerator, g.denominator]);
        const expected = [
          ['MALE', male!.n, male!.d],
          ['FEMALE', female!.n, female!.d],
        ];
        expect(all!.d > 0 ? groups : (groups ?? expected), label).toEqual(expected);
      }
      // Most communes have records: the figures are not all missing, and they add up to the province's.
      expect(withFigure, row.indicatorCode).toBeGreaterThan(codes.length / 2);
      expect(row.communes.reduce((sum, c) => sum + (c.figure?.numerator ?? 0), 0)).toBe(row.figure.numerator);
    }
  });
});

describe('figures reported in aggregate', () => {
  const RECORD = `mutation($input: IndicatorValueInput!) { recordEducationIndicatorValue(input: $input) { id indicatorCode unitCode year numerator denominator } }`;
  const PROGRESS = `{ plan(key: "ben-cat-pgddt-2021-cthd-tre-em") { progress(year: 2024) { indicatorCode figure { numerator denominator reported } } } }`;
  const rows = () => rowCount(subgraphDatabase(federation, 'education'), 'indicator_value');
  const developingOnTrack = async () => {
    const { data, errors } = await federation.query<{
      plan: {
        progress: { indicatorCode: string; figure: { numerator: number; denominator: number; reported: boolean } }[];
      };
    }>(PROGRESS);
    expect(errors).toBeUndefined();
    return data!.plan.progress.find((p) => p.indicatorCode === 'UNDER5_DEVELOPING_ON_TRACK')!.figure;
  };

  it('records a figure through the gateway, and the owning sector’s progress includes it at once', async () => {
    const before = await developingOnTrack();
    const { data, errors } = await federation.query(RECORD, {
      input: {
        indicatorCode: 'UNDER5_DEVELOPING_ON_TRACK',
        unitCode: '721',
        year: 2024,
        numerator: 3,
        denominator: 4,
        source: 'Báo cáo 12/BC-PGDĐT',
      },
    });
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ recordEducationIndicatorValue: { unitCode: '721', numerator: 3, denominator: 4 } });
    expect(await developingOnTrack()).toEqual({
      numerator: before.numerator + 3,
      denominator: before.denominator + 4,
      reported: true,
    });
  });

  it('refuses an aggregate figure for an indicator the sector computes from its records', async () => {
    const count = await rows();
    const { errors } = await federation.query(RECORD, {
      input: {
        indicatorCode: 'SCHOOLS_WITH_SANITATION',
        unitCode: '721',
        year: 2024,
        numerator: 3,
        denominator: 4,
        source: 'Báo cáo 12/BC-PGDĐT',
      },
    });
    expect(
      (errors![0]!.extensions!.problems as { field: string; reason: string }[]).map((p) => [p.field, p.reason]),
    ).toEqual([['input.indicatorCode', 'INDICATOR_COMPUTED']]);
    expect(await rows()).toBe(count);
  });

  it('rejects impossible figures with every problem named, and writes nothing', async () => {
    const count = await rows();
    const { errors } = await federation.query(RECORD, {
      input: {
        indicatorCode: 'ECD_SERVICE_ACCESS_0_8',
        unitCode: '99999',
        year: 2031,
        numerator: 11,
        denominator: 10,
        source: ' ',
      },
    });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INDICATOR_VALUE' });
    expect(
      (errors![0]!.extensions!.problems as { field: string; reason: string }[]).map((p) => [p.field, p.reason]),
    ).toEqual([
      ['input.indicatorCode', 'INDICATOR_NOT_OWNED'],
      ['input.year', 'YEAR_OUT_OF_RANGE'],
      ['input.unitCode', 'UNKNOWN_UNIT_CODE'],
      ['input.numerator', 'NUMERATOR_ABOVE_DENOMINATOR'],
      ['input.source', 'REQUIRED'],
    ]);
    expect(await rows()).toBe(count);
  });

  it('refuses numbers and sources its columns cannot hold, and answers the figure as stored', async () => {
    const count = await rows();
    const figure = { indicatorCode: 'UNDER5_DEVELOPING_ON_TRACK', unitCode: '721', year: 2024 };
    const refused = await federation.query(RECORD, {
      input: { ...figure, numerator: 1e15, denominator: 1e16, source: 'x'.repeat(MAX_SOURCE_LENGTH + 1) },
    });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INDICATOR_VALUE' });
    expect(
      (refused.errors![0]!.extensions!.problems as { field: string; reason: string }[]).map((p) => [p.field, p.reason]),
    ).toEqual([
      ['input.numerator', 'NUMBER_OUT_OF_RANGE'],
      ['input.denominator', 'NUMBER_OUT_OF_RANGE'],
      ['input.source', 'TOO_LONG'],
    ]);
    const rounded = await federation.query(RECORD, {
      input: { ...figure, numerator: 0.123456789, denominator: 4, source: 'Báo cáo 13/BC-PGDĐT' },
    });
    expect(
      (rounded.errors![0]!.extensions!.problems as { field: string; reason: string }[]).map((p) => [p.field, p.reason]),
    ).toEqual([['input.numerator', 'TOO_MANY_DECIMALS']]);
    expect(await rows()).toBe(count);

    const { data, errors } = await federation.query<{ recordEducationIndicatorValue: { source: string } }>(
      `mutation($input: IndicatorValueInput!) { recordEducationIndicatorValue(input: $input) { numerator source } }`,
      { input: { ...figure, numerator: 0.1234, denominator: 4, source: '  Báo cáo 14/BC-PGDĐT  ' } },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ recordEducationIndicatorValue: { numerator: 0.1234, source: 'Báo cáo 14/BC-PGDĐT' } });
    expect(await rows()).toBe(count + 1);
  });
});

describe('a child across sectors', () => {
  it('joins a child’s health record and referrals by a key that never shows the personal identification number', async () => {
    const personalId = '020224000123';
    const registered = await federation.query<{ registerChild: { id: string } }>(
      `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
      { input: { personalId, birthDate: '2024-03-01', sex: 'FEMALE', communeCode: '05977' } },
    );
    expect(registered.errors).toBeUndefined();
    const referral = await federation.query<{ sendReferral: { id: string; child: { key: string } } }>(
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id child { key } } }`,
      {
        input: {
          personalId,
          unitCode: '05977',
          fromSector: 'HEALTH',
          fromService: 'Trạm y tế: khám sàng lọc',
          toSector: 'SOCIAL_AFFAIRS',
          toService: 'Bảo vệ trẻ em',
          reason: 'Nghi trẻ bị bỏ mặc',
        },
      },
    );
    expect(referral.errors).toBeUndefined();
    await federation.query(`mutation($id: ID!) { acceptReferral(id: $id) { status } }`, {
      id: referral.data!.sendReferral.id,
    });

    const answer = await federation.query<{
      childByPersonalId: {
        key: string;
        healthRecord: { id: string; birthDate: string };
        referrals: { status: string; events: { status: string }[] }[];
      };
    }>(
      `query($personalId: String!) { childByPersonalId(personalId: $personalId, purpose: "Xác minh hồ sơ chuyển tuyến") {
        key healthRecord { id birthDate } referrals { status events { status } } } }`,
      { personalId },
    );
    expect(answer.errors).toBeUndefined();
    const child = answer.data!.childByPersonalId;
    expect(child.key).toBe(referral.data!.sendReferral.child.key);
    expect(child.healthRecord).toEqual({ id: registered.data!.registerChild.id, birthDate: '2024-03-01' });
    expect(child.referrals).toEqual([{ status: 'ACCEPTED', events: [{ status: 'SENT' }, { status: 'ACCEPTED' }] }]);
    expect(JSON.stringify([registered, referral, answer])).not.toContain(personalId);
  });
});

describe('when a sector is down', () => {
  it('keeps answering the other sectors when one subgraph is down, naming the missing sector', async () => {
    await federation.stopSubgraph('education');
    const { data, errors } = await federation.query<{ administrativeUnit: SliceUnit }>(SLICE, { code: '20' });
    const province = data!.administrativeUnit;
    expect(province.fullName).toBe('Tỉnh Lạng Sơn');
    expect(province.healthStationCount).toBe(65);
    expect(province.culturalFacilityCount).toBeGreaterThan(0);
    expect(province.schoolCounts).toBeNull();
    expect(province.children.nodes.every((n) => n.schoolCounts === null)).toBe(true);
    expect(errors!.length).toBeGreaterThan(0);
    for (const error of errors!) {
      expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'education' });
      expect(error.message).toContain('Giáo dục và Đào tạo');
    }
  });

  it('keeps a plan’s progress answering when the owning sector is down: its values null, with an error naming it', async () => {
    const { data, errors } = await federation.query<{
      plan: { progress: { indicatorCode: string; value: number | null; status: string }[] };
    }>(`{ plan(key: "ben-cat-pgddt-2021-cthd-tre-em") { title progress(year: 2024) { indicatorCode value status } } }`);
    expect(data!.plan.progress.length).toBeGreaterThan(0);
    expect(data!.plan.progress.every((p) => p.value === null && (p.status === null || p.status === 'NO_DATA'))).toBe(
      true,
    );
    expect(
      errors!.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions.service === 'education'),
    ).toBe(true);
  });
});
