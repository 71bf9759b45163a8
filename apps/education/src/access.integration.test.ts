import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { identifier, queryRows, sql } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import { subgraphCaller, useTestSubgraph } from '@ecd/test-kit';

import { loadEnv, startEducationSubgraph } from './server.js';

/**
 * Who may read and write what in the education subgraph, called as the gateway calls it for each demo
 * user: the provincial department in its province, refused (and nothing written) elsewhere.
 */
const subgraph = useTestSubgraph('education-access', (env) => startEducationSubgraph(loadEnv(env)));

const rows = async (table: string) =>
  (
    await queryRows(
      subgraph.service.client,
      z.object({ n: z.number() }),
      sql`SELECT count(*)::int AS n FROM ${identifier(table)}`,
    )
  )[0]!.n;

/** Calls the subgraph as a demo user (the admin when no user is given). */
const as = subgraphCaller(() => subgraph.service.graphqlUrl, 'education');

/** The refusal of a write: FORBIDDEN with `reason`, and `table` unchanged. */
async function refused(user: string, query: string, variables: Record<string, unknown>, table: string, reason: string) {
  const before = await rows(table);
  const response = await as(user, query, variables);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason });
  expect(response.data ?? null).toBeNull();
  expect(await rows(table)).toBe(before);
  return response.errors![0]!;
}

const TODAY_LIST = '2025-07-01';
const NINH_BINH = communesOfProvince('37', TODAY_LIST)[0]!.code;
const LANG_SON = communesOfProvince('20', TODAY_LIST)[0]!.code;

const REGISTER = `mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { id name commune { code } } }`;
const SURVEY = `mutation($input: SchoolSurveyInput!) { recordSchoolSurvey(input: $input) { id version } }`;
const ENROLMENT = `mutation($input: SchoolEnrolmentInput!) { recordSchoolEnrolment(input: $input) { id pupils } }`;
const POPULATION = `mutation($input: ChildPopulationInput!) { recordChildPopulation(input: $input) { id children commune { code } } }`;
const FIGURE = `mutation($input: IndicatorValueInput!) { recordEducationIndicatorValue(input: $input) { id unitCode } }`;
const UNIT = (code: string, selection: string) =>
  `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "${code}", validFrom: "${TODAY_LIST}" }]) { ... on AdministrativeUnit { code ${selection} } } }`;

const school = (communeCode: string, name: string) => ({ name, level: 'PRIMARY', communeCode, openedOn: '2025-09-05' });
const surveyOf = (schoolId: string) => ({
  schoolId,
  year: 2026,
  cleanWaterSanitation: true,
  psychologicalSupport: false,
  disabilityAccessible: true,
  referralNetwork: false,
  staffTotal: 12,
  staffTrainedEcd: 4,
});
const enrolmentOf = (schoolId: string) => ({
  schoolId,
  year: 2026,
  enrolment: [{ grade: 'GRADE_1', age: 6, sex: 'FEMALE', pupils: 20, pupilsWithDisabilities: 1 }],
  gradeFlows: [{ grade: 'GRADE_1', enrolledAtStart: 20, completing: 19, droppingOut: 1 }],
});
const populationOf = (communeCode: string) => ({
  communeCode,
  year: 2026,
  source: 'Báo cáo phổ cập 15/BC',
  counts: [{ age: 5, sex: 'MALE', children: 30, completedPrimary: 0, completedLowerSecondary: 0 }],
});
const figure = (unitCode: string) => ({
  indicatorCode: 'UNDER5_DEVELOPING_ON_TRACK',
  unitCode,
  year: 2025,
  numerator: 80,
  denominator: 100,
  source: 'BC 12/2025',
});

/** A school of Lạng Sơn, registered by the admin: outside the Ninh Bình department's province. */
let langSonSchool = '';

beforeAll(async () => {
  const response = await as<{ registerSchool: { id: string } }>(null, REGISTER, {
    input: school(LANG_SON, 'Trường Tiểu học Lạng Sơn'),
  });
  expect(response.errors).toBeUndefined();
  langSonSchool = response.data!.registerSchool.id;
});

describe('the provincial education department (education.ninhbinh)', () => {
  it('registers schools and records surveys, enrolment, child population and figures in its province', async () => {
    const registered = await as<{ registerSchool: { id: string; commune: { code: string } } }>(
      'education.ninhbinh',
      REGISTER,
      { input: school(NINH_BINH, 'Trường Tiểu học Ninh Bình') },
    );
    expect(registered.errors).toBeUndefined();
    const id = registered.data!.registerSchool.id;
    expect((await as('education.ninhbinh', SURVEY, { input: surveyOf(id) })).errors).toBeUndefined();
    expect((await as('education.ninhbinh', ENROLMENT, { input: enrolmentOf(id) })).errors).toBeUndefined();
    expect((await as('education.ninhbinh', POPULATION, { input: populationOf(NINH_BINH) })).errors).toBeUndefined();
    expect((await as('education.ninhbinh', FIGURE, { input: figure('37') })).errors).toBeUndefined();
    const schools = await as<{ _entities: { schools: { id: string }[] }[] }>(
      'education.ninhbinh',
      UNIT(NINH_BINH, 'schools { id name commune { code } }'),
    );
    expect(schools.errors).toBeUndefined();
    expect(schools.data!._entities[0]!.schools.map((s) => s.id)).toContain(id);
  });

  it('is refused, writing nothing, in another province', async () => {
    const error = await refused(
      'education.ninhbinh',
      REGISTER,
      { input: school(LANG_SON, 'Trường Tiểu học Mới') },
      'school',
      'OUTSIDE_SCOPE',
    );
    expect(error.extensions).toMatchObject({ field: 'input.communeCode' });
    expect(
      (
        await refused(
          'education.ninhbinh',
          SURVEY,
          { input: surveyOf(langSonSchool) },
          'school_survey',
          'OUTSIDE_SCOPE',
        )
      ).extensions,
    ).toMatchObject({ field: 'input.schoolId' });
    await refused(
      'education.ninhbinh',
      ENROLMENT,
      { input: enrolmentOf(langSonSchool) },
      'enrolment_report',
      'OUTSIDE_SCOPE',
    );
    await refused(
      'education.ninhbinh',
      POPULATION,
      { input: populationOf(LANG_SON) },
      'child_population_report',
      'OUTSIDE_SCOPE',
    );
    expect(
      (await refused('education.ninhbinh', FIGURE, { input: figure('20') }, 'indicator_value', 'OUTSIDE_SCOPE'))
        .extensions,
    ).toMatchObject({ field: 'input.unitCode' });
  });

  it('reads the schools and counts of its province only', async () => {
    const other = await as('education.ninhbinh', UNIT(LANG_SON, 'schools { id } schoolCounts { level count }'));
    // `schools` is non-null: its refusal nulls the whole unit, so at least one error, each OUTSIDE_SCOPE.
    expect(other.errors?.length).toBeGreaterThan(0);
    expect(new Set(other.errors!.map((e) => e.extensions?.reason))).toEqual(new Set(['OUTSIDE_SCOPE']));
    expect(JSON.stringify(other.data)).not.toContain(langSonSchool);
  });
});

describe('other roles and sectors', () => {
  it('refuses education writes to another sector’s officer, the lead agency and a viewer', async () => {
    await refused(
      'health.langson',
      REGISTER,
      { input: school(LANG_SON, 'Trường Tiểu học Y tế') },
      'school',
      'SECTOR_NOT_ALLOWED',
    );
    await refused('lead.langson', FIGURE, { input: figure('20') }, 'indicator_value', 'ROLE_NOT_ALLOWED');
    await refused(
      'viewer.quangninh',
      POPULATION,
      { input: populationOf(communesOfProvince('22', TODAY_LIST)[0]!.code) },
      'child_population_report',
      'ROLE_NOT_ALLOWED',
    );
  });

  it('lets a viewer read the figures and schools of their province, and not another’s', async () => {
    const own = await as('viewer.quangninh', UNIT('22', 'schoolCounts { level count } schools { id }'));
    expect(own.errors).toBeUndefined();
    const other = await as('viewer.quangninh', UNIT('20', 'schoolCounts { level count }'));
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_SCOPE' });
  });
});
