import DataLoader from 'dataloader';

/** One loader per distinct argument of a field in a request, so each distinct argument costs one batched statement. */
export function loaderPerArgument<L>(): (argument: string, create: () => L) => L {
  const loaders = new Map<string, L>();
  return (argument, create) => {
    let loader = loaders.get(argument);
    if (!loader) loaders.set(argument, (loader = create()));
    return loader;
  };
}

/**
 * Batches "the rows of each parent" into one query: `fetch(ids)` returns every row of those parents,
 * already ordered; each parent gets its own (possibly empty) list.
 */
export function rowsByParentLoader<Row>(
  fetch: (ids: string[]) => Promise<Row[]>,
  parentOf: (row: Row) => string | null,
) {
  return new DataLoader<string, Row[]>(async (ids) => {
    const byParent = new Map<string, Row[]>(ids.map((id) => [id, []]));
    for (const row of await fetch([...ids])) byParent.get(parentOf(row) ?? '')?.push(row);
    return ids.map((id) => byParent.get(id) ?? []);
  });
}

/** Prisma's unique-constraint violation: a concurrent request (or an earlier one) wrote the same key first. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/** Runs a write and turns a unique-constraint violation into the caller's typed error (a CONFLICT or a BAD_USER_INPUT). */
export async function onUniqueViolation<T>(write: () => Promise<T>, toError: () => Error): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw toError();
    throw error;
  }
}
