import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { column, queryRows, sql, type Sql } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import { childKeyOf } from '@ecd/service-kit';
import { graphql, resolveUnitEntities, rowCount, useTestSubgraph } from '@ecd/test-kit';

import { figureData } from './data/figures.js';
import { seedDemo } from './demo/seed.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { loadEnv, startHealthSubgraph } from './server.js';

const SECRET = 'integration-test-child-key-secret-0123456789';
const subgraph = useTestSubgraph('health-records', (env) => startHealthSubgraph(loadEnv(env), { seedDemo }), {
  CHILD_KEY_SECRET: SECRET,
});

const db = () => subgraph.service.client;
const rows = (table: string) => rowCount(db(), table);
const call = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) =>
  graphql<T>(subgraph.service.graphqlUrl, query, variables);

interface Problem {
  field: string;
  reason: string;
  message: string;
}
/** The problems of a rejected mutation, as `field:reason`, after checking that `table` did not change. */
async function rejected(
  mutation: string,
  input: Record<string, unknown>,
  table: string,
  reason: string,
): Promise<string[]> {
  const before = await rows(table);
  const response = await call(mutation, { input });
  expect(response.data).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input', reason });
  expect(response.errors![0]!.message).toMatch(/lỗi; không có dữ liệu nào được ghi\.$/);
  expect(await rows(table)).toBe(before);
  const problems = response.errors![0]!.extensions!.problems as Problem[];
  for (const p of problems) expect(p.message).toMatch(/[à-ỹ]/);
  return problems.map((p) => `${p.field}:${p.reason}`);
}

const COMMUNE = '05977';
const stationId = async () =>
  (
    await queryRows(
      db(),
      z.object({ id: z.string() }),
      sql`SELECT id::text FROM health_station WHERE commune_code = ${COMMUNE} AND commune_valid_from = '2025-07-01'`,
    )
  )[0]!.id;

const REGISTER = `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id birthDate sex child { key } commune { code validFrom } missingVaccines } }`;
const IMMUNISE = `mutation($input: ImmunisationInput!) { recordImmunisation(input: $input) { id vaccine vaccineLabel givenOn station { id } } }`;
const SERVE = `mutation($input: HealthServiceContactInput!) { recordHealthServiceContact(input: $input) { id kind servedOn } }`;
const PREGNANCY = `mutation($input: PregnancyInput!) { registerPregnancy(input: $input) { id expectedDeliveryDate commune { code validFrom } } }`;
const VISIT = `mutation($input: AntenatalVisitInput!) { recordAntenatalVisit(input: $input) { id visitedOn gestationalWeek } }`;
const GROWTH = `mutation($input: GrowthMeasurementInput!) { recordGrowthMeasurement(input: $input) { id childRecordId } }`;

type Registered = {
  registerChild: {
    id: string;
    child: { key: string } | null;
    commune: { code: string; validFrom: string };
    missingVaccines: string[];
  };
};
const register = (input: Record<string, unknown>) => call<Registered>(REGISTER, { input });

const PERSONAL_ID = '020325000777';
const BORN = '2025-01-10';

describe('registerChild and the Child entity', () => {
  it('registers a child with only the HMAC key of the personal identification number', async () => {
    const response = await register({ personalId: PERSONAL_ID, birthDate: BORN, sex: 'FEMALE', communeCode: COMMUNE });
    expect(response.errors).toBeUndefined();
    const record = response.data!.registerChild;
    expect(record.child).toEqual({ key: childKeyOf(PERSONAL_ID, SECRET) });
    expect(record.commune).toEqual({ code: COMMUNE, validFrom: '2025-07-01' });
    expect(record.missingVaccines).toContain('BCG');
    const stored = await queryRows(
      db(),
      z.object({ row: z.string() }),
      sql`SELECT row_to_json(c)::text AS row FROM child_record c WHERE id = ${record.id}::uuid`,
    );
    expect(stored[0]!.row).not.toContain(PERSONAL_ID);
    expect(stored[0]!.row).toContain('"recorded_by":"admin"');
  });

  it('answers a personal identification number already registered with a CONFLICT and writes nothing', async () => {
    const before = await rows('child_record');
    const response = await register({ personalId: PERSONAL_ID, birthDate: BORN, sex: 'FEMALE', communeCode: COMMUNE });
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.personalId',
      reason: 'CHILD_ALREADY_REGISTERED',
    });
    expect(await rows('child_record')).toBe(before);
  });

  it('registers a newborn without a personal identification number', async () => {
    const response = await register({ birthDate: BORN, sex: 'MALE', communeCode: COMMUNE });
    expect(response.errors).toBeUndefined();
    expect(response.data!.registerChild.child).toBeNull();
  });

  it('reports every problem of a registration at once and writes nothing', async () => {
    expect(
      await rejected(
        REGISTER,
        { personalId: '12345', birthDate: '2099-01-01', sex: 'MALE', communeCode: '00001' },
        'child_record',
        'INVALID_CHILD_REGISTRATION',
      ),
    ).toEqual([
      'input.birthDate:DATE_IN_FUTURE',
      'input.personalId:INVALID_PERSONAL_ID',
      'input.communeCode:UNIT_NOT_VALID_ON_DATE',
    ]);
    expect(
      await rejected(
        REGISTER,
        { birthDate: '2015-01-01', sex: 'MALE', communeCode: COMMUNE },
        'child_record',
        'INVALID_CHILD_REGISTRATION',
      ),
    ).toEqual(['input.birthDate:CHILD_OLDER_THAN_8']);
  });

  it('resolves a Child reference to its health record, doses, measurements and services; an unknown key to nothing', async () => {
    const key = childKeyOf(PERSONAL_ID, SECRET);
    const { id } = (
      await queryRows(
        db(),
        z.object({ id: z.string() }),
        sql`SELECT id::text FROM child_record WHERE child_key = ${key}`,
      )
    )[0]!;
    const station = await stationId();
    expect(
      (await call(IMMUNISE, { input: { childRecordId: id, vaccine: 'BCG', givenOn: BORN, stationId: station } }))
        .errors,
    ).toBeUndefined();
    expect(
      (
        await call(SERVE, {
          input: { childRecordId: id, kind: 'GROWTH_MONITORING', servedOn: '2025-03-01', stationId: station },
        })
      ).errors,
    ).toBeUndefined();
    const growth = await call(GROWTH, {
      input: {
        childRecordId: id,
        sex: 'FEMALE',
        birthDate: BORN,
        measuredOn: '2025-03-01',
        weightKg: 5.4,
        lengthHeightCm: 58.5,
        measured: 'LYING',
        communeCode: COMMUNE,
      },
    });
    expect(growth.errors).toBeUndefined();
    const response = await call<{ _entities: (Record<string, unknown> | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { key healthRecord { id birthDate } immunisations { vaccine givenOn } growthMeasurements { id } healthServiceContacts { kind servedOn } } } }`,
      {
        r: [
          { __typename: 'Child', key },
          { __typename: 'Child', key: 'unknown-key' },
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      {
        key,
        healthRecord: { id, birthDate: BORN },
        immunisations: [{ vaccine: 'BCG', givenOn: BORN }],
        growthMeasurements: [
          { id: (growth.data as { recordGrowthMeasurement: { id: string } }).recordGrowthMeasurement.id },
        ],
        healthServiceContacts: [{ kind: 'GROWTH_MONITORING', servedOn: '2025-03-01' }],
      },
      { key: 'unknown-key', healthRecord: null, immunisations: [], growthMeasurements: [], healthServiceContacts: [] },
    ]);
  });
});

describe('recordImmunisation', () => {
  const newChild = async () =>
    (await register({ birthDate: BORN, sex: 'MALE', communeCode: COMMUNE })).data!.registerChild.id;

  it('refuses a dose below the minimum age, before birth, in the future, at an unknown station, of an unknown child', async () => {
    const child = await newChild();
    const station = await stationId();
    const base = { childRecordId: child, vaccine: 'MEASLES_1', givenOn: '2025-10-09', stationId: station };
    expect(await rejected(IMMUNISE, base, 'immunisation', 'INVALID_IMMUNISATION')).toEqual([
      'input.givenOn:BELOW_MINIMUM_AGE',
    ]);
    expect(
      await rejected(
        IMMUNISE,
        { ...base, vaccine: 'BCG', givenOn: '2025-01-09', stationId: 'nope' },
        'immunisation',
        'INVALID_IMMUNISATION',
      ),
    ).toEqual(['input.stationId:UNKNOWN_STATION', 'input.givenOn:BEFORE_BIRTH']);
    expect(
      await rejected(
        IMMUNISE,
        { ...base, childRecordId: '00000000-0000-4000-8000-000000000000', givenOn: '2099-01-01' },
        'immunisation',
        'INVALID_IMMUNISATION',
      ),
    ).toEqual(['input.childRecordId:UNKNOWN_CHILD_RECORD', 'input.givenOn:DATE_IN_FUTURE']);
  });

  it('records a dose once: the same vaccine again is refused', async () => {
    const child = await newChild();
    const input = { childRecordId: child, vaccine: 'MEASLES_1', givenOn: '2025-10-10', stationId: await stationId() };
    const first = await call<{ recordImmunisation: { vaccineLabel: string } }>(IMMUNISE, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordImmunisation.vaccineLabel).toBe('Vắc xin sởi mũi 1 (9 tháng)');
    expect(
      await rejected(IMMUNISE, { ...input, givenOn: '2025-11-10' }, 'immunisation', 'INVALID_IMMUNISATION'),
    ).toEqual(['input.vaccine:DOSE_ALREADY_RECORDED']);
  });
});

describe('antenatal care and health services', () => {
  it('follows a pregnancy in the commune valid on its expected delivery date, with its 2024 district before the reform', async () => {
    const before = await call<{ registerPregnancy: { commune: { validFrom: string } } }>(PREGNANCY, {
      input: { communeCode: COMMUNE, expectedDeliveryDate: '2025-03-01', motherBirthYear: 1995 },
    });
    expect(before.data!.registerPregnancy.commune).toEqual({ code: COMMUNE, validFrom: '2019-01-01' });
    const [row] = await queryRows(
      db(),
      z.object({ district_code: z.string().nullable() }),
      sql`SELECT district_code FROM pregnancy WHERE recorded_by = 'admin' LIMIT 1`,
    );
    expect(row!.district_code).toMatch(/^\d{3}$/);
  });

  it('rejects a bad pregnancy and bad visits, listing every problem, writing nothing', async () => {
    expect(
      await rejected(
        PREGNANCY,
        { communeCode: '99999', expectedDeliveryDate: '2099-01-01', motherBirthYear: 2095 },
        'pregnancy',
        'INVALID_PREGNANCY',
      ),
    ).toEqual([
      'input.expectedDeliveryDate:EXPECTED_DELIVERY_TOO_FAR',
      'input.motherBirthYear:MOTHER_AGE_OUT_OF_RANGE',
      'input.communeCode:UNKNOWN_UNIT_CODE',
    ]);
    const pregnancy = (
      await call<{ registerPregnancy: { id: string } }>(PREGNANCY, {
        input: { communeCode: COMMUNE, expectedDeliveryDate: '2025-09-01', motherBirthYear: 1998 },
      })
    ).data!.registerPregnancy.id;
    expect(
      (await call(VISIT, { input: { pregnancyId: pregnancy, visitedOn: '2025-05-26', gestationalWeek: 26 } })).errors,
    ).toBeUndefined();
    expect(
      await rejected(
        VISIT,
        { pregnancyId: pregnancy, visitedOn: '2025-09-02', gestationalWeek: 45 },
        'antenatal_visit',
        'INVALID_ANTENATAL_VISIT',
      ),
    ).toEqual(['input.gestationalWeek:GESTATIONAL_WEEK_OUT_OF_RANGE', 'input.visitedOn:VISIT_AFTER_DELIVERY']);
    expect(
      await rejected(
        VISIT,
        { pregnancyId: pregnancy, visitedOn: '2025-05-26', gestationalWeek: 35 },
        'antenatal_visit',
        'INVALID_ANTENATAL_VISIT',
      ),
    ).toEqual(['input.gestationalWeek:GESTATIONAL_WEEK_INCONSISTENT', 'input.visitedOn:VISIT_ALREADY_RECORDED']);
    expect(
      await rejected(
        VISIT,
        { pregnancyId: 'x', visitedOn: '2099-01-01', gestationalWeek: 20 },
        'antenatal_visit',
        'INVALID_ANTENATAL_VISIT',
      ),
    ).toEqual(['input.pregnancyId:UNKNOWN_PREGNANCY', 'input.visitedOn:DATE_IN_FUTURE']);
  });

  it('rejects a service outside the child’s 0-8 years or repeated the same day', async () => {
    const { id, birth_date } = (
      await queryRows(
        db(),
        z.object({ id: z.string(), birth_date: z.date() }),
        sql`SELECT id::text, birth_date FROM child_record WHERE birth_date < '2017-06-01' ORDER BY id LIMIT 1`,
      )
    )[0]!;
    const station = await stationId();
    const ninth = new Date(birth_date);
    ninth.setUTCFullYear(ninth.getUTCFullYear() + 9);
    const input = {
      childRecordId: id,
      kind: 'DEWORMING',
      servedOn: ninth.toISOString().slice(0, 10),
      stationId: station,
    };
    expect(await rejected(SERVE, input, 'health_service_contact', 'INVALID_HEALTH_SERVICE_CONTACT')).toEqual([
      'input.servedOn:CHILD_OLDER_THAN_8',
    ]);
    const young = (await register({ birthDate: BORN, sex: 'MALE', communeCode: COMMUNE })).data!.registerChild.id;
    const ok = { childRecordId: young, kind: 'DEWORMING', servedOn: '2025-08-01', stationId: station };
    expect((await call(SERVE, { input: ok })).errors).toBeUndefined();
    expect(await rejected(SERVE, ok, 'health_service_contact', 'INVALID_HEALTH_SERVICE_CONTACT')).toEqual([
      'input.kind:CONTACT_ALREADY_RECORDED',
    ]);
  });
});

describe('per-unit health figures', () => {
  type Ratio = { numerator: number; denominator: number };
  type Figures = Record<'fullyImmunisedUnder1' | 'antenatalCare4Visits' | 'childrenReachedByHealthServices', Ratio>;
  const selection = (year: number) =>
    `fullyImmunisedUnder1(year: ${year}) { numerator denominator } antenatalCare4Visits(year: ${year}) { numerator denominator } childrenReachedByHealthServices(year: ${year}) { numerator denominator }`;

  const ratio = z.object({ numerator: z.number(), denominator: z.number() });
  const pair = async (query: Sql): Promise<Ratio> => {
    const [row] = await queryRows(db(), ratio, query);
    return { numerator: row!.numerator, denominator: row!.denominator };
  };
  // Written apart from the subgraph's statements, over the raw tables; `where` selects the unit's rows.
  // Ages by the year field of age(), which is exact (comparing age() to an interval counts months as 30 days).
  const immunisedSql = (where: (alias: string) => Sql, year: number) =>
    pair(sql`
      SELECT count(*) FILTER (WHERE given @> ARRAY['BCG','HEPB_BIRTH','DPT_HEPB_HIB_1','DPT_HEPB_HIB_2','DPT_HEPB_HIB_3','OPV_1','OPV_2','OPV_3','IPV','MEASLES_1'])::int AS numerator,
             count(*)::int AS denominator
        FROM (SELECT coalesce((SELECT array_agg(i.vaccine::text) FROM immunisation i
                                WHERE i.child_record_id = c.id AND i.given_on < (c.birth_date + interval '12 months')::date), '{}') AS given
                FROM child_record c WHERE ${where('c')} AND extract(year FROM c.birth_date) = ${year - 1}) AS x`);
  const antenatalSql = (where: (alias: string) => Sql, year: number) =>
    pair(sql`
      SELECT count(*) FILTER (WHERE visits >= 4)::int AS numerator, count(*)::int AS denominator
        FROM (SELECT p.id, count(v.id) AS visits FROM pregnancy p LEFT JOIN antenatal_visit v ON v.pregnancy_id = p.id
               WHERE ${where('p')} AND extract(year FROM p.expected_delivery_date) = ${year} GROUP BY p.id) AS x`);
  const reachedSql = (where: (alias: string) => Sql, year: number) =>
    pair(sql`
      SELECT count(DISTINCT c.id) FILTER (WHERE s.id IS NOT NULL)::int AS numerator, count(DISTINCT c.id)::int AS denominator
        FROM child_record c
        LEFT JOIN health_service_contact s ON s.child_record_id = c.id AND extract(year FROM s.served_on) = ${year} AND date_part('year', age(s.served_on, c.birth_date)) < 9
       WHERE ${where('c')} AND c.birth_date <= ${`${year}-12-31`}::date AND date_part('year', age(${`${year}-01-01`}::date, c.birth_date)) < 9`);
  const independent = async (where: (alias: string) => Sql, year: number): Promise<Figures> => ({
    fullyImmunisedUnder1: await immunisedSql(where, year),
    antenatalCare4Visits: await antenatalSql(where, year),
    childrenReachedByHealthServices: await reachedSql(where, year),
  });
  const inProvince = (code: string, validFrom: string) => (a: string) =>
    sql`${column(a, 'province_code')} = ${code} AND ${column(a, 'province_valid_from')} = ${validFrom}::date`;
  const inCommune = (code: string, validFrom: string) => (a: string) =>
    sql`${column(a, 'commune_code')} = ${code} AND ${column(a, 'commune_valid_from')} = ${validFrom}::date`;

  it('equals independent SQL for the demo province and a commune, asked in one request, for 2024 and 2025', async () => {
    for (const year of [2024, 2025]) {
      const [province, commune] = await resolveUnitEntities<Figures>(
        subgraph.service.graphqlUrl,
        [
          { code: '20', validFrom: '2025-07-01' },
          { code: COMMUNE, validFrom: '2025-07-01' },
        ],
        selection(year),
      );
      expect(province).toEqual(await independent(inProvince('20', '2025-07-01'), year));
      expect(commune).toEqual(await independent(inCommune(COMMUNE, '2025-07-01'), year));
    }
  });

  it('has non-trivial demo shares: most but not all children immunised, reached, and pregnancies followed 4 times', async () => {
    const [province] = await resolveUnitEntities<Figures>(
      subgraph.service.graphqlUrl,
      [{ code: '20', validFrom: '2025-07-01' }],
      selection(2025),
    );
    for (const { numerator, denominator } of Object.values(province!)) {
      expect(denominator).toBeGreaterThan(300);
      expect(numerator / denominator).toBeGreaterThan(0.4);
      expect(numerator / denominator).toBeLessThan(0.95);
    }
  });

  it('rolls 2024 pregnancies up to their 2024 district and province', async () => {
    const { district_code } = (
      await queryRows(
        db(),
        z.object({ district_code: z.string() }),
        sql`SELECT district_code FROM pregnancy WHERE district_code IS NOT NULL AND recorded_by = 'demo-seed' ORDER BY district_code LIMIT 1`,
      )
    )[0]!;
    const [district, province] = await resolveUnitEntities<Pick<Figures, 'antenatalCare4Visits'>>(
      subgraph.service.graphqlUrl,
      [
        { code: district_code, validFrom: '2019-01-01' },
        { code: '20', validFrom: '2019-01-01' },
      ],
      'antenatalCare4Visits(year: 2024) { numerator denominator }',
    );
    const inDistrict = (a: string) =>
      sql`${column(a, 'district_code')} = ${district_code} AND ${column(a, 'district_valid_from')} = '2019-01-01'`;
    expect(district!.antenatalCare4Visits).toEqual(await antenatalSql(inDistrict, 2024));
    expect(province!.antenatalCare4Visits).toEqual(await antenatalSql(inProvince('20', '2019-01-01'), 2024));
    expect(district!.antenatalCare4Visits.denominator).toBeGreaterThan(0);
    expect(province!.antenatalCare4Visits.denominator).toBeGreaterThan(district!.antenatalCare4Visits.denominator);
  });

  it('counts a child given every dose due before the first birthday, and not one missing a dose', async () => {
    const figure = async () =>
      (
        await resolveUnitEntities<Pick<Figures, 'fullyImmunisedUnder1'>>(
          subgraph.service.graphqlUrl,
          [{ code: COMMUNE, validFrom: '2025-07-01' }],
          'fullyImmunisedUnder1(year: 2026) { numerator denominator }',
        )
      )[0]!.fullyImmunisedUnder1;
    const before = await figure();
    const station = await stationId();
    const [full, partial] = [
      (await register({ birthDate: '2025-01-20', sex: 'MALE', communeCode: COMMUNE })).data!.registerChild.id,
      (await register({ birthDate: '2025-01-20', sex: 'FEMALE', communeCode: COMMUNE })).data!.registerChild.id,
    ];
    const doses = {
      BCG: '2025-01-20',
      HEPB_BIRTH: '2025-01-20',
      DPT_HEPB_HIB_1: '2025-03-20',
      DPT_HEPB_HIB_2: '2025-04-21',
      DPT_HEPB_HIB_3: '2025-05-20',
      OPV_1: '2025-03-20',
      OPV_2: '2025-04-21',
      OPV_3: '2025-05-20',
      IPV: '2025-06-20',
      MEASLES_1: '2025-10-20',
    };
    for (const [vaccine, givenOn] of Object.entries(doses)) {
      expect(
        (await call(IMMUNISE, { input: { childRecordId: full, vaccine, givenOn, stationId: station } })).errors,
      ).toBeUndefined();
      if (vaccine !== 'IPV')
        expect(
          (await call(IMMUNISE, { input: { childRecordId: partial, vaccine, givenOn, stationId: station } })).errors,
        ).toBeUndefined();
    }
    expect(await figure()).toEqual({ numerator: before.numerator + 1, denominator: before.denominator + 2 });
  });

  it('costs one SQL statement for the tallied figures and one for antenatal care, for a province and all its communes, whose figures add up to the province’s', async () => {
    const statements: string[] = [];
    const counting = {
      $queryRaw: (query: Sql, ...values: unknown[]) => {
        statements.push(query.sql);
        return db().$queryRaw(query, ...values);
      },
    } as unknown as PrismaClient;
    const loaders = figureData(counting, undefined);
    const units = [
      { code: '20', validFrom: '2025-07-01' },
      ...communesOfProvince('20', '2025-07-01').map((c) => ({ code: c.code, validFrom: '2025-07-01' })),
    ];
    expect(units.length).toBeGreaterThan(60);
    type Unit = (typeof units)[number];
    const figures: ((unit: Unit) => Promise<{ numerator: number; denominator: number | null } | null>)[] = [
      (unit: Unit) => loaders.indicatorValue.load({ indicatorCode: 'UNDER1_FULLY_IMMUNISED', year: 2025, unit }),
      (unit: Unit) =>
        loaders.indicatorValue.load({ indicatorCode: 'CHILDREN_0_8_REACHED_HEALTH_SERVICES', year: 2025, unit }),
      (unit: Unit) => loaders.unitFigure('antenatalCare4Visits', 2025).load(unit),
    ];
    const all = await Promise.all(figures.map((figure) => Promise.all(units.map(figure))));
    for (const [province, ...communes] of all) {
      const sum = (key: 'numerator' | 'denominator') =>
        communes.reduce((total, ratio) => total + (ratio?.[key] ?? 0), 0);
      expect({ numerator: sum('numerator'), denominator: sum('denominator') }).toEqual({
        numerator: province!.numerator,
        denominator: province!.denominator,
      });
      expect(province!.denominator).toBeGreaterThan(0);
    }
    expect(statements).toHaveLength(2);
  });

  it('gives 0 / 0 for a unit without records and refuses a year outside the unit lists', async () => {
    const [empty] = await resolveUnitEntities<Figures>(
      subgraph.service.graphqlUrl,
      [{ code: '01', validFrom: '2025-07-01' }],
      selection(2025),
    );
    expect(empty).toEqual({
      fullyImmunisedUnder1: { numerator: 0, denominator: 0 },
      antenatalCare4Visits: { numerator: 0, denominator: 0 },
      childrenReachedByHealthServices: { numerator: 0, denominator: 0 },
    });
    const response = await call(
      `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "20", validFrom: "2025-07-01" }]) { ... on AdministrativeUnit { fullyImmunisedUnder1(year: 1990) { numerator } } } }`,
    );
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'year',
      reason: 'YEAR_OUT_OF_RANGE',
    });
  });
});
