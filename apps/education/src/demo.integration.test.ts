import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { column, empty, identifier, join, keyProvincesCte, queryRows, sql, type Sql } from '@ecd/database';
import { readCommuneSuccessions, territoryCover, UNIT_LISTS, unitIndexFor } from '@ecd/reference-data';
import { graphql, plannedRowCount, rowCount, useTestSubgraph } from '@ecd/test-kit';

import { EDUCATION_COMPUTED } from './data/computed-indicators.js';
import { seedDemo } from './demo/seed.js';
import { loadEnv, startEducationSubgraph } from './server.js';

const subgraph = useTestSubgraph('education-demo', (env) => startEducationSubgraph(loadEnv(env), { seedDemo }));
const db = () => subgraph.service.client;

const [LIST_2024, LIST_2025] = [UNIT_LISTS[0]!.validFrom, UNIT_LISTS[1]!.validFrom];

const PROGRESS = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on TargetProgress { indicatorCode unitCode year education { numerator denominator reported } educationBySex { sex numerator denominator } } } }`;
type Figure = { numerator: number; denominator: number | null; reported: boolean };
type Entity = {
  indicatorCode: string;
  unitCode: string;
  year: number;
  education: Figure | null;
  educationBySex: { sex: string; numerator: number; denominator: number }[] | null;
};
const progress = async (keys: { indicator: string; unit: string; validFrom?: string; year: number }[]) => {
  const response = await graphql<{ _entities: Entity[] }>(subgraph.service.graphqlUrl, PROGRESS, {
    representations: keys.map((k) => ({
      __typename: 'TargetProgress',
      targetId: k.indicator,
      indicatorCode: k.indicator,
      unitCode: k.unit,
      unitValidFrom: k.validFrom ?? LIST_2024,
      year: k.year,
    })),
  });
  expect(response.errors).toBeUndefined();
  return response.data!._entities;
};

const successions = readCommuneSuccessions();
/** The 2025 communes the 2024 communes of `unit` became. */
const successorCommunes = (unit: string) => {
  const communes = new Set(
    unitIndexFor(UNIT_LISTS[0]!)
      .communesOf(unit)
      .map((c) => c.code),
  );
  return [
    ...new Set(
      successions.filter((r) => r.oldCommuneCode && communes.has(r.oldCommuneCode)).map((r) => r.newCommuneCode),
    ),
  ].sort();
};

/** The units a 2024 unit's figures count across the reform: itself and the 2025 units attributed to it. */
const coverOf = (unit: string, year: number) => territoryCover({ code: unit, validFrom: LIST_2024 }, year)!.units;

/**
 * Where an independent query looks for a unit's records: in the 2024 unit, and with `territoryYear` in
 * every unit of its cover that year (any level, each by code and first day of validity).
 */
const located = (alias: string, unit: string, territoryYear?: number) => {
  const units = territoryYear ? coverOf(unit, territoryYear) : [{ code: unit, validFrom: LIST_2024 }];
  return sql`(${join(
    units.flatMap(({ code, validFrom }) =>
      ['commune', 'district', 'province'].map(
        (level) =>
          sql`(${column(alias, `${level}_code`)} = ${code} AND ${column(alias, `${level}_valid_from`)} = ${validFrom}::date)`,
      ),
    ),
    ' OR ',
  )})`;
};

/**
 * Each education figure of the seed plans written again over the raw tables, independently of the
 * subgraph's SQL (latest versions by DISTINCT ON): numerator `n` and denominator `d` of `year` for the
 * records `where` selects (over the alias of the located table), optionally of one sex.
 */
type Independent = (year: number, where: (alias: string) => Sql, sex?: string) => Sql;
const latest = (table: string, key: string[], year: number) => {
  const columns = join(key.map((c) => identifier(c)));
  return sql`(SELECT DISTINCT ON (${columns}) * FROM ${identifier(table)} WHERE year = ${year}::int ORDER BY ${columns}, version DESC)`;
};
const BY_SCHOOL = ['school_id'];
const BY_COMMUNE = ['commune_code', 'commune_valid_from'];
const ofSex = (alias: string, sex?: string) => (sex ? sql`AND ${column(alias, 'sex')} = ${sex}::"Sex"` : empty);
const facilitiesWith =
  (flag: string, levels: string[], schoolsOnly = false): Independent =>
  (year, where) => sql`
    SELECT count(*) FILTER (WHERE ${column('l', flag)})::float8 AS n, count(*)::float8 AS d
      FROM ${latest('school_survey', BY_SCHOOL, year)} l JOIN school s ON s.id = l.school_id
     WHERE s.level::text IN (${join(levels)}) ${schoolsOnly ? sql`AND s.kind = 'SCHOOL'` : empty} AND ${where('s')}`;
const ALL_LEVELS = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'];
const ECD_LEVELS = ['PRESCHOOL', 'PRIMARY'];
const cohort =
  (completed: string, youngest: number, oldest: number): Independent =>
  (year, where, sex) => sql`
    SELECT sum(${column('c', completed)})::float8 AS n, sum(c.children)::float8 AS d
      FROM ${latest('child_population_report', BY_COMMUNE, year)} p
      JOIN child_population_count c ON c.report_id = p.id
     WHERE c.age BETWEEN ${youngest}::int AND ${oldest}::int AND ${where('p')} ${ofSex('c', sex)}`;
const dropout =
  (grades: string[]): Independent =>
  (year, where) => sql`
    SELECT sum(f.dropping_out)::float8 AS n, sum(f.enrolled_at_start)::float8 AS d
      FROM ${latest('enrolment_report', BY_SCHOOL, year)} r JOIN school s ON s.id = r.school_id JOIN grade_flow f ON f.report_id = r.id
     WHERE f.grade::text IN (${join(grades)}) AND ${where('s')}`;
const reported =
  (indicator: string): Independent =>
  (year, where) => sql`
    SELECT sum(v.numerator)::float8 AS n, sum(v.denominator)::float8 AS d
      FROM indicator_value v WHERE v.indicator_code = ${indicator} AND v.year = ${year}::int AND ${where('v')}`;
const INDEPENDENT: Record<string, Independent> = {
  SCHOOLS_WITH_SANITATION: facilitiesWith('clean_water_sanitation', ALL_LEVELS),
  SCHOOLS_WITH_PSYCHOLOGICAL_SUPPORT: facilitiesWith('psychological_support', ALL_LEVELS, true),
  SCHOOLS_DISABILITY_ACCESSIBLE: facilitiesWith('disability_accessible', ALL_LEVELS, true),
  REFERRAL_NETWORK_EDU_FACILITIES: facilitiesWith('referral_network', ECD_LEVELS),
  ECD_EDU_STAFF_CAREGIVERS_TRAINED: (year, where) => sql`
    SELECT sum(l.staff_trained_ecd)::float8 AS n, sum(l.staff_total)::float8 AS d
      FROM ${latest('school_survey', BY_SCHOOL, year)} l JOIN school s ON s.id = l.school_id
     WHERE s.level::text IN (${join(ECD_LEVELS)}) AND ${where('s')}`,
  ECD_EDU_SERVICE_ACCESS_0_8: (year, where, sex) => sql`
    SELECT sum(e.pupils_with_ecd_services)::float8 AS n, sum(e.pupils)::float8 AS d
      FROM ${latest('enrolment_report', BY_SCHOOL, year)} r JOIN school s ON s.id = r.school_id JOIN enrolment_count e ON e.report_id = r.id
     WHERE s.level::text IN (${join(ECD_LEVELS)}) AND e.age <= 8 AND e.pupils_with_ecd_services IS NOT NULL AND ${where('s')} ${ofSex('e', sex)}`,
  AGE5_PRESCHOOL_ENROLMENT: (year, where, sex) => sql`
    SELECT (SELECT coalesce(sum(e.pupils), 0) FROM ${latest('enrolment_report', BY_SCHOOL, year)} r JOIN school s ON s.id = r.school_id
              JOIN enrolment_count e ON e.report_id = r.id WHERE s.level = 'PRESCHOOL' AND e.age = 5 AND ${where('s')} ${ofSex('e', sex)})::float8 AS n,
           (SELECT sum(c.children) FROM ${latest('child_population_report', BY_COMMUNE, year)} p
              JOIN child_population_count c ON c.report_id = p.id WHERE c.age = 5 AND ${where('p')} ${ofSex('c', sex)})::float8 AS d`,
  PRIMARY_COMPLETION: cohort('completed_primary', 11, 11),
  LOWER_SECONDARY_COMPLETION: cohort('completed_lower_secondary', 15, 18),
  PRIMARY_DROPOUT: dropout(['GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5']),
  LOWER_SECONDARY_DROPOUT: dropout(['GRADE_6', 'GRADE_7', 'GRADE_8', 'GRADE_9']),
  UNDER5_DEVELOPING_ON_TRACK: reported('UNDER5_DEVELOPING_ON_TRACK'),
  DISABLED_CHILDREN_IN_SUITABLE_EDUCATION: reported('DISABLED_CHILDREN_IN_SUITABLE_EDUCATION'),
};
const independentRow = z.object({ n: z.number().nullable(), d: z.number().nullable() });
const independent = async (indicator: string, year: number, where: (alias: string) => Sql, sex?: string) => {
  const [row] = await queryRows(db(), independentRow, INDEPENDENT[indicator]!(year, where, sex));
  return { n: row?.n ?? 0, d: row?.d ?? null };
};

/**
 * The numeric education targets of the seed plans ninh-binh-sgddt-2019-de-an-1437 (37, 2019-2025) and
 * ben-cat-pgddt-2021-cthd-tre-em (721, 2021-2030, seeded to 2026), with their milestones up to 2025 and
 * whether the demo is meant to reach each in 2025 (trajectory.ts).
 */
interface Target {
  unit: string;
  indicator: string;
  milestones: Record<number, (percent: number) => boolean>;
  reached2025: boolean;
  lowerIsBetter?: boolean;
}
const NINH_BINH = { unit: '37', years: [2019, 2025] as const };
const BEN_CAT = { unit: '721', years: [2021, 2026] as const };
const TARGETS: Target[] = [
  {
    unit: '37',
    indicator: 'ECD_EDU_SERVICE_ACCESS_0_8',
    milestones: { 2020: (v) => v >= 75, 2025: (v) => v >= 90 },
    reached2025: true,
  },
  {
    unit: '37',
    indicator: 'ECD_EDU_STAFF_CAREGIVERS_TRAINED',
    milestones: { 2020: (v) => v >= 75, 2025: (v) => v >= 90 },
    reached2025: true,
  },
  {
    unit: '37',
    indicator: 'REFERRAL_NETWORK_EDU_FACILITIES',
    milestones: { 2020: (v) => v >= 70, 2025: (v) => v >= 100 },
    reached2025: false,
  },
  { unit: '721', indicator: 'SCHOOLS_WITH_SANITATION', milestones: { 2025: (v) => v >= 100 }, reached2025: true },
  { unit: '721', indicator: 'UNDER5_DEVELOPING_ON_TRACK', milestones: { 2025: (v) => v >= 99.1 }, reached2025: false },
  { unit: '721', indicator: 'AGE5_PRESCHOOL_ENROLMENT', milestones: { 2025: (v) => v >= 99.1 }, reached2025: false },
  { unit: '721', indicator: 'PRIMARY_COMPLETION', milestones: { 2025: (v) => v >= 97 }, reached2025: true },
  {
    unit: '721',
    indicator: 'PRIMARY_DROPOUT',
    milestones: { 2025: (v) => v < 0.12 },
    reached2025: true,
    lowerIsBetter: true,
  },
  { unit: '721', indicator: 'LOWER_SECONDARY_COMPLETION', milestones: { 2025: (v) => v >= 88 }, reached2025: false },
  {
    unit: '721',
    indicator: 'LOWER_SECONDARY_DROPOUT',
    milestones: { 2025: (v) => v < 0.14 },
    reached2025: false,
    lowerIsBetter: true,
  },
  {
    unit: '721',
    indicator: 'SCHOOLS_WITH_PSYCHOLOGICAL_SUPPORT',
    milestones: { 2025: (v) => v >= 95 },
    reached2025: false,
  },
  { unit: '721', indicator: 'SCHOOLS_DISABILITY_ACCESSIBLE', milestones: { 2025: (v) => v >= 55 }, reached2025: true },
  {
    unit: '721',
    indicator: 'DISABLED_CHILDREN_IN_SUITABLE_EDUCATION',
    milestones: { 2025: (v) => v >= 80 },
    reached2025: true,
  },
];
const yearsOf = (unit: string) => {
  const [first, last] = unit === NINH_BINH.unit ? NINH_BINH.years : BEN_CAT.years;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
};
/**
 * Whether a figure's records lie in the 2024 units: schools (all registered before the reform) always;
 * a universal-education survey for the school year ending in `year` when it was taken before
 * 2025-07-01 (5 September of `year − 1`); a figure reported in aggregate when `year` ended before it.
 */
const POPULATION_BASED = new Set(['AGE5_PRESCHOOL_ENROLMENT', 'PRIMARY_COMPLETION', 'LOWER_SECONDARY_COMPLETION']);
const inOldUnits = (indicator: string, year: number) =>
  EDUCATION_COMPUTED[indicator] ? !POPULATION_BASED.has(indicator) || year <= 2025 : year <= 2024;

/**
 * A figure over a 2024 unit's territory: the SQL of a computed indicator given one key `i` with several
 * rows (the units of its cover), as the indicator loader asks when a plan follows its territory across
 * the reform; for a reported indicator, the sums over those units.
 */
const territoryFigure = async (indicator: string, unit: string, year: number) => {
  const units = coverOf(unit, year);
  const keys = sql`(SELECT 0 AS i, ${indicator}::text AS indicator, ${year}::int AS year, u.code, u.valid_from
                      FROM unnest(${units.map((u) => u.code)}::text[], ${units.map((u) => u.validFrom)}::date[]) AS u(code, valid_from))`;
  const computed = EDUCATION_COMPUTED[indicator];
  if (!computed) {
    const figure = await independent(indicator, year, (alias) => located(alias, unit, year));
    return { numerator: figure.n, denominator: figure.d };
  }
  const { provinces } = territoryCover({ code: unit, validFrom: LIST_2024 }, year)!;
  const rows = await queryRows(
    db(),
    z.object({ numerator: z.number(), denominator: z.number().nullable() }),
    sql`WITH ${keyProvincesCte(provinces)}
        SELECT c.numerator::float8 AS numerator, c.denominator::float8 AS denominator FROM (${computed.sql(keys)}) c`,
  );
  expect(rows.length, `${indicator} ${unit} ${year}: one row for one key`).toBeLessThanOrEqual(1);
  return rows[0] ?? null;
};
const percent = (figure: { numerator: number; denominator: number | null }) =>
  (100 * figure.numerator) / figure.denominator!;

describe('the demo records of the education plans', () => {
  it('cover every year of each plan up to 2026, each record in the units valid on its date', async () => {
    const count = z.object({ unit: z.string(), year: z.number(), valid_from: z.string(), n: z.number() });
    const surveys = await queryRows(
      db(),
      count,
      sql`SELECT CASE WHEN s.district_code = '721' THEN '721' ELSE s.province_code END AS unit, v.year,
                 s.commune_valid_from::text AS valid_from, count(*)::int AS n
            FROM school_survey v JOIN school s ON s.id = v.school_id
           WHERE s.province_code = '37' OR s.district_code = '721'
           GROUP BY 1, 2, 3 ORDER BY 1, 2`,
    );
    const byUnit = (unit: string) => surveys.filter((r) => r.unit === unit);
    expect([...new Set(byUnit('37').map((r) => r.year))]).toEqual(yearsOf('37'));
    expect([...new Set(byUnit('721').map((r) => r.year))]).toEqual(yearsOf('721'));
    // Schools registered before the reform stay in their 2024 units, whose surveys of 2025 and 2026 count there.
    expect(new Set(surveys.map((r) => r.valid_from))).toEqual(new Set([LIST_2024]));

    const population = await queryRows(
      db(),
      z.object({
        year: z.number(),
        commune_valid_from: z.string(),
        district_code: z.string().nullable(),
        province_code: z.string(),
        n: z.number(),
      }),
      sql`SELECT year, commune_valid_from::text, district_code, province_code, count(*)::int AS n
            FROM child_population_report GROUP BY 1, 2, 3, 4 ORDER BY 1`,
    );
    // Bến Cát's universal-education surveys: its 8 communes of 2024 up to 2025; in 2026 (taken on
    // 2025-09-05) the 2025 communes that succeeded them, in Thành phố Hồ Chí Minh (79), without district.
    expect(population.map((r) => r.year)).toEqual(yearsOf('721'));
    for (const row of population) {
      if (row.year <= 2025)
        expect(row).toMatchObject({ commune_valid_from: LIST_2024, district_code: '721', province_code: '74', n: 8 });
      else
        expect(row).toMatchObject({
          commune_valid_from: LIST_2025,
          district_code: null,
          province_code: '79',
          n: successorCommunes('721').length,
        });
    }

    // Figures reported in aggregate: in the units valid at the end of their year.
    const figures = await queryRows(
      db(),
      z.object({ year: z.number(), commune_valid_from: z.string(), province_code: z.string() }),
      sql`SELECT DISTINCT year, commune_valid_from::text, province_code FROM indicator_value ORDER BY 1, 3`,
    );
    for (const row of figures)
      expect(row.commune_valid_from, `${row.year} ${row.province_code}`).toBe(row.year <= 2024 ? LIST_2024 : LIST_2025);
    expect(figures.filter((r) => r.year === 2026).map((r) => r.province_code)).toEqual(['79']);
  });

  it('keeps Ninh Bình’s independent nursery groups apart from its schools', async () => {
    const response = await graphql<{
      _entities: {
        schoolCounts: { level: string; count: number }[];
        schools: { kind: string; kindLabel: string; level: string }[];
      }[];
    }>(
      subgraph.service.graphqlUrl,
      `
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on AdministrativeUnit {
              schoolCounts {
                level
                count
              }
              schools(level: PRESCHOOL) {
                kind
                kindLabel
                level
              }
            }
          }
        }
      `,
      { representations: [{ __typename: 'AdministrativeUnit', code: '37', validFrom: LIST_2024 }] },
    );
    expect(response.errors).toBeUndefined();
    const [unit] = response.data!._entities;
    const groups = unit!.schools.filter((s) => s.kind === 'INDEPENDENT_GROUP');
    expect(groups.length).toBeGreaterThan(10);
    expect(groups[0]!.kindLabel).toBe('Nhóm trẻ, lớp mẫu giáo, lớp mầm non độc lập');
    const preschoolCount = unit!.schoolCounts.find((c) => c.level === 'PRESCHOOL')!.count;
    expect(preschoolCount).toBe(unit!.schools.length - groups.length);
  });
});

describe('the education figures of the seed plans', () => {
  it('are given every year of each plan up to 2026, matching independent SQL over each year’s ground', async () => {
    const keys = TARGETS.flatMap((t) =>
      yearsOf(t.unit)
        .filter((year) => inOldUnits(t.indicator, year))
        .map((year) => ({ indicator: t.indicator, unit: t.unit, year })),
    );
    const entities = await progress(keys);
    for (const entity of entities) {
      const label = `${entity.indicatorCode} in ${entity.unitCode}, ${entity.year}`;
      const expected = await independent(entity.indicatorCode, entity.year, (alias) =>
        located(alias, entity.unitCode, entity.year),
      );
      expect(expected.d, `${label} has demo data`).toBeGreaterThan(0);
      expect(entity.education, label).toEqual({
        numerator: expected.n,
        denominator: expected.d,
        reported: !EDUCATION_COMPUTED[entity.indicatorCode],
      });
    }
  });

  it('splits pupils up to 8 reached by the support services by sex, matching independent SQL', async () => {
    const entities = await progress(
      yearsOf('37').map((year) => ({ indicator: 'ECD_EDU_SERVICE_ACCESS_0_8', unit: '37', year })),
    );
    for (const entity of entities) {
      expect(entity.educationBySex!.map((g) => g.sex)).toEqual(['MALE', 'FEMALE']);
      for (const group of entity.educationBySex!) {
        const expected = await independent(
          'ECD_EDU_SERVICE_ACCESS_0_8',
          entity.year,
          (a) => located(a, '37', entity.year),
          group.sex,
        );
        expect(group).toMatchObject({ numerator: expected.n, denominator: expected.d });
      }
      expect(entity.educationBySex!.reduce((s, g) => s + g.denominator, 0)).toBe(entity.education!.denominator);
    }
  });

  it('are computed over a unit and the 2025 communes covering it when asked together, as after the reform', async () => {
    for (const target of TARGETS.filter((t) => t.unit === BEN_CAT.unit)) {
      for (const year of [2024, 2025, 2026]) {
        const figure = await territoryFigure(target.indicator, target.unit, year);
        const expected = await independent(target.indicator, year, (alias) => located(alias, target.unit, year));
        const label = `${target.indicator} over Bến Cát's territory, ${year}`;
        expect(expected.d, label).toBeGreaterThan(0);
        expect(figure, label).toEqual({ numerator: expected.n, denominator: expected.d });
      }
    }
  });

  it('show a trajectory to 2025, where some targets are reached and some not, as the demo means', async () => {
    // Through the subgraph, as the plan's progress asks it: the 2024 unit for every year of the plan.
    const entities = await progress(
      TARGETS.flatMap((t) => yearsOf(t.unit).map((year) => ({ indicator: t.indicator, unit: t.unit, year }))),
    );
    const values = new Map<string, number>();
    for (const entity of entities) {
      const label = `${entity.indicatorCode} in ${entity.unitCode}, ${entity.year}`;
      expect(entity.education?.denominator, label).toBeGreaterThan(0);
      const { numerator, denominator } = entity.education!;
      // The figure over the unit's ground: the same as the indicator's SQL asked for all its units at once.
      expect({ numerator, denominator }, label).toEqual(
        await territoryFigure(entity.indicatorCode, entity.unitCode, entity.year),
      );
      values.set(`${entity.indicatorCode}|${entity.year}`, percent(entity.education!));
    }
    for (const target of TARGETS) {
      const years = yearsOf(target.unit);
      const [first, last] = [values.get(`${target.indicator}|${years[0]}`)!, values.get(`${target.indicator}|2025`)!];
      const label = `${target.indicator} in ${target.unit}: ${years[0]} ${first.toFixed(3)}, 2025 ${last.toFixed(3)}`;
      // Towards the target over the period (sanitation reaches 100% and stays there).
      if (target.lowerIsBetter) expect(last, label).toBeLessThan(first);
      else expect(last, label).toBeGreaterThanOrEqual(first);
      for (const [year, reached] of Object.entries(target.milestones)) {
        const value = values.get(`${target.indicator}|${year}`)!;
        const expected = Number(year) === 2025 ? target.reached2025 : undefined;
        if (expected !== undefined) expect(reached(value), `${label}: 2025 milestone`).toBe(expected);
      }
    }
    // Ninh Bình's 2020 milestones: staff trained reached, pupils reached by the services and the referral network not.
    expect(values.get('ECD_EDU_STAFF_CAREGIVERS_TRAINED|2020')).toBeGreaterThanOrEqual(75);
    expect(values.get('ECD_EDU_SERVICE_ACCESS_0_8|2020')).toBeLessThan(75);
    expect(values.get('REFERRAL_NETWORK_EDU_FACILITIES|2020')).toBeLessThan(70);
    expect(TARGETS.some((t) => t.reached2025) && TARGETS.some((t) => !t.reached2025)).toBe(true);
  });
});

describe('the demo seed', () => {
  it('keeps the indicators it cannot compute as reported figures', async () => {
    const entities = await progress(
      ['UNDER5_DEVELOPING_ON_TRACK', 'DISABLED_CHILDREN_IN_SUITABLE_EDUCATION'].map((indicator) => ({
        indicator,
        unit: '721',
        year: 2024,
      })),
    );
    expect(entities.map((e) => e.education?.reported)).toEqual([true, true]);
  });

  it('leaves the planner the row count of every table it filled, so the first figure read is planned for them', async () => {
    const tables = await queryRows(
      db(),
      z.object({ name: z.string() }),
      // The audit log grows with every read of the tests before this one.
      sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'audit_event'`,
    );
    const counts = await Promise.all(
      tables.map(async ({ name }) => ({
        name,
        rows: await rowCount(db(), name),
        planned: await plannedRowCount(db(), name),
      })),
    );
    const filled = counts.filter((table) => table.rows > 0);
    expect(filled.map((table) => table.name)).toEqual(expect.arrayContaining(['school', 'enrolment_count']));
    // ANALYZE reads every row of a table up to 30,000 and samples a larger one.
    for (const { name, rows, planned } of filled) expect(Math.abs(planned - rows), name).toBeLessThanOrEqual(rows / 10);
  });

  it('seeds once: a restart adds nothing', async () => {
    const count = async () =>
      (await queryRows(db(), z.object({ n: z.number() }), sql`SELECT count(*)::int AS n FROM school_survey`))[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(3000);
    await subgraph.restart();
    expect(await count()).toBe(before);
  });
});

describe('the demo schools', () => {
  it('are public except each commune’s second preschool, as read through GraphQL', async () => {
    const response = await graphql<{
      _entities: { schools: { level: string; ownership: string; ownershipLabel: string }[] }[];
    }>(
      subgraph.service.graphqlUrl,
      `
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on AdministrativeUnit {
              schools {
                level
                ownership
                ownershipLabel
              }
            }
          }
        }
      `,
      { representations: [{ __typename: 'AdministrativeUnit', code: '20', validFrom: '2025-07-01' }] },
    );
    expect(response.errors).toBeUndefined();
    const schools = response.data?._entities[0]?.schools ?? [];
    const privateOnes = schools.filter((s) => s.ownership === 'PRIVATE');
    expect(privateOnes.length).toBeGreaterThan(0);
    expect(privateOnes.every((s) => s.level === 'PRESCHOOL' && s.ownershipLabel === 'Tư thục')).toBe(true);
    expect(schools.filter((s) => s.ownership === 'PUBLIC').length).toBeGreaterThan(privateOnes.length);
  });
});
