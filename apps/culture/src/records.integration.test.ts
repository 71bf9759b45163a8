import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql, type Sql, type SqlQueryable } from '@ecd/database';
import { rowCount as countRows, graphql, resolveUnitEntities, useTestSubgraph } from '@ecd/test-kit';

import { unitFigureLoaders as createLoaders } from './data/unit-figures.js';
import { seedDemo } from './demo/seed.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { loadEnv, startCultureSubgraph } from './server.js';

const subgraph = useTestSubgraph('culture-records', (env) => startCultureSubgraph(loadEnv(env), { seedDemo }));

/** The first row of a query, every column a number (null: 0). */
const numbers = z.record(
  z.string(),
  z.union([z.number(), z.bigint(), z.string(), z.null()]).transform((v) => (v == null ? 0 : Number(v))),
);
const firstRow = async <T = Record<string, number>>(query: Sql) => {
  const rows = await queryRows(subgraph.service.client, numbers, query);
  return rows[0]! as T;
};
const rowCount = (table: string) => countRows(subgraph.service.client, table);

interface Problem {
  field: string;
  reason: string;
  message: string;
}
const problemsOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  return response.errors![0]!.extensions!.problems as Problem[];
};
const reasons = (problems: Problem[]) => problems.map((p) => `${p.field}:${p.reason}`).sort();

const REGISTER = `mutation($input: CulturalFacilityInput!) {
  registerCulturalFacility(input: $input) { id name kind kindLabel servesChildren openedOn commune { code validFrom } district { code validFrom } province { code validFrom } }
}`;
const ACTIVITY = `mutation($input: ChildActivityInput!) {
  recordChildActivity(input: $input) { id kind kindLabel title heldOn childrenCount aged0To2 aged3To5 aged6To8 facility { id name } commune { code validFrom } }
}`;
const SESSION = `mutation($input: OutreachInput!) {
  recordFamilyEducationSession(input: $input) { id kind kindLabel channel channelLabel topic from to peopleReached parentsReached unit { code validFrom } }
}`;
const CAMPAIGN = `mutation($input: OutreachInput!) {
  recordCommunicationCampaign(input: $input) { id kind channel from to peopleReached parentsReached unit { code validFrom } }
}`;

const call = <T = Record<string, Record<string, unknown>>>(query: string, input: Record<string, unknown>) =>
  graphql<T>(subgraph.service.graphqlUrl, query, { input }, { 'x-ecd-user-id': 'test-officer' });

describe('registerCulturalFacility', () => {
  it('registers a facility in a post-reform commune, and one in a 2024 commune with its district', async () => {
    const now = await call(REGISTER, {
      name: 'Thư viện thiếu nhi Đông Kinh',
      kind: 'LIBRARY',
      communeCode: '05977',
      openedOn: '2020-05-19',
      servesChildren: true,
    });
    expect(now.errors).toBeUndefined();
    expect(now.data!.registerCulturalFacility).toMatchObject({
      kind: 'LIBRARY',
      kindLabel: 'Thư viện',
      openedOn: '2020-05-19',
      commune: { code: '05977', validFrom: '2025-07-01' },
      district: null,
      province: { code: '20', validFrom: '2025-07-01' },
    });
    const old = await call(REGISTER, {
      name: 'Khu vui chơi Vĩnh Trại',
      kind: 'CHILDREN_PLAYGROUND',
      communeCode: '05977',
      communeAsOf: '2024-06-01',
      servesChildren: true,
    });
    expect(old.errors).toBeUndefined();
    expect(old.data!.registerCulturalFacility).toMatchObject({
      commune: { code: '05977', validFrom: '2019-01-01' },
      district: { code: '178', validFrom: '2019-01-01' },
    });
    const stored = await firstRow<{ n: number }>(
      sql`SELECT count(*) AS n FROM cultural_facility WHERE district_code = '178' AND recorded_by = 'admin'`,
    );
    expect(stored.n).toBe(1);
  });

  it('lists every problem, in Vietnamese, and writes nothing', async () => {
    const before = await rowCount('cultural_facility');
    const response = await call(REGISTER, {
      name: '  ',
      kind: 'LIBRARY',
      communeCode: '99999',
      openedOn: '2099-01-01',
      communeAsOf: '2099-01-01',
      servesChildren: false,
    });
    const problems = problemsOf(response);
    expect(reasons(problems)).toEqual([
      'input.communeAsOf:DATE_IN_FUTURE',
      'input.communeCode:UNKNOWN_UNIT_CODE',
      'input.name:REQUIRED',
      'input.openedOn:DATE_IN_FUTURE',
    ]);
    expect(problems.find((p) => p.field === 'input.name')!.message).toBe('Tên thiết chế không được để trống.');
    const duplicate = await call(REGISTER, {
      name: 'Thư viện thiếu nhi Đông Kinh',
      kind: 'LIBRARY',
      communeCode: '05977',
      servesChildren: true,
    });
    expect(reasons(problemsOf(duplicate))).toEqual(['input.name:DUPLICATE_FACILITY_NAME']);
    expect(await rowCount('cultural_facility')).toBe(before);
  });

  it('registers one of two facilities with the same name sent at the same time, and refuses the other as a duplicate', async () => {
    const input = { name: 'Nhà văn hóa khối 1', kind: 'CULTURAL_HOUSE', communeCode: '05977', servesChildren: false };
    const responses = await Promise.all([call(REGISTER, input), call(REGISTER, input)]);
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(reasons(problemsOf(responses.find((r) => r.errors)!))).toEqual(['input.name:DUPLICATE_FACILITY_NAME']);
    expect(
      (
        await firstRow<{ n: number }>(
          sql`SELECT count(*) AS n FROM cultural_facility WHERE name = 'Nhà văn hóa khối 1'`,
        )
      ).n,
    ).toBe(1);
  });

  it('lists a unit’s facilities by name, page by page, as SQL selects them', async () => {
    const LIST = `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on AdministrativeUnit {
      culturalFacilities(first: 3, after: $after, childFriendly: true) { totalCount nodes { id name servesChildren } pageInfo { hasNextPage endCursor } } } } }`;
    type Page = {
      _entities: {
        culturalFacilities: {
          totalCount: number;
          nodes: { id: string; name: string; servesChildren: boolean }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }[];
    };
    const reps = [{ __typename: 'AdministrativeUnit', code: '20', validFrom: '2025-07-01' }];
    const names: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const page: Awaited<ReturnType<typeof graphql<Page>>> = await graphql<Page>(subgraph.service.graphqlUrl, LIST, {
        reps,
        after,
      });
      expect(page.errors).toBeUndefined();
      const list = page.data!._entities[0]!.culturalFacilities;
      expect(list.nodes.every((f) => f.servesChildren)).toBe(true);
      names.push(...list.nodes.map((f) => f.name));
      totalCount = list.totalCount;
      after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
    } while (after && names.length < 60);
    const expectedNames = await queryRows(
      subgraph.service.client,
      z.object({ name: z.string() }),
      sql`SELECT name FROM cultural_facility WHERE province_code = '20' AND province_valid_from = '2025-07-01' AND serves_children ORDER BY name, id LIMIT 60`,
    );
    expect(names).toEqual(expectedNames.map((r) => r.name));
    expect(totalCount).toBe(
      (
        await firstRow<{ n: number }>(
          sql`SELECT count(*) AS n FROM cultural_facility WHERE province_code = '20' AND province_valid_from = '2025-07-01' AND serves_children`,
        )
      ).n,
    );
  });
});

describe('recordChildActivity', () => {
  it('records an activity at a facility, located in its commune, and one in a 2024 commune', async () => {
    const facility = await call<{ registerCulturalFacility: { id: string } }>(REGISTER, {
      name: 'Sân chơi Hoàng Văn Thụ',
      kind: 'CHILDREN_PLAYGROUND',
      communeCode: '05977',
      openedOn: '2025-08-01',
      servesChildren: true,
    });
    const facilityId = facility.data!.registerCulturalFacility.id;
    const atFacility = await call(ACTIVITY, {
      kind: 'PLAY',
      title: 'Vui chơi cuối tuần',
      heldOn: '2026-03-07',
      facilityId,
      childrenCount: 60,
      aged0To2: 5,
      aged3To5: 25,
      aged6To8: 20,
    });
    expect(atFacility.errors).toBeUndefined();
    expect(atFacility.data!.recordChildActivity).toMatchObject({
      kindLabel: 'Vui chơi',
      facility: { id: facilityId },
      commune: { code: '05977', validFrom: '2025-07-01' },
      aged6To8: 20,
    });
    const old = await call(ACTIVITY, {
      kind: 'READING',
      title: 'Đọc sách hè',
      heldOn: '2024-07-10',
      communeCode: '05977',
      childrenCount: 40,
    });
    expect(old.errors).toBeUndefined();
    expect(old.data!.recordChildActivity).toMatchObject({
      commune: { code: '05977', validFrom: '2019-01-01' },
      aged0To2: null,
    });
  });

  it('lists every problem and writes nothing', async () => {
    const before = await rowCount('child_activity');
    const unknown = await call(ACTIVITY, {
      kind: 'ARTS',
      title: '',
      heldOn: '2099-06-01',
      facilityId: '00000000-0000-4000-8000-000000000000',
      childrenCount: -3,
      aged3To5: 2,
    });
    expect(reasons(problemsOf(unknown))).toEqual([
      'input.aged0To2:AGE_BANDS_INCOMPLETE',
      'input.aged6To8:AGE_BANDS_INCOMPLETE',
      'input.childrenCount:NEGATIVE_COUNT',
      'input.facilityId:UNKNOWN_FACILITY',
      'input.heldOn:DATE_IN_FUTURE',
      'input.title:REQUIRED',
    ]);
    const facility = await call<{ registerCulturalFacility: { id: string } }>(REGISTER, {
      name: 'Nhà thiếu nhi mới',
      kind: 'CULTURAL_HOUSE',
      communeCode: '05977',
      openedOn: '2026-06-01',
      servesChildren: true,
    });
    const facilityId = facility.data!.registerCulturalFacility.id;
    const beforeOpening = await call(ACTIVITY, {
      kind: 'ARTS',
      title: 'Văn nghệ',
      heldOn: '2026-05-01',
      facilityId,
      childrenCount: 10,
      aged0To2: 5,
      aged3To5: 5,
      aged6To8: 5,
    });
    expect(reasons(problemsOf(beforeOpening))).toEqual([
      'input.childrenCount:AGE_BANDS_ABOVE_TOTAL',
      'input.heldOn:BEFORE_FACILITY_OPENED',
    ]);
    const oldDay = await call(ACTIVITY, {
      kind: 'ARTS',
      title: 'Văn nghệ',
      heldOn: '2025-03-01',
      facilityId,
      childrenCount: 10,
    });
    expect(reasons(problemsOf(oldDay))).toEqual([
      'input.communeCode:COMMUNE_REQUIRED_FOR_DATE',
      'input.heldOn:BEFORE_FACILITY_OPENED',
    ]);
    const nowhere = await call(ACTIVITY, { kind: 'ARTS', title: 'Văn nghệ', heldOn: '2026-05-01', childrenCount: 10 });
    expect(reasons(problemsOf(nowhere))).toEqual(['input.communeCode:LOCATION_REQUIRED']);
    const province = await call(ACTIVITY, {
      kind: 'ARTS',
      title: 'Văn nghệ',
      heldOn: '2026-05-01',
      communeCode: '20',
      childrenCount: 10,
    });
    expect(reasons(problemsOf(province))).toEqual(['input.communeCode:UNIT_LEVEL_NOT_ALLOWED']);
    expect(await rowCount('child_activity')).toBe(before);
  });
});

describe('family-life education sessions and communication campaigns', () => {
  it('records them at a commune, a 2024 district and a province', async () => {
    const session = await call(SESSION, {
      unitCode: '05977',
      from: '2026-04-10',
      to: '2026-04-10',
      channel: 'MEETING',
      topic: 'Nuôi dạy con tích cực',
      peopleReached: 45,
      parentsReached: 40,
    });
    expect(session.errors).toBeUndefined();
    expect(session.data!.recordFamilyEducationSession).toMatchObject({
      kind: 'FAMILY_EDUCATION',
      kindLabel: 'Giáo dục đời sống gia đình',
      channelLabel: 'Họp, hội nghị, nói chuyện chuyên đề',
      unit: { code: '05977', validFrom: '2025-07-01' },
    });
    const district = await call(SESSION, {
      unitCode: '178',
      from: '2024-03-01',
      to: '2024-03-02',
      channel: 'CLUB',
      topic: 'Phòng, chống bạo lực gia đình',
      peopleReached: 120,
      parentsReached: 90,
    });
    expect(district.data!.recordFamilyEducationSession).toMatchObject({
      unit: { code: '178', validFrom: '2019-01-01' },
    });
    const campaign = await call(CAMPAIGN, {
      unitCode: '20',
      from: '2026-06-01',
      to: '2026-06-30',
      channel: 'TELEVISION',
      topic: 'Tháng hành động vì trẻ em',
      peopleReached: 50000,
      parentsReached: 12000,
    });
    expect(campaign.data!.recordCommunicationCampaign).toMatchObject({
      kind: 'COMMUNICATION_CAMPAIGN',
      unit: { code: '20', validFrom: '2025-07-01' },
    });
    // Across the new year: counted in the year it ends.
    const acrossYears = await call(CAMPAIGN, {
      unitCode: '05977',
      from: '2025-12-15',
      to: '2026-01-15',
      channel: 'LOUDSPEAKER',
      topic: 'Phòng, chống đuối nước trẻ em',
      peopleReached: 2500,
      parentsReached: 700,
    });
    expect(acrossYears.errors).toBeUndefined();
    const rows = await firstRow<{ n: number }>(
      sql`SELECT count(*) AS n FROM outreach WHERE recorded_by = 'admin' AND province_code = '20'`,
    );
    expect(rows.n).toBe(4);
  });

  it('lists every problem and writes nothing', async () => {
    const before = await rowCount('outreach');
    const bad = await call(CAMPAIGN, {
      unitCode: '99',
      from: '2026-05-10',
      to: '2026-05-01',
      channel: 'LOUDSPEAKER',
      topic: ' ',
      peopleReached: 100,
      parentsReached: 150,
    });
    const problems = problemsOf(bad);
    expect(reasons(problems)).toEqual([
      'input.parentsReached:PARENTS_ABOVE_PEOPLE_REACHED',
      'input.to:END_BEFORE_START',
      'input.topic:REQUIRED',
      'input.unitCode:UNKNOWN_UNIT_CODE',
    ]);
    expect(problems.find((p) => p.reason === 'END_BEFORE_START')!.message).toBe(
      'Ngày kết thúc (2026-05-01) trước ngày bắt đầu (2026-05-10).',
    );
    const crossing = await call(SESSION, {
      unitCode: '178',
      from: '2025-06-01',
      to: '2099-07-15',
      channel: 'MEETING',
      topic: 'Gia đình',
      peopleReached: -1,
      parentsReached: 0,
    });
    expect(reasons(problemsOf(crossing))).toEqual([
      'input.peopleReached:NEGATIVE_COUNT',
      'input.to:DATE_IN_FUTURE',
      'input.to:PERIOD_CROSSES_UNIT_LISTS',
    ]);
    const gone = await call(SESSION, {
      unitCode: '178',
      from: '2026-01-01',
      to: '2026-01-01',
      channel: 'MEETING',
      topic: 'Gia đình',
      peopleReached: 10,
      parentsReached: 0,
    });
    expect(reasons(problemsOf(gone))).toEqual(['input.unitCode:UNIT_NOT_VALID_ON_DATE']);
    const fractional = await call(SESSION, {
      unitCode: '20',
      from: '2026-01-01',
      to: '2026-01-01',
      channel: 'MEETING',
      topic: 'Gia đình',
      peopleReached: 10.5,
      parentsReached: 0,
    });
    expect(fractional.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await rowCount('outreach')).toBe(before);
  });
});

interface Figures {
  childFriendlyFacilityCount: number;
  childActivities: {
    activityCount: number;
    childParticipations: number;
    aged0To2: number;
    aged3To5: number;
    aged6To8: number;
  };
  familyEducationReach: { count: number; peopleReached: number; parentsReached: number };
  communicationReach: { count: number; peopleReached: number; parentsReached: number };
}
const figures = (year: number) => `
  childFriendlyFacilityCount(year: ${year})
  childActivities(year: ${year}) { activityCount childParticipations aged0To2 aged3To5 aged6To8 }
  familyEducationReach(year: ${year}) { count peopleReached parentsReached }
  communicationReach(year: ${year}) { count peopleReached parentsReached }`;

/** The figures of one unit, by hand over the raw tables: `where` selects the unit's rows. */
async function expected(where: Sql, year: number): Promise<Figures> {
  const facilities = await firstRow<{ n: number }>(
    sql`SELECT count(*) AS n FROM cultural_facility WHERE ${where} AND serves_children AND (opened_on IS NULL OR extract(year FROM opened_on) <= ${year})`,
  );
  const activities = await firstRow<Figures['childActivities']>(
    sql`SELECT count(*) AS "activityCount", sum(children_count) AS "childParticipations", sum(aged0_to2) AS "aged0To2", sum(aged3_to5) AS "aged3To5", sum(aged6_to8) AS "aged6To8"
       FROM child_activity WHERE ${where} AND extract(year FROM held_on) = ${year}`,
  );
  const reach = (kind: string) =>
    firstRow<Figures['communicationReach']>(
      sql`SELECT count(*) AS count, sum(people_reached) AS "peopleReached", sum(parents_reached) AS "parentsReached"
         FROM outreach WHERE ${where} AND kind = ${kind}::"OutreachKind" AND extract(year FROM date_to) = ${year}`,
    );
  return {
    childFriendlyFacilityCount: facilities.n,
    childActivities: activities,
    familyEducationReach: await reach('FAMILY_EDUCATION'),
    communicationReach: await reach('COMMUNICATION_CAMPAIGN'),
  };
}

describe('per-unit figures', () => {
  it('answers a post-reform commune and its province as hand-written SQL over the raw tables does', async () => {
    for (const year of [2025, 2026]) {
      const [province, commune] = await resolveUnitEntities<Figures>(
        subgraph.service.graphqlUrl,
        [
          { code: '20', validFrom: '2025-07-01' },
          { code: '05977', validFrom: '2025-07-01' },
        ],
        figures(year),
      );
      expect(province).toEqual(await expected(sql`province_code = '20' AND province_valid_from = '2025-07-01'`, year));
      expect(commune).toEqual(await expected(sql`commune_code = '05977' AND commune_valid_from = '2025-07-01'`, year));
      expect(province!.childActivities.childParticipations).toBeGreaterThan(
        commune!.childActivities.childParticipations,
      );
      expect(commune!.childActivities.activityCount).toBeGreaterThan(0);
    }
    // The province-wide television campaign counts for the province, not for its communes.
    const [province] = await resolveUnitEntities<Figures>(
      subgraph.service.graphqlUrl,
      [{ code: '20', validFrom: '2025-07-01' }],
      figures(2026),
    );
    const communeLevel = await expected(
      sql`province_code = '20' AND province_valid_from = '2025-07-01' AND commune_code IS NOT NULL`,
      2026,
    );
    expect(province!.communicationReach.peopleReached).toBeGreaterThan(communeLevel.communicationReach.peopleReached);
  });

  it('rolls a 2024 commune’s and district’s records up to the district and the 2024 province', async () => {
    const units = [
      { code: '05977', validFrom: '2019-01-01' },
      { code: '178', validFrom: '2019-01-01' },
      { code: '20', validFrom: '2019-01-01' },
    ];
    const [commune, district, province] = await resolveUnitEntities<Figures>(
      subgraph.service.graphqlUrl,
      units,
      figures(2024),
    );
    expect(commune).toEqual(await expected(sql`commune_code = '05977' AND commune_valid_from = '2019-01-01'`, 2024));
    expect(district).toEqual(await expected(sql`district_code = '178' AND district_valid_from = '2019-01-01'`, 2024));
    expect(province).toEqual(await expected(sql`province_code = '20' AND province_valid_from = '2019-01-01'`, 2024));
    expect(district!.childActivities.childParticipations).toBe(40);
    expect(district!.familyEducationReach).toEqual({ count: 1, peopleReached: 120, parentsReached: 90 });
    expect(commune!.familyEducationReach.count).toBe(0);
    expect(district!.childFriendlyFacilityCount).toBe(1);
  });

  it('costs one SQL statement per figure for a province and all its communes', async () => {
    const client = subgraph.service.client as unknown as PrismaClient;
    let statements = 0;
    const counting: SqlQueryable = {
      $queryRaw: (...args: Parameters<PrismaClient['$queryRaw']>) => (statements++, client.$queryRaw(...args)),
      $executeRaw: (...args: Parameters<PrismaClient['$executeRaw']>) => (statements++, client.$executeRaw(...args)),
    };
    const loaders = createLoaders(counting);
    const communes = await queryRows(
      client,
      z.object({ code: z.string() }),
      sql`SELECT DISTINCT commune_code AS code FROM child_activity WHERE commune_valid_from = '2025-07-01'`,
    );
    const units = [
      { code: '20', validFrom: '2025-07-01' },
      ...communes.map(({ code }) => ({ code, validFrom: '2025-07-01' })),
    ];
    expect(units.length).toBeGreaterThan(50);
    const [activities, outreach, facilities] = await Promise.all([
      Promise.all(units.map((u) => loaders.childActivities(2026).load(u))),
      Promise.all(units.map((u) => loaders.outreach(2026).load(u))),
      Promise.all(units.map((u) => loaders.facilityCountsByChildService(2026).load(u))),
    ]);
    expect(statements).toBe(3);
    const communeTotal = activities.slice(1).reduce((sum, [row]) => sum + (row?.child_participations ?? 0), 0);
    expect(activities[0]![0]!.child_participations).toBe(communeTotal);
    expect(outreach[0]!.length).toBe(2);
    expect(facilities[0]!.length).toBeGreaterThan(0);
  });

  it('refuses a year out of range with a typed error', async () => {
    const response = await graphql(
      subgraph.service.graphqlUrl,
      `
        {
          _entities(representations: [{ __typename: "AdministrativeUnit", code: "20", validFrom: "2025-07-01" }]) {
            ... on AdministrativeUnit {
              childActivities(year: 1990) {
                activityCount
              }
            }
          }
        }
      `,
    );
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'YEAR_OUT_OF_RANGE' });
  });
});
