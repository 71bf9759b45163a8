import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { identifier, queryRows, sql } from '@ecd/database';
import { defaultAuthorization, graphql, useTestSubgraph } from '@ecd/test-kit';

import { loadEnv, startCultureSubgraph } from './server.js';

/**
 * Hostile literals and variables (a NUL character PostgreSQL cannot store, 1e309, a year 0 or a
 * 30 February) are the client's error, BAD_USER_INPUT, and write nothing: before, they reached the
 * database and came back as INTERNAL_SERVER_ERROR.
 */
const subgraph = useTestSubgraph('culture-input', (env) => startCultureSubgraph(loadEnv(env)));

const rows = async (table: string) =>
  (
    await queryRows(
      subgraph.service.client,
      z.object({ n: z.number() }),
      sql`SELECT count(*)::int AS n FROM ${identifier(table)}`,
    )
  )[0]!.n;
const written = async () => ({ facilities: await rows('cultural_facility'), outreach: await rows('outreach') });

const REGISTER = 'mutation($input: CulturalFacilityInput!) { registerCulturalFacility(input: $input) { id openedOn } }';
const facility = { name: 'Thư viện xã Đông Kinh', kind: 'LIBRARY', communeCode: '05977', servesChildren: true };
const CAMPAIGN = 'mutation($input: OutreachInput!) { recordCommunicationCampaign(input: $input) { id } }';
const campaign = {
  unitCode: '05977',
  from: '2025-08-01',
  to: '2025-08-31',
  channel: 'LOUDSPEAKER',
  topic: 'Phòng, chống đuối nước',
  peopleReached: 100,
  parentsReached: 40,
};

/** Literals in the document itself, as an attacker writes them. */
const literal = (fields: string) =>
  `mutation { registerCulturalFacility(input: { kind: LIBRARY, communeCode: "05977", servesChildren: true, ${fields} }) { id } }`;

async function refused(query: string, variables: Record<string, unknown>, reason: string, field?: string) {
  const response = await graphql(subgraph.service.graphqlUrl, query, variables);
  expect(response.status, query).toBe(400);
  expect(response.data ?? null, query).toBeNull();
  expect(response.errors, query).toHaveLength(1);
  expect(response.errors![0]!.extensions, query).toMatchObject({
    code: 'BAD_USER_INPUT',
    reason,
    ...(field ? { field } : {}),
  });
  expect(response.errors![0]!.message, query).toMatch(/^(Giá trị|Ngày)/);
}

describe('hostile input to a subgraph', () => {
  it('refuses impossible dates, NUL characters and 1e309 as BAD_USER_INPUT, writing nothing', async () => {
    const before = await written();

    await refused(REGISTER, { input: { ...facility, openedOn: '0000-01-01' } }, 'INVALID_DATE', 'input.openedOn');
    await refused(REGISTER, { input: { ...facility, openedOn: '2021-02-30' } }, 'INVALID_DATE', 'input.openedOn');
    await refused(REGISTER, { input: { ...facility, communeAsOf: '1899-12-31' } }, 'INVALID_DATE', 'input.communeAsOf');
    await refused(literal('name: "Nhà văn hóa", openedOn: "0000-01-01"'), {}, 'INVALID_DATE');
    await refused(literal('name: "Nhà văn hóa", openedOn: "2021-02-30"'), {}, 'INVALID_DATE');

    await refused(REGISTER, { input: { ...facility, name: 'Nhà\u0000văn hóa' } }, 'NUL_CHARACTER', 'input.name');
    await refused(literal('name: "Nhà\\u0000văn hóa"'), {}, 'NUL_CHARACTER', 'input.name');
    await refused(CAMPAIGN, { input: { ...campaign, topic: '\u0000' } }, 'NUL_CHARACTER', 'input.topic');

    await refused(
      'mutation { recordCommunicationCampaign(input: { unitCode: "05977", from: "2025-08-01", to: "2025-08-31", channel: LOUDSPEAKER, topic: "x", peopleReached: 1e309, parentsReached: 1 }) { id } }',
      {},
      'NUMBER_OUT_OF_RANGE',
    );
    // 1e309 as a variable's JSON: JSON.parse reads it as Infinity.
    const response = await fetch(subgraph.service.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: (await defaultAuthorization(subgraph.service.graphqlUrl)) ?? '',
      },
      body: `{"query": ${JSON.stringify(CAMPAIGN)}, "variables": {"input": ${JSON.stringify(campaign).replace('"peopleReached":100', '"peopleReached":1e309')}}}`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: object }[] }).errors[0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    // Entity representations are JSON of any shape: a NUL anywhere in them is refused too.
    await refused(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { culturalFacilityCount } } }',
      { r: [{ __typename: 'AdministrativeUnit', code: '20\u0000', validFrom: '2025-07-01' }] },
      'NUL_CHARACTER',
      'r[0].code',
    );

    expect(await written()).toEqual(before);
    // The same requests with sane values go through.
    const ok = await graphql<{ registerCulturalFacility: { openedOn: string } }>(
      subgraph.service.graphqlUrl,
      REGISTER,
      { input: { ...facility, openedOn: '2020-02-29' } },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.registerCulturalFacility.openedOn).toBe('2020-02-29');
    expect((await written()).facilities).toBe(before.facilities + 1);
  });
});
