import { createRequire } from 'node:module';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

// The gateway's result shaping as patched by infra/patches (infra/patches/README.md): it builds every
// answer from the subgraphs' data, so the patch must keep what it did.
const gatewayRequire = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));

interface ShapedResponse {
  data: Record<string, unknown> | null | undefined;
  errors: { message: string; path?: readonly (string | number)[] }[];
}
const { computeResponse } = gatewayRequire('./resultShaping.js') as {
  computeResponse: (options: {
    operation: unknown;
    variables: Record<string, unknown>;
    input: Record<string, unknown>;
    introspectionHandling: () => unknown;
  }) => ShapedResponse;
};
const { buildSchema, operationFromDocument } = gatewayRequire('@apollo/federation-internals') as {
  buildSchema: (sdl: string) => unknown;
  operationFromDocument: (schema: unknown, document: ReturnType<typeof parse>) => unknown;
};

const schema = buildSchema(`
  type Query { plan: Plan }
  type Plan {
    key: ID!
    count: Int
    share: Float
    name: String!
    status: Status
    communes: [Commune!]
  }
  type Commune { code: String! value: Float }
  enum Status { ON_TRACK BEHIND }
`);

const shape = (query: string, input: Record<string, unknown>, variables: Record<string, unknown> = {}) =>
  computeResponse({
    operation: operationFromDocument(schema, parse(query)),
    variables,
    input,
    introspectionHandling: () => null,
  });

describe("the gateway's result shaping (patched)", () => {
  it('answers the fields asked, in the order asked, under their aliases, and nothing else', () => {
    const { data, errors } = shape('{ plan { title: name key communes { value code } } }', {
      // The subgraphs' data, under the request's aliases as the gateway asked them.
      plan: {
        key: 'p1',
        title: 'Kế hoạch',
        secret: 'not asked',
        communes: [
          { code: '06001', value: 0.5, extra: 1 },
          { code: '06002', value: null },
        ],
      },
    });
    expect(errors).toEqual([]);
    expect(JSON.stringify(data)).toBe(
      '{"plan":{"title":"Kế hoạch","key":"p1","communes":[{"value":0.5,"code":"06001"},{"value":null,"code":"06002"}]}}',
    );
  });

  it('gives the answer objects no inherited property, so a field aliased __proto__ is a field like any other', () => {
    const { data } = shape(
      '{ plan { __proto__: name constructor: key } }',
      JSON.parse('{"plan":{"__proto__":"Kế hoạch","constructor":"p1"}}') as Record<string, unknown>,
    );
    const plan = data!.plan as Record<string, unknown>;
    expect(Object.keys(plan)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(data)).toBe('{"plan":{"__proto__":"Kế hoạch","constructor":"p1"}}');
    expect('toString' in plan).toBe(false);
    expect('hasOwnProperty' in data!).toBe(false);
  });

  it('nulls the nearest nullable parent of a null non-null field, with an error at its path', () => {
    const { data, errors } = shape('{ plan { key communes { code } } }', {
      plan: { key: 'p1', communes: [{ code: '06001' }, { code: null }] },
    });
    expect(data).toEqual({ plan: { key: 'p1', communes: null } });
    expect(errors.map((error) => [error.message, error.path])).toEqual([
      ['Cannot return null for non-nullable field Commune.code.', ['plan', 'communes', 1, 'code']],
    ]);
  });

  it('keeps the leaf values of their type and refuses the others', () => {
    const { data, errors } = shape('{ plan { key count share name status } }', {
      plan: { key: 12, count: 1.5, share: 'abc', name: 5, status: 'UNKNOWN' },
    });
    expect(data).toEqual({ plan: null });
    expect(errors.map((error) => error.message)).toEqual([
      'Invalid value found for field Plan.count.',
      'Invalid value found for field Plan.share.',
      'Invalid value found for field Plan.name.',
    ]);

    const valid = shape('{ plan { key count share name status } }', {
      plan: { key: 'p1', count: 3, share: 3, name: '', status: 'BEHIND' },
    });
    expect(valid).toEqual({
      data: { plan: { key: 'p1', count: 3, share: 3, name: '', status: 'BEHIND' } },
      errors: [],
    });
    expect(shape('{ plan { key } }', { plan: { key: 12 } }).data).toEqual({ plan: { key: 12 } });
  });

  it('leaves out the fields a @skip or @include of the request leaves out', () => {
    const query = 'query ($withName: Boolean!) { plan { key @skip(if: $withName) name @include(if: $withName) } }';
    const input = { plan: { key: 'p1', name: 'Kế hoạch' } };
    expect(shape(query, input, { withName: true }).data).toEqual({ plan: { name: 'Kế hoạch' } });
    expect(shape(query, input, { withName: false }).data).toEqual({ plan: { key: 'p1' } });
  });
});
