import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { unsafeInputError } from './input-safety.js';
import { unsafeLiterals, unsafeVariables } from './unsafe-input.js';

const schema = buildSchema(`
  scalar Date
  scalar _Any
  input Item { name: String, days: [Date!], weight: Float }
  type Query {
    find(text: String, amount: Float, count: Int, day: Date, item: Item, items: [Item!], any: [_Any!]): String
  }
`);

const literals = (query: string) => unsafeLiterals(schema, parse(query));
const variables = (query: string, values: Record<string, unknown>) =>
  unsafeVariables(schema, getOperationAST(parse(query))!, values);

describe('unsafe literals', () => {
  it('finds NUL characters, numbers beyond floating point, and impossible dates, naming the input', () => {
    expect(literals('{ find(text: "a\\u0000b") }')).toEqual([{ field: 'text', reason: 'NUL_CHARACTER' }]);
    expect(literals('{ find(amount: 1e309) }')).toEqual([{ field: 'amount', reason: 'NUMBER_OUT_OF_RANGE' }]);
    expect(literals('{ find(count: -1e309) }')).toEqual([{ field: 'count', reason: 'NUMBER_OUT_OF_RANGE' }]);
    expect(literals('{ find(day: "0000-01-01") }')).toEqual([{ field: 'day', reason: 'INVALID_DATE' }]);
    expect(literals('{ find(items: [{ name: "ok" }, { days: ["2024-01-01", "2021-02-30"] }]) }')).toEqual([
      { field: 'items[1].days[1]', reason: 'INVALID_DATE' },
    ]);
    expect(literals('{ find(any: [{ __typename: "X", code: "\\u0000" }]) }')).toEqual([
      { field: 'any[0].code', reason: 'NUL_CHARACTER' },
    ]);
    expect(literals('query($d: Date = "2021-02-30") { find(day: $d) }')).toEqual([
      { field: 'd', reason: 'INVALID_DATE' },
    ]);
  });

  it('lets ordinary values through, Date-looking strings outside Date inputs included', () => {
    expect(
      literals(
        '{ find(text: "0000-01-01", amount: 1e300, count: 5, day: "2024-02-29", item: { name: "Nhà văn hóa", weight: 9.1 }) }',
      ),
    ).toEqual([]);
  });
});

describe('unsafe variables', () => {
  const QUERY =
    'query($t: String, $a: Float, $item: Item, $items: [Item!], $any: [_Any!]) { find(text: $t, amount: $a, item: $item, items: $items, any: $any) }';

  it('finds them wherever they sit, typed or in untyped JSON', () => {
    expect(variables(QUERY, { t: 'x\u0000' })).toEqual([{ field: 't', reason: 'NUL_CHARACTER' }]);
    // JSON.parse reads 1e309 as Infinity.
    expect(variables(QUERY, JSON.parse('{"a": 1e309}') as Record<string, unknown>)).toEqual([
      { field: 'a', reason: 'NUMBER_OUT_OF_RANGE' },
    ]);
    expect(variables(QUERY, { item: { days: ['2021-02-30'] } })).toEqual([
      { field: 'item.days[0]', reason: 'INVALID_DATE' },
    ]);
    expect(variables(QUERY, { items: [{}, { name: 'a\u0000' }] })).toEqual([
      { field: 'items[1].name', reason: 'NUL_CHARACTER' },
    ]);
    expect(variables(QUERY, { any: [{ code: 'ok', deep: [[{ x: '\u0000' }]] }] })).toEqual([
      { field: 'any[0].deep[0][0].x', reason: 'NUL_CHARACTER' },
    ]);
    expect(variables(QUERY, { t: 'ok', a: 1.5, item: { days: ['2024-01-01'] } })).toEqual([]);
  });

  it('walks JSON nested far deeper than a call stack without recursion', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [found] = variables(QUERY, { any: [deep] });
    expect(found?.reason).toBe('NUL_CHARACTER');
  });
});

describe('unsafeInputError', () => {
  it('is BAD_USER_INPUT with HTTP 400, the first problem as field and reason, and all of them when several', () => {
    const error = unsafeInputError([
      { field: 'input.name', reason: 'NUL_CHARACTER' },
      { field: 'input.openedOn', reason: 'INVALID_DATE' },
    ]);
    expect(error.message).toBe(
      'Giá trị của "input.name" chứa ký tự NUL (\\u0000), không được phép trong văn bản. (và 1 lỗi khác)',
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      reason: 'NUL_CHARACTER',
      http: { status: 400 },
      problems: [{ field: 'input.name' }, { field: 'input.openedOn', reason: 'INVALID_DATE' }],
    });
  });
});
