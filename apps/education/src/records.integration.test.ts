import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { column, identifier, queryRows, sql, type Sql } from '@ecd/database';
import { locateUnit, UNIT_LISTS, unitIndexFor } from '@ecd/reference-data';
import { MAX_SOURCE_LENGTH } from '@ecd/service-kit';
import { graphql, resolveUnitEntities, useTestSubgraph } from '@ecd/test-kit';

import { EDUCATION_COMPUTED } from './data/computed-indicators.js';
import { loadEnv, startEducationSubgraph } from './server.js';

const subgraph = useTestSubgraph('education-records', (env) => startEducationSubgraph(loadEnv(env)));
const USER = { 'x-ecd-user-id': 'can.bo.pgd' };
const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) =>
  graphql<T>(subgraph.service.graphqlUrl, query, variables, USER);
// `from` is a table, or a table and a condition.
const rows = async (from: Sql) =>
  (
    await queryRows(subgraph.service.client, z.object({ n: z.number() }), sql`SELECT count(*)::int AS n FROM ${from}`)
  )[0]!.n;
const TABLES = [
  'school',
  'school_survey',
  'enrolment_report',
  'enrolment_count',
  'grade_flow',
  'child_population_report',
  'child_population_count',
  'indicator_value',
];
const allRows = async () =>
  Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await rows(identifier(t))] as const)));

// Bến Cát (721) in the 2024 units: two of its communes, and a commune of another district of its province.
const LIST_2024 = UNIT_LISTS[0]!;
const index = unitIndexFor(LIST_2024);
const [communeA, communeB] = index.communesOf('721').map((c) => c.code) as [string, string, ...string[]];
const PROVINCE = locateUnit('721', LIST_2024.validFrom)!.provinceCode;
const otherCommune = index
  .communesOf(PROVINCE)
  .find((c) => locateUnit(c.code, LIST_2024.validFrom)!.districtCode !== '721')!.code;
const VALID_FROM = LIST_2024.validFrom;

const REGISTER = `mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) {
  id name level levelLabel openedOn commune { code validFrom } district { code validFrom } province { code validFrom } } }`;
const SURVEY = `mutation($input: SchoolSurveyInput!) { recordSchoolSurvey(input: $input) { id version year recordedBy staffTotal staffTrainedEcd cleanWaterSanitation } }`;
const ENROLMENT = `mutation($input: SchoolEnrolmentInput!) { recordSchoolEnrolment(input: $input) { id version pupils pupilsWithDisabilities dropouts recordedBy } }`;
const POPULATION = `mutation($input: ChildPopulationInput!) { recordChildPopulation(input: $input) { id version children commune { code validFrom } } }`;
const PROGRESS = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on TargetProgress { indicatorCode unitCode education { numerator denominator source reported } } } }`;

interface Problem {
  field: string;
  reason: string;
  message: string;
}
const problemsOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (response.errors?.[0]?.extensions?.problems ?? []) as Problem[];

/**
 * Each computed indicator written again, independently of the subgraph's SQL, over the raw tables:
 * latest versions by DISTINCT ON, the unit matched at any level by its code and first day of validity.
 */
const YEAR = 2024;

/** Education's figures (and their split by sex) for some indicators in a 2024 commune in 2024, as the gateway asks them. */
const educationFigures = (codes: readonly string[], unitCode: string) =>
  graphql<{
    _entities: {
      indicatorCode: string;
      education: { numerator: number; denominator: number } | null;
      educationBySex: { sex: string; numerator: number; denominator: number }[] | null;
    }[];
  }>(
    subgraph.service.graphqlUrl,
    `
      query ($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on TargetProgress {
            indicatorCode
            education {
              numerator
              denominator
            }
            educationBySex {
              sex
              numerator
              denominator
            }
          }
        }
      }
    `,
    {
      r: codes.map((indicatorCode) => ({
        __typename: 'TargetProgress',
        targetId: 't',
        indicatorCode,
        unitCode,
        unitValidFrom: VALID_FROM,
        year: YEAR,
      })),
    },
  );
const inUnit = (alias: string, unitCode: string) => {
  const at = (level: string) =>
    sql`(${column(alias, `${level}_code`)} = ${unitCode} AND ${column(alias, `${level}_valid_from`)} = ${VALID_FROM}::date)`;
  return sql`(${at('commune')} OR ${at('district')} OR ${at('province')})`;
};
const latestSurveys = sql`SELECT DISTINCT ON (school_id) * FROM school_survey WHERE year = ${YEAR} ORDER BY school_id, version DESC`;
const latestReports = sql`SELECT DISTINCT ON (school_id) * FROM enrolment_report WHERE year = ${YEAR} ORDER BY school_id, version DESC`;
const latestPopulation = sql`SELECT DISTINCT ON (commune_code, commune_valid_from) * FROM child_population_report WHERE year = ${YEAR} ORDER BY commune_code, commune_valid_from, version DESC`;
/** Facilities of `levels` whose latest survey says `flag`: every kind, or the schools (trường) only. */
const schoolShare =
  (flag: string, levels: string[], schoolsOnly = false) =>
  (unitCode: string) => sql`
  SELECT count(*) FILTER (WHERE ${column('l', flag)}) AS numerator, count(*) AS denominator
    FROM (${latestSurveys}) l JOIN school s ON s.id = l.school_id
   WHERE s.level::text = ANY(${levels}::text[]) AND (NOT ${schoolsOnly}::boolean OR s.kind::text = 'SCHOOL') AND ${inUnit('s', unitCode)}`;
const dropout = (grades: string[]) => (unitCode: string) => sql`
  SELECT sum(f.dropping_out) AS numerator, sum(f.enrolled_at_start) AS denominator
    FROM (${latestReports}) r JOIN school s ON s.id = r.school_id JOIN grade_flow f ON f.report_id = r.id
   WHERE f.grade::text = ANY(${grades}::text[]) AND ${inUnit('s', unitCode)}`;
const completion = (completed: string, youngest: number, oldest: number) => (unitCode: string) => sql`
  SELECT sum(${column('c', completed)}) AS numerator, sum(c.children) AS denominator
    FROM (${latestPopulation}) p JOIN child_population_count c ON c.report_id = p.id WHERE c.age BETWEEN ${youngest}::int AND ${oldest}::int AND ${inUnit('p', unitCode)}`;
export const INDEPENDENT_SQL: Record<string, (unitCode: string) => Sql> = {
  SCHOOLS_WITH_SANITATION: schoolShare('clean_water_sanitation', ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY']),
  SCHOOLS_WITH_PSYCHOLOGICAL_SUPPORT: schoolShare(
    'psychological_support',
    ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
    true,
  ),
  SCHOOLS_DISABILITY_ACCESSIBLE: schoolShare(
    'disability_accessible',
    ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
    true,
  ),
  REFERRAL_NETWORK_EDU_FACILITIES: schoolShare('referral_network', ['PRESCHOOL', 'PRIMARY']),
  ECD_EDU_STAFF_CAREGIVERS_TRAINED: (unitCode) => sql`
    SELECT sum(l.staff_trained_ecd) AS numerator, sum(l.staff_total) AS denominator
      FROM (${latestSurveys}) l JOIN school s ON s.id = l.school_id WHERE s.level::text IN ('PRESCHOOL', 'PRIMARY') AND ${inUnit('s', unitCode)}`,
  ECD_EDU_SERVICE_ACCESS_0_8: (unitCode) => sql`
    SELECT sum(e.pupils_with_ecd_services) AS numerator, sum(e.pupils) AS denominator
      FROM (${latestReports}) r JOIN school s ON s.id = r.school_id JOIN enrolment_count e ON e.report_id = r.id
     WHERE s.level::text IN ('PRESCHOOL', 'PRIMARY') AND e.age <= 8 AND e.pupils_with_ecd_services IS NOT NULL AND ${inUnit('s', unitCode)}`,
  AGE5_PRESCHOOL_ENROLMENT: (unitCode) => sql`
    SELECT (SELECT coalesce(sum(e.pupils), 0) FROM (${latestReports}) r JOIN school s ON s.id = r.school_id JOIN enrolment_count e ON e.report_id = r.id
             WHERE s.level = 'PRESCHOOL' AND e.age = 5 AND ${inUnit('s', unitCode)}) AS numerator,
           (SELECT sum(c.children) FROM (${latestPopulation}) p JOIN child_population_count c ON c.report_id = p.id
             WHERE c.age = 5 AND ${inUnit('p', unitCode)}) AS denominator`,
  PRIMARY_COMPLETION: completion('completed_primary', 11, 11),
  LOWER_SECONDARY_COMPLETION: completion('completed_lower_secondary', 15, 18),
  PRIMARY_DROPOUT: dropout(['GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5']),
  LOWER_SECONDARY_DROPOUT: dropout(['GRADE_6', 'GRADE_7', 'GRADE_8', 'GRADE_9']),
};

const figureRow = z.object({ numerator: z.number().nullable(), denominator: z.number().nullable() });
const expected = async (code: string, unitCode: string) => {
  const [row] = await queryRows(
    subgraph.service.client,
    figureRow,
    sql`SELECT q.numerator::float8 AS numerator, q.denominator::float8 AS denominator FROM (${INDEPENDENT_SQL[code]!(unitCode)}) q`,
  );
  return { numerator: row!.numerator ?? 0, denominator: row!.denominator };
};

const school = async (name: string, level: string, communeCode: string) => {
  const response = await gql<{ registerSchool: { id: string } }>(REGISTER, {
    input: { name, level, communeCode, openedOn: '2010-09-05' },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.registerSchool.id;
};
const survey = async (
  schoolId: string,
  values: {
    sanitation: boolean;
    psych: boolean;
    accessible: boolean;
    referral: boolean;
    staff: number;
    trained: number;
  },
) => {
  const response = await gql<{ recordSchoolSurvey: { version: number } }>(SURVEY, {
    input: {
      schoolId,
      year: 2024,
      cleanWaterSanitation: values.sanitation,
      psychologicalSupport: values.psych,
      disabilityAccessible: values.accessible,
      referralNetwork: values.referral,
      staffTotal: values.staff,
      staffTrainedEcd: values.trained,
    },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.recordSchoolSurvey;
};
/** Enrolment of `grades` with `pupils` girls and boys of the grade's normal age each, and `dropouts` dropping out per grade. */
const enrol = async (schoolId: string, grades: [string, number][], pupils: number, dropouts: number) => {
  const enrolment = grades.flatMap(([grade, age]) =>
    ['MALE', 'FEMALE'].map((sex) => ({ grade, age, sex, pupils, pupilsWithDisabilities: 1 })),
  );
  const gradeFlows = grades.map(([grade]) => ({
    grade,
    enrolledAtStart: 2 * pupils,
    completing: 2 * pupils - dropouts,
    droppingOut: dropouts,
  }));
  const response = await gql<{ recordSchoolEnrolment: { version: number; pupils: number } }>(ENROLMENT, {
    input: { schoolId, year: 2024, enrolment, gradeFlows },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.recordSchoolEnrolment;
};
const population = async (
  communeCode: string,
  children: number,
  completedPrimaryAt11: number,
  completedLowerSecondary: number,
) => {
  const counts = Array.from({ length: 19 }, (_, age) =>
    ['MALE', 'FEMALE'].map((sex) => ({
      age,
      sex,
      children,
      completedPrimary: age >= 11 ? (age === 11 ? completedPrimaryAt11 : children) : 0,
      completedLowerSecondary: age >= 15 ? completedLowerSecondary : 0,
    })),
  ).flat();
  const response = await gql<{ recordChildPopulation: { version: number; children: number } }>(POPULATION, {
    input: { communeCode, year: 2024, source: 'Báo cáo phổ cập 15/BC', counts },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.recordChildPopulation;
};

describe('rejected input', () => {
  it('registers no school with an unknown commune, an empty name or a future opening day, and lists every problem', async () => {
    const response = await gql(REGISTER, {
      input: { name: ' ', level: 'PRIMARY', communeCode: '99999', openedOn: '2099-01-01' },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHOOL' });
    expect(problemsOf(response).map((p) => [p.field, p.reason])).toEqual([
      ['input.name', 'REQUIRED'],
      ['input.openedOn', 'DATE_IN_FUTURE'],
      ['input.communeCode', 'UNKNOWN_UNIT_CODE'],
    ]);
    expect(await rows(sql`school`)).toBe(0);
  });

  it('records no survey for an unknown school, a year out of range, negative or fractional counts', async () => {
    const response = await gql(SURVEY, {
      input: {
        schoolId: 'khong-co',
        year: 2018,
        cleanWaterSanitation: true,
        psychologicalSupport: true,
        disabilityAccessible: true,
        referralNetwork: true,
        staffTotal: -3,
        staffTrainedEcd: 2.5,
      },
    });
    expect(response.errors?.[0]?.extensions?.reason).toBe('INVALID_SCHOOL_SURVEY');
    expect(problemsOf(response).map((p) => [p.field, p.reason])).toEqual([
      ['input.schoolId', 'UNKNOWN_SCHOOL'],
      ['input.year', 'YEAR_OUT_OF_RANGE'],
      ['input.staffTotal', 'NEGATIVE_COUNT'],
      ['input.staffTrainedEcd', 'NOT_A_WHOLE_NUMBER'],
    ]);
    expect(problemsOf(response).every((p) => p.message.length > 0)).toBe(true);
    expect(await rows(sql`school_survey`)).toBe(0);
  });

  it('records no enrolment when the counts do not add up, and nothing of the valid rows beside them', async () => {
    const response = await gql(ENROLMENT, {
      input: {
        schoolId: '00000000-0000-4000-8000-000000000000',
        year: 2030,
        enrolment: [
          { grade: 'GRADE_1', age: 6, sex: 'MALE', pupils: 20, pupilsWithDisabilities: 0 },
          { grade: 'GRADE_1', age: 6, sex: 'MALE', pupils: 20, pupilsWithDisabilities: 0 },
          { grade: 'GRADE_2', age: 3, sex: 'FEMALE', pupils: -1, pupilsWithDisabilities: 0 },
        ],
        gradeFlows: [{ grade: 'GRADE_1', enrolledAtStart: 40, completing: 39, droppingOut: 5 }],
      },
    });
    expect(problemsOf(response).map((p) => [p.field, p.reason])).toEqual([
      ['input.schoolId', 'UNKNOWN_SCHOOL'],
      ['input.year', 'YEAR_OUT_OF_RANGE'],
      ['input.enrolment[1].grade', 'DUPLICATE_ROW'],
      ['input.enrolment[2].age', 'AGE_OUT_OF_RANGE'],
      ['input.enrolment[2].pupils', 'NEGATIVE_COUNT'],
      ['input.gradeFlows[0].completing', 'OUTCOMES_ABOVE_ENROLLED'],
      ['input.gradeFlows', 'GRADE_FLOW_MISSING'],
    ]);
    expect(await allRows()).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
  });

  it('records no population survey for an unknown commune or implausible completions', async () => {
    const response = await gql(POPULATION, {
      input: {
        communeCode: '00000',
        year: 2024,
        source: '',
        counts: [{ age: 11, sex: 'MALE', children: 10, completedPrimary: 11, completedLowerSecondary: 0 }],
      },
    });
    expect(problemsOf(response).map((p) => [p.field, p.reason])).toEqual([
      ['input.communeCode', 'UNKNOWN_UNIT_CODE'],
      ['input.source', 'REQUIRED'],
      ['input.counts[0].completedPrimary', 'COMPLETED_ABOVE_CHILDREN'],
    ]);
    const tooLong = await gql(POPULATION, {
      input: {
        communeCode: communeA,
        year: 2024,
        source: 'S'.repeat(MAX_SOURCE_LENGTH + 1),
        counts: [{ age: 5, sex: 'MALE', children: 10, completedPrimary: 0, completedLowerSecondary: 0 }],
      },
    });
    expect(problemsOf(tooLong).map((p) => [p.field, p.reason])).toEqual([['input.source', 'TOO_LONG']]);
    expect(await allRows()).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
  });
});

describe('who runs a school', () => {
  const REGISTER_OWNED = `mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { name ownership ownershipLabel } }`;
  // A commune of Hà Nội, away from the Bến Cát schools the other tests list.
  const commune = index.communesOf('01')[0]!.code;

  it('is công lập unless said otherwise, and kept as registered', async () => {
    const registered = async (input: Record<string, unknown>) =>
      gql<{ registerSchool: { name: string; ownership: string; ownershipLabel: string } }>(REGISTER_OWNED, {
        input: { level: 'PRESCHOOL', communeCode: commune, openedOn: '2016-09-05', ...input },
      });
    const publicSchool = await registered({ name: 'Trường Mầm non Sơn Ca' });
    expect(publicSchool.data?.registerSchool).toEqual({
      name: 'Trường Mầm non Sơn Ca',
      ownership: 'PUBLIC',
      ownershipLabel: 'Công lập',
    });
    const privateSchool = await registered({ name: 'Trường Mầm non tư thục Ánh Dương', ownership: 'PRIVATE' });
    expect(privateSchool.data?.registerSchool).toEqual({
      name: 'Trường Mầm non tư thục Ánh Dương',
      ownership: 'PRIVATE',
      ownershipLabel: 'Tư thục',
    });
    const stored = await subgraph.service.client.school.findFirstOrThrow({
      where: { name: 'Trường Mầm non tư thục Ánh Dương' },
    });
    expect(stored.ownership).toBe('PRIVATE');
  });

  it('refuses an ownership the law does not know, writing nothing', async () => {
    const before = await subgraph.service.client.school.count();
    const response = await gql(REGISTER_OWNED, {
      input: {
        name: 'Trường Mầm non Mới',
        level: 'PRESCHOOL',
        communeCode: commune,
        openedOn: '2016-09-05',
        ownership: 'FOREIGN',
      },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await subgraph.service.client.school.count()).toBe(before);
  });
});

describe('indicators computed from the records', () => {
  it('locates a 2024 school in its commune, district and province', async () => {
    const response = await gql<{ registerSchool: Record<string, unknown> }>(REGISTER, {
      input: { name: 'Trường Mầm non Hoa Sen', level: 'PRESCHOOL', communeCode: communeA, openedOn: '2012-09-05' },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.registerSchool).toMatchObject({
      level: 'PRESCHOOL',
      levelLabel: 'Mầm non',
      openedOn: '2012-09-05',
      commune: { code: communeA, validFrom: VALID_FROM },
      district: { code: '721', validFrom: VALID_FROM },
      province: { code: PROVINCE, validFrom: VALID_FROM },
    });
    const again = await gql(REGISTER, {
      input: { name: 'Trường Mầm non Hoa Sen', level: 'PRESCHOOL', communeCode: communeA, openedOn: '2012-09-05' },
    });
    expect(problemsOf(again).map((p) => p.reason)).toEqual(['SCHOOL_ALREADY_REGISTERED']);
  });

  it('match an independent SQL query over the raw tables, for a commune, its district and its province', async () => {
    const preschoolA = (
      await subgraph.service.client.school.findFirstOrThrow({ where: { name: 'Trường Mầm non Hoa Sen' } })
    ).id;
    const primaryA = await school('Trường Tiểu học Kim Đồng', 'PRIMARY', communeA);
    const secondaryA = await school('Trường THCS Lê Quý Đôn', 'LOWER_SECONDARY', communeA);
    const preschoolB = await school('Trường Mầm non Sơn Ca', 'PRESCHOOL', communeB);
    const primaryB = await school('Trường Tiểu học Nguyễn Du', 'PRIMARY', communeB);
    const secondaryOther = await school('Trường THCS Chu Văn An', 'LOWER_SECONDARY', otherCommune);

    // Surveys; the primary school of commune A corrects its survey: the second version counts.
    await survey(preschoolA, {
      sanitation: true,
      psych: false,
      accessible: true,
      referral: true,
      staff: 20,
      trained: 18,
    });
    expect(
      await survey(primaryA, {
        sanitation: true,
        psych: true,
        accessible: true,
        referral: true,
        staff: 30,
        trained: 10,
      }),
    ).toMatchObject({ version: 1, recordedBy: 'admin' });
    expect(
      await survey(primaryA, {
        sanitation: false,
        psych: true,
        accessible: false,
        referral: false,
        staff: 30,
        trained: 12,
      }),
    ).toMatchObject({ version: 2 });
    await survey(secondaryA, {
      sanitation: true,
      psych: true,
      accessible: false,
      referral: false,
      staff: 40,
      trained: 5,
    });
    await survey(preschoolB, {
      sanitation: false,
      psych: false,
      accessible: false,
      referral: true,
      staff: 12,
      trained: 12,
    });
    await survey(primaryB, {
      sanitation: true,
      psych: false,
      accessible: true,
      referral: false,
      staff: 25,
      trained: 20,
    });
    await survey(secondaryOther, {
      sanitation: true,
      psych: true,
      accessible: true,
      referral: true,
      staff: 50,
      trained: 30,
    });
    expect(await rows(sql`school_survey`)).toBe(7);

    const primaryGrades: [string, number][] = [
      ['GRADE_1', 6],
      ['GRADE_2', 7],
      ['GRADE_3', 8],
      ['GRADE_4', 9],
      ['GRADE_5', 10],
    ];
    const secondaryGrades: [string, number][] = [
      ['GRADE_6', 11],
      ['GRADE_7', 12],
      ['GRADE_8', 13],
      ['GRADE_9', 14],
    ];
    await enrol(
      preschoolA,
      [
        ['KINDERGARTEN_MIDDLE', 4],
        ['KINDERGARTEN_OLDER', 5],
      ],
      25,
      0,
    );
    await enrol(preschoolB, [['KINDERGARTEN_OLDER', 5]], 30, 0);
    expect(await enrol(primaryA, primaryGrades, 20, 1)).toMatchObject({ version: 1, pupils: 200 });
    expect(await enrol(primaryA, primaryGrades, 20, 0)).toMatchObject({ version: 2, pupils: 200 }); // a correction: no dropout after all
    await enrol(primaryB, primaryGrades, 15, 1);
    await enrol(secondaryA, secondaryGrades, 30, 2);
    await enrol(secondaryOther, secondaryGrades, 40, 1);

    await population(communeA, 27, 26, 20);
    await population(communeB, 40, 38, 35);
    expect(await population(communeB, 32, 30, 28)).toMatchObject({ version: 2, children: 32 * 38 }); // a correction
    await population(otherCommune, 50, 50, 45);

    // Hand-checked against the records above: commune A's schools after the corrections.
    expect(await expected('SCHOOLS_WITH_SANITATION', communeA)).toEqual({ numerator: 2, denominator: 3 });
    expect(await expected('PRIMARY_DROPOUT', communeA)).toEqual({ numerator: 0, denominator: 200 });
    expect(await expected('AGE5_PRESCHOOL_ENROLMENT', communeB)).toEqual({ numerator: 60, denominator: 64 });

    const units = [communeA, communeB, '721', PROVINCE];
    const codes = Object.keys(EDUCATION_COMPUTED);
    const representations = codes.flatMap((indicatorCode) =>
      units.map((unitCode) => ({
        __typename: 'TargetProgress',
        targetId: `t-${indicatorCode}`,
        indicatorCode,
        unitCode,
        unitValidFrom: VALID_FROM,
        year: 2024,
      })),
    );
    const response = await graphql<{
      _entities: {
        indicatorCode: string;
        unitCode: string;
        education: { numerator: number; denominator: number | null; reported: boolean } | null;
      }[];
    }>(subgraph.service.graphqlUrl, PROGRESS, { representations });
    expect(response.errors).toBeUndefined();
    for (const entity of response.data!._entities) {
      const sql = await expected(entity.indicatorCode, entity.unitCode);
      const label = `${entity.indicatorCode} in ${entity.unitCode}`;
      if (!sql.denominator) {
        expect(entity.education, label).toBeNull();
        continue;
      }
      expect(entity.education, label).toMatchObject({
        numerator: sql.numerator,
        denominator: sql.denominator,
        reported: false,
      });
    }
    // The province includes the other district's school; the district does not.
    const figure = (code: string, unit: string) =>
      response.data!._entities.find((e) => e.indicatorCode === code && e.unitCode === unit)!.education;
    expect(figure('LOWER_SECONDARY_DROPOUT', '721')).toMatchObject({ numerator: 8, denominator: 240 });
    expect(figure('LOWER_SECONDARY_DROPOUT', PROVINCE)).toMatchObject({ numerator: 12, denominator: 560 });
    expect(figure('SCHOOLS_WITH_SANITATION', communeB)).toMatchObject({ numerator: 1, denominator: 2 });
    expect(figure('LOWER_SECONDARY_DROPOUT', communeB)).toBeNull(); // no lower-secondary school there
  });

  it('refuses aggregate figures for the computed indicators', async () => {
    const response = await gql(
      `mutation($input: IndicatorValueInput!) { recordEducationIndicatorValue(input: $input) { id } }`,
      {
        input: {
          indicatorCode: 'PRIMARY_DROPOUT',
          unitCode: '721',
          year: 2024,
          numerator: 1,
          denominator: 100,
          source: 'BC 1',
        },
      },
    );
    expect(problemsOf(response).map((p) => p.reason)).toEqual(['INDICATOR_COMPUTED']);
    expect(await rows(sql`indicator_value`)).toBe(0);
  });

  it('refuses grades of another level and more trained staff than staff for a known school, writing nothing', async () => {
    const primaryA = (
      await subgraph.service.client.school.findFirstOrThrow({ where: { name: 'Trường Tiểu học Kim Đồng' } })
    ).id;
    const before = await allRows();
    const enrolment = await gql(ENROLMENT, {
      input: {
        schoolId: primaryA,
        year: 2024,
        enrolment: [{ grade: 'KINDERGARTEN_OLDER', age: 5, sex: 'MALE', pupils: 10, pupilsWithDisabilities: 11 }],
        gradeFlows: [{ grade: 'KINDERGARTEN_OLDER', enrolledAtStart: 9, completing: 9, droppingOut: 0 }],
      },
    });
    expect(problemsOf(enrolment).map((p) => [p.field, p.reason])).toEqual([
      ['input.enrolment[0].grade', 'GRADE_NOT_IN_LEVEL'],
      ['input.enrolment[0].pupilsWithDisabilities', 'DISABLED_ABOVE_PUPILS'],
      ['input.gradeFlows[0].grade', 'GRADE_NOT_IN_LEVEL'],
      ['input.gradeFlows[0].enrolledAtStart', 'ENROLMENT_MISMATCH'],
    ]);
    const surveyResponse = await gql(SURVEY, {
      input: {
        schoolId: primaryA,
        year: 2024,
        cleanWaterSanitation: true,
        psychologicalSupport: true,
        disabilityAccessible: true,
        referralNetwork: true,
        staffTotal: 10,
        staffTrainedEcd: 11,
      },
    });
    expect(problemsOf(surveyResponse).map((p) => [p.field, p.reason])).toEqual([
      ['input.staffTrainedEcd', 'TRAINED_ABOVE_TOTAL'],
    ]);
    expect(await allRows()).toEqual(before);
  });

  it('numbers simultaneous corrections without gaps: each is a version or a typed conflict, never a server error', async () => {
    const primaryB = (
      await subgraph.service.client.school.findFirstOrThrow({ where: { name: 'Trường Tiểu học Nguyễn Du' } })
    ).id;
    const input = {
      schoolId: primaryB,
      year: 2023,
      cleanWaterSanitation: true,
      psychologicalSupport: true,
      disabilityAccessible: true,
      referralNetwork: true,
      staffTotal: 20,
      staffTrainedEcd: 10,
    };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => gql<{ recordSchoolSurvey: { version: number } }>(SURVEY, { input })),
    );
    const versions = responses.filter((r) => !r.errors).map((r) => r.data!.recordSchoolSurvey.version);
    expect(responses.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.reason)).toEqual(
      Array(5 - versions.length).fill('CONCURRENT_SUBMISSION'),
    );
    expect(versions.sort()).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
    expect(await rows(sql`school_survey WHERE year = 2023`)).toBe(versions.length);
  });

  it('lists the schools of a commune, a 2024 district and a province, by level then name', async () => {
    const units = await resolveUnitEntities<{
      schools: { name: string; level: string; district: { code: string } | null }[];
    }>(
      subgraph.service.graphqlUrl,
      [communeB, '721', PROVINCE].map((code) => ({ code, validFrom: VALID_FROM })),
      'schools { name level district { code } }',
    );
    const names = units.map((u) => u.schools.map((s) => s.name));
    expect(names[0]).toEqual(['Trường Mầm non Sơn Ca', 'Trường Tiểu học Nguyễn Du']);
    expect(names[1]).toEqual([
      'Trường Mầm non Hoa Sen',
      'Trường Mầm non Sơn Ca',
      'Trường Tiểu học Kim Đồng',
      'Trường Tiểu học Nguyễn Du',
      'Trường THCS Lê Quý Đôn',
    ]);
    expect(names[2]).toEqual([
      'Trường Mầm non Hoa Sen',
      'Trường Mầm non Sơn Ca',
      'Trường Tiểu học Kim Đồng',
      'Trường Tiểu học Nguyễn Du',
      'Trường THCS Chu Văn An',
      'Trường THCS Lê Quý Đôn',
    ]);
    expect(units[1]!.schools.every((s) => s.district?.code === '721')).toBe(true);
    const [secondary] = await resolveUnitEntities<{ schools: { name: string }[] }>(
      subgraph.service.graphqlUrl,
      [{ code: PROVINCE, validFrom: VALID_FROM }],
      'schools(level: LOWER_SECONDARY) { name }',
    );
    expect(secondary!.schools.map((s) => s.name).sort()).toEqual(['Trường THCS Chu Văn An', 'Trường THCS Lê Quý Đôn']);
  });

  it('splits the figures over children counted by sex into boys and girls, and no other', async () => {
    const communeC = index.communesOf('721')[2]!.code;
    const preschool = await school('Trường Mầm non Họa Mi', 'PRESCHOOL', communeC);
    const enrolment = [
      { grade: 'KINDERGARTEN_OLDER', age: 5, sex: 'MALE', pupils: 10, pupilsWithDisabilities: 0 },
      { grade: 'KINDERGARTEN_OLDER', age: 5, sex: 'FEMALE', pupils: 14, pupilsWithDisabilities: 0 },
    ];
    const gradeFlows = [{ grade: 'KINDERGARTEN_OLDER', enrolledAtStart: 24, completing: 24, droppingOut: 0 }];
    expect(
      (await gql(ENROLMENT, { input: { schoolId: preschool, year: 2024, enrolment, gradeFlows } })).errors,
    ).toBeUndefined();
    // Boys and girls in different numbers, so a split that swapped or merged them would show.
    const plan = {
      MALE: { age5: 12, at11: 10, primaryAt11: 9, completedLowerSecondary: 4 },
      FEMALE: { age5: 20, at11: 10, primaryAt11: 10, completedLowerSecondary: 6 },
    };
    const counts = Array.from({ length: 19 }, (_, age) =>
      (['MALE', 'FEMALE'] as const).map((sex) => {
        const children = age === 5 ? plan[sex].age5 : age === 11 ? plan[sex].at11 : 8;
        return {
          age,
          sex,
          children,
          completedPrimary: age < 11 ? 0 : age === 11 ? plan[sex].primaryAt11 : children,
          completedLowerSecondary: age >= 15 ? plan[sex].completedLowerSecondary : 0,
        };
      }),
    ).flat();
    expect(
      (await gql(POPULATION, { input: { communeCode: communeC, year: 2024, source: 'Báo cáo phổ cập 15/BC', counts } }))
        .errors,
    ).toBeUndefined();

    const codes = [
      'AGE5_PRESCHOOL_ENROLMENT',
      'PRIMARY_COMPLETION',
      'LOWER_SECONDARY_COMPLETION',
      'PRIMARY_DROPOUT',
      'SCHOOLS_WITH_SANITATION',
    ];
    const response = await educationFigures(codes, communeC);
    expect(response.errors).toBeUndefined();
    const [age5, primary, lowerSecondary, dropout, sanitation] = response.data!._entities;
    expect(age5!.educationBySex).toEqual([
      { sex: 'MALE', numerator: 10, denominator: 12 },
      { sex: 'FEMALE', numerator: 14, denominator: 20 },
    ]);
    expect(primary!.educationBySex).toEqual([
      { sex: 'MALE', numerator: 9, denominator: 10 },
      { sex: 'FEMALE', numerator: 10, denominator: 10 },
    ]);
    expect(lowerSecondary!.educationBySex).toEqual([
      { sex: 'MALE', numerator: 16, denominator: 32 },
      { sex: 'FEMALE', numerator: 24, denominator: 32 },
    ]);
    for (const entity of [age5!, primary!, lowerSecondary!]) {
      expect(entity.educationBySex!.reduce((sum, g) => sum + g.numerator, 0)).toBe(entity.education!.numerator);
      expect(entity.educationBySex!.reduce((sum, g) => sum + g.denominator, 0)).toBe(entity.education!.denominator);
    }
    // Grade flows and school surveys carry no sex: those figures are not split.
    expect([dropout!.educationBySex, sanitation!.educationBySex]).toEqual([null, null]);
  });
});

describe('independent nursery groups and the early-childhood support services', () => {
  // A commune of Hà Nội none of the other tests uses.
  const commune = index.communesOf('01')[1]!.code;
  const REGISTER_KIND = `mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { id name level kind kindLabel } }`;
  const ENROLMENT_SERVED = `mutation($input: SchoolEnrolmentInput!) { recordSchoolEnrolment(input: $input) { version pupils pupilsWithEcdServices } }`;
  const register = async (name: string, level: string, kind?: string) =>
    gql<{ registerSchool: { id: string; name: string; level: string; kind: string; kindLabel: string } }>(
      REGISTER_KIND,
      { input: { name, level, communeCode: commune, openedOn: '2015-09-05', ...(kind ? { kind } : {}) } },
    );
  const surveyOf = (schoolId: string, psych: boolean, referral: boolean, staff: number, trained: number) =>
    gql(SURVEY, {
      input: {
        schoolId,
        year: 2024,
        cleanWaterSanitation: true,
        psychologicalSupport: psych,
        disabilityAccessible: false,
        referralNetwork: referral,
        staffTotal: staff,
        staffTrainedEcd: trained,
      },
    });
  type Row = { grade: string; age: number; sex: string; pupils: number; served?: number };
  const enrolOf = (schoolId: string, rows: Row[]) => {
    const enrolment = rows.map(({ served, ...row }) => ({
      ...row,
      pupilsWithDisabilities: 0,
      ...(served === undefined ? {} : { pupilsWithEcdServices: served }),
    }));
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(row.grade, (totals.get(row.grade) ?? 0) + row.pupils);
    const gradeFlows = [...totals].map(([grade, pupils]) => ({
      grade,
      enrolledAtStart: pupils,
      completing: pupils,
      droppingOut: 0,
    }));
    return gql<{ recordSchoolEnrolment: { version: number; pupils: number; pupilsWithEcdServices: number | null } }>(
      ENROLMENT_SERVED,
      { input: { schoolId, year: 2024, enrolment, gradeFlows } },
    );
  };

  it('registers an independent group at the preschool level only, and counts it with no school', async () => {
    const group = await register('Nhóm trẻ độc lập Búp Sen', 'PRESCHOOL', 'INDEPENDENT_GROUP');
    expect(group.errors).toBeUndefined();
    expect(group.data!.registerSchool).toMatchObject({
      level: 'PRESCHOOL',
      kind: 'INDEPENDENT_GROUP',
      kindLabel: 'Nhóm trẻ, lớp mẫu giáo, lớp mầm non độc lập',
    });
    const school = await register('Trường Mầm non Búp Sen', 'PRESCHOOL');
    expect(school.data!.registerSchool).toMatchObject({ kind: 'SCHOOL', kindLabel: 'Trường' });

    const before = await allRows();
    const primaryGroup = await register('Lớp tiểu học độc lập', 'PRIMARY', 'INDEPENDENT_GROUP');
    expect(problemsOf(primaryGroup).map((p) => [p.field, p.reason])).toEqual([
      ['input.kind', 'INDEPENDENT_GROUP_NOT_PRESCHOOL'],
    ]);
    expect(await allRows()).toEqual(before);

    const [unit] = await resolveUnitEntities<{
      schoolCounts: { level: string; count: number }[];
      schools: { name: string; kind: string }[];
    }>(
      subgraph.service.graphqlUrl,
      [{ code: commune, validFrom: VALID_FROM }],
      'schoolCounts { level count } schools { name kind }',
    );
    expect(unit!.schoolCounts).toEqual([
      expect.objectContaining({ level: 'PRESCHOOL', count: 1 }),
      expect.objectContaining({ level: 'PRIMARY', count: 0 }),
      expect.objectContaining({ level: 'LOWER_SECONDARY', count: 0 }),
    ]);
    expect(unit!.schools.map((s) => s.kind).sort()).toEqual(['INDEPENDENT_GROUP', 'SCHOOL']);
  });

  it('refuses more pupils reached by the support services than pupils, writing nothing', async () => {
    const groupId = (
      await subgraph.service.client.school.findFirstOrThrow({ where: { name: 'Nhóm trẻ độc lập Búp Sen' } })
    ).id;
    const before = await allRows();
    const response = await enrolOf(groupId, [
      { grade: 'NURSERY', age: 2, sex: 'MALE', pupils: 6, served: 7 },
      { grade: 'NURSERY', age: 2, sex: 'FEMALE', pupils: 6, served: 1.5 },
    ]);
    expect(problemsOf(response).map((p) => [p.field, p.reason])).toEqual([
      ['input.enrolment[0].pupilsWithEcdServices', 'ECD_SERVED_ABOVE_PUPILS'],
      ['input.enrolment[1].pupilsWithEcdServices', 'NOT_A_WHOLE_NUMBER'],
    ]);
    expect(await allRows()).toEqual(before);
  });

  it('computes the plan’s facility indicators with the groups, and the pupils up to 8 reached by the services', async () => {
    const id = async (name: string) => (await subgraph.service.client.school.findFirstOrThrow({ where: { name } })).id;
    const [groupId, preschoolId] = [await id('Nhóm trẻ độc lập Búp Sen'), await id('Trường Mầm non Búp Sen')];
    const primary = await register('Trường Tiểu học Búp Sen', 'PRIMARY');
    const primaryId = primary.data!.registerSchool.id;
    const secondary = await register('Trường THCS Búp Sen', 'LOWER_SECONDARY');
    const secondaryId = secondary.data!.registerSchool.id;
    for (const [schoolId, psych, referral, staff, trained] of [
      [groupId, false, true, 4, 4],
      [preschoolId, true, false, 20, 15],
      [primaryId, true, true, 30, 21],
      [secondaryId, true, true, 40, 10],
    ] as const)
      expect((await surveyOf(schoolId, psych, referral, staff, trained)).errors).toBeUndefined();

    const group = await enrolOf(groupId, [
      { grade: 'NURSERY', age: 2, sex: 'MALE', pupils: 6, served: 5 },
      { grade: 'NURSERY', age: 2, sex: 'FEMALE', pupils: 4, served: 4 },
    ]);
    expect(group.data!.recordSchoolEnrolment).toMatchObject({ pupils: 10, pupilsWithEcdServices: 9 });
    // A preschool that does not follow the services: neither above nor below the line.
    const preschool = await enrolOf(preschoolId, [{ grade: 'KINDERGARTEN_OLDER', age: 5, sex: 'MALE', pupils: 30 }]);
    expect(preschool.data!.recordSchoolEnrolment).toMatchObject({ pupils: 30, pupilsWithEcdServices: null });
    // A primary school: the 8-year-olds count, the 9- and 10-year-olds do not.
    await enrolOf(primaryId, [
      { grade: 'GRADE_3', age: 8, sex: 'FEMALE', pupils: 20, served: 15 },
      { grade: 'GRADE_3', age: 9, sex: 'FEMALE', pupils: 2, served: 0 },
      { grade: 'GRADE_5', age: 10, sex: 'MALE', pupils: 25, served: 20 },
    ]);

    const codes = [
      'ECD_EDU_SERVICE_ACCESS_0_8',
      'REFERRAL_NETWORK_EDU_FACILITIES',
      'ECD_EDU_STAFF_CAREGIVERS_TRAINED',
      'SCHOOLS_WITH_PSYCHOLOGICAL_SUPPORT',
      'SCHOOLS_WITH_SANITATION',
    ];
    const response = await educationFigures(codes, commune);
    expect(response.errors).toBeUndefined();
    const figure = (code: string) => response.data!._entities.find((e) => e.indicatorCode === code)!;
    // Group 5 + 4 of 10, the 8-year-old girls 15 of 20.
    expect(figure('ECD_EDU_SERVICE_ACCESS_0_8').education).toEqual({ numerator: 24, denominator: 30 });
    expect(figure('ECD_EDU_SERVICE_ACCESS_0_8').educationBySex).toEqual([
      { sex: 'MALE', numerator: 5, denominator: 6 },
      { sex: 'FEMALE', numerator: 19, denominator: 24 },
    ]);
    // The group is a facility of the plan's scope (referral network, staff); it is no school (psychological support).
    expect(figure('REFERRAL_NETWORK_EDU_FACILITIES').education).toEqual({ numerator: 2, denominator: 3 });
    expect(figure('ECD_EDU_STAFF_CAREGIVERS_TRAINED').education).toEqual({ numerator: 40, denominator: 54 });
    expect(figure('SCHOOLS_WITH_PSYCHOLOGICAL_SUPPORT').education).toEqual({ numerator: 3, denominator: 3 });
    expect(figure('SCHOOLS_WITH_SANITATION').education).toEqual({ numerator: 4, denominator: 4 });
    for (const code of codes) {
      const expected = await queryRows(
        subgraph.service.client,
        figureRow,
        sql`SELECT q.numerator::float8 AS numerator, q.denominator::float8 AS denominator FROM (${INDEPENDENT_SQL[code]!(commune)}) q`,
      );
      expect(figure(code).education, code).toEqual(expected[0]);
    }
  });
});
