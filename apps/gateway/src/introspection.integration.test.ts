import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { introspectionEnabled } from '@ecd/service-kit';
import { gatewayTestEnv, graphql, startFederation, type Federation } from '@ecd/test-kit';

import { loadEnv } from './env.js';
import { sectorSubgraphs } from './federation.test-fixture.js';
import { startGateway } from './server.js';

/**
 * Introspection turned off everywhere (as production has it by default): the gateway and every subgraph
 * refuse it with a typed error, while the gateway still composes the supergraph from the subgraphs'
 * `_service { sdl }` (federation, not introspection) and answers queries.
 */
let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({
    subgraphs: sectorSubgraphs({ demo: false }),
    env: { INTROSPECTION: 'off' },
    // Composed from the running subgraphs, so the test fails if composition needed their introspection.
    gateway: (subgraphUrls) =>
      startGateway({
        env: loadEnv(gatewayTestEnv({ INTROSPECTION: 'off', SUPERGRAPH_MODE: 'introspect' })),
        subgraphUrls,
      }),
  });
});

afterAll(() => federation?.close());

const expectRefused = (answer: Awaited<ReturnType<typeof graphql>>) => {
  expect(answer.status).toBe(400);
  expect(answer.data).toBeUndefined();
  expect(answer.errors![0]).toMatchObject({
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_DISABLED' },
  });
  expect(answer.errors![0]!.message).toMatch(/^Hệ thống không trả lời truy vấn cấu trúc lược đồ/);
  expect(answer.errors![0]!.extensions).not.toHaveProperty('validationErrorCode');
};

describe('introspection off', () => {
  it('is on by default in development and tests, off in production unless asked for', () => {
    expect(introspectionEnabled(loadEnv(gatewayTestEnv()))).toBe(true);
    expect(introspectionEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(introspectionEnabled({ NODE_ENV: 'production', INTROSPECTION: 'on' })).toBe(true);
    expect(introspectionEnabled({ NODE_ENV: 'development', INTROSPECTION: 'off' })).toBe(false);
  });

  it('is refused at the gateway with a typed error, the schema composed and queries answered all the same', async () => {
    expectRefused(await federation.query(getIntrospectionQuery()));
    expectRefused(await federation.query('{ __type(name: "Plan") { name } }'));
    const answer = await federation.query<{ administrativeUnit: { fullName: string } }>(
      '{ __typename administrativeUnit(code: "20") { fullName } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ __typename: 'Query', administrativeUnit: { fullName: 'Tỉnh Lạng Sơn' } });
  });

  it.each(['ldtbxh', 'health', 'education', 'culture'])(
    '%s refuses it to the gateway too, and still gives the gateway its SDL (_service)',
    async (name) => {
      const url = federation.subgraphs[name]!.graphqlUrl;
      expectRefused(await graphql(url, '{ __schema { queryType { name } } }'));
      const service = await graphql<{ _service: { sdl: string } }>(url, '{ _service { sdl } }');
      expect(service.errors).toBeUndefined();
      expect(service.data!._service.sdl).toContain('type Query');
    },
  );
});
