import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';

// graphql-js as every subgraph runs it, patched by infra/patches (infra/patches/README.md): result
// objects with fast properties, one frozen empty arguments object for the fields that take none.
const schema = buildSchema(`
  type Query { plan(year: Int = 2025, key: ID): Plan }
  type Mutation { rename(name: String!): Plan }
  type Plan { key: ID! name: String year: Int }
`);

const plan = { key: 'p1', name: 'Kế hoạch' };

describe('graphql-js as patched by infra/patches', () => {
  it('answers objects with no inherited property, so a field aliased __proto__ is a field like any other', async () => {
    const result = await graphql({
      schema,
      source: '{ plan { __proto__: name constructor: key } }',
      rootValue: { plan: () => plan },
    });
    expect(JSON.stringify(result)).toBe('{"data":{"plan":{"__proto__":"Kế hoạch","constructor":"p1"}}}');
    const answer = result.data!.plan as object;
    expect(Object.keys(answer)).toEqual(['__proto__', 'constructor']);
    expect('toString' in answer).toBe(false);
    expect('hasOwnProperty' in result.data!).toBe(false);
  });

  it('answers a mutation, run field after field, the same way', async () => {
    const result = await graphql({
      schema,
      source: 'mutation { first: rename(name: "A") { name } second: rename(name: "B") { name } }',
      rootValue: { rename: ({ name }: { name: string }) => ({ ...plan, name }) },
    });
    expect(JSON.stringify(result)).toBe('{"data":{"first":{"name":"A"},"second":{"name":"B"}}}');
    expect('toString' in result.data!).toBe(false);
  });

  it('gives a field without arguments empty arguments that cannot be written, and one with arguments their values and defaults', async () => {
    const seen: Record<string, unknown>[] = [];
    const rootValue = {
      plan: (args: Record<string, unknown>) => {
        seen.push(args);
        return {
          ...plan,
          year: (args: Record<string, unknown>) => {
            seen.push(args);
            expect(() => Object.assign(args, { year: 1 })).toThrow(TypeError);
            return args.year ?? 2024;
          },
        };
      },
    };
    const result = await graphql({ schema, source: '{ plan(key: "p1") { year } }', rootValue });
    expect(result).toEqual({ data: { plan: { year: 2024 } } });
    expect(seen.map((args) => ({ ...args }))).toEqual([{ year: 2025, key: 'p1' }, {}]);
    expect('toString' in seen[1]!).toBe(false);
  });
});
