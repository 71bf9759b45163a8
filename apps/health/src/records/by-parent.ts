import DataLoader from 'dataloader';

/** Batches "the rows of each parent" into one query: `fetch(ids)` returns every row of those parents, already ordered. */
export function rowsByParent<Row>(fetch: (ids: string[]) => Promise<Row[]>, parentOf: (row: Row) => string | null) {
  return new DataLoader<string, Row[]>(async (ids) => {
    const rows = await fetch([...ids]);
    const byParent = new Map<string, Row[]>(ids.map((id) => [id, []]));
    for (const row of rows) byParent.get(parentOf(row) ?? '')?.push(row);
    return ids.map((id) => byParent.get(id)!);
  });
}
