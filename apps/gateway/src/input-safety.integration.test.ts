import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultAuthorization, gatewayTestEnv, graphql, registerService } from '@ecd/test-kit';

import { loadEnv } from './env.js';
import { startGateway } from './server.js';

/**
 * The gateway refuses hostile literals before planning, as every subgraph does: a Float of 1e309 made
 * its planner throw (HTTP 500), and the supergraph's Date passed any string on. No subgraph runs here:
 * one that is asked anything fails the test.
 */
let gateway: Awaited<ReturnType<typeof startGateway>>;
let subgraphCalls = 0;
let subgraph: Server;

beforeAll(async () => {
  subgraph = createServer((_req, res) => {
    subgraphCalls += 1;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
  gateway = await startGateway({
    env: loadEnv(gatewayTestEnv()),
    subgraphUrls: { ldtbxh: url, health: url, education: url, culture: url },
  });
  registerService(gateway);
});
afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => subgraph?.close(resolve));
});

const ask = (query: string, variables: Record<string, unknown> = {}) => graphql(gateway.graphqlUrl, query, variables);
const figure = (numerator: string) =>
  `mutation { recordEducationIndicatorValue(input: { indicatorCode: "UNDER5_DEVELOPING_ON_TRACK", unitCode: "20", year: 2024, numerator: ${numerator}, denominator: 10, source: "x" }) { numerator } }`;
const facility = (fields: string) =>
  `mutation { registerCulturalFacility(input: { kind: LIBRARY, communeCode: "05977", servesChildren: true, ${fields} }) { id } }`;

describe('hostile input at the gateway', () => {
  it.each([
    ['a Float literal of 1e309', figure('1e309'), {}, 'NUMBER_OUT_OF_RANGE', 'input.numerator'],
    [
      'an Int literal of 1e309',
      'mutation { openReportingPeriod(planKey: "p", frequency: ANNUAL, year: 1e309) { id } }',
      {},
      'NUMBER_OUT_OF_RANGE',
      undefined,
    ],
    ['a Date of year 0', facility('name: "x", openedOn: "0000-01-01"'), {}, 'INVALID_DATE', 'input.openedOn'],
    ['a 30 February', facility('name: "x", openedOn: "2021-02-30"'), {}, 'INVALID_DATE', 'input.openedOn'],
    ['a NUL character', facility('name: "a\\u0000b"'), {}, 'NUL_CHARACTER', 'input.name'],
    [
      'a NUL character in a variable',
      'mutation($n: String!) { registerCulturalFacility(input: { name: $n, kind: LIBRARY, communeCode: "05977", servesChildren: true }) { id } }',
      { n: '\u0000' },
      'NUL_CHARACTER',
      'n',
    ],
    [
      'a Date variable of year 0',
      'query($d: Date) { administrativeUnit(code: "20", asOf: $d) { code } }',
      { d: '0000-01-01' },
      'INVALID_DATE',
      'd',
    ],
  ])(
    'refuses %s as BAD_USER_INPUT (HTTP 400) without asking a subgraph',
    async (_label, query, variables, reason, field) => {
      const before = subgraphCalls;
      const response = await ask(query, variables);
      expect(response.status).toBe(400);
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      expect(response.errors![0]!.extensions!.field).toBe(field);
      expect(subgraphCalls).toBe(before);
    },
  );

  it('answers a malformed body with a JSON error, as every service does', async () => {
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_REQUEST', reason: 'MALFORMED_JSON' } }],
    });
  });
});

describe('operations the gateway cannot run', () => {
  it.each([
    ['a subscription', { query: 'subscription { __typename }' }],
    ['an operation name the document lacks', { query: '{ __typename }', operationName: 'Foo' }],
    ['two operations and no name', { query: 'query A { __typename } query B { __typename }' }],
  ])('answers %s with a typed 400, never a 500', async (_case, body) => {
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: (await defaultAuthorization(gateway.graphqlUrl))! },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(response.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toMatch(
      /^(BAD_REQUEST|GRAPHQL_VALIDATION_FAILED|OPERATION_RESOLUTION_FAILURE|BAD_USER_INPUT)$/,
    );
    expect(subgraphCalls).toBe(0);
  });
});

describe('requests the GraphQL libraries refuse', () => {
  const post = async (body: unknown, init: RequestInit = {}) => {
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: (await defaultAuthorization(gateway.graphqlUrl))! },
      body: JSON.stringify(body),
      ...init,
    });
    return { status: response.status, body: (await response.json()) as { errors: GraphQLErrorShape[] } };
  };
  type GraphQLErrorShape = { message: string; extensions: Record<string, unknown> };
  const firstError = ({ body }: { body: { errors: GraphQLErrorShape[] } }) => body.errors[0]!;

  it('answers each with its code, a reason from the catalogue, the field when there is one, and a Vietnamese lead', async () => {
    const batch = firstError(await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'BAD_REQUEST' });
    expect(batch.message).toMatch(/^Yêu cầu HTTP không hợp lệ/);

    const url = `${gateway.graphqlUrl}?query=${encodeURIComponent('mutation { __typename }')}`;
    const get = await fetch(url, { headers: { authorization: (await defaultAuthorization(gateway.graphqlUrl))! } });
    const refusedGet = ((await get.json()) as { errors: GraphQLErrorShape[] }).errors[0]!;
    expect(refusedGet.extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'BAD_REQUEST' });
    expect(refusedGet.message).toMatch(/^Yêu cầu HTTP không hợp lệ/);

    for (const persistedQuery of [
      { version: 1, sha256Hash: 'a'.repeat(64) },
      { version: 2, sha256Hash: 'a'.repeat(64) },
    ]) {
      const persisted = firstError(await post({ query: '{ __typename }', extensions: { persistedQuery } }));
      expect(persisted.extensions).toMatchObject({
        code: 'PERSISTED_QUERY_NOT_SUPPORTED',
        reason: 'PERSISTED_QUERY_NOT_SUPPORTED',
      });
      expect(persisted.message).toMatch(/^Hệ thống không nhận truy vấn lưu sẵn/);
    }

    const unknownField = firstError(await post({ query: '{ noSuchField }' }));
    expect(unknownField.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_INVALID' });
    expect(unknownField.message).toMatch(/^Truy vấn GraphQL không hợp lệ/);

    const syntax = firstError(await post({ query: '{ plan(' }));
    expect(syntax.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', reason: 'QUERY_SYNTAX_ERROR' });

    const wrongType = firstError(
      await post({
        query: 'mutation($input: IndicatorValueInput!) { recordEducationIndicatorValue(input: $input) { id } }',
        variables: { input: { indicatorCode: 'X', unitCode: '20', year: 'năm ngoái', numerator: 1, source: 'x' } },
      }),
    );
    expect(wrongType.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.year',
      reason: 'INVALID_VARIABLE',
    });
    expect(wrongType.message).toMatch(/^Dữ liệu đầu vào không hợp lệ/);
    expect(subgraphCalls).toBe(0);
  });
});

describe('personal numbers at the gateway', () => {
  const referral = (alias: string, personalId: string) =>
    `${alias}: sendReferral(input: { personalId: "${personalId}", unitCode: "05977", fromSector: HEALTH, fromService: "x", toSector: SOCIAL_AFFAIRS, toService: "y", reason: "z" }) { id }`;

  it.each([
    ['two aliased referrals', `mutation { ${referral('a', '020323000001')} ${referral('b', '020323000002')} }`],
    [
      'a referral and a lookup',
      `mutation M { ${referral('a', '020323000001')} } query Q { childByPersonalId(personalId: "020323000002", purpose: "x") { key } }`,
    ],
  ])('refuses %s in one request before any subgraph is asked', async (_case, query) => {
    const { status, errors } = await ask(query);
    expect(status).toBe(400);
    expect(errors![0]!.extensions).toMatchObject({ reason: 'ONE_LOOKUP_PER_REQUEST' });
    expect(subgraphCalls).toBe(0);
  });
});
