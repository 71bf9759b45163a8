import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { column, queryRows, sql, type Sql } from '@ecd/database';
import { childKeyOf, DEVELOPMENT_CHILD_KEY_SECRET } from '@ecd/service-kit';
import { graphqlClient, rowCount, useTestSubgraph } from '@ecd/test-kit';

import { createDataLayer } from './data/index.js';
import { seedDemo } from './demo/seed.js';
import { loadEnv, startLdtbxhSubgraph } from './server.js';

const subgraph = useTestSubgraph('ldtbxh_records', (env) => startLdtbxhSubgraph(loadEnv(env), { seedDemo }), {
  PERSONAL_ID_LOOKUPS_PER_WINDOW: '1000',
});
const client = graphqlClient(() => subgraph.service.graphqlUrl);
const { query } = client;
const ok = <T = Record<string, unknown>>(q: string, variables?: Record<string, unknown>) => client.ok<T>(q, variables);
const errorOf = (q: string, variables?: Record<string, unknown>) => client.errorOf(q, variables);
const db = () => subgraph.service.client;
const count = (table: string) => rowCount(db(), table);
/** The rows of a statement as they come: for checks that there are none, or of what they hold. */
const anyRows = (query: Sql) => queryRows(db(), z.record(z.string(), z.unknown()), query);
type Problem = { field: string; reason: string; message: string };
const problemsOf = (error: { extensions?: Record<string, unknown> }) =>
  (error.extensions!.problems as Problem[]).map((p) => `${p.field}:${p.reason}`).sort();

// Independent definitions of the computed indicators over the raw tables, for a 2024 province or
// district code `unit` and 2024: units found through the administrative_unit tree, not the location columns.
const IN_UNIT_2024 = (alias: string, unit: string) => sql`(
  ${column(alias, 'valid_from')} = DATE '2019-01-01'
  AND (${unit} IN (${column(alias, 'code')}, ${column(alias, 'parent_code')})
       OR ${unit} IN (SELECT p.parent_code FROM administrative_unit p WHERE p.code = ${column(alias, 'parent_code')} AND p.valid_from = ${column(alias, 'parent_valid_from')})))`;
const INDEPENDENT: Record<string, (unit: string) => Sql> = {
  PARENTING_PROGRAMME_PARTICIPANTS: (unit) => sql`
    SELECT sum(s.participants)::float8 AS numerator, NULL::float8 AS denominator
      FROM parenting_session s
      JOIN administrative_unit c ON c.code = s.commune_code AND c.valid_from = s.commune_valid_from
      JOIN administrative_unit d ON d.code = c.parent_code AND d.valid_from = c.parent_valid_from
     WHERE c.valid_from = DATE '2019-01-01' AND (d.code = ${unit} OR d.parent_code = ${unit})
       AND s.held_on BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'`,
  ECD_PILOT_MODELS: (unit) => sql`
    SELECT count(*)::float8 AS numerator, NULL::float8 AS denominator
      FROM pilot_model m
      JOIN administrative_unit u ON u.code = m.unit_code AND u.valid_from = m.unit_valid_from
      LEFT JOIN administrative_unit p ON p.code = u.parent_code AND p.valid_from = u.parent_valid_from
     WHERE u.valid_from = DATE '2019-01-01' AND ${unit} IN (u.code, u.parent_code, p.parent_code)
       AND m.started_on <= DATE '2024-12-31' AND (m.ended_on IS NULL OR m.ended_on >= DATE '2024-01-01')`,
  REFERRAL_NETWORK_COMMUNES: (unit) => sql`
    WITH communes AS (
      SELECT c.code, c.valid_from FROM administrative_unit c
        JOIN administrative_unit d ON d.code = c.parent_code AND d.valid_from = c.parent_valid_from
       WHERE c.level = 'COMMUNE' AND c.valid_from = DATE '2019-01-01' AND (d.code = ${unit} OR d.parent_code = ${unit}))
    SELECT (SELECT count(*) FROM referral_network n JOIN communes c ON c.code = n.unit_code AND c.valid_from = n.unit_valid_from
             WHERE n.year = 2024 AND n.working)::float8 AS numerator,
           (SELECT count(*) FROM communes)::float8 AS denominator`,
  REFERRAL_NETWORK_DISTRICTS: (unit) => sql`
    SELECT count(*) FILTER (WHERE n.working)::float8 AS numerator,
           (SELECT count(*) FROM administrative_unit d
             WHERE d.level = 'DISTRICT' AND d.valid_from = DATE '2019-01-01' AND (d.code = ${unit} OR d.parent_code = ${unit}))::float8 AS denominator
      FROM referral_network n
      JOIN administrative_unit d ON d.code = n.unit_code AND d.valid_from = n.unit_valid_from
     WHERE n.year = 2024 AND d.level = 'DISTRICT' AND d.valid_from = DATE '2019-01-01' AND (d.code = ${unit} OR d.parent_code = ${unit})`,
};
const ratio = z.object({ numerator: z.number().nullable(), denominator: z.number().nullable() });
const independent = async (indicator: string, unitCode: string) =>
  (await queryRows(db(), ratio, INDEPENDENT[indicator]!(unitCode)))[0]!;

const PROGRESS = `query($plan: String!, $unit: String) { plan(key: $plan) { progress(year: 2024, unitCode: $unit) {
  indicatorCode unitCode value status figure { numerator denominator reported } } } }`;
type Progress = {
  plan: {
    progress: {
      indicatorCode: string;
      unitCode: string;
      value: number | null;
      status: string;
      figure: { numerator: number; denominator: number | null; reported: boolean } | null;
    }[];
  };
};

describe('computed indicators', () => {
  it('shows the demo referral networks of 2024: Lạng Sơn’s districts behind, Dầu Tiếng’s communes reached, as the raw tables give them', async () => {
    const langSon = (await ok<Progress>(PROGRESS, { plan: 'lang-son-2019-de-an-1437' })).plan.progress.find(
      (p) => p.indicatorCode === 'REFERRAL_NETWORK_DISTRICTS',
    )!;
    const expectedLangSon = await independent('REFERRAL_NETWORK_DISTRICTS', '20');
    expect(expectedLangSon).toEqual({ numerator: 4, denominator: 11 });
    expect(langSon.figure).toEqual({ ...expectedLangSon, reported: false });
    expect(langSon.status).toBe('BEHIND');

    const dauTieng = (await ok<Progress>(PROGRESS, { plan: 'dau-tieng-2019-de-an-1437' })).plan.progress.find(
      (p) => p.indicatorCode === 'REFERRAL_NETWORK_COMMUNES',
    )!;
    const expectedDauTieng = await independent('REFERRAL_NETWORK_COMMUNES', '720');
    expect(expectedDauTieng).toEqual({ numerator: 12, denominator: 12 });
    expect(dauTieng.figure).toEqual({ ...expectedDauTieng, reported: false });
    expect(dauTieng).toMatchObject({ value: 100, status: 'REACHED' });
    // The computed indicators no longer come from demo aggregates.
    expect(
      await anyRows(
        sql`SELECT 1 FROM indicator_value WHERE indicator_code LIKE 'REFERRAL_NETWORK_%' AND indicator_code <> 'REFERRAL_NETWORK_EDU_FACILITIES'`,
      ),
    ).toEqual([]);
  });

  it('computes what is recorded through GraphQL, at commune, district and province level, as the independent SQL', async () => {
    const communes = (
      await queryRows(
        db(),
        z.object({ code: z.string() }),
        sql`SELECT code FROM administrative_unit WHERE parent_code = '721' AND valid_from = DATE '2019-01-01' ORDER BY code LIMIT 3`,
      )
    ).map((r) => r.code);
    for (const [i, code] of communes.entries()) {
      await ok(`mutation($i: ReferralNetworkInput!) { recordReferralNetwork(input: $i) { id } }`, {
        i: { unitCode: code, year: 2024, working: i !== 1, assessedOn: '2025-01-10' },
      });
      await ok(`mutation($i: ParentingSessionInput!) { recordParentingSession(input: $i) { id participants } }`, {
        i: { communeCode: code, heldOn: `2024-0${i + 3}-15`, topic: 'Chơi cùng con', participants: 10 + i },
      });
    }
    // A second assessment of the same commune and year replaces the first.
    await ok(`mutation($i: ReferralNetworkInput!) { recordReferralNetwork(input: $i) { working } }`, {
      i: { unitCode: communes[1], year: 2024, working: false, assessedOn: '2025-02-10', note: 'đánh giá lại' },
    });
    // A session of another year and a model that ended before 2024 do not count in 2024.
    await ok(`mutation($i: ParentingSessionInput!) { recordParentingSession(input: $i) { id } }`, {
      i: { communeCode: communes[0], heldOn: '2023-12-31', topic: 'Năm trước', participants: 99 },
    });
    await ok(`mutation($i: PilotModelInput!) { recordPilotModel(input: $i) { id unit { code level } } }`, {
      i: { name: 'Mô hình huyện', kind: 'REFERRAL_CONNECTION', unitCode: '721', startedOn: '2023-05-01' },
    });
    await ok(`mutation($i: PilotModelInput!) { recordPilotModel(input: $i) { id } }`, {
      i: {
        name: 'Mô hình xã',
        kind: 'PARENTING_CLUB',
        unitCode: communes[2],
        startedOn: '2024-06-01',
        endedOn: '2025-06-01',
      },
    });
    await ok(`mutation($i: PilotModelInput!) { recordPilotModel(input: $i) { id } }`, {
      i: { name: 'Đã kết thúc', kind: 'OTHER', unitCode: communes[0], startedOn: '2021-06-01', endedOn: '2023-12-31' },
    });

    const loaders = createDataLayer(subgraph.service.client, DEVELOPMENT_CHILD_KEY_SECRET, {
      figureCache: undefined,
      figureReader: subgraph.service.client,
    }).progress;
    const province = (
      await queryRows(
        db(),
        z.object({ parent_code: z.string() }),
        sql`SELECT parent_code FROM administrative_unit WHERE code = '721' AND valid_from = DATE '2019-01-01'`,
      )
    )[0]!.parent_code;
    const indicators = Object.keys(INDEPENDENT);
    const units = ['721', province, '20', '720'];
    const keys = indicators.flatMap((indicatorCode) =>
      units.map((code) => ({ indicatorCode, year: 2024, unit: { code, validFrom: '2019-01-01' } })),
    );
    const figures = await loaders.indicatorValue.loadMany(keys);
    for (const [i, key] of keys.entries()) {
      const expected = await independent(key.indicatorCode, key.unit.code);
      const figure = figures[i] as { numerator: number; denominator: number | null; reported: boolean } | null;
      const label = `${key.indicatorCode} in ${key.unit.code}`;
      // No located row gives no figure (count(*) over none is 0 in the independent SQL).
      if (
        expected.numerator === null ||
        (key.indicatorCode === 'ECD_PILOT_MODELS' && expected.numerator === 0) ||
        (key.indicatorCode.startsWith('REFERRAL') &&
          (
            await anyRows(
              sql`SELECT 1 FROM referral_network n JOIN administrative_unit u ON u.code = n.unit_code AND u.valid_from = n.unit_valid_from WHERE n.year = 2024 AND u.level = ${key.indicatorCode.endsWith('COMMUNES') ? 'COMMUNE' : 'DISTRICT'}::"UnitLevel" AND ${IN_UNIT_2024('u', key.unit.code)}`,
            )
          ).length === 0)
      ) {
        expect(figure, label).toBeNull();
      } else {
        expect(figure, label).toMatchObject({
          numerator: expected.numerator,
          denominator: expected.denominator,
          reported: false,
        });
      }
    }
    // Hand-checked for Bến Cát: communes 2 of 3 assessed working after the re-assessment, over all its communes.
    const benCat = figures[indicators.indexOf('REFERRAL_NETWORK_COMMUNES') * units.length] as {
      numerator: number;
      denominator: number;
    };
    expect(benCat.numerator).toBe(2);
    expect(figures[indicators.indexOf('PARENTING_PROGRAMME_PARTICIPANTS') * units.length]).toMatchObject({
      numerator: 10 + 11 + 12,
    });
    expect(figures[indicators.indexOf('ECD_PILOT_MODELS') * units.length]).toMatchObject({ numerator: 2 });
    // After the reform communes lie directly below the province: the working ones of Lạng Sơn's 65 communes.
    await ok(`mutation($i: ReferralNetworkInput!) { recordReferralNetwork(input: $i) { id } }`, {
      i: { unitCode: '05977', year: 2025, working: true, assessedOn: '2025-12-15' },
    });
    const [working2025] = await queryRows(
      db(),
      z.object({ n: z.number() }),
      sql`SELECT count(*)::int AS n FROM referral_network WHERE year = 2025 AND working AND commune_code IS NOT NULL
            AND province_code = '20' AND province_valid_from = DATE '2025-07-01'`,
    );
    expect(working2025!.n).toBeGreaterThan(0);
    expect(
      await loaders.indicatorValue.load({
        indicatorCode: 'REFERRAL_NETWORK_COMMUNES',
        year: 2025,
        unit: { code: '20', validFrom: '2025-07-01' },
      }),
    ).toMatchObject({ numerator: working2025!.n, denominator: 65 });
    // A commune's own figure: 1 of 1.
    expect(
      await loaders.indicatorValue.load({
        indicatorCode: 'REFERRAL_NETWORK_COMMUNES',
        year: 2024,
        unit: { code: communes[0]!, validFrom: '2019-01-01' },
      }),
    ).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('sums the latest version of each reported figure lying in the unit asked, at every level, whatever other provinces report', async () => {
    const RECORD = `mutation($i: IndicatorValueInput!) { recordSocialAffairsIndicatorValue(input: $i) { id } }`;
    const indicatorCode = 'ECD_SERVICE_ACCESS_0_8';
    const communesOf = async (district: string) =>
      (
        await queryRows(
          db(),
          z.object({ code: z.string(), parent: z.string() }),
          sql`SELECT c.code, d.parent_code AS parent FROM administrative_unit c
                JOIN administrative_unit d ON d.code = c.parent_code AND d.valid_from = c.parent_valid_from
               WHERE c.parent_code = ${district} AND c.valid_from = DATE '2019-01-01' ORDER BY c.code LIMIT 2`,
        )
      ).map((r) => ({ code: r.code, province: r.parent }));
    const [a, b] = await communesOf('721');
    const [elsewhere] = await communesOf('180');
    const record = (unitCode: string, numerator: number, source: string) =>
      ok(RECORD, { i: { indicatorCode, unitCode, year: 2024, numerator, denominator: 500, source } });
    await record(a!.code, 100, 'BC 7');
    // A correction is the figure's next version; a second source is a figure of its own.
    await record(a!.code, 120, 'BC 7');
    await record(a!.code, 30, 'BC 8');
    await record(b!.code, 200, 'BC 7');
    await record('721', 40, 'BC 9');
    // Another province's figures, one of them corrected, count nowhere in these units.
    await record(elsewhere!.code, 300, 'BC 7');
    await record(elsewhere!.code, 310, 'BC 7');

    const independent = async (unit: string) =>
      (
        await queryRows(
          db(),
          ratio,
          sql`SELECT sum(v.numerator)::float8 AS numerator, sum(v.denominator)::float8 AS denominator
                FROM (SELECT DISTINCT ON (commune_code, district_code, province_code, province_valid_from, source) *
                        FROM indicator_value WHERE indicator_code = ${indicatorCode} AND year = 2024
                       ORDER BY commune_code, district_code, province_code, province_valid_from, source, version DESC) v
               WHERE ${unit} IN (v.commune_code, v.district_code, v.province_code)`,
        )
      )[0]!;
    const loaders = createDataLayer(subgraph.service.client, DEVELOPMENT_CHILD_KEY_SECRET, {
      figureCache: undefined,
      figureReader: subgraph.service.client,
    }).progress;
    const units = [a!.code, b!.code, '721', a!.province, elsewhere!.code, elsewhere!.province];
    const figures = await loaders.indicatorValue.loadMany(
      units.map((code) => ({ indicatorCode, year: 2024, unit: { code, validFrom: '2019-01-01' } })),
    );
    expect(
      await anyRows(
        sql`SELECT version, numerator::float8 AS numerator FROM indicator_value
             WHERE indicator_code = ${indicatorCode} AND year = 2024 AND commune_code = ${a!.code} AND source = 'BC 7' ORDER BY version`,
      ),
    ).toEqual([
      { version: 1, numerator: 100 },
      { version: 2, numerator: 120 },
    ]);
    for (const [i, unit] of units.entries())
      expect(figures[i], unit).toMatchObject({ ...(await independent(unit)), reported: true });
    // Checked by hand: the commune's corrected figure beside its second source, and its district's own
    // (the other province's commune also holds a demo figure).
    expect(figures[0]).toMatchObject({ numerator: 120 + 30, denominator: 1000 });
    expect(figures[2]).toMatchObject({ numerator: 120 + 30 + 200 + 40, denominator: 2000 });
  });

  it('refuses aggregate figures for the computed indicators, and still takes them for the reported ones', async () => {
    const RECORD = `mutation($i: IndicatorValueInput!) { recordSocialAffairsIndicatorValue(input: $i) { id } }`;
    const error = await errorOf(RECORD, {
      i: { indicatorCode: 'ECD_PILOT_MODELS', unitCode: '20', year: 2024, numerator: 3, source: 'BC 1' },
    });
    expect(problemsOf(error)).toEqual(['input.indicatorCode:INDICATOR_COMPUTED']);
    await ok(RECORD, {
      i: { indicatorCode: 'ECD_NEEDS_MONITORING_IN_PLACE', unitCode: '720', year: 2024, numerator: 1, source: 'BC 2' },
    });
  });
});

const SEND = `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id status child { key } unit { code validFrom } events { status by reason } } }`;
const ACCEPT = `mutation($id: ID!) { acceptReferral(id: $id) { status } }`;
const DECLINE = `mutation($id: ID!, $r: String!) { declineReferral(id: $id, reason: $r) { status } }`;
const OUTCOME = `mutation($id: ID!, $d: Boolean!, $r: String) { recordReferralOutcome(id: $id, delivered: $d, reason: $r) { status events { status reason } } }`;
const eventsOf = async (id: string) =>
  (
    await queryRows(
      db(),
      z.object({ status: z.string(), reason: z.string().nullable() }),
      sql`SELECT status::text, reason FROM referral_event WHERE referral_id = ${id}::uuid ORDER BY at, id`,
    )
  ).map((e) => e.status);
const referral = (personalId: string) => ({
  personalId,
  unitCode: '05977',
  fromSector: 'HEALTH',
  fromService: 'Trạm y tế: khám sàng lọc',
  toSector: 'SOCIAL_AFFAIRS',
  toService: 'Bảo vệ trẻ em',
  reason: 'Nghi bị bỏ mặc',
});
type Sent = {
  sendReferral: {
    id: string;
    status: string;
    child: { key: string };
    unit: { code: string; validFrom: string };
    events: { status: string; by: string }[];
  };
};

describe('referrals between sectors', () => {
  it('goes SENT → ACCEPTED → DELIVERED, keeps every step, and refuses any other step without writing', async () => {
    const sent = (await ok<Sent>(SEND, { i: referral('020111222333') })).sendReferral;
    expect(sent).toMatchObject({
      status: 'SENT',
      unit: { code: '05977', validFrom: '2025-07-01' },
      events: [{ status: 'SENT', by: 'admin' }],
    });
    expect(sent.child.key).toBe(childKeyOf('020111222333', DEVELOPMENT_CHILD_KEY_SECRET));
    expect(JSON.stringify(await anyRows(sql`SELECT * FROM referral WHERE id = ${sent.id}::uuid`))).not.toContain(
      '020111222333',
    );

    const early = await errorOf(OUTCOME, { id: sent.id, d: true });
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFERRAL_TRANSITION_NOT_ALLOWED' });
    expect(await eventsOf(sent.id)).toEqual(['SENT']);

    expect((await ok<{ acceptReferral: { status: string } }>(ACCEPT, { id: sent.id })).acceptReferral.status).toBe(
      'ACCEPTED',
    );
    for (const [q, v] of [
      [ACCEPT, { id: sent.id }],
      [DECLINE, { id: sent.id, r: 'muộn' }],
    ] as const) {
      expect((await errorOf(q, v)).extensions).toMatchObject({ code: 'CONFLICT' });
    }
    expect(await eventsOf(sent.id)).toEqual(['SENT', 'ACCEPTED']);
    const done = (
      await ok<{ recordReferralOutcome: { status: string; events: { status: string }[] } }>(OUTCOME, {
        id: sent.id,
        d: true,
      })
    ).recordReferralOutcome;
    expect(done.events.map((e) => e.status)).toEqual(['SENT', 'ACCEPTED', 'DELIVERED']);
    expect((await errorOf(OUTCOME, { id: sent.id, d: false, r: 'x' })).extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await eventsOf(sent.id)).toEqual(['SENT', 'ACCEPTED', 'DELIVERED']);
    expect(
      (
        await queryRows(
          db(),
          z.object({ status: z.string() }),
          sql`SELECT status::text FROM referral WHERE id = ${sent.id}::uuid`,
        )
      )[0]!.status,
    ).toBe('DELIVERED');
  });

  it('wants a reason to decline or to record a service not delivered, and writes nothing without it', async () => {
    const { id } = (await ok<Sent>(SEND, { i: referral('020111222444') })).sendReferral;
    expect((await errorOf(DECLINE, { id, r: '  ' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await eventsOf(id)).toEqual(['SENT']);
    await ok(ACCEPT, { id });
    expect((await errorOf(OUTCOME, { id, d: false })).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const notDelivered = (
      await ok<{ recordReferralOutcome: { status: string; events: { status: string; reason: string | null }[] } }>(
        OUTCOME,
        { id, d: false, r: 'Gia đình chuyển đi' },
      )
    ).recordReferralOutcome;
    expect(notDelivered.events.at(-1)).toEqual({ status: 'NOT_DELIVERED', reason: 'Gia đình chuyển đi' });
  });

  it('lets only one of two concurrent transitions win', async () => {
    for (let round = 0; round < 3; round++) {
      const { id } = (await ok<Sent>(SEND, { i: referral(`02011122255${round}`) })).sendReferral;
      const results = await Promise.all([
        query(ACCEPT, { id }),
        query(DECLINE, { id, r: 'Hết chỗ' }),
        query(ACCEPT, { id }),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
      expect(await eventsOf(id)).toHaveLength(2);
    }
  });

  it('shows a child’s referrals and records by key, and lists a unit’s referrals page by page and by status', async () => {
    const child = await ok<{
      childByPersonalId: { key: string; referrals: { status: string }[]; specialCircumstances: unknown[] };
    }>(
      `{ childByPersonalId(personalId: "020111222333", purpose: "Kiểm tra chuyển tuyến") { key referrals { status } specialCircumstances { id } } }`,
    );
    expect(child.childByPersonalId).toEqual({
      key: childKeyOf('020111222333', DEVELOPMENT_CHILD_KEY_SECRET),
      referrals: [{ status: 'DELIVERED' }],
      specialCircumstances: [],
    });
    const entities = await ok<{
      _entities: { key: string; referrals: unknown[]; protectionCases: unknown[]; socialSupport: unknown[] }[];
    }>(
      `{ _entities(representations: [{ __typename: "Child", key: "unknown-key" }]) { ... on Child { key referrals { id } protectionCases { id } socialSupport { id } } } }`,
    );
    expect(entities._entities).toEqual([{ key: 'unknown-key', referrals: [], protectionCases: [], socialSupport: [] }]);
    expect(
      (await errorOf(`{ childByPersonalId(personalId: "12345", purpose: "Kiểm tra") { key } }`)).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PERSONAL_ID' });

    const PAGE = `query($after: String, $status: ReferralStatus) { administrativeUnit(code: "20", asOf: "2026-01-01") {
      referrals(first: 7, after: $after, status: $status) { totalCount nodes { id status } pageInfo { hasNextPage endCursor } } } }`;
    type Page = {
      administrativeUnit: {
        referrals: {
          totalCount: number;
          nodes: { id: string; status: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    for (const status of [null, 'SENT']) {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const page: Page['administrativeUnit']['referrals'] = (await ok<Page>(PAGE, { after, status }))
          .administrativeUnit.referrals;
        total = page.totalCount;
        seen.push(...page.nodes.map((n) => n.id));
        if (status) expect(page.nodes.every((n) => n.status === status)).toBe(true);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      const expected = await queryRows(
        db(),
        z.object({ id: z.string() }),
        sql`SELECT id::text FROM referral WHERE province_code = '20' AND province_valid_from = DATE '2025-07-01' AND (${status}::text IS NULL OR status::text = ${status}) ORDER BY created_at DESC, id DESC`,
      );
      expect(seen).toEqual(expected.map((r) => r.id));
      expect(total).toBe(expected.length);
      expect(total).toBeGreaterThan(status ? 1 : 20);
    }
  });
});

describe('bad input writes nothing and lists every problem', () => {
  it('a child in special circumstances', async () => {
    const before = await count('special_circumstance_child');
    const error = await errorOf(
      `mutation($i: SpecialCircumstanceInput!) { recordSpecialCircumstance(input: $i) { id } }`,
      {
        i: {
          personalId: '12-34',
          birthDate: '2014-01-01',
          sex: 'MALE',
          category: 'DISABLED',
          identifiedOn: '2099-01-01',
          communeCode: '99999',
        },
      },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SPECIAL_CIRCUMSTANCE' });
    expect(problemsOf(error)).toEqual([
      'input.birthDate:CHILD_OLDER_THAN_8',
      'input.communeCode:UNKNOWN_UNIT_CODE',
      'input.identifiedOn:DATE_IN_FUTURE',
      'input.personalId:INVALID_PERSONAL_ID',
    ]);
    const tooOld = await errorOf(
      `mutation($i: SpecialCircumstanceInput!) { recordSpecialCircumstance(input: $i) { id } }`,
      {
        i: {
          personalId: '020123456789',
          birthDate: '2016-01-01',
          sex: 'MALE',
          category: 'DISABLED',
          identifiedOn: '2025-09-01',
          communeCode: '25783',
        },
      },
    );
    expect(problemsOf(tooOld)).toEqual([
      'input.birthDate:CHILD_OLDER_THAN_8',
      'input.communeCode:UNIT_NOT_VALID_ON_DATE',
    ]);
    expect(await count('special_circumstance_child')).toBe(before);
    const good = await ok<{
      recordSpecialCircumstance: { categoryLabel: string; commune: { code: string }; child: { key: string } };
    }>(
      `mutation($i: SpecialCircumstanceInput!) { recordSpecialCircumstance(input: $i) { categoryLabel commune { code } child { key } } }`,
      {
        i: {
          personalId: '020123456789',
          birthDate: '2020-01-01',
          sex: 'FEMALE',
          category: 'DISABLED',
          identifiedOn: '2025-09-01',
          communeCode: '05977',
        },
      },
    );
    expect(good.recordSpecialCircumstance).toMatchObject({
      categoryLabel: 'Trẻ em khuyết tật',
      commune: { code: '05977' },
    });
    const { id } = (
      await queryRows(
        db(),
        z.object({ id: z.string() }),
        sql`SELECT id::text FROM special_circumstance_child WHERE child_key = ${good.recordSpecialCircumstance.child.key}`,
      )
    )[0]!;
    const ended = await ok<{ setSpecialCircumstanceStatus: { status: string } }>(
      `mutation($id: ID!) { setSpecialCircumstanceStatus(id: $id, status: NO_LONGER_MANAGED) { status } }`,
      { id },
    );
    expect(ended.setSpecialCircumstanceStatus.status).toBe('NO_LONGER_MANAGED');
    const child = await ok<{ childByPersonalId: { specialCircumstances: { status: string; category: string }[] } }>(
      `{ childByPersonalId(personalId: "020123456789", purpose: "Kiểm tra hồ sơ") { specialCircumstances { status category } } }`,
    );
    expect(child.childByPersonalId.specialCircumstances).toEqual([
      { status: 'NO_LONGER_MANAGED', category: 'DISABLED' },
    ]);
    expect(await count('special_circumstance_child')).toBe(before + 1);
  });

  it('referrals, sessions, support, models, networks and cases', async () => {
    const tables = [
      'referral',
      'referral_event',
      'parenting_session',
      'social_support',
      'pilot_model',
      'referral_network',
      'protection_case',
    ];
    const before = await Promise.all(tables.map(count));
    const cases: [string, Record<string, unknown>, string[]][] = [
      [
        `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id } }`,
        { i: { ...referral('02011122233'), toSector: 'HEALTH', reason: '' } },
        ['input.personalId:INVALID_PERSONAL_ID', 'input.reason:REQUIRED', 'input.toSector:SAME_SECTOR'],
      ],
      [
        `mutation($i: ParentingSessionInput!) { recordParentingSession(input: $i) { id } }`,
        { i: { communeCode: '05977', heldOn: '2099-01-01', topic: 'x', participants: 0 } },
        ['input.heldOn:DATE_IN_FUTURE', 'input.participants:PARTICIPANTS_NOT_POSITIVE'],
      ],
      [
        `mutation($i: SocialSupportInput!) { recordSocialSupport(input: $i) { id } }`,
        {
          i: {
            personalId: '020123456789',
            kind: 'OTHER',
            monthlyAmount: -5,
            from: '2025-09-01',
            to: '2025-08-01',
            communeCode: '05977',
          },
        },
        ['input.monthlyAmount:NEGATIVE_AMOUNT', 'input.to:END_BEFORE_START'],
      ],
      [
        `mutation($i: PilotModelInput!) { recordPilotModel(input: $i) { id } }`,
        { i: { name: ' ', kind: 'OTHER', unitCode: '720', startedOn: '2025-08-01', endedOn: '2025-07-01' } },
        ['input.endedOn:END_BEFORE_START', 'input.name:REQUIRED', 'input.unitCode:UNIT_NOT_VALID_ON_DATE'],
      ],
      [
        `mutation($i: ReferralNetworkInput!) { recordReferralNetwork(input: $i) { id } }`,
        { i: { unitCode: '20', year: 2024, working: true, assessedOn: '2023-01-01' } },
        ['input.assessedOn:ASSESSED_BEFORE_YEAR', 'input.unitCode:UNIT_LEVEL_NOT_ALLOWED'],
      ],
      [
        `mutation($i: ProtectionCaseInput!) { recordProtectionCase(input: $i) { id } }`,
        {
          i: {
            personalId: '020123456789',
            birthDate: '2025-10-01',
            kind: 'NEGLECT',
            reportedOn: '2025-09-01',
            communeCode: '00000',
          },
        },
        ['input.communeCode:UNKNOWN_UNIT_CODE', 'input.reportedOn:BEFORE_BIRTH'],
      ],
    ];
    for (const [mutation, variables, expected] of cases) {
      const error = await errorOf(mutation, variables);
      expect(error.extensions!.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/không có dữ liệu nào được ghi/);
      expect(problemsOf(error)).toEqual(expected);
    }
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('a protection case goes open → supported (with the support) → closed, one step at a time', async () => {
    const { recordProtectionCase: created } = await ok<{ recordProtectionCase: { id: string; status: string } }>(
      `mutation($i: ProtectionCaseInput!) { recordProtectionCase(input: $i) { id status } }`,
      { i: { personalId: '020123456789', kind: 'NEGLECT', reportedOn: '2025-09-01', communeCode: '05977' } },
    );
    expect(created.status).toBe('OPEN');
    const ADVANCE = `mutation($id: ID!, $s: ProtectionCaseStatus!, $support: String) { advanceProtectionCase(id: $id, status: $s, support: $support) { status support } }`;
    expect((await errorOf(ADVANCE, { id: created.id, s: 'CLOSED' })).extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await errorOf(ADVANCE, { id: created.id, s: 'SUPPORTED' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(
      (
        await ok<{ advanceProtectionCase: unknown }>(ADVANCE, {
          id: created.id,
          s: 'SUPPORTED',
          support: 'Tư vấn tâm lý',
        })
      ).advanceProtectionCase,
    ).toEqual({ status: 'SUPPORTED', support: 'Tư vấn tâm lý' });
    expect(
      (await ok<{ advanceProtectionCase: unknown }>(ADVANCE, { id: created.id, s: 'CLOSED' })).advanceProtectionCase,
    ).toEqual({ status: 'CLOSED', support: 'Tư vấn tâm lý' });
  });
});
