import { badInput } from './errors.js';

export const MAX_PAGE_SIZE = 500;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** Cursors are opaque to clients: the base64url of the last item's sort key. */
export const encodeCursor = (sortKey: string) => Buffer.from(sortKey, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) {
    throw badInput('Con trỏ phân trang (after) không hợp lệ.', { field: 'after', reason: 'INVALID_CURSOR' });
  }
  return key;
}

export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`Số bản ghi mỗi trang (first) phải từ 1 đến ${MAX_PAGE_SIZE}.`, {
      field: 'first',
      reason: 'PAGE_SIZE_OUT_OF_RANGE',
      max: MAX_PAGE_SIZE,
    });
  }
  return size;
}

/**
 * Builds a connection from a page fetched with one row more than asked for (keyset pagination:
 * `take: size + 1` after the decoded cursor), so "is there a next page" costs no extra query.
 */
export function toConnection<T>(
  rows: T[],
  size: number,
  totalCount: number,
  sortKey: (row: T) => string,
): Connection<T> {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last === undefined ? null : encodeCursor(sortKey(last)) },
  };
}

/**
 * One keyset-paginated list: validates `first` and `after`, fetches one row more than the page to
 * know whether another follows, and counts the whole list, in parallel.
 */
export async function keysetPage<T>(options: {
  first: number | null | undefined;
  after: string | null | undefined;
  defaultSize?: number;
  fetch(cursor: string | undefined, take: number): Promise<T[]>;
  // Properties, not methods: they are called detached from `options`, so they must not rely on `this`.
  count: () => Promise<number>;
  sortKey: (row: T) => string;
}): Promise<Connection<T>> {
  const size = pageSize(options.first, options.defaultSize);
  const cursor = decodeCursor(options.after);
  const [rows, totalCount] = await Promise.all([options.fetch(cursor, size + 1), options.count()]);
  return toConnection(rows, size, totalCount, options.sortKey);
}

const NAME_ID_SEPARATOR = '\u0000';

/** Where-filter for the rows after a cursor in (name, id) order, in Prisma's shape. */
export type AfterNameCursor = { OR?: Array<{ name: { gt: string } } | { name: string; id: { gt: string } }> };

/**
 * A keyset page of named rows in (name, id) order: `fetch` applies the filter for the rows after the
 * cursor and orders by name then id.
 */
export function pageByName<T extends { name: string; id: string }>(options: {
  first: number | null | undefined;
  after: string | null | undefined;
  fetch(afterCursor: AfterNameCursor, take: number): Promise<T[]>;
  count: () => Promise<number>;
}): Promise<Connection<T>> {
  return keysetPage({
    first: options.first,
    after: options.after,
    fetch(cursor, take) {
      if (cursor === undefined) return options.fetch({}, take);
      const [name = '', id = ''] = cursor.split(NAME_ID_SEPARATOR);
      return options.fetch({ OR: [{ name: { gt: name } }, { name, id: { gt: id } }] }, take);
    },
    count: options.count,
    sortKey: (row) => `${row.name}${NAME_ID_SEPARATOR}${row.id}`,
  });
}
