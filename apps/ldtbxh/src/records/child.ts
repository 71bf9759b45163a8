import DataLoader from 'dataloader';

/** A child as the federation references it: by key only. */
export interface ChildParent {
  key: string;
}

/** Rows of a table by child key, one query per batch (`fetch` returns the rows of all keys). */
export function byChildKey<Row extends { childKey: string }>(fetch: (keys: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row[]>(async (keys) => {
    const rows = await fetch([...keys]);
    const grouped = new Map<string, Row[]>(keys.map((k) => [k, []]));
    for (const row of rows) grouped.get(row.childKey)?.push(row);
    return keys.map((k) => grouped.get(k)!);
  });
}
