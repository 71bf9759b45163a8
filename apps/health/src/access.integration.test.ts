import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import { childKeyOf } from '@ecd/service-kit';
import { rowCount, subgraphCaller, useTestSubgraph } from '@ecd/test-kit';

import { seedDemo } from './demo/seed.js';
import { loadEnv, startHealthSubgraph } from './server.js';

/**
 * Who may read and write what in the health subgraph, called as the gateway calls it for each demo
 * user: the sector's staff in their own unit, refused (and nothing written) outside it, and child
 * records closed to other roles and sectors.
 */
const SECRET = 'integration-test-child-key-secret-0123456789';
const subgraph = useTestSubgraph('health-access', (env) => startHealthSubgraph(loadEnv(env), { seedDemo }), {
  CHILD_KEY_SECRET: SECRET,
});

const db = () => subgraph.service.client;
const rows = (table: string) => rowCount(db(), table);

/** Calls the subgraph as a demo user (the admin when no user is given). */
const as = subgraphCaller(() => subgraph.service.graphqlUrl, 'health');

/** The refusal of a write: FORBIDDEN with `reason`, and `table` unchanged. */
async function refused(user: string, query: string, variables: Record<string, unknown>, table: string, reason: string) {
  const before = await rows(table);
  const response = await as(user, query, variables);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason });
  expect(response.data ?? null).toBeNull();
  expect(await rows(table)).toBe(before);
  return response.errors![0]!;
}

const DONG_KINH = '05977';
const TODAY_LIST = '2025-07-01';
/** Another commune of Lạng Sơn (outside the station's), and one of Quảng Ninh (outside the province). */
const OTHER_LANG_SON = communesOfProvince('20', TODAY_LIST).find((c) => c.code !== DONG_KINH)!.code;
const QUANG_NINH = communesOfProvince('22', TODAY_LIST)[0]!.code;

const REGISTER = `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id commune { code } } }`;
const IMMUNISE = `mutation($input: ImmunisationInput!) { recordImmunisation(input: $input) { id vaccine } }`;
const SERVE = `mutation($input: HealthServiceContactInput!) { recordHealthServiceContact(input: $input) { id } }`;
const GROWTH = `mutation($input: GrowthMeasurementInput!) { recordGrowthMeasurement(input: $input) { id commune { code } } }`;
const PREGNANCY = `mutation($input: PregnancyInput!) { registerPregnancy(input: $input) { id } }`;
const VISIT = `mutation($input: AntenatalVisitInput!) { recordAntenatalVisit(input: $input) { id } }`;
const CHILD = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { key healthRecord { id commune { code } } immunisations { vaccine } growthMeasurements { id } healthServiceContacts { kind } } } }`;
const UNIT = (code: string, field = 'healthStationCount') =>
  `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "${code}", validFrom: "${TODAY_LIST}" }]) { ... on AdministrativeUnit { code ${field} } } }`;

const BORN = '2025-01-10';
const child = (communeCode: string, personalId?: string) => ({
  personalId,
  birthDate: BORN,
  sex: 'FEMALE',
  communeCode,
});
const measurement = (communeCode: string) => ({
  sex: 'FEMALE',
  birthDate: '2024-06-15',
  measuredOn: '2025-12-20',
  weightKg: 8.75,
  lengthHeightCm: 74.3,
  measured: 'LYING',
  communeCode,
});

const stationIn = async (commune: string) =>
  (
    await queryRows(
      db(),
      z.object({ id: z.string() }),
      sql`SELECT id::text FROM health_station WHERE commune_code = ${commune} AND commune_valid_from = ${TODAY_LIST}::date LIMIT 1`,
    )
  )[0]!.id;

/** Children registered by the admin: one in Đông Kinh, one elsewhere in Lạng Sơn, one in Quảng Ninh. */
const IDS = { dongKinh: '020325000101', otherLangSon: '020325000102', quangNinh: '022325000103' };
const records: Record<keyof typeof IDS, string> = { dongKinh: '', otherLangSon: '', quangNinh: '' };
let station = '';

beforeAll(async () => {
  station = await stationIn(DONG_KINH);
  for (const [name, commune] of [
    ['dongKinh', DONG_KINH],
    ['otherLangSon', OTHER_LANG_SON],
    ['quangNinh', QUANG_NINH],
  ] as const) {
    const response = await as<{ registerChild: { id: string } }>(null, REGISTER, { input: child(commune, IDS[name]) });
    expect(response.errors).toBeUndefined();
    records[name] = response.data!.registerChild.id;
    // A dose for each, so that an empty answer means "filtered", not "nothing recorded".
    const dose = await as(null, IMMUNISE, {
      input: { childRecordId: records[name], vaccine: 'BCG', givenOn: BORN, stationId: station },
    });
    expect(dose.errors).toBeUndefined();
  }
});

describe('health staff of a commune (station.dongkinh)', () => {
  it('registers children, records doses, services and measurements in its commune', async () => {
    const registered = await as<{ registerChild: { id: string; commune: { code: string } } }>(
      'station.dongkinh',
      REGISTER,
      { input: child(DONG_KINH) },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerChild.commune).toEqual({ code: DONG_KINH });
    const id = registered.data!.registerChild.id;
    expect(
      (
        await as('station.dongkinh', IMMUNISE, {
          input: { childRecordId: id, vaccine: 'BCG', givenOn: BORN, stationId: station },
        })
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await as('station.dongkinh', SERVE, {
          input: { childRecordId: id, kind: 'DEWORMING', servedOn: '2026-01-05', stationId: station },
        })
      ).errors,
    ).toBeUndefined();
    expect((await as('station.dongkinh', GROWTH, { input: measurement(DONG_KINH) })).errors).toBeUndefined();
  });

  it('is refused, writing nothing, in another commune of the province', async () => {
    const error = await refused(
      'station.dongkinh',
      REGISTER,
      { input: child(OTHER_LANG_SON) },
      'child_record',
      'OUTSIDE_SCOPE',
    );
    expect(error.extensions).toMatchObject({ field: 'input.communeCode' });
    await refused(
      'station.dongkinh',
      GROWTH,
      { input: measurement(OTHER_LANG_SON) },
      'growth_measurement',
      'OUTSIDE_SCOPE',
    );
    await refused(
      'station.dongkinh',
      PREGNANCY,
      { input: { communeCode: OTHER_LANG_SON, expectedDeliveryDate: '2027-03-01', motherBirthYear: 1995 } },
      'pregnancy',
      'OUTSIDE_SCOPE',
    );
  });

  it('cannot record for a child registered elsewhere, even at its own station', async () => {
    const other = records.otherLangSon;
    const error = await refused(
      'station.dongkinh',
      IMMUNISE,
      { input: { childRecordId: other, vaccine: 'HEPB_BIRTH', givenOn: BORN, stationId: station } },
      'immunisation',
      'OUTSIDE_SCOPE',
    );
    expect(error.extensions).toMatchObject({ field: 'input.childRecordId' });
    await refused(
      'station.dongkinh',
      SERVE,
      { input: { childRecordId: other, kind: 'DEWORMING', servedOn: '2026-01-05', stationId: station } },
      'health_service_contact',
      'OUTSIDE_SCOPE',
    );
    // Linking a measurement to that child (even one taken in its own commune) is refused before the record is compared.
    await refused(
      'station.dongkinh',
      GROWTH,
      { input: { ...measurement(DONG_KINH), childRecordId: other } },
      'growth_measurement',
      'OUTSIDE_SCOPE',
    );
  });

  it('cannot record a dose or a service of its own child at a station outside its commune', async () => {
    const elsewhere = await stationIn(OTHER_LANG_SON);
    const own = records.dongKinh;
    const error = await refused(
      'station.dongkinh',
      IMMUNISE,
      { input: { childRecordId: own, vaccine: 'HEPB_BIRTH', givenOn: BORN, stationId: elsewhere } },
      'immunisation',
      'OUTSIDE_SCOPE',
    );
    expect(error.extensions).toMatchObject({ field: 'input.stationId' });
    const served = await refused(
      'station.dongkinh',
      SERVE,
      { input: { childRecordId: own, kind: 'DEWORMING', servedOn: '2026-01-05', stationId: elsewhere } },
      'health_service_contact',
      'OUTSIDE_SCOPE',
    );
    expect(served.extensions).toMatchObject({ field: 'input.stationId' });
  });

  it('cannot add a visit to a pregnancy followed elsewhere', async () => {
    const pregnancy = await as<{ registerPregnancy: { id: string } }>(null, PREGNANCY, {
      input: { communeCode: OTHER_LANG_SON, expectedDeliveryDate: '2027-03-01', motherBirthYear: 1995 },
    });
    expect(pregnancy.errors).toBeUndefined();
    await refused(
      'station.dongkinh',
      VISIT,
      { input: { pregnancyId: pregnancy.data!.registerPregnancy.id, visitedOn: '2026-11-20', gestationalWeek: 24 } },
      'antenatal_visit',
      'OUTSIDE_SCOPE',
    );
  });

  it('reads the Child entity of a child of its commune, and nothing of a child registered elsewhere', async () => {
    const keys = [IDS.dongKinh, IDS.otherLangSon].map((id) => ({ __typename: 'Child', key: childKeyOf(id, SECRET) }));
    const asAdmin = await as<{ _entities: { healthRecord: unknown; immunisations: unknown[] }[] }>(null, CHILD, {
      r: keys,
    });
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data!._entities.map((c) => c.immunisations.length)).toEqual([1, 1]);

    const asStation = await as<{
      _entities: {
        healthRecord: { id: string } | null;
        immunisations: unknown[];
        growthMeasurements: unknown[];
        healthServiceContacts: unknown[];
      }[];
    }>('station.dongkinh', CHILD, { r: keys });
    expect(asStation.errors).toBeUndefined();
    const [own, elsewhere] = asStation.data!._entities;
    expect(own).toMatchObject({
      healthRecord: { id: records.dongKinh, commune: { code: DONG_KINH } },
      immunisations: [{ vaccine: 'BCG' }],
    });
    expect(elsewhere).toEqual({
      key: keys[1]!.key,
      healthRecord: null,
      immunisations: [],
      growthMeasurements: [],
      healthServiceContacts: [],
    });
  });
});

describe('the provincial health department (health.langson)', () => {
  it('writes anywhere in Lạng Sơn', async () => {
    expect((await as('health.langson', REGISTER, { input: child(OTHER_LANG_SON) })).errors).toBeUndefined();
    expect(
      (
        await as('health.langson', IMMUNISE, {
          input: { childRecordId: records.otherLangSon, vaccine: 'HEPB_BIRTH', givenOn: BORN, stationId: station },
        })
      ).errors,
    ).toBeUndefined();
  });

  it('is refused, writing nothing, in Quảng Ninh', async () => {
    await refused('health.langson', REGISTER, { input: child(QUANG_NINH) }, 'child_record', 'OUTSIDE_SCOPE');
    await refused(
      'health.langson',
      IMMUNISE,
      { input: { childRecordId: records.quangNinh, vaccine: 'HEPB_BIRTH', givenOn: BORN, stationId: station } },
      'immunisation',
      'OUTSIDE_SCOPE',
    );
    const key = { __typename: 'Child', key: childKeyOf(IDS.quangNinh, SECRET) };
    const response = await as<{ _entities: { healthRecord: unknown; immunisations: unknown[] }[] }>(
      'health.langson',
      CHILD,
      { r: [key] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0]).toMatchObject({ healthRecord: null, immunisations: [] });
  });

  it('reads the figures of its province, not those of another', async () => {
    const own = await as<{ _entities: { healthStationCount: number }[] }>('health.langson', UNIT('20'));
    expect(own.errors).toBeUndefined();
    expect(own.data!._entities[0]!.healthStationCount).toBeGreaterThan(0);
    const other = await as('health.langson', UNIT('22'));
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_SCOPE' });
  });
});

describe('other roles and sectors', () => {
  it('keeps child records from a viewer, even of their own province, and lets them read its figures', async () => {
    const key = { __typename: 'Child', key: childKeyOf(IDS.quangNinh, SECRET) };
    const records_ = await as('viewer.quangninh', CHILD, { r: [key] });
    expect(records_.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect(JSON.stringify(records_.data ?? null)).not.toContain(records.quangNinh);
    await refused('viewer.quangninh', REGISTER, { input: child(QUANG_NINH) }, 'child_record', 'ROLE_NOT_ALLOWED');
    const figures = await as('viewer.quangninh', UNIT('22'));
    expect(figures.errors).toBeUndefined();
  });

  it('keeps health records from another sector’s officer and from the lead agency', async () => {
    const key = { __typename: 'Child', key: childKeyOf(IDS.dongKinh, SECRET) };
    const education = await as('education.ninhbinh', CHILD, { r: [key] });
    expect(education.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECTOR_NOT_ALLOWED' });
    await refused('culture.langson', REGISTER, { input: child(DONG_KINH) }, 'child_record', 'SECTOR_NOT_ALLOWED');
    const lead = await as('lead.langson', CHILD, { r: [key] });
    expect(lead.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });

  it('lets a facility list be read in the territory only', async () => {
    const list = (code: string) => UNIT(code, 'healthStations(first: 2) { nodes { name } }');
    expect((await as('station.dongkinh', list('20'))).errors?.[0]?.extensions).toMatchObject({
      reason: 'OUTSIDE_SCOPE',
    });
    expect((await as('health.langson', list('20'))).errors).toBeUndefined();
  });
});
