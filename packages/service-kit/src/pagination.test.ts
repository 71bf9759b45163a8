import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import {
  decodeCursor,
  encodeCursor,
  pageByName,
  pageSize,
  toConnection,
  type AfterNameCursor,
  type Connection,
} from './pagination.js';

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
    expect(page).toEqual({
      nodes: ['a', 'b'],
      totalCount: 10,
      pageInfo: { hasNextPage: true, endCursor: encodeCursor('b') },
    });
    expect(toConnection(['a'], 2, 1, (x) => x).pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor('a') });
    expect(toConnection([], 2, 0, (x: string) => x).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('pages named rows in (name, id) order, through rows that share a name', async () => {
    const rows = [
      { id: 'b', name: 'Trạm Y tế xã An' },
      { id: 'a', name: 'Trạm Y tế xã An' },
      { id: 'c', name: 'Nhà văn hóa' },
      { id: 'd', name: 'Trạm Y tế xã Bình' },
    ];
    const after = (row: { id: string; name: string }, filter: AfterNameCursor) =>
      !filter.OR || filter.OR.some((f) => ('id' in f ? row.name === f.name && row.id > f.id.gt : row.name > f.name.gt));
    const fetch = (filter: AfterNameCursor, take: number) =>
      Promise.resolve(
        rows
          .filter((row) => after(row, filter))
          .sort((x, y) => (x.name === y.name ? (x.id < y.id ? -1 : 1) : x.name < y.name ? -1 : 1))
          .slice(0, take),
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Connection<(typeof rows)[number]> = await pageByName({
        first: 1,
        after: cursor,
        fetch,
        count: () => Promise.resolve(rows.length),
      });
      expect(page.totalCount).toBe(4);
      seen.push(...page.nodes.map((row) => row.id));
      cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (cursor);
    expect(seen).toEqual(['c', 'a', 'b', 'd']);
  });
});
