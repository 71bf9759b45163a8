import { ApolloServer } from '@apollo/server';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';

import { createErrorFormatter } from './errors.js';
import {
  estimateQueryCost,
  GATEWAY_QUERY_LIMITS,
  queryLimitOptions,
  queryLimitsFromEnv,
  SUBGRAPH_QUERY_LIMITS,
  type QueryLimits,
} from './limits.js';
import { createLogger } from './logger.js';
import { createRateLimit, RateLimitedError } from './rate-limit.js';

const SDL = /* GraphQL */ `
  type Query {
    administrativeUnit(code: String!): AdministrativeUnit
    administrativeUnits(first: Int = 50): AdministrativeUnitConnection!
    _entities(representations: [String!]!): [AdministrativeUnit]!
  }
  type AdministrativeUnit {
    code: String!
    fullName: String!
    parent: AdministrativeUnit
    children(first: Int = 100): AdministrativeUnitConnection!
    plans: [Plan!]!
  }
  type AdministrativeUnitConnection {
    totalCount: Int!
    nodes: [AdministrativeUnit!]!
  }
  type Plan {
    number: String
    title: String!
  }
`;
const schema = buildSchema(SDL);
const root = {
  administrativeUnit: () => null,
  administrativeUnits: () => ({ totalCount: 0, nodes: [] }),
  _entities: () => [],
};

function serverWith(limits: QueryLimits) {
  const options = queryLimitOptions(limits);
  return new ApolloServer({
    schema,
    rootValue: root,
    formatError: createErrorFormatter(createLogger('test', 'silent')),
    ...options,
  });
}

/** Runs one operation through Apollo's whole pipeline (parse, validate, plugins) with the gateway's limits. */
async function run(query: string, variables: Record<string, unknown> = {}, limits: QueryLimits = GATEWAY_QUERY_LIMITS) {
  const server = serverWith(limits);
  await server.start();
  try {
    const response = await server.executeOperation({ query, variables });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    return { status: response.http.status ?? 200, errors: result?.errors, data: result?.data };
  } finally {
    await server.stop();
  }
}

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return estimateQueryCost(
    schema,
    document,
    document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode,
    variables,
    GATEWAY_QUERY_LIMITS,
  );
};

/** The README's first query, in the shape of this schema: depth 4, cost 100 communes. */
const README = `{ administrativeUnit(code: "20") { fullName plans { number title } children(first: 100) { totalCount nodes { code fullName plans { title } } } } }`;

describe('query limits', () => {
  it('lets the README query through', async () => {
    const { status, errors } = await run(README);
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it('refuses a children → parent → children cycle deeper than the limit, before resolving anything', async () => {
    const cycle = `{ administrativeUnit(code: "20") { children { nodes { parent { children { nodes { parent { children { nodes { code } } } } } } } } } }`;
    const { status, errors, data } = await run(cycle);
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP', limit: 8, found: 10 },
    });
    expect(errors![0]!.message).toMatch(/^Truy vấn lồng quá sâu: 10 cấp, tối đa 8 cấp/);
  });

  it('does not count fragments as levels, nor introspection', async () => {
    const viaFragments = `{ administrativeUnit(code: "20") { ...A } } fragment A on AdministrativeUnit { ... on AdministrativeUnit { children { nodes { code } } } }`;
    expect((await run(viaFragments)).errors).toBeUndefined();
    const introspection = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`;
    expect((await run(introspection)).errors).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `u${i}: administrativeUnit(code: "${i}") { code }`).join(' ');
    const { status, errors } = await run(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(errors![0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES', limit: 15, found: 16 },
    });
    expect(errors![0]!.message).toContain('bí danh');
  });

  it('refuses a document over the token limit without reading all of it', async () => {
    const long = `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const { status, errors } = await run(long);
    expect(status).toBe(400);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_TOKENS', limit: 2_000 },
    });
    expect(errors![0]!.message).toMatch(/^Truy vấn quá dài/);
  });

  it('refuses too many directives', async () => {
    const fields = Array.from({ length: 21 }, () => `code @include(if: true)`).join(' ');
    const { errors } = await run(`{ administrativeUnit(code: "20") { ${fields} } }`);
    expect(errors![0]).toMatchObject({ extensions: { reason: 'TOO_MANY_DIRECTIVES', limit: 20, found: 21 } });
  });

  it('refuses a query whose pages multiply past the cost limit, whether `first` is a literal, a variable or the default', async () => {
    const nested = (first: string) =>
      `query${first === '$n' ? '($n: Int)' : ''} { administrativeUnits(first: ${first}) { nodes { parent { children(first: ${first}) { nodes { code fullName } } } } } }`;
    for (const [query, variables] of [
      [nested('500'), {}],
      [nested('$n'), { n: 500 }],
      [`{ administrativeUnits(first: 500) { nodes { children { nodes { children { nodes { code } } } } } } }`, {}],
    ] as const) {
      const { status, errors } = await run(query, variables);
      expect(status).toBe(400);
      expect(errors![0]).toMatchObject({
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', limit: 50_000 },
      });
      expect(errors![0]!.message).toMatch(/^Truy vấn quá lớn/);
    }
    // The same query with small pages passes.
    expect((await run(nested('$n'), { n: 10 })).errors).toBeUndefined();
  });

  it('estimates the cost from pages, lists and variables', () => {
    // 1 unit + fullName + a page of 100: (1 + totalCount + nodes(1 + code)) each.
    expect(
      cost(`{ administrativeUnit(code: "1") { fullName children(first: 100) { totalCount nodes { code } } } }`),
    ).toBe(1 + 1 + 100 * (1 + 1 + (1 + 1)));
    // The argument's default (100), a variable's default (7), a variable given (3); plans counts 10 items.
    expect(cost(`{ administrativeUnit(code: "1") { children { nodes { code } } } }`)).toBe(1 + 100 * (1 + 2));
    expect(cost(`query($n: Int = 7) { administrativeUnits(first: $n) { nodes { code } } }`)).toBe(7 * (1 + 2));
    expect(cost(`query($n: Int = 7) { administrativeUnits(first: $n) { nodes { code } } }`, { n: 3 })).toBe(
      3 * (1 + 2),
    );
    expect(cost(`{ administrativeUnit(code: "1") { plans { title } } }`)).toBe(1 + 10 * 2);
    // A page asks at most MAX_PAGE_SIZE (the resolver refuses more); `_entities` counts per entity.
    expect(cost(`{ administrativeUnits(first: 100000) { totalCount } }`)).toBe(500 * 2);
    expect(cost(`{ _entities(representations: []) { code fullName } }`)).toBe(3);
  });

  it('stops estimating past the limit, so a fragment bomb is refused quickly', async () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on AdministrativeUnit { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const bomb = `{ administrativeUnit(code: "1") { ...F0 } } ${fragments} fragment F40 on AdministrativeUnit { code }`;
    const started = performance.now();
    const { errors } = await run(bomb, {}, { ...GATEWAY_QUERY_LIMITS, maxTokens: 10_000 });
    expect(errors![0]!.extensions).toMatchObject({ reason: 'QUERY_TOO_COSTLY' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('hides field suggestions', async () => {
    const { errors } = await run(`{ administrativeUnit(code: "20") { fulName } }`);
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors![0]!.message).not.toContain('fullName');
    expect(errors![0]!.message).toMatch(/^Truy vấn GraphQL không hợp lệ/);
  });

  it('gives subgraphs looser limits, and takes overrides from the environment', async () => {
    const cycle = `{ administrativeUnit(code: "20") { children(first: 2) { nodes { parent { children(first: 2) { nodes { parent { parent { code } } } } } } } } }`;
    expect((await run(cycle)).errors![0]!.extensions).toMatchObject({ reason: 'QUERY_TOO_DEEP' });
    expect((await run(cycle, {}, SUBGRAPH_QUERY_LIMITS)).errors).toBeUndefined();
    const limits = queryLimitsFromEnv(GATEWAY_QUERY_LIMITS, { QUERY_MAX_DEPTH: 12, QUERY_MAX_COST: undefined });
    expect(limits).toEqual({ ...GATEWAY_QUERY_LIMITS, maxDepth: 12 });
    expect((await run(cycle, {}, limits)).errors).toBeUndefined();
  });
});

describe('rate limit', () => {
  const logger = createLogger('test', 'silent');

  it('lets a caller send its requests per minute, then refuses with the seconds to wait; other callers still pass', async () => {
    const limit = createRateLimit({ perMinute: 3, logger })!;
    for (let i = 0; i < 3; i++) await limit('alice');
    const refused = await limit('alice').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((refused as RateLimitedError).message).toMatch(
      /^Quá nhiều yêu cầu: mỗi người dùng được gửi tối đa 3 yêu cầu mỗi phút/,
    );
    await expect(limit('bob')).resolves.toBeUndefined();
  });

  it('is off at 0', () => {
    expect(createRateLimit({ perMinute: 0, logger })).toBeUndefined();
  });
});
