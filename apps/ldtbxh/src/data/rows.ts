import DataLoader from 'dataloader';

import { toIsoDate } from '@ecd/service-kit';

/** Rows valid on a day (units, agencies, functions): started on or before it and not ended before it. */
export const validOn = (day: Date) => ({
  validFrom: { lte: day },
  OR: [{ validTo: null }, { validTo: { gte: day } }],
});

/** Whether a row was valid on a day, as `validOn` selects it (for rows already loaded). */
export const isValidOn = (row: { validFrom: Date; validTo: Date | null }, day: Date) =>
  row.validFrom <= day && (row.validTo === null || row.validTo >= day);

/** A row's interval as documents write it: ISO days, an open end as null. */
export const isoInterval = (row: { validFrom: Date; validTo: Date | null }) => ({
  validFrom: toIsoDate(row.validFrom),
  validTo: row.validTo ? toIsoDate(row.validTo) : null,
});

/** The one row of a batched read a caller relies on: a missing one is a broken reference in the database, not a client error. */
export function present<T>(row: T | null | undefined, what: string): T {
  if (row === null || row === undefined)
    throw new Error(`${what} is missing: the database holds a reference to a row it does not have`);
  return row;
}

/** A loader of rows by their key (id or code), in one query per batch: `fetch(keys)` returns the rows of those keys. */
export function rowByKeyLoader<Row>(fetch: (keys: string[]) => Promise<Row[]>, keyOf: (row: Row) => string) {
  return new DataLoader<string, Row | null>(async (keys) => {
    const rows = new Map((await fetch([...keys])).map((row) => [keyOf(row), row]));
    return keys.map((key) => rows.get(key) ?? null);
  });
}
