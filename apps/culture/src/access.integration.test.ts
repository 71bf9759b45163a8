import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { identifier, queryRows, sql } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import { subgraphCaller, useTestSubgraph } from '@ecd/test-kit';

import { loadEnv, startCultureSubgraph } from './server.js';

/**
 * Who may read and write what in the culture subgraph, called as the gateway calls it for each demo
 * user: the provincial department in its province, refused (and nothing written) elsewhere.
 */
const subgraph = useTestSubgraph('culture-access', (env) => startCultureSubgraph(loadEnv(env)));

const rows = async (table: string) =>
  (
    await queryRows(
      subgraph.service.client,
      z.object({ n: z.number() }),
      sql`SELECT count(*)::int AS n FROM ${identifier(table)}`,
    )
  )[0]!.n;

/** Calls the subgraph as a demo user (the admin when no user is given). */
const call = subgraphCaller(() => subgraph.service.graphqlUrl, 'culture');
const as = <T = Record<string, unknown>>(user: string | null, query: string, input?: Record<string, unknown>) =>
  call<T>(user, query, input ? { input } : {});

/** The refusal of a write: FORBIDDEN with `reason`, and `table` unchanged. */
async function refused(user: string, query: string, input: Record<string, unknown>, table: string, reason: string) {
  const before = await rows(table);
  const response = await as(user, query, input);
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason });
  expect(response.data ?? null).toBeNull();
  expect(await rows(table)).toBe(before);
  return response.errors![0]!;
}

const TODAY_LIST = '2025-07-01';
const LANG_SON = '05977';
const QUANG_NINH = communesOfProvince('22', TODAY_LIST)[0]!.code;

const REGISTER = `mutation($input: CulturalFacilityInput!) { registerCulturalFacility(input: $input) { id commune { code } } }`;
const ACTIVITY = `mutation($input: ChildActivityInput!) { recordChildActivity(input: $input) { id commune { code } facility { id } } }`;
const SESSION = `mutation($input: OutreachInput!) { recordFamilyEducationSession(input: $input) { id unit { code } } }`;
const CAMPAIGN = `mutation($input: OutreachInput!) { recordCommunicationCampaign(input: $input) { id unit { code } } }`;
const UNIT = (code: string, selection: string) =>
  `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "${code}", validFrom: "${TODAY_LIST}" }]) { ... on AdministrativeUnit { code ${selection} } } }`;

const facility = (communeCode: string, name: string) => ({
  name,
  kind: 'LIBRARY',
  communeCode,
  openedOn: '2025-09-01',
  servesChildren: true,
});
const activity = (place: { facilityId?: string; communeCode?: string }) => ({
  kind: 'READING',
  title: 'Ngày hội đọc sách',
  heldOn: '2026-06-01',
  childrenCount: 40,
  ...place,
});
const outreach = (unitCode: string) => ({
  unitCode,
  from: '2026-03-01',
  to: '2026-03-31',
  channel: 'MEETING',
  topic: 'Nuôi dạy con',
  peopleReached: 120,
  parentsReached: 80,
});

/** A facility of Quảng Ninh, registered by the admin: outside the Lạng Sơn department's province. */
let quangNinhFacility = '';

beforeAll(async () => {
  const response = await as<{ registerCulturalFacility: { id: string } }>(
    null,
    REGISTER,
    facility(QUANG_NINH, 'Thư viện Quảng Ninh'),
  );
  expect(response.errors).toBeUndefined();
  quangNinhFacility = response.data!.registerCulturalFacility.id;
});

describe('the provincial culture department (culture.langson)', () => {
  it('registers facilities and records activities and outreach in its province', async () => {
    const registered = await as<{ registerCulturalFacility: { id: string } }>(
      'culture.langson',
      REGISTER,
      facility(LANG_SON, 'Thư viện Đông Kinh'),
    );
    expect(registered.errors).toBeUndefined();
    const id = registered.data!.registerCulturalFacility.id;
    const held = await as('culture.langson', ACTIVITY, activity({ facilityId: id }));
    expect(held.errors).toBeUndefined();
    expect((await as('culture.langson', SESSION, outreach('20'))).errors).toBeUndefined();
    const listed = await as<{ _entities: { culturalFacilities: { nodes: { id: string }[] } }[] }>(
      'culture.langson',
      UNIT('20', 'culturalFacilities { nodes { id } }'),
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!._entities[0]!.culturalFacilities.nodes.map((f) => f.id)).toContain(id);
  });

  it('is refused, writing nothing, in another province', async () => {
    expect(
      (
        await refused(
          'culture.langson',
          REGISTER,
          facility(QUANG_NINH, 'Nhà văn hóa mới'),
          'cultural_facility',
          'OUTSIDE_SCOPE',
        )
      ).extensions,
    ).toMatchObject({ field: 'input.communeCode' });
    expect(
      (
        await refused(
          'culture.langson',
          ACTIVITY,
          activity({ facilityId: quangNinhFacility }),
          'child_activity',
          'OUTSIDE_SCOPE',
        )
      ).extensions,
    ).toMatchObject({ field: 'input.facilityId' });
    await refused(
      'culture.langson',
      ACTIVITY,
      activity({ communeCode: QUANG_NINH }),
      'child_activity',
      'OUTSIDE_SCOPE',
    );
    expect(
      (await refused('culture.langson', CAMPAIGN, outreach('22'), 'outreach', 'OUTSIDE_SCOPE')).extensions,
    ).toMatchObject({ field: 'input.unitCode' });
  });

  it('reads the facilities and figures of its province only', async () => {
    const other = await as('culture.langson', UNIT('22', 'culturalFacilityCount culturalFacilities { nodes { id } }'));
    expect(other.errors?.length).toBeGreaterThan(0);
    expect(new Set(other.errors!.map((e) => e.extensions?.reason))).toEqual(new Set(['OUTSIDE_SCOPE']));
    expect(JSON.stringify(other.data)).not.toContain(quangNinhFacility);
  });
});

describe('other roles and sectors', () => {
  it('refuses culture writes to another sector’s officer, the lead agency and a viewer', async () => {
    await refused(
      'health.langson',
      REGISTER,
      facility(LANG_SON, 'Sân chơi Y tế'),
      'cultural_facility',
      'SECTOR_NOT_ALLOWED',
    );
    await refused('lead.langson', SESSION, outreach('20'), 'outreach', 'ROLE_NOT_ALLOWED');
    await refused(
      'viewer.quangninh',
      REGISTER,
      facility(QUANG_NINH, 'Sân chơi Hạ Long'),
      'cultural_facility',
      'ROLE_NOT_ALLOWED',
    );
  });

  it('lets a viewer read the figures of their province, and not another’s', async () => {
    const own = await as(
      'viewer.quangninh',
      UNIT(
        '22',
        'culturalFacilityCount childActivities(year: 2026) { activityCount } communicationReach(year: 2026) { count }',
      ),
    );
    expect(own.errors).toBeUndefined();
    const other = await as('viewer.quangninh', UNIT('20', 'culturalFacilityCount'));
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_SCOPE' });
  });
});
