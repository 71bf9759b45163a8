import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, toConnection } from './pagination.js';

describe('pagination', () => {
  it('round-trips cursors and rejects forged ones with a typed error', () => {
    expect(decodeCursor(encodeCursor('05977'))).toBe('05977');
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(() => decodeCursor('not a cursor!')).toThrow(GraphQLError);
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(500)).toBe(500);
    for (const bad of [0, -1, 501, 2.5]) {
      try {
        pageSize(bad);
        expect.unreachable();
      } catch (error) {
        expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      }
    }
  });

  it('builds a connection from one row more than the page', () => {
    const page = toConnection(['a', 'b', 'c'], 2, 10, (x) => x);
    expect(page).toEqual({ nodes: ['a', 'b'], totalCount: 10, pageInfo: { hasNextPage: true, endCursor: encodeCursor('b') } });
    expect(toConnection(['a'], 2, 1, (x) => x).pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor('a') });
    expect(toConnection([], 2, 0, (x: string) => x).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
