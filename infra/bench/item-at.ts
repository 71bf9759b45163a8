/**
 * The item at `index` of a list the caller built to have it (one entry per child, commune, ...): a
 * clear error instead of an `undefined` that would end up in a row. Not for lists whose items may
 * themselves be undefined.
 */
export function itemAt<T>(items: readonly T[], index: number, what: string): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`${what}: no item ${index} (of ${items.length})`);
  return item;
}
