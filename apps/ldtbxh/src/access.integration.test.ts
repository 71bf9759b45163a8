import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql, type Sql } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import { childKeyOf, DEVELOPMENT_CHILD_KEY_SECRET, type Identity } from '@ecd/service-kit';
import { readFixture, rowCount, subgraphCaller, useTestSubgraph } from '@ecd/test-kit';

import { seedDemo } from './demo/seed.js';
import { loadEnv, startLdtbxhSubgraph } from './server.js';

/**
 * Who may read and write what in the LĐTBXH subgraph, called as the gateway calls it for each demo
 * user: child protection and referrals for case workers of their province, plans and the reporting
 * cycle for the lead agency of theirs, and nothing written when a unit lies outside a person's territory.
 */
const subgraph = useTestSubgraph('ldtbxh_access', (env) => startLdtbxhSubgraph(loadEnv(env), { seedDemo }));

const rows = (table: string) => rowCount(subgraph.service.client, table);
/** The `status` of the row a statement selects. */
const statusOf = async (query: Sql) =>
  (await queryRows(subgraph.service.client, z.object({ status: z.string() }), query))[0]!.status;

/** A sector officer of LĐTBXH in Quảng Ninh: no demo user has that role. */
const OFFICER_QN: Identity = {
  userId: 'ldtbxh.quangninh',
  name: null,
  roles: ['sector-officer'],
  sector: 'LDTBXH',
  unitCode: '22',
  agency: 'SLDTBXH-22',
};
type User = string | Identity | null;

/** Calls the subgraph as a person (the admin when none is given). */
const as = subgraphCaller(() => subgraph.service.graphqlUrl, 'ldtbxh');
async function ok<T = Record<string, unknown>>(user: User, query: string, variables: Record<string, unknown> = {}) {
  const response = await as<T>(user, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** The refusal of a write: FORBIDDEN with `reason`, and every table of `tables` unchanged. */
async function refused(
  user: User,
  query: string,
  variables: Record<string, unknown>,
  tables: string[],
  reason: string,
) {
  const before = await Promise.all(tables.map(rows));
  const response = await as(user, query, variables);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason });
  expect(response.data ?? null).toBeNull();
  expect(await Promise.all(tables.map(rows))).toEqual(before);
  return response.errors![0]!;
}

const TODAY_LIST = '2025-07-01';
const DONG_KINH = '05977';
const QUANG_NINH = communesOfProvince('22', TODAY_LIST)[0]!.code;
const key = (personalId: string) => childKeyOf(personalId, DEVELOPMENT_CHILD_KEY_SECRET);

const CASE = `mutation($i: ProtectionCaseInput!) { recordProtectionCase(input: $i) { id status commune { code } } }`;
const ADVANCE = `mutation($id: ID!) { advanceProtectionCase(id: $id, status: SUPPORTED, support: "Tư vấn tâm lý") { status } }`;
const SPECIAL = `mutation($i: SpecialCircumstanceInput!) { recordSpecialCircumstance(input: $i) { id } }`;
const SPECIAL_STATUS = `mutation($id: ID!) { setSpecialCircumstanceStatus(id: $id, status: NO_LONGER_MANAGED) { status } }`;
const SUPPORT = `mutation($i: SocialSupportInput!) { recordSocialSupport(input: $i) { id } }`;
const SEND = `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id status } }`;
const ACCEPT = `mutation($id: ID!) { acceptReferral(id: $id) { status } }`;
const REFERRAL = `query($id: ID!) { referral(id: $id) { id status } }`;
const CHILD = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { key referrals { id } protectionCases { id } specialCircumstances { id } socialSupport { id } } } }`;

const protectionCase = (personalId: string, communeCode: string) => ({
  personalId,
  kind: 'NEGLECT',
  reportedOn: '2026-10-01',
  communeCode,
});
const special = (personalId: string, communeCode: string) => ({
  personalId,
  birthDate: '2021-01-01',
  sex: 'MALE',
  category: 'DISABLED',
  identifiedOn: '2026-09-01',
  communeCode,
});
const support = (personalId: string, communeCode: string) => ({
  personalId,
  kind: 'MONTHLY_ALLOWANCE',
  monthlyAmount: 500000,
  from: '2026-09-01',
  communeCode,
});
const referral = (personalId: string, unitCode: string) => ({
  personalId,
  unitCode,
  fromSector: 'HEALTH',
  fromService: 'Trạm y tế: khám sàng lọc',
  toSector: 'SOCIAL_AFFAIRS',
  toService: 'Bảo vệ trẻ em',
  reason: 'Nghi bị bỏ mặc',
});

/** Children with records made by the admin: one in Đông Kinh (Lạng Sơn), one in Quảng Ninh. */
const LANG_SON_CHILD = '020121000201';
const QUANG_NINH_CHILD = '022121000202';
const made = { langSonCase: '', langSonReferral: '', quangNinhCase: '', quangNinhSpecial: '', quangNinhReferral: '' };

beforeAll(async () => {
  made.langSonCase = (
    await ok<{ recordProtectionCase: { id: string } }>(null, CASE, { i: protectionCase(LANG_SON_CHILD, DONG_KINH) })
  ).recordProtectionCase.id;
  made.langSonReferral = (
    await ok<{ sendReferral: { id: string } }>(null, SEND, { i: referral(LANG_SON_CHILD, DONG_KINH) })
  ).sendReferral.id;
  made.quangNinhCase = (
    await ok<{ recordProtectionCase: { id: string } }>(null, CASE, { i: protectionCase(QUANG_NINH_CHILD, QUANG_NINH) })
  ).recordProtectionCase.id;
  made.quangNinhSpecial = (
    await ok<{ recordSpecialCircumstance: { id: string } }>(null, SPECIAL, { i: special(QUANG_NINH_CHILD, QUANG_NINH) })
  ).recordSpecialCircumstance.id;
  await ok(null, SUPPORT, { i: support(QUANG_NINH_CHILD, QUANG_NINH) });
  made.quangNinhReferral = (
    await ok<{ sendReferral: { id: string } }>(null, SEND, { i: referral(QUANG_NINH_CHILD, QUANG_NINH) })
  ).sendReferral.id;
});

describe('child protection (caseworker.langson)', () => {
  it('records and follows cases, special circumstances, support and referrals in its province', async () => {
    const recorded = await ok<{ recordProtectionCase: { id: string; commune: { code: string } } }>(
      'caseworker.langson',
      CASE,
      { i: protectionCase('020121000203', DONG_KINH) },
    );
    expect(recorded.recordProtectionCase.commune).toEqual({ code: DONG_KINH });
    await ok('caseworker.langson', ADVANCE, { id: recorded.recordProtectionCase.id });
    await ok('caseworker.langson', SPECIAL, { i: special('020121000203', DONG_KINH) });
    await ok('caseworker.langson', SUPPORT, { i: support('020121000203', DONG_KINH) });
    // From its own sector (social affairs), and it answers the referrals addressed to it.
    await ok('caseworker.langson', SEND, {
      i: { ...referral('020121000203', DONG_KINH), fromSector: 'SOCIAL_AFFAIRS', toSector: 'HEALTH' },
    });
    expect(
      (await ok<{ acceptReferral: { status: string } }>('caseworker.langson', ACCEPT, { id: made.langSonReferral }))
        .acceptReferral.status,
    ).toBe('ACCEPTED');
  });

  it('is refused, writing nothing, in another province', async () => {
    expect(
      (
        await refused(
          'caseworker.langson',
          CASE,
          { i: protectionCase('022121000204', QUANG_NINH) },
          ['protection_case'],
          'OUTSIDE_SCOPE',
        )
      ).extensions,
    ).toMatchObject({ field: 'input.communeCode' });
    await refused(
      'caseworker.langson',
      SPECIAL,
      { i: special('022121000204', QUANG_NINH) },
      ['special_circumstance_child'],
      'OUTSIDE_SCOPE',
    );
    await refused(
      'caseworker.langson',
      SUPPORT,
      { i: support('022121000204', QUANG_NINH) },
      ['social_support'],
      'OUTSIDE_SCOPE',
    );
    await refused(
      'caseworker.langson',
      SEND,
      { i: { ...referral('022121000204', '22'), fromSector: 'SOCIAL_AFFAIRS', toSector: 'HEALTH' } },
      ['referral', 'referral_event'],
      'OUTSIDE_SCOPE',
    );
  });

  it('cannot change a case, a record or a referral of another province', async () => {
    await refused('caseworker.langson', ADVANCE, { id: made.quangNinhCase }, ['protection_case'], 'OUTSIDE_SCOPE');
    expect(await statusOf(sql`SELECT status::text FROM protection_case WHERE id = ${made.quangNinhCase}::uuid`)).toBe(
      'OPEN',
    );
    await refused(
      'caseworker.langson',
      SPECIAL_STATUS,
      { id: made.quangNinhSpecial },
      ['special_circumstance_child'],
      'OUTSIDE_SCOPE',
    );
    expect(
      await statusOf(
        sql`SELECT status::text FROM special_circumstance_child WHERE id = ${made.quangNinhSpecial}::uuid`,
      ),
    ).toBe('MANAGED');
    await refused('caseworker.langson', ACCEPT, { id: made.quangNinhReferral }, ['referral_event'], 'OUTSIDE_SCOPE');
    expect(await statusOf(sql`SELECT status::text FROM referral WHERE id = ${made.quangNinhReferral}::uuid`)).toBe(
      'SENT',
    );
    expect(
      (await as('caseworker.langson', REFERRAL, { id: made.quangNinhReferral })).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_SCOPE' });
  });

  it('sees, through the Child entity, only the records of its province', async () => {
    const children = await ok<{
      _entities: {
        referrals: unknown[];
        protectionCases: { id: string }[];
        specialCircumstances: unknown[];
        socialSupport: unknown[];
      }[];
    }>('caseworker.langson', CHILD, {
      r: [
        { __typename: 'Child', key: key(LANG_SON_CHILD) },
        { __typename: 'Child', key: key(QUANG_NINH_CHILD) },
      ],
    });
    const [own, elsewhere] = children._entities;
    expect(own!.protectionCases.map((c) => c.id)).toContain(made.langSonCase);
    expect(own!.referrals).toHaveLength(1);
    expect(elsewhere).toEqual({
      key: key(QUANG_NINH_CHILD),
      referrals: [],
      protectionCases: [],
      specialCircumstances: [],
      socialSupport: [],
    });
    // The admin sees the Quảng Ninh child's records: the empty lists above were filtered, not missing.
    const all = await ok<{
      _entities: {
        referrals: unknown[];
        protectionCases: unknown[];
        specialCircumstances: unknown[];
        socialSupport: unknown[];
      }[];
    }>(null, CHILD, {
      r: [{ __typename: 'Child', key: key(QUANG_NINH_CHILD) }],
    });
    expect(all._entities[0]).toMatchObject({
      referrals: [{}],
      protectionCases: [{}],
      specialCircumstances: [{}],
      socialSupport: [{}],
    });
  });
});

describe('the sectors of a referral', () => {
  const cultureOfficer: Identity = {
    userId: 'culture.sectorless',
    name: null,
    roles: ['sector-officer'],
    sector: null,
    unitCode: '20',
    agency: null,
  };

  it('is sent only from the sender’s own sector (admin: any), writing nothing otherwise', async () => {
    const forged = await refused(
      'culture.langson',
      SEND,
      { i: referral('020121000206', DONG_KINH) },
      ['referral', 'referral_event'],
      'SECTOR_NOT_ALLOWED',
    );
    expect(forged.extensions).toMatchObject({ field: 'input.fromSector' });
    await refused(
      cultureOfficer,
      SEND,
      { i: { ...referral('020121000206', DONG_KINH), fromSector: 'CULTURE' } },
      ['referral', 'referral_event'],
      'SECTOR_NOT_ALLOWED',
    );
    await ok('culture.langson', SEND, { i: { ...referral('020121000206', DONG_KINH), fromSector: 'CULTURE' } });
    await ok('health.langson', SEND, { i: referral('020121000207', DONG_KINH) });
  });

  it('is accepted, declined or closed only by the sector it is addressed to', async () => {
    const { sendReferral } = await ok<{ sendReferral: { id: string } }>('health.langson', SEND, {
      i: referral('020121000208', DONG_KINH),
    });
    const error = await refused(
      'health.langson',
      ACCEPT,
      { id: sendReferral.id },
      ['referral_event'],
      'SECTOR_NOT_ALLOWED',
    );
    expect(error.extensions).toMatchObject({ field: 'id' });
    await refused(
      'health.langson',
      `mutation($id: ID!) { declineReferral(id: $id, reason: "Không phải của ngành") { status } }`,
      { id: sendReferral.id },
      ['referral_event'],
      'SECTOR_NOT_ALLOWED',
    );
    expect(await statusOf(sql`SELECT status::text FROM referral WHERE id = ${sendReferral.id}::uuid`)).toBe('SENT');
    expect(
      (await ok<{ acceptReferral: { status: string } }>('caseworker.langson', ACCEPT, { id: sendReferral.id }))
        .acceptReferral.status,
    ).toBe('ACCEPTED');
    await refused(
      'health.langson',
      `mutation($id: ID!) { recordReferralOutcome(id: $id, delivered: true) { status } }`,
      { id: sendReferral.id },
      ['referral_event'],
      'SECTOR_NOT_ALLOWED',
    );
    expect(await statusOf(sql`SELECT status::text FROM referral WHERE id = ${sendReferral.id}::uuid`)).toBe('ACCEPTED');
  });
});

describe('roles without child records', () => {
  it('keeps protection records and referrals from a viewer and the lead agency', async () => {
    const child = { r: [{ __typename: 'Child', key: key(QUANG_NINH_CHILD) }] };
    const viewer = await as('viewer.quangninh', CHILD, child);
    expect(viewer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    expect(JSON.stringify(viewer.data ?? null)).not.toContain(made.quangNinhCase);
    const lead = await as(
      'lead.langson',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { protectionCases { id } } } }`,
      { r: [{ __typename: 'Child', key: key(LANG_SON_CHILD) }] },
    );
    expect(lead.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    await refused(
      'viewer.quangninh',
      CASE,
      { i: protectionCase('022121000205', QUANG_NINH) },
      ['protection_case'],
      'ROLE_NOT_ALLOWED',
    );
    const referrals = await as(
      'viewer.quangninh',
      `{ administrativeUnit(code: "22") { name referrals { totalCount } } }`,
    );
    expect(referrals.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });
});

describe('aggregate figures and records of the sector (an LĐTBXH officer of Quảng Ninh)', () => {
  const FIGURE = `mutation($i: IndicatorValueInput!) { recordSocialAffairsIndicatorValue(input: $i) { id unitCode } }`;
  const SESSION = `mutation($i: ParentingSessionInput!) { recordParentingSession(input: $i) { id } }`;
  const figure = (unitCode: string) => ({
    indicatorCode: 'ECD_SERVICE_ACCESS_0_8',
    unitCode,
    year: 2025,
    numerator: 900,
    denominator: 1000,
    source: 'BC 5',
  });

  it('records figures and sessions in its province, and is refused, writing nothing, in another', async () => {
    await ok(OFFICER_QN, FIGURE, { i: figure('22') });
    await ok(OFFICER_QN, SESSION, {
      i: { communeCode: QUANG_NINH, heldOn: '2026-03-15', topic: 'Chơi cùng con', participants: 12 },
    });
    expect(
      (await refused(OFFICER_QN, FIGURE, { i: figure('20') }, ['indicator_value'], 'OUTSIDE_SCOPE')).extensions,
    ).toMatchObject({ field: 'input.unitCode' });
    await refused(
      OFFICER_QN,
      SESSION,
      { i: { communeCode: DONG_KINH, heldOn: '2026-03-15', topic: 'Chơi cùng con', participants: 12 } },
      ['parenting_session'],
      'OUTSIDE_SCOPE',
    );
    await refused(
      OFFICER_QN,
      `mutation($i: ReferralNetworkInput!) { recordReferralNetwork(input: $i) { id } }`,
      { i: { unitCode: DONG_KINH, year: 2025, working: true, assessedOn: '2025-12-15' } },
      ['referral_network'],
      'OUTSIDE_SCOPE',
    );
  });

  it('is refused figures of another sector’s officer, whatever the unit', async () => {
    await refused('health.langson', FIGURE, { i: figure('20') }, ['indicator_value'], 'SECTOR_NOT_ALLOWED');
  });

  it('lets a viewer read plans, and the progress of their own province only', async () => {
    const PROGRESS = `query($plan: String!) { plan(key: $plan) { title progress(year: 2024, byCommune: true) { unitCode value
      communes { unitCode value } communesBySex { unitCode } } } }`;
    const own = await as<{ plan: { title: string; progress: { communes: unknown[] }[] } }>(
      'viewer.quangninh',
      PROGRESS,
      { plan: 'quang-ninh-2019-de-an-1437' },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.plan.progress[0]!.communes.length).toBeGreaterThan(100);
    const other = await as<{ plan: { title: string } | null }>('viewer.quangninh', PROGRESS, {
      plan: 'lang-son-2019-de-an-1437',
    });
    expect(other.errors?.length).toBeGreaterThan(0);
    expect(new Set(other.errors!.map((e) => e.extensions?.reason))).toEqual(new Set(['OUTSIDE_SCOPE']));
    // The plan itself is a public document.
    expect(
      (
        await ok<{ plan: { title: string } }>(
          'viewer.quangninh',
          `{ plan(key: "lang-son-2019-de-an-1437") { title scope { code } } }`,
        )
      ).plan.title,
    ).toBeTruthy();
  });
});

describe('plans and the reporting cycle', () => {
  const IMPORT = `mutation($d: String!) { importPlan(document: $d) { key plan { id } } }`;
  const OPEN = `mutation($plan: String!) { openReportingPeriod(planKey: $plan, frequency: ANNUAL, year: 2030) { id } }`;
  const CREATE = `mutation($period: ID!, $reporter: String!, $values: [SubmissionValueInput!]!) { createSubmission(periodId: $period, reporterCode: $reporter, values: $values) { id status } }`;
  const SUBMIT = `mutation($id: ID!) { submitReport(submissionId: $id) { status } }`;
  const ACCEPT_REPORT = `mutation($id: ID!) { acceptReport(submissionId: $id) { status } }`;
  const PERIOD = `query($id: ID!) { reportingPeriod(id: $id) { id year expectedReports { reporter { code } } } }`;
  const value = (unitCode: string) => ({
    indicatorCode: 'ECD_SERVICE_ACCESS_0_8',
    unitCode,
    numerator: 900,
    denominator: 1000,
  });

  let fixture = '';
  /** The fixture moved to Quảng Ninh, or made a national scheme: plans outside Lạng Sơn's lead agency. */
  const inQuangNinh = (text: string, suffix: string) =>
    text
      .replace('key: lang-son-2026-test-fixture', `key: quang-ninh-2026-test-${suffix}`)
      .replace('number: 99/KH-TEST', `number: 98/KH-TEST-${suffix}`)
      .replace('issuer: UBND-20', 'issuer: UBND-22')
      .replace("unit: '20'", "unit: '22'")
      // A plan's agencies must belong to its scope (issue 10): Quảng Ninh's own departments.
      .replace(/\b([A-Z]+)-20\b/g, '$1-22');
  const national = (text: string) =>
    text
      .replace('key: lang-son-2026-test-fixture', 'key: national-2026-test')
      .replace('number: 99/KH-TEST', 'number: 97/KH-TEST')
      .replace('issuer: UBND-20', 'issuer: TTCP')
      .replace('level: PROVINCIAL', 'level: NATIONAL')
      .replace(/scope:\n {2}unit: '20'\n {2}asOf: 2026-01-15/, 'scope: null');

  beforeAll(async () => {
    fixture = await readFixture('plans/lang-son-2026-test-fixture.yaml');
    await ok(null, IMPORT, { d: inQuangNinh(fixture, 'a') });
  });

  it('lets the lead agency import a plan of its province and open its period, and nothing outside it', async () => {
    expect(national(fixture)).toContain('scope: null');
    expect(
      (
        await refused(
          'lead.langson',
          IMPORT,
          { d: inQuangNinh(fixture, 'b') },
          ['plan', 'plan_target'],
          'OUTSIDE_SCOPE',
        )
      ).extensions,
    ).toMatchObject({ field: 'document.scope' });
    await refused('lead.langson', IMPORT, { d: national(fixture) }, ['plan', 'plan_target'], 'OUTSIDE_SCOPE');
    await refused(
      'lead.langson',
      OPEN,
      { plan: 'quang-ninh-2026-test-a' },
      ['reporting_period', 'expected_report'],
      'OUTSIDE_SCOPE',
    );
    await refused('health.langson', IMPORT, { d: fixture }, ['plan'], 'ROLE_NOT_ALLOWED');
    await ok('lead.langson', IMPORT, { d: fixture });
    await ok('lead.langson', OPEN, { plan: 'lang-son-2026-test-fixture' });
  });

  it('lets a department report for its own agency and units, and the lead agency accept it', async () => {
    const { plan } = await ok<{ plan: { reportingPeriods: { id: string; year: number }[] } }>(
      'lead.langson',
      `{ plan(key: "lang-son-2026-test-fixture") { reportingPeriods { id year } } }`,
    );
    const period = plan.reportingPeriods.find((p) => p.year === 2030)!.id;

    expect(
      (
        await refused(
          'culture.langson',
          CREATE,
          { period, reporter: 'SVHTTDL-20', values: [value('22')] },
          ['submission', 'submission_value'],
          'OUTSIDE_SCOPE',
        )
      ).extensions,
    ).toMatchObject({
      field: 'values[0].unitCode',
    });
    expect(
      (
        await refused(
          'education.ninhbinh',
          CREATE,
          { period, reporter: 'SGDDT-20', values: [value('20')] },
          ['submission'],
          'OUTSIDE_SCOPE',
        )
      ).extensions,
    ).toMatchObject({ field: 'reporterCode' });
    // Another department of the same province: its report is its own, even inside the officer's territory.
    expect(
      (
        await refused(
          'culture.langson',
          CREATE,
          { period, reporter: 'SGDDT-20', values: [value('20')] },
          ['submission'],
          'OTHER_AGENCY',
        )
      ).extensions,
    ).toMatchObject({ field: 'reporterCode' });
    const education = await ok<{ createSubmission: { id: string } }>('lead.langson', CREATE, {
      period,
      reporter: 'SGDDT-20',
      values: [value('20')],
    });
    const UPDATE = `mutation($id: ID!) { updateDraft(submissionId: $id, values: [], proposals: "Sửa hộ") { id } }`;
    await refused(
      'culture.langson',
      UPDATE,
      { id: education.createSubmission.id },
      ['submission_value'],
      'OTHER_AGENCY',
    );
    await refused(
      'culture.langson',
      SUBMIT,
      { id: education.createSubmission.id },
      ['submission_transition'],
      'OTHER_AGENCY',
    );
    expect(
      await statusOf(sql`SELECT status::text FROM submission WHERE id = ${education.createSubmission.id}::uuid`),
    ).toBe('DRAFT');
    const draft = await ok<{ createSubmission: { id: string } }>('culture.langson', CREATE, {
      period,
      reporter: 'SVHTTDL-20',
      values: [value('20')],
    });
    await ok('culture.langson', SUBMIT, { id: draft.createSubmission.id });
    await refused(
      'culture.langson',
      ACCEPT_REPORT,
      { id: draft.createSubmission.id },
      ['submission_transition'],
      'ROLE_NOT_ALLOWED',
    );
    expect(
      (await ok<{ acceptReport: { status: string } }>('lead.langson', ACCEPT_REPORT, { id: draft.createSubmission.id }))
        .acceptReport.status,
    ).toBe('ACCEPTED');

    // The period can be read in Lạng Sơn, not from Quảng Ninh.
    await ok('viewer.quangninh', `{ plan(key: "quang-ninh-2026-test-a") { title } }`);
    expect(
      (await ok<{ reportingPeriod: { id: string } }>('health.langson', PERIOD, { id: period })).reportingPeriod.id,
    ).toBe(period);
    expect((await as('viewer.quangninh', PERIOD, { id: period })).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_SCOPE',
    });
    const periods = await as(
      'viewer.quangninh',
      `{ plan(key: "lang-son-2026-test-fixture") { reportingPeriods { year } } }`,
    );
    expect(periods.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_SCOPE' });
  });
});
