interface RawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Inserts many rows in one statement: PostgreSQL unpacks them from one JSON parameter into the
 * table's row type, one round trip instead of a bind parameter per value (Prisma's createMany), which
 * is what lets the embedded database seed in seconds. Rows use the Prisma field names; the columns
 * are their snake_case `@map`, the convention of every schema here. Columns the rows leave out take
 * their database default. Returns the number of rows inserted.
 */
export async function bulkInsert(db: RawExecutor, table: string, rows: readonly Record<string, unknown>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const fields = Object.keys(rows[0]!);
  const columns = fields.map((field) => quoted(snakeCase(field))).join(', ');
  const records = rows.map((row) => Object.fromEntries(fields.map((field) => [snakeCase(field), row[field] ?? null])));
  return db.$executeRawUnsafe(
    `INSERT INTO ${quoted(table)} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${quoted(table)}, $1::jsonb)`,
    JSON.stringify(records),
  );
}
